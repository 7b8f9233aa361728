/**
 * Builders on generated messages: a reply-buttons message, a list, a CTA URL message and a
 * reaction drawn from the schemas, rebuilt through the builders' public methods, come out equal
 * to the original and valid. Mutants of their inputs are either refused with issues that carry a
 * path, or built into plain JSON that the validator accepts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as T from "../../generated/src/index.ts";
import { button, ctaUrl, list, reaction, validateInteractive, validateReaction } from "../../generated/src/index.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";
import { SchemaArbitraries } from "./arbitraries.ts";
import { mutants } from "./mutations.ts";

const RUNS = Math.round(500 * Number(process.env.FUZZ_SCALE ?? 1));
const arbitraries = new SchemaArbitraries(loadSchemaSet(SCHEMAS_DIR));

type Header = T.ButtonInteractive["header"];

/** Applies a header of any kind through the builder's header methods. */
function withHeader<B extends { header: { text(t: string, subText?: string): B; image?(m: T.Media): B; video?(m: T.Media): B; document?(m: T.DocumentMedia): B } }>(b: B, header: Header | undefined): B {
  if (!header) return b;
  switch (header.type) {
    case "text":
      return b.header.text(header.text, header.sub_text);
    case "image":
      return b.header.image!(header.image);
    case "video":
      return b.header.video!(header.video);
    case "document":
      return b.header.document!(header.document);
  }
}

function rebuildButtons(m: T.ButtonInteractive) {
  let b = withHeader(button() as any, m.header).body(m.body.text);
  if (m.footer) b = b.footer(m.footer.text);
  return b.buttons(m.action.buttons.map((x: T.ReplyButton) => x.reply));
}

function rebuildList(m: T.ListInteractive) {
  let b = list(m.action.button) as any;
  if (m.header) b = b.header.text(m.header.text, m.header.sub_text);
  b = b.body(m.body.text);
  if (m.footer) b = b.footer(m.footer.text);
  return b.sections(m.action.sections);
}

function rebuildCtaUrl(m: T.CtaUrlInteractive) {
  let b = withHeader(ctaUrl(m.action.parameters.display_text, m.action.parameters.url) as any, m.header).body(m.body.text);
  if (m.footer) b = b.footer(m.footer.text);
  return b;
}

const cases = [
  { name: "reply buttons", schema: "interactive/button.schema.json", rebuild: rebuildButtons, validate: validateInteractive },
  { name: "list", schema: "interactive/list.schema.json", rebuild: rebuildList, validate: validateInteractive },
  { name: "CTA URL", schema: "interactive/cta-url.schema.json", rebuild: rebuildCtaUrl, validate: validateInteractive },
  { name: "reaction", schema: "message/reaction.schema.json", rebuild: (m: T.Reaction) => reaction(m.message_id, m.emoji), validate: validateReaction },
] as const;

describe.each(cases)("$name builder on generated messages", ({ schema, rebuild, validate }) => {
  it(`${RUNS} messages rebuild equal and valid; their mutants never build invalid`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(arbitraries.of(schema), fc.integer(), (message, seed) => {
        const built = (rebuild as (m: unknown) => { build(): unknown }).call(undefined, message).build();
        expect(built).toEqual(message);
        expect(validate(built).ok).toBe(true);
        for (const mutant of mutants(message, seed, 3)) {
          let result: { ok: boolean; value?: unknown; errors?: { path: string; rule: string; message: string }[] };
          try {
            result = (rebuild as (m: unknown) => { safeBuild(): typeof result }).call(undefined, mutant).safeBuild();
          } catch {
            continue; // the mutant broke the shape this test reads the arguments from, before any builder ran
          }
          if (result.ok) {
            // What a builder accepts is plain JSON that the validator accepts too.
            expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
            expect(validate(result.value).ok).toBe(true);
          } else {
            expect(result.errors!.length).toBeGreaterThan(0);
            for (const e of result.errors!) expect(e.path === "" || e.path.startsWith("/")).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
