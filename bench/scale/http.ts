// Requests as a signed-in person: next-auth's credentials sign-in (bench/firstLoadJs.ts), then
// GETs that must answer 200 with the page's marker text, or fail.
import { signIn } from "../firstLoadJs";

export { signIn };

/** GET `path`; throws unless it answers 200 with `marker` in the body. */
export async function getPage(baseUrl: string, path: string, cookie: string, marker: string, timeoutMs: number): Promise<number> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.text();
  if (res.status !== 200) {
    const where = res.headers.get("location");
    throw new Error(`GET ${path} answered ${res.status}${where ? ` → ${where}` : ""}${res.status >= 500 ? `: ${body.slice(0, 200)}` : ""}`);
  }
  if (!body.includes(marker)) throw new Error(`GET ${path} answered 200 without "${marker}" (${body.length} bytes)`);
  return body.length;
}
