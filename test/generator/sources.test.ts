/**
 * Every rule names its source, and its strength follows: the loader refuses a rule without a usable
 * `x-source`; every error-strength rule cites a document (or the package's own contract); every
 * warning-strength rule has a corpus example that passes with that warning; and the counts the
 * README gives are the schema set's.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../generator/graph/build.ts";
import { ruleInventory } from "../../generator/inventory.ts";
import { namedSchemas } from "../../generator/names.ts";
import { ID_BASE, loadSchemaSet, type SchemaSet } from "../../generator/schema-set.ts";
import { rulesOn } from "../../generator/sources.ts";
import { loadExamples, ROOT, SCHEMAS_DIR } from "../support/corpus.ts";

const rulesOf = (set: SchemaSet) => ruleInventory(buildGraph(set, namedSchemas(set)));
const set = loadSchemaSet(SCHEMAS_DIR);
const rules = rulesOf(set);

function schemaDir(files: Record<string, object>, sources: object): string {
  const dir = mkdtempSync(join(tmpdir(), "wa-sources-"));
  writeFileSync(join(dir, "sources.json"), JSON.stringify(sources));
  for (const [path, schema] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify({ $id: ID_BASE + path, ...schema }));
  }
  return dir;
}

const SOURCES = {
  "meta-x": { kind: "meta", title: "Meta: a page", page: "messages/x", updated: "2025-11" },
  inferred: { kind: "inferred", title: "our reasoning" },
};

describe("x-source on every rule", () => {
  it("every rule keyword of every schema carries a source", () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
      if (!node || typeof node !== "object") return;
      const schema = node as Record<string, never>;
      const given = (schema["x-source"] ?? {}) as Record<string, unknown>;
      for (const keyword of rulesOn(schema)) if (given[keyword] === undefined) missing.push(`${where} ${keyword}`);
      for (const [key, value] of Object.entries(schema)) if (!key.startsWith("x-") && key !== "enum" && key !== "const" && key !== "examples") walk(value, `${where}/${key}`);
    };
    for (const file of set.files) walk(file.schema, `${file.path}#`);
    // A presence-only oneOf branch ({ "required": ["id"] }) is part of its parent's rule.
    expect(missing.filter((m) => !/\/(oneOf|anyOf)\/\d+ required$/.test(m))).toEqual([]);
    expect(rules.length).toBeGreaterThan(400);
  });

  it("refuses a rule without a source, naming the file, the pointer and the keyword", () => {
    const dir = schemaDir({ "a/x.schema.json": { type: "object", properties: { t: { type: "string", maxLength: 3 } } } }, SOURCES);
    expect(() => loadSchemaSet(dir)).toThrow('a/x.schema.json#/properties/t: "maxLength" has no x-source');
  });

  it("refuses an unknown source, an inferred one without a note, and a source for no rule", () => {
    const unknown = schemaDir({ "a/x.schema.json": { type: "string", maxLength: 3, "x-source": { maxLength: "meta-nowhere" } } }, SOURCES);
    expect(() => loadSchemaSet(unknown)).toThrow('a/x.schema.json#: x-source of "maxLength" names the unknown source "meta-nowhere"');
    const bare = schemaDir({ "a/x.schema.json": { type: "string", maxLength: 3, "x-source": { maxLength: "inferred" } } }, SOURCES);
    expect(() => loadSchemaSet(bare)).toThrow('x-source of "maxLength" is inferred and needs a note');
    const stray = schemaDir({ "a/x.schema.json": { type: "string", "x-source": { maxLength: "meta-x" } } }, SOURCES);
    expect(() => loadSchemaSet(stray)).toThrow('x-source names "maxLength", which is not a rule of this node');
  });

  it("refuses a document source without its page and date", () => {
    const dir = schemaDir({ "a/x.schema.json": { type: "string" } }, { "meta-x": { kind: "meta", title: "Meta: a page" } });
    expect(() => loadSchemaSet(dir)).toThrow('"meta-x" is a meta document and needs "page" and "updated"');
  });

  it("accepts a source per part, and an inferred source with its note", () => {
    const dir = schemaDir(
      {
        "a/x.schema.json": {
          type: "object",
          required: ["a", "b"],
          properties: { a: { type: "string" }, b: { type: "string" } },
          "x-source": { required: { a: "meta-x", b: { source: "inferred", note: "because" } } },
        },
      },
      SOURCES,
    );
    const parts = rulesOf(loadSchemaSet(dir));
    expect(parts.map((r) => [r.at, r.strength])).toEqual([
      ["a/x.schema.json#/required/0", "error"],
      ["a/x.schema.json#/required/1", "warning"],
    ]);
  });
});

describe("strength follows the source", () => {
  it("every error-strength rule cites a document with its page and date, or the package's contract", () => {
    const undocumented = rules.filter((r) => {
      if (r.strength !== "error") return false;
      const source = set.sources.get(r.source)!;
      if (source.kind === "contract") return false;
      return !((source.kind === "meta" || source.kind === "provider") && source.page && source.updated);
    });
    expect(undocumented).toEqual([]);
  });

  it("every warning-strength rule has a corpus example that passes with that warning", () => {
    const warnings = rules.filter((r) => r.strength === "warning");
    const examples = loadExamples().filter((e) => e.verdict === "warning");
    const exercised = new Set(examples.map((e) => e.exercises));
    expect(warnings.map((r) => r.at).filter((at) => !exercised.has(at))).toEqual([]);
    // And each example exercises a warning rule, expecting a warning of that rule's keyword.
    const byAt = new Map(warnings.map((r) => [r.at, r]));
    for (const example of examples) {
      const rule = byAt.get(example.exercises ?? "");
      expect(rule, `${example.name}: exercises ${example.exercises}`).toBeDefined();
      expect(example.expect.map((e) => e.rule), example.name).toContain(rule!.keyword);
    }
  });

  it("the README states the numbers of rules, errors and warnings", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const errors = rules.filter((r) => r.strength === "error").length;
    const warnings = rules.length - errors;
    expect(readme).toContain(`${rules.length} rules: ${errors} errors and ${warnings} warnings`);
  });
});
