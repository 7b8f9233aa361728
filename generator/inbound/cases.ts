/**
 * The statements reading one case of a mapping, in the order a case's keys act: checks of the
 * item, the cases tried before it (`before`), a shared tail (`after`), the time, a move to a part
 * (`at`), then what ends the case: a used case, an error, a skip, a batch, a choice, or the event.
 */
import type { InboundCase } from "../inbound-mapping.ts";
import { lit } from "../code.ts";
import { parsePointer } from "../translation.ts";
import { batch } from "./batches.ts";
import { checkItem, checkParts, checkRequired } from "./checks.ts";
import { dispatch } from "./choices.ts";
import type { InboundEmitter } from "./emitter.ts";
import { fillEvent, object, targetAt } from "./event-object.ts";
import { camel, comment } from "./names.ts";
import { anyRead, read, walkItem } from "./reads.ts";
import { type CaseContext, issuePath, type ItemScope, type Part, type Source } from "./scope.ts";
import { withTail } from "./tail.ts";
import { usedCase } from "./used-cases.ts";

const CASE_KEYS = new Set(["comment", "skip", "envelope", "batches", "item", "name", "check", "requires", "missingAt", "time", "at", "use", "after", "checks", "before", "items", "each", "event", "kind", "fields", "error", "on", "cases", "otherwise", "absent", "present"]);

/** The statements reading one case (`early`: a case tried before another, which may have `when`). */
export function caseCode(e: InboundEmitter, c: InboundCase, item: ItemScope, ctx: CaseContext, early = false): string[] {
  const unknown = Object.keys(c).filter((k) => !CASE_KEYS.has(k) && !(k === "when" && early));
  if (unknown.length > 0) e.fail(`a case has ${unknown.map((k) => lit(k)).join(", ")}, which no case takes (${[...CASE_KEYS].join(", ")})`);
  const out: string[] = [];
  if (c.comment) out.push(comment(c.comment).trimEnd());
  let scope = checkItem(e, c, { ...item, parts: item.parts ?? new Map() }, out);
  scope = checkRequired(e, c, scope, ctx, out);
  const inner: CaseContext = { ...ctx, event: { ...ctx.event } };
  for (const [pointer, src] of Object.entries(c.event ?? {})) inner.event[pointer] = { src, scope };
  for (const b of c.before ?? []) out.push(earlyCase(e, b, scope, inner, out));
  if (c.after !== undefined) return [...out, ...withTail(e, c, scope, inner)];
  if (c.time !== undefined) {
    readTime(e, c.time, scope, out);
    inner.time = true;
  }
  if (c.at !== undefined) scope = moveTo(e, c.at, scope, out);
  if (c.use !== undefined) return usedCase(e, c, scope, inner, out);
  checkParts(e, c.checks, scope, out);
  if (c.error !== undefined) {
    const message = c.error.message
      .replace(/`/g, "\\`")
      .replace(/\{value\}/g, `\${JSON.stringify(${ctx.chosen})}`)
      .replace(/\{cases\}/g, ctx.known);
    out.push(`result.errors.push(${e.issues.value("issue")}(${issuePath(scope, c.error.at)}, ${lit(c.error.rule)}, \`${message}\`));`, "return undefined;");
    return out;
  }
  if (c.skip !== undefined) {
    const reason = c.skip.replace(/`/g, "\\`").replace(/\{(\/[^}]*)\}/g, (_, pointer: string) => `\${${read(e, scope, pointer).expr}}`);
    out.push(`result.skipped.push({ path, reason: \`${reason}\` });`, "return undefined;");
    return out;
  }
  if (c.items !== undefined) return [...out, ...batch(e, c, scope), "return undefined;"];
  if (c.on !== undefined) return [...out, ...dispatch(e, c, scope, inner)];
  return [...out, ...eventCase(e, c, scope, ctx, inner)];
}

/** A case tried before the rest (`before`): read when each of its `when` tests holds. */
function earlyCase(e: InboundEmitter, b: NonNullable<InboundCase["before"]>[number], scope: ItemScope, ctx: CaseContext, pre: string[]): string {
  const tests = Object.entries(b.when).map(([pointer, state]) => {
    const v = anyRead(e, scope, pointer, pre);
    if (state === "none") return `(${v.expr} === undefined || ${v.expr} === "")`;
    return state === "absent" ? `${v.expr} === undefined` : state === "present" ? `${v.expr} !== undefined` : `Array.isArray(${v.expr}) && ${v.expr}.length > 0`;
  });
  return `if (${tests.join(" && ")}) {\n${e.branch(() => caseCode(e, b, scope, ctx, true))}\n}`;
}

/** The event's time, read by its hook; an unreadable time drops the item. */
function readTime(e: InboundEmitter, time: NonNullable<InboundCase["time"]>, scope: ItemScope, out: string[]): void {
  const value = read(e, scope, time.from);
  const call = `${e.support(time.hook)}(${value.expr}, ${issuePath(scope, time.from)}, result.errors)`;
  // An item without a time (Exotel's flat form) takes the time it was received.
  const timestamp = time.absent === "receivedAt" ? `${value.expr} === undefined ? (options.receivedAt ?? new Date()).toISOString() : ${call}` : call;
  out.push(`const timestamp = ${timestamp};`, "if (timestamp === undefined) return undefined;");
}

/** Reads move to a part of the item (`at`): bound to a local, its pointer kept for the issues reported below it. */
function moveTo(e: InboundEmitter, at: string, scope: ItemScope, out: string[]): ItemScope {
  const value = read(e, scope, at);
  if (value.maybe) e.fail(`${at}: the part reads move to may be missing; list it in "requires" first`);
  const w = walkItem(e, scope, parsePointer(at));
  if (w.ends.length !== 1) e.fail(`${at}: the part has more than one schema`);
  const name = e.declare(camel(parsePointer(at).pop() ?? "part"));
  out.push(`const ${name} = ${value.expr};`);
  return { name, base: `${scope.base ?? ""}${at}`, root: w.ends[0]!, pins: new Map(), parts: new Map() };
}

/** A case that gives an event of its kind: the head, the parts handed down, its own fields, the kind and the raw item. */
function eventCase(e: InboundEmitter, c: InboundCase, scope: ItemScope, ctx: CaseContext, inner: CaseContext): string[] {
  if (c.kind === undefined) e.fail(`a case gives neither a kind, an error nor a choice (${lit(c)})`);
  if (!inner.time) e.fail(`a case of kind ${lit(c.kind)} has no time: give "time" on it or on a case above`);
  const own = (src: Source): Part => ({ src, scope });
  const fields: Record<string, Part> = {
    "/provider": own({ code: "provider" }),
    ...inner.event,
    "/timestamp": own({ code: "timestamp" }),
    ...Object.fromEntries(Object.entries(c.fields ?? {}).map(([k, v]) => [k, own(v)])),
    "/kind": own(typeof c.kind === "string" ? { const: c.kind } : c.kind),
    ...(ctx.tail === undefined && !ctx.fill ? { "/raw": own({ code: `${ctx.raw} as ${e.supportType("Raw")}` }) } : {}),
  };
  const out: string[] = [];
  const leave = ctx.tail === undefined ? undefined : `break ${ctx.tail};`;
  if (ctx.fill) {
    // The caller started the event: its kind keeps its place, the rest follows the head.
    delete fields["/provider"];
    delete fields["/timestamp"];
    fillEvent(e, fields, out);
    out.push(leave ?? "return event;");
    return out;
  }
  const built = object(e, fields, targetAt(e, []), out, "event", [], ctx.tail !== undefined);
  out.push(leave ?? `return ${built.expr};`);
  return out;
}
