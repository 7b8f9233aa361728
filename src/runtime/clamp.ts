/**
 * The opt-in clamp policy of the builders: over-long display text is shortened to its limit with an
 * ellipsis. It cuts only between grapheme clusters (what a reader sees as one character: an emoji
 * with a skin tone, a flag, a ZWJ family, a letter with its accents), so it never splits a surrogate
 * pair or a cluster, and it counts code points as the validators do. It is only ever given display
 * text; ids, URLs and every structural rule are left to validation.
 */
import { codePoints, isWhitespace } from "./unicode.js";
import { escape, type Pattern } from "./walk.js";

/** One string the clamp policy shortened. */
export interface ClampChange {
  /** Where, as an RFC 6901 JSON Pointer into the built message. */
  path: string;
  /** The limit in characters (Unicode code points). */
  limit: number;
  /** How many characters the text had. */
  actual: number;
  /** The text as given. */
  from: string;
  /** The text as sent: at most `limit` characters, ending in "…". */
  to: string;
}

export const ELLIPSIS = "\u2026";

let segmenter: Intl.Segmenter | undefined;

/**
 * `s` cut to at most `limit` code points, ellipsis included, at a grapheme boundary, without
 * whitespace before the ellipsis. Text that fits is returned unchanged. When not even the first
 * grapheme fits next to the ellipsis, the result is the ellipsis alone.
 */
export function clampText(s: string, limit: number): string {
  if (codePoints(s) <= limit) return s;
  if (limit < 1) return "";
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const room = limit - 1;
  let end = 0;
  let used = 0;
  for (const { segment, index } of segmenter.segment(s)) {
    const n = codePoints(segment);
    if (used + n > room) break;
    used += n;
    end = index + segment.length;
  }
  let kept = s.slice(0, end);
  // Trailing whitespace before the ellipsis reads as a mistake ("Track my …"); whitespace code
  // points are single UTF-16 units, so trimming them cannot split anything.
  let cut = kept.length;
  while (cut > 0 && isWhitespace(kept.charCodeAt(cut - 1))) cut--;
  kept = kept.slice(0, cut);
  return kept + ELLIPSIS;
}

/**
 * Clamps, in place, every string that `pattern` reaches from `value` (a draft the builder owns) to
 * `limit`, recording each change with its path.
 */
export function clampAt(
  value: unknown,
  pattern: Pattern,
  limit: number,
  path: string,
  changes: ClampChange[],
  from = 0,
): void {
  if (typeof value !== "object" || value === null || from === pattern.length) return;
  const seg = pattern[from]!;
  if (seg !== "*") clampKey(value as Record<string, unknown>, seg, escape(seg), pattern, limit, path, changes, from);
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++)
      clampKey(value as unknown as Record<string, unknown>, i, String(i), pattern, limit, path, changes, from);
}

function clampKey(
  parent: Record<string | number, unknown>,
  key: string | number,
  segment: string,
  pattern: Pattern,
  limit: number,
  path: string,
  changes: ClampChange[],
  from: number,
): void {
  const child = parent[key];
  if (from + 1 < pattern.length) {
    if (typeof child === "object" && child !== null)
      clampAt(child, pattern, limit, `${path}/${segment}`, changes, from + 1);
    return;
  }
  // Most text fits, and UTF-16 length bounds the code-point count: skip it without counting.
  if (typeof child !== "string" || child.length <= limit) return;
  const to = clampText(child, limit);
  if (to === child) return;
  parent[key] = to;
  changes.push({ path: `${path}/${segment}`, limit, actual: codePoints(child), from: child, to });
}
