/**
 * Unicode rules shared by the validators and the builders: code-point length, whitespace as the
 * schemas define it (the Unicode White_Space property), and what counts as one emoji.
 */

/** Length in code points, as JSON Schema counts `minLength` / `maxLength`. */
export function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point written as two UTF-16 units.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * `s` has at most `max` code points. A code point takes one or two UTF-16 units, so a length
 * within `max` proves it fits and a length over `2 × max` proves it does not: only strings in
 * between are counted, and the count stops as soon as it passes `max`.
 */
export function maxCodePoints(s: string, max: number): boolean {
  if (s.length <= max) return true;
  if (s.length > 2 * max) return false;
  // Each surrogate pair makes the count one less than the length; enough pairs bring it within max.
  let excess = s.length - max;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (--excess === 0) return true;
        i++;
      }
    }
    // The units left cannot hold the pairs still needed.
    else if (s.length - 1 - i < 2 * excess) return false;
  }
  return false;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether `s` has any UTF-16 surrogate unit; without one, its code points are its length. */
export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

/** `s` has at least `min` code points. */
export function minCodePoints(s: string, min: number): boolean {
  return s.length >= 2 * min || codePoints(s) >= min;
}

export function isWhitespace(c: number): boolean {
  // Printable ASCII, the run between the ASCII and Latin-1 spaces, is answered by one test.
  if (c > 0x20 && c < 0x85) return false;
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `x-trimmed`: no whitespace at either end. */
export function isTrimmed(s: string): boolean {
  return s.length === 0 || (!isWhitespace(s.charCodeAt(0)) && !isWhitespace(s.charCodeAt(s.length - 1)));
}

/** `x-notBlank`: empty, or at least one code point that is not whitespace. */
export function isNotBlank(s: string): boolean {
  if (s.length === 0) return true;
  for (let i = 0; i < s.length; i++) if (!isWhitespace(s.charCodeAt(i))) return true;
  return false;
}

const PICTOGRAPHIC = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u20E3]/u;

/** `x-noEmoji`: no Extended_Pictographic code point, regional indicator (flags) or keycap mark. */
export function hasNoEmoji(s: string): boolean {
  return !PICTOGRAPHIC.test(s);
}

const ELEMENT = "\\p{Extended_Pictographic}(?:[\\u{1F3FB}-\\u{1F3FF}]|\\uFE0F)?";
const ONE_EMOJI = new RegExp(
  "^(?:[\\u{1F1E6}-\\u{1F1FF}]{2}" +
    "|[0-9#*]\\uFE0F?\\u20E3" +
    `|${ELEMENT}(?:\\u200D${ELEMENT})*(?:[\\u{E0020}-\\u{E007E}]+\\u{E007F})?)$`,
  "u",
);

/** `x-emoji`: empty (a removal) or exactly one emoji, by the grammar in the schema README. */
export function isOneEmojiOrEmpty(s: string): boolean {
  return s.length === 0 || ONE_EMOJI.test(s);
}
