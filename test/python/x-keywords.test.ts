/**
 * The Python reference x- keywords against the TypeScript runtime on strings the corpus does not
 * hold: every Extended_Pictographic range edge, flags, keycaps, ZWJ sequences, tags, modifiers and
 * whitespace. This is what shows the shipped extended-pictographic.json carries the same Unicode
 * data as the JavaScript engine.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { hasNoEmoji, isNotBlank, isOneEmojiOrEmpty, isTrimmed } from "../../src/runtime/unicode.ts";
import { ROOT } from "../support/corpus.ts";
import { describeEachPython, parseOutput, type Python, runPython } from "../support/python.ts";

const ranges = (JSON.parse(readFileSync(join(ROOT, "generated/schemas/extended-pictographic.json"), "utf8")) as { ranges: [number, number][] }).ranges;

const cp = (n: number) => String.fromCodePoint(n);
const samples: string[] = ["", "a", " ", "a ", " a", "\u00a0", "\u3000x", "x\u2028", "\u200b", "héllo", "1\ufe0f\u20e3", "#\u20e3", "\u20e3", "😀😀", "👍 ", "🇮🇳", "🇮", "🇮🇳🇮", "👍🏽", "🏽", "👨‍👩‍👧", "👨‍", "❤️", "❤\ufe0f\ufe0f", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "🏴\u{E007F}", "\u{E0067}\u{E007F}"];
for (const [first, last] of ranges) {
  for (const c of [first - 1, first, last, last + 1]) {
    if (c < 0 || (c >= 0xd800 && c <= 0xdfff)) continue;
    samples.push(cp(c), `${cp(c)}\ufe0f`, `x${cp(c)}`, `${cp(c)}\u{1F3FB}`, `${cp(c)}\u200d${cp(c)}`);
  }
}

function verdicts(python: Python, strings: string[]): Record<string, boolean[]> {
  const script = `
import json, sys
from jsonschema import Draft202012Validator
sys.path.insert(0, ${JSON.stringify(join(ROOT, "examples/python"))})
import x_keywords
V = x_keywords.extend(Draft202012Validator, x_keywords.load_pictographic(${JSON.stringify(join(ROOT, "generated/schemas/extended-pictographic.json"))}))
strings = json.load(sys.stdin)
out = {k: [V({k: True}).is_valid(s) for s in strings] for k in ["x-noEmoji", "x-emoji", "x-trimmed", "x-notBlank"]}
json.dump(out, sys.stdout)
`;
  const run = runPython(python, ["-c", script], JSON.stringify(strings));
  expect(run.status).toBe(0);
  return parseOutput(`${python.command} (x- keyword verdicts)`, run);
}

describeEachPython("Python x- string keywords", (python) => {
  it(`agree with the TypeScript runtime on ${samples.length} strings`, () => {
    const py = verdicts(python, samples);
    const ts: Record<string, (s: string) => boolean> = { "x-noEmoji": hasNoEmoji, "x-emoji": isOneEmojiOrEmpty, "x-trimmed": isTrimmed, "x-notBlank": isNotBlank };
    const disagreements = Object.entries(ts).flatMap(([keyword, fn]) =>
      samples.flatMap((s, i) => (py[keyword]![i] === fn(s) ? [] : [`${keyword} ${JSON.stringify(s)}: Python ${py[keyword]![i]}, TypeScript ${fn(s)}`])),
    );
    expect(disagreements).toEqual([]);
    expect(py["x-emoji"]!.filter(Boolean).length).toBeGreaterThan(100);
  });
});
