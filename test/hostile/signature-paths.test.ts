/**
 * verifyWebhook checks HMAC signatures with node:crypto where the runtime offers it and with Web
 * Crypto elsewhere (Deno without Node compatibility, workers). The attack cases in
 * test/providers/signatures.test.ts run on Node, so on the first path; this runs the same kinds of
 * tampering through both paths and requires the same verdict from each, for every HMAC provider.
 */
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SIGNATURES } from "../../generated/src/verify.ts";
import type * as Signatures from "../../generated/src/wire/signatures.ts";

const SECRET = "whsec-3b1d";
const RAW = '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"from":"1","id":"wamid.A","type":"text","text":{"body":"caf\\u00e9 \\/ 10"}}]}}]}]}';
const sign = (body: string, secret = SECRET) => createHmac("sha256", secret).update(body).digest("hex");

/** The signatures module loaded afresh, with or without node:crypto on offer. */
async function load(withNodeCrypto: boolean): Promise<typeof Signatures> {
  vi.resetModules();
  const offer = withNodeCrypto ? undefined : vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined as never);
  const module = await import("../../generated/src/wire/signatures.ts");
  // The module asks once, when it loads: the Web Crypto run really was refused node:crypto.
  if (offer) expect(offer).toHaveBeenCalledWith("node:crypto");
  return module;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const hmac = Object.entries(SIGNATURES).flatMap(([provider, spec]) => (spec.scheme === "hmac-sha256" ? [{ provider, spec }] : []));

describe.each(hmac)("$provider: node:crypto and Web Crypto give the same verdicts", ({ spec }) => {
  const cases: [string, string, string][] = [
    ["the signed body", RAW, `${spec.prefix}${sign(RAW)}`],
    ["one byte changed", RAW.replace("wamid.A", "wamid.B"), `${spec.prefix}${sign(RAW)}`],
    ["the wrong secret", RAW, `${spec.prefix}${sign(RAW, "other")}`],
    ["re-serialised JSON", JSON.stringify(JSON.parse(RAW)), `${spec.prefix}${sign(RAW)}`],
    ["a signature one hex digit off", RAW, `${spec.prefix}${sign(RAW).replace(/.$/, (c) => (c === "0" ? "1" : "0"))}`],
    ["the signed body, its signature in upper case", RAW, `${spec.prefix}${sign(RAW).toUpperCase()}`],
    ["64 characters, one not hexadecimal", RAW, `${spec.prefix}${sign(RAW).replace(/^./, "g")}`],
    ["a signature one digit short", RAW, `${spec.prefix}${sign(RAW).slice(1)}`],
  ];
  const accepted = (what: string) => what.startsWith("the signed body");
  const malformed = (what: string) => what.startsWith("64 characters") || what.endsWith("short");

  it.each(cases)("%s", async (what, body, header) => {
    const verdicts = [];
    for (const withNodeCrypto of [true, false]) {
      const { verifyHmacSignature } = await load(withNodeCrypto);
      verdicts.push(await verifyHmacSignature(spec as Extract<typeof spec, { scheme: "hmac-sha256" }>, { rawBody: body, headers: { [spec.header]: header }, secret: SECRET }));
    }
    expect(verdicts[1]).toEqual(verdicts[0]);
    expect(verdicts[0]!.ok).toBe(accepted(what));
    if (!verdicts[0]!.ok) expect(verdicts[0]!.reason).toBe(malformed(what) ? "malformed-header" : "bad-signature");
  });
});
