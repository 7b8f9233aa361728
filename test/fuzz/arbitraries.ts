/**
 * fast-check arbitraries derived from the schema set: for any schema node, an arbitrary of
 * instances that satisfy it, x- keywords included. Standard keywords are met by construction
 * (lengths in code points, required and optional keys, exactly one of a set of keys, …); the
 * cross-field x- keywords, which no per-node generator can see, are met by a repair step on the
 * finished object or array (`repairs.ts`). Nothing here is trusted blindly: the fuzz suite checks
 * that ajv and our validators both accept every instance these produce.
 */
import fc from "fast-check";
import { type Json, type Schema, type SchemaFile, type SchemaSet, escapePointer, isSchema, nodeAt, resolveRef } from "../../generator/schema-set.ts";
import { conformItems, fixDependents, keepTotals, keepUnique } from "./repairs.ts";

/** A schema node and where it lives, so `$ref`s inside it resolve against the right file. */
export interface SchemaNode {
  file: SchemaFile;
  pointer: string;
  schema: Schema;
}

// Code points to build strings from: mostly ASCII, with the cases that separate UTF-16 length from
// code points (astral characters, emoji), combining marks, and whitespace as the schemas define it.
const PLAIN = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,!?"];
const SPACE = [" ", "\t", "\u00a0", "\u2003", "\u3000"];
const WIDE = ["é", "ß", "中", "ж", "\u0301", "ﬁ"];
const ASTRAL_TEXT = ["𝒜", "𝟘", "𠀋"];
const EMOJI_PARTS = ["😀", "👍", "🎉", "🇮", "🇳", "\u20e3", "\u{1f3fd}"];

/** Values `x-emoji` accepts: "" (a removal) and one emoji of each grammar form. */
export const ONE_EMOJI = ["", "👍", "👍🏽", "❤️", "🇮🇳", "1️⃣", "#️⃣", "👨‍👩‍👧", "🏳️‍🌈", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"];

function unit(emoji: boolean): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...PLAIN) },
    { weight: 2, arbitrary: fc.constantFrom(...SPACE) },
    { weight: 2, arbitrary: fc.constantFrom(...WIDE) },
    { weight: 1, arbitrary: fc.constantFrom(...ASTRAL_TEXT) },
    ...(emoji ? [{ weight: 1, arbitrary: fc.constantFrom(...EMOJI_PARTS) }] : []),
  );
}

const isSpace = (c: string) => SPACE.includes(c) || /^\s$/u.test(c);

/** Replaces whitespace at either end, or a string of whitespace only, without changing its length. */
function tidy(s: string, trimmed: boolean, notBlank: boolean): string {
  const cps = [...s];
  if (cps.length === 0) return s;
  if (trimmed) {
    if (isSpace(cps[0]!)) cps[0] = "a";
    if (isSpace(cps[cps.length - 1]!)) cps[cps.length - 1] = "z";
  }
  if (notBlank && cps.every(isSpace)) cps[0] = "a";
  return cps.join("");
}

const codePoints = (s: string) => [...s].length;

export class SchemaArbitraries {
  private readonly cache = new Map<string, fc.Arbitrary<unknown>>();

  constructor(private readonly set: SchemaSet) {}

  /** Instances of the schema at `pointer` in the file at `path` (below schemas/). */
  of(path: string, pointer = ""): fc.Arbitrary<unknown> {
    const file = this.set.files.find((f) => f.path === path);
    if (!file) throw new Error(`no schema file ${path}`);
    return this.arbitrary(this.at(file, pointer));
  }

  node(path: string, pointer = ""): SchemaNode {
    const file = this.set.files.find((f) => f.path === path);
    if (!file) throw new Error(`no schema file ${path}`);
    return this.deref(this.at(file, pointer));
  }

  at(file: SchemaFile, pointer: string): SchemaNode {
    const schema = nodeAt(file.schema, pointer);
    if (!schema) throw new Error(`nothing at ${file.path}#${pointer}`);
    return { file, pointer, schema };
  }

  deref(node: SchemaNode): SchemaNode {
    let current = node;
    while (typeof current.schema.$ref === "string") {
      const loc = resolveRef(this.set, current.file, current.schema.$ref);
      current = this.at(loc.file, loc.pointer);
    }
    return current;
  }

  child(node: SchemaNode, ...keys: (string | number)[]): SchemaNode {
    return this.deref(this.at(node.file, node.pointer + keys.map((k) => `/${escapePointer(String(k))}`).join("")));
  }

  /** A union's branches, recursively; any other node stands for itself. */
  alternatives(node: SchemaNode): SchemaNode[] {
    const s = node.schema;
    if (!isUnion(s)) return [node];
    const keyword = s.oneOf ? "oneOf" : "anyOf";
    return (s[keyword] as Json[]).flatMap((_, i) => this.alternatives(this.child(node, keyword, i)));
  }

  arbitrary(raw: SchemaNode): fc.Arbitrary<unknown> {
    const node = this.deref(raw);
    const key = `${node.file.path}#${node.pointer}`;
    let arb = this.cache.get(key);
    if (!arb) {
      arb = this.build(node);
      this.cache.set(key, arb);
    }
    return arb;
  }

  private build(node: SchemaNode): fc.Arbitrary<unknown> {
    const s = node.schema;
    if (s.const !== undefined) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
    if (isUnion(s)) {
      const keyword = s.oneOf ? "oneOf" : "anyOf";
      return fc.oneof(...(s[keyword] as Json[]).map((_, i) => this.arbitrary(this.child(node, keyword, i))));
    }
    if (s.type === "object" || isSchema(s.properties)) return this.object(node);
    switch (s.type) {
      case "array":
        return this.array(node);
      case "string":
        return this.string(s);
      case "integer":
        return fc.integer({ min: num(s.minimum, -1_000_000), max: num(s.maximum, 1_000_000) });
      case "number":
        return fc.double({ min: num(s.minimum, -1e9), max: num(s.maximum, 1e9), noNaN: true, noDefaultInfinity: true });
      case "boolean":
        return fc.boolean();
      case undefined:
        return fc.jsonValue({ maxDepth: 2 });
      default:
        throw new Error(`${node.file.path}#${node.pointer}: no arbitrary for type ${JSON.stringify(s.type)}`);
    }
  }

  private string(s: Schema): fc.Arbitrary<string> {
    const trimmed = s["x-trimmed"] === true;
    const notBlank = s["x-notBlank"] === true;
    if (s["x-emoji"] === true) return fc.constantFrom(...ONE_EMOJI);
    const min = num(s.minLength, 0);
    const max = typeof s.maxLength === "number" ? s.maxLength : undefined;
    if (typeof s.pattern === "string") {
      const pattern = new RegExp(s.pattern, "u");
      return fc
        .stringMatching(new RegExp(s.pattern))
        .map((x) => tidy(x, trimmed, notBlank))
        .filter((x) => pattern.test(x) && codePoints(x) >= min && (max === undefined || codePoints(x) <= max));
    }
    const units = unit(s["x-noEmoji"] !== true);
    const short = fc.string({ unit: units, minLength: min, maxLength: Math.min(max ?? min + 16, min + 24) });
    if (max === undefined || max <= min) return short.map((x) => tidy(x, trimmed, notBlank));
    // Strings of exactly the limit find counting mistakes at the boundary, where they live: a short
    // string padded with one repeated code point (often astral, two UTF-16 units) up to the limit.
    const atLimit = fc.tuple(short, fc.oneof(fc.constantFrom(...PLAIN), units)).map(([x, pad]) => {
      const cps = [...x].slice(0, max);
      while (cps.length < max) cps.push(pad);
      return cps.join("");
    });
    return fc.oneof({ weight: 6, arbitrary: short }, { weight: 1, arbitrary: atLimit }).map((x) => tidy(x, trimmed, notBlank));
  }

  private object(node: SchemaNode): fc.Arbitrary<unknown> {
    const s = node.schema;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const keys = Object.keys(properties);
    const required = (s.required ?? []) as string[];

    if (keys.length === 0 && s.additionalProperties !== false) {
      // A map (additionalProperties is a schema) or open JSON (no properties at all).
      const names = s.propertyNames as Schema | undefined;
      const keyArb = names && Array.isArray(names.enum) ? fc.constantFrom(...(names.enum as string[])) : fc.string({ unit: fc.constantFrom(...PLAIN), minLength: 1, maxLength: 8 });
      const value = isSchema(s.additionalProperties) ? this.arbitrary(this.child(node, "additionalProperties")) : fc.jsonValue({ maxDepth: 2 });
      return fc.dictionary(keyArb, value, { minKeys: num(s.minProperties, 0), maxKeys: Math.max(num(s.minProperties, 0), 4), noNullPrototype: true });
    }

    const model = Object.fromEntries(keys.map((k) => [k, this.arbitrary(this.child(node, "properties", k))]));
    // Presence-only oneOf and anyOf next to properties (either or both): each variant makes one
    // branch's keys of each required and, for oneOf, leaves out the keys only other branches require.
    const oneOf = ((s.oneOf ?? []) as Schema[]).map((b) => b.required as string[]);
    const anyOf = ((s.anyOf ?? []) as Schema[]).map((b) => b.required as string[]);
    const variants: fc.Arbitrary<Record<string, unknown>>[] = [];
    for (const mine of oneOf.length > 0 ? oneOf : [[]]) {
      const others = oneOf.flatMap((r) => r.filter((k) => !mine.includes(k)));
      for (const some of anyOf.length > 0 ? anyOf : [[]]) {
        if (some.some((k) => others.includes(k))) continue;
        const allowed = Object.fromEntries(Object.entries(model).filter(([k]) => !others.includes(k)));
        variants.push(fc.record(allowed, { requiredKeys: [...new Set([...required, ...mine, ...some])].filter((k) => k in allowed) }));
      }
    }
    let arb: fc.Arbitrary<Record<string, unknown>> = variants.length === 1 ? variants[0]! : fc.oneof(...variants);
    if (typeof s.minProperties === "number") {
      const min = s.minProperties;
      arb = arb.filter((o) => Object.keys(o).length >= min);
    }
    return arb.map((o) => this.repairObject(node, o));
  }

  private repairObject(node: SchemaNode, o: Record<string, unknown>): Record<string, unknown> {
    const s = node.schema;
    if (isSchema(s.dependentSchemas)) fixDependents(o, s.dependentSchemas as Record<string, Schema>);
    for (const total of asList(s["x-maxTotal"])) keepTotals(o, total as { path: string; maximum: number });
    for (const path of asList(s["x-uniqueValues"])) keepUnique(o, String(path), this.valueSchema(node, String(path)));
    return o;
  }

  /** The schemas a path pattern reaches from `node` (through unions), for fresh unique values. */
  valueSchema(node: SchemaNode, path: string): Schema[] {
    let current = this.alternatives(node);
    for (const seg of path.split("/")) {
      current = current.flatMap((n) => {
        if (seg === "*") return isSchema(n.schema.items) ? this.alternatives(this.child(n, "items")) : [];
        const props = n.schema.properties as Record<string, Schema> | undefined;
        return props && isSchema(props[seg]) ? this.alternatives(this.child(n, "properties", seg)) : [];
      });
    }
    return current.map((n) => n.schema);
  }

  private array(node: SchemaNode): fc.Arbitrary<unknown[]> {
    const s = node.schema;
    const min = num(s.minItems, 0);
    const max = Math.min(num(s.maxItems, min + 4), min + 10);
    if (!isSchema(s.items)) return fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: min, maxLength: max });
    const itemNode = this.child(node, "items");
    const item = this.arbitrary(itemNode);
    let arb: fc.Arbitrary<unknown[]>;
    const needed = s["x-requiredIfMultiple"];
    if (Array.isArray(needed) && max > 1) {
      // One item may go without the listed properties; two or more must all have them.
      const complete = item.filter((x) => (needed as string[]).every((k) => (x as Record<string, unknown>)[k] !== undefined));
      const single = min <= 1 ? [fc.array(item, { minLength: Math.max(min, 1), maxLength: 1 })] : [];
      arb = fc.oneof(...single, fc.array(complete, { minLength: Math.max(min, 2), maxLength: max }));
    } else {
      arb = fc.array(item, { minLength: min, maxLength: max });
    }
    const uniform = s["x-uniformItems"] as { values?: string[]; lengths?: string[] } | undefined;
    if (uniform) arb = arb.map((items) => conformItems(items, uniform));
    return arb;
  }
}

function isUnion(s: Schema): boolean {
  if (!(s.oneOf || s.anyOf) || s.type || s.properties) return false;
  const branches = (s.oneOf ?? s.anyOf) as Schema[];
  return !branches.every((b) => Object.keys(b).every((k) => k === "required"));
}

const num = (v: Json | undefined, fallback: number) => (typeof v === "number" ? v : fallback);

function asList(value: Json | undefined): Json[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
