import "server-only";
// Posting to a team's Slack or Microsoft Teams incoming webhook without letting the URL reach
// inside our own network (server-side request forgery): an admin could otherwise point a "webhook"
// at the cloud metadata service, the database or an internal admin page and have the worker call
// it. Checked twice: when the URL is saved (https, no private host written into it) and when it is
// posted to, on the address the name resolves to at that moment (request-filtering-agent's agent
// checks the socket's address, so a public name that resolves inside, or is rebound to an inside
// address after the save, is refused too). LEADLAG_WEBHOOKS_ALLOW_PRIVATE=true lifts both, for a
// chat server inside your own network.
import http from "node:http";
import https from "node:https";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { useAgent } from "request-filtering-agent";

/** Why `url` cannot be a team webhook, or null when it can. */
export function webhookUrlProblem(url: string, allowPrivate: boolean): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "Paste the incoming-webhook URL (https://…).";
  }
  if (url.length > 2000) return "That URL is too long for an incoming webhook.";
  if (allowPrivate) return u.protocol === "https:" || u.protocol === "http:" ? null : "Paste the incoming-webhook URL (https://…).";
  if (u.protocol !== "https:") return "An incoming-webhook URL starts with https://.";
  if (u.username || u.password) return "An incoming-webhook URL carries no user name or password.";
  const host = u.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) {
    return "That address is inside this server's network: paste the public URL Slack or Teams gave you.";
  }
  if (net.isIP(host) && ipaddr.process(host).range() !== "unicast") {
    return "That address is inside this server's network: paste the public URL Slack or Teams gave you.";
  }
  return null;
}

/** POSTs `body` as JSON; resolves with the status, rejects when the address is refused or unreachable. */
export function postJson(url: string, body: unknown, opts: { allowPrivate: boolean; timeoutMs: number }): Promise<number> {
  const problem = webhookUrlProblem(url, opts.allowPrivate);
  if (problem) return Promise.reject(new Error(problem));
  const payload = Buffer.from(JSON.stringify(body));
  const request = url.startsWith("https:") ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": payload.length },
        agent: useAgent(url, { allowPrivateIPAddress: opts.allowPrivate }),
        timeout: opts.timeoutMs,
      },
      (res) => {
        // A redirect is not followed (it could lead inside); the body is not needed.
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${Math.round(opts.timeoutMs / 1000)} s`)));
    req.on("error", reject);
    req.end(payload);
  });
}
