/**
 * One function per rule that builds its issue and message, so every validator words a broken rule
 * the same way. Only the error path calls these.
 */
import { issue, type ValidationIssue } from "./issues.js";

/** An issue worded where its rule is defined: a keyword whose message the keyword table writes itself. */
export { issue, warning } from "./issues.js";
import { codePoints, hasSurrogates } from "./unicode.js";
import { describe, describeType } from "./walk.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (names: readonly unknown[]) => names.map((n) => JSON.stringify(n)).join(", ");

export function type(path: string, label: string, expected: string, v: unknown): ValidationIssue {
  return issue(path, "type", `${label} must be ${expected}, not ${describeType(v)}`);
}

export function required(path: string, label: string, property: string): ValidationIssue {
  return issue(path, "required", `${label} is missing the required property "${property}"`);
}

export function additionalProperty(
  path: string,
  label: string,
  key: string,
  known: readonly string[] = [],
): ValidationIssue {
  const meant = closest(key, known);
  const hint = meant === undefined ? "" : `did you mean "${meant}"? `;
  return issue(
    path,
    "additionalProperties",
    `${label} has an unknown property "${key}"; ${hint}WhatsApp rejects parameters it does not know`,
  );
}

export function minLength(path: string, label: string, limit: number, s: string): ValidationIssue {
  const n = codePoints(s);
  const message =
    n === 0
      ? `${label} is empty; it needs at least ${plural(limit, "character")}`
      : `${label} is ${plural(n, "character")}; it needs at least ${limit}`;
  return issue(path, "minLength", message, limit, n);
}

/** Up to this many UTF-16 units a too-long string's code points are counted for the message: well under a millisecond. */
const COUNTED_UP_TO = 65_536;

export function maxLength(path: string, label: string, limit: number, s: string): ValidationIssue {
  // Counting the code points of a hostile 50 MB string would cost more than parsing it did. A
  // string without surrogates (a regex scan, a fraction of the count's time) has as many as its
  // length; a longer one with surrogates is reported by its UTF-16 length, which already proves it too long.
  const n = s.length <= COUNTED_UP_TO ? codePoints(s) : hasSurrogates(s) ? undefined : s.length;
  if (n === undefined) {
    return issue(
      path,
      "maxLength",
      `${label} is ${s.length} UTF-16 units long, so more than ${limit} characters; WhatsApp allows at most ${limit}`,
      limit,
    );
  }
  return issue(path, "maxLength", `${label} is ${plural(n, "character")}; WhatsApp allows at most ${limit}`, limit, n);
}

export function minItems(path: string, label: string, limit: number, n: number): ValidationIssue {
  return issue(path, "minItems", `${label}: ${n} given; at least ${limit} required`, limit, n);
}

export function maxItems(path: string, label: string, limit: number, n: number): ValidationIssue {
  return issue(path, "maxItems", `${label}: ${n} given; WhatsApp allows at most ${limit}`, limit, n);
}

export function minProperties(path: string, label: string, limit: number, n: number): ValidationIssue {
  return issue(
    path,
    "minProperties",
    `${label} has ${plural(n, "property", "properties")}; it needs at least ${limit}`,
    limit,
    n,
  );
}

export function pattern(path: string, label: string, source: string, s: string): ValidationIssue {
  return issue(path, "pattern", `${label} ${describe(s)} does not have the required form (${source})`);
}

export function constant(path: string, label: string, expected: unknown, v: unknown): ValidationIssue {
  return issue(path, "const", `${label} must be ${describe(expected)}, not ${describe(v)}${caseHint(v, [expected])}`);
}

export function enumeration(path: string, label: string, allowed: readonly unknown[], v: unknown): ValidationIssue {
  return issue(path, "enum", `${label} must be one of ${list(allowed)}, not ${describe(v)}${caseHint(v, allowed)}`);
}

/** An object of another kind where one kind is taken: one issue at the object, not one per key. */
export function otherKind(path: string, parent: string, kind: string, tag: string, given: string): ValidationIssue {
  return issue(path, "const", `${parent} takes a ${kind} only (type ${describe(tag)}), not type ${describe(given)}`);
}

export function minimum(path: string, label: string, limit: number, n: number): ValidationIssue {
  return issue(path, "minimum", `${label} is ${n}; it must be at least ${limit}`, limit, n);
}

export function maximum(path: string, label: string, limit: number, n: number): ValidationIssue {
  return issue(path, "maximum", `${label} is ${n}; it must be at most ${limit}`, limit, n);
}

export function propertyName(path: string, label: string, allowed: readonly unknown[], key: string): ValidationIssue {
  return issue(path, "propertyNames", `${label} has the key ${describe(key)}; keys must be one of ${list(allowed)}`);
}

export function exactlyOne(path: string, label: string, names: readonly string[], found: number): ValidationIssue {
  const what = found === 0 ? "none is present" : `${found} are present`;
  return issue(path, "oneOf", `${label} needs exactly one of ${list(names)}; ${what}`);
}

export function atLeastOne(path: string, label: string, names: readonly string[]): ValidationIssue {
  return issue(path, "anyOf", `${label} needs at least one of ${list(names)}`);
}

export function noBranch(
  path: string,
  label: string,
  kinds: readonly string[],
  keyword: "oneOf" | "anyOf" = "oneOf",
): ValidationIssue {
  return issue(path, keyword, `${label} matches none of its forms: ${kinds.join("; ")}`);
}

export function manyBranches(path: string, label: string, n: number): ValidationIssue {
  return issue(path, "oneOf", `${label} matches ${n} of its forms; it must match exactly one`);
}

export function discriminator(path: string, label: string, allowed: readonly string[], v: unknown): ValidationIssue {
  return issue(
    path,
    "x-discriminator",
    `${label} ${describe(v)} is not a known kind; expected one of ${list(allowed)}${caseHint(v, allowed)}`,
  );
}

export function maxTotal(path: string, label: string, what: string, limit: number, n: number): ValidationIssue {
  return issue(
    path,
    "x-maxTotal",
    `${label} has ${n} ${what} in total; WhatsApp allows at most ${limit} across all of them`,
    limit,
    n,
  );
}

export function requiredIfMultiple(path: string, label: string, property: string, n: number): ValidationIssue {
  return issue(
    path,
    "x-requiredIfMultiple",
    `${label} is missing "${property}", which is required when there are ${n} of them`,
  );
}

export function uniformItems(path: string, label: string, index: number, what: string): ValidationIssue {
  return issue(path, "x-uniformItems", `${label} ${index} differs from the first in ${what}; all must be alike`);
}

export function trimmed(path: string, label: string, s: string): ValidationIssue {
  return issue(path, "x-trimmed", `${label} ${describe(s)} starts or ends with whitespace`);
}

export function notBlank(path: string, label: string): ValidationIssue {
  return issue(path, "x-notBlank", `${label} is only whitespace`);
}

export function noEmoji(path: string, label: string): ValidationIssue {
  return issue(path, "x-noEmoji", `${label} contains an emoji, which WhatsApp does not allow here`);
}

export function emoji(path: string, label: string, s: string): ValidationIssue {
  return issue(path, "x-emoji", `${label} must be exactly one emoji, or "" to remove a reaction; got ${describe(s)}`);
}

export function hole(path: string, label: string, index: number): ValidationIssue {
  return issue(path, "type", `${label} has a hole at index ${index}; JSON cannot carry sparse arrays`);
}

/** "; did you mean "button"?" when `v` is one of `allowed` written in another case (a Java enum's "BUTTON"). */
function caseHint(v: unknown, allowed: readonly unknown[]): string {
  if (typeof v !== "string") return "";
  const meant = allowed.find((a) => typeof a === "string" && a !== v && a.toLowerCase() === v.toLowerCase());
  return meant === undefined ? "" : `; did you mean ${describe(meant)}?`;
}

/**
 * The known key `key` most likely misspells: the nearest by edit distance (a swap of neighbours
 * counting one), within 1 edit for keys up to 4 characters and 2 beyond; none when two tie.
 */
function closest(key: string, known: readonly string[]): string | undefined {
  if (key.length > 64) return undefined;
  const most = key.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase(), most + 1);
    if (d > most) continue;
    if (d < bestDistance) [best, bestDistance, tie] = [k, d, false];
    else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

/** Optimal-string-alignment distance between `a` and `b`, or `cap` when it is at least that. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    [before, previous] = [previous, current];
  }
  return Math.min(previous[b.length]!, cap);
}
