/**
 * Batches: an array of items each read by a function of its own, so that a bad item is reported
 * at its pointer and the others still come out. A batch inside the item (`items`) is looped over
 * where it lies; an envelope's batches (`messages`, `statuses`) are handed to the runtime's walker.
 */
import type { InboundCase } from "../inbound-mapping.ts";
import { doc } from "../code.ts";
import { parsePointer } from "../translation.ts";
import { caseCode } from "./cases.ts";
import type { InboundEmitter } from "./emitter.ts";
import { singular } from "./names.ts";
import { read, walkItem } from "./reads.ts";
import { type ItemScope, rootContext, scopeOf } from "./scope.ts";

/** A batch inside the item: a function reading one item, called for each. */
export function batch(e: InboundEmitter, c: InboundCase, scope: ItemScope): string[] {
  if (c.each === undefined) e.fail(`${c.items}: "items" needs "each", the case each item is read with`);
  const array = read(e, scope, c.items!);
  const w = walkItem(e, scope, [...parsePointer(c.items!), "*"]);
  const end = w.ends.length === 1 ? w.ends[0]! : undefined;
  const named = end?.name;
  // A typed item is read as its type; an item the body only knows as an object is checked by its case.
  const typed = named !== undefined && end!.kind === "object";
  const fn = e.module.declare(`${singular(parsePointer(c.items!).pop() ?? "item")}Event`);
  const param = typed ? "item" : "raw";
  const body = e.apart([param], () => caseCode(e, c.each!, scopeOf(param, typed ? end : undefined), rootContext(param)));
  e.functions.push(
    doc(`The event one item of ${c.items} gives; undefined (with the issue added) when it gives none.`) +
      `function ${fn}(provider: string, ${param}: ${typed ? e.type(named) : "unknown"}, path: string, ${e.readerTail(body)} {\n${body.join("\n")}\n}`,
  );
  const entry = param === "raw" ? "raw" : "entry";
  return [
    `${array.expr}${array.maybe ? "?" : ""}.forEach((${entry}, i) => {`,
    `const event = ${fn}(provider, ${entry}, \`\${path}${scope.base ?? ""}${c.items}/\${i}\`, options, result);`,
    "if (event !== undefined) result.events.push(event);",
    "});",
  ];
}

/** The function reading one item of an envelope's batch (`messages`, `statuses`). */
export function envelopeReader(e: InboundEmitter, key: string, c: InboundCase): string {
  const fn = e.module.declare(`${singular(key)}Event`);
  const body = e.apart(["change", "checked"], () => caseCode(e, c, scopeOf("raw", undefined), rootContext("raw")));
  // A parameter the body does not read is named `_change`, `_checked`.
  const named = (name: string) => (body.some((l) => new RegExp(`\\b${name}\\b`).test(l)) ? name : `_${name}`);
  const change = e.wireModule("cloud-api-envelope").type("CloudApiChange");
  e.functions.push(
    doc(`The event one item of a change's ${key} gives; undefined (with the issue added, or the item listed as skipped) when it gives none.`) +
      `function ${fn}(provider: string, raw: unknown, path: string, ${named("change")}: ${change}, ${named("checked")}: boolean, ${e.readerTail(body)} {\n${body.join("\n")}\n}`,
  );
  return fn;
}
