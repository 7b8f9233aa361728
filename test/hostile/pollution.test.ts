/**
 * `__proto__`, `constructor` and `prototype` keys, as JSON.parse makes them (own data properties),
 * at every depth of messages, builder inputs, provider bodies and webhooks. After validating,
 * building, translating and parsing them, Object.prototype (and Array.prototype) must be exactly
 * what it was, and every output must be a plain object whose prototype nobody replaced.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  PROVIDERS,
  type ProviderName,
  button,
  fromProvider,
  isMessage,
  list,
  parseWebhook,
  toProvider,
  validateInteractive,
  validateMessage,
} from "../../generated/src/index.ts";
import { verifyWebhook } from "../../generated/src/verify.ts";
import { loadExamples } from "../support/corpus.ts";
import { loadWebhookFixtures } from "../support/webhook-fixtures.ts";
import { PROVIDER_OPTIONS as OPTIONS } from "../support/provider-options.ts";

const KEYS = ["__proto__", "constructor", "prototype"] as const;
const POISON = { polluted: true, toString: "polluted", isAdmin: true };

/** What Object.prototype and Array.prototype hold, to compare after the fact. */
function snapshot() {
  const describe = (o: object) => Object.getOwnPropertyNames(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k)?.value]);
  return { object: describe(Object.prototype), array: describe(Array.prototype) };
}

let before: ReturnType<typeof snapshot>;
beforeEach(() => {
  before = snapshot();
});
afterEach(() => {
  expect(snapshot()).toEqual(before);
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(String(probe)).toBe("[object Object]");
});

/** Every object inside `value` (the value itself included). */
function objects(value: unknown, out: object[] = []): object[] {
  if (typeof value !== "object" || value === null) return out;
  out.push(value);
  for (const v of Object.values(value)) objects(v, out);
  return out;
}

/** `value` with one poisoned key added to every object in it, written as JSON text and parsed back. */
function poisoned(value: unknown, key: string): unknown {
  const text = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(text).join(",")}]`;
    if (typeof v !== "object" || v === null) return JSON.stringify(v);
    const entries = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${text(x)}`);
    return `{${[...entries, `${JSON.stringify(key)}:${JSON.stringify(POISON)}`].join(",")}}`;
  };
  return JSON.parse(text(value));
}

/** Every object in an output has a prototype nobody replaced: Object's, Array's or none. */
function expectPlain(value: unknown): void {
  for (const o of objects(value)) {
    const proto = Object.getPrototypeOf(o);
    expect(proto === Object.prototype || proto === Array.prototype || proto === null).toBe(true);
  }
}

const examples = loadExamples().filter((e) => e.valid);
const messages = examples.filter((e) => e.schema === "message/outbound-message.schema.json").map((e) => e.instance);
const interactives = examples.filter((e) => e.schema === "interactive/interactive.schema.json" || (e.schema.startsWith("interactive/") && e.schema !== "interactive/interactive.schema.json")).map((e) => e.instance);
const translate = (provider: ProviderName, message: unknown) => (toProvider as (p: ProviderName, m: unknown, o?: object) => unknown)(provider, message, OPTIONS[provider]);

describe.each(KEYS)("%s keys", (key) => {
  it("the poisoned payloads really carry the key as an own property", () => {
    const value = poisoned({ a: { b: 1 } }, key) as Record<string, Record<string, unknown>>;
    expect(Object.prototype.hasOwnProperty.call(value, key)).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(value.a, key)).toBe(true);
  });

  it("validating: reported as unknown properties at their own path, and nothing polluted", () => {
    for (const instance of interactives) {
      const value = poisoned(instance, key);
      const result = validateInteractive(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ path: `/${key}`, rule: "additionalProperties" }));
    }
    for (const message of messages) {
      const value = poisoned(message, key);
      expect(validateMessage(value).ok).toBe(false);
      expect(isMessage(value)).toBe(false);
    }
  });

  it("building: rows, buttons and media given with the key are refused, and the output is plain", () => {
    const rows = poisoned([{ id: "a", title: "A" }], key) as { id: string; title: string }[];
    const built = list("Open").body("Pick").section((s) => s.rows(rows)).safeBuild();
    expect(built.ok).toBe(false);
    // Found by this suite: the builder once assigned these keys, so `__proto__` replaced the row's
    // prototype and `constructor` was dropped as "already there"; both went unreported.
    if (!built.ok) expect(built.errors).toContainEqual(expect.objectContaining({ path: `/action/sections/0/rows/0/${key}`, rule: "additionalProperties" }));
    const buttons = poisoned([{ id: "a", title: "A" }], key) as { id: string; title: string }[];
    const result = button().body("Pick").buttons(buttons).safeBuild();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ path: `/action/buttons/0/reply/${key}`, rule: "additionalProperties" }));
    const image = poisoned({ link: "https://example.com/a.png" }, key) as { link: string };
    const withImage = button().header.image(image).body("Pick").reply("a", "A").safeBuild();
    expect(withImage.ok).toBe(false);
    expectPlain(built);
    expectPlain(withImage);
  });

  it("translating: toProvider refuses poisoned messages; fromProvider refuses poisoned bodies", () => {
    for (const provider of PROVIDERS) {
      for (const message of messages) {
        expect(() => translate(provider, poisoned(message, key)), provider).toThrow();
        let body: unknown;
        try {
          body = translate(provider, message);
        } catch {
          continue; // a kind this provider does not carry
        }
        expectPlain(body);
        expect(() => fromProvider(provider, poisoned(body, key)), provider).toThrow();
      }
    }
  });

  it("parsing: every provider's webhooks, poisoned as objects and as raw strings, never throw or pollute", () => {
    for (const fixture of loadWebhookFixtures()) {
      const provider = fixture.provider as ProviderName;
      const value = poisoned(fixture.payload, key);
      for (const payload of [value, JSON.stringify(value)]) {
        const result = parseWebhook(provider, payload);
        expectPlain(result.events);
        for (const event of result.events) expect(Object.prototype.hasOwnProperty.call(event, "polluted")).toBe(false);
      }
    }
  });

  it("verifying: headers objects carrying the key are read as data", async () => {
    const headers = poisoned({ "x-hub-signature-256": "sha256=00" }, key) as Record<string, string>;
    const result = await verifyWebhook("meta", { rawBody: "{}", headers, secret: "s" });
    expect(result.ok).toBe(false);
  });
});
