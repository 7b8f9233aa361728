/**
 * Adding a keyword is one entry in the keyword table (generator/keywords.ts), plus its line in the
 * schema set's README and its twin in the Python package: this test adds a toy `x-noDigits` rule
 * for strings as an entry alone, and finds it everywhere the table reaches. The loader accepts it
 * and asks for its source; both validator passes enforce it, at the strength its source gives; the
 * reference docs list it (through the schema graph, which takes the keywords each kind of node may
 * carry from the table too); the coverage test demands an example of it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docFiles } from "../../generator/docs.ts";
import { buildGraph } from "../../generator/graph/build.ts";
import { addKeyword, type Keyword, KNOWN_KEYWORDS, mustCover, X_KEYWORDS } from "../../generator/keywords.ts";
import { namedSchemas } from "../../generator/names.ts";
import { ID_BASE, loadSchemaSet, type SchemaSet } from "../../generator/schema-set.ts";
import { rulesOn } from "../../generator/sources.ts";
import { emitValidators } from "../../generator/validators.ts";
import { ROOT } from "../support/corpus.ts";

const TOY: Keyword = {
  name: "x-noDigits",
  on: "string",
  sourced: true,
  covered: true,
  applies: (arg) => arg === true,
  test: ({ x, emit }) => `!${emit.regex("[0-9]")}.test(${x})`,
  issue: ({ p, label }) => `rules.issue(${p}, "x-noDigits", ${label} + " has a digit; write the number out")`,
  doc: () => [{ text: "no digits", keywords: ["x-noDigits"] }],
};

const work = mkdtempSync(join(tmpdir(), "wa-interactive-keyword-"));
let remove: () => void = () => {};

/** A schema set of one message with a name (an error rule) and a nickname (a warning rule), both without digits. */
function toySet(): SchemaSet {
  const dir = join(work, "schemas");
  mkdirSync(join(dir, "interactive"), { recursive: true });
  writeFileSync(
    join(dir, "sources.json"),
    JSON.stringify({
      "toy-doc": { kind: "meta", title: "A toy page", page: "https://example.com/toy", updated: "2026-12" },
      "toy-seen": { kind: "observed", title: "Seen once" },
    }),
  );
  const field = (source: string) => ({ type: "string", "x-noDigits": true, "x-source": { "x-noDigits": source } });
  writeFileSync(
    join(dir, "interactive/toy.schema.json"),
    JSON.stringify({
      $id: `${ID_BASE}interactive/toy.schema.json`,
      title: "toy message",
      "x-ts-name": "Toy",
      type: "object",
      properties: { name: { title: "name", ...field("toy-doc") }, nickname: { title: "nickname", ...field("toy-seen") } },
    }),
  );
  return loadSchemaSet(dir);
}

beforeAll(() => {
  remove = addKeyword(TOY);
});
afterAll(() => {
  remove();
  rmSync(work, { recursive: true, force: true });
});

describe("a keyword added to the table alone", () => {
  it("is accepted by the loader, and is a rule that needs its source", () => {
    expect(KNOWN_KEYWORDS.has("x-noDigits")).toBe(true);
    expect(X_KEYWORDS).toContain("x-noDigits");
    expect(rulesOn({ type: "string", "x-noDigits": true })).toEqual(["x-noDigits"]);
    expect(() => toySet()).not.toThrow();
  });

  it("is enforced by both validator passes, at the strength its source gives", async () => {
    const set = toySet();
    const code = emitValidators(buildGraph(set, namedSchemas(set)));
    // Compiled as the generated module is, with the runtime from the sources.
    const module = join(work, "validators.ts");
    const runtime = (name: string) => JSON.stringify(join(ROOT, `src/runtime/${name}.ts`));
    writeFileSync(module, code.replace(/^import type .*$/gm, "").replace(/"\.\/runtime\/([a-z-]+)\.js"/g, (_, name: string) => runtime(name)));
    const { isToy, validateToy } = (await import(pathToFileURL(module).href)) as Record<string, (v: unknown) => any>;

    expect(isToy!({ name: "Ana", nickname: "Bia" })).toBe(true);
    expect(validateToy!({ name: "Ana", nickname: "Bia" })).toMatchObject({ ok: true, warnings: [] });
    // The fast pass refuses a digit in the name; the full pass names it.
    expect(isToy!({ name: "R2D2" })).toBe(false);
    expect(validateToy!({ name: "R2D2" })).toMatchObject({ ok: false, errors: [{ path: "/name", rule: "x-noDigits", message: "name has a digit; write the number out", severity: "error" }] });
    // A rule only observed is a warning: the value is valid, and the warning says where the rule is.
    expect(isToy!({ nickname: "C3PO" })).toBe(true);
    expect(validateToy!({ nickname: "C3PO" })).toMatchObject({
      ok: true,
      warnings: [{ path: "/nickname", rule: "x-noDigits", severity: "warning", schemaPath: "interactive/toy.schema.json#/properties/nickname/x-noDigits" }],
    });
  });

  it("is listed in the reference docs with its source", () => {
    const set = toySet();
    const named = namedSchemas(set);
    const page = docFiles(buildGraph(set, named)).get("docs/interactive/toy.md");
    expect(page).toContain("no digits (toy-doc)");
    expect(page).toContain("no digits (warning: toy-seen)");
  });

  it("must be covered by an invalid example", () => {
    expect(mustCover("x-noDigits", true)).toBe(true);
  });
});
