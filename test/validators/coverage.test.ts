/**
 * Every rule has a failing case: for each schema file, every keyword it uses that the keyword table
 * marks as covered (generator/keywords.ts) appears as the expected rule of at least one of its
 * invalid examples, and every file has valid examples.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isPresenceList, mustCover } from "../../generator/keywords.ts";
import { ID_BASE, type Json, loadSchemaSet } from "../../generator/schema-set.ts";
import { loadExamples, SCHEMAS_DIR } from "../support/corpus.ts";

/** Keywords whose arguments are values or rule settings, not subschemas: not descended. */
const ARGUMENTS = new Set(["enum", "const", "required", "propertyNames", "examples"]);

/** The keywords a schema uses that the keyword table says some example must cover; arguments are not descended. */
function keywordsIn(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => keywordsIn(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node as Record<string, Json>)) {
      if (mustCover(key, value)) out.add(key);
      // A presence-only oneOf / anyOf (exactly one of id, link) is a rule reported as that keyword; its branches are not schemas.
      const presence = (key === "oneOf" || key === "anyOf") && isPresenceList(value);
      if (!presence && !ARGUMENTS.has(key) && !key.startsWith("x-")) keywordsIn(value, out);
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
