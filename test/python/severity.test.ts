/**
 * Python tells errors from warnings as TypeScript does: examples/python/severity.py reads each
 * rule's x-source and sources.json, and on every example of the corpus every issue both languages
 * report (same path, same rule) has the same severity, and both give the same verdict: clean,
 * warnings only, or errors.
 */
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadExamples, ROOT } from "../support/corpus.ts";
import { describeEachPython, parseOutput, runPython } from "../support/python.ts";
import { validatorFor } from "../support/validators.ts";

interface PythonVerdict {
  name: string;
  full: boolean;
  clean: boolean;
  issues: { path: string; rule: string; severity: "error" | "warning" }[];
}

const verdict = (ok: boolean, clean: boolean) => (clean ? "clean" : ok ? "warnings only" : "errors");

describeEachPython("severities in Python and TypeScript", (python) => {
  const script = join(ROOT, "examples/python/validate_corpus.py");
  const results: PythonVerdict[] = parseOutput(`${python.command} validate_corpus.py --json`, runPython(python, [script, "--json"]));
  const examples = new Map(loadExamples().map((e) => [e.name, e]));

  it("agree on every issue both report and on every verdict", () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const py of results) {
      const example = examples.get(py.name)!;
      const ts = validatorFor(example.schema)(example.instance);
      const tsIssues = [...(ts.ok ? [] : ts.errors), ...ts.warnings];
      const tsVerdict = verdict(ts.ok, tsIssues.length === 0);
      const pyVerdict = verdict(py.full, py.clean);
      if (tsVerdict !== pyVerdict) disagreements.push(`${py.name}: TypeScript ${tsVerdict}, Python ${pyVerdict}`);
      for (const issue of py.issues) {
        const same = tsIssues.find((t) => t.path === issue.path && t.rule === issue.rule);
        if (!same) continue;
        compared++;
        if (same.severity !== issue.severity) disagreements.push(`${py.name}: ${issue.path} [${issue.rule}] TypeScript ${same.severity}, Python ${issue.severity}`);
      }
    }
    expect(disagreements).toEqual([]);
    const warned = results.filter((r) => r.full && !r.clean).length;
    console.log(`Python and TypeScript agree on the severity of ${compared} issues and on the verdict of ${results.length} examples (${warned} with warnings only)`);
    expect(warned).toBeGreaterThan(30);
  });
});
