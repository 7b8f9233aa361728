/**
 * The Python example (examples/python/) against the TypeScript validators: on every example of the
 * corpus, python-jsonschema with only the standard keywords gives the verdict the TypeScript
 * validators give when the x- rules are set aside, and with the reference x- keywords added it
 * gives the TypeScript validators' full verdict and reports every issue the example names, at the
 * same path with the same rule. It reads only the generated schema bundle.
 */
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { EXTENSION_RULES } from "../support/ajv.ts";
import { loadExamples, ROOT } from "../support/corpus.ts";
import { describeEachPython, parseOutput, type Python, runPython } from "../support/python.ts";
import { validatorFor } from "../support/validators.ts";

interface PythonVerdict {
  name: string;
  expected: boolean;
  standard: boolean;
  full: boolean;
  issues: { path: string; rule: string; message: string }[];
  missed: { path: string; rule: string }[];
}

function corpusVerdicts(python: Python): PythonVerdict[] {
  const script = join(ROOT, "examples/python/validate_corpus.py");
  // Exit status 1 only means some verdict was wrong; the comparison below names which.
  return parseOutput(`${python.command} validate_corpus.py --json`, runPython(python, [script, "--json"]));
}

describeEachPython("Python validation of the example corpus", (python) => {
  const examples = loadExamples();
  let verdicts: PythonVerdict[] = [];
  beforeAll(() => {
    verdicts = corpusVerdicts(python);
  });

  it("sees exactly the examples the TypeScript suite sees", () => {
    expect(verdicts.map((v) => v.name).sort()).toEqual(examples.map((e) => e.name).sort());
  });

  it("agrees with the TypeScript validators on every example", () => {
    const byName = new Map(verdicts.map((v) => [v.name, v]));
    const disagreements: string[] = [];
    for (const example of examples) {
      const py = byName.get(example.name)!;
      const ts = validatorFor(example.schema)(example.instance);
      const tsStandard = ts.ok || ts.errors.every((e) => EXTENSION_RULES.has(e.rule));
      if (py.standard !== tsStandard) disagreements.push(`${example.name}: standard keywords: Python ${py.standard}, TypeScript ${tsStandard}`);
      if (py.full !== ts.ok) disagreements.push(`${example.name}: full rule set: Python ${py.full}, TypeScript ${ts.ok}`);
      for (const m of py.missed) disagreements.push(`${example.name}: Python did not report ${m.path} [${m.rule}]`);
    }
    expect(disagreements).toEqual([]);
    const onlyX = verdicts.filter((v) => v.standard && !v.full).length;
    console.log(
      `Python (jsonschema ${python.jsonschema} + x_keywords.py, bundle only) agrees with TypeScript on ${examples.length} of ${examples.length} examples: ` +
        `standard keywords and full rule set (${onlyX} are invalid only by an x- keyword), and reports every expected issue`,
    );
  });
});
