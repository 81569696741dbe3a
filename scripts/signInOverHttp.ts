// Signing in as a person over HTTP, as a browser does (the soak test and the benchmarks): next-auth's CSRF token, then the
// credentials callback from the app's own origin; the session cookies come back as one header.

export type SignInAttempt = {
  /** The session cookies as one header, or null when no session was started. */
  cookie: string | null;
  /** next-auth's `error` as the form shows it (a lock's message, or "CredentialsSignin"), or null. */
  error: string | null;
  status: number;
  /** How long the credentials callback took (the CSRF request before it not counted). */
  ms: number;
};

/** One sign-in attempt; a refusal is an answer, not an exception. */
export async function attemptSignIn(baseUrl: string, email: string, password: string): Promise<SignInAttempt> {
  baseUrl = baseUrl.replace(/\/$/, "");
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  // With json=true next-auth answers {url}; a refusal's url carries ?error=, as next-auth/react reads it.
  const text = await res.text();
  const ms = performance.now() - started;
  keep(res);
  let error: string | null = null;
  try {
    error = new URL((JSON.parse(text) as { url: string }).url, baseUrl).searchParams.get("error");
  } catch {
    error = `${res.status}: ${text.slice(0, 200)}`;
  }
  const signedIn = [...jar.keys()].some((k) => k.includes("session-token"));
  return { cookie: signedIn ? cookie() : null, error: signedIn ? null : error, status: res.status, ms };
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const attempt = await attemptSignIn(baseUrl, email, password);
  if (!attempt.cookie) throw new Error(`Sign-in as ${email} failed (${attempt.status}${attempt.error ? `: ${attempt.error}` : ""}).`);
  return attempt.cookie;
}
