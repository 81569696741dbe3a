import { getViewer } from "@/lib/auth/context";
import { canAdminister, canInvite, canManageMeasures } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { SettingsNav, type SettingsLink } from "./SettingsNav";

// Each page checks its own role (managers invite people and run teams but read no other
// settings); the nav only leaves out the sections the viewer's role cannot open.
const SECTIONS: (SettingsLink & { may: (role: Role) => boolean })[] = [
  { href: "/settings", label: "General", may: canAdminister },
  { href: "/settings/people", label: "People", may: canAdminister },
  { href: "/settings/invitations", label: "Invitations", may: canInvite },
  { href: "/settings/teams", label: "Teams", may: canManageMeasures },
  { href: "/settings/sso", label: "Single sign-on", may: canAdminister },
  { href: "/settings/outbox", label: "Outbox", may: canAdminister },
  { href: "/settings/jobs", label: "Jobs", may: canAdminister },
  { href: "/settings/notifications", label: "Notifications", may: canAdminister },
];

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const role = (await getViewer())?.context?.role;
  const links = role ? SECTIONS.filter((s) => s.may(role)).map(({ href, label }) => ({ href, label })) : [];
  return (
    <>
      {links.length > 1 ? <SettingsNav links={links} /> : null}
      {children}
    </>
  );
}
