/**
 * Emits a provider's webhook normaliser from the `inbound` object of its mapping (format in
 * schemas/README.md, "Provider mappings"): straight-line code that checks the body, picks each
 * item's case by what the item says it is (a value switch, or whether a part is there), and writes
 * the InboundEvent part by part in the event schema's key order. Every read is checked against the
 * provider's webhook schema at generation time, so the code needs no walk at run time and
 * TypeScript checks each read against the generated types.
 *
 * What is procedural stays hand-written, behind named hooks the mapping refers to (`HOOKS`): time
 * formats, a JSON string that must hold an object, the reply kind Vonage does not say. The emitted
 * code passes each hook what it needs; the hooks import no generated module. The mapping's format is
 * in inbound-mapping.ts.
 */
export type { InboundCase, InboundMapping } from "./inbound-mapping.ts";
import type { Provider } from "./providers.ts";
import type { SchemaGraph } from "./graph/build.ts";
import type { GraphNode, ObjectNode } from "./graph/nodes.ts";
import { resolved } from "./graph/query.ts";
import { SchemaSetError } from "./schema-set.ts";
import { type Check, HOOKS, type InboundCase, type InboundMapping, type InboundSource } from "./inbound-mapping.ts";
import { type Shape, type Walk, keyOrder, namedNode, requiredOf, walk } from "./schema-path.ts";
import { type Imports, Module, Names, doc, lit, ts } from "./code.ts";
import { access, constName, parsePointer, pointerOf, type Path, singular as itemName } from "./translation.ts";

/** A source the emitter itself fills (the provider's name, the time read before, the raw item). */
type Source = InboundSource | { code: string };

/** A source and the item it reads (an event part given above a case that moved to a part of the item keeps reading the item). */
interface Part {
  src: Source;
  scope: ItemScope;
}

const comment = (text: string | undefined) => (text === undefined ? "" : `// ${text.replace(/\n/g, "\n// ")}\n`);
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** The names eventOf's parameters and its event take. */
const RESERVED = new Set(["provider", "raw", "path", "options", "result", "event", "timestamp"]);
/**
 * The local names of one emitted function, `taken` (its parameters) among them: never a reader's
 * parameter, nor a hook's name (a local `sharedPhone` would hide the function); `row`, `row2`, ….
 */
const locals = (...taken: string[]) => new Names([...RESERVED, ...Object.keys(HOOKS), ...taken], (base, n) => `${base}${n}`);
/** A variable or a chain of property reads: cheap to read twice. */
const SIMPLE = /^[\w$]+((\?)?\.[\w$]+)*$/;

/** The module's file name below src/providers/ and the function it exports. */
export const inboundModuleName = (p: Provider) => `${p.mapping.provider}-webhook`;
export const inboundFunctionName = (p: Provider) => `parse${p.mapping.typeName}Webhook`;

/** The item being read where code is emitted: its variable, its schema and the discriminators fixed so far. */
interface ItemScope {
  name: string;
  /** Where the value lies below the item's pointer (`/content` once a case moved there), for the pointers issues are reported at. */
  base?: string;
  root: GraphNode | undefined;
  pins: Map<string, unknown>;
  /** Reads a `requires` check has already proven present. */
  known?: Set<string>;
  /** Parts checked on their own (`checks`): the variable holding each, its schema, and whether it may be undefined. */
  parts?: Map<string, { name: string; root: GraphNode; maybe: boolean }>;
}

/** A compiled source: the expression, and whether it may be undefined. */
interface Value {
  expr: string;
  maybe: boolean;
  /** What to test for presence when it is not the expression itself (a one-item array of a maybe-absent object). */
  test?: string;
}

class InboundEmitter {
  /** The emitted file: its imports follow from the names the code uses, in this order of modules. */
  readonly module = new Module();
  private readonly types = this.module.imports("../types.js");
  private readonly validators = this.module.imports("../validators.js");
  private readonly issues = this.module.imports("../runtime/issues.js");
  private readonly wire = this.module.imports("../wire/inbound.js");
  private readonly event: GraphNode;
  private names = locals();

  constructor(
    private readonly graph: SchemaGraph,
    private readonly p: Provider,
    private readonly where: string,
    private readonly shared: (ref: string) => InboundCase | undefined,
  ) {
    this.event = graph.roots.get("inbound/inbound-event.schema.json") ?? this.fail("the inbound event schema is missing");
  }

  private fail(message: string): never {
    throw new SchemaSetError(`${this.where}: ${message}`);
  }

  /** A generated type, as the emitted code names it. */
  type(name: string): string {
    return this.types.type(name);
  }

  /** The validator of a generated type. */
  validator(type: string): string {
    return this.validators.value(`validate${type}`);
  }

  /** What src/wire/inbound.ts exports (the reader's support, a time hook), as the emitted code names it. */
  support(name: string): string {
    return this.wire.value(name);
  }

  /** A type src/wire/inbound.ts exports. */
  supportType(name: string): string {
    return this.wire.type(name);
  }

  /** What a module beside the inbound reader exports (`../wire/<module>.js`): a hook, the envelope walker. */
  wireModule(module: string): Imports {
    return this.module.imports(`../wire/${module}.js`);
  }

  reserve(name: string): void {
    this.names.fresh(name);
  }

  private declare(base: string): string {
    return this.names.fresh(IDENT.test(base) ? (base in HOOKS ? `${base}Value` : base) : "value");
  }

  /** The schema named `name`: in the provider's folder, else anywhere (the Cloud API message parts Exotel's content is checked against). */
  named(name: string): GraphNode {
    try {
      return namedNode(this.graph, `providers/${this.p.mapping.provider}/`, name);
    } catch {
      return namedNode(this.graph, "", name);
    }
  }

  // ------------------------------------------------------------------ reads

  private walkItem(item: ItemScope, path: Path): Walk {
    if (item.root === undefined) this.fail(`${pointerOf(path)} is read before the item has a type ("item")`);
    const w = walk(item.root, path, item.pins);
    if (w === undefined) this.fail(`the ${this.p.mapping.provider} webhook schema has no ${pointerOf(path)} there`);
    return w;
  }

  /** The walk of `pointer` from the item, or from the part checked on its own that holds it. */
  private walkPart(item: ItemScope, pointer: string): Walk {
    for (const [at, part] of item.parts ?? [])
      if (pointer === at || pointer.startsWith(`${at}/`)) return this.walkItem({ name: part.name, root: part.root, pins: new Map() }, parsePointer(pointer.slice(at.length)));
    return this.walkItem(item, parsePointer(pointer));
  }

  /** `item.a?.b`: a property read, optional-chained past every step the schema lets be absent. */
  read(item: ItemScope, pointer: string): Value {
    // Below a part checked on its own, read from its variable, typed by its schema.
    for (const [at, part] of item.parts ?? []) {
      if (pointer !== at && !pointer.startsWith(`${at}/`)) continue;
      const inner = this.read({ name: part.name, root: part.root, pins: new Map() }, pointer.slice(at.length));
      if (!part.maybe) return inner;
      return { expr: inner.expr === part.name ? part.name : inner.expr.replace(part.name, `${part.name}?`), maybe: true };
    }
    const path = parsePointer(pointer);
    if (item.root === undefined) {
      // Before the item's own check: its parts are still unknown values.
      if (path.length !== 1) this.fail(`${pointer}: only a top-level part can be chosen on before the item is checked`);
      return { expr: `(${item.name} as Record<string, unknown>)${access("", path)}`, maybe: true };
    }
    const w = this.walkItem(item, path);
    let expr = item.name;
    let maybe = false;
    w.steps.forEach((step, i) => {
      expr = access(expr, [path[i]!]);
      if (maybe && !expr.endsWith("]")) expr = expr.replace(/\.([^.]+)$/, "?.$1");
      // A part a `requires` check has proven present is no longer optional, nor is the way to it.
      if (item.known?.has(pointerOf(path.slice(0, i + 1)))) {
        expr = expr.replace(/\?\./g, ".");
        maybe = false;
      } else if (step.optional) maybe = true;
    });
    return { expr, maybe };
  }

  /**
   * A part the item's schema does not describe: read step by step through objects (`isObject`),
   * and kept only when it is a string if `type` says so; without `type`, one step as an unknown value.
   */
  private loose(item: ItemScope, pointer: string, type: "string" | undefined, pre: string[]): Value {
    const path = parsePointer(pointer);
    // The item seen as a record of unknown parts, bound once where it is first needed.
    const key = `${item.name} as a record`;
    let view = this.cache.get(key)?.expr;
    if (view === undefined) {
      view = this.declare(`${item.name}Parts`);
      pre.push(`const ${view} = ${item.name} as unknown as Record<string, unknown>;`);
      this.cache.set(key, { expr: view, maybe: false });
    }
    if (type === undefined) {
      if (path.length !== 1) this.fail(`${pointer}: a loose read without a type reads one step`);
      return { expr: access(view, path), maybe: true };
    }
    // Each isObject() test narrows the next step.
    const isObject = this.support("isObject");
    const tests: string[] = [];
    let expr = view;
    path.forEach((step, i) => {
      expr = access(expr, [step]);
      if (i < path.length - 1) tests.push(`${isObject}(${expr})`);
    });
    return { expr: `${[...tests, `typeof ${expr} === "string"`].join(" && ")} ? ${expr} : undefined`, maybe: true };
  }

  /** A source compiled to an expression; statements it needs first (hook calls, bindings) go to `pre`. */
  source(src: Source, item: ItemScope, pre: string[], hint: string, at: Path = [], mode: "statement" | "expression" = "statement"): Value {
    if (typeof src === "string") return this.read(item, src);
    if ("code" in src) return { expr: src.code, maybe: false };
    // A source used twice in a case (a condition and the value it guards) is computed once.
    const key = `${item.name} ${lit(src)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let value = this.compile(src, item, pre, hint, at, mode);
    if (value.maybe && !SIMPLE.test(value.expr)) {
      const name = this.declare(camel(hint));
      pre.push(`const ${name} = ${value.expr};`);
      value = { expr: name, maybe: true };
    }
    this.cache.set(key, value);
    return value;
  }

  /** Sources compiled in the case being written, by item and source. */
  cache = new Map<string, Value>();

  /**
   * `mode` "statement": a hook that drops the item returns from the reader when it fails; "expression":
   * under `if`, it is only called when the condition holds, and its failure leaves the part out.
   */
  private compile(src: Exclude<Source, string>, item: ItemScope, pre: string[], hint: string, at: Path, mode: "statement" | "expression" = "statement"): Value {
    if ("code" in src) return { expr: src.code, maybe: false };
    if ("const" in src) return { expr: lit(src.const), maybe: false };
    if ("loose" in src) return this.loose(item, src.loose, src.type, pre);
    if ("context" in src) {
      if (!this.envelope) this.fail(`${lit(src)}: only an envelope's items have a context`);
      return { expr: `change.${src.context}`, maybe: src.context === "to" };
    }
    if ("of" in src) {
      // The value bound once, typed by its schema (named after it: a MetaWebhookContact is `contact`).
      const key = `${item.name} ${lit(src.of)} as ${src.type}`;
      let of = this.cache.get(key);
      if (of === undefined) {
        const value = typeof src.of === "string" ? this.read(item, src.of) : this.compile(src.of, item, pre, hint, at);
        const name = this.declare(camel(src.type.replace(/^.*[a-z0-9](?=[A-Z])/, "").toLowerCase()));
        pre.push(`const ${name} = ${value.expr} as ${this.type(src.type)}${value.maybe ? " | undefined" : ""};`);
        of = { expr: name, maybe: value.maybe };
        this.cache.set(key, of);
      }
      const inner = this.read({ name: of.expr, root: this.named(src.type), pins: new Map() }, src.read);
      return { expr: of.maybe ? inner.expr.replace(of.expr, `${of.expr}?`).replace("??.", "?.") : inner.expr, maybe: of.maybe || inner.maybe };
    }
    if ("join" in src) {
      const parts = src.join.map((s) => this.source(s, item, pre, hint, at));
      return { expr: `\`${parts.map((v) => (v.expr.startsWith('"') ? JSON.parse(v.expr) : `\${${v.expr}}`)).join("")}\``, maybe: false };
    }
    if ("first" in src) {
      // Each part read in place (not bound on its own): the whole is bound once.
      const parts = src.first.map((s) => (typeof s === "string" ? this.read(item, s) : this.compile(s, item, pre, hint, at, mode)));
      const cut = parts.findIndex((v) => !v.maybe);
      const used = cut < 0 ? parts : parts.slice(0, cut + 1);
      return { expr: used.map((v) => (v.expr.includes("?") && !SIMPLE.test(v.expr) ? `(${v.expr})` : v.expr)).join(" ?? "), maybe: cut < 0 };
    }
    if ("read" in src) {
      let v = this.source(src.read, item, pre, hint);
      const bind = (): string => {
        if (/^[\w$.?]+$/.test(v.expr)) return v.expr;
        const name = this.declare(hint);
        pre.push(`const ${name} = ${v.expr};`);
        return name;
      };
      if (src.string) {
        const x = bind();
        v = { expr: v.maybe ? `${x} === undefined ? undefined : String(${x})` : `String(${x})`, maybe: v.maybe };
      }
      if (src.except) {
        const x = bind();
        const name = this.module.constants.add(`NO_${constName(hint)}`, `new Set<unknown>(${lit(src.except)})`);
        v = { expr: `${x} === undefined || ${name}.has(${x}) ? undefined : ${x}`, maybe: true };
      }
      if (src.values) {
        const x = bind();
        // Named for what it maps from and to: GROUP_NAME_TO_STATUS.
        const from = typeof src.read === "string" ? `${constName(parsePointer(src.read).pop() ?? "")}_TO_` : "";
        const name = this.module.constants.add(
          `${from}${constName(hint)}`,
          `${lit(src.values)} as Readonly<Record<string, ${[...new Set(Object.values(src.values).map((j) => typeof j))].join(" | ")}>>`,
        );
        v = { expr: v.maybe ? `${x} === undefined ? undefined : ${name}[${x}]` : `${name}[${x}]`, maybe: true };
      }
      if (src.nonEmpty) {
        v = { expr: `${this.support("nonEmpty")}(${v.expr})`, maybe: true };
      }
      return v;
    }
    if ("hook" in src) {
      const hook = HOOKS[src.hook];
      if (hook === undefined) this.fail(`unknown hook ${lit(src.hook)}; the hooks are ${Object.keys(HOOKS).join(", ")}`);
      const from = this.source(src.from, item, pre, hint, at);
      const args = [from.expr, ...(src.with ?? []).map((w) => this.source(w, item, pre, hint, at).expr)];
      if (hook.validator !== undefined) args.push(this.validator(hook.validator));
      if (hook.options) args.push("options");
      const fromPointer = typeof src.from === "string" ? src.from : "loose" in src.from ? src.from.loose : "";
      if (hook.reports !== "none") args.push(`\`\${path}${item.base ?? ""}${fromPointer}\``, hook.result ? "result" : "result.errors");
      const call = `${this.wireModule(hook.module).value(src.hook)}(${args.join(", ")})`;
      if (hook.reports !== "drops") return { expr: call, maybe: hook.maybe === true };
      if (mode === "expression") return { expr: call, maybe: true };
      const name = this.declare(camel(hint));
      pre.push(`const ${name} = ${call};`, `if (${name} === undefined) return undefined;`);
      return { expr: name, maybe: false };
    }
    if ("if" in src) {
      const cond = this.source(src.if, item, pre, hint);
      const then = typeof src.then === "string" ? this.read(item, src.then) : this.compile(src.then, item, pre, hint, at, "expression");
      return { expr: cond.maybe ? `${cond.expr} === undefined ? undefined : ${then.expr}` : then.expr, maybe: cond.maybe || then.maybe };
    }
    if ("each" in src) {
      const array = this.read(item, src.each);
      const w = this.walkPart(item, `${src.each}/*`);
      if (w.ends.length !== 1) this.fail(`${src.each}: its items have more than one schema`);
      const element = this.declare(singular(hint));
      const inner: ItemScope = { name: element, root: w.ends[0]!, pins: new Map() };
      const target = this.targetAt([...at, "*"]);
      const statements: string[] = [];
      const fields = Object.fromEntries(Object.entries(src.fields).map(([k, v]) => [k, { src: v, scope: inner }]));
      const built = this.object(fields, target, statements, this.declare(`${element}Out`), [...at, "*"]);
      const body = statements.length === 0 ? built.expr : `{\n${statements.join("\n")}\nreturn ${built.expr};\n}`;
      const mapped = `${array.expr}${array.maybe ? "?" : ""}.map((${element}) => ${body})`;
      if (!src.nonEmpty) return { expr: mapped, maybe: array.maybe };
      const name = this.declare(hint);
      pre.push(`const ${name} = ${array.expr}${array.maybe ? " !== undefined &&" : ""} ${array.expr}.length > 0 ? ${mapped} : undefined;`);
      return { expr: name, maybe: true };
    }
    return this.fail(`an event part has a source of no known form: ${lit(src)}`);
  }

  // ------------------------------------------------------------------ the event

  /** The event schema's node for a target path (relative to InboundEvent), with its generated type name. */
  private targetAt(path: Path): { at: Shape; type: string } {
    const w = path.length === 0 ? { steps: [], ends: [this.event] } : walk(this.event, path);
    if (w === undefined || w.ends.length !== 1) this.fail(`InboundEvent has no single ${pointerOf(path)}`);
    const at = resolved(w.ends[0]!);
    const named = at.name;
    if (named !== undefined) return { at, type: named };
    this.fail(`InboundEvent's ${pointerOf(path)} has no x-ts-name to type the object the code builds`);
  }

  /**
   * The code building an object from parts (target pointers relative to it): every value computed
   * first, then one literal of the leading parts that are always there and an assignment per later
   * part, so the keys come in the schema's order. An object of required parts is there when all of
   * them are; one of optional parts only, when any is.
   */
  object(fields: Record<string, Part>, target: { at: Shape; type: string }, out: string[], name: string, base: Path = [], assign = false): Value {
    const groups = new Map<string, [Path, Part][]>();
    for (const [pointer, src] of Object.entries(fields)) {
      const path = parsePointer(pointer);
      const key = path[0]!;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push([path.slice(1), src]);
    }
    const order = keyOrder([target.at]);
    for (const key of groups.keys())
      if (!order.includes(key)) this.fail(`${target.type} has no ${lit(key)} (${pointerOf([...base, key])})`);
    const required = requiredOf(target.at);
    // Computed in the mapping's order (a kind from a hook before the parts that reuse its values),
    // written in the schema's.
    const values: { key: string; value: Value }[] = [];
    for (const [key, group] of groups) {
      let value: Value;
      if (group.length === 1 && group[0]![0].length === 0) value = this.source(group[0]![1].src, group[0]![1].scope, out, key, [...base, key]);
      else if (group.every(([p]) => p[0] === "0") && group.every(([p]) => p.length > 1)) {
        // A one-item array (a status's single error).
        const inner = this.targetAt([...base, key, "0"]);
        const obj = this.object(Object.fromEntries(group.map(([p, s]) => [pointerOf(p.slice(1)), s])), inner, out, this.declare(singular(key)), [...base, key, "0"]);
        value = { expr: `[${obj.expr}]`, maybe: obj.maybe, test: obj.expr };
      } else {
        const inner = this.targetAt([...base, key]);
        value = this.object(Object.fromEntries(group.map(([p, s]) => [pointerOf(p), s])), inner, out, this.declare(key), [...base, key]);
      }
      values.push({ key, value });
    }
    values.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    const missingRequired = required.filter((k) => !values.some((v) => v.key === k));
    if (missingRequired.length > 0 && base.length > 0)
      this.fail(`${target.type} needs ${missingRequired.join(", ")} (${pointerOf(base)})`);
    const requiredMaybe = values.filter((v) => required.includes(v.key) && v.value.maybe);
    if (base.length === 0 && requiredMaybe.length > 0)
      this.fail(`the event's ${requiredMaybe.map((v) => `/${v.key}`).join(", ")} may be missing: list the part in "requires", or give a source that is always there`);
    const when =
      required.length > 0 && values.some((v) => required.includes(v.key))
        ? requiredMaybe.map((v) => `${v.value.test ?? v.value.expr} !== undefined`)
        : values.every((v) => v.value.maybe)
          ? [values.map((v) => `${v.value.test ?? v.value.expr} !== undefined`).join(" || ")]
          : [];
    const lead: string[] = [];
    let i = 0;
    const member = (key: string, expr: string) => (expr === key ? key : `${IDENT.test(key) ? key : lit(key)}: ${expr}`);
    for (; i < values.length && (!values[i]!.value.maybe || required.includes(values[i]!.key)); i++)
      lead.push(member(values[i]!.key, values[i]!.value.expr + (values[i]!.value.maybe ? "!" : "")));
    const rest = values.slice(i).map(({ key, value }) =>
      value.maybe ? `if (${value.test ?? value.expr} !== undefined) ${access(name, [key])} = ${value.expr};` : `${access(name, [key])} = ${value.expr};`,
    );
    const literal = rest.length === 0 && lead.length === values.length ? `{ ${lead.join(", ")} }` : undefined;
    // `as`: the parts the type requires that come after an optional one are assigned below.
    const type = this.type(target.type);
    const typed = required.every((k) => values.slice(0, i).some((v) => v.key === k)) ? `: ${type}` : "";
    const cast = typed === "" ? ` as ${type}` : "";
    if (when.length === 0) {
      if (literal !== undefined && base.length > 0) return { expr: literal, maybe: false };
      // Assigned to the event a shared tail completes, or declared.
      out.push(assign ? `${name} = { ${lead.join(", ")} } as ${type};` : `const ${name}${typed} = { ${lead.join(", ")} }${cast};`, ...rest);
      return { expr: name, maybe: false };
    }
    out.push(`let ${name}: ${type} | undefined;`);
    out.push(`if (${when.join(" && ")}) {\n${name} = { ${lead.join(", ")} }${cast};\n${rest.join("\n")}\n}`);
    return { expr: name, maybe: true };
  }

  // ------------------------------------------------------------------ cases

  /** A part read where the schema may not describe it (a check's subject, a `when` test): typed if it can be, else one loose step. */
  private anyRead(item: ItemScope, pointer: string, pre: string[]): Value {
    const path = parsePointer(pointer);
    if (item.root !== undefined && walk(item.root, path, item.pins) === undefined) return this.loose(item, pointer, undefined, pre);
    return this.read(item, pointer);
  }

  /** Validates a part on its own; reads below it then come from the checked value. */
  private checkPart(scope: ItemScope, pointer: string, check: Check, out: string[]): void {
    const type = typeof check === "string" ? check : check.type;
    const ifPresent = typeof check !== "string" && check.ifPresent === true;
    const root = this.named(type);
    const subject = this.anyRead(scope, pointer, out);
    const name = this.declare(camel(parsePointer(pointer).pop() ?? "part"));
    const take = `${this.support("take")}(${this.validator(type)}(${subject.expr}), \`\${path}${scope.base ?? ""}${pointer}\`, result)`;
    if (ifPresent) {
      out.push(`let ${name}: ${this.type(type)} | undefined;`, `if (${subject.expr} !== undefined) {\n${name} = ${take};\nif (${name} === undefined) return undefined;\n}`);
    } else out.push(`const ${name} = ${take};`, `if (${name} === undefined) return undefined;`);
    scope.parts!.set(pointer, { name, root, maybe: ifPresent });
  }

  /** The statements reading one case. */
  caseCode(c: InboundCase, item: ItemScope, ctx: CaseContext, early = false): string[] {
    const unknown = Object.keys(c).filter((k) => !CASE_KEYS.has(k) && !(k === "when" && early));
    if (unknown.length > 0) this.fail(`a case has ${unknown.map((k) => lit(k)).join(", ")}, which no case takes (${[...CASE_KEYS].join(", ")})`);
    const out: string[] = [];
    if (c.comment) out.push(comment(c.comment).trimEnd());
    let scope: ItemScope = { ...item, parts: item.parts ?? new Map() };
    if (c.item !== undefined) {
      const root = this.named(c.item);
      const name = this.declare(c.name ?? "item");
      const type = this.type(c.item);
      const take = `${this.support("take")}(${this.validator(c.item)}(${item.name}), path, result)`;
      if (c.check === "ifBodyFailed") {
        out.push("// Checked with the body when the body passed; else on its own, so that the others still come out.");
        out.push(`const ${name} = checked ? (${item.name} as ${type}) : ${take};`, `if (${name} === undefined) return undefined;`);
      } else if (c.check) {
        out.push("// The item's warnings come out with its event; finish() keeps once those the body's check also saw.");
        out.push(`const ${name} = ${take};`, `if (${name} === undefined) return undefined;`);
      } else out.push(`const ${name} = ${item.name} as ${type};`);
      scope = { name, root, pins: new Map(), parts: new Map() };
    }
    for (const pointer of c.requires ?? []) {
      const read = this.read(scope, pointer);
      const path = parsePointer(pointer);
      const at = c.missingAt === "parent" ? pointerOf(path.slice(0, -1)) : pointer;
      out.push(`if (${read.expr} === undefined) return ${this.support("missing")}(result.errors, \`\${path}${scope.base ?? ""}${at}\`, ${lit(ctx.value)}, ${lit(path[path.length - 1])});`);
    }
    if (c.requires !== undefined) scope = { ...scope, known: new Set([...(scope.known ?? []), ...c.requires]) };
    const inner: CaseContext = { ...ctx, event: { ...ctx.event } };
    for (const [pointer, src] of Object.entries(c.event ?? {})) inner.event[pointer] = { src, scope };
    for (const b of c.before ?? []) {
      const tests = Object.entries(b.when).map(([pointer, state]) => {
        const v = this.anyRead(scope, pointer, out);
        if (state === "none") return `(${v.expr} === undefined || ${v.expr} === "")`;
        return state === "absent" ? `${v.expr} === undefined` : state === "present" ? `${v.expr} !== undefined` : `Array.isArray(${v.expr}) && ${v.expr}.length > 0`;
      });
      out.push(`if (${tests.join(" && ")}) {\n${this.branch(() => this.caseCode(b, scope, inner, true))}\n}`);
    }
    if (c.after !== undefined) return [...out, ...this.withTail(c, scope, inner)];
    if (c.time !== undefined) {
      const read = this.read(scope, c.time.from);
      const call = `${this.support(c.time.hook)}(${read.expr}, \`\${path}${scope.base ?? ""}${c.time.from}\`, result.errors)`;
      // An item without a time (Exotel's flat form) takes the time it was received.
      const value = c.time.absent === "receivedAt" ? `${read.expr} === undefined ? (options.receivedAt ?? new Date()).toISOString() : ${call}` : call;
      out.push(`const timestamp = ${value};`, "if (timestamp === undefined) return undefined;");
      inner.time = true;
    }
    if (c.at !== undefined) {
      const read = this.read(scope, c.at);
      if (read.maybe) this.fail(`${c.at}: the part reads move to may be missing; list it in "requires" first`);
      const w = this.walkItem(scope, parsePointer(c.at));
      if (w.ends.length !== 1) this.fail(`${c.at}: the part has more than one schema`);
      const name = this.declare(camel(parsePointer(c.at).pop() ?? "part"));
      out.push(`const ${name} = ${read.expr};`);
      scope = { name, base: `${scope.base ?? ""}${c.at}`, root: w.ends[0]!, pins: new Map(), parts: new Map() };
    }
    if (c.use !== undefined) {
      if (Object.keys(c).some((k) => ["checks", "after", "items", "on", "kind", "fields", "error", "skip"].includes(k)))
        this.fail(`a case that uses ${lit(c.use)} reads the rest from it: give no checks, choice, kind or error of its own`);
      if (!inner.time) this.fail(`a case that uses ${lit(c.use)} has no time: give "time" on it or on a case above`);
      const fn = this.usedFunction(c.use, scope);
      // The event's head from this item; the kind and the rest are the used case's.
      out.push(`// The kind is a stand-in until ${fn}() writes the message's own, in the same place.`);
      this.object(
        { "/provider": { src: { code: "provider" }, scope }, "/kind": { src: { const: "unsupported" }, scope }, ...inner.event, "/timestamp": { src: { code: "timestamp" }, scope } },
        this.targetAt([]),
        out,
        "event",
      );
      out.push(
        `if (${fn}(event, ${scope.name}, \`\${path}${scope.base ?? ""}\`, options, result) === undefined) return undefined;`,
        `event.raw = ${ctx.raw} as ${this.supportType("Raw")};`,
        "return event;",
      );
      return out;
    }
    for (const [pointer, check] of Object.entries(c.checks ?? {})) this.checkPart(scope, pointer, check, out);
    if (c.error !== undefined) {
      const message = c.error.message
        .replace(/`/g, "\\`")
        .replace(/\{value\}/g, `\${JSON.stringify(${ctx.chosen})}`)
        .replace(/\{cases\}/g, ctx.known);
      out.push(`result.errors.push(${this.issues.value("issue")}(\`\${path}${scope.base ?? ""}${c.error.at}\`, ${lit(c.error.rule)}, \`${message}\`));`, "return undefined;");
      return out;
    }
    if (c.skip !== undefined) {
      const reason = c.skip.replace(/`/g, "\\`").replace(/\{(\/[^}]*)\}/g, (_, pointer: string) => `\${${this.read(scope, pointer).expr}}`);
      out.push(`result.skipped.push({ path, reason: \`${reason}\` });`, "return undefined;");
      return out;
    }
    if (c.items !== undefined) return [...out, ...this.batch(c, scope), "return undefined;"];
    if (c.on !== undefined) return [...out, ...this.dispatch(c, scope, inner)];
    if (c.kind === undefined) this.fail(`a case gives neither a kind, an error nor a choice (${lit(c)})`);
    if (!inner.time) this.fail(`a case of kind ${lit(c.kind)} has no time: give "time" on it or on a case above`);
    const own = (src: Source): Part => ({ src, scope });
    const fields: Record<string, Part> = {
      "/provider": own({ code: "provider" }),
      ...inner.event,
      "/timestamp": own({ code: "timestamp" }),
      ...Object.fromEntries(Object.entries(c.fields ?? {}).map(([k, v]) => [k, own(v)])),
      "/kind": own(typeof c.kind === "string" ? { const: c.kind } : c.kind),
      ...(ctx.tail === undefined && !ctx.fill ? { "/raw": own({ code: `${ctx.raw} as ${this.supportType("Raw")}` }) } : {}),
    };
    if (ctx.fill) {
      // The caller started the event: its kind keeps its place, the rest follows the head.
      delete fields["/provider"];
      delete fields["/timestamp"];
      this.fillEvent(fields, out);
      out.push(ctx.tail === undefined ? "return event;" : `break ${ctx.tail};`);
      return out;
    }
    const built = this.object(fields, this.targetAt([]), out, "event", [], ctx.tail !== undefined);
    out.push(ctx.tail === undefined ? `return ${built.expr};` : `break ${ctx.tail};`);
    return out;
  }

  /** Assigns parts to the event the caller started, in the event schema's order. */
  private fillEvent(fields: Record<string, Part>, out: string[]): void {
    const groups = new Map<string, Record<string, Part>>();
    for (const [pointer, part] of Object.entries(fields)) {
      const path = parsePointer(pointer);
      if (!groups.has(path[0]!)) groups.set(path[0]!, {});
      groups.get(path[0]!)![pointerOf(path.slice(1))] = part;
    }
    const values: [string, Value][] = [];
    for (const [key, group] of groups) {
      const value = "" in group ? this.source(group[""]!.src, group[""]!.scope, out, key, [key]) : this.object(group, this.targetAt([key]), out, this.declare(key), [key]);
      values.push([key, value]);
    }
    const order = keyOrder([this.targetAt([]).at]);
    values.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
    for (const [key, value] of values)
      out.push(value.maybe ? `if (${value.test ?? value.expr} !== undefined) event.${key} = ${value.expr};` : `event.${key} = ${value.expr};`);
  }

  /** Cases used by name that this module writes (its own provider's): the reference → function name and the schema its reads are walked in. */
  private readonly used = new Map<string, { fn: string; root: GraphNode }>();

  /**
   * The function reading a used case: written (and exported) by the module of the provider that
   * shares it, imported by the others. It takes any value with a `type`: its other reads go
   * through checks or loosely, so every caller's part fits.
   */
  private usedFunction(ref: string, scope: ItemScope): string {
    if (scope.root === undefined) this.fail(`${lit(ref)} is used on a part with no schema`);
    if (this.shared(ref) === undefined) this.fail(`"use": ${lit(ref)} names no case: a provider's mapping lists the cases it shares under "inboundCases"`);
    const [owner = "", name = ""] = ref.split(":");
    const pascal = (w: string) => camel(w).replace(/^./, (c) => c.toUpperCase());
    const fn = `read${pascal(owner)}${pascal(name)}`;
    // Written by the module of the provider that shares it, imported by the others.
    if (owner !== this.p.mapping.provider) return this.module.imports(`./${owner}-webhook.js`).value(fn);
    if (!this.used.has(ref)) this.used.set(ref, { fn: this.module.declare(fn), root: scope.root });
    return this.used.get(ref)!.fn;
  }

  /** Emits the functions of the used cases. Its reads are typed by the first scope it was used on; a part the others lack is read through a check or loosely. */
  emitUsed(): void {
    for (const [ref, entry] of this.used) {
      const saved = { names: this.names, cache: this.cache };
      this.names = locals("message");
      this.cache = new Map();
      const param = "message";
      // Read as `{ type: string }`, what every caller's value has: the rest through checks, or loosely.
      const root = typeOnly(entry.root);
      const body = this.caseCode(this.shared(ref)!, { name: param, root, base: "", pins: new Map(), parts: new Map() }, { ...rootContext(param), time: true, fill: true });
      this.functions.push(
        doc(`Reads ${ref} (a case other providers' mappings use too) from the value given into the event its caller started: the kind, in its place, and the parts after the head; undefined, with the issue added, when the value gives no event.`) +
          `export function ${entry.fn}(event: ${this.type("InboundEvent")}, ${param}: { type: string }, path: string, ${this.readerTail(body)} {\n${body.join("\n")}\n}`,
      );
      this.names = saved.names;
      this.cache = saved.cache;
    }
  }

  /**
   * A case with parts every case below shares after its own (`after`): the cases below assign the
   * event and leave the labelled block; the shared parts are then checked and written once, and the
   * raw item last, as the event schema orders them.
   */
  private withTail(c: InboundCase, scope: ItemScope, ctx: CaseContext): string[] {
    const { after } = c;
    const rest = Object.fromEntries(Object.entries(c).filter(([k]) => ["before", "checks", "error", "items", "on", "cases", "otherwise", "absent", "present", "kind", "fields"].includes(k)));
    const label = this.declare("read");
    const out = ctx.fill ? [] : [`let event: ${this.type("InboundEvent")};`];
    const body = this.branch(() => this.caseCode(rest as InboundCase, scope, { ...ctx, tail: label }));
    out.push(`${label}: {\n${body}\n}`);
    if (after!.comment) out.push(comment(after!.comment).trimEnd());
    for (const [pointer, check] of Object.entries(after!.checks ?? {})) this.checkPart(scope, pointer, check, out);
    const groups = new Map<string, Record<string, Part>>();
    for (const [pointer, src] of Object.entries(after!.event ?? {})) {
      const path = parsePointer(pointer);
      if (!groups.has(path[0]!)) groups.set(path[0]!, {});
      groups.get(path[0]!)![pointerOf(path.slice(1))] = { src, scope };
    }
    const order = keyOrder([this.targetAt([]).at]);
    for (const key of [...groups.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b))) {
      const fields = groups.get(key)!;
      const value = "" in fields ? this.source(fields[""]!.src, scope, out, key, [key]) : this.object(fields, this.targetAt([key]), out, this.declare(key), [key]);
      out.push(value.maybe ? `if (${value.test ?? value.expr} !== undefined) event.${key} = ${value.expr};` : `event.${key} = ${value.expr};`);
    }
    if (!ctx.fill) out.push(`event.raw = ${ctx.raw} as ${this.supportType("Raw")};`);
    out.push("return event;");
    return out;
  }

  /** Code emitted in a branch of its own: the names and values it declares do not leak to its siblings. */
  private branch(emit: () => string[]): string {
    const saved = this.names;
    const savedCache = this.cache;
    this.names = saved.inner();
    this.cache = new Map(savedCache);
    const code = emit();
    this.names = saved;
    this.cache = savedCache;
    return code.join("\n");
  }

  /** Functions reading the items of a batch, one per `items` case. */
  readonly functions: string[] = [];

  /** The parameters every event reader ends with, and what it returns (`_options` where its body does not read them). */
  readerTail(body: string[]): string {
    const options = body.some((l) => /\boptions\b/.test(l)) ? "options" : "_options";
    return `${options}: ${this.supportType("WebhookOptions")}, result: ${this.supportType("ParseResult")}): ${this.type("InboundEvent")} | undefined`;
  }

  /** A batch inside the item: a function reading one item, called for each. */
  private batch(c: InboundCase, scope: ItemScope): string[] {
    if (c.each === undefined) this.fail(`${c.items}: "items" needs "each", the case each item is read with`);
    const read = this.read(scope, c.items!);
    const w = this.walkItem(scope, [...parsePointer(c.items!), "*"]);
    const end = w.ends.length === 1 ? w.ends[0]! : undefined;
    const named = end?.name;
    // A typed item is read as its type; an item the body only knows as an object is checked by its case.
    const typed = named !== undefined && end!.kind === "object";
    const fn = this.module.declare(`${singular(parsePointer(c.items!).pop() ?? "item")}Event`);
    const param = typed ? "item" : "raw";
    const saved = { names: this.names, cache: this.cache };
    this.names = locals(param);
    this.cache = new Map();
    const body = this.caseCode(c.each, { name: param, root: typed ? end : undefined, pins: new Map(), parts: new Map() }, rootContext(param));
    this.functions.push(
      doc(`The event one item of ${c.items} gives; undefined (with the issue added) when it gives none.`) +
        `function ${fn}(provider: string, ${param}: ${typed ? this.type(named) : "unknown"}, path: string, ${this.readerTail(body)} {\n${body.join("\n")}\n}`,
    );
    this.names = saved.names;
    this.cache = saved.cache;
    return [
      `${read.expr}${read.maybe ? "?" : ""}.forEach((${param === "raw" ? "raw" : "entry"}, i) => {`,
      `const event = ${fn}(provider, ${param === "raw" ? "raw" : "entry"}, \`\${path}${scope.base ?? ""}${c.items}/\${i}\`, options, result);`,
      "if (event !== undefined) result.events.push(event);",
      "});",
    ];
  }

  /** The choice among a case's sub-cases: a switch on the value `on` points at, or a test of its presence. */
  private dispatch(c: InboundCase, item: ItemScope, ctx: CaseContext): string[] {
    const read = this.read(item, c.on!);
    const out: string[] = [];
    const cases = c.cases ?? {};
    const known = Object.keys(cases).join(", ");
    let bound = read.expr;
    const sub = (k: InboundCase, value: string, pin?: string) => {
      const pins = new Map(item.pins);
      if (pin !== undefined) pins.set(parsePointer(c.on!).join("/"), pin);
      return this.branch(() => this.caseCode(k, { ...item, pins }, { ...ctx, value, known, chosen: bound }));
    };
    if (c.present !== undefined) {
      if (c.absent === undefined) this.fail(`${c.on}: "present" needs "absent" too`);
      // Present as the schema has it: a part typed as a string is there when it is a string.
      const ends = item.root === undefined ? [] : this.walkItem(item, parsePointer(c.on!)).ends;
      const types = new Set(ends.map((end) => end.type));
      const type = types.size === 1 ? [...types][0] : undefined;
      const path = parsePointer(c.on!);
      // A part only some branches of the item's union have is tested with `in` first, which narrows the union.
      const narrow = item.root !== undefined && path.length === 1 ? `${lit(path[0])} in ${item.name} && ` : "";
      const test =
        narrow +
        (type === "string"
          ? `typeof ${read.expr} === "string"`
          : type === "object"
            ? `${this.support("isObject")}(${read.expr})`
            : type === "array"
              ? `Array.isArray(${read.expr}) && ${read.expr}.length > 0`
              : `${read.expr} !== undefined`);
      out.push(`if (${test}) {\n${sub(c.present, ctx.value)}\n}`, sub(c.absent, ctx.value));
      return out;
    }
    // The value is bound when an error names it, after the part it is read from (`type`, `event`).
    let value = read.expr;
    if (usesValue(c.otherwise) || usesValue(c.absent)) {
      const last = parsePointer(c.on!).pop()!;
      value = this.declare(IDENT.test(last) && !RESERVED.has(last) ? last : `${last.replace(/\W/g, "")}Value`);
      out.push(`const ${value} = ${read.expr};`);
      bound = value;
    }
    if (c.absent !== undefined) out.push(`if (${value} === undefined) {\n${sub(c.absent, ctx.value)}\n}`);
    const arms: string[] = [];
    for (const [v, k] of Object.entries(cases)) {
      if (typeof k === "string") {
        if (typeof cases[k] !== "object") this.fail(`${c.on}: case ${lit(v)} shares ${lit(k)}, which has no case of its own`);
        continue;
      }
      const all = [v, ...Object.keys(cases).filter((other) => cases[other] === v)];
      const labels = all.map((name) => `case ${lit(name)}:`).join("\n");
      arms.push(`${labels} {\n${sub(k, all.map((name) => `"${name}"`).join(" or "), all.length === 1 ? v : undefined)}\n}`);
    }
    const otherwise = c.otherwise === undefined ? undefined : sub(c.otherwise, ctx.value);
    if (arms.length === 0) {
      if (otherwise === undefined) this.fail(`${c.on}: no case`);
      return [...out, otherwise];
    }
    out.push(`switch (${value}) {\n${arms.join("\n")}\n${otherwise === undefined ? "" : `default: {\n${otherwise}\n}`}\n}`);
    if (otherwise === undefined) out.push("return undefined;");
    return out;
  }

  /** The function reading one item of an envelope's batch (`messages`, `statuses`). */
  envelopeReader(key: string, c: InboundCase): string {
    const fn = this.module.declare(`${singular(key)}Event`);
    this.names = locals("change", "checked");
    this.cache = new Map();
    const body = this.caseCode(c, { name: "raw", root: undefined, pins: new Map(), parts: new Map() }, rootContext("raw"));
    const named = (name: string) => (body.some((l) => new RegExp(`\\b${name}\\b`).test(l)) ? name : `_${name}`);
    this.functions.push(
      doc(`The event one item of a change's ${key} gives; undefined (with the issue added, or the item listed as skipped) when it gives none.`) +
        `function ${fn}(provider: string, raw: unknown, path: string, ${named("change")}: ${this.wireModule("cloud-api-envelope").type("CloudApiChange")}, ${named("checked")}: boolean, ${this.readerTail(body)} {\n${body.join("\n")}\n}`,
    );
    return fn;
  }

  /** Whether the items are an envelope's (they get its context and whether the body's check covered them). */
  envelope = false;
}

const CASE_KEYS = new Set(["comment", "skip", "envelope", "batches", "item", "name", "check", "requires", "missingAt", "time", "at", "use", "after", "checks", "before", "items", "each", "event", "kind", "fields", "error", "on", "cases", "otherwise", "absent", "present"]);

/** The context the body's case (or a batch item's) starts from. */
const rootContext = (raw: string): CaseContext => ({ event: {}, time: false, raw, value: "", known: "", chosen: "undefined" });

/** What the cases above hand down: event parts, whether the time was read, the raw item's variable, the value chosen and the values known. */
interface CaseContext {
  event: Record<string, Part>;
  /** The label of the block a shared tail follows: a case assigns the event and leaves it instead of returning. */
  tail?: string;
  /** In a used case's function: the event exists; cases assign its kind and parts. */
  fill?: boolean;
  time: boolean;
  raw: string;
  value: string;
  known: string;
  /** The variable holding the value chosen on, for an error that names it. */
  chosen: string;
}

/** Whether a case's error names the value chosen (then the switch binds it). */
function usesValue(k: InboundCase | undefined): boolean {
  return k !== undefined && ((k.error?.message.includes("{value}") ?? false) || usesValue(k.otherwise) || usesValue(k.absent));
}

const camel = (name: string) => name.replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const singular = (key: string) => itemName(key, "entry");

/**
 * `{ type: string }`, what every value a used case reads has (its other parts go through checks, or
 * loosely), as a node of its own at the place of the first value it was used on.
 */
function typeOnly(at: GraphNode): ObjectNode {
  const place = { loc: at.loc, where: `${at.where} (read as { type: string })`, rules: [], checks: [], schema: { type: "object" } };
  const type: GraphNode = { ...place, kind: "string", type: "string", trimmed: false, notBlank: false, noEmoji: false, emoji: false };
  return { ...place, kind: "object", type: "object", properties: [{ key: "type", node: type, required: true }], required: ["type"], dependents: [], maxTotal: [], uniqueValues: [] };
}

export function inboundModule(graph: SchemaGraph, p: Provider, inbound: InboundMapping, shared: (ref: string) => InboundCase | undefined = () => undefined): string {
  const where = `schemas/providers/${p.mapping.provider}/mapping.json (inbound)`;
  const e = new InboundEmitter(graph, p, where, shared);
  // The exported function and the module's own functions keep their names; imports give way.
  const fn = e.module.declare(inboundFunctionName(p));
  if (inbound.envelope !== undefined) return envelopeModule(e, p, inbound, fn);
  const [eventOf, parse] = [e.module.declare("eventOf"), e.module.declare("parse")];
  const bodyRoot = e.named(p.webhookType);
  // A body that is only a batch is looped over in parse(); any other is read as one item.
  const onlyBatch = inbound.items !== undefined && Object.keys(inbound).every((k) => ["comment", "items", "each"].includes(k));
  e.reserve("body");
  const body = onlyBatch
    ? e.caseCode(inbound, { name: "body", root: bodyRoot, pins: new Map(), parts: new Map() }, rootContext("body")).filter((l) => l !== "return undefined;")
    : e.caseCode(inbound, { name: "item", root: bodyRoot, pins: new Map(), parts: new Map() }, rootContext("item"));
  e.emitUsed();
  const reader = onlyBatch
    ? body.join("\n").replace(/`\$\{path\}/g, "`")
    : ts`const event = ${eventOf}(provider, body, "", options, result);\nif (event !== undefined) result.events.push(event);`;
  const head = `/**\n * ${p.mapping.title} webhooks → InboundEvents, generated from schemas/providers/${p.mapping.provider}/mapping.json (\`inbound\`) and its webhook schema.${onlyBatch ? " Every item of a batch is read on its own: a bad one is reported at its pointer and the others still come out." : ""}\n${inbound.comment === undefined ? "" : ` *\n * ${inbound.comment}\n`} */`;
  const [WebhookOptions, ParseResult] = [e.supportType("WebhookOptions"), e.supportType("ParseResult")];
  const finish = e.support("finish");
  return e.module.render(
    head,
    ts`${e.module.constants.lines}

${e.functions.map((f) => `${f}\n`)}
${!onlyBatch && ts`${doc("The event the body gives; undefined (with the issue added) when it gives none.")}function ${eventOf}(provider: string, item: ${e.type(p.webhookType)}, path: string, ${e.readerTail(body)} {\n${body.join("\n")}\n}\n`}
function ${parse}(provider: string, payload: unknown, options: ${WebhookOptions}): ${ParseResult} {
const result = ${e.support("emptyResult")}();
const body = ${e.support("readChecked")}(payload, ${e.validator(p.webhookType)}, result);
if (body === undefined) return ${finish}(result);
${reader}
return ${finish}(result);
}

${doc(`${p.mapping.title} webhooks to InboundEvents${onlyBatch ? ", every item of a batch" : ""}; never throws.`)}export const ${fn} = ${e.support("neverThrows")}(${parse});`,
  );
}

/** A webhook whose envelope a runtime function walks: a reader per batch, handed to it. */
function envelopeModule(e: InboundEmitter, p: Provider, inbound: InboundMapping, fn: string): string {
  if (inbound.envelope !== "cloudApi" || inbound.batches === undefined || Object.keys(inbound).some((k) => !["comment", "envelope", "batches"].includes(k)))
    throw new SchemaSetError(`schemas/providers/${p.mapping.provider}/mapping.json (inbound): an envelope mapping is { "envelope": "cloudApi", "batches": { "messages": case, "statuses": case } }`);
  e.envelope = true;
  // Imported right after the reader's support, before the hooks the readers call.
  const envelope = e.wireModule("cloud-api-envelope");
  const readers = Object.entries(inbound.batches).map(([key, c]) => [key, e.envelopeReader(key, c)] as const);
  e.emitUsed();
  const head = `/**\n * ${p.mapping.title} webhooks → InboundEvents, generated from schemas/providers/${p.mapping.provider}/mapping.json (\`inbound\`) and its webhook schema: the envelope is walked by the runtime (every entry, change, message and status), each message and status read here.\n${inbound.comment === undefined ? "" : ` *\n * ${inbound.comment}\n`} */`;
  return e.module.render(
    head,
    ts`${e.module.constants.lines}

${e.functions.map((f) => `${f}\n`)}
${doc(`${p.mapping.title} webhooks to InboundEvents, every entry, change, message and status; never throws.`)}export const ${fn} = ${e.support("neverThrows")}((provider, payload, options) =>
${envelope.value("readCloudApiEnvelope")}(provider, payload, options, ${e.validator(p.webhookType)}, { ${readers.map(([key, reader]) => `${key}: ${reader}`).join(", ")} }),
);`,
  );
}
