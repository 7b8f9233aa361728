/**
 * `wa-interactive/typebox`: every named schema as a TypeBox schema that strict Ajv2020 compiles
 * once the `x-` keywords are declared, agreeing with the corpus on every rule plain JSON Schema can
 * state. (The set is draft 2020-12 and uses `dependentSchemas`, so draft-07 Ajv is not enough.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind } from "@sinclair/typebox";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import * as typebox from "../../generated/src/typebox.ts";
import { namedSchemas } from "../../generator/names.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { loadExamples, ROOT, SCHEMAS_DIR } from "../support/corpus.ts";

const set = loadSchemaSet(SCHEMAS_DIR);
const rootName = new Map(namedSchemas(set).filter((n) => n.pointer === "").map((n) => [n.file.path, n.name]));
const schemas = typebox as unknown as Record<string, object>;

describe("Ajv2020 in strict mode", () => {
  // `format: "uri"` always comes with a `pattern` that checks it; Fastify adds the formats itself.
  // Strict (Ajv's default): an undeclared keyword would be an error, so this proves X_KEYWORDS is complete.
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ keywords: [...typebox.X_KEYWORDS], formats: { uri: true }, allErrors: true });

  it("compiles every schema in strict mode", () => {
    for (const n of namedSchemas(set)) {
      const schema = schemas[n.name] as Record<string | symbol, unknown>;
      expect(schema[Kind], n.name).toBe("Unsafe");
      expect(() => ajv.compile(schema), n.name).not.toThrow();
    }
  });

  it("accepts every valid example, and rejects every invalid one that breaks a standard rule", () => {
    let rejected = 0;
    for (const example of loadExamples()) {
      const name = rootName.get(example.schema);
      if (!name) continue;
      const ok = ajv.validate(schemas[name]!, example.instance);
      if (example.verdict === "valid") expect(ok, example.name).toBe(true);
      else if (example.expect.some((e) => !e.rule.startsWith("x-"))) {
        expect(ok, example.name).toBe(false);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(50);
  });
});

describe("the typebox entry", () => {
  it("is its own subpath: the root entry never loads TypeBox", () => {
    const index = readFileSync(join(ROOT, "generated/src/index.ts"), "utf8");
    expect(index).not.toMatch(/typebox/i);
    const pkg = JSON.parse(readFileSync(join(ROOT, "generated/package.json"), "utf8"));
    expect(pkg.exports["./typebox"]).toEqual({ types: "./dist/typebox.d.ts", default: "./dist/typebox.js" });
    expect(pkg.peerDependenciesMeta["@sinclair/typebox"]).toEqual({ optional: true });
    expect(pkg.dependencies ?? {}).toEqual({});
  });
});
