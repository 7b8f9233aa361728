/**
 * Helpers for the cross-field `x-` keywords: reach values by a path pattern (`sections/*\/rows/*`),
 * and check values are plain JSON. The valid path allocates nothing: counting and duplicate checks
 * reuse one scratch array, which is safe because validation is synchronous.
 */
import { issue, type ValidationIssue, warning } from "./issues.js";

/** A path pattern split into segments; "*" is every element of an array or value of an object. */
export type Pattern = readonly string[];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** How many values `pattern` reaches from `v`. */
export function countAt(v: unknown, pattern: Pattern, from = 0): number {
  if (from === pattern.length) return v === undefined ? 0 : 1;
  if (!isObject(v)) return 0;
  const seg = pattern[from]!;
  if (seg !== "*") return countAt((v as Record<string, unknown>)[seg], pattern, from + 1);
  let n = 0;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) n += countAt(v[i], pattern, from + 1);
  else for (const k in v) n += countAt(v[k], pattern, from + 1);
  return n;
}

const scratch: unknown[] = [];

function gather(v: unknown, pattern: Pattern, from: number): void {
  if (from === pattern.length) {
    if (v !== undefined) scratch.push(v);
    return;
  }
  if (!isObject(v)) return;
  const seg = pattern[from]!;
  if (seg !== "*") return gather((v as Record<string, unknown>)[seg], pattern, from + 1);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) gather(v[i], pattern, from + 1);
  else for (const k in v) gather(v[k], pattern, from + 1);
}

/**
 * Up to this many values, generated validators compare pairs in place (no allocation); past it
 * they hand over to `allDistinct`, whose Set keeps a hostile array's cost linear.
 */
export const PAIRWISE_MAX = 64;

/**
 * Where generated validators keep the values a uniqueness check has met so far (at most
 * PAIRWISE_MAX; they clear it before returning). Validation is synchronous, so one array serves all.
 */
export const seen: unknown[] = new Array<unknown>(PAIRWISE_MAX).fill(undefined);

/** No two values reached by `pattern` are equal (valid path: no allocation for small sets). */
export function allDistinct(v: unknown, pattern: Pattern): boolean {
  scratch.length = 0;
  gather(v, pattern, 0);
  const n = scratch.length;
  let ok = true;
  if (n > PAIRWISE_MAX) ok = new Set(scratch).size === n;
  else {
    outer: for (let i = 1; i < n; i++) {
      for (let j = 0; j < i; j++) {
        if (scratch[i] === scratch[j]) {
          ok = false;
          break outer;
        }
      }
    }
  }
  scratch.length = 0;
  return ok;
}

/** Every value reached by `pattern`, with its JSON Pointer (the error path). */
export function valuesAt(
  v: unknown,
  pattern: Pattern,
  path: string,
  out: [unknown, string][] = [],
  from = 0,
): [unknown, string][] {
  if (from === pattern.length) {
    if (v !== undefined) out.push([v, path]);
    return out;
  }
  if (!isObject(v)) return out;
  const seg = pattern[from]!;
  if (seg !== "*")
    return valuesAt((v as Record<string, unknown>)[seg], pattern, `${path}/${escape(seg)}`, out, from + 1);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) valuesAt(v[i], pattern, `${path}/${i}`, out, from + 1);
  else for (const k in v) valuesAt(v[k], pattern, `${path}/${escape(k)}`, out, from + 1);
  return out;
}

/**
 * Calls `visit` with every value reached by `pattern` and its JSON Pointer, in order, until it
 * returns false: the pointer is built only for the values visited.
 */
function eachAt(
  v: unknown,
  pattern: Pattern,
  path: string,
  from: number,
  visit: (value: unknown, at: string) => boolean,
): boolean {
  if (from === pattern.length) return v === undefined || visit(v, path);
  if (!isObject(v)) return true;
  const seg = pattern[from]!;
  if (seg !== "*")
    return eachAt((v as Record<string, unknown>)[seg], pattern, `${path}/${escape(seg)}`, from + 1, visit);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!eachAt(v[i], pattern, `${path}/${i}`, from + 1, visit)) return false;
  } else {
    for (const k in v) if (!eachAt(v[k], pattern, `${path}/${escape(k)}`, from + 1, visit)) return false;
  }
  return true;
}

/**
 * Reports every value that repeats an earlier one, up to the issue cap (a million repeats stop at
 * the cap). Generated validators call it once their own check has found a repeat somewhere.
 */
export function duplicateIssues(
  v: unknown,
  pattern: Pattern,
  path: string,
  label: string,
  out: ValidationIssue[],
  /** For a warning rule: where the rule is in the schema set. */
  warningRule?: string,
): void {
  // A check that failed may share its loop with other patterns (button ids and titles): settle
  // "no duplicate here" without building a pointer for every value.
  if (out.length >= MAX_ISSUES || allDistinct(v, pattern)) return;
  const first = new Map<unknown, string>();
  eachAt(v, pattern, path, 0, (value, at) => {
    const earlier = first.get(value);
    if (earlier === undefined) {
      first.set(value, at);
      return true;
    }
    const found = issue(
      at,
      "x-uniqueValues",
      `${label} ${describe(value)} is used more than once (first at ${earlier}); each must be unique`,
    );
    out.push(warningRule === undefined ? found : warning(found, warningRule));
    return out.length < MAX_ISSUES;
  });
}

/** How many of `v`'s keys hold a value (`minProperties`): a key holding `undefined` is one JSON leaves out. */
export function definedKeys(v: Record<string, unknown>): number {
  let n = 0;
  for (const k in v) if (v[k] !== undefined) n++;
  return n;
}

/** The single value `pattern` (without "*") reaches, or undefined. */
export function valueAt(v: unknown, pattern: Pattern): unknown {
  for (let i = 0; i < pattern.length; i++) {
    if (!isObject(v)) return undefined;
    v = (v as Record<string, unknown>)[pattern[i]!];
  }
  return v;
}

/** The length of the array `pattern` reaches, or -1 when it reaches no array. */
export function lengthAt(v: unknown, pattern: Pattern): number {
  const a = valueAt(v, pattern);
  return Array.isArray(a) ? a.length : -1;
}

export function escape(key: string): string {
  if (key.indexOf("~") === -1 && key.indexOf("/") === -1) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Deepest nesting accepted inside open JSON values (flow data and the like). */
export const MAX_DEPTH = 256;

/** `v` is a value JSON can carry: no functions, BigInt, undefined, non-finite numbers, holes or cycles. */
export function isJson(v: unknown, depth = 0): boolean {
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(v);
    case "object": {
      if (v === null) return true;
      // A cycle never ends, so it runs into the depth limit.
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!(i in v) || !isJson(v[i], depth + 1)) return false;
        return true;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return false;
      for (const k in v) if (!isJson((v as Record<string, unknown>)[k], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

/** Explains why `v` is not plain JSON, with the path of the first offending value. */
export function jsonIssues(
  v: unknown,
  path: string,
  label: string,
  out: ValidationIssue[],
  seen: unknown[] = [],
): void {
  if (typeof v === "object" && v !== null) {
    if (seen.includes(v)) {
      out.push(issue(path, "type", `${label} refers back to itself (a cycle); JSON cannot carry it`));
      return;
    }
    if (seen.length >= MAX_DEPTH) {
      out.push(issue(path, "type", `${label} is nested more than ${MAX_DEPTH} levels deep`, MAX_DEPTH));
      return;
    }
    seen.push(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && out.length < MAX_ISSUES; i++) {
        if (!(i in v))
          out.push(issue(`${path}/${i}`, "type", `${label} has a hole at index ${i}; JSON cannot carry sparse arrays`));
        else jsonIssues(v[i], `${path}/${i}`, label, out, seen);
      }
    } else if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
      out.push(issue(path, "type", `${label} is a ${describeType(v)}, not a plain JSON object`));
    } else {
      for (const k in v) {
        if (out.length >= MAX_ISSUES) break;
        jsonIssues((v as Record<string, unknown>)[k], `${path}/${escape(k)}`, label, out, seen);
      }
    }
    seen.pop();
  } else if (!isJson(v)) {
    out.push(issue(path, "type", `${label} holds ${describeType(v)}, which JSON cannot carry`));
  }
}

/** A short description of a value's type for messages: "a number", "a BigInt", "an array", … */
export function describeType(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "nothing (undefined)";
  if (Array.isArray(v)) return "an array";
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? (Number.isInteger(v) ? "an integer" : "a number") : `${v} (not a finite number)`;
    case "bigint":
      return "a BigInt";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    case "object": {
      const proto = Object.getPrototypeOf(v);
      const name = proto && proto !== Object.prototype ? proto.constructor?.name : undefined;
      return name ? `a ${name} object` : "an object";
    }
    default:
      return `a ${typeof v}`;
  }
}

/** A value quoted for a message, shortened so a 10 MB string does not end up in an error. */
export function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}…` : v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  return describeType(v);
}

/** The full pass stops looking at array items once this many issues are found (said in the result). */
export const MAX_ISSUES = 1000;
