/**
 * Lossless both ways: for every provider and every valid outbound message example (plus a message
 * made from every valid interactive example), `fromProvider(p, toProvider(p, m))` deep-equals `m`
 * and the body is valid for the provider's schema — or `toProvider` refuses with a ProviderError that names what the provider cannot carry. The
 * refusals are exactly what the capability matrix and the mapping say, never a silent drop.
 */
import { describe, expect, it } from "vitest";
import {
  CAPABILITIES,
  MAPPINGS,
  type MessageKind,
  PROVIDERS,
  ProviderError,
  type ProviderName,
  fromProvider,
  toProvider,
} from "../../generated/src/index.ts";
import { pointerExists } from "../fuzz/pointer.ts";
import { loadExamples } from "../support/corpus.ts";
import { PROVIDER_OPTIONS as OPTIONS } from "../support/provider-options.ts";
import { bodyIssues } from "../support/provider-bodies.ts";

const examples = loadExamples();
const messages: { name: string; message: Record<string, any> }[] = [
  ...examples
    .filter((e) => e.valid && e.schema === "message/outbound-message.schema.json")
    .map((e) => ({ name: e.name, message: e.instance as Record<string, any> })),
  ...examples
    .filter((e) => e.valid && e.schema.startsWith("interactive/"))
    .map((e) => ({
      name: e.name,
      message: {
        messaging_product: "whatsapp",
        to: "16505551234",
        type: "interactive",
        interactive: e.instance,
      } as Record<string, any>,
    })),
];

const translate = (provider: ProviderName, message: unknown) =>
  (toProvider as (p: ProviderName, m: unknown, o?: object) => unknown)(provider, message, OPTIONS[provider]);

/** Why the mapping says `provider` cannot carry `message`, or undefined when it can. */
function refusal(provider: ProviderName, message: Record<string, any>): string | undefined {
  const kind = message.type === "interactive" ? message.interactive.type : "reaction";
  if (CAPABILITIES[provider][kind as keyof (typeof CAPABILITIES)[ProviderName]] === "unsupported")
    return "unsupported-kind";
  return undefined;
}

describe("round trip", () => {
  it("has messages of every interactive type and reactions", () => {
    const kinds = new Set(
      messages.map((m) => (m.message.type === "interactive" ? m.message.interactive.type : "reaction")),
    );
    expect([...kinds].sort()).toEqual(Object.keys(CAPABILITIES.meta).sort());
    expect(messages.length).toBeGreaterThan(50);
  });

  for (const provider of PROVIDERS) {
    describe(provider, () => {
      const mapping = MAPPINGS[provider];
      let carried = 0;

      for (const { name, message } of messages) {
        it(name, () => {
          const expectedRefusal = refusal(provider, message);
          const kindRefusals = message.type === "interactive" ? mapping.kinds?.[message.interactive.type as MessageKind] : undefined;
          const unsupportedField =
            Object.keys(message).find((k) => `/${k}` in mapping.unsupported) ??
            Object.keys(kindRefusals?.unsupported ?? {}).find((pointer) => pointerExists(message, pointer));
          const impliedClash = Object.entries(mapping.implied).find(
            ([pointer, { value }]) => message[pointer.slice(1)] !== undefined && message[pointer.slice(1)] !== value,
          );
          // These take digits only: a leading + is dropped, anything else that is not a number refused.
          const digitsOnly = provider === "whatsapp-node-sdk" || provider === "aisoule" || provider === "vonage";
          const digits = typeof message.to === "string" ? message.to.replace(/^\+/, "") : undefined;
          const shortest = provider === "aisoule" ? 6 : 1;
          const notANumber = digitsOnly && digits !== undefined && !new RegExp(`^[1-9][0-9]{${shortest - 1},14}$`).test(digits);
          let body: unknown;
          try {
            body = translate(provider, message);
          } catch (e) {
            expect(e).toBeInstanceOf(ProviderError);
            const error = e as ProviderError;
            const expectedCode =
              expectedRefusal ?? (unsupportedField || impliedClash || notANumber ? "unsupported-field" : "none");
            // A value the provider requires and the message may leave out (Infobip's flow token) is
            // refused as missing, at the message's path.
            const requiredByProvider =
              error.code === "unsupported-field" && !pointerExists(message, error.path) && / is required: /.test(error.message);
            if (requiredByProvider) expect(error.code).toBe("unsupported-field");
            else expect(error.code, error.message).toBe(expectedCode);
            expect(error.message).toMatch(new RegExp(`^${provider}: `));
            return;
          }
          expect(expectedRefusal ?? unsupportedField ?? impliedClash ?? (notANumber || undefined)).toBeUndefined();
          carried++;
          // The translation does not validate the body it builds: it is valid by construction, proven here.
          expect(bodyIssues(provider, body, message)).toEqual([]);
          // What the provider cannot vary (an implied recipient_type "individual") comes back explicit,
          // and a number sent as digits only comes back without its +.
          const expected = { ...message };
          for (const [pointer, { value }] of Object.entries(mapping.implied)) expected[pointer.slice(1)] ??= value;
          if (digitsOnly && digits !== undefined) expected.to = digits;
          expect(fromProvider(provider, body)).toEqual(expected);
        });
      }

      it("carries most examples", () => {
        expect(carried).toBeGreaterThan(messages.length / 3);
      });
    });
  }

  it("is exact (no implied value added) for providers that carry every field", () => {
    for (const provider of ["meta", "360dialog"] as const) {
      for (const { message } of messages)
        expect(fromProvider(provider, toProvider(provider, message))).toEqual(message);
    }
  });
});
