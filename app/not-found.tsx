import { NotFoundMessage } from "./_components/NotFoundMessage";

/** An address that matches no page: only the root layout is around it, so it brings its own main landmark. */
export default function NotFound() {
  return (
    <main>
      <NotFoundMessage />
    </main>
  );
}
