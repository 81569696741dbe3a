// A real OpenID provider for the SSO tests: panva's oidc-provider (certified OpenID Connect),
// listening on 127.0.0.1 at a free port, with one confidential client whose redirect URI is the
// app's callback. Its own sign-in page (devInteractions) accepts any login: the login is the
// person's email, verified unless it starts with "unverified". Consent is granted silently, as
// a company's identity provider does for its own apps. `signInAt` drives that page over HTTP
// for the integration tests; the browser specs use it as a person would.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Follows an authorization URL through the provider's sign-in as `login`; returns where the provider sends the browser back. */
  signInAt(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
};

export async function startOidcProvider(opts: { redirectUri: string; clientId?: string; clientSecret?: string }): Promise<TestOidcProvider> {
  const clientId = opts.clientId ?? `leadlag-${randomBytes(4).toString("hex")}`;
  const clientSecret = opts.clientSecret ?? randomBytes(24).toString("base64url");
  let handler: ReturnType<Provider["callback"]> | null = null;
  const server: Server = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const email = sub.toLowerCase();
      return {
        accountId: sub,
        async claims() {
          return { sub, email, email_verified: !email.startsWith("unverified"), name: email.split("@")[0] };
        },
      };
    },
    // First-party app: no consent screen; the grant covers what the app asks for.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId || oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
  });
  handler = provider.callback();

  async function signInAt(authorizationUrl: string, login: string): Promise<URL> {
    const jar = new Map<string, string>();
    const request = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(url, {
        ...init,
        redirect: "manual",
        headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const eq = pair!.indexOf("=");
        jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
      return res;
    };
    let url = authorizationUrl;
    for (let hop = 0; hop < 10; hop++) {
      if (!url.startsWith(issuer)) return new URL(url);
      const res = await request(url);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get("location")!, url).toString();
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action) throw new Error(`The provider answered ${res.status}: ${html.slice(0, 500)}`);
      const submitted = await request(new URL(action, url).toString(), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ prompt: "login", login, password: "any" }).toString(),
      });
      url = new URL(submitted.headers.get("location")!, url).toString();
    }
    throw new Error("The provider redirected too many times.");
  }

  return {
    issuer,
    clientId,
    clientSecret,
    signInAt,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
