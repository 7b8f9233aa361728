/** The Markdown printer writes what prettier writes, so the generator need not run prettier on the reference pages. */
import fc from "fast-check";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { docFiles } from "../../generator/docs.ts";
import { buildGraph } from "../../generator/graph/build.ts";
import { printMarkdown } from "../../generator/markdown.ts";
import { namedSchemas } from "../../generator/names.ts";
import { emitProviders } from "../../generator/providers.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";

const prettier = (text: string) => format(text, { parser: "markdown", printWidth: 120 });

describe("printMarkdown", () => {
  it("prints every reference page and the capability matrix as prettier does", async () => {
    const set = loadSchemaSet(SCHEMAS_DIR);
    const pages = [...docFiles(buildGraph(set, namedSchemas(set)), [])];
    pages.push(["CAPABILITIES.md", emitProviders(SCHEMAS_DIR, set).get("CAPABILITIES.md")!]);
    expect(pages.length).toBeGreaterThan(15);
    for (const [path, text] of pages) {
      const printed = printMarkdown(text);
      // Every page is in the narrow form today; one that leaves it is formatted by prettier, which is slower, not wrong.
      expect(printed, path).toBeDefined();
      expect(printed, path).toBe(await prettier(text));
    }
  });

  // Text of the narrow form and just outside it: Markdown syntax, wide letters, line-start markers.
  const word = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom("reply", "id", "1–20", "(meta-v23)", "it's", '"one"', "₹12.34", "x_y", "a,", "list.", "2026)", "1.", "-", "=", "—") },
    { weight: 6, arbitrary: fc.constantFrom("`code`", "`a b`", "`^x\\s$`", "**yes**", "[1]", "[list](../list.md)", "snake_case_x") },
    { weight: 1, arbitrary: fc.constantFrom("*em*", "_em_", "<b>", "a\\b", "漢字", "😀", "http://x.io", "#", "[x]", "+", "`a|b`") },
  );
  const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));
  const block = fc.oneof(
    text.map((t) => `# ${t}`),
    fc.array(text, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")),
    fc.array(text, { minLength: 1, maxLength: 3 }).map((items) => items.map((t) => `- ${t}`).join("\n")),
    fc.integer({ min: 1, max: 3 }).chain((columns) =>
      fc.array(fc.array(fc.oneof(text, fc.constant("")), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 4 }).map((rows) =>
        [rows[0]!, rows[0]!.map(() => "---"), ...rows.slice(1)].map((cells) => `| ${cells.join(" | ")} |`).join("\n"),
      ),
    ),
  );

  it("prints what prettier prints wherever it prints at all", async () => {
    let printed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(block, fc.constantFrom("\n\n", "\n\n\n")), { minLength: 1, maxLength: 5 }), async (blocks) => {
        const doc = blocks.map(([b, gap]) => b + gap).join("");
        const mine = printMarkdown(doc);
        if (mine === undefined) return;
        printed++;
        expect(mine).toBe(await prettier(doc));
      }),
      { numRuns: 600 },
    );
    // The property says something only if the printer took a fair share of the documents.
    expect(printed).toBeGreaterThan(60);
  });

  it("leaves what is outside its form to prettier", () => {
    for (const doc of ["a *b* c\n", "- a\n  continued\n", "| a |\n| :-: |\n| b |\n", "para\n- item\n", "text  with two spaces\n", "| 漢字 |\n| --- |\n"]) expect(printMarkdown(doc), doc).toBeUndefined();
  });
});
