/**
 * Differential fuzzing of every generated validator against ajv. For each schema file, fast-check
 * draws valid instances from the schema itself (arbitraries.ts) and derives mutants from each
 * (mutations.ts); every payload must satisfy, at once:
 *
 * - the validator never throws, never falls back to its "exception" issue, and its full pass finds
 *   an issue in every value its fast pass refuses (only the fast pass returns the frozen empty list);
 * - our verdict on the standard keywords equals ajv's (issues of x- keywords set aside);
 * - the boolean guard agrees with the full validator;
 * - every issue's path points at something that exists in the payload;
 * - a valid instance is accepted outright, x- keywords included.
 *
 * About 100 000 payloads per run; FUZZ_SCALE=10 runs ten times as many.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as api from "../../generated/src/index.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { createAjv, EXTENSION_RULES, schemaId } from "../support/ajv.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";
import { rootTypeName } from "../support/validators.ts";
import { SchemaArbitraries } from "./arbitraries.ts";
import { mutants } from "./mutations.ts";
import { pointerExists } from "./pointer.ts";

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const MUTANTS = 10;
/** Instances drawn per schema file: the two entry points get most, every other file some. */
const RUNS: Record<string, number> = { "message/outbound-message.schema.json": 1500, "interactive/interactive.schema.json": 1500 };
const DEFAULT_RUNS = 200;

const set = loadSchemaSet(SCHEMAS_DIR);
const arbitraries = new SchemaArbitraries(set);
const ajv = createAjv();
const exported = api as unknown as Record<string, (v: unknown) => unknown>;

let payloads = 0;
let rejected = 0;

/** Checks one payload; plain comparisons first, `expect` only to report a failure, to keep 100 000 payloads quick. */
function check(schema: string, value: unknown, mustBeValid: boolean): void {
  const name = rootTypeName(schema);
  const validate = exported[`validate${name}`] as (v: unknown, o?: api.ValidateOptions) => api.ValidationResult<unknown>;
  const guard = exported[`is${name}`] as (v: unknown) => boolean;
  payloads++;
  // Strict: Ajv knows no strengths, so warnings count as errors on both sides.
  const result = validate(value, { strict: true });
  const issues = result.ok ? [] : result.errors;
  if (issues.some((e) => e.rule === "exception")) expect(issues, "validator fell back").toEqual([]);
  if (result.ok && result.warnings.length === 0 && !Object.isFrozen(result.warnings)) expect(result, "the full pass found nothing the fast pass refused").toBeUndefined();
  // The guard answers the error verdict: validate without strict.
  const verdict = validate(value).ok;
  if (guard(value) !== verdict) expect(guard(value), "is… agrees with validate…").toBe(verdict);
  const standard = issues.filter((e) => !EXTENSION_RULES.has(e.rule));
  const ajvValid = ajv.validate(schemaId(schema), value) as boolean;
  if (ajvValid !== (standard.length === 0)) expect({ ajvValid, standard, ajvErrors: ajv.errors }).toEqual({ ajvValid: standard.length === 0, standard, ajvErrors: ajv.errors });
  for (const issue of issues) if (!pointerExists(value, issue.path)) expect(issue.path, "the issue's path exists in the payload").toBe("an existing path");
  if (mustBeValid && !verdict) expect(validate(value), "a valid instance is accepted").toMatchObject({ ok: true });
  if (!result.ok) rejected++;
}

const files = set.files.map((f) => f.path).filter((path) => typeof exported[`validate${rootTypeName(path)}`] === "function");

describe("differential fuzzing against ajv", () => {
  for (const schema of files) {
    const runs = Math.round((RUNS[schema] ?? DEFAULT_RUNS) * SCALE);
    it(`${schema}: ${runs} instances and ${runs * MUTANTS} mutants`, { timeout: 120_000 * SCALE }, () => {
      fc.assert(
        fc.property(arbitraries.of(schema), fc.integer(), (instance, seed) => {
          check(schema, instance, true);
          for (const mutant of mutants(instance, seed, MUTANTS)) check(schema, mutant, false);
        }),
        { numRuns: runs },
      );
    });
  }

  afterAll(() => {
    // Reported rather than asserted per test, so a focused run (-t) still passes.
    console.log(`differential fuzzing: ${payloads} payloads, ${rejected} rejected`);
  });

  it("plans at least 100 000 payloads over every schema file that has a validator", () => {
    const planned = files.reduce((n, schema) => n + Math.round((RUNS[schema] ?? DEFAULT_RUNS) * SCALE) * (1 + MUTANTS), 0);
    expect(files.length).toBeGreaterThan(15);
    expect(planned).toBeGreaterThanOrEqual(100_000 * SCALE);
  });
});
