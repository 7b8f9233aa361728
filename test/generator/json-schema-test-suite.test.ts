/**
 * The official JSON Schema Test Suite (draft 2020-12, the required cases; `optional/` is left out)
 * against the validator emitter. Every case's schema goes through the generator as a schema set of
 * its own: loaded and checked by the schema-set loader, then emitted by generator/validators.ts.
 *
 * - A schema that uses a keyword the generator does not accept (generator/keywords.ts) must be
 *   refused at generation time by an error naming that keyword; the case is left out, counted
 *   under that keyword.
 * - A schema with a remote reference (the suite's `http://localhost:1234/` documents) is left out.
 * - Any other schema is either refused at generation time with an error saying which form of an
 *   accepted keyword the generator does not support (counted by reason), or compiled: then the
 *   generated `is…` (fast pass) and `validate…` (full pass) must both give the suite's verdict on
 *   every instance of the case.
 *
 * The compiled cases go into one module (each case's code in its own function scope) imported
 * once, so the whole suite costs one transform. The counts are printed and must match the README.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildGraph } from "../../generator/graph/build.ts";
import { KNOWN_KEYWORDS } from "../../generator/keywords.ts";
import { namedSchemas } from "../../generator/names.ts";
import { ID_BASE, type Json, loadSchemaSet, SchemaSetError } from "../../generator/schema-set.ts";
import { emitValidators } from "../../generator/validators.ts";
import { ROOT } from "../support/corpus.ts";
import { MISSING_TEST_SUITE, TEST_SUITE_DIR } from "../support/test-suite.ts";

interface SuiteTest {
  description: string;
  data: Json;
  valid: boolean;
}

interface SuiteGroup {
  description: string;
  schema: Json;
  tests: SuiteTest[];
}

interface Case {
  name: string;
  group: SuiteGroup;
  /** Keywords the schema uses that the generator does not accept. */
  unaccepted: string[];
  remote: boolean;
  /** The generator's error, when it refused the schema. */
  refusal?: string;
  /** Index into the compiled module's cases. */
  compiled?: number;
}

interface Compiled {
  is: (v: unknown) => boolean;
  validate: (v: unknown) => { ok: boolean; errors?: { rule: string }[] };
}

// Where a draft 2020-12 schema holds subschemas, so the keywords of every subschema are found.
const SCHEMA = ["items", "additionalProperties", "propertyNames", "not", "if", "then", "else", "contains", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
const SCHEMA_LIST = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_MAP = ["properties", "patternProperties", "$defs", "dependentSchemas"];

function keywordsOf(schema: Json, into = new Set<string>()): Set<string> {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return into;
  for (const [key, value] of Object.entries(schema)) {
    into.add(key);
    if (SCHEMA.includes(key)) keywordsOf(value, into);
    if (SCHEMA_LIST.includes(key) && Array.isArray(value)) for (const item of value) keywordsOf(item, into);
    if (SCHEMA_MAP.includes(key) && value !== null && typeof value === "object") for (const item of Object.values(value)) keywordsOf(item, into);
  }
  return into;
}

/** Whether the schema refers to one of the suite's remote documents. */
function isRemote(schema: Json): boolean {
  return JSON.stringify(schema).includes('"http://localhost:1234');
}

const RUNTIME = join(ROOT, "src/runtime/");

/** One case's emitted module as a function scope returning its root validators. */
function caseScope(code: string, root: string): { imports: string[]; scope: string } {
  const imports: string[] = [];
  const body: string[] = [];
  for (const line of code.split("\n")) {
    if (line.startsWith("import ")) {
      // Type-only imports (the types module) vanish in the transform; runtime modules come from the sources.
      if (!line.startsWith("import type")) imports.push(line.replace(/"\.\/runtime\/([a-z-]+)\.js"/, (_, name) => JSON.stringify(`${RUNTIME}${name}.ts`)));
    } else body.push(line.replace(/^export /, ""));
  }
  return { imports, scope: `(() => {\n${body.join("\n")}\nreturn { is: is${root}, validate: validate${root} };\n})()` };
}

/** The cases' imports as one list: each case imports only what it uses, so named imports of one module are merged. */
function mergeImports(lines: Iterable<string>): string[] {
  const named = new Map<string, Set<string>>();
  const other = new Set<string>();
  for (const line of lines) {
    const match = /^import \{ (.*) \} from (".*");$/.exec(line);
    if (!match) other.add(line);
    else for (const name of match[1]!.split(", ")) named.set(match[2]!, (named.get(match[2]!) ?? new Set()).add(name));
  }
  return [...other, ...[...named].map(([from, names]) => `import { ${[...names].join(", ")} } from ${from};`)];
}

const available = inject("testSuite");
const work = mkdtempSync(join(tmpdir(), "wa-interactive-suite-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function loadCases(): Case[] {
  const cases: Case[] = [];
  for (const file of readdirSync(TEST_SUITE_DIR).filter((f) => f.endsWith(".json")).sort()) {
    const groups = JSON.parse(readFileSync(join(TEST_SUITE_DIR, file), "utf8")) as SuiteGroup[];
    groups.forEach((group, i) => {
      const unaccepted = [...keywordsOf(group.schema)].filter((k) => !KNOWN_KEYWORDS.has(k)).sort();
      cases.push({ name: `${file} #${i} ${group.description}`, group, unaccepted, remote: isRemote(group.schema) });
    });
  }
  return cases;
}

/** Generates every case's validators; returns the compiled ones' module. */
async function generate(cases: Case[]): Promise<Compiled[]> {
  const imports = new Set<string>();
  const scopes: string[] = [];
  cases.forEach((c, i) => {
    const dir = join(work, `case-${i}`);
    mkdirSync(dir);
    const schema = c.group.schema;
    // The loader requires each file's $id to follow the set's scheme; one the suite sets itself stays, for the loader to judge.
    const withId = schema !== null && typeof schema === "object" && !Array.isArray(schema) && !("$id" in schema) ? { $id: `${ID_BASE}case.schema.json`, ...schema } : schema;
    writeFileSync(join(dir, "case.schema.json"), JSON.stringify(withId));
    try {
      const set = loadSchemaSet(dir, { requireSources: false }); // the suite states no WhatsApp rule
      const named = namedSchemas(set);
      const code = emitValidators(buildGraph(set, named));
      const root = named.find((n) => n.pointer === "")!.name;
      const { imports: needed, scope } = caseScope(code, root);
      for (const line of needed) imports.add(line);
      c.compiled = scopes.push(scope) - 1;
    } catch (error) {
      if (!(error instanceof SchemaSetError)) throw new Error(`${c.name}: the generator failed with ${String(error)}`, { cause: error });
      c.refusal = error.message;
    }
  });
  const module = join(work, "suite.ts");
  writeFileSync(module, [...mergeImports(imports), "", `export const CASES = [\n${scopes.join(",\n")}\n];`].join("\n"));
  return ((await import(pathToFileURL(module).href)) as { CASES: Compiled[] }).CASES;
}

/** Every compiled case's instances through both passes: the disagreements with the suite, and how many agreed. */
function verdicts(cases: Case[], compiled: Compiled[]): { wrong: string[]; passed: number; instances: number } {
  const wrong: string[] = [];
  let instances = 0;
  for (const c of cases) {
    if (c.compiled === undefined || c.remote) continue;
    const validator = compiled[c.compiled]!;
    for (const test of c.group.tests) {
      instances++;
      const fast = validator.is(test.data);
      const full = validator.validate(test.data);
      const said = `fast pass ${fast}, full pass ${full.ok}${full.ok ? "" : ` (${full.errors!.map((e) => e.rule).join(", ")})`}`;
      if (fast !== test.valid || full.ok !== test.valid) wrong.push(`${c.name} / ${test.description}: suite says ${test.valid}, ${said}`);
    }
  }
  return { wrong, passed: instances - wrong.length, instances };
}

/** A refusal's reason without the file and pointer it names, for counting by reason. */
const reason = (refusal: string) => refusal.replace(/^\S*case\.schema\.json(#\S*)?:\s*/, "");

describe.skipIf(!available && !process.env.CI)("JSON Schema Test Suite, draft 2020-12", () => {
  let cases: Case[] = [];
  let compiled: Compiled[] = [];
  beforeAll(async () => {
    if (!available) throw new Error(MISSING_TEST_SUITE);
    cases = loadCases();
    compiled = await generate(cases);
  });

  it("refuses at generation time every schema that uses a keyword the generator does not accept, naming it", () => {
    const wrong = cases
      .filter((c) => c.unaccepted.length > 0 && !c.remote)
      .filter((c) => !c.refusal || !c.unaccepted.some((k) => c.refusal!.includes(`"${k}"`)))
      .map((c) => `${c.name}: uses ${c.unaccepted.join(", ")}; generator said: ${c.refusal ?? "nothing (accepted it)"}`);
    expect(wrong).toEqual([]);
  });

  it("gives the suite's verdict on every instance of every case it compiles, in both passes", () => {
    expect(verdicts(cases, compiled).wrong).toEqual([]);
  });

  it("reports its counts, and the README states them", () => {
    const run = cases.filter((c) => c.compiled !== undefined && !c.remote);
    const remote = cases.filter((c) => c.remote);
    const byKeyword = new Map<string, number>();
    for (const c of cases) if (!c.remote) for (const k of c.unaccepted) byKeyword.set(k, (byKeyword.get(k) ?? 0) + 1);
    const refusedForms = new Map<string, number>();
    for (const c of cases) if (!c.remote && c.unaccepted.length === 0 && c.refusal) refusedForms.set(reason(c.refusal), (refusedForms.get(reason(c.refusal)) ?? 0) + 1);
    const { passed, instances } = verdicts(cases, compiled);
    const leftOut = cases.filter((c) => !c.remote && c.unaccepted.length > 0).length;
    const refused = [...refusedForms.values()].reduce((a, b) => a + b, 0);
    const summary =
      `JSON Schema Test Suite (draft 2020-12, required): ${cases.length} cases; ${run.length} compiled and run, giving the suite's verdict on ${passed} of ${instances} instances; ` +
      `${leftOut} left out for keywords the generator refuses; ${refused} refused for a form of an accepted keyword; ${remote.length} left out for remote references`;
    const lines = [
      summary,
      `  left out by keyword (a case may use several): ${[...byKeyword].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(", ")}`,
      ...[...refusedForms].sort((a, b) => b[1] - a[1]).map(([why, n]) => `  refused (${n}): ${why}`),
    ];
    console.log(lines.join("\n"));
    expect(run.length + leftOut + refused + remote.length).toBe(cases.length);
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(summary.replace(/^JSON Schema Test Suite \(draft 2020-12, required\): /, ""));
  });
});
