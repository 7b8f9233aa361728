/**
 * Every webhook fixture, for every provider, normalises to exactly the expected events (raw item
 * included) and reports exactly the expected problems; every event is a valid InboundEvent.
 */
import { describe, expect, it } from "vitest";
import {
  PROVIDERS,
  type ProviderName,
  type WebhookOptions,
  parseWebhook,
  validateInboundEvent,
} from "../../generated/src/index.ts";
import { type WebhookFixture, at, loadWebhookFixtures } from "../support/webhook-fixtures.ts";

const fixtures = loadWebhookFixtures();

function options(fixture: WebhookFixture): WebhookOptions {
  const o = fixture.options ?? {};
  return {
    ...(o.sent === undefined ? {} : { sent: o.sent as WebhookOptions["sent"] }),
    ...(o.receivedAt === undefined ? {} : { receivedAt: new Date(o.receivedAt) }),
  };
}

describe("webhook fixtures", () => {
  it("cover every provider", () => {
    expect(new Set(fixtures.map((f) => f.provider))).toEqual(new Set(PROVIDERS));
  });

  for (const fixture of fixtures) {
    describe(`${fixture.provider}/${fixture.name}`, () => {
      const result = parseWebhook(fixture.provider as ProviderName, fixture.payload, options(fixture));

      it("gives the expected events", () => {
        const expected = fixture.expect.events.map((e) => ({ ...e, raw: at(fixture.payload, e.raw) }));
        expect(result.events).toEqual(expected);
      });

      it("reports exactly the expected problems", () => {
        expect(result.errors.map((e) => ({ path: e.path, rule: e.rule }))).toEqual(fixture.expect.errors);
        expect(result.ok).toBe(fixture.expect.errors.length === 0);
        for (const e of result.errors) expect(e.message.length).toBeGreaterThan(15);
        expect(result.skipped.map((s) => ({ path: s.path }))).toEqual(fixture.expect.skipped ?? []);
      });

      it("reports exactly the expected warnings, each once, with the item's full pointer", () => {
        expect(result.warnings.map((w) => ({ path: w.path, rule: w.rule }))).toEqual(fixture.expect.warnings ?? []);
        for (const w of result.warnings) {
          expect(w.severity).toBe("warning");
          expect(w.message.length).toBeGreaterThan(15);
        }
      });

      it("gives valid InboundEvents", () => {
        for (const event of result.events) expect(validateInboundEvent(event)).toEqual({ ok: true, value: event, warnings: [] });
      });

      it("reads the raw body as a string the same way", () => {
        expect(
          parseWebhook(fixture.provider as ProviderName, JSON.stringify(fixture.payload), options(fixture)),
        ).toEqual(result);
      });

      it("reads the raw body as bytes (a Buffer, a Uint8Array) the same way", () => {
        const bytes = Buffer.from(JSON.stringify(fixture.payload), "utf8");
        expect(parseWebhook(fixture.provider as ProviderName, bytes, options(fixture))).toEqual(result);
        expect(parseWebhook(fixture.provider as ProviderName, new Uint8Array(bytes), options(fixture))).toEqual(result);
      });
    });
  }
});

describe("parseWebhook on bad input", () => {
  it("reports a body that is not JSON", () => {
    const result = parseWebhook("meta", "{not json");
    expect(result).toMatchObject({ ok: false, events: [], errors: [{ path: "", rule: "json" }] });
  });

  it("reports bytes that are not UTF-8", () => {
    const result = parseWebhook("meta", new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(result).toMatchObject({ ok: false, events: [], errors: [{ path: "", rule: "json" }] });
    expect(result.errors[0]!.message).toMatch(/not UTF-8/);
  });

  it("names the provider that was asked, for the three that share Meta's webhook", () => {
    for (const provider of ["meta", "360dialog", "whatsapp-node-sdk"] as const) {
      const result = parseWebhook(provider, {});
      expect(result.errors.map((e) => e.message)).toEqual([
        `${provider} webhook body is missing the required property "object"`,
        `${provider} webhook body is missing the required property "entry"`,
      ]);
      expect(parseWebhook(provider, 42).errors[0]!.message).toMatch(new RegExp(`^${provider} webhook body`));
    }
  });

  it("reports a payload of the wrong shape with paths, and never throws", () => {
    for (const provider of PROVIDERS) {
      for (const payload of [null, 42, [], { object: "page" }, { whatsapp: { messages: "no" } }, { event: 1 }]) {
        const result = parseWebhook(provider, payload);
        expect(result.ok).toBe(false);
        expect(result.events).toEqual([]);
        expect(result.errors.length).toBeGreaterThan(0);
      }
    }
  });

  it("reports a payload whose reading throws (a getter, a Proxy) instead of throwing", () => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
        ownKeys: () => {
          throw new Error("trap");
        },
      },
    );
    const getter = {
      object: "whatsapp_business_account",
      get entry(): unknown {
        throw new Error("boom");
      },
    };
    for (const provider of PROVIDERS) {
      for (const payload of [trap, getter]) {
        const result = parseWebhook(provider, payload);
        expect(result.ok).toBe(false);
        expect(result.events).toEqual([]);
      }
    }
  });

  it("rejects an unknown provider clearly", () => {
    expect(() => parseWebhook("twilio" as ProviderName, {})).toThrow(/unknown provider "twilio"/);
  });
});
