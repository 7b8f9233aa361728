/** Meta's GET handshake: the challenge goes back only for a subscribe request with our token. */
import { describe, expect, it } from "vitest";
import { verifySubscription } from "../../generated/src/index.ts";

const TOKEN = "my-verify-token";

describe("verifySubscription", () => {
  it("answers the challenge from a query string, URLSearchParams or a plain object", () => {
    const query = "hub.mode=subscribe&hub.verify_token=my-verify-token&hub.challenge=1158201444";
    for (const q of [
      query,
      `?${query}`,
      new URLSearchParams(query),
      { "hub.mode": "subscribe", "hub.verify_token": TOKEN, "hub.challenge": "1158201444" },
    ]) {
      expect(verifySubscription(q, TOKEN)).toEqual({ ok: true, status: 200, challenge: "1158201444" });
    }
  });

  it("decodes percent-encoding", () => {
    expect(verifySubscription("hub.mode=subscribe&hub.verify_token=a%20b%2Bc&hub.challenge=x", "a b+c")).toMatchObject({
      ok: true,
    });
  });

  it("refuses another token with 403", () => {
    for (const token of ["my-verify-tokeN", "my-verify-toke", "", "my-verify-token "]) {
      expect(
        verifySubscription({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "1" }, TOKEN),
      ).toMatchObject({ ok: false, status: 403 });
    }
  });

  it("refuses a request that is not a subscription with 400", () => {
    expect(
      verifySubscription("hub.mode=unsubscribe&hub.verify_token=my-verify-token&hub.challenge=1", TOKEN),
    ).toMatchObject({ ok: false, status: 400 });
    expect(verifySubscription("hub.mode=subscribe&hub.verify_token=my-verify-token", TOKEN)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(verifySubscription({}, TOKEN)).toMatchObject({ ok: false, status: 400 });
  });

  it("never accepts when our own token is empty", () => {
    expect(
      verifySubscription({ "hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1" }, ""),
    ).toMatchObject({ ok: false, status: 403 });
  });
});
