/**
 * The conformance corpus through the generated validators: every valid example passes with nothing
 * to report, every warning example passes with at least the warnings its file names (and fails
 * under `strict`), and every invalid one fails with at least the errors its file names.
 */
import { describe, expect, it } from "vitest";
import { loadExamples } from "../support/corpus.ts";
import { validatorFor } from "../support/validators.ts";

const examples = loadExamples();

describe("example corpus", () => {
  it("has examples", () => {
    expect(examples.length).toBeGreaterThan(100);
  });

  for (const example of examples) {
    it(example.name, () => {
      const result = validatorFor(example.schema)(example.instance);
      if (example.verdict === "valid") {
        expect({ errors: result.ok ? [] : result.errors, warnings: result.warnings }).toEqual({ errors: [], warnings: [] });
        return;
      }
      if (example.verdict === "warning") {
        expect(result.ok ? [] : result.errors).toEqual([]);
        const found = result.warnings.map((e) => ({ path: e.path, rule: e.rule }));
        for (const wanted of example.expect) expect(found).toContainEqual(wanted);
        for (const warning of result.warnings) expect(warning.severity).toBe("warning");
        // The rule the example says it exercises is the rule that warned.
        expect(result.warnings.map((w) => w.schemaPath)).toContain(example.exercises);
        const strict = validatorFor(example.schema)(example.instance, { strict: true });
        expect(strict.ok).toBe(false);
        if (!strict.ok) for (const wanted of example.expect) expect(strict.errors.map((e) => ({ path: e.path, rule: e.rule }))).toContainEqual(wanted);
        return;
      }
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const found = result.errors.map((e) => ({ path: e.path, rule: e.rule }));
      for (const wanted of example.expect) expect(found).toContainEqual(wanted);
      for (const issue of result.errors) {
        expect(issue.severity).toBe("error");
        expect(issue.message.length).toBeGreaterThan(10);
        expect(issue.path === "" || issue.path.startsWith("/")).toBe(true);
      }
    });
  }
});
