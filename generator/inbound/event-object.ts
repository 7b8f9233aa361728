/**
 * The InboundEvent (and each object inside it) written from its parts: every value computed in
 * the mapping's order (a kind from a hook before the parts that reuse its values), then written in
 * the event schema's key order, which every part is checked against.
 */
import { resolved } from "../graph/query.ts";
import { lit } from "../code.ts";
import { type Shape, keyOrder, requiredOf, walk } from "../schema-path.ts";
import { access, parsePointer, pointerOf, type Path } from "../translation.ts";
import type { InboundEmitter } from "./emitter.ts";
import { IDENT, singular } from "./names.ts";
import { source } from "./sources.ts";
import type { Part, Value } from "./scope.ts";

/** An object of the event schema: its node and its generated type name. */
export interface Target {
  at: Shape;
  type: string;
}

/** A part of the object being written: its key and its value. */
interface Member {
  key: string;
  value: Value;
}

/** The event schema's node for a target path (relative to InboundEvent), with its generated type name. */
export function targetAt(e: InboundEmitter, path: Path): Target {
  const w = path.length === 0 ? { steps: [], ends: [e.event] } : walk(e.event, path);
  if (w === undefined || w.ends.length !== 1) e.fail(`InboundEvent has no single ${pointerOf(path)}`);
  const at = resolved(w.ends[0]!);
  const named = at.name;
  if (named !== undefined) return { at, type: named };
  e.fail(`InboundEvent's ${pointerOf(path)} has no x-ts-name to type the object the code builds`);
}

/** Parts by their first key, each keyed by its pointer below that key ("" for the key's own value), in the mapping's order. */
export function byFirstKey(fields: Record<string, Part>): Map<string, Record<string, Part>> {
  const groups = new Map<string, Record<string, Part>>();
  for (const [pointer, part] of Object.entries(fields)) {
    const path = parsePointer(pointer);
    if (!groups.has(path[0]!)) groups.set(path[0]!, {});
    groups.get(path[0]!)![pointerOf(path.slice(1))] = part;
  }
  return groups;
}

/** The value of the event's `key`: its own source, or an object built from the parts below it. */
export function eventPart(e: InboundEmitter, key: string, group: Record<string, Part>, out: string[]): Value {
  if ("" in group) return source(e, group[""]!.src, group[""]!.scope, out, key, [key]);
  return object(e, group, targetAt(e, [key]), out, e.declare(key), [key]);
}

/** The statement setting the event's `key` (only when the value is there, if it may not be). */
export const assignEventPart = (key: string, value: Value) =>
  value.maybe ? `if (${value.test ?? value.expr} !== undefined) event.${key} = ${value.expr};` : `event.${key} = ${value.expr};`;

/** Assigns parts to the event the caller started, in the event schema's order. */
export function fillEvent(e: InboundEmitter, fields: Record<string, Part>, out: string[]): void {
  const values = [...byFirstKey(fields)].map(([key, group]) => [key, eventPart(e, key, group, out)] as const);
  const order = keyOrder([targetAt(e, []).at]);
  for (const [key, value] of values.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))) out.push(assignEventPart(key, value));
}

/** The value of an object's `key` from the parts below it: its own source, a one-item array (a status's single error), or an object. */
function memberValue(e: InboundEmitter, key: string, group: Record<string, Part>, out: string[], base: Path): Value {
  const parts = Object.entries(group).map(([pointer, part]) => [parsePointer(pointer), part] as const);
  if (parts.length === 1 && parts[0]![0].length === 0) return source(e, parts[0]![1].src, parts[0]![1].scope, out, key, [...base, key]);
  if (parts.every(([p]) => p[0] === "0" && p.length > 1)) {
    const inner = targetAt(e, [...base, key, "0"]);
    const fields = Object.fromEntries(parts.map(([p, s]) => [pointerOf(p.slice(1)), s]));
    const obj = object(e, fields, inner, out, e.declare(singular(key)), [...base, key, "0"]);
    return { expr: `[${obj.expr}]`, maybe: obj.maybe, test: obj.expr };
  }
  return object(e, group, targetAt(e, [...base, key]), out, e.declare(key), [...base, key]);
}

/**
 * The code building an object from parts (target pointers relative to it): every value computed
 * first, then one literal of the leading parts that are always there and an assignment per later
 * part, so the keys come in the schema's order. An object of required parts is there when all of
 * them are; one of optional parts only, when any is.
 */
export function object(e: InboundEmitter, fields: Record<string, Part>, target: Target, out: string[], name: string, base: Path = [], assign = false): Value {
  const groups = byFirstKey(fields);
  const order = keyOrder([target.at]);
  for (const key of groups.keys())
    if (!order.includes(key)) e.fail(`${target.type} has no ${lit(key)} (${pointerOf([...base, key])})`);
  const required = requiredOf(target.at);
  const members: Member[] = [...groups].map(([key, group]) => ({ key, value: memberValue(e, key, group, out, base) }));
  members.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const missingRequired = required.filter((k) => !members.some((v) => v.key === k));
  if (missingRequired.length > 0 && base.length > 0) e.fail(`${target.type} needs ${missingRequired.join(", ")} (${pointerOf(base)})`);
  const requiredMaybe = members.filter((v) => required.includes(v.key) && v.value.maybe);
  if (base.length === 0 && requiredMaybe.length > 0)
    e.fail(`the event's ${requiredMaybe.map((v) => `/${v.key}`).join(", ")} may be missing: list the part in "requires", or give a source that is always there`);
  return written(e, { target, required, members, requiredMaybe, out, name, nested: base.length > 0, assign });
}

/** What `written` needs: the object's members in the schema's order, the keys it requires, where the code goes. */
interface ObjectCode {
  target: Target;
  required: readonly string[];
  members: Member[];
  requiredMaybe: Member[];
  out: string[];
  name: string;
  /** Inside another object: an object that is always there is written as a literal in place. */
  nested: boolean;
  /** Assigned to the event a shared tail completes, not declared. */
  assign: boolean;
}

/** The condition under which the object is there: its required parts that may be missing all there, or (optional parts only) any part. */
function presence({ required, members, requiredMaybe }: ObjectCode): string[] {
  const present = (v: Member) => `${v.value.test ?? v.value.expr} !== undefined`;
  if (required.length > 0 && members.some((v) => required.includes(v.key))) return requiredMaybe.map(present);
  return members.every((v) => v.value.maybe) ? [members.map(present).join(" || ")] : [];
}

/** The object's code: a literal of the leading parts that are always there (or required), an assignment per later part. */
function written(e: InboundEmitter, o: ObjectCode): Value {
  const { required, members, out, name } = o;
  const when = presence(o);
  const lead: string[] = [];
  let i = 0;
  const member = (key: string, expr: string) => (expr === key ? key : `${IDENT.test(key) ? key : lit(key)}: ${expr}`);
  for (; i < members.length && (!members[i]!.value.maybe || required.includes(members[i]!.key)); i++)
    lead.push(member(members[i]!.key, members[i]!.value.expr + (members[i]!.value.maybe ? "!" : "")));
  const rest = members.slice(i).map(({ key, value }) =>
    value.maybe ? `if (${value.test ?? value.expr} !== undefined) ${access(name, [key])} = ${value.expr};` : `${access(name, [key])} = ${value.expr};`,
  );
  const literal = rest.length === 0 && lead.length === members.length ? `{ ${lead.join(", ")} }` : undefined;
  // `as`: the parts the type requires that come after an optional one are assigned below.
  const type = e.type(o.target.type);
  const typed = required.every((k) => members.slice(0, i).some((v) => v.key === k)) ? `: ${type}` : "";
  const cast = typed === "" ? ` as ${type}` : "";
  if (when.length === 0) {
    if (literal !== undefined && o.nested) return { expr: literal, maybe: false };
    // Assigned to the event a shared tail completes, or declared.
    out.push(o.assign ? `${name} = { ${lead.join(", ")} } as ${type};` : `const ${name}${typed} = { ${lead.join(", ")} }${cast};`, ...rest);
    return { expr: name, maybe: false };
  }
  out.push(`let ${name}: ${type} | undefined;`);
  out.push(`if (${when.join(" && ")}) {\n${name} = { ${lead.join(", ")} }${cast};\n${rest.join("\n")}\n}`);
  return { expr: name, maybe: true };
}
