/**
 * Every signing scheme against an independent signer (node:crypto for HMAC, jose's SignJWT for
 * Vonage): a good signature passes in every input form, and a tampered byte, a wrong secret, a
 * missing or malformed header, a signature over re-serialised JSON and (Vonage) a stale token
 * all fail with the reason that says so.
 */
import { createHash, createHmac } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { ProviderError } from "../../generated/src/index.ts";
import { SIGNATURES, verifyWebhook } from "../../generated/src/verify.ts";

const SECRET = "whsec-7f3a9c1e";
// Signed as Meta sends it: non-ASCII escaped and "/" escaped, which JSON.stringify does not reproduce.
const RAW =
  '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"from":"4915112345678","id":"wamid.A","timestamp":"1716890000","type":"text","text":{"body":"Gr\\u00fc\\u00dfe \\/ caf\\u00e9 @ 10"}}]}}]}]}';
const RESERIALISED = JSON.stringify(JSON.parse(RAW));

const hmacProviders = (["meta", "whatsapp-node-sdk", "360dialog", "aisoule"] as const).map((provider) => {
  const spec = SIGNATURES[provider];
  if (spec.scheme !== "hmac-sha256") throw new Error(`${provider} is not an HMAC scheme`);
  return { provider, spec };
});

const sign = (body: string | Buffer, secret = SECRET) => createHmac("sha256", secret).update(body).digest("hex");

function tamper(raw: string): string {
  const i = raw.indexOf("wamid.A") + 6;
  return raw.slice(0, i) + "B" + raw.slice(i + 1);
}

describe.each(hmacProviders)("$provider ($spec.header)", ({ provider, spec }) => {
  const good = `${spec.prefix}${sign(RAW)}`;
  const headers = (value: string | string[] | undefined) => ({
    "content-type": "application/json",
    [spec.header.toUpperCase()]: value,
  });

  it("accepts the signature over the raw body: string, bytes, ArrayBuffer; plain headers in any case or a Headers", async () => {
    const bytes = new TextEncoder().encode(RAW);
    for (const rawBody of [RAW, bytes, bytes.buffer.slice(0)]) {
      expect(await verifyWebhook(provider, { rawBody, headers: headers(good), secret: SECRET })).toEqual({ ok: true });
    }
    expect(
      await verifyWebhook(provider, { rawBody: RAW, headers: new Headers({ [spec.header]: good }), secret: SECRET }),
    ).toEqual({ ok: true });
    expect(
      await verifyWebhook(provider, {
        rawBody: RAW,
        headers: { [spec.header]: [good] },
        secret: new TextEncoder().encode(SECRET),
      }),
    ).toEqual({ ok: true });
  });

  it("rejects a body with one byte changed", async () => {
    expect(
      await verifyWebhook(provider, { rawBody: tamper(RAW), headers: headers(good), secret: SECRET }),
    ).toMatchObject({ ok: false, reason: "bad-signature" });
  });

  it("rejects the wrong secret", async () => {
    expect(await verifyWebhook(provider, { rawBody: RAW, headers: headers(good), secret: `${SECRET}x` })).toMatchObject(
      { ok: false, reason: "bad-signature" },
    );
  });

  it("rejects a missing header", async () => {
    expect(await verifyWebhook(provider, { rawBody: RAW, headers: headers(undefined), secret: SECRET })).toMatchObject({
      ok: false,
      reason: "missing-header",
    });
    expect(await verifyWebhook(provider, { rawBody: RAW, headers: new Headers(), secret: SECRET })).toMatchObject({
      ok: false,
      reason: "missing-header",
    });
  });

  it("rejects a malformed header", async () => {
    const hex = sign(RAW);
    const malformed = [
      `${spec.prefix}${hex.slice(2)}`,
      `${spec.prefix}${hex.slice(0, -1)}z`,
      `${spec.prefix}`,
      `sha1=${hex}`,
      `${spec.prefix}${hex}${hex}`,
    ];
    if (!spec.prefixOptional) malformed.push(hex);
    for (const value of malformed) {
      expect(
        await verifyWebhook(provider, { rawBody: RAW, headers: headers(value), secret: SECRET }),
        value,
      ).toMatchObject({ ok: false, reason: "malformed-header" });
    }
    expect(
      await verifyWebhook(provider, { rawBody: RAW, headers: headers([good, good]), secret: SECRET }),
    ).toMatchObject({ ok: false, reason: "malformed-header" });
  });

  it("rejects the body re-serialised from parsed JSON", async () => {
    expect(RESERIALISED).not.toBe(RAW);
    expect(
      await verifyWebhook(provider, { rawBody: RESERIALISED, headers: headers(good), secret: SECRET }),
    ).toMatchObject({ ok: false, reason: "bad-signature" });
  });

  it("carries no time, so age cannot make it stale: a replay must be caught by message id", async () => {
    expect(spec.timestamped).toBe(false);
    const later = new Date(Date.now() + 365 * 24 * 3600 * 1000);
    expect(await verifyWebhook(provider, { rawBody: RAW, headers: headers(good), secret: SECRET, now: later })).toEqual(
      { ok: true },
    );
  });

  it("refuses an empty secret rather than check against it", async () => {
    await expect(verifyWebhook(provider, { rawBody: RAW, headers: headers(good), secret: "" })).rejects.toThrow(
      ProviderError,
    );
  });
});

describe("vonage (JWT bearer, payload_hash)", () => {
  const VONAGE_RAW =
    '{"channel":"whatsapp","message_uuid":"aaaaaaaa-1111","from":"447700900123","to":"447700900000","timestamp":"2024-05-28T09:15:30Z","message_type":"reply","reply":{"id":"slot-1","title":"15:00"}}';
  const issuedAt = Math.floor(Date.parse("2024-05-28T09:15:31Z") / 1000);
  const now = new Date((issuedAt + 10) * 1000);
  const key = new TextEncoder().encode(SECRET);
  const hash = (body: string) => createHash("sha256").update(body).digest("hex");
  async function token(claims: Record<string, unknown> = {}, secret = key, alg = "HS256") {
    return new SignJWT({ api_key: "a1b2c3d4", application_id: "app-1", payload_hash: hash(VONAGE_RAW), ...claims })
      .setProtectedHeader({ alg, typ: "JWT" })
      .setIssuer("Vonage")
      .setJti("jti-1")
      .setIssuedAt(issuedAt)
      .sign(secret);
  }
  const check = async (authorization: string | undefined, rawBody = VONAGE_RAW, at = now) =>
    verifyWebhook("vonage", {
      rawBody,
      headers: authorization === undefined ? {} : { Authorization: authorization },
      secret: SECRET,
      now: at,
    });

  it("accepts a fresh token whose payload_hash is this body", async () => {
    expect(await check(`Bearer ${await token()}`)).toEqual({ ok: true });
    expect(
      await verifyWebhook("vonage", {
        rawBody: new TextEncoder().encode(VONAGE_RAW),
        headers: new Headers({ authorization: `Bearer ${await token()}` }),
        secret: SECRET,
        now,
      }),
    ).toEqual({ ok: true });
  });

  it("rejects a body with one byte changed", async () => {
    expect(await check(`Bearer ${await token()}`, VONAGE_RAW.replace("slot-1", "slot-2"))).toMatchObject({
      ok: false,
      reason: "body-mismatch",
    });
  });

  it("rejects a token signed with another secret", async () => {
    expect(await check(`Bearer ${await token({}, new TextEncoder().encode("another-secret"))}`)).toMatchObject({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("rejects a missing Authorization header", async () => {
    expect(await check(undefined)).toMatchObject({ ok: false, reason: "missing-header" });
  });

  it("rejects a malformed Authorization header", async () => {
    const jwt = await token();
    for (const value of [jwt, `Basic ${jwt}`, "Bearer not-a-jwt", "Bearer "])
      expect(await check(value), value).toMatchObject({ ok: false, reason: "malformed-header" });
    const [header, payload, signature] = jwt.split(".");
    expect(await check(`Bearer ${header}.${payload}x.${signature}`)).toMatchObject({ ok: false });
  });

  it("rejects a stale token, and one issued in the future", async () => {
    const jwt = `Bearer ${await token()}`;
    expect(await check(jwt, VONAGE_RAW, new Date((issuedAt + 299) * 1000))).toEqual({ ok: true });
    expect(await check(jwt, VONAGE_RAW, new Date((issuedAt + 301) * 1000))).toMatchObject({
      ok: false,
      reason: "stale",
    });
    expect(await check(jwt, VONAGE_RAW, new Date((issuedAt - 60) * 1000))).toMatchObject({
      ok: false,
      reason: "stale",
    });
  });

  it("rejects the body re-serialised from parsed JSON when it differs from what was hashed", async () => {
    const pretty = JSON.stringify(JSON.parse(VONAGE_RAW), null, 1);
    expect(await check(`Bearer ${await token()}`, pretty)).toMatchObject({ ok: false, reason: "body-mismatch" });
  });

  it("rejects a token without payload_hash or of another algorithm", async () => {
    expect(await check(`Bearer ${await token({ payload_hash: undefined })}`)).toMatchObject({
      ok: false,
      reason: "bad-token",
    });
    expect(await check(`Bearer ${await token({}, key, "HS512")}`)).toMatchObject({ ok: false, reason: "bad-token" });
  });
});

describe("providers without a scheme", () => {
  it("exotel documents none: verifyWebhook says so instead of inventing one", async () => {
    expect(SIGNATURES.exotel.scheme).toBe("none");
    await expect(verifyWebhook("exotel", { rawBody: "{}", headers: {}, secret: SECRET })).rejects.toThrow(
      /exotel does not sign its webhooks/,
    );
  });
});
