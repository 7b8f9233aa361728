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
 * The emitter reads the resolved schema graph (graph/): it switches on each node's kind, follows
 * a reference to its target, and takes each node's tests from its `checks` (the keyword table's
 * entries that apply, with their arguments and rules). A rule's strength comes with it, from its
 * `x-source`: a warning rule's issue is pushed marked as a warning, and the fast pass checks it
 * only when asked for a clean verdict (`w`), so `is…` answers the error verdict and `validate…`
 * stays one fast pass when nothing fires.
 *
 * The module is written with code.ts: its imports follow from use (the runtime namespaces the
 * table spells out by name are pinned), its constants are `module.constants`, and every string
 * literal goes through JSON.stringify, never raw into the code.
 */
import { type Imports, Module, Names, lines, lit, ts } from "./code.ts";
import type { SchemaGraph } from "./graph/build.ts";
import type { ArrayNode, BooleanNode, Check, GraphNode, NumberNode, ObjectNode, Rule, StringNode, UnionNode } from "./graph/nodes.ts";
import { resolved } from "./graph/query.ts";
import { ruleOf } from "./graph/rules.ts";
import { escapePointer } from "./graph/walk.ts";
import { type At, access, anyEqual, type Emit, type Keyword, SCALAR_TYPES } from "./keywords.ts";
import { SchemaSetError } from "./schema-set.ts";
import { PatternPlanner } from "./validator-patterns.ts";

const childPath = (p: string, key: string | number) => `${p} + ${lit(`/${typeof key === "number" ? key : escapePointer(key)}`)}`;
const NOT_OBJECT = (v: string) => `typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})`;

/** A node as the validators see it: what a chain of references ends at. */
type Target = Exclude<GraphNode, { kind: "ref" }>;
/** A node checked by a test expression rather than a function body of its own. */
type Scalar = Exclude<Target, ObjectNode | ArrayNode | UnionNode>;
/** A node checked statement by statement, in place or in a function of its own. */
type Shape = ObjectNode | ArrayNode;

const isScalar = (node: Target): node is Scalar => node.kind !== "object" && node.kind !== "array" && node.kind !== "union";

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

/** One test to emit: the check (its table entry, argument and rule) and where its test runs. */
interface Placed {
  check: Check;
  at: At;
}

interface Fn {
  where: string;
  name: string;
  fast: string[];
  full: string[];
}

export class ValidatorEmitter {
  /** Functions and helpers in order of first use; a fast function is written only if something calls it. */
  private readonly functions: (Fn | string)[] = [];
  /** The named types' names: a type's functions are `is_<name>` and `check_<name>`. */
  private readonly typeNames = new Map<GraphNode, string>();
  /** Each node's function base name, once its functions are written. */
  private readonly written = new Map<GraphNode, string>();
  /** The functions' base names and the helpers' names; a base taken gets a `_` more. */
  private readonly functionNames = new Names([], (base, n) => base + "_".repeat(n - 1));
  private readonly calledFast = new Set<string>();
  /** The file's imports (asked for in the order they are written) and its constants. */
  private readonly module = new Module();
  private readonly T = this.module.imports("./types.js").typeNamespace("T");
  private readonly issues = this.module.imports("./runtime/issues.js");
  private readonly validation: Imports;
  /** How many places in the set reach each node (a property, an item, a branch, a `$ref`). */
  private readonly reached = new Map<GraphNode, number>();
  /** The nodes some union names as a branch: reached through its dispatch, never checked in place. */
  private readonly branches = new Set<GraphNode>();
  /** The nodes being checked in place on the way down: a node met again there is called, not expanded forever. */
  private readonly expanding = new Set<GraphNode>();
  private readonly patterns: PatternPlanner;

  constructor(private readonly graph: SchemaGraph) {
    for (const n of graph.named) this.typeNames.set(n, n.name);
    for (const node of graph.nodes.values()) {
      // A `$defs` entry or a file's root is a definition, not a use; every other node is reached where it stands.
      const definition = node.loc.pointer === "" || /\/\$defs\/[^/]+$/.test(node.loc.pointer);
      const target = node.kind === "ref" ? resolved(node) : definition ? undefined : node;
      if (target) this.reached.set(target, (this.reached.get(target) ?? 0) + 1);
      const branches = node.kind === "union" ? node.branches : node.kind === "object" ? (node.alternatives?.branches ?? []) : [];
      for (const branch of branches) this.branches.add(resolved(branch));
    }
    // The runtime's rules, unicode tests and walks are spelled out by the keyword table and the
    // pattern planner (`rules.minLength(…)`): imported under those names, whatever is used.
    for (const name of ["rules", "unicode"]) this.module.pin(this.module.imports(`./runtime/${name}.js`).namespace(name));
    this.validation = this.module.imports("./runtime/validation.js");
    this.module.pin(this.module.imports("./runtime/walk.js").namespace("walk"));
    this.patterns = new PatternPlanner((name, what, body) => this.helper(name, what, body), (prefix, code) => this.constant(prefix, code));
  }

  emit(): string {
    const exports: string[] = [];
    for (const n of this.graph.named) {
      const fn = this.functionFor(n, n.name);
      this.calledFast.add(fn);
      const label = n.title ?? n.name;
      const type = `${this.T}.${n.name}`;
      // The schema's description is on the type (T.X); each function says what it does with it.
      const what = `a valid ${label.replace(/\*\//g, "*\\/")} ({@link ${type}})`;
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

  /** Whether the rule `keyword` (or one part of it) on `node` is a warning. */
  private warns(node: GraphNode, keyword: string, part?: string): boolean {
    return isWarning(ruleOf(node, keyword, part));
  }

  /** The statement that records an issue: a warning rule's issue is marked as one, with the rule's place. */
  private report(node: GraphNode, rule: Rule | undefined, issue: string): string {
    return rule && isWarning(rule) ? `out.push(rules.warning(${issue}, ${lit(ruleAt(node, rule))}));` : `out.push(${issue});`;
  }

  // ---------------------------------------------------------------- the keyword table's rules

  /** What the table's tests may ask of the emitter, for rules on node `node`. */
  private lend(node: GraphNode): Emit {
    return {
      regex: (source) => this.constant("PATTERN", `new RegExp(${lit(source)}, "u")`),
      constant: (prefix, code) => this.constant(prefix, code),
      countAt: (v, path) => this.patterns.countAt(node, path, v),
    };
  }

  /** The node's checks about `on` (of one stage, for an object's): each with where its test runs. */
  private placed(node: GraphNode, on: Keyword["on"], at: Omit<At, "arg" | "emit">, stage?: Keyword["stage"]): Placed[] {
    const emit = this.lend(node);
    return node.checks.filter((c) => c.keyword.on === on && (stage === undefined || c.keyword.stage === stage)).map((check) => ({ check, at: { ...at, arg: check.arg, emit } }));
  }

  /** The fast-pass statements of `on` rules: each refuses the value when broken. */
  private fastRules(node: GraphNode, on: Keyword["on"], at: Omit<At, "arg" | "emit">, stage?: Keyword["stage"]): string[] {
    return this.placed(node, on, at, stage).map(({ check, at }) => `if (${refuses(check.rule, not(check.keyword.test!(at)))}) return false;`);
  }

  /** The full-pass statements of `on` rules: each reports its issue when broken. */
  private fullRules(node: GraphNode, on: Keyword["on"], at: Omit<At, "arg" | "emit">, p: string, label: string, stage?: Keyword["stage"]): string[] {
    return this.placed(node, on, at, stage).map(({ check, at }) => `if (${not(check.keyword.test!(at))}) ${this.report(node, check.rule, check.keyword.issue!({ ...at, p, label: lit(label) }))}`);
  }

  // ---------------------------------------------------------------- nodes

  /** A node's own title, else the title of the node its references end at, else `fallback`. */
  private label(node: GraphNode, fallback: string): string {
    return node.title ?? resolved(node).title ?? fallback;
  }

  /** A module-level constant (regex, pattern segments, branch table), declared once. */
  private constant(prefix: string, code: string): string {
    // Numbered in the order they are declared, whatever their kind: `KEYS_1`, `PATTERN_2`.
    return this.module.constants.add(`${prefix}_${this.module.constants.lines.length + 1}`, code);
  }

  /** A module-level helper function, emitted once under `name`. */
  private helper(name: string, what: string, signatureAndBody: string): string {
    if (!this.functionNames.has(name)) {
      this.functionNames.fresh(name);
      this.functions.push(`// ${what}`, `function ${name}${signatureAndBody}`);
    }
    return name;
  }

  /** The function base name for an object, array, union or shared scalar node, emitting its pair on first use. */
  private functionFor(node: GraphNode, hint: string): string {
    const target = resolved(node);
    const written = this.written.get(target);
    if (written) return written;
    const name = this.functionNames.fresh(this.typeNames.get(target) ?? hint.replace(/[^A-Za-z0-9_]/g, "_"));
    this.written.set(target, name);
    const label = this.label(node, hint);
    this.expanding.add(target);
    const fast = isScalar(target)
      ? [`return ${this.scalarTest(target, "v")};`]
      : target.kind === "union"
        ? this.fastUnion(target, "v", name)
        : [...this.fastBody(target, "v", new Scope(!this.inPlace(target)), "return true;", name), "return true;"];
    this.expanding.delete(target);
    // After the functions and helpers of its parts, which writing it has emitted.
    this.functions.push({ where: target.where, name, fast, full: this.fullBody(target, name, label) });
    return name;
  }

  // ---------------------------------------------------------------- fast pass

  /**
   * Statements that `return false` when the value in variable `v` breaks the object or array `node` and fall through
   * when it keeps it; `skip` leaves early where the rest does not apply (a value of another type
   * under a node with no `type`).
   */
  private fastBody(node: Shape, v: string, scope: Scope, skip: string, hint: string): string[] {
    return node.kind === "object" ? this.fastObject(node, v, scope, skip, hint) : this.fastArray(node, v, scope, skip, hint);
  }

  /** Statements that `return false` when `x` (a local or a property read) breaks `node`. */
  private fastCheck(node: GraphNode, x: string, scope: Scope, hint: string): string[] {
    const target = resolved(node);
    if (isScalar(target) && (target === node || this.reached.get(target) === 1)) return [`if (${not(this.scalarTest(target, x))}) return false;`];
    // Checked in place: an object or array reached from here alone, not already being expanded above.
    if ((target.kind === "object" || target.kind === "array") && scope.inline && this.inPlace(target) && !this.expanding.has(target)) {
      this.functionFor(node, hint); // its full pass, and its fast one for an export that wants it
      const typed = target.type !== undefined;
      const label = typed ? "" : scope.fresh("shape");
      this.expanding.add(target);
      const body = this.fastBody(target, x, scope, typed ? "" : `break ${label};`, hint);
      this.expanding.delete(target);
      return typed ? body : [ts`${label}: {\n${body}\n}`];
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
  private inPlace(node: GraphNode): boolean {
    return this.reached.get(node) === 1 && !this.branches.has(node);
  }

  private fastObject(node: ObjectNode, v: string, scope: Scope, skip: string, hint: string): string[] {
    const keys = node.properties.map((p) => p.key);
    const open = keys.length === 0 && node.additionalProperties === undefined;
    const out: string[] = [`if (${NOT_OBJECT(v)}) ${node.type === "object" ? "return false;" : skip}`];
    // Errors and warnings apart: a required property only observed refuses only a clean verdict.
    for (const warning of [false, true]) {
      const group = node.required.filter((k) => this.warns(node, "required", k) === warning);
      const missing = group.map((k) => `${v}${access(k)} === undefined`).join(" || ");
      if (group.length > 0) out.push(`if (${warning ? `w && (${missing})` : missing}) return false;`);
    }
    const known = keys.map((k) => `k !== ${lit(k)}`).join(" && ") || "true";
    const extra = node.additionalProperties;
    if (extra === false) {
      // A known key's value is read only for an unknown key: `undefined` values are what JSON leaves out.
      out.push(`for (const k in ${v}) if (${refuses(ruleOf(node, "additionalProperties"), `${known} && ${v}[k] !== undefined`)}) return false;`);
    } else if (extra) {
      const x = scope.fresh("value");
      out.push(ts`for (const k in ${v}) if (${known}) {\nconst ${x} = ${v}[k];\n${this.fastCheck(extra, x, scope, `${hint}_value`)}\n}`);
    }
    const names = node.propertyNames;
    if (names) out.push(`for (const k in ${v}) if (${refuses(ruleOf(names, names.keyword), `!(${anyEqual("k", names.values)})`)}) return false;`);
    if (open) out.push(`if (!walk.isJson(${v})) return false;`);
    out.push(...this.fastRules(node, "object", { x: v }, "before"));
    for (const { key, node: child, required } of node.properties) {
      // Only an error-strength `required` lets the fast pass skip the presence test: a warning one may be absent.
      const isRequired = required && !this.warns(node, "required", key);
      const x = scope.fresh(key);
      const checks = this.fastCheck(child, x, scope, `${hint}_${key}`);
      out.push(`const ${x} = ${v}${access(key)};`);
      // One test of an optional property takes the presence test into its condition.
      if (isRequired) out.push(...checks);
      else if (checks.length === 1 && checks[0]!.startsWith("if (")) out.push(checks[0]!.replace(/^if \(/, `if (${x} !== undefined && `));
      else out.push(ts`if (${x} !== undefined) {\n${checks}\n}`);
    }
    out.push(...this.fastRules(node, "object", { x: v }, "after"));
    out.push(...this.patterns.fastUnique(node, v, (path) => this.warns(node, "x-uniqueValues", path)));
    // dependentSchemas: when the key is present, the whole object must also satisfy the subschema.
    for (const { key, node: dependent } of node.dependents) {
      const checks = this.fastCheck(dependent, v, scope, `${hint}_if_${key}`);
      out.push(ts`if (${v}${access(key)} !== undefined) {\n${checks}\n}`);
    }
    return out;
  }

  private fastArray(node: ArrayNode, v: string, scope: Scope, skip: string, hint: string): string[] {
    const out: string[] = [`if (!Array.isArray(${v})) ${node.type === "array" ? "return false;" : skip}`, ...this.fastRules(node, "array", { x: v })];
    const i = scope.fresh("i");
    const item = scope.fresh(singular(hint));
    // Each item's own checks and the rules about items side by side (x-requiredIfMultiple, x-uniformItems): one loop.
    const itemRules = this.fastRules(node, "item", { x: item, array: v, index: i });
    const checks = node.items ? this.fastCheck(node.items, item, scope, `${hint}_item`) : [];
    if (checks.length + itemRules.length > 0) out.push(ts`for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\n${[`const ${item} = ${v}[${i}];`, ...checks, ...itemRules]}\n}`);
    return out;
  }

  private fastUnion(node: UnionNode, v: string, hint: string): string[] {
    const call = (branch: GraphNode, suffix: string, clean: string) => {
      const fn = this.functionFor(branch, `${hint}_${suffix}`);
      this.calledFast.add(fn);
      return `is_${fn}(${v}, ${clean})`;
    };
    if (node.discriminator) {
      const cases = this.discriminated(node, hint).map((c) => `case ${lit(c.value)}: return ${call(c.branch, c.value, "w")};`);
      return [ts`if (${NOT_OBJECT(v)}) return false;\nswitch (${v}${access(node.discriminator.property)}) {\n${cases}\ndefault: return false;\n}`];
    }
    // oneOf: exactly one branch passes its errors, and (for a clean verdict) that one has no warnings.
    if (node.keyword === "oneOf") {
      return [`let n = 0, clean = 0;`, ...node.branches.map((b, i) => `if (${call(b, String(i), "false")}) { n++; if (!w || ${call(b, String(i), "true")}) clean++; }`), `return n === 1 && clean === 1;`];
    }
    return [`return ${node.branches.map((b, i) => call(b, String(i), "w")).join(" || ")};`];
  }

  /** A discriminated union's branches, each with the const its tag property holds (the property required). */
  private discriminated(node: UnionNode, hint: string): { value: string; branch: GraphNode }[] {
    const { property, values } = node.discriminator!;
    return node.branches.map((branch, i) => {
      const value = values[i];
      const target = resolved(branch);
      const tag = target.kind === "object" ? target.properties.find((p) => p.key === property) : undefined;
      if (typeof value !== "string" || !tag?.required) throw new SchemaSetError(`${node.where}: branch ${i} lacks a required "${property}" const (${hint})`);
      return { value, branch };
    });
  }

  /** An expression true when `x` satisfies the scalar node `node`: its values, its type, then its type's rules. */
  private scalarTest(node: Scalar, x: string): string {
    const keep = ({ check, at }: Placed) => keeps(check.rule, check.keyword.test!(at));
    const parts = this.placed(node, "value", { x }).map(keep);
    const typed = typedScalar(node);
    if (!typed) return parts.length === 0 ? `walk.isJson(${x})` : parts.join(" && ");
    parts.push(SCALAR_TYPES[typed.type!]!.test(x), ...(typed.kind === "boolean" ? [] : this.placed(typed, typed.kind, { x }).map(keep)));
    return parts.join(" && ");
  }

  // ---------------------------------------------------------------- full pass

  private fullBody(node: Target, name: string, label: string): string[] {
    switch (node.kind) {
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
  private collect(node: GraphNode, x: string, p: string, hint: string, label: string): string {
    const target = resolved(node);
    if (!isScalar(target) || target !== node) return `check_${this.functionFor(node, hint)}(${x}, ${p}, out);`;
    return this.scalarCollect(target, x, p, label);
  }

  private scalarCollect(node: Scalar, x: string, p: string, label: string): string {
    const values = this.fullRules(node, "value", { x }, p, label);
    // A value rule (const, enum) says all there is to say: its issue names the values allowed.
    if (values.length > 0) return values.join("\n");
    const typed = typedScalar(node);
    if (!typed) return `walk.jsonIssues(${x}, ${p}, ${lit(label)}, out);`;
    const type = SCALAR_TYPES[typed.type!]!;
    const checks = typed.kind === "boolean" ? [] : this.fullRules(typed, typed.kind, { x }, p, label);
    const wrongType = `out.push(rules.type(${p}, ${lit(label)}, ${lit(type.expected)}, ${x}));`;
    return checks.length === 0 ? `if (!(${type.test(x)})) ${wrongType}` : `if (!(${type.test(x)})) ${wrongType}\nelse {\n${checks.join("\n")}\n}`;
  }

  private fullObject(node: ObjectNode, name: string, label: string): string[] {
    const L = lit(label);
    const keys = node.properties.map((p) => p.key);
    const open = keys.length === 0 && node.additionalProperties === undefined;
    const out: string[] = [node.type === "object" ? `if (${NOT_OBJECT("v")}) { out.push(rules.type(p, ${L}, "an object", v)); return; }` : `if (${NOT_OBJECT("v")}) return;`];
    for (const k of node.required) out.push(`if (v${access(k)} === undefined) ${this.report(node, ruleOf(node, "required", k), `rules.required(p, ${L}, ${lit(k)})`)}`);
    const known = keys.map((k) => `k !== ${lit(k)}`).join(" && ") || "true";
    const extra = node.additionalProperties;
    if (extra === false) {
      // The known keys go with the issue, so a misspelling can name the key that was meant.
      const knownKeys = this.constant("KEYS", lit(keys));
      // Every loop of the full pass stops at the issue cap: a million unknown keys give a thousand issues.
      const issue = `rules.additionalProperty(p + "/" + walk.escape(k), ${L}, k, ${knownKeys})`;
      out.push(`for (const k in v) if (${known} && v[k] !== undefined) { if (out.length >= walk.MAX_ISSUES) break; ${this.report(node, ruleOf(node, "additionalProperties"), issue)} }`);
    } else if (extra) {
      const collect = this.collect(extra, "x", `p + "/" + walk.escape(k)`, `${name}_value`, `${label} value`);
      out.push(`for (const k in v) if (${known}) { if (out.length >= walk.MAX_ISSUES) break; const x = v[k]; ${collect} }`);
    }
    const names = node.propertyNames;
    if (names) {
      const allowed = this.constant("ENUM", lit(names.values));
      const issue = `rules.propertyName(p + "/" + walk.escape(k), ${L}, ${allowed}, k)`;
      out.push(`for (const k in v) if (!(${anyEqual("k", names.values)})) { if (out.length >= walk.MAX_ISSUES) break; ${this.report(names, ruleOf(names, names.keyword), issue)} }`);
    }
    if (open) out.push(`walk.jsonIssues(v, p, ${L}, out);`);
    out.push(...this.fullRules(node, "object", { x: "v" }, "p", label, "before"));
    if (keys.length > 0) out.push("let x: any;");
    for (const { key, node: child } of node.properties) {
      const collect = this.collect(child, "x", childPath("p", key), `${name}_${key}`, this.label(child, `${label} ${key.replace(/_/g, " ")}`));
      const other = this.otherKind(child, "x", childPath("p", key), label);
      out.push(`x = v${access(key)};`, other ? `if (x !== undefined) { if (${other.test}) ${other.report} else { ${collect} } }` : `if (x !== undefined) { ${collect} }`);
    }
    out.push(...this.fullRules(node, "object", { x: "v" }, "p", label, "after"));
    out.push(...this.patterns.fullUnique(node, (path) => (this.warns(node, "x-uniqueValues", path) ? ruleAt(node, ruleOf(node, "x-uniqueValues", path)) : undefined)));
    for (const { key, node: dependent } of node.dependents) {
      out.push(`if (v${access(key)} !== undefined) { ${this.collect(dependent, "v", "p", `${name}_if_${key}`, label)} }`);
    }
    return out;
  }

  /**
   * One mistake, one issue: a property holding an object of one kind (a required `type` const,
   * such as the text header a list takes) given an object of another kind is reported once, at the
   * property, rather than as the other kind's missing and unknown keys and its wrong `type`.
   */
  private otherKind(child: GraphNode, x: string, p: string, parentLabel: string): { test: string; report: string } | undefined {
    const target = resolved(child);
    if (target.kind !== "object") return undefined;
    const tag = target.properties.find((property) => property.key === "type");
    const value = tag?.node.kind === "const" && tag.node.keyword === "const" ? tag.node.values[0] : undefined;
    if (!tag?.required || typeof value !== "string") return undefined;
    const test = `typeof ${x} === "object" && ${x} !== null && typeof ${x}.type === "string" && ${x}.type !== ${lit(value)}`;
    const issue = `rules.otherKind(${p}, ${lit(parentLabel)}, ${lit(this.label(child, "value"))}, ${lit(value)}, ${x}.type)`;
    return { test, report: this.report(tag.node, ruleOf(tag.node, "const"), issue) };
  }

  private fullArray(node: ArrayNode, name: string, label: string): string[] {
    const L = lit(label);
    const out: string[] = [node.type === "array" ? `if (!Array.isArray(v)) { out.push(rules.type(p, ${L}, "an array", v)); return; }` : `if (!Array.isArray(v)) return;`];
    out.push(...this.fullRules(node, "array", { x: "v" }, "p", label));
    let itemLabel = `${label} item`;
    if (node.items) {
      itemLabel = this.label(node.items, itemLabel);
      out.push(ts`for (let i = 0; i < v.length && out.length < walk.MAX_ISSUES; i++) {
if (!(i in v)) { out.push(rules.hole(p + "/" + i, ${L}, i)); continue; }
const x = v[i]; ${this.collect(node.items, "x", `p + "/" + i`, `${name}_item`, itemLabel)}
}`);
    }
    // Each rule about items in its own loop, so the issues come rule by rule.
    for (const rule of this.fullRules(node, "item", { x: "v[i]", array: "v", index: "i" }, `p + "/" + i`, itemLabel)) {
      out.push(`for (let i = 0; i < v.length && out.length < walk.MAX_ISSUES; i++) { ${rule} }`);
    }
    return out;
  }

  private fullUnion(node: UnionNode, name: string, label: string): string[] {
    const L = lit(label);
    if (node.discriminator) {
      const cases = this.discriminated(node, name).map((c) => ({ value: c.value, fn: this.functionFor(c.branch, `${name}_${c.value}`) }));
      const allowed = this.constant("ENUM", lit(cases.map((c) => c.value)));
      const { property } = node.discriminator;
      const d = `v${access(property)}`;
      return [
        ts`if (${NOT_OBJECT("v")}) { out.push(rules.type(p, ${L}, "an object", v)); return; }
switch (${d}) {
${cases.map((c) => `case ${lit(c.value)}: check_${c.fn}(v, p, out); return;`)}
case undefined: out.push(rules.required(p, ${L}, ${lit(property)})); return;
default: out.push(rules.discriminator(${childPath("p", property)}, ${L}, ${allowed}, ${d}));
}`,
      ];
    }
    const table = node.branches.map((branch, i) => {
      const fn = this.functionFor(branch, `${name}_${i}`);
      this.calledFast.add(fn);
      const target = resolved(branch);
      const required = lit(target.kind === "object" ? target.required : []);
      return `{ check: is_${fn}, collect: check_${fn}, required: ${required}, label: ${lit(this.label(branch, `form ${i + 1}`))} }`;
    });
    const branchTable = this.constant("BRANCHES", `[${table.join(", ")}] as const`);
    return [`${this.validation.value("unionIssues")}(v, p, ${L}, ${branchTable}, ${node.keyword === "oneOf"}, out);`];
  }
}

/** Whether `rule` is a warning: its source only observed or inferred it. */
function isWarning(rule: Rule | undefined): boolean {
  return rule?.strength === "warning";
}

/** A fast-pass condition that refuses the value: a warning rule refuses only a clean verdict (`w`). */
function refuses(rule: Rule | undefined, broken: string): string {
  return isWarning(rule) ? `w && ${broken}` : broken;
}

/** A fast-pass condition that the value keeps: a warning rule is kept unless a clean verdict is asked. */
function keeps(rule: Rule | undefined, holds: string): string {
  return isWarning(rule) ? `(!w || ${holds})` : holds;
}

/** Where a rule is in the schema set: `<file>#<JSON Pointer to the keyword>`, as the corpus names it. */
function ruleAt(node: GraphNode, rule: Rule): string {
  return `${node.loc.file.path}#${rule.pointer}`;
}

/** The stated type of a scalar node, whose own rules follow its values' (none for any JSON, or a const with no type). */
function typedScalar(node: Scalar): StringNode | NumberNode | BooleanNode | undefined {
  return node.kind === "const" ? node.scalar : node.kind === "any" ? undefined : node;
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

/** The name of one item of an array hinted as `…_sections`: `section`; otherwise `item`. */
function singular(hint: string): string {
  const last = hint.split("_").pop() ?? "";
  return /^[a-z]+s$/.test(last) && last.length > 3 ? last.slice(0, -1) : "item";
}

export function emitValidators(graph: SchemaGraph): string {
  return new ValidatorEmitter(graph).emit();
}
