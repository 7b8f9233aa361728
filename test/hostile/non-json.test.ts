/**
 * Values JSON cannot carry — functions, BigInt, symbols, cycles, sparse arrays, undefined in an
 * array, non-finite numbers, class instances — wherever they sit: each comes back as an issue that
 * names the path and says what the value is, from the validators, the builders, the provider
 * translation and the webhook parser alike. Nothing throws, nothing is dropped.
 */
import { describe, expect, it } from "vitest";
import { PROVIDERS, type ProviderName, ProviderError, button, parseWebhook, toProvider, validateInteractive, validateMessage } from "../../generated/src/index.ts";

const cyclic = () => {
  const o: Record<string, unknown> = { a: 1 };
  o.self = o;
  return o;
};

/** [what, the value, words the message must use] */
const NOT_JSON: [string, () => unknown, RegExp][] = [
  ["a function", () => () => "x", /function/],
  ["a BigInt", () => 10n, /BigInt/],
  ["a symbol", () => Symbol("x"), /symbol/],
  ["NaN", () => NaN, /not a finite number/],
  ["Infinity", () => Infinity, /not a finite number/],
  ["a Date", () => new Date(0), /Date/],
  ["a Map", () => new Map(), /Map/],
  ["undefined inside an array", () => [undefined], /undefined|nothing/],
  // eslint-disable-next-line no-sparse-arrays
  ["a sparse array", () => [, "x"], /hole|sparse/],
  ["a cycle", cyclic, /cycle|refers back|nested more than/],
];

const buttons = (title: unknown) => ({
  type: "button",
  body: { text: "Pick one" },
  action: { buttons: [{ type: "reply", reply: { id: "a", title } }] },
});

const flowWith = (data: unknown) => ({
  type: "flow",
  body: { text: "x" },
  action: { name: "flow", parameters: { flow_message_version: "3", flow_id: "1", flow_cta: "Go", flow_action_payload: { screen: "A", data: { field: data } } } },
});

describe.each(NOT_JSON)("%s", (_what, make, words) => {
  it("where a string belongs: an issue at that path", () => {
    const result = validateInteractive(buttons(make()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ path: "/action/buttons/0/reply/title", rule: "type" });
  });

  it("inside open flow data: an issue at that path saying why JSON cannot carry it", () => {
    const result = validateInteractive(flowWith(make()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.errors.find((e) => e.path.startsWith("/action/parameters/flow_action_payload/data/field"));
    expect(issue, JSON.stringify(result.errors)).toBeDefined();
    expect(issue!.message).toMatch(words);
  });

  it("given to a builder: safeBuild reports it, build throws a ValidationError", () => {
    const result = button().body("Pick one").reply("a", make() as string).safeBuild();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ path: "/action/buttons/0/reply/title", rule: "type" });
    expect(() => button().body("Pick one").reply("a", make() as string).build()).toThrow(/title/);
  });

  it("in a message to translate: every provider refuses it with a ProviderError naming the path", () => {
    const message = { messaging_product: "whatsapp", to: "16505551234", type: "interactive", interactive: flowWith(make()) };
    for (const provider of PROVIDERS) {
      const options = provider === "vonage" ? { from: "447700900000" } : provider === "exotel" ? { from: "+918047112233" } : undefined;
      let error: unknown;
      try {
        (toProvider as (p: ProviderName, m: unknown, o?: object) => unknown)(provider, message, options);
      } catch (e) {
        error = e;
      }
      expect(error, provider).toBeInstanceOf(ProviderError);
    }
    expect(validateMessage(message).ok).toBe(false);
  });

  it("in a parsed webhook object: an error with a path, never a throw", () => {
    const payload = { object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "1", phone_number_id: "1" }, messages: [{ from: "1", id: "wamid.x", timestamp: "1", type: "text", text: { body: make() } }] } }] }] };
    const result = parseWebhook("meta", payload);
    expect(result.ok).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) expect(error.path.startsWith("/")).toBe(true);
  });
});
