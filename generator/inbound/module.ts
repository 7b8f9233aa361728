/**
 * Emits a provider's webhook normaliser from the `inbound` object of its mapping (format in
 * schemas/README.md, "Provider mappings"; types in ../inbound-mapping.ts): straight-line code that
 * checks the body, picks each item's case by what the item says it is (a value switch, or whether
 * a part is there), and writes the InboundEvent part by part in the event schema's key order.
 * Every read is checked against the provider's webhook schema at generation time, so the code
 * needs no walk at run time and TypeScript checks each read against the generated types.
 *
 * What is procedural stays hand-written, behind named hooks the mapping refers to (`HOOKS`): time
 * formats, a JSON string that must hold an object, the reply kind Vonage does not say. The emitted
 * code passes each hook what it needs; the hooks import no generated module.
 *
 * This file assembles the module: its head, the reader of the body (or the envelope's readers),
 * and the exported function that never throws.
 */
import type { Provider } from "../providers.ts";
import type { SchemaGraph } from "../graph/build.ts";
import { SchemaSetError } from "../schema-set.ts";
import type { InboundCase, InboundMapping } from "../inbound-mapping.ts";
import { doc, ts } from "../code.ts";
import { envelopeReader } from "./batches.ts";
import { caseCode } from "./cases.ts";
import { InboundEmitter } from "./emitter.ts";
import { inboundFunctionName } from "./names.ts";
import { rootContext, scopeOf } from "./scope.ts";
import { emitUsed } from "./used-cases.ts";

/** The module's doc comment: what it reads, from where, and the mapping's own comment. */
function moduleHead(p: Provider, inbound: InboundMapping, how: string): string {
  const source = `${p.mapping.title} webhooks → InboundEvents, generated from schemas/providers/${p.mapping.provider}/mapping.json (\`inbound\`) and its webhook schema`;
  return `/**\n * ${source}${how}\n${inbound.comment === undefined ? "" : ` *\n * ${inbound.comment}\n`} */`;
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
    ? caseCode(e, inbound, scopeOf("body", bodyRoot), rootContext("body")).filter((l) => l !== "return undefined;")
    : caseCode(e, inbound, scopeOf("item", bodyRoot), rootContext("item"));
  emitUsed(e);
  const reader = onlyBatch
    ? body.join("\n").replace(/`\$\{path\}/g, "`")
    : ts`const event = ${eventOf}(provider, body, "", options, result);\nif (event !== undefined) result.events.push(event);`;
  const head = moduleHead(p, inbound, onlyBatch ? ". Every item of a batch is read on its own: a bad one is reported at its pointer and the others still come out." : ".");
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
  const readers = Object.entries(inbound.batches).map(([key, c]) => [key, envelopeReader(e, key, c)] as const);
  emitUsed(e);
  const head = moduleHead(p, inbound, ": the envelope is walked by the runtime (every entry, change, message and status), each message and status read here.");
  return e.module.render(
    head,
    ts`${e.module.constants.lines}

${e.functions.map((f) => `${f}\n`)}
${doc(`${p.mapping.title} webhooks to InboundEvents, every entry, change, message and status; never throws.`)}export const ${fn} = ${e.support("neverThrows")}((provider, payload, options) =>
${envelope.value("readCloudApiEnvelope")}(provider, payload, options, ${e.validator(p.webhookType)}, { ${readers.map(([key, reader]) => `${key}: ${reader}`).join(", ")} }),
);`,
  );
}
