import { describe, expect, it } from "vitest";
import {
  codePoints,
  hasNoEmoji,
  isNotBlank,
  isOneEmojiOrEmpty,
  isTrimmed,
  maxCodePoints,
  minCodePoints,
} from "../../src/runtime/unicode.ts";

describe("code points", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["😀", 1],
    ["👍🏽", 2],
    ["e\u0301", 2],
    ["👨‍👩‍👧", 5],
    ["\ud800", 1], // a lone surrogate is one code point
    ["\ud800a", 2],
  ])("%j has %i", (s, n) => {
    expect(codePoints(s)).toBe(n);
    expect([...s].length).toBe(n);
  });

  it("bounds agree with the exact count", () => {
    for (const s of ["😀".repeat(20), "😀".repeat(21), "a".repeat(20) + "😀", "x"]) {
      expect(maxCodePoints(s, 20)).toBe(codePoints(s) <= 20);
      expect(minCodePoints(s, 2)).toBe(codePoints(s) >= 2);
    }
  });
});

describe("whitespace rules", () => {
  it("x-trimmed", () => {
    expect(isTrimmed("slot-1")).toBe(true);
    expect(isTrimmed("")).toBe(true);
    expect(isTrimmed(" slot")).toBe(false);
    expect(isTrimmed("slot\u00a0")).toBe(false);
    expect(isTrimmed("\u3000slot")).toBe(false);
  });
  it("x-notBlank", () => {
    expect(isNotBlank("")).toBe(true);
    expect(isNotBlank(" a ")).toBe(true);
    expect(isNotBlank("   ")).toBe(false);
    expect(isNotBlank("\t\n\u2003")).toBe(false);
  });
});

describe("emoji rules", () => {
  it.each(["👍", "👍🏽", "🇮🇳", "👨‍👩‍👧", "❤️", "1️⃣", "#⃣", "🏳️‍🌈", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "©️", ""])("%j is one emoji or empty", (s) => {
    expect(isOneEmojiOrEmpty(s)).toBe(true);
  });
  it.each(["😀😀", "a", "👍 ", " 👍", "🇮", "🇮🇳🇮", "1", "👍\u200d"])("%j is not", (s) => {
    expect(isOneEmojiOrEmpty(s)).toBe(false);
  });
  it("x-noEmoji", () => {
    expect(hasNoEmoji("Book now")).toBe(true);
    expect(hasNoEmoji("Book 📅")).toBe(false);
    expect(hasNoEmoji("Go 🇮🇳")).toBe(false);
    expect(hasNoEmoji("Press 1️⃣")).toBe(false);
    expect(hasNoEmoji("Step 1")).toBe(true);
  });
});
