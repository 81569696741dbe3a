// The pages people see before they are signed in (and the sign-out page) have one main landmark,
// as the app's pages do (axe: landmark-one-main, region).
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <main id="main">{children}</main>;
}
