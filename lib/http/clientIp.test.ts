import { describe, expect, it } from "vitest";
import { clientIp, PEER_ADDRESS_HEADER, UNKNOWN_ADDRESS } from "./clientIp";

describe("the client's address for the rate limits", () => {
  it("is the socket's address the server passed on; a client's X-Forwarded-For is ignored without a trusted proxy", () => {
    const h = new Headers({ [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "10.9.9.9" });
    expect(clientIp(h, false)).toBe("198.51.100.7");
    // next-auth hands over headers as a plain object.
    expect(clientIp({ [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.1", "x-forwarded-for": "10.9.9.9" }, false)).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, is the last X-Forwarded-For entry (the one the proxy added), not the client's claims before it", () => {
    const h = new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientIp(h, true)).toBe("203.0.113.9");
    expect(clientIp(new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), true)).toBe("10.0.0.2");
  });

  it("is one shared 'unknown' address when the server passed none on (next dev)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6" }), false)).toBe(UNKNOWN_ADDRESS);
    expect(clientIp({}, false)).toBe(UNKNOWN_ADDRESS);
  });
});
