/**
 * Writes one provider's `to<Name>` / `from<Name>` as straight-line code from its mapping: property
 * reads, one object literal per message form in the target's key order, `.map` for arrays, and
 * refusals as plain `if`s — no JSON Pointer, no mapping table and no generic walk at run time.
 *
 * Both directions come from one model: a list of leaves, each a target path filled from a source
 * path (renamed, value-mapped, turned into a number), a constant or an option. Translating back
 * swaps target and source, so it is the inverse by construction. Where a value may be absent, the
 * schema says so (schema-path.ts) and the key is written only when it is there; where a read lies
 * in one branch of a discriminated union, the code tests the discriminator first, which is also
 * what lets TypeScript check every read against the generated types.
 *
 * What the provider's body schema demands beyond the message schema (Aisoule's digits-only `to`,
 * Vonage's 100-character `client_ref`) becomes an explicit check; a demand it cannot turn into
 * one fails generation, so a body that passes these checks is valid by construction (and the test
 * suite validates every translated body against the provider's schema to prove it).
 */
import { Constants, Names, lit } from "./code.ts";
import { escapePointer } from "./graph/walk.ts";
import type { GraphNode } from "./graph/nodes.ts";
import { resolved } from "./graph/query.ts";
import { demandsOf, undemanded } from "./graph/demands.ts";
import { type Json, SchemaSetError } from "./schema-set.ts";
import { type Narrowing, type Shape, type Walk, constValue, keyOrder, listedValues, walk } from "./schema-path.ts";

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export type Path = string[];

export const parsePointer = (p: string): Path =>
  p === "" ? [] : p.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
export const pointerOf = (path: Path) => path.map((s) => `/${escapePointer(s)}`).join("");

export type Source =
  | { read: Path; values?: Record<string, Json>; phone?: "digits" | "integer" | "integer-to-string" }
  | { constant: Json }
  | { option: string; required: boolean }
  /** A value the surrounding code computed (a webhook's time, read by a hook), always present. */
  | { code: string };

/**
 * The statement refusing a value the target requires and the source left out: `test` holds when it
 * is missing; `from` and `to` are the pointers of the two sides.
 */
export type MissingCheck = (test: string, from: string, to: string) => string;

export interface Leaf {
  target: Path;
  source: Source;
}

/** One side of a translation: where its schema starts, and which branch each form pins. */
export interface Side {
  root: GraphNode;
  pinned: ReadonlyMap<string, unknown>;
  overrides: ReadonlyMap<string, GraphNode>;
  /** The variable holding the side's value in the emitted code. */
  name: string;
  /** The generated type of the whole side (a body type, or OutboundMessage). */
  type: string;
  /** The function parameter the side arrives in, unvalidated. */
  param: string;
  /** The built value is validated before it is returned (a message translated back), so a value its schema narrows may be asserted. */
  validatedAfter?: boolean;
}

/**
 * How the emitted code names what it imports: the runtime's helpers (`refuseMissing`, `rules`, …)
 * and the generated types. Plain names by default; a code.ts `Module`'s names where the module
 * collects its imports from their use.
 */
export interface Refer {
  helper(name: string): string;
  type(name: string): string;
}

const PLAIN: Refer = { helper: (name) => name, type: (name) => name };

interface Scope {
  /** Source path prefixes ending in "*" and the variable each item is bound to, innermost last. */
  items: { prefix: Path; name: string }[];
  /** Conditions already known to hold where the code is emitted. */
  known: string[];
}

interface Node {
  leaves: Leaf[];
  children: Map<string, Node>;
}

/** Names the emitted functions already use (parameters, the source variables). */
const RESERVED = new Set(["options", "rules", "unicode"]);

/** A constant's name from words: `groupName` → `GROUP_NAME`. */
export const constName = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();

/**
 * The name of one item of the array a key holds, from its last word: `rows` → `row`, `entries` →
 * `entry`, `statuses` → `status`, `addresses` → `address`; `header` → `headerItem`; `fallback`
 * where that is no identifier.
 */
export function singular(key: string, fallback = "item"): string {
  const last = key.split(/[_\W]+/).filter(Boolean).pop() ?? "item";
  const noun = last.endsWith("ies")
    ? `${last.slice(0, -3)}y`
    : /(ss|us|x|ch|sh)es$/.test(last)
      ? last.slice(0, -2)
      : last.endsWith("s")
        ? last.slice(0, -1)
        : `${last}Item`;
  return IDENT.test(noun) ? noun : fallback;
}

/**
 * The property reads of `path` from `base`. A fixed index is read only from an array the schema or a
 * count check guarantees to hold it (Exotel's single `messages[0]`), hence the assertion.
 */
export function access(base: string, path: Path): string {
  return path.reduce((e, s) => (/^[0-9]+$/.test(s) ? `${e}[${s}]!` : IDENT.test(s) ? `${e}.${s}` : `${e}[${lit(s)}]`), base);
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

/**
 * Emits the code of one direction of one form: the literal building the target from the source,
 * and the checks it needs first.
 */
export class FormEmitter {
  readonly checks: string[] = [];

  constructor(
    private readonly provider: string,
    private readonly source: Side,
    private readonly target: Side,
    private readonly leaves: Leaf[],
    private readonly constants: Constants,
    /** The mapping file, for generation errors. */
    private readonly where: string,
    /** The refusal of a required value left out; by default the runtime's `refuseMissing`. */
    private readonly onMissing?: MissingCheck,
    private readonly refer: Refer = PLAIN,
  ) {
    this.sourcePins = new Map(source.pinned);
    this.targetPins = new Map(target.pinned);
  }

  private fail(message: string): never {
    throw new SchemaSetError(`${this.where}: ${message}`);
  }

  /** A runtime helper as the emitted code names it. */
  helper(name: string): string {
    return this.refer.helper(name);
  }

  private missing(test: string, from: string, to: string): string {
    if (this.onMissing) return this.onMissing(test, from, to);
    return `if (${test}) ${this.helper("refuseMissing")}(${lit(this.provider)}, ${lit(from)}, ${lit(to)});`;
  }

  /** Discriminators fixed while one branch of a union is written (the form's own, then the branch's). */
  private sourcePins: Map<string, unknown>;
  private targetPins: Map<string, unknown>;

  walkSource(path: Path): Walk | undefined {
    return walk(this.source.root, path, this.sourcePins, this.source.overrides);
  }

  walkTarget(path: Path): Walk | undefined {
    return walk(this.target.root, path, this.targetPins, this.target.overrides);
  }

  /** The expression reading `path` of the source, from the innermost item variable that holds it. */
  expr(path: Path, scope: Scope): string {
    for (let i = scope.items.length - 1; i >= 0; i--) {
      const item = scope.items[i]!;
      if (startsWith(path, item.prefix)) return access(item.name, path.slice(item.prefix.length));
    }
    if (path.includes("*")) this.fail(`${pointerOf(path)} reads array items outside the array they belong to`);
    return access(this.source.name, path);
  }

  private narrowing(n: Narrowing, scope: Scope): string[] {
    return [...this.presence(n.path.slice(0, -1), scope), `${this.expr(n.path, scope)} === ${lit(n.value)}`];
  }

  /** The conditions under which `path` of the source is present (its optional steps, its union branches). */
  presence(path: Path, scope: Scope): string[] {
    if (path.length === 0) return [];
    const w = this.walkSource(path);
    if (w === undefined) this.fail(`the source schema has no ${pointerOf(path)}`);
    const inner = scope.items.length === 0 ? 0 : scope.items[scope.items.length - 1]!.prefix.length;
    const out: string[] = [];
    w.steps.forEach((step, i) => {
      if (i < inner) return;
      for (const n of step.narrowing) out.push(...this.narrowing(n, scope));
      if (step.optional) out.push(`${this.expr(path.slice(0, i + 1), scope)} !== undefined`);
    });
    return out;
  }

  /** A target-side union branch, said in source terms: the leaf that fills the discriminator, mapped back. */
  private targetNarrowing(n: Narrowing, scope: Scope): string[] {
    const leaf = this.leaves.find((l) => pointerOf(l.target) === pointerOf(n.path));
    if (leaf === undefined) this.fail(`${pointerOf(n.path)} decides a union branch but nothing fills it`);
    const s = leaf.source;
    if ("constant" in s) {
      if (s.constant !== n.value) this.fail(`${pointerOf(n.path)} is the constant ${lit(s.constant)}, not ${lit(n.value)}`);
      return [];
    }
    if (!("read" in s)) this.fail(`${pointerOf(n.path)} decides a union branch and cannot be an option`);
    const from = s.values ? Object.keys(s.values).filter((k) => s.values![k] === n.value) : [n.value];
    if (from.length !== 1) this.fail(`${pointerOf(n.path)}: no single source value maps to ${lit(n.value)}`);
    return [...this.presence(s.read, scope), `${this.expr(s.read, scope)} === ${lit(from[0])}`];
  }

  /** Every condition a leaf needs to be written. */
  leafConditions(leaf: Leaf, scope: Scope): string[] {
    const tw = this.walkTarget(leaf.target);
    if (tw === undefined) this.fail(`the target schema has no ${pointerOf(leaf.target)}`);
    const out: string[] = [];
    for (const step of tw.steps) for (const n of step.narrowing) out.push(...this.targetNarrowing(n, scope));
    const s = leaf.source;
    if ("read" in s) out.push(...this.presence(s.read, scope));
    if ("option" in s && !s.required) out.push(`options?.${s.option} !== undefined`);
    return [...new Set(out)].filter((c) => !scope.known.includes(c));
  }

  /** The leaves arranged by target path below `depth`. */
  private tree(leaves: Leaf[], depth: number): Node {
    const node: Node = { leaves: [], children: new Map() };
    for (const leaf of leaves) {
      if (leaf.target.length === depth) node.leaves.push(leaf);
      else {
        const key = leaf.target[depth]!;
        if (!node.children.has(key)) node.children.set(key, { leaves: [], children: new Map() });
        node.children.get(key)!.leaves.push(leaf);
      }
    }
    for (const [key, child] of node.children) node.children.set(key, this.tree(child.leaves, depth + 1));
    if (node.leaves.length > 0 && node.children.size > 0)
      this.fail(`${pointerOf(leaves[0]!.target.slice(0, depth))} is filled whole and in parts`);
    return node;
  }

  private allLeaves(node: Node): Leaf[] {
    return [...node.leaves, ...[...node.children.values()].flatMap((c) => this.allLeaves(c))];
  }

  /** The source array an array node of the target is made from, ending in "*". */
  private arraySource(node: Node, scope: Scope): Path {
    const depth = scope.items.length;
    const prefixes = new Set<string>();
    let prefix: Path = [];
    for (const leaf of this.allLeaves(node)) {
      if (!("read" in leaf.source)) continue;
      const path = leaf.source.read;
      let stars = 0;
      const end = path.findIndex((s) => s === "*" && ++stars === depth + 1);
      if (end < 0) this.fail(`${pointerOf(leaf.target)} fills an array item from ${pointerOf(path)}, which is not one`);
      prefix = path.slice(0, end + 1);
      prefixes.add(pointerOf(prefix));
    }
    if (prefixes.size !== 1) this.fail(`an array is filled from ${prefixes.size === 0 ? "no" : "several"} source arrays`);
    return prefix;
  }

  /** When a node is present: always if something in it always is, else when any of its parts is. */
  private nodeConditions(node: Node, scope: Scope): string[][] {
    if (node.children.has("*")) {
      const prefix = this.arraySource(node, scope);
      return [this.presence(prefix.slice(0, -1), scope).filter((c) => !scope.known.includes(c))];
    }
    if (node.leaves.length > 0) return node.leaves.map((l) => this.leafConditions(l, scope));
    return [...node.children.values()].flatMap((c) => this.nodeConditions(c, scope));
  }

  private guarded(conditions: string[][]): { when: string; common: string[] } {
    if (conditions.some((c) => c.length === 0)) return { when: "", common: [] };
    const common = conditions[0]!.filter((c) => conditions.every((other) => other.includes(c)));
    const rest = [...new Set(conditions.map((c) => c.filter((x) => !common.includes(x)).join(" && ")))];
    const alternatives = rest.includes("") ? "" : rest.map((r) => (rest.length > 1 && r.includes("&&") ? `(${r})` : r)).join(" || ");
    const when = [...common, ...(alternatives === "" ? [] : [rest.length > 1 ? `(${alternatives})` : alternatives])].join(" && ");
    return { when, common };
  }

  private leafValue(leaf: Leaf, scope: Scope): string {
    const s = leaf.source;
    if ("constant" in s) return lit(s.constant);
    if ("option" in s) return `options.${s.option}`;
    if ("code" in s) return s.code;
    const read = this.expr(s.read, scope);
    if (s.phone === "integer") return `${this.helper("phoneNumber")}(${lit(this.provider)}, ${lit(pointerOf(s.read))}, ${read})`;
    if (s.phone === "digits") return `${this.helper("phoneDigits")}(${lit(this.provider)}, ${lit(pointerOf(s.read))}, ${read})`;
    if (s.phone === "integer-to-string") return `String(${read})`;
    if (s.values === undefined) return this.narrowed(leaf, s.read) ? `${read} as ${this.typeOf(leaf.target)}` : read;
    const entries = Object.entries(s.values);
    // A source that can hold one value only needs no lookup.
    const ends = this.walkSource(s.read)?.ends ?? [];
    if (entries.length === 1 && ends.length > 0 && ends.every((e) => String(constValue(e)) === entries[0]![0]))
      return lit(entries[0]![1]);
    const where = leaf.target.filter((k) => k !== "*" && !/^[0-9]+$/.test(k)).slice(-2);
    const name = this.constants.add(constName([this.target.name, ...where].join("_")), `${lit(s.values)} as const`);
    return `${name}[${read}]`;
  }

  /** Names the emitted code declares, so a new one never shadows another. */
  private readonly names = new Names(RESERVED, (base, n) => `${base}${n}`);
  /** Generated type names the emitted code annotates with. */
  readonly types = new Set<string>();

  private declare(base: string): string {
    const name = IDENT.test(base) ? base : `${base.replace(/\W/g, "_")}Value`;
    return this.names.fresh(name, (n) => n !== this.source.name && n !== this.source.param);
  }

  /**
   * The TypeScript type of the target at `path`: the generated type of the nearest named schema
   * on the way, indexed down from there (so every assignment is checked against the body's type).
   */
  private typeOf(path: Path): string {
    for (let i = path.length; i >= 0; i--) {
      const ends = i === 0 ? [this.target.root] : this.walkTarget(path.slice(0, i))?.ends;
      const end = ends?.length === 1 ? this.pinnedBranch(resolved(ends[0]!), path.slice(0, i)) : undefined;
      const base = end?.name ?? (i === 0 ? this.target.type : undefined);
      if (base === undefined) continue;
      this.types.add(base);
      return path.slice(i).reduce((t, seg, j) => {
        if (seg === "*" || /^[0-9]+$/.test(seg)) return `${t}[number]`;
        const optional = this.walkTarget(path.slice(0, i + j + 1))?.steps.at(-1)?.optional !== false;
        return optional ? `NonNullable<${t}[${lit(seg)}]>` : `${t}[${lit(seg)}]`;
      }, this.refer.type(base));
    }
    return this.refer.type(this.target.type);
  }

  /** The branch of a discriminated union the target's pins select at `path`, or the node itself. */
  private pinnedBranch(node: Shape, path: Path): Shape {
    if (node.kind !== "union" || node.keyword !== "oneOf" || node.discriminator === undefined) return node;
    const { property, values } = node.discriminator;
    const pin = this.targetPins.get([...path, property].join("/"));
    const i = pin === undefined ? -1 : values.indexOf(pin as Json);
    return i < 0 ? node : resolved(node.branches[i]!);
  }

  /** A name for the object built at `path`: its key, or the singular of its array's. */
  private nameFor(path: Path): string {
    const keys = path.filter((s) => !/^[0-9]+$/.test(s));
    const last = keys[keys.length - 1];
    if (last === undefined) return this.target.name;
    return last === "*" ? singular(keys[keys.length - 2] ?? "item") : last;
  }

  /**
   * Whether the target allows fewer values of an enum than the source gives, where the built value
   * is validated afterwards (Exotel's body takes a group recipient type that no interactive message
   * has): the read is asserted to the target's type and the validation refuses the rest.
   */
  private narrowed(leaf: Leaf, read: Path): boolean {
    if (!this.target.validatedAfter) return false;
    const values = (w: Walk | undefined) => (w?.ends ?? []).flatMap((e) => (e.kind === "const" && e.keyword === "enum" ? [e.values] : []));
    const [target] = values(this.walkTarget(leaf.target));
    const [source] = values(this.walkSource(read));
    return target !== undefined && source !== undefined && source.some((v) => !target.some((w) => lit(w) === lit(v)));
  }

  /**
   * The expression building `node` (at `path` of the target). Statements it needs first go to
   * `out`: an object with keys that may be absent is declared with the keys always there, and
   * each other key is set under its condition, so no key is ever written as undefined.
   */
  value(node: Node, path: Path, scope: Scope, out: string[]): string {
    if (node.leaves.length === 1) return this.leafValue(node.leaves[0]!, scope);
    if (node.leaves.length > 1) this.fail(`${pointerOf(path)} has several sources; give each its own branch`);
    const star = node.children.get("*");
    if (star !== undefined) {
      if (node.children.size > 1) this.fail(`${pointerOf(path)} mixes items and properties`);
      const prefix = this.arraySource(node, scope);
      const item = this.declare(singular(prefix[prefix.length - 2] ?? "item"));
      const body: string[] = [];
      const inner = this.value(star, [...path, "*"], { items: [...scope.items, { prefix, name: item }], known: [] }, body);
      const array = this.expr(prefix.slice(0, -1), scope);
      const fn =
        body.length > 0
          ? `{\n${body.join("\n")}\nreturn ${inner};\n}`
          : inner.startsWith("{")
            ? `(${inner})`
            : inner;
      // Item counts carry over from the source array, whose schema must allow no more than the target's.
      const counted = this.itemCounts(path, prefix.slice(0, -1));
      return `${array}.map((${item}) => ${fn})${counted ? ` as ${this.typeOf(path)}` : ""}`;
    }
    const keys = [...node.children.keys()];
    if (keys.every((k) => /^[0-9]+$/.test(k))) {
      if (keys.join() !== keys.map((_, i) => String(i)).join()) this.fail(`${pointerOf(path)}: items must be filled from 0 up`);
      return `[${keys.map((k) => this.value(node.children.get(k)!, [...path, k], scope, out)).join(", ")}]`;
    }
    const branches = this.unionBranches(node, path, scope, out);
    if (branches !== undefined) return branches;
    const tw = this.walkTarget(path);
    const order = tw === undefined ? [] : keyOrder(tw.ends);
    const rank = (k: string) => (order.indexOf(k) < 0 ? 1e9 : order.indexOf(k));
    keys.sort((a, b) => rank(a) - rank(b));
    const members: string[] = [];
    const later: { key: string; when: string; statements: string[]; inner: string }[] = [];
    const asserted = new Set<Node>();
    for (const key of keys) {
      const child = node.children.get(key)!;
      // Several sources for one key lie in exclusive union branches: one guarded member each.
      const parts = child.leaves.length > 1 ? child.leaves.map((l) => ({ leaves: [l], children: new Map() })) : [child];
      for (const part of parts) {
        let { when, common } = this.guarded(this.nodeConditions(part, scope));
        if (when !== "" && this.requiredInTarget([...path, key]) && scope.items.length === 0 && parts.length === 1) {
          // The provider needs it; a message without it is refused before the body is built.
          const leaf = part.leaves[0];
          const from = leaf !== undefined && "read" in leaf.source ? pointerOf(leaf.source.read) : pointerOf([...path, key]);
          const missing = /^(.*) !== undefined$/.exec(when);
          const test = missing ? `${missing[1]} === undefined` : `!(${when})`;
          this.checks.push(this.missing([...scope.known, test].join(" && "), from, pointerOf([...path, key])));
          // Refused above under the conditions known here, which TypeScript cannot carry over.
          if (scope.known.length > 0) asserted.add(part);
          when = "";
          common = [];
        }
        const statements: string[] = [];
        let inner = this.value(part, [...path, key], { ...scope, known: [...scope.known, ...common] }, when === "" ? out : statements);
        if (asserted.has(part)) inner = `${inner}!`;
        if (when === "") members.push(`${IDENT.test(key) ? key : lit(key)}: ${inner}`);
        else later.push({ key, when, statements, inner });
      }
    }
    const literal = `{ ${members.join(", ")} }`;
    if (later.length === 0) return literal;
    const name = this.declare(this.nameFor(path));
    out.push(`const ${name}: ${this.typeOf(path)} = ${literal};`);
    for (const { key, when, statements, inner } of later) {
      const set = `${access(name, [key])} = ${inner};`;
      out.push(statements.length === 0 ? `if (${when}) ${set}` : `if (${when}) {\n${statements.join("\n")}\n${set}\n}`);
    }
    return name;
  }

  /**
   * A target that is a discriminated union whose discriminator is filled from a source value
   * (Infobip's header `type` from the message header's): one literal per source value, chosen by
   * testing that value, each written with both discriminators fixed so it holds exactly the parts
   * of its own branch.
   */
  private unionBranches(node: Node, path: Path, scope: Scope, out: string[]): string | undefined {
    const ends = this.walkTarget(path)?.ends ?? [];
    const union = ends.length === 1 ? ends[0]! : undefined;
    const discriminator = union?.kind === "union" ? union.discriminator?.property : undefined;
    if (discriminator === undefined || this.targetPins.has([...path, discriminator].join("/"))) return undefined;
    const tag = node.children.get(discriminator)?.leaves[0];
    if (tag === undefined || !("read" in tag.source)) return undefined;
    const read = tag.source.read;
    const values = tag.source.values ?? {};
    // Only the values the source's schema admits there: a flow body whose header is text only has
    // no media branch to read back.
    const admits = (value: string) =>
      (this.walkSource(read)?.ends ?? []).some((end) => listedValues(end)?.includes(value) ?? true);
    const sourceValues = Object.keys(values).filter(admits);
    if (sourceValues.length === 0) this.fail(`${pointerOf([...path, discriminator])} decides a union: map its values`);
    const key = read.join("/");
    const targetKey = [...path, discriminator].join("/");
    const tested = this.expr(read, scope);
    const arms: { when: string; statements: string[]; expr: string }[] = [];
    for (const value of sourceValues) {
      this.sourcePins.set(key, value);
      this.targetPins.set(targetKey, values[value]);
      const kept = this.allLeaves(node).filter(
        (l) =>
          this.walkTarget(l.target) !== undefined && (!("read" in l.source) || this.walkSource(l.source.read) !== undefined),
      );
      const leaves = kept.map((l) => (l === tag ? { target: l.target, source: { constant: values[value]! } } : l));
      const when = `${tested} === ${lit(value)}`;
      const statements: string[] = [];
      const expr = this.value(this.tree(leaves, path.length), path, { ...scope, known: [...scope.known, when] }, statements);
      arms.push({ when, statements, expr });
      this.sourcePins.delete(key);
      this.targetPins.delete(targetKey);
    }
    if (arms.every((a) => a.statements.length === 0))
      return arms.map((a, i) => (i === arms.length - 1 ? a.expr : `${a.when} ? ${a.expr} : `)).join("");
    const name = this.declare(this.nameFor(path));
    out.push(`let ${name}: ${this.typeOf(path)};`);
    out.push(
      arms
        .map((a, i) => `${i === 0 ? "" : " else "}${i === arms.length - 1 ? "" : `if (${a.when}) `}{\n${a.statements.join("\n")}\n${name} = ${a.expr};\n}`)
        .join(""),
    );
    return name;
  }

  /**
   * Whether the target array at `path` limits its item count (so its type is a tuple the `.map`
   * result must be asserted to); fails generation when the source array's limits are looser.
   */
  private itemCounts(path: Path, source: Path): boolean {
    const count = (n: Shape, keyword: "minItems" | "maxItems") => (n.kind === "array" ? n[keyword] : undefined);
    const target = this.walkTarget(path)?.ends ?? [];
    const from = this.walkSource(source)?.ends ?? [];
    let counted = false;
    for (const t of target)
      for (const [keyword, looser] of [
        ["minItems", (a: number, b: number) => a < b],
        ["maxItems", (a: number, b: number) => a > b],
      ] as const) {
        const limit = count(t, keyword);
        if (limit === undefined) continue;
        counted = true;
        if (from.some((f) => {
          const given = count(f, keyword);
          return given === undefined || looser(given, limit);
        }))
          this.fail(`${pointerOf(path)}: its ${keyword} of ${limit} is not guaranteed by ${pointerOf(source)}`);
      }
    return counted;
  }

  private requiredInTarget(path: Path): boolean {
    const steps = this.walkTarget(path)?.steps;
    return steps !== undefined && steps.length > 0 && !steps[steps.length - 1]!.optional;
  }

  /** The statements and the expression that build the whole target. */
  literal(): { statements: string[]; expr: string } {
    const statements: string[] = [];
    const expr = this.value(this.tree(this.leaves, 0), [], { items: [], known: [] }, statements);
    return { statements, expr };
  }

  // -------------------------------------------------------------- rules beyond the source's

  /**
   * The checks for what the target's schema demands of a leaf beyond what the source's schema
   * already guarantees. `pattern`, `minLength` and `maxLength` become code; anything else fails
   * generation, because then the body could not be valid by construction.
   */
  bodyRules(which: "values" | "options"): void {
    for (const leaf of this.leaves) {
      if (("option" in leaf.source) !== (which === "options")) continue;
      const phone = "read" in leaf.source ? leaf.source.phone : undefined;
      if ((phone === "digits" || phone === "integer") && !leaf.target.includes("*")) {
        // A number the provider takes as digits only is refused, if it is not one, before anything else is looked at.
        const when = this.leafConditions(leaf, { items: [], known: [] });
        this.checks.push(`${when.length > 0 ? `if (${when.join(" && ")}) ` : ""}${this.leafValue(leaf, { items: [], known: [] })};`);
      }
      const s = leaf.source;
      if ("constant" in s || "code" in s || ("read" in s && (s.values !== undefined || (s.phone !== undefined && s.phone !== "digits"))))
        continue;
      const tw = this.walkTarget(leaf.target);
      if (tw === undefined) this.fail(`the target schema has no ${pointerOf(leaf.target)}`);
      const sources = "read" in s ? (this.walkSource(s.read)?.ends ?? []) : [];
      for (const t of tw.ends) {
        if (sources.includes(t)) continue;
        if (sources.length > 0 && t.type === "object" && sources.every((src) => this.guarantees(src, t))) continue;
        const [unmodelled] = undemanded(t);
        if (unmodelled !== undefined) this.fail(`${pointerOf(leaf.target)}: the provider's schema adds "${unmodelled}", which the translation cannot check; map a field whose schema it shares`);
        for (const [keyword, limit] of demandsOf(t)) {
          if (sources.length > 0 && sources.every((src) => lit(demandsOf(src).get(keyword)) === lit(limit))) continue;
          // A target enum that holds every value the source allows adds nothing.
          if (keyword === "enum" && sources.length > 0 && sources.every((src) => listedValues(src)?.every((v) => (limit as Json[]).some((w) => lit(w) === lit(v)))))
            continue;
          if (!(keyword in EMITTED))
            this.fail(
              `${pointerOf(leaf.target)}: the provider's schema adds "${keyword}", which the translation cannot check; map a field whose schema it shares`,
            );
          if (leaf.target.includes("*")) this.fail(`${pointerOf(leaf.target)}: rules on array items are not checked`);
          // A digits-only number is checked as it goes out, without its +.
          const value = "read" in s ? this.leafValue(leaf, { items: [], known: [] }) : `options.${s.option}`;
          const when = this.leafConditions(leaf, { items: [], known: [] });
          const label = t.title ?? leaf.target[leaf.target.length - 1]!;
          // A message value the provider cannot hold is refused at the message's path; an option, as a bad option.
          const refuse = (issue: string) =>
            "read" in s
              ? `${this.helper("refuseCarried")}(${lit(this.provider)}, ${lit(pointerOf(s.read))}, ${issue})`
              : `${this.helper("refuseOption")}(${lit(this.provider)}, ${lit(s.option)}, ${issue})`;
          const site = { value, when, limit, label, path: pointerOf(leaf.target), refuse, rules: this.helper("rules"), unicode: this.helper("unicode") };
          this.checks.push(EMITTED[keyword]!(this, site));
        }
      }
    }
  }

  /**
   * Whether every value `source` allows is one `target` allows, for object schemas the two sides
   * share by reference (a forwarded `context`): conservative, so an unknown keyword means no.
   */
  private guarantees(source: Shape, target: Shape): boolean {
    if (source === target) return true;
    if (target.type !== undefined && source.type !== target.type) return false;
    const given = demandsOf(source);
    for (const [keyword, limit] of demandsOf(target)) {
      const mine = given.get(keyword);
      switch (keyword) {
        case "required":
          if (!(limit as string[]).every((k) => Array.isArray(mine) && mine.includes(k))) return false;
          break;
        case "additionalProperties":
          if (limit !== false || mine !== false) return false;
          break;
        case "properties": {
          if (target.kind !== "object") return false;
          const theirs = source.kind === "object" ? source.properties : [];
          for (const { key, node } of target.properties) {
            const from = theirs.find((p) => p.key === key);
            if (from !== undefined && !this.guarantees(resolved(from.node), resolved(node))) return false;
          }
          if (target.additionalProperties === false && theirs.some((p) => !target.properties.some((q) => q.key === p.key))) return false;
          break;
        }
        case "minLength":
          if (typeof mine !== "number" || mine < (limit as number)) return false;
          break;
        case "maxLength":
          if (typeof mine !== "number" || mine > (limit as number)) return false;
          break;
        default:
          if (lit(mine) !== lit(limit)) return false;
      }
    }
    return undemanded(target).length === 0;
  }

  constant(base: string, value: string): string {
    return this.constants.add(base, value);
  }

  get providerName(): string {
    return this.provider;
  }
}

interface RuleSite {
  /** The runtime's `rules` and `unicode` modules, as the emitted code names them. */
  rules: string;
  unicode: string;
  /** The refusal, given the issue expression. */
  refuse: (issue: string) => string;
  value: string;
  when: string[];
  limit: Json;
  label: string;
  path: string;
}

const guard = (when: string[], failing: string) => [...when, failing].join(" && ");

// A string's code points lie between half its UTF-16 length and its length, so the length alone
// settles most length rules without counting.
const EMITTED: Record<string, (e: FormEmitter, r: RuleSite) => string> = {
  pattern: (e, r) => {
    const name = e.constant(`${constName(r.label)}_PATTERN`, `new RegExp(${lit(r.limit)}, "u")`);
    return `if (${guard(r.when, `!${name}.test(${r.value})`)}) ${r.refuse(`${r.rules}.pattern(${lit(r.path)}, ${lit(r.label)}, ${lit(r.limit)}, ${r.value})`)};`;
  },
  maxLength: (e, r) =>
    `if (${guard(r.when, `${r.value}.length > ${r.limit} && ${r.unicode}.codePoints(${r.value}) > ${r.limit}`)}) ${r.refuse(`${r.rules}.maxLength(${lit(r.path)}, ${lit(r.label)}, ${r.limit}, ${r.value})`)};`,
  "x-trimmed": (e, r) =>
    `if (${guard(r.when, `!${r.unicode}.isTrimmed(${r.value})`)}) ${r.refuse(`${r.rules}.trimmed(${lit(r.path)}, ${lit(r.label)}, ${r.value})`)};`,
  "x-notBlank": (e, r) =>
    `if (${guard(r.when, `!${r.unicode}.isNotBlank(${r.value})`)}) ${r.refuse(`${r.rules}.notBlank(${lit(r.path)}, ${lit(r.label)})`)};`,
  minLength: (e, r) =>
    `if (${guard(r.when, `${r.value}.length < ${2 * (r.limit as number)} && ${r.unicode}.codePoints(${r.value}) < ${r.limit}`)}) ${r.refuse(`${r.rules}.minLength(${lit(r.path)}, ${lit(r.label)}, ${r.limit}, ${r.value})`)};`,
};
