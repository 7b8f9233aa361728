/**
 * The generated types against a second opinion: json-schema-to-typescript compiles the same
 * schemas (test/support/json-schema-to-typescript.ts), and tsc proves that every named type
 * emitted from the schema graph is the same type as the library's of the same name: assignable
 * both ways, and identical (a type that lost an optional property is still assignable both ways,
 * so assignability alone would not notice). Controls emitted from a graph with properties taken
 * out show that the checks notice a lost property.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleSchemas } from "../../generator/bundle.ts";
import { buildGraph } from "../../generator/graph/build.ts";
import type { ObjectNode } from "../../generator/graph/nodes.ts";
import { namedSchemas } from "../../generator/names.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { emitTypes } from "../../generator/types.ts";
import { ROOT, SCHEMAS_DIR } from "../support/corpus.ts";
import { JSTT_ROOT, jsttTypes } from "../support/json-schema-to-typescript.ts";
import { typeErrors } from "../support/tsc.ts";

const set = loadSchemaSet(SCHEMAS_DIR);
const named = namedSchemas(set);
const names = named.map((n) => n.name);
const ours = emitTypes(buildGraph(set, named));
const theirs = await jsttTypes(bundleSchemas(set, named), new Set(names));
const work = mkdtempSync(join(tmpdir(), "wa-types-oracle-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const declared = (source: string) => [...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]!);

/** The generated types from a graph whose named objects lost a property each (`[type, key]`). */
function withoutProperties(lost: [type: string, key: string][]): string {
  const graph = buildGraph(set, named);
  for (const [type, key] of lost) {
    const node = graph.named.find((n) => n.name === type) as ObjectNode;
    const before = node.properties.length;
    node.properties = node.properties.filter((p) => p.key !== key);
    expect(node.properties.length, `${type}.${key}`).toBe(before - 1);
  }
  return emitTypes(graph);
}

/** A file of checks for each name; `labels` maps each line to its type, for the failure message. */
function checkSource(): { source: string; labels: Map<number, string> } {
  const lines = [
    `import type * as Ours from "./ours.ts";`,
    `import type * as Theirs from "./theirs.ts";`,
    `import type * as Lost from "./lost.ts";`,
    "",
    "/** true when A and B are the same type (not only each assignable to the other). */",
    "type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
    "",
    "// Controls: each directive is unused, and fails, if the line below it compiles.",
    "// @ts-expect-error a type that lost a required property is not assignable to the library's",
    "export const lostRequired: Theirs.ButtonAction = null! as Lost.ButtonAction;",
    "// @ts-expect-error a type that lost an optional property is not the library's",
    "export const lostOptional: Same<Lost.ButtonInteractive, Theirs.ButtonInteractive> = true;",
    "",
  ];
  const labels = new Map<number, string>();
  for (const name of names) {
    for (const check of [
      `export const ours_${name}: Ours.${name} = null! as Theirs.${name};`,
      `export const theirs_${name}: Theirs.${name} = null! as Ours.${name};`,
      `export const same_${name}: Same<Ours.${name}, Theirs.${name}> = true;`,
    ]) {
      lines.push(check);
      labels.set(lines.length, name);
    }
  }
  return { source: lines.join("\n") + "\n", labels };
}

describe("the generated types, against json-schema-to-typescript", () => {
  it("declare the same names: every named schema, and nothing else", () => {
    expect(declared(ours).sort()).toEqual([...names].sort());
    expect(declared(theirs).filter((name) => name !== JSTT_ROOT).sort()).toEqual([...names].sort());
  });

  it("are, name by name, the same types as the library's", () => {
    // The controls' types: ButtonAction without `buttons` (required), ButtonInteractive without `footer` (optional).
    const lost = withoutProperties([
      ["ButtonAction", "buttons"],
      ["ButtonInteractive", "footer"],
    ]);
    writeFileSync(join(work, "ours.ts"), ours);
    writeFileSync(join(work, "theirs.ts"), theirs);
    writeFileSync(join(work, "lost.ts"), lost);
    const { source, labels } = checkSource();
    writeFileSync(join(work, "check.ts"), source);
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ extends: join(ROOT, "test/types/tsconfig.json"), include: ["check.ts"] }));
    const output = typeErrors(join(work, "tsconfig.json"));
    expect(output.replace(/^\S*check\.ts\((\d+),\d+\)/gm, (at, line: string) => labels.get(Number(line)) ?? at)).toBe("");
  }, 120_000);
});
