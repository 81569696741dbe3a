// The headers that protect a browser on every answer (proxy.ts sets them): a strict Content
// Security Policy whose scripts run only with this response's nonce (Next puts it on its own
// scripts, reading it from the request's CSP header), no framing, no MIME sniffing, a short
// Referer, no camera/microphone/geolocation, and HSTS when a trusted proxy says the answer goes out over HTTPS.
// Pure: no env, no Next, so it is unit-tested as is.

export type SecurityHeaderOptions = {
  /** The page's script nonce; API answers (JSON, files) get a policy that allows nothing. */
  nonce?: string;
  /** `next dev`: React rebuilds server stacks with eval and injects styles without a nonce. */
  dev: boolean;
  /** The answer goes out over HTTPS (see servedOverHttps): HSTS and upgrade-insecure-requests. */
  https: boolean;
  /**
   * The page's forms may end anywhere: the SSO page's form finds the organization and is
   * redirected on to its identity provider, and browsers that check form-action on redirects
   * (Chrome) would stop it there. That page shows nothing private a form could carry away.
   */
  formsLeave?: boolean;
};

/** Pages whose forms are redirected to another origin (formsLeave). */
export const FORMS_LEAVE_PATHS = ["/sso"];

/** 128 random bits, base64: unguessable and new for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, dev, https, formsLeave = false }: SecurityHeaderOptions): string {
  if (nonce === undefined) {
    // JSON, CSV, PDF: nothing in them should ever load, run or be framed.
    return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  }
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts the nonced ones load (Next's chunks) run; 'self' is only a fallback
    // for browsers without CSP 3, and no inline script runs without the nonce.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Stylesheets and <style> elements: ours, or nonced (Next's); dev's hot reload injects unnonced ones.
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // style="" attributes (React's style props, bar widths, chart sizes) cannot carry a nonce; they
    // run no code, and an injected one could only restyle the page. Scripts never get 'unsafe-inline'.
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ...(formsLeave ? [] : ([["form-action", "'self'"]] as [string, string][])),
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Every security header of an answer, by name. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    // For browsers without frame-ancestors.
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Browsers ignore HSTS over plain HTTP; sending it only over HTTPS also keeps a local
    // `http://localhost` from being pinned to https.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * The request arrived over HTTPS, which for Leadlag means through a reverse proxy that terminates
 * TLS: `npm start`'s server (scripts/server.ts) and `npm run dev` speak plain HTTP only. So only a
 * trusted proxy's X-Forwarded-Proto says so (LEADLAG_TRUST_PROXY); without that setting the header
 * is ignored: anyone can send it. The request's own URL cannot tell: Next builds it from that same
 * header, whoever sent it (a client's `X-Forwarded-Proto: https` over plain http made it https://,
 * and the page went out with HSTS and upgrade-insecure-requests).
 */
export function servedOverHttps(request: Request, trustProxy: boolean): boolean {
  if (!trustProxy) return false;
  // A chain of proxies lists one protocol each; the first is the client's.
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https";
}
