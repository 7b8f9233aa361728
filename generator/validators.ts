/**
 * Emits `validators.ts`: standalone validators for every named schema. `is_X` is the fast pass:
 * plain property reads and comparisons, no allocation, `false` at the first broken rule.
 * `check_X` is the full pass, run only when the fast one fails: it collects every issue with its
 * JSON Pointer, rule, limit and actual value. Every rule's test is stated once, in the keyword
 * table (keywords.ts), and both passes are written from it: the fast one as
 * `if (!(test)) return false`, the full one as `if (!(test)) out.push(issue)`.
 *
 * The fast pass of a message is one function: an object or array reached from one place only
 * (a list's action, its sections, their rows) is checked in place rather than through a call, so
 * the engine compiles one loop nest with no calls and no inlining budget to run out of. Parts
 * reached from many places (a footer, a header) keep their own function. The full pass, off the
 * valid path, keeps one function per node.
 *
 * A rule's strength is known here, from its `x-source` (sources.ts): a warning rule's issue is
 * pushed marked as a warning, and the fast pass checks it only when asked for a clean verdict
 * (`w`), so `is…` answers the error verdict and `validate…` stays one fast pass when nothing fires.
 *
 * Every string literal goes through JSON.stringify, never raw into the code.
 */
import { type Imports, Module, Names, lines, lit, ts } from "./code.ts";
import { type At, access, anyEqual, type Emit, isPresenceList, type Keyword, KEYWORD, partsOf, rulesAt, SCALAR_TYPES } from "./keywords.ts";
import { type NamedSchema, locationKey } from "./names.ts";
import { escapePointer, forEachNode } from "./graph/walk.ts";
import { type Json, type Location, type Schema, type SchemaSet, SchemaSetError, isSchema, nodeAt, resolveRef } from "./schema-set.ts";
import { rulePointer, strengthOf } from "./sources.ts";
import { PatternPlanner, type PatternNodes, where } from "./validator-patterns.ts";

const childPath = (p: string, key: string | number) => `${p} + ${lit(`/${typeof key === "number" ? key : escapePointer(key)}`)}`;
const NOT_OBJECT = (v: string) => `typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})`;

export interface Node {
  loc: Location;
  schema: Schema;
}

export type Kind = "object" | "array" | "union" | "scalar";

/** Names that generated code already uses at module level or as parameters: locals never take them. */
const TAKEN = new Set(["v", "w", "p", "out", "k", "rules", "unicode", "walk", "T", "undefined", "NaN", "Infinity", "arguments", "eval"]);
/** The module-level constants' spelling (`KEYS_3`): a kind, then the constant's number. */
const CONSTANT = /^(PATH|PATTERN|ENUM|KEYS|BRANCHES)_/;
const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof let new null return super switch this throw true try typeof var void while with yield await implements interface package private protected public static any boolean number string symbol object never unknown".split(" "),
);

/** Fresh local names within one emitted function: `action`, `sections`, `item`, `item2`, `i`, `i2`. */
class Scope {
  private readonly names = new Names([], (base, n) => `${base}${n}`);
  /** Whether the function checks its parts in place: a message's does; a part's own, which its message already holds, calls them. */
  constructor(readonly inline: boolean) {}

  fresh(hint: string): string {
    const base = hint.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(?=[0-9])/, "_");
    // A keyword, a module-level name or a constant's spelling gets a `_`: no local shadows one.
    return this.names.fresh(RESERVED.has(base) || TAKEN.has(base) || CONSTANT.test(base) ? `${base}_` : base);
  }
}

/** One rule to emit: its table entry, the part it checks, and where its test runs. */
interface Placed {
  k: Keyword;
  part?: string;
  at: At;
}

interface Fn {
  where: string;
  name: string;
  fast: string[];
  full: string[];
}

export class ValidatorEmitter implements PatternNodes {
  /** Functions and helpers in order of first use; a fast function is written only if something calls it. */
  private readonly functions: (Fn | string)[] = [];
  private readonly names = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly calledFast = new Set<string>();
  /** The file's imports (asked for in the order they are written) and its constants. */
  private readonly module = new Module();
  private readonly T = this.module.imports("./types.js").typeNamespace("T");
  private readonly issues = this.module.imports("./runtime/issues.js");
  private readonly validation: Imports;
  /** Each schema node's place, `<file>#<pointer>`, for naming a warning's rule. */
  private readonly locations = new Map<Schema, string>();
  /** How many places in the set reach each node (a property, an item, a branch, a `$ref`). */
  private readonly reached = new Map<string, number>();
  /** The nodes some union names as a branch: reached through its dispatch, never checked in place. */
  private readonly branches = new Set<string>();
  /** The nodes being checked in place on the way down: a node met again there is called, not expanded forever. */
  private readonly expanding = new Set<string>();
  private readonly patterns: PatternPlanner;

  constructor(
    private readonly set: SchemaSet,
    private readonly named: NamedSchema[],
  ) {
    for (const n of named) this.names.set(locationKey(n), n.name);
    for (const file of set.files) {
      forEachNode(file.schema, "", (node, pointer) => {
        this.locations.set(node, `${file.path}#${pointer}`);
        // A `$defs` entry or a file's root is a definition, not a use; every other node is reached where it stands.
        const definition = pointer === "" || /\/\$defs\/[^/]+$/.test(pointer);
        const target = typeof node.$ref === "string" ? this.deref({ loc: { file, pointer }, schema: node }) : definition ? undefined : { loc: { file, pointer } };
        if (!target) return;
        this.reached.set(locationKey(target.loc), (this.reached.get(locationKey(target.loc)) ?? 0) + 1);
        if (/\/(oneOf|anyOf)\/\d+$/.test(pointer)) this.branches.add(locationKey(target.loc));
      });
    }
    // The runtime's rules, unicode tests and walks are spelled out by the keyword table and the
    // pattern planner (`rules.minLength(…)`): imported under those names, whatever is used.
    for (const name of ["rules", "unicode"]) this.module.pin(this.module.imports(`./runtime/${name}.js`).namespace(name));
    this.validation = this.module.imports("./runtime/validation.js");
    this.module.pin(this.module.imports("./runtime/walk.js").namespace("walk"));
    this.patterns = new PatternPlanner(this, (name, what, body) => this.helper(name, what, body), (prefix, code) => this.constant(prefix, code));
  }

  emit(): string {
    const exports: string[] = [];
    for (const n of this.named) {
      const fn = this.functionFor(this.at(n), n.name);
      this.calledFast.add(fn);
      const label = n.schema.title ?? n.name;
      const type = `${this.T}.${n.name}`;
      // The schema's description is on the type (T.X); each function says what it does with it.
      const what = `a valid ${String(label).replace(/\*\//g, "*\\/")} ({@link ${type}})`;
      const [is, validate, assert] = ["is", "validate", "assert"].map((verb) => this.module.declare(`${verb}${n.name}`));
      const { validation, issues } = this;
      exports.push(ts`/** Whether \`value\` is ${what}: the error verdict (warnings alone do not make it false). Allocates nothing; never throws. */
export function ${is}(value: unknown): value is ${type} { return ${validation.value("guard")}(value, is_${fn}); }
/** Checks that \`value\` is ${what}, returning it typed with any warnings, or every issue with its path, rule and limit. */
export function ${validate}(value: unknown, options?: ${issues.type("ValidateOptions")}): ${issues.type("ValidationResult")}<${type}> { return ${validation.value("run")}(value, is_${fn}, check_${fn}, options); }
/** Throws a \`ValidationError\` carrying every issue unless \`value\` is ${what}. */
export function ${assert}(value: unknown): asserts value is ${type} { ${validation.value("assertValid")}(${validate}(value), ${lit(label)}); }`);
    }
    const issue = this.issues.type("ValidationIssue");
    const functions = this.functions.flatMap((f) => {
      if (typeof f === "string") return [f];
      const fast = this.calledFast.has(f.name) && `function is_${f.name}(v: any, w: boolean): boolean {\n${f.fast.join("\n")}\n}`;
      return lines([`// ${f.where}`, fast, `function check_${f.name}(v: any, p: string, out: ${issue}[]): void {\n${f.full.join("\n")}\n}`]);
    });
    // Blank lines apart: the constants, the exported functions, the checks.
    return this.module.render("", ["", ...this.module.constants.lines, "", ...exports, "", ...functions].join("\n"));
  }

  // ---------------------------------------------------------------- strength

  /** Whether the rule `keyword` (or one part of it) on schema node `s` is a warning. */
  private warns(s: Schema, keyword: string, part?: string): boolean {
    return this.set.sourced && strengthOf(this.set.sources, s, keyword, part) === "warning";
  }

  /** The statement that records an issue: a warning rule's issue is marked as one, with the rule's place. */
  private report(s: Schema, keyword: string, issue: string, part?: string): string {
    return this.warns(s, keyword, part) ? `out.push(rules.warning(${issue}, ${lit(this.ruleAt(s, keyword, part))}));` : `out.push(${issue});`;
  }

  /** Where a rule is in the schema set: `<file>#<JSON Pointer to the keyword>`, as the corpus names it. */
  private ruleAt(s: Schema, keyword: string, part?: string): string {
    const node = this.locations.get(s);
    if (node === undefined) throw new SchemaSetError(`a rule "${keyword}" on a node outside the schema set`);
    return `${node}${rulePointer(s, keyword, part)}`;
  }

  /** A fast-pass condition that refuses the value: a warning rule refuses only a clean verdict (`w`). */
  private refuses(s: Schema, keyword: string, broken: string, part?: string): string {
    return this.warns(s, keyword, part) ? `w && ${broken}` : broken;
  }

  /** A fast-pass condition that the value keeps: a warning rule is kept unless a clean verdict is asked. */
  private keeps(s: Schema, keyword: string, holds: string, part?: string): string {
    return this.warns(s, keyword, part) ? `(!w || ${holds})` : holds;
  }

  // ---------------------------------------------------------------- the keyword table's rules

  /** What the table's tests may ask of the emitter, for rules on node `node`. */
  private lend(node: Node): Emit {
    return {
      regex: (source) => this.constant("PATTERN", `new RegExp(${lit(source)}, "u")`),
      constant: (prefix, code) => this.constant(prefix, code),
      countAt: (v, path) => this.patterns.countAt(node, path, v),
    };
  }

  /** Each rule of `on` present on the node, once per part: its keyword, part, and where it tests. */
  private rules(node: Node, on: Keyword["on"], at: Omit<At, "arg" | "emit">, stage?: Keyword["stage"]): Placed[] {
    const emit = this.lend(node);
    return rulesAt(node.schema, on)
      .filter((k) => stage === undefined || k.stage === stage)
      .flatMap((k) => partsOf(k, node.schema[k.name]!).map(({ part, arg }) => ({ k, part, at: { ...at, arg, emit } })));
  }

  /** The fast-pass statements of `on` rules: each refuses the value when broken. */
  private fastRules(node: Node, on: Keyword["on"], at: Omit<At, "arg" | "emit">, stage?: Keyword["stage"]): string[] {
    return this.rules(node, on, at, stage).map(({ k, part, at }) => `if (${this.refuses(node.schema, k.name, not(k.test!(at)), part)}) return false;`);
  }

  /** The full-pass statements of `on` rules: each reports its issue when broken. */
  private fullRules(node: Node, on: Keyword["on"], at: Omit<At, "arg" | "emit">, p: string, label: string, stage?: Keyword["stage"]): string[] {
    return this.rules(node, on, at, stage).map(({ k, part, at }) => `if (${not(k.test!(at))}) ${this.report(node.schema, k.name, k.issue!({ ...at, p, label: lit(label) }), part)}`);
  }

  // ---------------------------------------------------------------- nodes

  at(loc: Location): Node {
    const schema = nodeAt(loc.file.schema, loc.pointer);
    if (!schema) throw new SchemaSetError(`nothing at ${loc.file.path}#${loc.pointer}`);
    return { loc, schema };
  }

  /** Follows `$ref`s; the label of the first node that has a title wins. */
  deref(node: Node): Node {
    let current = node;
    for (let hops = 0; typeof current.schema.$ref === "string"; hops++) {
      if (hops > 32) throw new SchemaSetError(`$ref loop at ${current.loc.file.path}#${current.loc.pointer}`);
      current = this.at(resolveRef(this.set, current.loc.file, current.schema.$ref));
    }
    return current;
  }

  child(node: Node, ...keys: (string | number)[]): Node {
    const pointer = node.loc.pointer + keys.map((k) => `/${escapePointer(String(k))}`).join("");
    return this.at({ file: node.loc.file, pointer });
  }

  private label(node: Node, fallback: string): string {
    const own = node.schema.title;
    if (typeof own === "string") return own;
    const target = this.deref(node).schema.title;
    return typeof target === "string" ? target : fallback;
  }

  kind(schema: Schema): Kind {
    if ((schema.oneOf || schema.anyOf) && !schema.type && !schema.properties) {
      const branches = (schema.oneOf ?? schema.anyOf) as Schema[];
      if (!isPresenceList(branches)) return "union";
    }
    const shaped = (shape: "object" | "array") => Object.keys(schema).some((k) => KEYWORD.get(k)?.shape === shape);
    // Without a `type`, an object's (or array's) keywords still make the node one, letting other types pass.
    if (schema.type === "object" || (schema.type === undefined && shaped("object"))) return "object";
    if (schema.type === "array" || (schema.type === undefined && shaped("array"))) return "array";
    return "scalar";
  }

  /** A module-level constant (regex, pattern segments, branch table), declared once. */
  private constant(prefix: string, code: string): string {
    // Numbered in the order they are declared, whatever their kind: `KEYS_1`, `PATTERN_2`.
    return this.module.constants.add(`${prefix}_${this.module.constants.lines.length + 1}`, code);
  }

  /** A module-level helper function, emitted once under `name`. */
  private helper(name: string, what: string, signatureAndBody: string): string {
    if (!this.used.has(name)) {
      this.used.add(name);
      this.functions.push(`// ${what}`, `function ${name}${signatureAndBody}`);
    }
    return name;
  }

  /** The function base name for an object, array, union or shared scalar node, emitting its pair on first use. */
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
    this.expanding.add(key);
    const kind = this.kind(target.schema);
    const fast =
      kind === "scalar" ? [`return ${this.scalarTest(target, "v")};`] : kind === "union" ? this.fastUnion(target, "v", name) : [...this.fastBody(target, "v", new Scope(!this.inPlace(key)), "return true;", name), "return true;"];
    this.expanding.delete(key);
    // After the functions and helpers of its parts, which writing it has emitted.
    this.functions.push({ where: where(target), name, fast, full: this.fullBody(target, name, label) });
    return name;
  }

  // ---------------------------------------------------------------- fast pass

  /**
   * Statements that `return false` when the value in variable `v` breaks the object or array `node` and fall through
   * when it keeps it; `skip` leaves early where the rest does not apply (a value of another type
   * under a node with no `type`).
   */
  private fastBody(node: Node, v: string, scope: Scope, skip: string, hint: string): string[] {
    return this.kind(node.schema) === "object" ? this.fastObject(node, v, scope, skip, hint) : this.fastArray(node, v, scope, skip, hint);
  }

  /** Statements that `return false` when `x` (a local or a property read) breaks `node`. */
  private fastCheck(node: Node, x: string, scope: Scope, hint: string): string[] {
    const target = this.deref(node);
    const key = locationKey(target.loc);
    const kind = this.kind(target.schema);
    if (kind === "scalar" && (target === node || this.reached.get(key) === 1)) return [`if (${not(this.scalarTest(target, x))}) return false;`];
    // Checked in place: an object or array reached from here alone, not already being expanded above.
    if ((kind === "object" || kind === "array") && scope.inline && this.inPlace(key) && !this.expanding.has(key)) {
      this.functionFor(node, hint); // its full pass, and its fast one for an export that wants it
      const typed = target.schema.type !== undefined;
      const label = typed ? "" : scope.fresh("shape");
      this.expanding.add(key);
      const body = this.fastBody(target, x, scope, typed ? "" : `break ${label};`, hint);
      this.expanding.delete(key);
      return typed ? body : [`${label}: {`, ...body, `}`];
    }
    const fn = this.functionFor(node, hint);
    this.calledFast.add(fn);
    return [`if (!is_${fn}(${x}, w)) return false;`];
  }

  /**
   * Whether an object or array is checked in place by its parent: reached from one place only, and
   * not as a union's branch. Its own fast function (for its export) then calls its parts, so each
   * part's checks are written at most twice: in its function and in its message's.
   */
  private inPlace(key: string): boolean {
    return this.reached.get(key) === 1 && !this.branches.has(key);
  }

  private fastObject(node: Node, v: string, scope: Scope, skip: string, hint: string): string[] {
    const s = node.schema;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const keys = Object.keys(properties);
    const required = (s.required ?? []) as string[];
    const open = keys.length === 0 && s.additionalProperties === undefined;
    const out: string[] = [`if (${NOT_OBJECT(v)}) ${s.type === "object" ? "return false;" : skip}`];
    // Errors and warnings apart: a required property only observed refuses only a clean verdict.
    for (const warning of [false, true]) {
      const group = required.filter((k) => this.warns(s, "required", k) === warning);
      const missing = group.map((k) => `${v}${access(k)} === undefined`).join(" || ");
      if (group.length > 0) out.push(`if (${warning ? `w && (${missing})` : missing}) return false;`);
    }
    const known = keys.map((k) => `k !== ${lit(k)}`).join(" && ") || "true";
    const extra = s.additionalProperties;
    if (extra === false) {
      // A known key's value is read only for an unknown key: `undefined` values are what JSON leaves out.
      out.push(`for (const k in ${v}) if (${this.refuses(s, "additionalProperties", `${known} && ${v}[k] !== undefined`)}) return false;`);
    } else if (isSchema(extra)) {
      const x = scope.fresh("value");
      out.push(`for (const k in ${v}) if (${known}) {`, `const ${x} = ${v}[k];`, ...this.fastCheck(this.child(node, "additionalProperties"), x, scope, `${hint}_value`), `}`);
    }
    const names = s.propertyNames as Schema | undefined;
    if (names && Array.isArray(names.enum)) out.push(`for (const k in ${v}) if (${this.refuses(names, "enum", `!(${anyEqual("k", names.enum)})`)}) return false;`);
    if (open) out.push(`if (!walk.isJson(${v})) return false;`);
    out.push(...this.fastRules(node, "object", { x: v }, "before"));
    for (const k of keys) {
      const child = this.child(node, "properties", k);
      // Only an error-strength `required` lets the fast pass skip the presence test: a warning one may be absent.
      const isRequired = required.includes(k) && !this.warns(s, "required", k);
      const x = scope.fresh(k);
      const checks = this.fastCheck(child, x, scope, `${hint}_${k}`);
      out.push(`const ${x} = ${v}${access(k)};`);
      if (isRequired) out.push(...checks);
      else if (checks.length === 1) out.push(checks[0]!.replace(/^if \(/, `if (${x} !== undefined && `));
      else out.push(`if (${x} !== undefined) {`, ...checks, `}`);
    }
    out.push(...this.fastRules(node, "object", { x: v }, "after"));
    out.push(...this.patterns.fastUnique(node, v, (path) => this.warns(s, "x-uniqueValues", path)));
    // dependentSchemas: when the key is present, the whole object must also satisfy the subschema.
    for (const key of Object.keys((s.dependentSchemas ?? {}) as Schema)) {
      const checks = this.fastCheck(this.child(node, "dependentSchemas", key), v, scope, `${hint}_if_${key}`);
      out.push(`if (${v}${access(key)} !== undefined) {`, ...checks, `}`);
    }
    return out;
  }

  private fastArray(node: Node, v: string, scope: Scope, skip: string, hint: string): string[] {
    const s = node.schema;
    const out: string[] = [`if (!Array.isArray(${v})) ${s.type === "array" ? "return false;" : skip}`, ...this.fastRules(node, "array", { x: v })];
    const i = scope.fresh("i");
    const item = scope.fresh(singular(hint));
    // Each item's own checks and the rules about items side by side (x-requiredIfMultiple, x-uniformItems): one loop.
    const itemRules = this.fastRules(node, "item", { x: item, array: v, index: i });
    const checks = isSchema(s.items) ? this.fastCheck(this.child(node, "items"), item, scope, `${hint}_item`) : [];
    if (checks.length + itemRules.length > 0) out.push(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`, `const ${item} = ${v}[${i}];`, ...checks, ...itemRules, `}`);
    return out;
  }

  private fastUnion(node: Node, v: string, hint: string): string[] {
    const s = node.schema;
    const keyword = s.oneOf ? "oneOf" : "anyOf";
    const branches = (s[keyword] as Schema[]).map((_, i) => this.child(node, keyword, i));
    const discriminator = s["x-discriminator"];
    const call = (branch: Node, suffix: string, clean: string) => {
      const fn = this.functionFor(branch, `${hint}_${suffix}`);
      this.calledFast.add(fn);
      return `is_${fn}(${v}, ${clean})`;
    };
    if (typeof discriminator === "string") {
      return [
        `if (${NOT_OBJECT(v)}) return false;`,
        `switch (${v}${access(discriminator)}) {`,
        ...this.discriminated(node, discriminator, hint).map((c) => `case ${lit(c.value)}: return ${call(c.branch, c.value, "w")};`),
        `default: return false;`,
        `}`,
      ];
    }
    // oneOf: exactly one branch passes its errors, and (for a clean verdict) that one has no warnings.
    if (keyword === "oneOf") {
      return [`let n = 0, clean = 0;`, ...branches.map((b, i) => `if (${call(b, String(i), "false")}) { n++; if (!w || ${call(b, String(i), "true")}) clean++; }`), `return n === 1 && clean === 1;`];
    }
    return [`return ${branches.map((b, i) => call(b, String(i), "w")).join(" || ")};`];
  }

  /** A discriminated union's branches, each with the const its tag property holds. */
  private discriminated(node: Node, discriminator: string, hint: string): { value: string; branch: Node }[] {
    const keyword = node.schema.oneOf ? "oneOf" : "anyOf";
    return (node.schema[keyword] as Schema[]).map((_, i) => {
      const branch = this.child(node, keyword, i);
      const target = this.deref(branch);
      const value = (target.schema.properties as Record<string, Schema> | undefined)?.[discriminator]?.const;
      if (typeof value !== "string" || !((target.schema.required ?? []) as string[]).includes(discriminator)) {
        throw new SchemaSetError(`${node.loc.file.path}#${node.loc.pointer}: branch ${i} lacks a required "${discriminator}" const (${hint})`);
      }
      return { value, branch };
    });
  }

  /** An expression true when `x` satisfies the scalar node `s`: its values, its type, then its type's rules. */
  private scalarTest(node: Node, x: string): string {
    const s = node.schema;
    const keep = ({ k, part, at }: Placed) => this.keeps(s, k.name, k.test!(at), part);
    const parts = this.rules(node, "value", { x }).map(keep);
    if (s.type === undefined) return parts.length === 0 ? `walk.isJson(${x})` : parts.join(" && ");
    const on = valuesOf(s.type);
    parts.push(SCALAR_TYPES[String(s.type)]!.test(x), ...(on ? this.rules(node, on, { x }).map(keep) : []));
    return parts.join(" && ");
  }

  // ---------------------------------------------------------------- full pass

  private fullBody(node: Node, name: string, label: string): string[] {
    switch (this.kind(node.schema)) {
      case "object":
        return this.fullObject(node, name, label);
      case "array":
        return this.fullArray(node, name, label);
      case "union":
        return this.fullUnion(node, name, label);
      default:
        return [this.scalarCollect(node, "v", "p", label)];
    }
  }

  /** Statements that push every issue of `x` (at path expression `p`) against `node`. */
  private collect(node: Node, x: string, p: string, hint: string, label: string): string {
    const target = this.deref(node);
    if (this.kind(target.schema) !== "scalar" || target !== node) return `check_${this.functionFor(node, hint)}(${x}, ${p}, out);`;
    return this.scalarCollect(target, x, p, label);
  }

  private scalarCollect(node: Node, x: string, p: string, label: string): string {
    const s = node.schema;
    const values = this.fullRules(node, "value", { x }, p, label);
    // A value rule (const, enum) says all there is to say: its issue names the values allowed.
    if (values.length > 0) return values.join("\n");
    if (s.type === undefined) return `walk.jsonIssues(${x}, ${p}, ${lit(label)}, out);`;
    const type = SCALAR_TYPES[String(s.type)]!;
    const on = valuesOf(s.type);
    const checks = on ? this.fullRules(node, on, { x }, p, label) : [];
    const wrongType = `out.push(rules.type(${p}, ${lit(label)}, ${lit(type.expected)}, ${x}));`;
    return checks.length === 0 ? `if (!(${type.test(x)})) ${wrongType}` : `if (!(${type.test(x)})) ${wrongType}\nelse {\n${checks.join("\n")}\n}`;
  }

  private fullObject(node: Node, name: string, label: string): string[] {
    const s = node.schema;
    const L = lit(label);
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const keys = Object.keys(properties);
    const required = (s.required ?? []) as string[];
    const open = keys.length === 0 && s.additionalProperties === undefined;
    const out: string[] = [s.type === "object" ? `if (${NOT_OBJECT("v")}) { out.push(rules.type(p, ${L}, "an object", v)); return; }` : `if (${NOT_OBJECT("v")}) return;`];
    for (const k of required) out.push(`if (v${access(k)} === undefined) ${this.report(s, "required", `rules.required(p, ${L}, ${lit(k)})`, k)}`);
    const known = keys.map((k) => `k !== ${lit(k)}`).join(" && ") || "true";
    const extra = s.additionalProperties;
    if (extra === false) {
      // The known keys go with the issue, so a misspelling can name the key that was meant.
      const knownKeys = this.constant("KEYS", lit(keys));
      // Every loop of the full pass stops at the issue cap: a million unknown keys give a thousand issues.
      out.push(`for (const k in v) if (${known} && v[k] !== undefined) { if (out.length >= walk.MAX_ISSUES) break; ${this.report(s, "additionalProperties", `rules.additionalProperty(p + "/" + walk.escape(k), ${L}, k, ${knownKeys})`)} }`);
    } else if (isSchema(extra)) {
      const collect = this.collect(this.child(node, "additionalProperties"), "x", `p + "/" + walk.escape(k)`, `${name}_value`, `${label} value`);
      out.push(`for (const k in v) if (${known}) { if (out.length >= walk.MAX_ISSUES) break; const x = v[k]; ${collect} }`);
    }
    const names = s.propertyNames as Schema | undefined;
    if (names && Array.isArray(names.enum)) {
      const allowed = this.constant("ENUM", lit(names.enum));
      out.push(`for (const k in v) if (!(${anyEqual("k", names.enum)})) { if (out.length >= walk.MAX_ISSUES) break; ${this.report(names, "enum", `rules.propertyName(p + "/" + walk.escape(k), ${L}, ${allowed}, k)`)} }`);
    }
    if (open) out.push(`walk.jsonIssues(v, p, ${L}, out);`);
    out.push(...this.fullRules(node, "object", { x: "v" }, "p", label, "before"));
    if (keys.length > 0) out.push("let x: any;");
    for (const k of keys) {
      const child = this.child(node, "properties", k);
      const collect = this.collect(child, "x", childPath("p", k), `${name}_${k}`, this.label(child, `${label} ${k.replace(/_/g, " ")}`));
      const other = this.otherKind(child, "x", childPath("p", k), label);
      out.push(`x = v${access(k)};`, other ? `if (x !== undefined) { if (${other.test}) ${other.report} else { ${collect} } }` : `if (x !== undefined) { ${collect} }`);
    }
    out.push(...this.fullRules(node, "object", { x: "v" }, "p", label, "after"));
    out.push(...this.patterns.fullUnique(node, (path) => (this.warns(s, "x-uniqueValues", path) ? this.ruleAt(s, "x-uniqueValues", path) : undefined)));
    for (const key of Object.keys((s.dependentSchemas ?? {}) as Schema)) {
      out.push(`if (v${access(key)} !== undefined) { ${this.collect(this.child(node, "dependentSchemas", key), "v", "p", `${name}_if_${key}`, label)} }`);
    }
    return out;
  }

  /**
   * One mistake, one issue: a property holding an object of one kind (a required `type` const,
   * such as the text header a list takes) given an object of another kind is reported once, at the
   * property, rather than as the other kind's missing and unknown keys and its wrong `type`.
   */
  private otherKind(child: Node, x: string, p: string, parentLabel: string): { test: string; report: string } | undefined {
    const target = this.deref(child);
    if (this.kind(target.schema) !== "object") return undefined;
    const tag = (target.schema.properties as Record<string, Schema> | undefined)?.type;
    if (!tag || typeof tag.const !== "string" || !((target.schema.required ?? []) as string[]).includes("type")) return undefined;
    const test = `typeof ${x} === "object" && ${x} !== null && typeof ${x}.type === "string" && ${x}.type !== ${lit(tag.const)}`;
    const issue = `rules.otherKind(${p}, ${lit(parentLabel)}, ${lit(this.label(child, "value"))}, ${lit(tag.const)}, ${x}.type)`;
    return { test, report: this.report(tag, "const", issue) };
  }

  private fullArray(node: Node, name: string, label: string): string[] {
    const s = node.schema;
    const L = lit(label);
    const out: string[] = [s.type === "array" ? `if (!Array.isArray(v)) { out.push(rules.type(p, ${L}, "an array", v)); return; }` : `if (!Array.isArray(v)) return;`];
    out.push(...this.fullRules(node, "array", { x: "v" }, "p", label));
    let itemLabel = `${label} item`;
    if (isSchema(s.items)) {
      const item = this.child(node, "items");
      itemLabel = this.label(item, itemLabel);
      out.push(
        `for (let i = 0; i < v.length && out.length < walk.MAX_ISSUES; i++) {`,
        `if (!(i in v)) { out.push(rules.hole(p + "/" + i, ${L}, i)); continue; }`,
        `const x = v[i]; ${this.collect(item, "x", `p + "/" + i`, `${name}_item`, itemLabel)}`,
        `}`,
      );
    }
    // Each rule about items in its own loop, so the issues come rule by rule.
    for (const rule of this.fullRules(node, "item", { x: "v[i]", array: "v", index: "i" }, `p + "/" + i`, itemLabel)) {
      out.push(`for (let i = 0; i < v.length && out.length < walk.MAX_ISSUES; i++) { ${rule} }`);
    }
    return out;
  }

  private fullUnion(node: Node, name: string, label: string): string[] {
    const s = node.schema;
    const L = lit(label);
    const keyword = s.oneOf ? "oneOf" : "anyOf";
    const discriminator = s["x-discriminator"];
    if (typeof discriminator === "string") {
      const cases = this.discriminated(node, discriminator, name).map((c) => ({ value: c.value, fn: this.functionFor(c.branch, `${name}_${c.value}`) }));
      const allowed = this.constant("ENUM", lit(cases.map((c) => c.value)));
      const d = `v${access(discriminator)}`;
      return [
        `if (${NOT_OBJECT("v")}) { out.push(rules.type(p, ${L}, "an object", v)); return; }`,
        `switch (${d}) {`,
        ...cases.map((c) => `case ${lit(c.value)}: check_${c.fn}(v, p, out); return;`),
        `case undefined: out.push(rules.required(p, ${L}, ${lit(discriminator)})); return;`,
        `default: out.push(rules.discriminator(${childPath("p", discriminator)}, ${L}, ${allowed}, ${d}));`,
        `}`,
      ];
    }
    const table = (s[keyword] as Schema[]).map((_, i) => {
      const branch = this.child(node, keyword, i);
      const fn = this.functionFor(branch, `${name}_${i}`);
      this.calledFast.add(fn);
      const required = lit(this.deref(branch).schema.required ?? []);
      return `{ check: is_${fn}, collect: check_${fn}, required: ${required}, label: ${lit(this.label(branch, `form ${i + 1}`))} }`;
    });
    const branchTable = this.constant("BRANCHES", `[${table.join(", ")}] as const`);
    return [`${this.validation.value("unionIssues")}(v, p, ${L}, ${branchTable}, ${keyword === "oneOf"}, out);`];
  }
}

const INVERSE: Record<string, string> = { "===": "!==", "!==": "===", "<": ">=", ">=": "<", ">": "<=", "<=": ">" };

/**
 * The negation of a test, as a person writes it: `a.length < 1` for `a.length >= 1`, where the test
 * is one comparison (numbers and strings: never NaN here, so the inverse is exact); `!(…)` otherwise.
 */
function not(test: string): string {
  const parts = test.split(/ (===|!==|>=|<=|<|>) /);
  const simple = parts.length === 3 && parts.every((part) => !/[&|?!()"]/.test(part) || /^"[^"]*"$/.test(part));
  return simple ? `${parts[0]} ${INVERSE[parts[1]!]} ${parts[2]}` : `!(${test})`;
}

/** Which of the table's rules a scalar type takes: string rules, number rules, or none (booleans). */
function valuesOf(type: Json): "string" | "number" | undefined {
  if (typeof type !== "string" || !SCALAR_TYPES[type]) throw new SchemaSetError(`unsupported scalar type ${lit(type)}`);
  return type === "string" ? "string" : type === "boolean" ? undefined : "number";
}

/** The name of one item of an array hinted as `…_sections`: `section`; otherwise `item`. */
function singular(hint: string): string {
  const last = hint.split("_").pop() ?? "";
  return /^[a-z]+s$/.test(last) && last.length > 3 ? last.slice(0, -1) : "item";
}

export function emitValidators(set: SchemaSet, named: NamedSchema[]): string {
  return new ValidatorEmitter(set, named).emit();
}
