/**
 * Every rule has a failing case: for each schema file, every assertion keyword it uses appears as
 * the expected rule of at least one of its invalid examples, and every file has valid examples.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ID_BASE, loadSchemaSet } from "../../generator/schema-set.ts";
import { loadExamples, SCHEMAS_DIR } from "../support/corpus.ts";

/** Keywords that assert something (annotations and structure such as $defs or items are left out). */
const ARGUMENTS = new Set(["enum", "const", "required", "propertyNames", "examples"]);
const ASSERTIONS = new Set([
  "type", "const", "enum", "required", "additionalProperties", "propertyNames", "minProperties", "dependentSchemas",
  "minItems", "maxItems", "minLength", "maxLength", "pattern", "minimum", "maximum",
  "x-discriminator", "x-maxTotal", "x-uniqueValues", "x-requiredIfMultiple", "x-uniformItems",
  "x-trimmed", "x-notBlank", "x-noEmoji", "x-emoji",
]);

const isPresenceOnly = (b: unknown) => !!b && typeof b === "object" && Object.keys(b).join() === "required";

/** The assertion keywords a schema uses; keyword arguments (enum lists, x- settings) are not descended. */
function keywordsIn(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => keywordsIn(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (ASSERTIONS.has(key) && !(key === "additionalProperties" && value !== false)) out.add(key);
      // A presence-only oneOf / anyOf (exactly one of id, link) is reported as that keyword.
      if ((key === "oneOf" || key === "anyOf") && Array.isArray(value) && value.every(isPresenceOnly)) out.add(key);
      else if (!ARGUMENTS.has(key) && !key.startsWith("x-")) keywordsIn(value, out);
    }
  }
  return out;
}

const examples = loadExamples();
const set = loadSchemaSet(SCHEMAS_DIR);

/** The schema files `path` includes through `$ref`, itself among them. */
function includes(path: string, seen = new Set<string>()): Set<string> {
  if (seen.has(path)) return seen;
  seen.add(path);
  const file = set.files.find((f) => f.path === path)!;
  const refs = JSON.stringify(file.schema).matchAll(/"\$ref":"([^"#]+)/g);
  for (const [, ref] of refs) includes(new URL(ref!, file.id).href.slice(ID_BASE.length), seen);
  return seen;
}

describe("every rule has a failing example", () => {
  for (const file of set.files) {
    it(file.path, () => {
      const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, file.path), "utf8"));
      const mine = examples.filter((e) => e.schema === file.path);
      expect(mine.some((e) => e.valid), "a valid example").toBe(true);
      // A rule is exercised by the file's own examples or by those of a schema that includes the file.
      const covering = examples.filter((e) => includes(e.schema).has(file.path));
      const covered = new Set(covering.flatMap((e) => e.expect.map((x) => x.rule)));
      // dependentSchemas is reported as the keyword that fails inside it.
      const missing = [...keywordsIn(schema)].filter((k) => !covered.has(k) && !(k === "dependentSchemas" && covered.has("const")));
      expect(missing).toEqual([]);
    });
  }
});
