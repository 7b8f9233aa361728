/** The loader rejects malformed schema sets with a message that names the file and the problem. */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { namedSchemas } from "../../generator/names.ts";
import { ID_BASE, loadSchemaSet } from "../../generator/schema-set.ts";

function schemaDir(files: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), "wa-schemas-"));
  for (const [path, schema] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(schema));
  }
  return dir;
}

const base = (path: string, rest: object = {}) => ({ $id: ID_BASE + path, type: "string", ...rest });

describe("loading the schema set", () => {
  it("loads a well-formed set", () => {
    const set = loadSchemaSet(schemaDir({ "a/x.schema.json": base("a/x.schema.json"), "a/y.schema.json": base("a/y.schema.json", { $ref: "x.schema.json" }) }));
    expect(set.files.map((f) => f.path)).toEqual(["a/x.schema.json", "a/y.schema.json"]);
  });

  it("rejects an $id off the scheme", () => {
    expect(() => loadSchemaSet(schemaDir({ "x.schema.json": { $id: "https://elsewhere/x.json" } }))).toThrow(/\$id must be/);
  });

  it("rejects a $ref that resolves to nothing", () => {
    expect(() => loadSchemaSet(schemaDir({ "x.schema.json": base("x.schema.json", { $ref: "missing.schema.json" }) }))).toThrow(/names no schema/);
    expect(() => loadSchemaSet(schemaDir({ "x.schema.json": base("x.schema.json", { $ref: "#/$defs/nope" }) }))).toThrow(/points at nothing/);
  });

  it("rejects unknown keywords, misspellings included", () => {
    expect(() => loadSchemaSet(schemaDir({ "x.schema.json": base("x.schema.json", { maxLenght: 3 }) }))).toThrow(/unknown keyword "maxLenght"/);
    expect(() => loadSchemaSet(schemaDir({ "x.schema.json": base("x.schema.json", { "x-made-up": true }) }))).toThrow(/unknown keyword "x-made-up"/);
  });

  it("rejects two schemas with one type name", () => {
    const set = loadSchemaSet(schemaDir({
      "a/thing.schema.json": base("a/thing.schema.json"),
      "b/thing.schema.json": base("b/thing.schema.json"),
    }));
    expect(() => namedSchemas(set)).toThrow(/type name Thing is used by both/);
  });
});
