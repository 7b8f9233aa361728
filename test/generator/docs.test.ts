/**
 * The reference pages generated from the schemas: one per interactive type, listed in the index,
 * stating each field's limits as the schemas set them, and with no link that leads nowhere.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { docFiles } from "../../generator/docs.ts";
import { buildGraph } from "../../generator/graph/build.ts";
import { generate } from "../../generator/index.ts";
import { namedSchemas } from "../../generator/names.ts";
import { ID_BASE, loadSchemaSet } from "../../generator/schema-set.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";

const files = await generate({ schemasDir: SCHEMAS_DIR, version: "0.0.0-test" });
const page = (path: string) => {
  const text = files.get(`docs/${path}`);
  if (text === undefined) throw new Error(`no page docs/${path}`);
  return text;
};
/** The table row of a field, with prettier's padding squeezed out. */
const row = (text: string, field: string) => text.split("\n").find((line) => line.startsWith(`| \`${field}\` `))?.replace(/ {2,}/g, " ");

describe("reference docs", () => {
  it("have a page for every interactive type and the reaction, each listed in the index", () => {
    const interactive = JSON.parse(files.get("schemas/interactive/interactive.schema.json")!) as { oneOf: { $ref: string }[] };
    const pages = [...interactive.oneOf.map((b) => `interactive/${b.$ref.replace(".schema.json", ".md")}`), "message/reaction.md"];
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      expect(page(path)).toMatch(/^<!-- Code generated/);
      expect(page("README.md")).toContain(`](${path})`);
    }
  });

  it("state every limit as the schemas set it, each with its source, including the cross-field rules", () => {
    const button = page("interactive/button.md");
    expect(row(button, "action.buttons")).toContain("| yes | array of object | 1–3 items (meta-reply-buttons) |");
    expect(row(button, "action.buttons[].reply.title")).toContain("1–20 characters (meta-reply-buttons); not only whitespace (meta-messages-reference-old)");
    expect(row(button, "action")).toContain("no two alike: `buttons/*/reply/id` (meta-reply-buttons); no two alike: `buttons/*/reply/title` (meta-reply-buttons)");
    expect(row(button, "header.text")).toContain('yes, when `header.type: "text"`');
    const list = page("interactive/list.md");
    expect(row(list, "action")).toContain("at most 10 `sections/*/rows/*` in total (meta-list)");
    expect(row(list, "action")).toContain("no two alike: `sections/*/rows/*/id` (warning: observed-botonic [");
    expect(row(list, "action.sections")).toContain("with more than one item, each needs `title` (meta-v23)");
    expect(row(list, "action.sections[].rows[].id")).toContain("no whitespace at either end (warning: inferred [");
    expect(row(page("message/reaction.md"), "emoji")).toContain("exactly one emoji, or empty (meta-reactions)");
    const outbound = page("message/outbound-message.md").replace(/ {2,}/g, " ");
    expect(outbound).toContain('| (the whole object) | when `type: "interactive"` | object | at least one of `to`, `recipient` (meta-bsuid) |');
  });

  it("say a rule only where the node asks for its check: a bound of 0 and a rule turned off say nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "wa-interactive-docs-"));
    try {
      mkdirSync(join(dir, "interactive"), { recursive: true });
      writeFileSync(join(dir, "sources.json"), JSON.stringify({ "toy-doc": { kind: "meta", title: "A toy page", page: "https://example.com/toy", updated: "2026-12" } }));
      const sourced = { minLength: "toy-doc", maxLength: "toy-doc", "x-trimmed": "toy-doc" };
      const code = { type: "string", minLength: 0, maxLength: 5, "x-trimmed": false, format: "uri", "x-source": sourced };
      const toy = { $id: `${ID_BASE}interactive/toy.schema.json`, title: "toy message", "x-ts-name": "Toy", type: "object", properties: { code } };
      writeFileSync(join(dir, "interactive/toy.schema.json"), JSON.stringify(toy));
      const set = loadSchemaSet(dir);
      const text = docFiles(buildGraph(set, namedSchemas(set))).get("docs/interactive/toy.md")!;
      expect(row(text, "code")).toContain("| no | string | at most 5 characters (toy-doc); format `uri` |");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("list the sources a page cites, what strength each gives, and the notes", () => {
    const list = page("interactive/list.md");
    expect(list).toContain("## Sources");
    expect(list).toContain("- `meta-list` — Meta: Interactive list messages, `messages/interactive-list-messages` (updated 2025-11); meta, so its rules are errors.");
    expect(list).toContain("- `observed-botonic` — ");
    expect(list).toMatch(/^- \[1\] /m);
  });

  it("link only to files that exist", () => {
    const links = [...files].filter(([path]) => path.endsWith(".md")).flatMap(([path, text]) =>
      [...text.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].filter(([, target]) => !/^[a-z]+:/.test(target!)).map(([, target]) => ({ path, target: target! })),
    );
    expect(links.length).toBeGreaterThan(20);
    for (const { path, target } of links) {
      const resolved = normalize(join(dirname(path), target));
      expect(files.has(resolved), `${path} → ${target}`).toBe(true);
    }
  });
});
