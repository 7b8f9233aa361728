/**
 * A 10 MB payload and a 10 000-level nesting through every entry point: each returns an error (or,
 * for the webhook signature, a rejection), never a stack overflow or a throw. Only the outcome is
 * asserted here; how long each takes is measured by `npm run bench`.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PROVIDERS, ProviderError, button, fromProvider, list, parseWebhook, toProvider, validateMessage } from "../../generated/src/index.ts";
import { verifyWebhook } from "../../generated/src/verify.ts";

const TEN_MB = 10 * 1024 * 1024;
const big = "x".repeat(TEN_MB);

function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 0; i < depth; i++) node = (node.a = {}) as Record<string, unknown>;
  return root;
}

const deepText = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
const message = (interactive: unknown) => ({ messaging_product: "whatsapp", to: "16505551234", type: "interactive", interactive });

describe("10 MB and 10 000 levels deep", () => {
  it("builders: a 10 MB body and a 10 000-deep row are issues", () => {
    const long = button().body(big).reply("a", "A").safeBuild();
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.errors).toContainEqual(expect.objectContaining({ path: "/body/text", rule: "maxLength", actual: TEN_MB }));
    const deep = list("Open").body("Pick").section((s) => s.rows([nested(10_000) as never])).safeBuild();
    expect(deep.ok).toBe(false);
  });

  it("toProvider: every provider refuses a 10 MB body and a 10 000-deep value with a ProviderError", () => {
    for (const provider of PROVIDERS) {
      const options = provider === "vonage" ? { from: "447700900000" } : provider === "exotel" ? { from: "+918047112233" } : undefined;
      for (const interactive of [{ type: "button", body: { text: big }, action: { buttons: [{ type: "reply", reply: { id: "a", title: "A" } }] } }, nested(10_000)]) {
        expect(() => (toProvider as (p: string, m: unknown, o?: object) => unknown)(provider, message(interactive), options), provider).toThrow(ProviderError);
      }
    }
  });

  it("fromProvider: every provider refuses a 10 000-deep body with a ProviderError", () => {
    for (const provider of PROVIDERS) expect(() => fromProvider(provider, nested(10_000)), provider).toThrow(ProviderError);
  });

  it("parseWebhook: a 10 000-deep payload, as text or as an object, is an error for every provider", () => {
    for (const provider of PROVIDERS) {
      for (const payload of [deepText, nested(10_000)]) {
        const result = parseWebhook(provider, payload);
        expect(result.ok, provider).toBe(false);
        expect(result.errors.length).toBeGreaterThan(0);
      }
    }
  });

  it("parseWebhook: a 10 MB text message is parsed without being cut", () => {
    const payload = { object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "1", phone_number_id: "1" }, messages: [{ from: "1", id: "wamid.x", timestamp: "1", type: "text", text: { body: big } }] } }] }] };
    const result = parseWebhook("meta", JSON.stringify(payload));
    expect(result.errors).toEqual([]);
    expect(JSON.stringify(result.events).length).toBeGreaterThan(TEN_MB);
  });

  it("verifyWebhook: a 10 MB body is checked, and one changed byte at its end is caught", async () => {
    const body = `{"object":"whatsapp_business_account","pad":"${big}"}`;
    const headers = { "x-hub-signature-256": `sha256=${createHmac("sha256", "s3cret").update(body).digest("hex")}` };
    expect(await verifyWebhook("meta", { rawBody: body, headers, secret: "s3cret" })).toEqual({ ok: true });
    const changed = `${body.slice(0, -3)}y"}`;
    expect(await verifyWebhook("meta", { rawBody: changed, headers, secret: "s3cret" })).toMatchObject({ ok: false, reason: "bad-signature" });
  });

  it("validateMessage: a 10 000-deep interactive is one issue, not a stack overflow", () => {
    const result = validateMessage(message(nested(10_000)));
    expect(result.ok).toBe(false);
  });
});
