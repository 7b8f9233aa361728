/**
 * A mapping's sources compiled to expressions: a read, a constant, the first present of several,
 * a read with conversions, a hook call, a guarded value, an array of objects. Statements a source
 * needs first (hook calls, bindings) go to `pre`; a source used twice in a case is computed once.
 */
import { HOOKS, type InboundSource } from "../inbound-mapping.ts";
import { lit } from "../code.ts";
import { constName, parsePointer, type Path } from "../translation.ts";
import type { InboundEmitter } from "./emitter.ts";
import { object, targetAt } from "./event-object.ts";
import { camel, SIMPLE, singular } from "./names.ts";
import { loose, read, walkPart } from "./reads.ts";
import { issuePath, type ItemScope, type Source, type Value } from "./scope.ts";

/**
 * `mode` "statement": a hook that drops the item returns from the reader when it fails; "expression":
 * under `if`, it is only called when the condition holds, and its failure leaves the part out.
 */
type Mode = "statement" | "expression";
/** The forms of InboundSource, one by one, by the key that tells them apart. */
type Form<K extends string> = Extract<InboundSource, Record<K, unknown>>;

/** A source compiled to an expression, bound to a local when it may be undefined and is not cheap to read twice. */
export function source(e: InboundEmitter, src: Source, item: ItemScope, pre: string[], hint: string, at: Path = [], mode: Mode = "statement"): Value {
  if (typeof src === "string") return read(e, item, src);
  if ("code" in src) return { expr: src.code, maybe: false };
  // A source used twice in a case (a condition and the value it guards) is computed once.
  const key = `${item.name} ${lit(src)}`;
  const cached = e.cache.get(key);
  if (cached !== undefined) return cached;
  let value = compile(e, src, item, pre, hint, at, mode);
  if (value.maybe && !SIMPLE.test(value.expr)) {
    const name = e.declare(camel(hint));
    pre.push(`const ${name} = ${value.expr};`);
    value = { expr: name, maybe: true };
  }
  e.cache.set(key, value);
  return value;
}

/** A source read in place: a pointer as a read, any other form compiled (not bound on its own). */
const inPlace = (e: InboundEmitter, src: InboundSource, item: ItemScope, pre: string[], hint: string, at: Path, mode: Mode = "statement"): Value =>
  typeof src === "string" ? read(e, item, src) : compile(e, src, item, pre, hint, at, mode);

/** The expression of one source form. */
function compile(e: InboundEmitter, src: Exclude<Source, string>, item: ItemScope, pre: string[], hint: string, at: Path, mode: Mode = "statement"): Value {
  if ("code" in src) return { expr: src.code, maybe: false };
  if ("const" in src) return { expr: lit(src.const), maybe: false };
  if ("loose" in src) return loose(e, item, src.loose, src.type, pre);
  if ("context" in src) {
    if (!e.envelope) e.fail(`${lit(src)}: only an envelope's items have a context`);
    return { expr: `change.${src.context}`, maybe: src.context === "to" };
  }
  if ("of" in src) return partOf(e, src, item, pre, hint, at);
  if ("join" in src) {
    const parts = src.join.map((s) => source(e, s, item, pre, hint, at));
    return { expr: `\`${parts.map((v) => (v.expr.startsWith('"') ? JSON.parse(v.expr) : `\${${v.expr}}`)).join("")}\``, maybe: false };
  }
  if ("first" in src) {
    // Each part read in place (not bound on its own): the whole is bound once.
    const parts = src.first.map((s) => inPlace(e, s, item, pre, hint, at, mode));
    const cut = parts.findIndex((v) => !v.maybe);
    const used = cut < 0 ? parts : parts.slice(0, cut + 1);
    return { expr: used.map((v) => (v.expr.includes("?") && !SIMPLE.test(v.expr) ? `(${v.expr})` : v.expr)).join(" ?? "), maybe: cut < 0 };
  }
  if ("read" in src) return converted(e, src, item, pre, hint);
  if ("hook" in src) return hookCall(e, src, item, pre, hint, at, mode);
  if ("if" in src) {
    const cond = source(e, src.if, item, pre, hint);
    const then = inPlace(e, src.then, item, pre, hint, at, "expression");
    return { expr: cond.maybe ? `${cond.expr} === undefined ? undefined : ${then.expr}` : then.expr, maybe: cond.maybe || then.maybe };
  }
  if ("each" in src) return eachItem(e, src, item, pre, hint, at);
  return e.fail(`an event part has a source of no known form: ${lit(src)}`);
}

/** A part of another source's value: the value bound once, typed by its schema (named after it: a MetaWebhookContact is `contact`). */
function partOf(e: InboundEmitter, src: Form<"of">, item: ItemScope, pre: string[], hint: string, at: Path): Value {
  const key = `${item.name} ${lit(src.of)} as ${src.type}`;
  let of = e.cache.get(key);
  if (of === undefined) {
    const value = inPlace(e, src.of, item, pre, hint, at);
    const name = e.declare(camel(src.type.replace(/^.*[a-z0-9](?=[A-Z])/, "").toLowerCase()));
    pre.push(`const ${name} = ${value.expr} as ${e.type(src.type)}${value.maybe ? " | undefined" : ""};`);
    of = { expr: name, maybe: value.maybe };
    e.cache.set(key, of);
  }
  const inner = read(e, { name: of.expr, root: e.named(src.type), pins: new Map() }, src.read);
  return { expr: of.maybe ? inner.expr.replace(of.expr, `${of.expr}?`).replace("??.", "?.") : inner.expr, maybe: of.maybe || inner.maybe };
}

/** A read with conversions: to a string, values meaning none dropped, values mapped, an empty string as none. */
function converted(e: InboundEmitter, src: Exclude<Form<"read">, Form<"of">>, item: ItemScope, pre: string[], hint: string): Value {
  let v = source(e, src.read, item, pre, hint);
  // A conversion reads the value twice: anything but a plain read is bound first.
  const bind = (): string => {
    if (/^[\w$.?]+$/.test(v.expr)) return v.expr;
    const name = e.declare(hint);
    pre.push(`const ${name} = ${v.expr};`);
    return name;
  };
  if (src.string) {
    const x = bind();
    v = { expr: v.maybe ? `${x} === undefined ? undefined : String(${x})` : `String(${x})`, maybe: v.maybe };
  }
  if (src.except) {
    const x = bind();
    const name = e.module.constants.add(`NO_${constName(hint)}`, `new Set<unknown>(${lit(src.except)})`);
    v = { expr: `${x} === undefined || ${name}.has(${x}) ? undefined : ${x}`, maybe: true };
  }
  if (src.values) {
    const x = bind();
    // Named for what it maps from and to: GROUP_NAME_TO_STATUS.
    const from = typeof src.read === "string" ? `${constName(parsePointer(src.read).pop() ?? "")}_TO_` : "";
    const types = [...new Set(Object.values(src.values).map((j) => typeof j))].join(" | ");
    const name = e.module.constants.add(`${from}${constName(hint)}`, `${lit(src.values)} as Readonly<Record<string, ${types}>>`);
    v = { expr: v.maybe ? `${x} === undefined ? undefined : ${name}[${x}]` : `${name}[${x}]`, maybe: true };
  }
  if (src.nonEmpty) v = { expr: `${e.support("nonEmpty")}(${v.expr})`, maybe: true };
  return v;
}

/** A hand-written hook's call, passed what HOOKS says it takes; one that drops the item returns when it fails. */
function hookCall(e: InboundEmitter, src: Form<"hook">, item: ItemScope, pre: string[], hint: string, at: Path, mode: Mode): Value {
  const hook = HOOKS[src.hook];
  if (hook === undefined) e.fail(`unknown hook ${lit(src.hook)}; the hooks are ${Object.keys(HOOKS).join(", ")}`);
  const from = source(e, src.from, item, pre, hint, at);
  const args = [from.expr, ...(src.with ?? []).map((w) => source(e, w, item, pre, hint, at).expr)];
  if (hook.validator !== undefined) args.push(e.validator(hook.validator));
  if (hook.options) args.push("options");
  const fromPointer = typeof src.from === "string" ? src.from : "loose" in src.from ? src.from.loose : "";
  if (hook.reports !== "none") args.push(issuePath(item, fromPointer), hook.result ? "result" : "result.errors");
  const call = `${e.wireModule(hook.module).value(src.hook)}(${args.join(", ")})`;
  if (hook.reports !== "drops") return { expr: call, maybe: hook.maybe === true };
  if (mode === "expression") return { expr: call, maybe: true };
  const name = e.declare(camel(hint));
  pre.push(`const ${name} = ${call};`, `if (${name} === undefined) return undefined;`);
  return { expr: name, maybe: false };
}

/** An array of objects, one built from each item of an array of the item (`nonEmpty`: an empty one is none). */
function eachItem(e: InboundEmitter, src: Form<"each">, item: ItemScope, pre: string[], hint: string, at: Path): Value {
  const array = read(e, item, src.each);
  const w = walkPart(e, item, `${src.each}/*`);
  if (w.ends.length !== 1) e.fail(`${src.each}: its items have more than one schema`);
  const element = e.declare(singular(hint));
  const inner: ItemScope = { name: element, root: w.ends[0]!, pins: new Map() };
  const target = targetAt(e, [...at, "*"]);
  const statements: string[] = [];
  const fields = Object.fromEntries(Object.entries(src.fields).map(([k, v]) => [k, { src: v, scope: inner }]));
  const built = object(e, fields, target, statements, e.declare(`${element}Out`), [...at, "*"]);
  const body = statements.length === 0 ? built.expr : `{\n${statements.join("\n")}\nreturn ${built.expr};\n}`;
  const mapped = `${array.expr}${array.maybe ? "?" : ""}.map((${element}) => ${body})`;
  if (!src.nonEmpty) return { expr: mapped, maybe: array.maybe };
  const name = e.declare(hint);
  pre.push(`const ${name} = ${array.expr}${array.maybe ? " !== undefined &&" : ""} ${array.expr}.length > 0 ? ${mapped} : undefined;`);
  return { expr: name, maybe: true };
}
