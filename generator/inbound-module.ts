/**
 * Emits a provider's webhook normaliser from the `inbound` object of its mapping (format in
 * schemas/README.md, "Provider mappings"), for providers whose webhook is a batch of items with a
 * message `type` (Infobip): straight-line code per type that reads the item and writes the
 * InboundEvent, written by the same emitter as the outbound translation (translation.ts). A part
 * the event requires and the item may leave out is checked, and the item is reported at that
 * part's pointer instead of coming out; the rest of the batch still comes out. The time goes
 * through a named hook of the hand-written runtime (`isoTime`), the only procedural step.
 */
import type { Provider } from "./providers.ts";
import { type SchemaSet, SchemaSetError } from "./schema-set.ts";
import { namedNode } from "./schema-path.ts";
import { Constants, FormEmitter, type Leaf, type Side, access, parsePointer } from "./translation.ts";

/** One provider message type and the event it becomes: target pointers into InboundEvent, source pointers into the item. */
export interface InboundKindMapping {
  kind: string;
  fields: Record<string, string>;
}

export interface InboundMapping {
  /** The batch array in the webhook body. */
  items: string;
  /** `x-ts-name` of the schema each item is checked against (on its own, so one bad item does not hide the others). */
  item: string;
  /** Where the item says what it is. */
  type: string;
  /** The item's time, and the runtime hook that reads it into ISO 8601. */
  time: { from: string; hook: "isoTime" };
  /** Event parts every item gives. */
  event: Record<string, string>;
  /** Per provider message type. */
  kinds: Record<string, InboundKindMapping>;
  /** What any other type becomes. */
  otherwise: InboundKindMapping;
}

const lit = (v: unknown) => JSON.stringify(v);
const doc = (text: string) => `/** ${text.replace(/\*\//g, "*\\/")} */\n`;

/** The module's file name below src/providers/ and the function it exports. */
export const inboundModuleName = (p: Provider) => `${p.mapping.provider}-webhook`;
export const inboundFunctionName = (p: Provider) => `parse${p.mapping.typeName}Webhook`;

export function inboundModule(set: SchemaSet, p: Provider, inbound: InboundMapping): string {
  const where = `schemas/providers/${p.mapping.provider}/mapping.json (inbound)`;
  const webhookFile = set.byId.get(`https://wa-interactive.dev/schemas/providers/${p.mapping.provider}/webhook.schema.json`);
  const eventFile = set.byId.get("https://wa-interactive.dev/schemas/inbound/inbound-event.schema.json");
  if (!webhookFile || !eventFile) throw new SchemaSetError(`${where}: the webhook or the inbound event schema is missing`);
  const itemAt = namedNode(set, `providers/${p.mapping.provider}/`, inbound.item);
  const constants = new Constants();
  const types = new Set<string>(["InboundEvent", inbound.item]);
  const itemVar = "item";
  const typeRead = access(itemVar, parsePointer(inbound.type));

  const kindCode = (type: string | undefined, k: InboundKindMapping): string => {
    const source: Side = { root: itemAt, pinned: new Map(), overrides: new Map(), name: itemVar, type: inbound.item, param: "payload" };
    const target: Side = { root: { file: eventFile, node: eventFile.schema }, pinned: new Map(), overrides: new Map(), name: "event", type: "InboundEvent", param: "payload" };
    const read = (to: string, from: string): Leaf => ({ target: parsePointer(to), source: { read: parsePointer(from) } });
    const leaves: Leaf[] = [
      { target: ["provider"], source: { code: "provider" } },
      { target: ["kind"], source: { constant: k.kind } },
      ...Object.entries(inbound.event).map(([to, from]) => read(to, from)),
      { target: ["timestamp"], source: { code: "timestamp" } },
      ...Object.entries(k.fields).map(([to, from]) => read(to, from)),
      { target: ["raw"], source: { code: `${itemVar} as Raw` } },
    ];
    const what = type === undefined ? "this" : lit(type);
    const e = new FormEmitter(set, p.mapping.provider, source, target, leaves, constants, where, (test, from, to) =>
      `if (${test}) return missing(errors, \`\${path}${from}\`, ${what}, ${lit(to)});`,
    );
    const literal = e.literal();
    for (const t of e.types) types.add(t);
    return [...e.checks, ...literal.statements, `return ${literal.expr};`].join("\n");
  };

  const cases = Object.entries(inbound.kinds).map(([type, k]) => `case ${lit(type)}: {\n${kindCode(type, k)}\n}`);
  const fn = inboundFunctionName(p);
  const items = access("body", parsePointer(inbound.items));
  return [
    `/**\n * ${p.mapping.title} webhooks → InboundEvents, generated from schemas/providers/${p.mapping.provider}/mapping.json (\`inbound\`) and its webhook schema. Every item of a batch is checked on its own: a bad one is reported at its pointer and the others still come out.\n */`,
    `import type { ${[...types].sort().join(", ")} } from "../types.js";`,
    `import { validate${p.webhookType}, validate${inbound.item} } from "../validators.js";`,
    `import { issue, type ValidationIssue } from "../runtime/issues.js";`,
    `import { type ParseResult, type Raw, type WebhookOptions, emptyResult, finish, ${inbound.time.hook}, neverThrows, readChecked, take } from "../wire/inbound.js";`,
    ...constants.lines,
    "",
    doc("Reports a part the event needs and the item left out; the item gives no event.") +
      `function missing(errors: ValidationIssue[], path: string, type: string, part: string): undefined {\nerrors.push(issue(path, "required", \`a \${type} message must have this, for the event's \${part}\`));\nreturn undefined;\n}`,
    "",
    doc(`The event one item gives, by its ${inbound.type.slice(1)}; undefined (with the issue added) when a part it needs is missing.`) +
      `function eventOf(provider: string, ${itemVar}: ${inbound.item}, path: string, timestamp: string, errors: ValidationIssue[]): InboundEvent | undefined {\n` +
      `switch (${typeRead}) {\n${cases.join("\n")}\ndefault: {\n${kindCode(undefined, inbound.otherwise)}\n}\n}\n}`,
    "",
    `function parse(provider: string, payload: unknown, _options: WebhookOptions): ParseResult {\n` +
      `const result = emptyResult();\n` +
      `const body = readChecked(payload, validate${p.webhookType}, result);\n` +
      `if (body === undefined) return finish(result);\n` +
      `${items}.forEach((raw, i) => {\n` +
      `const path = \`${inbound.items}/\${i}\`;\n` +
      "// The item's warnings come out with its event; finish() keeps once those the body's check also saw.\n" +
      `const item = take(validate${inbound.item}(raw), path, result);\n` +
      `if (item === undefined) return;\n` +
      `const timestamp = ${inbound.time.hook}(${access("item", parsePointer(inbound.time.from))}, \`\${path}${inbound.time.from}\`, result.errors);\n` +
      `if (timestamp === undefined) return;\n` +
      `const event = eventOf(provider, item, path, timestamp, result.errors);\n` +
      `if (event !== undefined) result.events.push(event);\n});\n` +
      `return finish(result);\n}`,
    "",
    doc(`${p.mapping.title} webhooks to InboundEvents, every item of a batch; never throws.`) +
      `export const ${fn} = neverThrows(parse);`,
  ].join("\n");
}
