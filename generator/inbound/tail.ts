/**
 * A case with parts every case below shares after its own (`after`): the cases below assign the
 * event and leave the labelled block; the shared parts are then checked and written once, and the
 * raw item last, as the event schema orders them.
 */
import type { InboundCase } from "../inbound-mapping.ts";
import { keyOrder } from "../schema-path.ts";
import { caseCode } from "./cases.ts";
import { checkParts } from "./checks.ts";
import type { InboundEmitter } from "./emitter.ts";
import { assignEventPart, byFirstKey, eventPart, targetAt } from "./event-object.ts";
import { comment } from "./names.ts";
import type { CaseContext, ItemScope, Part } from "./scope.ts";

/** The keys of a case with a tail that the cases below it take (the rest were acted on above the tail). */
const BELOW_TAIL = ["before", "checks", "error", "items", "on", "cases", "otherwise", "absent", "present", "kind", "fields"];

export function withTail(e: InboundEmitter, c: InboundCase, scope: ItemScope, ctx: CaseContext): string[] {
  const after = c.after!;
  const rest = Object.fromEntries(Object.entries(c).filter(([k]) => BELOW_TAIL.includes(k))) as InboundCase;
  const label = e.declare("read");
  const out = ctx.fill ? [] : [`let event: ${e.type("InboundEvent")};`];
  const body = e.branch(() => caseCode(e, rest, scope, { ...ctx, tail: label }));
  out.push(`${label}: {\n${body}\n}`);
  if (after.comment) out.push(comment(after.comment).trimEnd());
  checkParts(e, after.checks, scope, out);
  const shared = Object.fromEntries(Object.entries(after.event ?? {}).map(([pointer, src]): [string, Part] => [pointer, { src, scope }]));
  const groups = byFirstKey(shared);
  const order = keyOrder([targetAt(e, []).at]);
  // Each written as soon as it is computed: the shared parts come in the schema's order.
  for (const key of [...groups.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b))) out.push(assignEventPart(key, eventPart(e, key, groups.get(key)!, out)));
  if (!ctx.fill) out.push(`event.raw = ${ctx.raw} as ${e.supportType("Raw")};`);
  out.push("return event;");
  return out;
}
