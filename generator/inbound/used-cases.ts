/**
 * Cases one provider's mapping shares and others use (`use`, listed under `inboundCases`): the
 * function reading one is written and exported by the module of the provider that shares it,
 * imported by the others. It takes any value with a `type`: its other reads go through checks or
 * loosely, so every caller's part fits.
 */
import type { GraphNode, ObjectNode } from "../graph/nodes.ts";
import type { InboundCase } from "../inbound-mapping.ts";
import { doc, lit } from "../code.ts";
import { caseCode } from "./cases.ts";
import type { InboundEmitter } from "./emitter.ts";
import { object, targetAt } from "./event-object.ts";
import { camel } from "./names.ts";
import { type CaseContext, issuePath, type ItemScope, rootContext } from "./scope.ts";

/** A case that uses a shared one: the event's head from this item; the kind and the rest are the used case's. */
export function usedCase(e: InboundEmitter, c: InboundCase, scope: ItemScope, ctx: CaseContext, out: string[]): string[] {
  if (Object.keys(c).some((k) => ["checks", "after", "items", "on", "kind", "fields", "error", "skip"].includes(k)))
    e.fail(`a case that uses ${lit(c.use)} reads the rest from it: give no checks, choice, kind or error of its own`);
  if (!ctx.time) e.fail(`a case that uses ${lit(c.use)} has no time: give "time" on it or on a case above`);
  const fn = usedFunction(e, c.use!, scope);
  out.push(`// The kind is a stand-in until ${fn}() writes the message's own, in the same place.`);
  object(
    e,
    { "/provider": { src: { code: "provider" }, scope }, "/kind": { src: { const: "unsupported" }, scope }, ...ctx.event, "/timestamp": { src: { code: "timestamp" }, scope } },
    targetAt(e, []),
    out,
    "event",
  );
  out.push(
    `if (${fn}(event, ${scope.name}, ${issuePath(scope, "")}, options, result) === undefined) return undefined;`,
    `event.raw = ${ctx.raw} as ${e.supportType("Raw")};`,
    "return event;",
  );
  return out;
}

/** The name the emitted code calls a used case by: declared here for this provider's own, imported for another's. */
function usedFunction(e: InboundEmitter, ref: string, scope: ItemScope): string {
  if (scope.root === undefined) e.fail(`${lit(ref)} is used on a part with no schema`);
  if (e.shared(ref) === undefined) e.fail(`"use": ${lit(ref)} names no case: a provider's mapping lists the cases it shares under "inboundCases"`);
  const [owner = "", name = ""] = ref.split(":");
  const pascal = (w: string) => camel(w).replace(/^./, (c) => c.toUpperCase());
  const fn = `read${pascal(owner)}${pascal(name)}`;
  if (owner !== e.p.mapping.provider) return e.module.imports(`./${owner}-webhook.js`).value(fn);
  if (!e.used.has(ref)) e.used.set(ref, { fn: e.module.declare(fn), root: scope.root });
  return e.used.get(ref)!.fn;
}

/** Emits the functions of the used cases. Its reads are typed by the first scope it was used on; a part the others lack is read through a check or loosely. */
export function emitUsed(e: InboundEmitter): void {
  for (const [ref, entry] of e.used) {
    const param = "message";
    // Read as `{ type: string }`, what every caller's value has: the rest through checks, or loosely.
    const root = typeOnly(entry.root);
    const body = e.apart([param], () =>
      caseCode(e, e.shared(ref)!, { name: param, root, base: "", pins: new Map(), parts: new Map() }, { ...rootContext(param), time: true, fill: true }),
    );
    e.functions.push(
      doc(`Reads ${ref} (a case other providers' mappings use too) from the value given into the event its caller started: the kind, in its place, and the parts after the head; undefined, with the issue added, when the value gives no event.`) +
        `export function ${entry.fn}(event: ${e.type("InboundEvent")}, ${param}: { type: string }, path: string, ${e.readerTail(body)} {\n${body.join("\n")}\n}`,
    );
  }
}

/**
 * `{ type: string }`, what every value a used case reads has (its other parts go through checks, or
 * loosely), as a node of its own at the place of the first value it was used on.
 */
function typeOnly(at: GraphNode): ObjectNode {
  const place = { loc: at.loc, where: `${at.where} (read as { type: string })`, rules: [], checks: [], schema: { type: "object" } };
  const type: GraphNode = { ...place, kind: "string", type: "string", trimmed: false, notBlank: false, noEmoji: false, emoji: false };
  return { ...place, kind: "object", type: "object", properties: [{ key: "type", node: type, required: true }], required: ["type"], dependents: [], maxTotal: [], uniqueValues: [] };
}
