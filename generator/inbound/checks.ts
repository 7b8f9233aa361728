/**
 * The checks a case makes of what it reads: the item against its own schema (`item`), a part on
 * its own (`checks`), the parts it needs there (`requires`). A failed check drops the item with
 * the issue at its pointer; what a check proved is known to the reads after it.
 */
import type { Check, InboundCase } from "../inbound-mapping.ts";
import { lit } from "../code.ts";
import { parsePointer, pointerOf } from "../translation.ts";
import type { InboundEmitter } from "./emitter.ts";
import { camel } from "./names.ts";
import { anyRead, read } from "./reads.ts";
import { type CaseContext, issuePath, type ItemScope, scopeOf } from "./scope.ts";

/** The item checked against the case's `item` schema (or only typed as it, where another check covered it); reads then come from it. */
export function checkItem(e: InboundEmitter, c: InboundCase, scope: ItemScope, out: string[]): ItemScope {
  if (c.item === undefined) return scope;
  const root = e.named(c.item);
  const name = e.declare(c.name ?? "item");
  const type = e.type(c.item);
  const take = `${e.support("take")}(${e.validator(c.item)}(${scope.name}), path, result)`;
  if (c.check === "ifBodyFailed") {
    out.push("// Checked with the body when the body passed; else on its own, so that the others still come out.");
    out.push(`const ${name} = checked ? (${scope.name} as ${type}) : ${take};`, `if (${name} === undefined) return undefined;`);
  } else if (c.check) {
    out.push("// The item's warnings come out with its event; finish() keeps once those the body's check also saw.");
    out.push(`const ${name} = ${take};`, `if (${name} === undefined) return undefined;`);
  } else out.push(`const ${name} = ${scope.name} as ${type};`);
  return scopeOf(name, root);
}

/** Each part the case `requires`: missing, the item gives no event; there, its reads are no longer optional. */
export function checkRequired(e: InboundEmitter, c: InboundCase, scope: ItemScope, ctx: CaseContext, out: string[]): ItemScope {
  if (c.requires === undefined) return scope;
  for (const pointer of c.requires) {
    const value = read(e, scope, pointer);
    const path = parsePointer(pointer);
    const at = c.missingAt === "parent" ? pointerOf(path.slice(0, -1)) : pointer;
    out.push(`if (${value.expr} === undefined) return ${e.support("missing")}(result.errors, ${issuePath(scope, at)}, ${lit(ctx.value)}, ${lit(path[path.length - 1])});`);
  }
  return { ...scope, known: new Set([...(scope.known ?? []), ...c.requires]) };
}

/** Validates a part on its own; reads below it then come from the checked value. */
export function checkPart(e: InboundEmitter, scope: ItemScope, pointer: string, check: Check, out: string[]): void {
  const type = typeof check === "string" ? check : check.type;
  const ifPresent = typeof check !== "string" && check.ifPresent === true;
  const root = e.named(type);
  const subject = anyRead(e, scope, pointer, out);
  const name = e.declare(camel(parsePointer(pointer).pop() ?? "part"));
  const take = `${e.support("take")}(${e.validator(type)}(${subject.expr}), ${issuePath(scope, pointer)}, result)`;
  if (ifPresent) {
    out.push(`let ${name}: ${e.type(type)} | undefined;`, `if (${subject.expr} !== undefined) {\n${name} = ${take};\nif (${name} === undefined) return undefined;\n}`);
  } else out.push(`const ${name} = ${take};`, `if (${name} === undefined) return undefined;`);
  scope.parts!.set(pointer, { name, root, maybe: ifPresent });
}

/** Every part the case checks on its own (`checks`). */
export function checkParts(e: InboundEmitter, checks: Record<string, Check> | undefined, scope: ItemScope, out: string[]): void {
  for (const [pointer, check] of Object.entries(checks ?? {})) checkPart(e, scope, pointer, check, out);
}
