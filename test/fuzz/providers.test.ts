/**
 * Provider translation on generated messages: for every provider, `fromProvider(toProvider(m))`
 * gives back `m` from a body valid for the provider's schema (with the values the provider cannot vary, such as an implied recipient_type,
 * made explicit), or `toProvider` refuses with a ProviderError that says what the provider cannot
 * carry. It never throws anything else and never calls a valid message invalid.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAPPINGS, PROVIDERS, ProviderError, type ProviderName, fromProvider, toProvider } from "../../generated/src/index.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";
import { PROVIDER_OPTIONS as OPTIONS } from "../support/provider-options.ts";
import { bodyIssues } from "../support/provider-bodies.ts";
import { SchemaArbitraries } from "./arbitraries.ts";

const RUNS = Math.round(1000 * Number(process.env.FUZZ_SCALE ?? 1));
// The schema takes any recipient string, but several providers take only digits: most generated
// messages get a plain phone number, so the round trip is exercised, and some keep the generated one.
const phone = fc.stringMatching(/^[1-9][0-9]{7,13}$/);
const messages = fc
  .tuple(new SchemaArbitraries(loadSchemaSet(SCHEMAS_DIR)).of("message/outbound-message.schema.json"), phone, fc.nat(3))
  .map(([message, number, keep]) => {
    const m = message as Record<string, unknown>;
    return keep === 0 || m.to === undefined ? m : { ...m, to: number };
  });


/** Refusals that mean "this provider cannot carry it", as opposed to a translation fault. */
const CANNOT_CARRY = new Set(["unsupported-kind", "unsupported-field", "invalid-body"]);

function withoutUnsupported(provider: ProviderName, message: Record<string, unknown>): Record<string, unknown> {
  const out = { ...message };
  for (const pointer of Object.keys(MAPPINGS[provider].unsupported)) {
    const key = pointer.slice(1);
    // Envelope fields only: the message's own payload (`reaction` for a reaction) stays, refused or not.
    if (!key.includes("/") && key !== out.type) delete out[key];
  }
  // A message needs a recipient; when the one it had is not carried, it gets a phone number.
  if (out.to === undefined && out.recipient === undefined) out.to = "16505551234";
  return out;
}

describe.each(PROVIDERS)("%s round trip on generated messages", (provider) => {
  it(`${RUNS} messages come back equal or are refused with a reason`, { timeout: 120_000 }, () => {
    let carried = 0;
    fc.assert(
      fc.property(messages, fc.boolean(), (generated, carriedOnly) => {
        // Half the messages leave out the fields the mapping says this provider cannot carry, so
        // the round trip of everything else is exercised; the other half test the refusals.
        const message = carriedOnly ? withoutUnsupported(provider, generated) : generated;
        let body: unknown;
        try {
          body = (toProvider as (p: ProviderName, m: unknown, o?: object) => unknown)(provider, message, OPTIONS[provider]);
        } catch (e) {
          expect(e).toBeInstanceOf(ProviderError);
          expect(CANNOT_CARRY.has((e as ProviderError).code), (e as Error).message).toBe(true);
          return;
        }
        carried++;
        // Bodies are not validated per call (they are valid by construction); every one is checked here.
        expect(bodyIssues(provider, body, message)).toEqual([]);
        const expected: Record<string, unknown> = { ...(message as Record<string, unknown>) };
        for (const [pointer, { value }] of Object.entries(MAPPINGS[provider].implied)) expected[pointer.slice(1)] ??= value;
        expect(fromProvider(provider, body)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
    expect(carried).toBeGreaterThan(0);
  });
});
