/**
 * `schemas/extended-pictographic.json`: the code points with the Unicode Extended_Pictographic
 * property, as inclusive ranges. `x-noEmoji` and `x-emoji` need that property, and not every
 * language's standard library has it (Python's does not), so the package ships it as data. The
 * ranges come from the same `\p{Extended_Pictographic}` the TypeScript validators use, so both
 * read one Unicode version.
 */
import { bannerJson } from "./print.ts";

export const PICTOGRAPHIC_PATH = "schemas/extended-pictographic.json";

export function pictographicRanges(): [number, number][] {
  const property = /\p{Extended_Pictographic}/u;
  const ranges: [number, number][] = [];
  for (let c = 0; c <= 0x10ffff; c++) {
    // Lone surrogates are not code points a string can carry on its own.
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (!property.test(String.fromCodePoint(c))) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
  }
  return ranges;
}

export function pictographicFile(): string {
  return bannerJson(
    {
      title: "Unicode Extended_Pictographic code points",
      description:
        "Inclusive [first, last] code-point ranges with the Extended_Pictographic property, for implementing the x-noEmoji and x-emoji keywords in languages whose standard library lacks the property. Generated from the JavaScript engine's Unicode data.",
      ranges: pictographicRanges(),
    },
    "$comment",
  );
}
