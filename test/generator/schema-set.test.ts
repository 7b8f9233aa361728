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
    const set = loadSchemaSet(schemaDir({ "a/x.schema.json": base("a/x.schema.json"), "a/y.schema.json": { $id: ID_BASE + "a/y.schema.json", $ref: "x.schema.json" } }));
    expect(set.files.map((f) => f.path)).toEqual(["a/x.schema.json", "a/y.schema.json"]);
  });

  it("rejects an $id off the scheme", () => {
    expect(() => loadSchemaSet(schemaDir({ "x.schema.json": { $id: "https://elsewhere/x.json" } }))).toThrow(/\$id must be/);
  });

  it("rejects a $ref that resolves to nothing", () => {
    const ref = ($ref: string) => ({ "x.schema.json": { $id: ID_BASE + "x.schema.json", $ref } });
    expect(() => loadSchemaSet(schemaDir(ref("missing.schema.json")))).toThrow(/names no schema/);
    expect(() => loadSchemaSet(schemaDir(ref("#/$defs/nope")))).toThrow(/points at nothing/);
  });

  it("rejects unknown keywords, misspellings included", () => {
    expect(() => loadSchemaSet(schemaDir({ "x.schema.json": base("x.schema.json", { maxLenght: 3 }) }))).toThrow(/unknown keyword "maxLenght"/);
    expect(() => loadSchemaSet(schemaDir({ "x.schema.json": base("x.schema.json", { "x-made-up": true }) }))).toThrow(/unknown keyword "x-made-up"/);
  });

  it("names a keyword it does not accept before anything else it would refuse", () => {
    expect(() => loadSchemaSet(schemaDir({ "x.schema.json": { $id: "urn:elsewhere", not: { $dynamicRef: "#x" } } }))).toThrow(/x\.schema\.json#: unknown keyword "not"/);
  });

  it("refuses forms of accepted keywords the emitter would answer differently from JSON Schema", () => {
    const refused = (rest: object) => () => loadSchemaSet(schemaDir({ "x.schema.json": { $id: ID_BASE + "x.schema.json", ...rest } }));
    expect(refused({ maxLength: 3 })).toThrow(/x\.schema\.json#: "maxLength" needs "type": "string" beside it/);
    expect(refused({ type: "object", properties: { a: { minimum: 1 } } })).toThrow(/#\/properties\/a: "minimum" needs "type": "number" or "integer"/);
    expect(refused({ type: "array", items: false })).toThrow(/#\/items: the boolean schema false is supported only as additionalProperties/);
    expect(refused({ const: { a: 1 } })).toThrow(/"const" values must be strings, numbers, booleans or null/);
    expect(refused({ type: ["string", "null"] })).toThrow(/"type" must be one of/);
    expect(refused({ $defs: { a: { type: "string" } }, $ref: "#/$defs/a", maxLength: 2 })).toThrow(/"\$ref" beside "maxLength" is not supported/);
    expect(refused({ type: "object", properties: { a: { $id: "a", type: "string" } } })).toThrow(/"\$id" is supported only at the root/);
    expect(refused({ type: "object", propertyNames: { maxLength: 3 } })).toThrow(/"propertyNames" is supported only as/);
    expect(refused({ type: "object", required: ["constructor"] })).toThrow(/the property name "constructor" is not supported/);
    expect(refused({ type: "string", oneOf: [{ type: "string", maxLength: 2 }, { type: "string", minLength: 5 }] })).toThrow(/beside "type": "string" is not supported/);
    expect(refused({ oneOf: [{ type: "string" }, { type: "integer" }], anyOf: [{ type: "string" }, { type: "boolean" }] })).toThrow(/"oneOf" and "anyOf" in one schema are supported only as an object's required-only branches/);
  });

  it("accepts the forms the emitter supports: additionalProperties false, required-only oneOf and anyOf together, dependent properties", () => {
    const set = loadSchemaSet(schemaDir({
      "x.schema.json": {
        $id: ID_BASE + "x.schema.json",
        type: "object",
        properties: { a: { type: "string" }, b: { type: "string" }, c: { type: "string" } },
        additionalProperties: false,
        oneOf: [{ required: ["a"] }, { required: ["b"] }],
        anyOf: [{ required: ["a"] }, { required: ["c"] }],
        dependentSchemas: { a: { properties: { b: { const: "x" } } } },
      },
    }));
    expect(set.files).toHaveLength(1);
  });

  it("rejects two schemas with one type name", () => {
    const set = loadSchemaSet(schemaDir({
      "a/thing.schema.json": base("a/thing.schema.json"),
      "b/thing.schema.json": base("b/thing.schema.json"),
    }));
    expect(() => namedSchemas(set)).toThrow(/type name Thing is used by both/);
  });
});
