/**
 * The choice among a case's sub-cases by what the item says it is: a switch on the value `on`
 * points at (cases sharing another's code listed as its labels), or a test of its presence. Each
 * sub-case is written in a branch of its own, with the value chosen pinned so that its reads walk
 * the union's branch it selects.
 */
import type { InboundCase } from "../inbound-mapping.ts";
import { lit } from "../code.ts";
import { parsePointer } from "../translation.ts";
import { caseCode } from "./cases.ts";
import type { InboundEmitter } from "./emitter.ts";
import { IDENT, RESERVED } from "./names.ts";
import { read, walkItem } from "./reads.ts";
import type { CaseContext, ItemScope, Value } from "./scope.ts";

/** What a choice writes its sub-cases with. */
interface Choice {
  c: InboundCase;
  item: ItemScope;
  ctx: CaseContext;
  read: Value;
  /** The variable holding the value chosen, for an error that names it. */
  bound: string;
}

/** The code of a sub-case, in a branch of its own; `pin` fixes the value chosen for its reads. */
function sub(e: InboundEmitter, choice: Choice, k: InboundCase, value: string, pin?: string): string {
  const { c, item, ctx } = choice;
  const pins = new Map(item.pins);
  if (pin !== undefined) pins.set(parsePointer(c.on!).join("/"), pin);
  const known = Object.keys(c.cases ?? {}).join(", ");
  return e.branch(() => caseCode(e, k, { ...item, pins }, { ...ctx, value, known, chosen: choice.bound }));
}

/** The choice among a case's sub-cases: a switch on the value `on` points at, or a test of its presence. */
export function dispatch(e: InboundEmitter, c: InboundCase, item: ItemScope, ctx: CaseContext): string[] {
  const value = read(e, item, c.on!);
  const choice: Choice = { c, item, ctx, read: value, bound: value.expr };
  return c.present !== undefined ? presenceChoice(e, choice) : valueSwitch(e, choice);
}

/** `present` or `absent`, as the schema has the part: a part typed as a string is there when it is a string. */
function presenceChoice(e: InboundEmitter, choice: Choice): string[] {
  const { c, item, ctx, read: value } = choice;
  if (c.absent === undefined) e.fail(`${c.on}: "present" needs "absent" too`);
  const ends = item.root === undefined ? [] : walkItem(e, item, parsePointer(c.on!)).ends;
  const types = new Set(ends.map((end) => end.type));
  const type = types.size === 1 ? [...types][0] : undefined;
  const path = parsePointer(c.on!);
  // A part only some branches of the item's union have is tested with `in` first, which narrows the union.
  const narrow = item.root !== undefined && path.length === 1 ? `${lit(path[0])} in ${item.name} && ` : "";
  const test =
    narrow +
    (type === "string"
      ? `typeof ${value.expr} === "string"`
      : type === "object"
        ? `${e.support("isObject")}(${value.expr})`
        : type === "array"
          ? `Array.isArray(${value.expr}) && ${value.expr}.length > 0`
          : `${value.expr} !== undefined`);
  return [`if (${test}) {\n${sub(e, choice, c.present!, ctx.value)}\n}`, sub(e, choice, c.absent, ctx.value)];
}

/** A switch on the value: a label per value (with those sharing its case), `absent` before it, `otherwise` as its default. */
function valueSwitch(e: InboundEmitter, choice: Choice): string[] {
  const { c, ctx } = choice;
  const out: string[] = [];
  const cases = c.cases ?? {};
  // The value is bound when an error names it, after the part it is read from (`type`, `event`).
  let value = choice.read.expr;
  if (usesValue(c.otherwise) || usesValue(c.absent)) {
    const last = parsePointer(c.on!).pop()!;
    value = e.declare(IDENT.test(last) && !RESERVED.has(last) ? last : `${last.replace(/\W/g, "")}Value`);
    out.push(`const ${value} = ${choice.read.expr};`);
    choice.bound = value;
  }
  if (c.absent !== undefined) out.push(`if (${value} === undefined) {\n${sub(e, choice, c.absent, ctx.value)}\n}`);
  const arms: string[] = [];
  for (const [v, k] of Object.entries(cases)) {
    if (typeof k === "string") {
      if (typeof cases[k] !== "object") e.fail(`${c.on}: case ${lit(v)} shares ${lit(k)}, which has no case of its own`);
      continue;
    }
    const all = [v, ...Object.keys(cases).filter((other) => cases[other] === v)];
    const labels = all.map((name) => `case ${lit(name)}:`).join("\n");
    arms.push(`${labels} {\n${sub(e, choice, k, all.map((name) => `"${name}"`).join(" or "), all.length === 1 ? v : undefined)}\n}`);
  }
  const otherwise = c.otherwise === undefined ? undefined : sub(e, choice, c.otherwise, ctx.value);
  if (arms.length === 0) {
    if (otherwise === undefined) e.fail(`${c.on}: no case`);
    return [...out, otherwise];
  }
  out.push(`switch (${value}) {\n${arms.join("\n")}\n${otherwise === undefined ? "" : `default: {\n${otherwise}\n}`}\n}`);
  if (otherwise === undefined) out.push("return undefined;");
  return out;
}

/** Whether a case's error names the value chosen (then the switch binds it). */
function usesValue(k: InboundCase | undefined): boolean {
  return k !== undefined && ((k.error?.message.includes("{value}") ?? false) || usesValue(k.otherwise) || usesValue(k.absent));
}
