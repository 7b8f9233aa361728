/**
 * The keyword table: every keyword a schema may use, defined once. The loader rejects anything
 * not in it, so a typo such as `maxLenght` fails generation instead of silently not being
 * enforced. Each rule keyword states here, and nowhere else:
 *
 * - its **test**: an expression true when a value keeps the rule. The validator emitter writes
 *   both passes from it: the fast boolean pass as `if (!(test)) return false`, the collecting pass
 *   as `if (!(test)) out.push(issue)`, so the two cannot disagree;
 * - the **issue** it raises (a call of the runtime's `rules.*`, whose `rule` is the keyword);
 * - its **doc** line in the generated reference pages;
 * - its **severity**: a rule (`sourced`) carries an `x-source`, whose kind makes it an error or a
 *   warning; the rest are structure or annotation;
 * - whether the examples must **cover** it (some invalid example names it as its rule).
 *
 * A few keywords are structure the validator emitter walks itself (`properties`, `items`, unions)
 * or checks with loops planned across patterns (`required`, `additionalProperties`,
 * `x-uniqueValues`): their entries hold the doc line, severity and coverage, and `test` is absent.
 * The graph gives each node a check per entry that applies and has a test or a doc line, and the
 * docs write a node's rules column from those checks' arguments, never from the raw schema.
 * The `x-` keywords' semantics are specified in `schemas/README.md`; adding one is an entry here,
 * a line there, and its twin in the Python package.
 */
import type { Json, Schema } from "./schema-set.ts";

/** What the emitter lends a keyword's test and issue: module-level constants, declared once. */
export interface Emit {
  /** The name of a constant RegExp (Unicode mode) for `source`. */
  regex(source: string): string;
  /** The name of a constant holding `code`. */
  constant(prefix: string, code: string): string;
  /** An expression for how many values the path pattern reaches from `v` (plain loops where the schema settles the shape). */
  countAt(v: string, path: string): string;
}

/** Where a test runs: the value's expression, and for a rule on each item, the array and index. */
export interface At {
  /** The value (for an `item` rule, the item). */
  x: string;
  /** The keyword's argument, or one part of it for a keyword with parts. */
  arg: Json;
  emit: Emit;
  /** For an `item` rule: the array's expression and the index variable. */
  array?: string;
  index?: string;
}

/** Where an issue is reported: the path expression and the field's label, as code. */
export interface IssueAt extends At {
  p: string;
  label: string;
}

/** A line of the docs' rules column and the keywords it cites (with the part, for a keyword with parts). */
export interface DocLine {
  text: string;
  keywords: string[];
  part?: string;
}

export interface Keyword {
  name: string;
  /**
   * What the test is about. "value": any value, before its type (`const`, `enum`); "string",
   * "number": a value of that type; "array", "object": the container itself; "item": each item of
   * an array. Absent: structure or annotation the emitter handles, or no check at all.
   */
  on?: "value" | "string" | "number" | "array" | "object" | "item";
  /**
   * A rule: it refuses values, so it carries an `x-source`, whose kind gives its severity; or a
   * test of its argument when only some forms are rules (`additionalProperties: false`).
   */
  sourced?: boolean | ((arg: Json) => boolean);
  /** Some invalid example must report it (test/validators/coverage.test.ts). */
  covered?: boolean;
  /** Only objects (arrays) have it: with no `type`, it makes a node an object (array) that other types pass. */
  shape?: "object" | "array";
  /** Whether the node's argument asks for a check (`minLength: 0` does not; `x-trimmed: false` does not). */
  applies?(arg: Json): boolean;
  /**
   * The parts of the argument that are rules of their own, each cited on its own: a pattern of
   * `x-uniqueValues`, a total of `x-maxTotal`, a property of `required`. A test runs once per part.
   */
  parts?(arg: Json): { part: string; arg: Json }[];
  /** For object rules: checked before the properties (counts, so an over-full list is refused at once) or after them. */
  stage?: "before" | "after";
  /** An expression true when the value keeps the rule: the one statement of it both passes use. */
  test?(at: At): string;
  /** An expression building the issue (the error path only). */
  issue?(at: IssueAt): string;
  /**
   * The docs' rules-column lines for one check of this keyword, without citations: from its
   * argument (a part's, for a keyword with parts) and, for a pair of bounds said in one line,
   * `argOf`, the argument of another check on the same node.
   */
  doc?(arg: Json, argOf: (keyword: string) => Json | undefined): DocLine[];
}

const lit = (v: unknown) => JSON.stringify(v);
const code = (v: Json) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;
const isTrue = (arg: Json) => arg === true;
const isNumber = (arg: Json) => typeof arg === "number";

/** "1–20 characters", "at most 3 items", "at least 1 character". */
function range(min: Json | undefined, max: Json | undefined, unit: string): string {
  const units = (n: Json | undefined) => (unit && n === 1 ? ` ${unit.replace(/s$/, "")}` : unit ? ` ${unit}` : "");
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${max}${units(max)}` : `${min}–${max}${units(max)}`;
  return max !== undefined ? `at most ${max}${units(max)}` : `at least ${min}${units(min)}`;
}

/** One doc line for a pair of bounds, from the node's checks of both: the same line whichever of the two is asked (the docs say it once). */
const bounds = (low: string, high: string, unit: string) => (_arg: Json, argOf: (keyword: string) => Json | undefined) => [
  { text: range(argOf(low), argOf(high), unit), keywords: [low, high].filter((k) => argOf(k) !== undefined) },
];

/**
 * An expression true when the UTF-16 unit `c` is printable ASCII ("!" to "~", and on to U+0084,
 * the run no whitespace interrupts): one subtraction and an unsigned compare. An empty string's
 * `charCodeAt(0)` is NaN, which passes too; both whitespace rules accept the empty string. Tested
 * in place, it settles those rules for nearly every real string without a call.
 */
const printable = (c: string) => `(${c} - 0x21) >>> 0 < 0x64`;

/** An expression true when `x` is one of `values`: never, for an empty enum. */
export function anyEqual(x: string, values: Json[]): string {
  return values.map((e) => `${x} === ${lit(e)}`).join(" || ") || "false";
}

/** A keyword argument that may be one value or a list of them, as a list. */
export function asList(value: Json | undefined): Json[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A `oneOf` / `anyOf` of bare `required` lists: "exactly one of id or link", a rule of the object, not a union of shapes. */
export function isPresenceList(value: Json | undefined): boolean {
  return Array.isArray(value) && value.every((b) => typeof b === "object" && b !== null && !Array.isArray(b) && Object.keys(b).length === 1 && Array.isArray(b.required));
}

/** `(a !== undefined ? 1 : 0) + …` for each branch of a presence list: how many of its alternatives are present. */
function presentBranches(x: string, branches: Json): string {
  const one = (b: Json) => `(${((b as Schema).required as string[]).map((k) => `${x}${access(k)} !== undefined`).join(" && ")} ? 1 : 0)`;
  return `(${(branches as Json[]).map(one).join(" + ")})`;
}

const presenceNames = (branches: Json) => (branches as Schema[]).map((b) => (b.required as string[]).join(" + "));

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** `.key`, or `["key"]` for a key that is not an identifier. */
export function access(key: string): string {
  return IDENT.test(key) ? `.${key}` : `[${lit(key)}]`;
}

/** The value types a scalar `type` names: how each is tested, and how its issue names it. */
export const SCALAR_TYPES: Record<string, { test: (x: string) => string; expected: string }> = {
  string: { test: (x) => `typeof ${x} === "string"`, expected: "a string" },
  integer: { test: (x) => `typeof ${x} === "number" && Number.isInteger(${x})`, expected: "an integer" },
  number: { test: (x) => `typeof ${x} === "number" && Number.isFinite(${x})`, expected: "a finite number" },
  boolean: { test: (x) => `typeof ${x} === "boolean"`, expected: "true or false" },
};

export const KEYWORDS: Keyword[] = [
  // ---------------------------------------------------------------- identity and annotation
  { name: "$schema" },
  { name: "$id" },
  { name: "$ref" },
  { name: "$defs" },
  { name: "title" },
  { name: "description" },
  { name: "examples" },
  { name: "x-ts-name" },
  { name: "x-source" },
  // ---------------------------------------------------------------- structure the emitter walks
  { name: "type", covered: true },
  { name: "properties", shape: "object" },
  { name: "items", shape: "array" },
  { name: "dependentSchemas", shape: "object", covered: true },
  { name: "x-discriminator", covered: true },
  { name: "required", shape: "object", sourced: true, covered: true, parts: (arg) => asList(arg).map((k) => ({ part: String(k), arg: k })) },
  { name: "additionalProperties", shape: "object", sourced: (arg) => arg === false, covered: true },
  { name: "propertyNames", shape: "object", covered: true },
  // ---------------------------------------------------------------- rules, in the order the docs list them
  {
    name: "const",
    on: "value",
    sourced: true,
    covered: true,
    test: ({ x, arg }) => `${x} === ${lit(arg)}`,
    issue: ({ x, p, label, arg }) => `rules.constant(${p}, ${label}, ${lit(arg)}, ${x})`,
    doc: (arg) => [{ text: `always ${code(arg)}`, keywords: ["const"] }],
  },
  {
    name: "enum",
    on: "value",
    sourced: true,
    covered: true,
    test: ({ x, arg }) => `(${anyEqual(x, arg as Json[])})`,
    issue: ({ x, p, label, arg, emit }) => `rules.enumeration(${p}, ${label}, ${emit.constant("ENUM", lit(arg))}, ${x})`,
    doc: (arg) => [{ text: `one of ${(arg as Json[]).map(code).join(", ")}`, keywords: ["enum"] }],
  },
  {
    name: "minLength",
    on: "string",
    sourced: true,
    covered: true,
    applies: (arg) => typeof arg === "number" && arg > 0,
    // One code point takes one or two UTF-16 units: a length of at least 2 × min proves it.
    test: ({ x, arg }) => (arg === 1 ? `${x}.length !== 0` : `unicode.minCodePoints(${x}, ${arg})`),
    issue: ({ x, p, label, arg }) => `rules.minLength(${p}, ${label}, ${arg}, ${x})`,
    doc: bounds("minLength", "maxLength", "characters"),
  },
  {
    name: "maxLength",
    on: "string",
    sourced: true,
    covered: true,
    applies: isNumber,
    // A length within the limit proves it without counting code points.
    test: ({ x, arg }) => `(${x}.length <= ${arg} || unicode.maxCodePoints(${x}, ${arg}))`,
    issue: ({ x, p, label, arg }) => `rules.maxLength(${p}, ${label}, ${arg}, ${x})`,
    doc: bounds("minLength", "maxLength", "characters"),
  },
  {
    name: "minItems",
    on: "array",
    shape: "array",
    sourced: true,
    covered: true,
    applies: isNumber,
    test: ({ x, arg }) => `${x}.length >= ${arg}`,
    issue: ({ x, p, label, arg }) => `rules.minItems(${p}, ${label}, ${arg}, ${x}.length)`,
    doc: bounds("minItems", "maxItems", "items"),
  },
  {
    name: "maxItems",
    on: "array",
    shape: "array",
    sourced: true,
    covered: true,
    applies: isNumber,
    test: ({ x, arg }) => `${x}.length <= ${arg}`,
    issue: ({ x, p, label, arg }) => `rules.maxItems(${p}, ${label}, ${arg}, ${x}.length)`,
    doc: bounds("minItems", "maxItems", "items"),
  },
  {
    name: "minProperties",
    on: "object",
    shape: "object",
    sourced: true,
    covered: true,
    stage: "before",
    applies: isNumber,
    test: ({ x, arg }) => `walk.definedKeys(${x}) >= ${arg}`,
    issue: ({ x, p, label, arg }) => `rules.minProperties(${p}, ${label}, ${arg}, walk.definedKeys(${x}))`,
    doc: (arg) => [{ text: `at least ${arg} properties`, keywords: ["minProperties"] }],
  },
  {
    name: "minimum",
    on: "number",
    sourced: true,
    covered: true,
    applies: isNumber,
    test: ({ x, arg }) => `${x} >= ${arg}`,
    issue: ({ x, p, label, arg }) => `rules.minimum(${p}, ${label}, ${arg}, ${x})`,
    doc: bounds("minimum", "maximum", ""),
  },
  {
    name: "maximum",
    on: "number",
    sourced: true,
    covered: true,
    applies: isNumber,
    test: ({ x, arg }) => `${x} <= ${arg}`,
    issue: ({ x, p, label, arg }) => `rules.maximum(${p}, ${label}, ${arg}, ${x})`,
    doc: bounds("minimum", "maximum", ""),
  },
  {
    name: "pattern",
    on: "string",
    sourced: true,
    covered: true,
    test: ({ x, arg, emit }) => `${emit.regex(String(arg))}.test(${x})`,
    issue: ({ x, p, label, arg }) => `rules.pattern(${p}, ${label}, ${lit(arg)}, ${x})`,
    doc: (arg) => (typeof arg === "string" ? [{ text: `matches ${code(arg)}`, keywords: ["pattern"] }] : []),
  },
  { name: "format", doc: (arg) => (typeof arg === "string" ? [{ text: `format ${code(arg)}`, keywords: [] }] : []) },
  {
    name: "x-trimmed",
    on: "string",
    sourced: true,
    covered: true,
    applies: isTrue,
    test: ({ x }) => `((${printable(`${x}.charCodeAt(0)`)} && ${printable(`${x}.charCodeAt(${x}.length - 1)`)}) || unicode.isTrimmed(${x}))`,
    issue: ({ x, p, label }) => `rules.trimmed(${p}, ${label}, ${x})`,
    doc: () => [{ text: "no whitespace at either end", keywords: ["x-trimmed"] }],
  },
  {
    name: "x-notBlank",
    on: "string",
    sourced: true,
    covered: true,
    applies: isTrue,
    test: ({ x }) => `(${printable(`${x}.charCodeAt(0)`)} || unicode.isNotBlank(${x}))`,
    issue: ({ p, label }) => `rules.notBlank(${p}, ${label})`,
    doc: () => [{ text: "not only whitespace", keywords: ["x-notBlank"] }],
  },
  {
    name: "x-noEmoji",
    on: "string",
    sourced: true,
    covered: true,
    applies: isTrue,
    test: ({ x }) => `unicode.hasNoEmoji(${x})`,
    issue: ({ p, label }) => `rules.noEmoji(${p}, ${label})`,
    doc: () => [{ text: "no emoji", keywords: ["x-noEmoji"] }],
  },
  {
    name: "x-emoji",
    on: "string",
    sourced: true,
    covered: true,
    applies: isTrue,
    test: ({ x }) => `unicode.isOneEmojiOrEmpty(${x})`,
    issue: ({ x, p, label }) => `rules.emoji(${p}, ${label}, ${x})`,
    doc: () => [{ text: "exactly one emoji, or empty", keywords: ["x-emoji"] }],
  },
  {
    name: "x-maxTotal",
    on: "object",
    sourced: true,
    covered: true,
    // Counting is a few loads per item: a list over its total is turned away before a row is read,
    // and its total is reported before the rows' own issues can fill the issue cap.
    stage: "before",
    parts: (arg) => asList(arg).map((t) => ({ part: String((t as Schema).path), arg: t })),
    test: ({ x, arg, emit }) => `${emit.countAt(x, String((arg as Schema).path))} <= ${(arg as Schema).maximum}`,
    issue: ({ x, p, label, arg, emit }) => {
      const { path, maximum } = arg as { path: string; maximum: number };
      const what = (path.split("/").filter((seg) => seg !== "*").pop() ?? "items").replace(/_/g, " ");
      return `rules.maxTotal(${p}, ${label}, ${lit(what)}, ${maximum}, ${emit.countAt(x, path)})`;
    },
    doc: (arg) => {
      const { path, maximum } = arg as { path: string; maximum: number };
      return [{ text: `at most ${maximum} ${code(path)} in total`, keywords: ["x-maxTotal"], part: path }];
    },
  },
  {
    name: "x-uniqueValues",
    sourced: true,
    covered: true,
    parts: (arg) => asList(arg).map((path) => ({ part: String(path), arg: path })),
    doc: (path) => [{ text: `no two alike: ${code(path)}`, keywords: ["x-uniqueValues"], part: String(path) }],
  },
  {
    name: "x-requiredIfMultiple",
    on: "item",
    sourced: true,
    covered: true,
    applies: (arg) => Array.isArray(arg),
    test: ({ x, array, arg }) => {
      const missing = (arg as string[]).map((k) => `${x}${access(k)} === undefined`).join(" || ");
      // An item that is not an object is the items' rule's to report.
      return `(${array}.length < 2 || typeof ${x} !== "object" || ${x} === null || !(${missing}))`;
    },
    // The first property missing is named: one issue per item.
    issue: ({ x, p, label, array, arg }) => {
      const which = (arg as string[]).reduceRight((rest: string, k) => `${x}${access(k)} === undefined ? ${lit(k)} : ${rest}`, lit(""));
      return `rules.requiredIfMultiple(${p}, ${label}, ${(arg as string[]).length === 1 ? lit((arg as string[])[0]) : `(${which})`}, ${array}.length)`;
    },
    doc: (arg) => [{ text: `with more than one item, each needs ${(arg as Json[]).map(code).join(", ")}`, keywords: ["x-requiredIfMultiple"] }],
  },
  {
    name: "x-uniformItems",
    on: "item",
    sourced: true,
    covered: true,
    test: ({ x, array, index, arg, emit }) => `(${index} === 0 || !(${differences(x, array!, arg, emit).map(([c]) => c).join(" || ")}))`,
    // The first way the item differs is named: one issue per item.
    issue: ({ x, p, label, array, index, arg, emit }) => {
      const which = differences(x, array!, arg, emit).reduceRight((rest: string, [c, what]) => `${c} ? ${lit(what)} : ${rest}`, lit(""));
      return `rules.uniformItems(${p}, ${label}, ${index}, ${which})`;
    },
    doc: (arg) => {
      const uniform = arg as { values?: string[]; lengths?: string[] };
      const alike = [...(uniform.values ?? []).map(code), ...(uniform.lengths ?? []).map((p) => `the number of ${code(p)}`)];
      return [{ text: `every item like the first in ${alike.join(", ")}`, keywords: ["x-uniformItems"] }];
    },
  },
  ...(["oneOf", "anyOf"] as const).map(
    (name): Keyword => ({
      name,
      // A oneOf / anyOf of bare `required` lists ("exactly one of id or link") is a rule of the object;
      // any other is a union of shapes, which the emitter walks.
      on: "object",
      sourced: isPresenceList,
      covered: true,
      stage: "after",
      applies: isPresenceList,
      test: ({ x, arg }) => (name === "oneOf" ? `${presentBranches(x, arg)} === 1` : `${presentBranches(x, arg)} !== 0`),
      issue: ({ x, p, label, arg }) =>
        name === "oneOf" ? `rules.exactlyOne(${p}, ${label}, ${lit(presenceNames(arg))}, ${presentBranches(x, arg)})` : `rules.atLeastOne(${p}, ${label}, ${lit(presenceNames(arg))})`,
      doc: (arg) => {
        const names = (arg as Schema[]).flatMap((b) => b.required as string[]).map(code);
        return [{ text: `${name === "oneOf" ? "exactly one" : "at least one"} of ${names.join(", ")}`, keywords: [name] }];
      },
    }),
  ),
];

/** The `x-uniformItems` comparisons of item `x` with the first item of `array`: each condition true when they differ, and what it names. */
function differences(x: string, array: string, arg: Json, emit: Emit): [string, string][] {
  const { values = [], lengths = [] } = arg as { values?: string[]; lengths?: string[] };
  const pattern = (path: string) => emit.constant("PATH", `${lit(path.split("/"))} as const`);
  return [
    ...values.map((path): [string, string] => [`walk.valueAt(${x}, ${pattern(path)}) !== walk.valueAt(${array}[0], ${pattern(path)})`, path]),
    ...lengths.map((path): [string, string] => [`walk.lengthAt(${x}, ${pattern(path)}) !== walk.lengthAt(${array}[0], ${pattern(path)})`, `the number of ${path}`]),
  ];
}

const byName = new Map(KEYWORDS.map((k) => [k.name, k]));
const known = new Set(byName.keys());
const extensions = KEYWORDS.filter((k) => k.name.startsWith("x-")).map((k) => k.name);
const shaped = (shape: "object" | "array") => KEYWORDS.filter((k) => k.shape === shape).map((k) => k.name);
const objects = shaped("object");
const arrays = shaped("array");

export const KEYWORD: ReadonlyMap<string, Keyword> = byName;
/** The keywords a schema may use (the loader refuses others). */
export const KNOWN_KEYWORDS: ReadonlySet<string> = known;
export const X_KEYWORDS: readonly string[] = extensions;
/** The keywords about objects (arrays) only: with no `type`, they make a node an object (array) that other types pass. */
export const OBJECT_KEYWORDS: readonly string[] = objects;
export const ARRAY_KEYWORDS: readonly string[] = arrays;

/**
 * Adds a keyword to the table, with everything derived from it, until the returned function takes
 * it out again: how a test shows that an entry alone reaches the loader, both validator passes,
 * the docs and the coverage requirements.
 */
export function addKeyword(keyword: Keyword): () => void {
  if (byName.has(keyword.name)) throw new Error(`the keyword table already has "${keyword.name}"`);
  const lists = [...(keyword.name.startsWith("x-") ? [extensions] : []), ...(keyword.shape === "object" ? [objects] : keyword.shape === "array" ? [arrays] : [])];
  KEYWORDS.push(keyword);
  for (const list of lists) list.push(keyword.name);
  byName.set(keyword.name, keyword);
  known.add(keyword.name);
  return () => {
    KEYWORDS.splice(KEYWORDS.indexOf(keyword), 1);
    for (const list of lists) list.splice(list.indexOf(keyword.name), 1);
    byName.delete(keyword.name);
    known.delete(keyword.name);
  };
}

/** Whether `keyword` with argument `arg` is a rule: it needs an `x-source`, and its source gives its severity. */
export function isRule(keyword: string, arg: Json): boolean {
  const sourced = KEYWORD.get(keyword)?.sourced;
  return typeof sourced === "function" ? sourced(arg) : sourced === true;
}

/** Whether some invalid example must report `keyword` with argument `arg` as its rule: every check, and every rule among the forms. */
export function mustCover(keyword: string, arg: Json): boolean {
  const k = KEYWORD.get(keyword);
  return k?.covered === true && (k.sourced === undefined || isRule(keyword, arg));
}

/** Each part a keyword's test runs on: the whole argument, or each part of it. */
export function partsOf(keyword: Keyword, arg: Json): { part?: string; arg: Json }[] {
  return keyword.parts ? keyword.parts(arg) : [{ arg }];
}

