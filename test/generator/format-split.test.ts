/** Formatting a module in pieces cut at top-level statements gives the module formatted whole. */
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { joinFormatted, splitStatements, statementStarts } from "../../generator/format-split.ts";
import { Formatter, print } from "../../generator/print.ts";

const options = { parser: "babel-ts", printWidth: 120 };

// Statements whose strings, templates, comments and regular expressions hold brackets and
// statement-like lines, which must not be taken for cuts.
const statement = (i: number) =>
  [
    i % 7 === 0 ? "\n" : "",
    `/** Doc ${i}: { not a block */`,
    `export function f${i}(v: any): boolean {`,
    `const s = "}\\nexport const x = 1;" + '{' + \`\${v ? "}" : \`{\${i}}\`}\n\nexport function g() {\`;`,
    `if (/[{}]\\//.test(s)) { return s.length > ${i}; }`,
    "// } a comment with a bracket",
    `return v === ${i};`,
    "}",
    `const ENUM_${i} = ["a","b",${i}];`,
  ].join("\n");
const N = 60;
const module = Array.from({ length: N }, (_, i) => statement(i)).join("\n");

async function withFormatter<T>(pieceChars: number, use: (f: Formatter) => Promise<T>): Promise<T> {
  const formatter = new Formatter(2, pieceChars);
  try {
    return await use(formatter);
  } finally {
    await formatter.close();
  }
}

describe("splitStatements", () => {
  it("cuts only between top-level statements, never after a comment", () => {
    const starts = statementStarts(module);
    expect(starts.length).toBe(2 * N - 1);
    for (const at of starts) expect(module.slice(at)).toMatch(/^(\/\*\* Doc|const ENUM_)/);
  });

  it("joins the formatted pieces into the formatted module", async () => {
    const pieces = splitStatements(module, 1000);
    expect(pieces.length).toBeGreaterThan(4);
    expect(pieces.join("")).toBe(module);
    const formatted = await Promise.all(pieces.map((p) => format(p, options)));
    expect(joinFormatted(pieces, formatted)).toBe(await format(module, options));
  });

  it("leaves a small module whole", () => {
    expect(splitStatements("const a = 1;\nconst b = 2;\n", 40_000)).toEqual(["const a = 1;\nconst b = 2;\n"]);
  });
});

describe("Formatter", () => {
  it("formats on worker threads what print formats on this one, large modules in pieces", async () => {
    const files = [
      ["src/big.ts", module],
      ["src/small.ts", "export const a = {b:1}"],
      ["doc.md", "# Title\n\n| a | b |\n|---|---|\n| 1 | 22 |\n"],
      ["data.json", JSON.stringify({ a: [1, 2], b: { c: "d" } }, null, 2)],
      ["inline.json", '{"a": {"b": 1}}'],
    ] as const;
    await withFormatter(1000, async (formatter) => {
      for (const [path, text] of files) expect(await formatter.format(path, text), path).toBe(await print(path, text));
    });
  });

  it("formats a module whole when a cut falls inside a statement", async () => {
    // The scan takes this regular expression's `}` for a bracket, so it sees `const z` at the top level.
    const fooled = `${module}\nfunction h(v: string) {\nif (v) return /}/.test(v) || z / 2 > 1;\nconst z = 1;\nreturn z;\n}\n${module}`;
    expect(statementStarts(fooled).some((at) => fooled.startsWith("const z", at))).toBe(true);
    await withFormatter(1000, async (formatter) => {
      expect(await formatter.format("src/fooled.ts", fooled)).toBe(await print("src/fooled.ts", fooled));
    });
  });

  it("names the file prettier fails on", async () => {
    await withFormatter(1000, async (formatter) => {
      await expect(formatter.format("src/broken.ts", "export const = ;")).rejects.toThrow(/src\/broken\.ts/);
    });
  });
});
