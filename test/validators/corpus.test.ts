/**
 * The conformance corpus through the generated validators: every valid example passes, and every
 * invalid one fails with at least the issues its file names (path and rule).
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
      if (example.valid) {
        expect(result.ok ? [] : result.errors).toEqual([]);
        return;
      }
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const found = result.errors.map((e) => ({ path: e.path, rule: e.rule }));
      for (const wanted of example.expect) expect(found).toContainEqual(wanted);
      for (const issue of result.errors) {
        expect(issue.message.length).toBeGreaterThan(10);
        expect(issue.path === "" || issue.path.startsWith("/")).toBe(true);
      }
    });
  }
});
