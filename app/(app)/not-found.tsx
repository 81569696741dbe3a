import { NotFoundMessage } from "../_components/NotFoundMessage";

/** A record that is not there (or not this organization's), inside the app's layout and its main landmark. */
export default function NotFound() {
  return <NotFoundMessage />;
}
