/**
 * Our verdict against Ajv's on every example, for the standard keywords: Ajv accepts exactly when
 * our validator, strict (warnings counted as errors, since Ajv knows no strengths), reports nothing
 * but x- keyword issues. Also checks the fast pass and the full pass agree: a value the fast pass
 * refused is one the full pass finds an issue in (a result with nothing to say carries the frozen
 * empty list only the fast pass returns).
 */
import { describe, expect, it } from "vitest";
import { createAjv, EXTENSION_RULES, schemaId } from "../support/ajv.ts";
import { loadExamples } from "../support/corpus.ts";
import { validatorFor } from "../support/validators.ts";

const ajv = createAjv();
const examples = loadExamples();

describe("agreement with ajv on standard keywords", () => {
  let agreed = 0;
  for (const example of examples) {
    it(example.name, () => {
      const ajvValid = ajv.validate(schemaId(example.schema), example.instance) as boolean;
      const result = validatorFor(example.schema)(example.instance, { strict: true });
      const standard = result.ok ? [] : result.errors.filter((e) => !EXTENSION_RULES.has(e.rule));
      if (result.ok && result.warnings.length === 0) expect(Object.isFrozen(result.warnings), "the full pass found nothing the fast pass refused").toBe(true);
      expect({ ajvValid, ours: standard }).toEqual({ ajvValid: standard.length === 0, ours: standard });
      agreed++;
    });
  }
  it("agreed on every example", () => {
    expect(agreed).toBe(examples.length);
  });
});
