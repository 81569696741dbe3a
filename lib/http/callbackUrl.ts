// Where to go after signing in: only a path on this site. A link such as
// /sign-in?callbackUrl=https://evil.example must never send someone elsewhere once they have
// typed their password; "//evil.example" and "/\evil.example" are other hosts to a browser too.

const BASE = "http://leadlag.invalid";

/** `value` when it is a same-origin path (with its query and hash), else "/". */
export function safeCallbackUrl(value: string | string[] | null | undefined, fallback = "/"): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith("/") || v.startsWith("//") || v.includes("\\")) return fallback;
  // Control characters (a tab or newline inside "/\t/evil") are dropped by URL parsers.
  if (/[\u0000-\u001f\u007f]/.test(v)) return fallback;
  try {
    const url = new URL(v, BASE);
    if (url.origin !== BASE) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** The request header in which proxy.ts hands a page the path (and query) it was asked for. */
export const REQUESTED_PATH_HEADER = "x-leadlag-requested-path";

/** The sign-in page that returns to `path` (a link from an email keeps its week and filters). */
export function signInReturningTo(path: string | null | undefined): string {
  const back = safeCallbackUrl(path);
  return back === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(back)}`;
}
