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
 * code passes each hook what it needs; the hooks import no generated module.
 */
import type { Provider } from "./providers.ts";
import { type Json, type SchemaSet, SchemaSetError } from "./schema-set.ts";
import { type At, type Walk, keyOrder, namedNode, resolve, walk } from "./schema-path.ts";
import { Constants, access, parsePointer, pointerOf, type Path } from "./translation.ts";

/**
 * Where an event part comes from. A string is a JSON Pointer into the item; the objects combine:
 * the first present of several sources, a constant, a read with conversions, a hook, a value only
 * when another is present, and an array of objects read from an array.
 */
export type InboundSource =
  | string
  | { const: Json }
  | { first: InboundSource[] }
  | {
      read: InboundSource;
      /** An empty string is "none" (Meta's `from` for a user with a username). */
      nonEmpty?: true;
      /** Written as a string (an error code Vonage sends as a number). */
      string?: true;
      /** Values that mean "none" (Exotel's status codes that are not failures). */
      except?: Json[];
      /** Provider value → event value; a value not listed is none. */
      values?: Record<string, Json>;
    }
  | { hook: keyof typeof HOOKS; from: string; with?: string[] }
  | { if: InboundSource; then: InboundSource }
  | { each: string; fields: Record<string, InboundSource>; nonEmpty?: true };

/** A source the emitter itself fills (the provider's name, the time read before, the raw item). */
type Source = InboundSource | { code: string };

/** One way an item is read: as an event of a kind, an error, a part to skip, or a further choice. */
export interface InboundCase {
  /** Why, written into the emitted code above the case. */
  comment?: string;
  /** The item's type from here on (`x-ts-name` in the provider's folder), and the variable that holds it; `check` validates the item against it on its own first. */
  item?: string;
  name?: string;
  check?: true;
  /** The item's time, read once before anything else of the case (a hook reading `from`). */
  time?: { from: string; hook: "isoTime" };
  /** Event parts every case below gives (pointers into InboundEvent → sources in the item). */
  event?: Record<string, InboundSource>;
  /** Parts the event needs: a missing one is reported (at the part, or with `missingAt: "parent"` at the object that lacks it, as JSON Schema's `required` is) and the item gives no event. */
  requires?: string[];
  missingAt?: "parent";
  /** The event's kind (a constant, or a source such as a hook) and its own parts. */
  kind?: string | InboundSource;
  fields?: Record<string, InboundSource>;
  /** An issue instead of an event: `{value}` in the message is the value chosen on, `{cases}` the values known. */
  error?: { rule: string; at: string; message: string };
  /** The dispatch: the value `on` points at, a case per value (or the name of another value whose case it shares), and the cases for any other value, an absent one, or any present one. */
  on?: string;
  cases?: Record<string, InboundCase | string>;
  otherwise?: InboundCase;
  absent?: InboundCase;
  present?: InboundCase;
}

export interface InboundMapping extends InboundCase {
  /** The batch array in the body; without it the body is one item (Vonage, Aisoule). */
  items?: string;
}

/**
 * The hand-written hooks an inbound mapping may name: the runtime module each lives in, and
 * whether it reports a problem and returns undefined (then the item gives no event) or always
 * answers. A hook is called with the value read `from`, the values read `with`, the parse options
 * when it takes them, the pointer of `from` in the payload and the error list.
 */
const HOOKS = {
  isoTime: { module: "inbound", checked: true, options: false },
  parseObject: { module: "inbound", checked: true, options: false },
  replyKind: { module: "reply-kind", checked: false, options: true },
} as const;

const lit = (v: unknown) => JSON.stringify(v);
const doc = (text: string) => `/** ${text.replace(/\*\//g, "*\\/")} */\n`;
const comment = (text: string | undefined) => (text === undefined ? "" : `// ${text.replace(/\n/g, "\n// ")}\n`);
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** The names eventOf's parameters and its event take. */
const RESERVED = new Set(["provider", "raw", "path", "options", "result", "event", "timestamp"]);
/** A variable or a chain of property reads: cheap to read twice. */
const SIMPLE = /^[\w$]+((\?)?\.[\w$]+)*$/;

/** The module's file name below src/providers/ and the function it exports. */
export const inboundModuleName = (p: Provider) => `${p.mapping.provider}-webhook`;
export const inboundFunctionName = (p: Provider) => `parse${p.mapping.typeName}Webhook`;

/** The item being read where code is emitted: its variable, its schema and the discriminators fixed so far. */
interface ItemScope {
  name: string;
  root: At | undefined;
  pins: Map<string, unknown>;
  /** Reads a `requires` check has already proven present. */
  known?: Set<string>;
}

/** A compiled source: the expression, and whether it may be undefined. */
interface Value {
  expr: string;
  maybe: boolean;
  /** What to test for presence when it is not the expression itself (a one-item array of a maybe-absent object). */
  test?: string;
}

class InboundEmitter {
  readonly constants = new Constants();
  readonly types = new Set<string>(["InboundEvent"]);
  readonly validators = new Set<string>();
  readonly hooks = new Map<string, Set<string>>();
  readonly runtime = new Set<string>();
  private readonly event: At;
  private names = new Set<string>();

  constructor(
    private readonly set: SchemaSet,
    private readonly p: Provider,
    private readonly where: string,
  ) {
    const file = set.byId.get("https://wa-interactive.dev/schemas/inbound/inbound-event.schema.json");
    if (!file) this.fail("the inbound event schema is missing");
    this.event = { file, node: file.schema };
  }

  private fail(message: string): never {
    throw new SchemaSetError(`${this.where}: ${message}`);
  }

  reserve(name: string): void {
    this.names.add(name);
  }

  private declare(base: string): string {
    let name = IDENT.test(base) ? base : "value";
    for (let n = 2; this.names.has(name) || RESERVED.has(name); n++) name = `${base}${n}`;
    this.names.add(name);
    return name;
  }

  named(name: string): At {
    return namedNode(this.set, `providers/${this.p.mapping.provider}/`, name);
  }

  // ------------------------------------------------------------------ reads

  private walkItem(item: ItemScope, path: Path): Walk {
    if (item.root === undefined) this.fail(`${pointerOf(path)} is read before the item has a type ("item")`);
    const w = walk(this.set, item.root, path, item.pins);
    if (w === undefined) this.fail(`the ${this.p.mapping.provider} webhook schema has no ${pointerOf(path)} there`);
    return w;
  }

  /** `item.a?.b`: a property read, optional-chained past every step the schema lets be absent. */
  read(item: ItemScope, pointer: string): Value {
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

  /** A source compiled to an expression; statements it needs first (hook calls, bindings) go to `pre`. */
  source(src: Source, item: ItemScope, pre: string[], hint: string, at: Path = []): Value {
    if (typeof src === "string") return this.read(item, src);
    if ("code" in src) return { expr: src.code, maybe: false };
    // A source used twice in a case (a condition and the value it guards) is computed once.
    const key = `${item.name} ${lit(src)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let value = this.compile(src, item, pre, hint, at);
    if (value.maybe && !SIMPLE.test(value.expr)) {
      const name = this.declare(hint);
      pre.push(`const ${name} = ${value.expr};`);
      value = { expr: name, maybe: true };
    }
    this.cache.set(key, value);
    return value;
  }

  /** Sources compiled in the case being written, by item and source. */
  cache = new Map<string, Value>();

  private compile(src: Exclude<InboundSource, string>, item: ItemScope, pre: string[], hint: string, at: Path): Value {
    if ("const" in src) return { expr: lit(src.const), maybe: false };
    if ("first" in src) {
      // Each part read in place (not bound on its own): the whole is bound once.
      const parts = src.first.map((s) => (typeof s === "string" ? this.read(item, s) : this.compile(s, item, pre, hint, at)));
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
        const name = this.constants.add(`NO_${upperSnake(hint)}`, `new Set<unknown>(${lit(src.except)})`);
        v = { expr: `${x} === undefined || ${name}.has(${x}) ? undefined : ${x}`, maybe: true };
      }
      if (src.values) {
        const x = bind();
        // Named for what it maps from and to: GROUP_NAME_TO_STATUS.
        const from = typeof src.read === "string" ? `${upperSnake(parsePointer(src.read).pop() ?? "")}_TO_` : "";
        const name = this.constants.add(
          `${from}${upperSnake(hint)}`,
          `${lit(src.values)} as Readonly<Record<string, ${[...new Set(Object.values(src.values).map((j) => typeof j))].join(" | ")}>>`,
        );
        v = { expr: v.maybe ? `${x} === undefined ? undefined : ${name}[${x}]` : `${name}[${x}]`, maybe: true };
      }
      if (src.nonEmpty) {
        this.runtime.add("nonEmpty");
        v = { expr: `nonEmpty(${v.expr})`, maybe: true };
      }
      return v;
    }
    if ("hook" in src) {
      const hook = HOOKS[src.hook];
      if (hook === undefined) this.fail(`unknown hook ${lit(src.hook)}; the hooks are ${Object.keys(HOOKS).join(", ")}`);
      if (!this.hooks.has(hook.module)) this.hooks.set(hook.module, new Set());
      this.hooks.get(hook.module)!.add(src.hook);
      const args = [this.read(item, src.from).expr, ...(src.with ?? []).map((w) => this.read(item, w).expr)];
      if (hook.options) args.push("options");
      args.push(`\`\${path}${src.from}\``, "result.errors");
      const call = `${src.hook}(${args.join(", ")})`;
      if (!hook.checked) return { expr: call, maybe: false };
      const name = this.declare(hint);
      pre.push(`const ${name} = ${call};`, `if (${name} === undefined) return undefined;`);
      return { expr: name, maybe: false };
    }
    if ("if" in src) {
      const cond = this.source(src.if, item, pre, hint);
      const then = this.source(src.then, item, pre, hint);
      return { expr: cond.maybe ? `${cond.expr} === undefined ? undefined : ${then.expr}` : then.expr, maybe: cond.maybe || then.maybe };
    }
    if ("each" in src) {
      const array = this.read(item, src.each);
      const w = this.walkItem(item, [...parsePointer(src.each), "*"]);
      if (w.ends.length !== 1) this.fail(`${src.each}: its items have more than one schema`);
      const element = this.declare(singular(hint));
      const inner: ItemScope = { name: element, root: w.ends[0]!, pins: new Map() };
      const target = this.targetAt([...at, "*"]);
      const statements: string[] = [];
      const built = this.object(src.fields, inner, target, statements, this.declare(`${element}Out`), [...at, "*"]);
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
  private targetAt(path: Path): { at: At; type: string } {
    const w = path.length === 0 ? { steps: [], ends: [this.event] } : walk(this.set, this.event, path);
    if (w === undefined || w.ends.length !== 1) this.fail(`InboundEvent has no single ${pointerOf(path)}`);
    const at = resolve(this.set, w.ends[0]!);
    const named = at.node["x-ts-name"];
    if (typeof named === "string") {
      this.types.add(named);
      return { at, type: named };
    }
    this.fail(`InboundEvent's ${pointerOf(path)} has no x-ts-name to type the object the code builds`);
  }

  /**
   * The code building an object from parts (target pointers relative to it): every value computed
   * first, then one literal of the leading parts that are always there and an assignment per later
   * part, so the keys come in the schema's order. An object of required parts is there when all of
   * them are; one of optional parts only, when any is.
   */
  object(fields: Record<string, Source>, item: ItemScope, target: { at: At; type: string }, out: string[], name: string, base: Path = []): Value {
    const groups = new Map<string, [Path, Source][]>();
    for (const [pointer, src] of Object.entries(fields)) {
      const path = parsePointer(pointer);
      const key = path[0]!;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push([path.slice(1), src]);
    }
    const order = keyOrder(this.set, [target.at]);
    for (const key of groups.keys())
      if (!order.includes(key)) this.fail(`${target.type} has no ${lit(key)} (${pointerOf([...base, key])})`);
    const required = Array.isArray(target.at.node.required) ? (target.at.node.required as string[]) : [];
    const values: { key: string; value: Value }[] = [];
    for (const key of order) {
      const group = groups.get(key);
      if (group === undefined) continue;
      let value: Value;
      if (group.length === 1 && group[0]![0].length === 0) value = this.source(group[0]![1], item, out, key, [...base, key]);
      else if (group.every(([p]) => p[0] === "0") && group.every(([p]) => p.length > 1)) {
        // A one-item array (a status's single error).
        const inner = this.targetAt([...base, key, "0"]);
        const obj = this.object(Object.fromEntries(group.map(([p, s]) => [pointerOf(p.slice(1)), s])), item, inner, out, this.declare(singular(key)), [...base, key, "0"]);
        value = { expr: `[${obj.expr}]`, maybe: obj.maybe, test: obj.expr };
      } else {
        const inner = this.targetAt([...base, key]);
        value = this.object(Object.fromEntries(group.map(([p, s]) => [pointerOf(p), s])), item, inner, out, this.declare(key), [...base, key]);
      }
      values.push({ key, value });
    }
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
    const typed = required.every((k) => values.slice(0, i).some((v) => v.key === k)) ? `: ${target.type}` : "";
    const cast = typed === "" ? ` as ${target.type}` : "";
    if (when.length === 0) {
      if (literal !== undefined && base.length > 0) return { expr: literal, maybe: false };
      out.push(`const ${name}${typed} = { ${lead.join(", ")} }${cast};`, ...rest);
      return { expr: name, maybe: false };
    }
    out.push(`let ${name}: ${target.type} | undefined;`);
    out.push(`if (${when.join(" && ")}) {\n${name} = { ${lead.join(", ")} }${cast};\n${rest.join("\n")}\n}`);
    return { expr: name, maybe: true };
  }

  // ------------------------------------------------------------------ cases

  /** The statements reading one case. */
  caseCode(c: InboundCase, item: ItemScope, ctx: CaseContext): string[] {
    const unknown = Object.keys(c).filter((k) => !CASE_KEYS.has(k) && !(k === "items" && ctx.value === ""));
    if (unknown.length > 0) this.fail(`a case has ${unknown.map((k) => lit(k)).join(", ")}, which no case takes (${[...CASE_KEYS].join(", ")})`);
    const out: string[] = [];
    if (c.comment) out.push(comment(c.comment).trimEnd());
    let scope = item;
    if (c.item !== undefined) {
      const root = this.named(c.item);
      this.types.add(c.item);
      const name = this.declare(c.name ?? "item");
      if (c.check) {
        this.validators.add(`validate${c.item}`);
        this.runtime.add("take");
        out.push("// The item's warnings come out with its event; finish() keeps once those the body's check also saw.");
        out.push(`const ${name} = take(validate${c.item}(${item.name}), path, result);`, `if (${name} === undefined) return undefined;`);
      } else out.push(`const ${name} = ${item.name} as ${c.item};`);
      scope = { name, root, pins: new Map() };
    }
    const inner: CaseContext = { ...ctx, event: { ...ctx.event, ...(c.event ?? {}) } };
    if (c.time !== undefined) {
      this.runtime.add(c.time.hook);
      const read = this.read(scope, c.time.from);
      out.push(`const timestamp = ${c.time.hook}(${read.expr}, \`\${path}${c.time.from}\`, result.errors);`, "if (timestamp === undefined) return undefined;");
      inner.time = true;
    }
    if (c.requires !== undefined) scope = { ...scope, known: new Set([...(scope.known ?? []), ...c.requires]) };
    for (const pointer of c.requires ?? []) {
      const read = this.read({ ...scope, known: undefined }, pointer);
      const path = parsePointer(pointer);
      const at = c.missingAt === "parent" ? pointerOf(path.slice(0, -1)) : pointer;
      this.missing = true;
      out.push(`if (${read.expr} === undefined) return missing(result.errors, \`\${path}${at}\`, ${lit(ctx.value)}, ${lit(path[path.length - 1])});`);
    }
    if (c.error !== undefined) {
      this.runtime.add("issue");
      const message = c.error.message
        .replace(/`/g, "\\`")
        .replace(/\{value\}/g, `\${JSON.stringify(${ctx.chosen})}`)
        .replace(/\{cases\}/g, ctx.known);
      out.push(`result.errors.push(issue(\`\${path}${c.error.at}\`, ${lit(c.error.rule)}, \`${message}\`));`, "return undefined;");
      return out;
    }
    if (c.on !== undefined) return [...out, ...this.dispatch(c, scope, inner)];
    if (c.kind === undefined) this.fail(`a case gives neither a kind, an error nor a choice (${lit(c)})`);
    if (!inner.time) this.fail(`a case of kind ${lit(c.kind)} has no time: give "time" on it or on a case above`);
    const fields: Record<string, Source> = {
      "/provider": { code: "provider" },
      "/kind": typeof c.kind === "string" ? { const: c.kind } : c.kind,
      ...inner.event,
      "/timestamp": { code: "timestamp" },
      ...(c.fields ?? {}),
      "/raw": { code: `${ctx.raw} as Raw` },
    };
    const built = this.object(fields, scope, this.targetAt([]), out, "event");
    out.push(`return ${built.expr};`);
    return out;
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
      const saved = this.names;
      const savedCache = this.cache;
      this.names = new Set(saved);
      this.cache = new Map(savedCache);
      const code = this.caseCode(k, { ...item, pins }, { ...ctx, value, known, chosen: bound });
      this.names = saved;
      this.cache = savedCache;
      return code.join("\n");
    };
    if (c.present !== undefined) {
      if (c.absent === undefined) this.fail(`${c.on}: "present" needs "absent" too`);
      // Present as the schema has it: a part typed as a string is there when it is a string.
      const ends = item.root === undefined ? [] : this.walkItem(item, parsePointer(c.on!)).ends;
      const typed = ends.length > 0 && ends.every((end) => resolve(this.set, end).node.type === "string");
      const path = parsePointer(c.on!);
      // A part only some branches of the item's union have is tested with `in` first, which narrows the union.
      const narrow = item.root !== undefined && path.length === 1 ? `${lit(path[0])} in ${item.name} && ` : "";
      const test = narrow + (typed ? `typeof ${read.expr} === "string"` : `${read.expr} !== undefined`);
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
      arms.push(`${labels} {\n${sub(k, all.join(" or "), all.length === 1 ? v : undefined)}\n}`);
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

  /** Whether the module needs its `missing` helper. */
  missing = false;
}

const CASE_KEYS = new Set(["comment", "item", "name", "check", "time", "event", "requires", "missingAt", "kind", "fields", "error", "on", "cases", "otherwise", "absent", "present"]);

/** What the cases above hand down: event parts, whether the time was read, the raw item's variable, the value chosen and the values known. */
interface CaseContext {
  event: Record<string, InboundSource>;
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

const upperSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/\W+/g, "_").toUpperCase();

function singular(key: string): string {
  const last = key.split(/[/_\W]+/).filter(Boolean).pop() ?? "item";
  const noun = last.endsWith("ies") ? `${last.slice(0, -3)}y` : last.endsWith("s") ? last.slice(0, -1) : `${last}Item`;
  return IDENT.test(noun) ? noun : "entry";
}

export function inboundModule(set: SchemaSet, p: Provider, inbound: InboundMapping): string {
  const where = `schemas/providers/${p.mapping.provider}/mapping.json (inbound)`;
  const e = new InboundEmitter(set, p, where);
  const bodyRoot = e.named(p.webhookType);
  let itemType = p.webhookType;
  let items = "";
  if (inbound.items !== undefined) {
    const w = walk(set, bodyRoot, [...parsePointer(inbound.items), "*"]);
    if (w === undefined) throw new SchemaSetError(`${where}: the webhook schema has no array at ${inbound.items}`);
    const named = resolve(set, w.ends[0]!).node["x-ts-name"];
    itemType = typeof named === "string" ? named : `${p.webhookType}${parsePointer(inbound.items).map((s) => `[${lit(s)}]`).join("")}[number]`;
    items = access("body", parsePointer(inbound.items));
  }
  const itemRoot = inbound.items === undefined ? bodyRoot : inbound.item === undefined && typeof itemType === "string" && !itemType.includes("[") ? e.named(itemType) : undefined;
  e.types.add(itemType.includes("[") ? p.webhookType : itemType);
  const param = itemRoot === undefined ? "raw" : "item";
  e.reserve(param);
  const body = e.caseCode(inbound, { name: param, root: itemRoot, pins: new Map() }, { event: {}, time: false, raw: param, value: "", known: "", chosen: "undefined" });
  const fn = inboundFunctionName(p);
  const runtime = [...e.runtime].filter((r) => r !== "issue");
  const needsMissing = e.missing;
  const needsIssue = e.runtime.has("issue") || needsMissing;
  const validators = [`validate${p.webhookType}`, ...e.validators].sort();
  const hookImports = [...e.hooks].filter(([module]) => module !== "inbound");
  const inboundHooks = e.hooks.get("inbound") ?? new Set<string>();
  const fromInbound = [...new Set(["emptyResult", "finish", "neverThrows", "readChecked", ...runtime, ...inboundHooks])].sort();
  const parseBody =
    inbound.items === undefined
      ? `const event = eventOf(provider, body, "", options, result);\nif (event !== undefined) result.events.push(event);`
      : `${items}.forEach((raw, i) => {\nconst event = eventOf(provider, raw, \`${inbound.items}/\${i}\`, options, result);\nif (event !== undefined) result.events.push(event);\n});`;
  const uses = (name: string) => body.some((l) => new RegExp(`\\b${name}\\b`).test(l));
  return [
    `/**\n * ${p.mapping.title} webhooks → InboundEvents, generated from schemas/providers/${p.mapping.provider}/mapping.json (\`inbound\`) and its webhook schema.${inbound.items === undefined ? " One event per request." : " Every item of a batch is read on its own: a bad one is reported at its pointer and the others still come out."}\n${inbound.comment === undefined ? "" : ` *\n * ${inbound.comment}\n`} */`,
    `import type { ${[...e.types].sort().join(", ")} } from "../types.js";`,
    `import { ${validators.join(", ")} } from "../validators.js";`,
    needsIssue ? `import { issue${needsMissing ? ", type ValidationIssue" : ""} } from "../runtime/issues.js";` : "",
    `import { type ParseResult, type Raw, type WebhookOptions, ${fromInbound.join(", ")} } from "../runtime/inbound.js";`,
    ...hookImports.map(([module, names]) => `import { ${[...names].sort().join(", ")} } from "../runtime/${module}.js";`),
    ...e.constants.lines,
    "",
    needsMissing
      ? doc("Reports a part the event needs and the item left out; the item gives no event.") +
        `function missing(errors: ValidationIssue[], path: string, type: string, part: string): undefined {\nerrors.push(issue(path, "required", \`a \${type} message must have "\${part}"\`));\nreturn undefined;\n}\n`
      : "",
    doc("The event one item gives; undefined (with the issue added) when the item gives none.") +
      `function eventOf(provider: string, ${param}: ${itemType}, path: string, ${uses("options") ? "options" : "_options"}: WebhookOptions, result: ParseResult): InboundEvent | undefined {\n${body.join("\n")}\n}`,
    "",
    `function parse(provider: string, payload: unknown, options: WebhookOptions): ParseResult {\nconst result = emptyResult();\nconst body = readChecked(payload, validate${p.webhookType}, result);\nif (body === undefined) return finish(result);\n${parseBody}\nreturn finish(result);\n}`,
    "",
    doc(`${p.mapping.title} webhooks to InboundEvents${inbound.items === undefined ? "" : ", every item of a batch"}; never throws.`) +
      `export const ${fn} = neverThrows(parse);`,
  ]
    .filter((l, i, all) => l !== "" || all[i - 1] !== "")
    .join("\n");
}
