import { NotFoundMessage } from "../_components/NotFoundMessage";

/** A link that leads nowhere (an unknown invitation, say), inside the signed-out pages' main landmark. */
export default function NotFound() {
  return <NotFoundMessage />;
}
