/**
 * The hand-written floor of `npm run bench` must do the work it is compared with: on every button
 * and list example of the corpus, and on generated instances and their mutants, its verdict equals
 * the generated validator's, and its collecting pass finds something whenever a list is invalid.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidButtons, isValidList, listIssues } from "../../bench/floor-validator.ts";
import { validateInteractive } from "../../generated/src/index.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { SchemaArbitraries } from "../fuzz/arbitraries.ts";
import { mutants } from "../fuzz/mutations.ts";
import { loadExamples, SCHEMAS_DIR } from "../support/corpus.ts";

const floors = [
  { schema: "interactive/button.schema.json", floor: isValidButtons },
  { schema: "interactive/list.schema.json", floor: isValidList },
];
const arbitraries = new SchemaArbitraries(loadSchemaSet(SCHEMAS_DIR));

function agrees(schema: string, floor: (v: unknown) => boolean, value: unknown): void {
  // The floor checks every rule, warnings included: the clean verdict, which strict validation gives.
  const ours = validateInteractive(value, { strict: true }).ok;
  expect(floor(value), JSON.stringify(value)?.slice(0, 300)).toBe(ours);
  if (schema.includes("list") && !ours) expect(listIssues(value).length).toBeGreaterThan(0);
}

describe.each(floors)("floor for $schema", ({ schema, floor }) => {
  it("agrees with the generated validator on the corpus", () => {
    const examples = loadExamples().filter((e) => e.schema === schema);
    expect(examples.length).toBeGreaterThan(20);
    for (const e of examples) agrees(schema, floor, e.instance);
  });

  it("agrees with the generated validator on generated instances and their mutants", () => {
    fc.assert(
      fc.property(arbitraries.of(schema), fc.integer(), (instance, seed) => {
        agrees(schema, floor, instance);
        for (const mutant of mutants(instance, seed, 5)) agrees(schema, floor, mutant);
      }),
      { numRuns: 300 },
    );
  });
});
