/**
 * Emits `validators.ts`: standalone validators, two functions per schema node. `is_X` is the fast
 * pass: plain property reads and comparisons, no allocation, `false` at the first broken rule.
 * `check_X` is the full pass, run only when the fast one fails: it collects every issue with its
 * JSON Pointer, rule, limit and actual value. Both come from the same walk over the schema, so
 * they cannot drift apart by hand; tests compare them on every example.
 *
 * Scalars (strings, numbers, constants) written in place are inlined into their parent; objects,
 * arrays, unions and shared (`$ref`-reached) scalars get functions. Every string literal goes through JSON.stringify, never raw into the code.
 */
import { ARRAY_KEYWORDS, OBJECT_KEYWORDS } from "./keywords.ts";
import { type NamedSchema, locationKey } from "./names.ts";
import { type Json, type Location, type Schema, type SchemaSet, SchemaSetError, escapePointer, isSchema, nodeAt, resolveRef } from "./schema-set.ts";

const lit = (v: unknown) => JSON.stringify(v);
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const prop = (obj: string, key: string) => (IDENT.test(key) ? `${obj}.${key}` : `${obj}[${lit(key)}]`);
const childPath = (p: string, key: string | number) => `${p} + ${lit(`/${typeof key === "number" ? key : escapePointer(key)}`)}`;

interface Node {
  loc: Location;
  schema: Schema;
}

type Kind = "object" | "array" | "union" | "scalar";
/** What a `*` in a path pattern walks over. */
type Star = "array" | "object";

export class ValidatorEmitter {
  private readonly functions: string[] = [];
  private readonly names = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly constants = new Map<string, string>();
  private readonly constantDecls: string[] = [];

  constructor(
    private readonly set: SchemaSet,
    private readonly named: NamedSchema[],
  ) {
    for (const n of named) this.names.set(locationKey(n), n.name);
  }

  emit(): string {
    const exports: string[] = [];
    for (const n of this.named) {
      const fn = this.functionFor(this.at(n), n.name);
      const label = n.schema.title ?? n.name;
      // The schema's description is on the type (T.X); each function says what it does with it.
      const what = `a valid ${String(label).replace(/\*\//g, "*\\/")} ({@link T.${n.name}})`;
      exports.push(
        `/** Whether \`value\` is ${what}. Allocates nothing; never throws. */`,
        `export function is${n.name}(value: unknown): value is T.${n.name} { return guard(value, is_${fn}); }`,
        `/** Checks that \`value\` is ${what}, returning it typed or every issue with its path, rule and limit. */`,
        `export function validate${n.name}(value: unknown): ValidationResult<T.${n.name}> { return run(value, is_${fn}, check_${fn}); }`,
        `/** Throws a \`ValidationError\` carrying every issue unless \`value\` is ${what}. */`,
        `export function assert${n.name}(value: unknown): asserts value is T.${n.name} { assertValid(validate${n.name}(value), ${lit(label)}); }`,
      );
    }
    return [
      `import type * as T from "./types.js";`,
      `import type { ValidationIssue, ValidationResult } from "./runtime/issues.js";`,
      `import * as rules from "./runtime/rules.js";`,
      `import * as unicode from "./runtime/unicode.js";`,
      `import { assertValid, guard, run, unionIssues } from "./runtime/validation.js";`,
      `import * as walk from "./runtime/walk.js";`,
      "",
      ...this.constantDecls,
      "",
      ...exports,
      "",
      ...this.functions,
    ].join("\n");
  }

  // ---------------------------------------------------------------- nodes

  private at(loc: Location): Node {
    const schema = nodeAt(loc.file.schema, loc.pointer);
    if (!schema) throw new SchemaSetError(`nothing at ${loc.file.path}#${loc.pointer}`);
    return { loc, schema };
  }

  /** Follows `$ref`s; the label of the first node that has a title wins. */
  private deref(node: Node): Node {
    let current = node;
    for (let hops = 0; typeof current.schema.$ref === "string"; hops++) {
      if (hops > 32) throw new SchemaSetError(`$ref loop at ${current.loc.file.path}#${current.loc.pointer}`);
      current = this.at(resolveRef(this.set, current.loc.file, current.schema.$ref));
    }
    return current;
  }

  private child(node: Node, ...keys: (string | number)[]): Node {
    const pointer = node.loc.pointer + keys.map((k) => `/${escapePointer(String(k))}`).join("");
    return this.at({ file: node.loc.file, pointer });
  }

  private label(node: Node, fallback: string): string {
    const own = node.schema.title;
    if (typeof own === "string") return own;
    const target = this.deref(node).schema.title;
    return typeof target === "string" ? target : fallback;
  }

  private kind(schema: Schema): Kind {
    if ((schema.oneOf || schema.anyOf) && !schema.type && !schema.properties) {
      const branches = (schema.oneOf ?? schema.anyOf) as Schema[];
      if (!branches.every(isPresenceOnly)) return "union";
    }
    // Without a `type`, an object's (or array's) keywords still make the node one, letting other types pass.
    if (schema.type === "object" || (schema.type === undefined && OBJECT_KEYWORDS.some((k) => k in schema))) return "object";
    if (schema.type === "array" || (schema.type === undefined && ARRAY_KEYWORDS.some((k) => k in schema))) return "array";
    return "scalar";
  }

  /** A module-level constant (regex, pattern segments, branch table), declared once. */
  private constant(prefix: string, code: string): string {
    const key = `${prefix}:${code}`;
    let name = this.constants.get(key);
    if (!name) {
      name = `${prefix}_${this.constants.size + 1}`;
      this.constants.set(key, name);
      this.constantDecls.push(`const ${name} = ${code};`);
    }
    return name;
  }

  private pattern(path: Json | undefined): string {
    const segments = String(path).split("/");
    return this.constant("PATH", `${lit(segments)} as const`);
  }

  /** The function base name for an object, array or union node, emitting it on first use. */
  private functionFor(node: Node, hint: string): string {
    const target = this.deref(node);
    const key = locationKey(target.loc);
    const existing = this.names.get(key);
    if (existing && this.used.has(existing)) return existing;
    let name = existing ?? hint.replace(/[^A-Za-z0-9_]/g, "_");
    while (!existing && this.used.has(name)) name += "_";
    this.names.set(key, name);
    this.used.add(name);
    const label = this.label(node, hint);
    const kind = this.kind(target.schema);
    if (kind === "object") this.emitObject(target, name, label);
    else if (kind === "array") this.emitArray(target, name, label);
    else if (kind === "union") this.emitUnion(target, name, label);
    else this.pushFunctions(target, name, [`return ${this.scalarTest(target.schema, "v")};`], [this.scalarCollect(target.schema, "v", "p", label)]);
    return name;
  }

  // ---------------------------------------------------------------- inline checks
  // A scalar written in place is checked in place; one reached through a `$ref` is shared, so it
  // gets its own pair of functions instead of a copy of its checks at every use.

  /** An expression that is true when `x` satisfies `node`. */
  private test(node: Node, x: string, hint: string): string {
    const target = this.deref(node);
    if (this.kind(target.schema) !== "scalar" || target !== node) return `is_${this.functionFor(node, hint)}(${x})`;
    return this.scalarTest(target.schema, x);
  }

  /** Statements that push every issue of `x` (at path expression `p`) against `node`. */
  private collect(node: Node, x: string, p: string, hint: string): string {
    const target = this.deref(node);
    if (this.kind(target.schema) !== "scalar" || target !== node) return `check_${this.functionFor(node, hint)}(${x}, ${p}, out);`;
    return this.scalarCollect(target.schema, x, p, this.label(node, hint));
  }

  private scalarTest(s: Schema, x: string): string {
    const parts: string[] = [];
    if (s.const !== undefined) parts.push(`${x} === ${lit(s.const)}`);
    if (Array.isArray(s.enum)) parts.push(`(${anyEqual(x, s.enum)})`);
    switch (s.type) {
      case "string":
        parts.push(`typeof ${x} === "string"`);
        if (typeof s.minLength === "number" && s.minLength > 0) {
          parts.push(s.minLength === 1 ? `${x}.length !== 0` : `unicode.minCodePoints(${x}, ${s.minLength})`);
        }
        if (typeof s.maxLength === "number") parts.push(`(${x}.length <= ${s.maxLength} || unicode.maxCodePoints(${x}, ${s.maxLength}))`);
        if (typeof s.pattern === "string") parts.push(`${this.regex(s.pattern)}.test(${x})`);
        // A printable ASCII character at the end(s) settles these rules for nearly every real string,
        // tested in place: a call per string was a quarter of a valid list's time, as the large
        // validator functions leave the engine no inlining budget for the helpers.
        if (s["x-trimmed"] === true) parts.push(`((${printable(`${x}.charCodeAt(0)`)} && ${printable(`${x}.charCodeAt(${x}.length - 1)`)}) || unicode.isTrimmed(${x}))`);
        if (s["x-notBlank"] === true) parts.push(`(${printable(`${x}.charCodeAt(0)`)} || unicode.isNotBlank(${x}))`);
        if (s["x-noEmoji"] === true) parts.push(`unicode.hasNoEmoji(${x})`);
        if (s["x-emoji"] === true) parts.push(`unicode.isOneEmojiOrEmpty(${x})`);
        break;
      case "integer":
      case "number":
        parts.push(`typeof ${x} === "number"`, s.type === "integer" ? `Number.isInteger(${x})` : `Number.isFinite(${x})`);
        if (typeof s.minimum === "number") parts.push(`${x} >= ${s.minimum}`);
        if (typeof s.maximum === "number") parts.push(`${x} <= ${s.maximum}`);
        break;
      case "boolean":
        parts.push(`typeof ${x} === "boolean"`);
        break;
      case undefined:
        if (parts.length === 0) parts.push(`walk.isJson(${x})`);
        break;
      default:
        throw new SchemaSetError(`unsupported scalar type ${lit(s.type)}`);
    }
    return parts.join(" && ");
  }

  private scalarCollect(s: Schema, x: string, p: string, label: string): string {
    const L = lit(label);
    if (s.const !== undefined) return `if (${x} !== ${lit(s.const)}) out.push(rules.constant(${p}, ${L}, ${lit(s.const)}, ${x}));`;
    if (Array.isArray(s.enum)) {
      const allowed = this.constant("ENUM", lit(s.enum));
      return `if (!(${anyEqual(x, s.enum)})) out.push(rules.enumeration(${p}, ${L}, ${allowed}, ${x}));`;
    }
    const checks: string[] = [];
    let typeTest: string;
    let expected: string;
    switch (s.type) {
      case "string":
        typeTest = `typeof ${x} === "string"`;
        expected = "a string";
        if (typeof s.minLength === "number" && s.minLength > 0) {
          const ok = s.minLength === 1 ? `${x}.length !== 0` : `unicode.minCodePoints(${x}, ${s.minLength})`;
          checks.push(`if (!(${ok})) out.push(rules.minLength(${p}, ${L}, ${s.minLength}, ${x}));`);
        }
        if (typeof s.maxLength === "number") {
          checks.push(`if (!unicode.maxCodePoints(${x}, ${s.maxLength})) out.push(rules.maxLength(${p}, ${L}, ${s.maxLength}, ${x}));`);
        }
        if (typeof s.pattern === "string") {
          checks.push(`if (!${this.regex(s.pattern)}.test(${x})) out.push(rules.pattern(${p}, ${L}, ${lit(s.pattern)}, ${x}));`);
        }
        if (s["x-trimmed"] === true) checks.push(`if (!unicode.isTrimmed(${x})) out.push(rules.trimmed(${p}, ${L}, ${x}));`);
        if (s["x-notBlank"] === true) checks.push(`if (!unicode.isNotBlank(${x})) out.push(rules.notBlank(${p}, ${L}));`);
        if (s["x-noEmoji"] === true) checks.push(`if (!unicode.hasNoEmoji(${x})) out.push(rules.noEmoji(${p}, ${L}));`);
        if (s["x-emoji"] === true) checks.push(`if (!unicode.isOneEmojiOrEmpty(${x})) out.push(rules.emoji(${p}, ${L}, ${x}));`);
        break;
      case "integer":
      case "number":
        typeTest = `typeof ${x} === "number" && ${s.type === "integer" ? `Number.isInteger(${x})` : `Number.isFinite(${x})`}`;
        expected = s.type === "integer" ? "an integer" : "a finite number";
        if (typeof s.minimum === "number") checks.push(`if (${x} < ${s.minimum}) out.push(rules.minimum(${p}, ${L}, ${s.minimum}, ${x}));`);
        if (typeof s.maximum === "number") checks.push(`if (${x} > ${s.maximum}) out.push(rules.maximum(${p}, ${L}, ${s.maximum}, ${x}));`);
        break;
      case "boolean":
        typeTest = `typeof ${x} === "boolean"`;
        expected = "true or false";
        break;
      case undefined:
        return `walk.jsonIssues(${x}, ${p}, ${L}, out);`;
      default:
        throw new SchemaSetError(`unsupported scalar type ${lit(s.type)}`);
    }
    const wrongType = `out.push(rules.type(${p}, ${L}, ${lit(expected)}, ${x}));`;
    return checks.length === 0 ? `if (!(${typeTest})) ${wrongType}` : `if (!(${typeTest})) ${wrongType}\nelse {\n${checks.join("\n")}\n}`;
  }

  private regex(source: string): string {
    return this.constant("PATTERN", `new RegExp(${lit(source)}, "u")`);
  }

  // ---------------------------------------------------------------- objects

  private emitObject(node: Node, name: string, label: string): void {
    const s = node.schema;
    const L = lit(label);
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const keys = Object.keys(properties);
    const required = (s.required ?? []) as string[];
    const open = keys.length === 0 && s.additionalProperties === undefined;
    const notObject = `typeof v !== "object" || v === null || Array.isArray(v)`;
    const typed = s.type === "object";
    const fast: string[] = [`if (${notObject}) return ${!typed};`];
    const full: string[] = [typed ? `if (${notObject}) { out.push(rules.type(p, ${L}, "an object", v)); return; }` : `if (${notObject}) return;`];

    if (required.length > 0) {
      fast.push(`if (${required.map((k) => `${prop("v", k)} === undefined`).join(" || ")}) return false;`);
      for (const k of required) full.push(`if (${prop("v", k)} === undefined) out.push(rules.required(p, ${L}, ${lit(k)}));`);
    }

    const known = keys.map((k) => `k !== ${lit(k)}`).join(" && ") || "true";
    const extra = s.additionalProperties;
    const names = s.propertyNames as Schema | undefined;
    if (extra === false) {
      fast.push(`for (const k in v) if (${known} && v[k] !== undefined) return false;`);
      // Every loop of the full pass stops at the issue cap: a million unknown keys give a thousand issues.
      full.push(`for (const k in v) if (${known} && v[k] !== undefined) { if (out.length >= walk.MAX_ISSUES) break; out.push(rules.additionalProperty(p + "/" + walk.escape(k), ${L}, k)); }`);
    } else if (isSchema(extra)) {
      const valueNode = this.child(node, "additionalProperties");
      fast.push(`for (const k in v) if (${known}) { const x = v[k]; if (!(${this.test(valueNode, "x", `${name}_value`)})) return false; }`);
      full.push(`for (const k in v) if (${known}) { if (out.length >= walk.MAX_ISSUES) break; const x = v[k]; ${this.collect(valueNode, "x", `p + "/" + walk.escape(k)`, `${name}_value`)} }`);
    }
    if (names && Array.isArray(names.enum)) {
      const allowed = this.constant("ENUM", lit(names.enum));
      const ok = anyEqual("k", names.enum);
      fast.push(`for (const k in v) if (!(${ok})) return false;`);
      full.push(`for (const k in v) if (!(${ok})) { if (out.length >= walk.MAX_ISSUES) break; out.push(rules.propertyName(p + "/" + walk.escape(k), ${L}, ${allowed}, k)); }`);
    }
    if (typeof s.minProperties === "number") {
      const count = `let n = 0; for (const k in v) if (v[k] !== undefined) n++;`;
      fast.push(`{ ${count} if (n < ${s.minProperties}) return false; }`);
      full.push(`{ ${count} if (n < ${s.minProperties}) out.push(rules.minProperties(p, ${L}, ${s.minProperties}, n)); }`);
    }
    if (open) {
      fast.push(`if (!walk.isJson(v)) return false;`);
      full.push(`walk.jsonIssues(v, p, ${L}, out);`);
    }

    // Totals first in the fast pass: counting is a few loads per item, and a list over its total is
    // then turned away before a single row is read (the fail-fast path of an over-full list).
    const totals = asList(s["x-maxTotal"]) as { path: string; maximum: number }[];
    for (const { path, maximum } of totals) fast.push(`if (${this.countAt(node, String(path), this.pattern(path))} > ${maximum}) return false;`);

    if (keys.length > 0) {
      fast.push("let x: any;");
      full.push("let x: any;");
    }
    for (const k of keys) {
      const child = this.child(node, "properties", k);
      const hint = `${name}_${k}`;
      const isRequired = required.includes(k);
      const test = this.test(child, "x", hint);
      fast.push(`x = ${prop("v", k)};`, isRequired ? `if (!(${test})) return false;` : `if (x !== undefined && !(${test})) return false;`);
      full.push(`x = ${prop("v", k)};`, `if (x !== undefined) { ${this.collect(child, "x", childPath("p", k), `${label} ${k.replace(/_/g, " ")}`)} }`);
    }

    for (const keyword of ["oneOf", "anyOf"] as const) {
      const branches = s[keyword];
      if (!Array.isArray(branches)) continue;
      if (!branches.every((b) => isPresenceOnly(b as Schema))) throw new SchemaSetError(`${node.loc.file.path}#${node.loc.pointer}: ${keyword} next to properties must list required-only branches`);
      const present = branches.map((b) => `(${((b as Schema).required as string[]).map((k) => `${prop("v", k)} !== undefined`).join(" && ")} ? 1 : 0)`);
      const namesList = branches.map((b) => ((b as Schema).required as string[]).join(" + "));
      const count = `(${present.join(" + ")})`;
      if (keyword === "oneOf") {
        fast.push(`if (${count} !== 1) return false;`);
        full.push(`{ const n = ${count}; if (n !== 1) out.push(rules.exactlyOne(p, ${L}, ${lit(namesList)}, n)); }`);
      } else {
        fast.push(`if (${count} === 0) return false;`);
        full.push(`if (${count} === 0) out.push(rules.atLeastOne(p, ${L}, ${lit(namesList)}));`);
      }
    }

    for (const { path, maximum } of totals) {
      const pattern = this.pattern(path);
      const what = path.split("/").filter((seg) => seg !== "*").pop() ?? "items";
      full.push(`{ const n = ${this.countAt(node, String(path), pattern)}; if (n > ${maximum}) out.push(rules.maxTotal(p, ${L}, ${lit(what.replace(/_/g, " "))}, ${maximum}, n)); }`);
    }
    const unique = asList(s["x-uniqueValues"]).map(String);
    const distinct = this.distinctChecks(node, unique);
    for (const check of distinct) fast.push(`if (!${check}) return false;`);
    // The full pass settles "no duplicates" with the same loops, and builds pointers and messages
    // only when there is one to report.
    if (unique.length > 0) {
      const reports = unique.map((path) => `walk.duplicateIssues(v, ${this.pattern(path)}, p, ${lit(this.labelAlong(node, path))}, out);`);
      full.push(`if (!(${distinct.join(" && ")})) { ${reports.join(" ")} }`);
    }

    // dependentSchemas: when the key is present, the whole object must also satisfy the subschema.
    for (const key of Object.keys((s.dependentSchemas ?? {}) as Schema)) {
      const dependent = this.child(node, "dependentSchemas", key);
      const when = `${prop("v", key)} !== undefined`;
      fast.push(`if (${when} && !(${this.test(dependent, "v", `${name}_if_${key}`)})) return false;`);
      full.push(`if (${when}) { ${this.collect(dependent, "v", "p", label)} }`);
    }

    fast.push("return true;");
    this.pushFunctions(node, name, fast, full);
  }

  // ---------------------------------------------------------------- path patterns, fast pass

  // The fast pass writes the x-maxTotal and x-uniqueValues checks of an object as plain loops along
  // the pattern, following the shape the schema gives the containers it walks through, instead of
  // a generic walk over a segment list: the valid path allocates nothing and reads each value
  // directly. Every step is guarded (`?.`, `Array.isArray`), so a count can run before the
  // properties are checked. Where the schema does not say whether a `*` meets an array or an
  // object, the generic helpers in walk.ts do the work.

  /** An expression for how many values the pattern reaches from `v`. */
  private countAt(node: Node, path: string, pattern: string): string {
    const stars = this.starKinds(node, path);
    if (!stars) return `walk.countAt(v, ${pattern})`;
    const loop = this.along(path.split("/"), stars, "v", "a", (x) => `if (${x} !== undefined) n++;`);
    return `${this.helper(`count_${pattern}`, `x-maxTotal ${path} at ${where(node)}`, `(v: any): number {\nlet n = 0;\n${loop}\nreturn n;\n}`)}(v)`;
  }

  /**
   * Expressions that are true when the x-uniqueValues patterns hold for `v`. Patterns with one `*`
   * over the same array (`buttons/*\/reply/id`, `buttons/*\/reply/title`) share one loop that
   * compares each item with the earlier ones; any other pattern gets its own check.
   */
  private distinctChecks(node: Node, paths: string[]): string[] {
    const shared = new Map<string, string[]>();
    const checks: string[] = [];
    for (const path of paths) {
      const star = path.split("/").indexOf("*");
      const single = star > 0 && path.split("/").lastIndexOf("*") === star;
      if (single && this.starKinds(node, path)?.[0] === "array") {
        const prefix = path.split("/").slice(0, star).join("/");
        shared.set(prefix, [...(shared.get(prefix) ?? []), path]);
      } else {
        checks.push(this.allDistinct(node, path, this.pattern(path)));
      }
    }
    for (const [prefix, group] of shared) checks.unshift(this.distinctItems(node, prefix, group));
    return checks;
  }

  /** One loop over the array at `prefix`: each item's values at the patterns' tails against every earlier item's. */
  private distinctItems(node: Node, prefix: string, paths: string[]): string {
    const patterns = paths.map((path) => this.pattern(path));
    const tails = paths.map((path) => path.split("/").slice(prefix.split("/").length + 1));
    const body = [
      `const a = ${reach("v", prefix.split("/"))};`,
      `if (!Array.isArray(a)) return true;`,
      // Past this many items, the generic helper's Set keeps a hostile array's cost linear.
      `if (a.length > walk.PAIRWISE_MAX) return ${patterns.map((pattern) => `walk.allDistinct(v, ${pattern})`).join(" && ")};`,
      `for (let i = 1; i < a.length; i++) {`,
      ...tails.map((tail, k) => `const x${k} = ${reach("a[i]", tail)};`),
      `for (let j = 0; j < i; j++) {`,
      `const o = a[j];`,
      ...tails.map((tail, k) => `if (x${k} !== undefined && ${reach("o", tail)} === x${k}) return false;`),
      `}`,
      `}`,
      `return true;`,
    ];
    const name = this.helper(`distinct_${patterns.join("_")}`, `x-uniqueValues ${paths.join(", ")} at ${where(node)}`, `(v: any): boolean {\n${body.join("\n")}\n}`);
    return `${name}(v)`;
  }

  /** An expression that is true when no two values the pattern reaches from `v` are equal. */
  private allDistinct(node: Node, path: string, pattern: string): string {
    const stars = this.starKinds(node, path);
    if (!stars) return `walk.allDistinct(v, ${pattern})`;
    const segments = path.split("/");
    // Each value is compared with the values met before it, kept in a shared scratch array while
    // there are few (WhatsApp's limits keep them at a dozen or so): no walk of the pattern per value
    // and no allocation. Past walk.PAIRWISE_MAX the generic helper's Set takes over, so the cost
    // never grows with the square of a hostile array's length. The scratch is cleared on the way out.
    const visit = (x: string) =>
      [
        `const x = ${x};`,
        `if (x !== undefined) {`,
        `if (n === walk.PAIRWISE_MAX) { ok = walk.allDistinct(v, ${pattern}); break search; }`,
        `for (let j = 0; j < n; j++) if (seen[j] === x) { ok = false; break search; }`,
        `seen[n++] = x;`,
        `}`,
      ].join("\n");
    const loop = this.along(segments, stars, "v", "a", visit);
    const body = [`const seen = walk.seen;`, `let n = 0;`, `let ok = true;`, `search: {\n${loop}\n}`, `for (let j = 0; j < n; j++) seen[j] = undefined;`, `return ok;`];
    return `${this.helper(`distinct_${pattern}`, `x-uniqueValues ${path} at ${where(node)}`, `(v: any): boolean {\n${body.join("\n")}\n}`)}(v)`;
  }

  /** A module-level helper function, emitted once under `name`. */
  private helper(name: string, what: string, signatureAndBody: string): string {
    if (!this.used.has(name)) {
      this.used.add(name);
      this.functions.push(`// ${what}`, `function ${name}${signatureAndBody}`);
    }
    return name;
  }

  /** Nested loops that visit every value `segments` reaches from `from`, running `body` on each. */
  private along(segments: string[], stars: Star[], from: string, prefix: string, body: (x: string) => string): string {
    let access = from;
    let open = "";
    let close = "";
    let star = 0;
    for (const seg of segments) {
      if (seg !== "*") {
        access = reach(access, [seg]);
        continue;
      }
      const a = `${prefix}${star}`;
      const i = `${prefix}${star}i`;
      open +=
        stars[star] === "array"
          ? `{ const ${a} = ${access}; if (Array.isArray(${a})) for (let ${i} = 0; ${i} < ${a}.length; ${i}++) {\n`
          : `{ const ${a} = ${access}; if (typeof ${a} === "object" && ${a} !== null) for (const ${i} in ${a}) {\n`;
      close += "}}\n";
      access = `${a}[${i}]`;
      star++;
    }
    return `${open}${body(access)}\n${close}`;
  }

  /**
   * What each `*` of a path pattern meets according to the schema, through `$ref`s and unions;
   * undefined when the schema does not settle it (the pattern then uses the generic walk).
   */
  private starKinds(node: Node, path: string): Star[] | undefined {
    let current = this.alternatives(this.deref(node));
    const stars: Star[] = [];
    for (const seg of path.split("/")) {
      if (seg === "*") {
        const arrays = current.filter((n) => this.kind(n.schema) === "array" && isSchema(n.schema.items));
        const maps = current.filter((n) => this.kind(n.schema) === "object" && isSchema(n.schema.additionalProperties));
        if (current.length === 0 || (arrays.length !== current.length && maps.length !== current.length)) return undefined;
        stars.push(arrays.length === current.length ? "array" : "object");
        const key = arrays.length === current.length ? "items" : "additionalProperties";
        current = current.flatMap((n) => this.alternatives(this.deref(this.child(n, key))));
      } else {
        current = current
          .filter((n) => isSchema(n.schema.properties) && isSchema((n.schema.properties as Schema)[seg]))
          .flatMap((n) => this.alternatives(this.deref(this.child(n, "properties", seg))));
      }
    }
    return stars;
  }

  /** A union's branches (recursively, past `$ref`s), or the node itself. */
  private alternatives(node: Node): Node[] {
    if (this.kind(node.schema) !== "union") return [node];
    const keyword = node.schema.oneOf ? "oneOf" : "anyOf";
    return (node.schema[keyword] as Schema[]).flatMap((_, i) => this.alternatives(this.deref(this.child(node, keyword, i))));
  }

  /** The title of the schema a path pattern reaches, for messages about the values found there. */
  private labelAlong(node: Node, path: string): string {
    let current = this.deref(node);
    let fallback = path.split("/").filter((seg) => seg !== "*").pop()!.replace(/_/g, " ");
    for (const seg of path.split("/")) {
      // Through a union, the first branch stands for all: they share the path's shape.
      while (Array.isArray(current.schema.oneOf) && !current.schema.properties) current = this.deref(this.child(current, "oneOf", 0));
      const s = current.schema;
      if (seg === "*") {
        if (!isSchema(s.items)) return fallback;
        current = this.deref(this.child(current, "items"));
      } else {
        if (!isSchema(s.properties) || !isSchema((s.properties as Schema)[seg])) return fallback;
        current = this.deref(this.child(current, "properties", seg));
        fallback = seg.replace(/_/g, " ");
      }
    }
    return typeof current.schema.title === "string" ? current.schema.title : fallback;
  }

  // ---------------------------------------------------------------- arrays

  private emitArray(node: Node, name: string, label: string): void {
    const s = node.schema;
    const L = lit(label);
    const typed = s.type === "array";
    const fast: string[] = [`if (!Array.isArray(v)) return ${!typed};`];
    const full: string[] = [typed ? `if (!Array.isArray(v)) { out.push(rules.type(p, ${L}, "an array", v)); return; }` : `if (!Array.isArray(v)) return;`];
    if (typeof s.minItems === "number") {
      fast.push(`if (v.length < ${s.minItems}) return false;`);
      full.push(`if (v.length < ${s.minItems}) out.push(rules.minItems(p, ${L}, ${s.minItems}, v.length));`);
    }
    if (typeof s.maxItems === "number") {
      fast.push(`if (v.length > ${s.maxItems}) return false;`);
      full.push(`if (v.length > ${s.maxItems}) out.push(rules.maxItems(p, ${L}, ${s.maxItems}, v.length));`);
    }
    if (isSchema(s.items)) {
      const item = this.child(node, "items");
      const itemLabel = this.label(item, `${label} item`);
      fast.push(`for (let i = 0; i < v.length; i++) { const x = v[i]; if (!(${this.test(item, "x", `${name}_item`)})) return false; }`);
      full.push(
        `for (let i = 0; i < v.length && out.length < walk.MAX_ISSUES; i++) {`,
        `if (!(i in v)) { out.push(rules.hole(p + "/" + i, ${L}, i)); continue; }`,
        `const x = v[i]; ${this.collect(item, "x", `p + "/" + i`, `${name}_item`)}`,
        `}`,
      );
      const needed = s["x-requiredIfMultiple"];
      if (Array.isArray(needed)) {
        const missing = needed.map((k) => `v[i]?.${k} === undefined`).join(" || ");
        fast.push(`if (v.length > 1) for (let i = 0; i < v.length; i++) if (${missing}) return false;`);
        const checks = needed.map((k) => `if (typeof v[i] === "object" && v[i] !== null && v[i].${k} === undefined) out.push(rules.requiredIfMultiple(p + "/" + i, ${lit(itemLabel)}, ${lit(k)}, v.length));`);
        full.push(`if (v.length > 1) for (let i = 0; i < v.length && out.length < walk.MAX_ISSUES; i++) { ${checks.join(" ")} }`);
      }
      const uniform = s["x-uniformItems"] as { values?: string[]; lengths?: string[] } | undefined;
      if (uniform) {
        const conditions: [string, string][] = [];
        for (const path of uniform.values ?? []) {
          const pattern = this.pattern(path);
          conditions.push([`walk.valueAt(v[i], ${pattern}) !== walk.valueAt(v[0], ${pattern})`, path]);
        }
        for (const path of uniform.lengths ?? []) {
          const pattern = this.pattern(path);
          conditions.push([`walk.lengthAt(v[i], ${pattern}) !== walk.lengthAt(v[0], ${pattern})`, `the number of ${path}`]);
        }
        fast.push(`for (let i = 1; i < v.length; i++) if (${conditions.map(([c]) => c).join(" || ")}) return false;`);
        const checks = conditions.map(([c, what]) => `if (${c}) { out.push(rules.uniformItems(p + "/" + i, ${lit(itemLabel)}, i, ${lit(what)})); continue; }`);
        full.push(`for (let i = 1; i < v.length && out.length < walk.MAX_ISSUES; i++) { ${checks.join(" ")} }`);
      }
    }
    fast.push("return true;");
    this.pushFunctions(node, name, fast, full);
  }

  // ---------------------------------------------------------------- unions

  private emitUnion(node: Node, name: string, label: string): void {
    const s = node.schema;
    const L = lit(label);
    const keyword = s.oneOf ? "oneOf" : "anyOf";
    const branches = (s[keyword] as Schema[]).map((_, i) => this.child(node, keyword, i));
    const discriminator = s["x-discriminator"];
    if (typeof discriminator === "string") {
      const cases = branches.map((branch, i) => {
        const target = this.deref(branch);
        const value = (target.schema.properties as Record<string, Schema> | undefined)?.[discriminator]?.const;
        if (typeof value !== "string" || !((target.schema.required ?? []) as string[]).includes(discriminator)) {
          throw new SchemaSetError(`${node.loc.file.path}#${node.loc.pointer}: branch ${i} lacks a required "${discriminator}" const`);
        }
        return { value, fn: this.functionFor(branch, `${name}_${value}`) };
      });
      const allowed = this.constant("ENUM", lit(cases.map((c) => c.value)));
      const d = prop("v", discriminator);
      const fast = [
        `if (typeof v !== "object" || v === null || Array.isArray(v)) return false;`,
        `switch (${d}) {`,
        ...cases.map((c) => `case ${lit(c.value)}: return is_${c.fn}(v);`),
        `default: return false;`,
        `}`,
      ];
      const full = [
        `if (typeof v !== "object" || v === null || Array.isArray(v)) { out.push(rules.type(p, ${L}, "an object", v)); return; }`,
        `switch (${d}) {`,
        ...cases.map((c) => `case ${lit(c.value)}: check_${c.fn}(v, p, out); return;`),
        `case undefined: out.push(rules.required(p, ${L}, ${lit(discriminator)})); return;`,
        `default: out.push(rules.discriminator(${childPath("p", discriminator)}, ${L}, ${allowed}, ${d}));`,
        `}`,
      ];
      this.pushFunctions(node, name, fast, full);
      return;
    }
    const table = branches.map((branch, i) => {
      const target = this.deref(branch);
      const fn = this.functionFor(branch, `${name}_${i}`);
      const required = lit(target.schema.required ?? []);
      const kind = lit(this.label(branch, `form ${i + 1}`));
      return `{ check: is_${fn}, collect: check_${fn}, required: ${required}, label: ${kind} }`;
    });
    const branchTable = this.constant("BRANCHES", `[${table.join(", ")}] as const`);
    const fast =
      keyword === "oneOf"
        ? [`let n = 0;`, ...branches.map((b, i) => `if (is_${this.functionFor(b, `${name}_${i}`)}(v)) n++;`), `return n === 1;`]
        : [`return ${branches.map((b, i) => `is_${this.functionFor(b, `${name}_${i}`)}(v)`).join(" || ")};`];
    const full = [`unionIssues(v, p, ${L}, ${branchTable}, ${keyword === "oneOf"}, out);`];
    this.pushFunctions(node, name, fast, full);
  }

  private pushFunctions(node: Node, name: string, fast: string[], full: string[]): void {
    this.functions.push(
      `// ${where(node)}`,
      `function is_${name}(v: any): boolean {\n${fast.join("\n")}\n}`,
      `function check_${name}(v: any, p: string, out: ValidationIssue[]): void {\n${full.join("\n")}\n}`,
    );
  }
}

/** An expression reading `segments` (property names) from `from`, stopping at a missing value. */
/**
 * An expression true when the UTF-16 unit `code` is printable ASCII ("!" to "~", and on to U+0084,
 * the run no whitespace interrupts): one subtraction and an unsigned compare. An empty string's
 * `charCodeAt(0)` is NaN, which passes too; both rules accept the empty string.
 */
function printable(code: string): string {
  return `(${code} - 0x21) >>> 0 < 0x64`;
}

function reach(from: string, segments: readonly string[]): string {
  return segments.reduce((access, seg) => (IDENT.test(seg) ? `${access}?.${seg}` : `${access}?.[${lit(seg)}]`), from);
}

/** Where a node sits in the schema set, for comments in the emitted code. */
function where(node: Node): string {
  return `${node.loc.file.path}#${node.loc.pointer}`;
}

/** An expression that is true when `x` is one of `values`: never, for an empty enum. */
function anyEqual(x: string, values: Json[]): string {
  return values.map((e) => `${x} === ${lit(e)}`).join(" || ") || "false";
}

function isPresenceOnly(branch: Schema): boolean {
  return Object.keys(branch).every((k) => k === "required") && Array.isArray(branch.required);
}

function asList(value: Json | undefined): Json[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}


export function emitValidators(set: SchemaSet, named: NamedSchema[]): string {
  return new ValidatorEmitter(set, named).emit();
}
