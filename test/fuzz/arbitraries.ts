/**
 * fast-check arbitraries derived from the schema set: for any schema node, an arbitrary of
 * instances that satisfy it, x- keywords included. Standard keywords are met by construction
 * (lengths in code points, required and optional keys, exactly one of a set of keys, …); the
 * cross-field x- keywords, which no per-node generator can see, are met by a repair step on the
 * finished object or array (`repairs.ts`). Nothing here is trusted blindly: the fuzz suite checks
 * that ajv and our validators both accept every instance these produce.
 */
import fc from "fast-check";
import { buildGraph, type SchemaGraph } from "../../generator/graph/build.ts";
import type { ArrayNode, GraphNode, ObjectNode, StringNode } from "../../generator/graph/nodes.ts";
import { nodeAt, resolved, rootOf } from "../../generator/graph/query.ts";
import { namedSchemas } from "../../generator/names.ts";
import type { SchemaSet } from "../../generator/schema-set.ts";
import { conformItems, fixDependents, keepTotals, keepUnique } from "./repairs.ts";

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
  private readonly cache = new Map<GraphNode, fc.Arbitrary<unknown>>();
  readonly graph: SchemaGraph;

  constructor(set: SchemaSet) {
    this.graph = buildGraph(set, namedSchemas(set));
  }

  /** Instances of the schema at `pointer` in the file at `path` (below schemas/). */
  of(path: string, pointer = ""): fc.Arbitrary<unknown> {
    return this.arbitrary(this.node(path, pointer));
  }

  node(path: string, pointer = ""): GraphNode {
    const root = rootOf(this.graph, path);
    return resolved(pointer === "" ? root : nodeAt(this.graph, { file: root.loc.file, pointer }));
  }

  /** A union's branches, recursively; any other node stands for itself. */
  alternatives(node: GraphNode): GraphNode[] {
    const target = resolved(node);
    return target.kind === "union" ? target.branches.flatMap((b) => this.alternatives(b)) : [target];
  }

  arbitrary(raw: GraphNode): fc.Arbitrary<unknown> {
    const node = resolved(raw);
    let arb = this.cache.get(node);
    if (!arb) {
      arb = this.build(node);
      this.cache.set(node, arb);
    }
    return arb;
  }

  private build(node: GraphNode): fc.Arbitrary<unknown> {
    switch (node.kind) {
      case "const":
        return node.keyword === "const" ? fc.constant(node.values[0]) : fc.constantFrom(...node.values);
      case "union":
        return fc.oneof(...node.branches.map((b) => this.arbitrary(b)));
      case "object":
        return this.object(node);
      case "array":
        return this.array(node);
      case "string":
        return this.string(node);
      case "number":
        return node.integer
          ? fc.integer({ min: node.minimum ?? -1_000_000, max: node.maximum ?? 1_000_000 })
          : fc.double({ min: node.minimum ?? -1e9, max: node.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
      case "boolean":
        return fc.boolean();
      case "any":
        return fc.jsonValue({ maxDepth: 2 });
      case "ref":
        throw new Error(`${node.where}: a reference is followed before it is built`);
    }
  }

  private string(s: StringNode): fc.Arbitrary<string> {
    const { trimmed, notBlank } = s;
    if (s.emoji) return fc.constantFrom(...ONE_EMOJI);
    const min = s.minLength ?? 0;
    const max = s.maxLength;
    if (s.pattern !== undefined) {
      const pattern = new RegExp(s.pattern, "u");
      return fc
        .stringMatching(new RegExp(s.pattern))
        .map((x) => tidy(x, trimmed, notBlank))
        .filter((x) => pattern.test(x) && codePoints(x) >= min && (max === undefined || codePoints(x) <= max));
    }
    const units = unit(!s.noEmoji);
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

  private object(node: ObjectNode): fc.Arbitrary<unknown> {
    const minProperties = node.minProperties ?? 0;
    if (node.properties.length === 0 && node.additionalProperties !== false) {
      // A map (additionalProperties is a schema) or open JSON (no properties at all).
      const names = node.propertyNames;
      const keyArb = names ? fc.constantFrom(...(names.values as string[])) : fc.string({ unit: fc.constantFrom(...PLAIN), minLength: 1, maxLength: 8 });
      const value = node.additionalProperties ? this.arbitrary(node.additionalProperties) : fc.jsonValue({ maxDepth: 2 });
      return fc.dictionary(keyArb, value, { minKeys: minProperties, maxKeys: Math.max(minProperties, 4), noNullPrototype: true });
    }

    const model = Object.fromEntries(node.properties.map((p) => [p.key, this.arbitrary(p.node)]));
    // Presence-only oneOf and anyOf next to properties (either or both): each variant makes one
    // branch's keys of each required and, for oneOf, leaves out the keys only other branches require.
    const oneOf = node.exactlyOne ?? [];
    const anyOf = node.atLeastOne ?? [];
    const variants: fc.Arbitrary<Record<string, unknown>>[] = [];
    for (const mine of oneOf.length > 0 ? oneOf : [[]]) {
      const others = oneOf.flatMap((r) => r.filter((k) => !mine.includes(k)));
      for (const some of anyOf.length > 0 ? anyOf : [[]]) {
        if (some.some((k) => others.includes(k))) continue;
        const allowed = Object.fromEntries(Object.entries(model).filter(([k]) => !others.includes(k)));
        variants.push(fc.record(allowed, { requiredKeys: [...new Set([...node.required, ...mine, ...some])].filter((k) => k in allowed) }));
      }
    }
    let arb: fc.Arbitrary<Record<string, unknown>> = variants.length === 1 ? variants[0]! : fc.oneof(...variants);
    if (node.minProperties !== undefined) arb = arb.filter((o) => Object.keys(o).length >= minProperties);
    return arb.map((o) => this.repairObject(node, o));
  }

  private repairObject(node: ObjectNode, o: Record<string, unknown>): Record<string, unknown> {
    if (node.dependents.length > 0) fixDependents(o, node.dependents);
    for (const total of node.maxTotal) keepTotals(o, total);
    for (const path of node.uniqueValues) keepUnique(o, path, this.valueNodes(node, path));
    return o;
  }

  /** The nodes a path pattern reaches from `node` (through unions), for fresh unique values. */
  valueNodes(node: GraphNode, path: string): GraphNode[] {
    let current = this.alternatives(node);
    for (const seg of path.split("/")) {
      current = current.flatMap((n) => {
        if (seg === "*") return n.kind === "array" && n.items ? this.alternatives(n.items) : [];
        const property = n.kind === "object" ? n.properties.find((p) => p.key === seg) : undefined;
        return property ? this.alternatives(property.node) : [];
      });
    }
    return current;
  }

  private array(node: ArrayNode): fc.Arbitrary<unknown[]> {
    const min = node.minItems ?? 0;
    const max = Math.min(node.maxItems ?? min + 4, min + 10);
    if (!node.items) return fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: min, maxLength: max });
    const item = this.arbitrary(node.items);
    let arb: fc.Arbitrary<unknown[]>;
    const needed = node.requiredIfMultiple;
    if (needed.length > 0 && max > 1) {
      // One item may go without the listed properties; two or more must all have them.
      const complete = item.filter((x) => needed.every((k) => (x as Record<string, unknown>)[k] !== undefined));
      const single = min <= 1 ? [fc.array(item, { minLength: Math.max(min, 1), maxLength: 1 })] : [];
      arb = fc.oneof(...single, fc.array(complete, { minLength: Math.max(min, 2), maxLength: max }));
    } else {
      arb = fc.array(item, { minLength: min, maxLength: max });
    }
    const uniform = node.uniformItems;
    if (uniform) arb = arb.map((items) => conformItems(items, uniform));
    return arb;
  }
}
