/** The JSON printer writes what prettier writes, so the generator need not run prettier on JSON. */
import fc from "fast-check";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { type Json, JsonPrinter } from "../../generator/json.ts";

const WIDTH = 120;
const printer = new JsonPrinter(WIDTH);
const prettier = (value: unknown) => format(JSON.stringify(value, null, 2), { parser: "json", printWidth: WIDTH });

// Short keys and strings (some wide or astral) so that arrays land on both sides of the print width.
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("é", "😀", "漢字", "a\"b", "x".repeat(40)));
const number = fc.oneof(fc.integer({ min: -100000, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.boolean(), number, text, tie("array"), tie("object")),
  array: fc.oneof(fc.array(tie("value"), { maxLength: 6 }), fc.array(number, { maxLength: 40 }), fc.array(fc.array(fc.integer(), { maxLength: 3 }), { maxLength: 4 })),
  object: fc.dictionary(text, tie("value"), { maxKeys: 4 }),
})).value;

describe("JsonPrinter", () => {
  it("prints what prettier prints", async () => {
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        expect(printer.print(value as never)).toBe(await prettier(value));
      }),
      { numRuns: 400 },
    );
  });

  it("breaks, fills and keeps on one line as prettier does", async () => {
    const cases: Json[] = [
      { ranges: [[169, 169], [174, 174]] },
      { a: [[1], [3, 4]], b: [{ x: 1 }], c: [{}, {}], d: [[]], nested: [[[0, 0], [0, 0]]] },
      { filled: Array.from({ length: 60 }, (_, i) => i * 1000), long: ["x".repeat(100), "y"], wide: ["漢".repeat(55)] },
    ];
    for (const value of cases) expect(printer.print(value)).toBe(await prettier(value));
  });
});
