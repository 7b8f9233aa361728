/**
 * Emits the provider layer from `schemas/providers/<name>/`: for each provider a typed module
 * (`src/providers/<name>.ts`: its options type and `to<Name>` / `from<Name>` over its mapping), the
 * dispatching `src/providers/index.ts` (`toProvider`, `fromProvider`, `parseWebhook`, the
 * capability matrix), `src/verify.ts` (signature checks, its own subpath because the Vonage scheme
 * needs `jose`) and `CAPABILITIES.md`.
 *
 * A mapping is data (format in schemas/README.md, "Provider mappings"). This file checks it
 * against the schema set before emitting anything: every property of an outbound message must be
 * mapped, implied or declared unsupported, and every interactive type must have a capability, so
 * a new schema property or interactive type fails generation until each provider says what it
 * does with it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ID_BASE, type Schema, type SchemaSet, SchemaSetError, nodeAt, resolveRef } from "./schema-set.ts";
import { buildGraph, type SchemaGraph } from "./graph/build.ts";
import { rootOf } from "./graph/query.ts";
import { namedSchemas } from "./names.ts";
import { keyOrder, walk } from "./schema-path.ts";
import { type InboundCase, type InboundMapping, inboundFunctionName, inboundModule, inboundModuleName } from "./inbound-module.ts";
import { providerModule } from "./provider-module.ts";

export type Capability = "documented" | "passthrough" | "unsupported";

export interface FieldMapping {
  message: string;
  body: string;
  /** A phone number the provider takes as digits only: as a string (`digits`) or a number (`integer`). */
  as?: "integer" | "digits";
  /** Message values and the body values they become (an enum renamed: `"reply"` → `"REPLY"`). */
  values?: Record<string, string | number>;
}

/** How one interactive type maps, for a provider with a body of its own per type. */
export interface KindMapping {
  /** The provider's path for this kind. */
  endpoint: string;
  /** Body pointer → `x-ts-name` of the body schema branch that holds this kind (how a body is recognised). */
  match: Record<string, string>;
  fields: FieldMapping[];
  constants?: Record<string, string>;
  implied?: Record<string, { value: string; reason: string }>;
  unsupported?: Record<string, string>;
}

export interface OptionMapping {
  body: string;
  required?: boolean;
  description: string;
}

import type { SignatureSpec } from "../src/wire/signatures.ts";

// The mapping's signature block is exactly what the runtime checks, so both use one type.
export type { SignatureSpec } from "../src/wire/signatures.ts";

export interface ProviderMapping {
  provider: string;
  typeName: string;
  title: string;
  outbound: {
    fields: FieldMapping[];
    constants?: Record<string, string>;
    implied?: Record<string, { value: string; reason: string }>;
    unsupported?: Record<string, string>;
    options?: Record<string, OptionMapping>;
    single?: string[];
    /** Per interactive type, for a provider whose body differs by type (the message's `interactive` is not forwarded whole). */
    kinds?: Record<string, KindMapping>;
  };
  capabilities: Record<string, Capability>;
  notes: Record<string, string>;
  /** Other limits worth knowing, in a sentence each (listed in CAPABILITIES.md). */
  caveats?: string[];
  /** Another provider whose webhook it forwards unchanged (`"meta"`: 360dialog, the Node SDK), or a declarative inbound mapping the generator emits the normaliser from. */
  inbound: keyof typeof NORMALISERS | InboundMapping;
  /** Cases other providers' inbound mappings may use by name (`{ "use": "meta:message" }`): Meta's Cloud API message, which Exotel's content mirrors. */
  inboundCases?: Record<string, InboundCase>;
  signature: SignatureSpec;
}

export interface Provider {
  mapping: ProviderMapping;
  /** Type names of its outbound and webhook schemas. */
  outboundType: string;
  webhookType: string;
  /** Provider folder path below schemas/, for descriptions. */
  outboundDescription: string;
}

/** The webhook formats another provider may name as its own, and their body types. */
const NORMALISERS = {
  meta: "MetaWebhook",
} as const;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const lit = (v: unknown) => JSON.stringify(v);

/** The interactive types (the `type` consts of the Interactive union), plus "reaction". */
export function messageKinds(set: SchemaSet): string[] {
  const file = set.byId.get(`${ID_BASE}interactive/interactive.schema.json`);
  if (!file) throw new SchemaSetError("providers: interactive/interactive.schema.json is missing");
  const kinds = ((file.schema.oneOf ?? []) as Schema[]).map((branch) => {
    const target = typeof branch.$ref === "string" ? resolveRef(set, file, branch.$ref) : { file, pointer: "" };
    const schema = nodeAt(target.file.schema, target.pointer);
    const type = (schema?.properties as Record<string, Schema> | undefined)?.type?.const;
    if (typeof type !== "string") throw new SchemaSetError(`providers: an Interactive branch has no type const`);
    return type;
  });
  return [...kinds, "reaction"];
}

/** Top-level properties of every outbound message form (interactive and reaction). */
function messageProperties(set: SchemaSet): string[] {
  const file = set.byId.get(`${ID_BASE}message/outbound-message.schema.json`)!;
  const names = new Set<string>();
  for (const branch of (file.schema.oneOf ?? []) as Schema[]) {
    const target = resolveRef(set, file, branch.$ref as string);
    const schema = nodeAt(target.file.schema, target.pointer)!;
    for (const key of Object.keys((schema.properties ?? {}) as Schema)) names.add(key);
  }
  return [...names];
}

function typeNameOf(set: SchemaSet, path: string): string {
  const file = set.byId.get(`${ID_BASE}${path}`);
  if (!file) throw new SchemaSetError(`providers: ${path} is missing`);
  const name = file.schema["x-ts-name"];
  if (typeof name !== "string") throw new SchemaSetError(`providers: ${path} needs an x-ts-name`);
  return name;
}

function check(condition: unknown, where: string, message: string): asserts condition {
  if (!condition) throw new SchemaSetError(`schemas/providers/${where}/mapping.json: ${message}`);
}

/**
 * The parts of a kind's message that no field, implied value or refusal accounts for. A field may
 * carry a whole object (then everything below it goes along) or single values inside it.
 */
function uncoveredProperties(graph: SchemaGraph, kind: string, fields: FieldMapping[], fated: string[]): string[] {
  const root = rootOf(graph, "message/outbound-message.schema.json");
  const pins = new Map<string, unknown>([
    ["type", "interactive"],
    ["interactive/type", kind],
  ]);
  const named = [...fields.map((f) => f.message), ...fated].map((p) => p.replace(/\/[0-9]+(?=\/|$)/g, "/*"));
  const out: string[] = [];
  const cover = (path: string[]): void => {
    const ptr = path.map((s) => `/${s}`).join("");
    if (named.includes(ptr)) return;
    if (!named.some((n) => n.startsWith(`${ptr}/`))) {
      out.push(ptr);
      return;
    }
    const w = walk(root, path, pins);
    if (w === undefined) return;
    for (const key of keyOrder(w.ends)) cover([...path, key]);
    if (w.ends.some((e) => e.kind === "array" && e.items !== undefined)) cover([...path, "*"]);
  };
  cover(["interactive"]);
  return out;
}

function checkMapping(set: SchemaSet, graph: SchemaGraph, dir: string, m: ProviderMapping, kinds: string[], properties: string[]): void {
  check(m.provider === dir, dir, `"provider" must be the folder name "${dir}"`);
  check(typeof m.typeName === "string" && /^[A-Z][A-Za-z0-9]*$/.test(m.typeName), dir, `"typeName" must be PascalCase`);
  check(typeof m.title === "string" && m.title.length > 0, dir, `"title" is required`);
  check(
    typeof m.inbound === "string"
      ? m.inbound in NORMALISERS
      : typeof m.inbound === "object" && m.inbound !== null && !Array.isArray(m.inbound),
    dir,
    `"inbound" must name the provider whose webhook it forwards (${Object.keys(NORMALISERS).join(", ")}), or be an inbound mapping (an object: its cases are checked as its normaliser is written)`,
  );
  checkOutbound(graph, dir, m, kinds, properties);
  checkCapabilities(dir, m, kinds);
  checkSignature(dir, m.signature);
  typeNameOf(set, `providers/${dir}/outbound.schema.json`);
}

const pointer = (p: unknown) => typeof p === "string" && (p === "" || p.startsWith("/"));

/** Each field's two pointers, its conversion and its value map. */
function checkFields(dir: string, fields: FieldMapping[]): void {
  for (const f of fields) {
    check(pointer(f.message) && pointer(f.body), dir, `field ${lit(f)}: "message" and "body" must be JSON Pointers`);
    check(
      f.as === undefined || f.as === "integer" || f.as === "digits",
      dir,
      `field ${lit(f)}: "as" may only be "integer" or "digits"`,
    );
    const values = Object.values(f.values ?? {});
    check(
      f.values === undefined ||
        (values.length > 0 &&
          values.every((v) => typeof v === "string" || typeof v === "number") &&
          new Set(values.map(String)).size === values.length),
      dir,
      `field ${lit(f)}: "values" must map each message value to a distinct body value`,
    );
  }
}

/** The outbound mapping: its fields, per-kind bodies, pointers and options, and a fate for every message property. */
function checkOutbound(graph: SchemaGraph, dir: string, m: ProviderMapping, kinds: string[], properties: string[]): void {
  const out = m.outbound;
  check(Array.isArray(out?.fields) && out.fields.length > 0, dir, `"outbound.fields" must list at least one field`);
  checkFields(dir, out.fields);
  for (const [kind, k] of Object.entries(out.kinds ?? {})) checkKindBody(graph, dir, m, kinds, kind, k);
  if (out.kinds !== undefined)
    for (const kind of kinds)
      check(
        kind === "reaction" || m.capabilities?.[kind] === "unsupported" || kind in out.kinds,
        dir,
        `"${kind}" is carried but has no entry in "outbound.kinds"`,
      );
  for (const p of [
    ...Object.keys(out.constants ?? {}),
    ...Object.keys(out.implied ?? {}),
    ...Object.keys(out.unsupported ?? {}),
    ...(out.single ?? []),
  ]) {
    check(pointer(p) && p !== "", dir, `${lit(p)} must be a non-empty JSON Pointer`);
  }
  for (const [name, o] of Object.entries(out.options ?? {})) {
    check(
      IDENT.test(name) && pointer(o.body) && typeof o.description === "string",
      dir,
      `option ${name} needs a "body" pointer and a "description"`,
    );
  }
  // Every property of an outbound message has a fate: mapped, implied or unsupported.
  const identity = out.fields.some((f) => f.message === "");
  if (!identity) {
    for (const key of properties) {
      const covered =
        out.fields.some((f) => f.message.split("/")[1] === key) ||
        `/${key}` in (out.implied ?? {}) ||
        `/${key}` in (out.unsupported ?? {});
      check(covered, dir, `outbound message property "${key}" is neither mapped nor implied nor unsupported`);
    }
  }
}

/** One interactive type's own body (a provider with an endpoint per type): its endpoint, match, fields, and a fate for each of its properties. */
function checkKindBody(graph: SchemaGraph, dir: string, m: ProviderMapping, kinds: string[], kind: string, k: KindMapping): void {
  const out = m.outbound;
  check(
    kinds.includes(kind) && kind !== "reaction",
    dir,
    `"outbound.kinds" names "${kind}", which is no interactive type`,
  );
  check(m.capabilities?.[kind] !== "unsupported", dir, `"outbound.kinds.${kind}": the kind is unsupported`);
  check(
    typeof k.endpoint === "string" && k.endpoint.startsWith("/"),
    dir,
    `"outbound.kinds.${kind}.endpoint" must be a path`,
  );
  check(
    Object.keys(k.match ?? {}).length > 0 && Object.keys(k.match).every(pointer),
    dir,
    `"outbound.kinds.${kind}.match" must name the body schema that holds it`,
  );
  check(Array.isArray(k.fields), dir, `"outbound.kinds.${kind}.fields" must be a list`);
  checkFields(dir, k.fields);
  for (const p of [
    ...Object.keys(k.implied ?? {}),
    ...Object.keys(k.unsupported ?? {}),
    ...Object.keys(k.constants ?? {}),
  ])
    check(pointer(p) && p !== "", dir, `${lit(p)} must be a non-empty JSON Pointer`);
  const uncovered = uncoveredProperties(
    graph,
    kind,
    [...out.fields, ...k.fields],
    [
      ...Object.keys(out.implied ?? {}),
      ...Object.keys(out.unsupported ?? {}),
      ...Object.keys(k.implied ?? {}),
      ...Object.keys(k.unsupported ?? {}),
      "/interactive/type",
    ],
  );
  check(uncovered.length === 0, dir, `${kind}: ${uncovered.join(", ")} neither mapped nor implied nor unsupported`);
}

/** Every message kind's capability, with the reason for each that is not documented. */
function checkCapabilities(dir: string, m: ProviderMapping, kinds: string[]): void {
  for (const kind of kinds) {
    const c = m.capabilities?.[kind];
    check(
      c === "documented" || c === "passthrough" || c === "unsupported",
      dir,
      `capability of "${kind}" must be documented, passthrough or unsupported`,
    );
    if (c !== "documented")
      check(
        typeof m.notes?.[kind] === "string" && m.notes[kind]!.length > 0,
        dir,
        `"${kind}" is ${c}: notes.${kind} must say why`,
      );
  }
  for (const kind of Object.keys(m.capabilities))
    check(kinds.includes(kind), dir, `capability for unknown type "${kind}"`);
  check(
    m.caveats === undefined || (Array.isArray(m.caveats) && m.caveats.every((c) => typeof c === "string")),
    dir,
    `"caveats" must be a list of sentences`,
  );
}

function checkSignature(dir: string, s: ProviderMapping["signature"]): void {
  check(
    s && ["hmac-sha256", "vonage-jwt", "none"].includes(s.scheme),
    dir,
    `"signature.scheme" must be hmac-sha256, vonage-jwt or none`,
  );
  if (s.scheme === "none")
    check(
      typeof s.reason === "string" && s.reason.length > 0,
      dir,
      `a provider without a signature scheme must say why ("reason")`,
    );
  else
    check(
      typeof s.header === "string" && s.header === s.header.toLowerCase(),
      dir,
      `"signature.header" must be a lower-case header name`,
    );
}

/** The schema graph of a set loaded on its own (the generator hands over the one it built). */
const graphOf = (set: SchemaSet): SchemaGraph => buildGraph(set, namedSchemas(set));

export function loadProviders(schemasDir: string, set: SchemaSet, graph: SchemaGraph = graphOf(set)): Provider[] {
  const root = join(schemasDir, "providers");
  if (!existsSync(root)) return [];
  const kinds = messageKinds(set);
  const properties = messageProperties(set);
  const out: Provider[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    const mapping = JSON.parse(readFileSync(join(root, dir, "mapping.json"), "utf8")) as ProviderMapping;
    checkMapping(set, graph, dir, mapping, kinds, properties);
    const outboundFile = set.byId.get(`${ID_BASE}providers/${dir}/outbound.schema.json`)!;
    // A provider that speaks Meta's webhook may leave out its own webhook schema.
    const hasWebhook = set.byId.has(`${ID_BASE}providers/${dir}/webhook.schema.json`);
    out.push({
      mapping,
      outboundType: typeNameOf(set, `providers/${dir}/outbound.schema.json`),
      webhookType: hasWebhook
        ? typeNameOf(set, `providers/${dir}/webhook.schema.json`)
        : typeof mapping.inbound === "string"
          ? NORMALISERS[mapping.inbound]
          : (() => {
              throw new SchemaSetError(`providers/${dir}: an inbound mapping needs webhook.schema.json`);
            })(),
      outboundDescription:
        typeof outboundFile.schema.description === "string" ? outboundFile.schema.description : mapping.title,
    });
  }
  // Meta first, as the reference every other provider is compared with.
  return out.sort((a, b) => (a.mapping.provider === "meta" ? -1 : b.mapping.provider === "meta" ? 1 : 0));
}

const doc = (text: string) => `/** ${text.replace(/\*\//g, "*\\/")} */\n`;

function indexModuleSource(providers: Provider[], kinds: string[]): string {
  const names = providers.map((p) => p.mapping.provider);
  const entries = (fn: (p: Provider) => string) =>
    providers.map((p) => `${lit(p.mapping.provider)}: ${fn(p)};`).join("\n");
  const cases = (fn: (p: Provider) => string) =>
    providers.map((p) => `case ${lit(p.mapping.provider)}: ${fn(p)}`).join("\n");
  const matrix = Object.fromEntries(providers.map((p) => [p.mapping.provider, p.mapping.capabilities]));
  const notes = Object.fromEntries(providers.map((p) => [p.mapping.provider, p.mapping.notes]));
  // A provider that forwards another's webhook uses that provider's generated normaliser.
  const source = (p: Provider) => (typeof p.mapping.inbound === "string" ? providers.find((q) => q.mapping.provider === p.mapping.inbound)! : p);
  const normaliser = (p: Provider) => inboundFunctionName(source(p));
  return [
    `/**\n * Every provider, both ways: \`toProvider\` / \`fromProvider\` translate an outbound message to and from a provider's request body; \`parseWebhook\` turns a provider's webhook into InboundEvents, every item of a batch. Signature checks live in \`wa-interactive/verify\`.\n */`,
    `import type { OutboundMessage, ${[...new Set(providers.flatMap((p) => [p.outboundType, p.webhookType]))].sort().join(", ")} } from "../types.js";`,
    `import { ProviderError } from "../wire/provider-error.js";`,
    `import type { ParseResult, WebhookOptions } from "../wire/inbound.js";`,
    ...providers
      .filter((p) => typeof p.mapping.inbound !== "string")
      .map((p) => `import { ${inboundFunctionName(p)} } from "./${inboundModuleName(p)}.js";`),
    ...providers.map(
      (p) =>
        `import { from${p.mapping.typeName}, to${p.mapping.typeName}, type ${p.mapping.typeName}Options } from "./${p.mapping.provider}.js";`,
    ),
    "",
    ...providers.map(
      (p) =>
        `export { from${p.mapping.typeName}, to${p.mapping.typeName}, type ${p.mapping.typeName}Options } from "./${p.mapping.provider}.js";`,
    ),
    `export { ProviderError, type ProviderErrorCode } from "../wire/provider-error.js";`,
    `export type { ParseResult, WebhookOptions, SentMessage } from "../wire/inbound.js";`,
    "",
    doc("The providers wa-interactive translates for, by the name every function takes.") +
      `export const PROVIDERS = ${lit(names)} as const;`,
    `export type ProviderName = (typeof PROVIDERS)[number];`,
    "",
    doc("What an outbound message can be, for the capability matrix: an interactive type, or a reaction.") +
      `export type MessageKind = ${kinds.map(lit).join(" | ")};`,
    doc(
      "documented: the provider documents it; passthrough: the provider forwards it unchanged but does not document it; unsupported: translating it is an error.",
    ) + `export type Capability = "documented" | "passthrough" | "unsupported";`,
    "",
    doc(
      "Which message kinds each provider carries (generated from the mappings; CAPABILITIES.md shows it as a table).",
    ) +
      `export const CAPABILITIES: Readonly<Record<ProviderName, Readonly<Record<MessageKind, Capability>>>> = ${lit(matrix)};`,
    doc(
      "What each provider's mapping says a message may not vary or hold: message values it implies (absent or equal on the way out, restored on the way back) and top-level fields it has no place for, each with the reason.",
    ) +
      `export interface ProviderRefusals {\nimplied: Readonly<Record<string, { readonly value: string; readonly reason: string }>>;\nunsupported: Readonly<Record<string, string>>;\n/** For a provider with a body of its own per kind: what each kind's mapping refuses or implies beyond the above. */\nkinds?: Readonly<Partial<Record<MessageKind, Omit<ProviderRefusals, "kinds">>>>;\n}`,
    doc("Each provider's refusals (from its mapping; the translation functions are generated from the same file).") +
      `export const MAPPINGS: Readonly<Record<ProviderName, ProviderRefusals>> = ${lit(
        Object.fromEntries(
          providers.map((p) => [
            p.mapping.provider,
            {
              implied: p.mapping.outbound.implied ?? {},
              unsupported: p.mapping.outbound.unsupported ?? {},
              ...(p.mapping.outbound.kinds && {
                kinds: Object.fromEntries(
                  Object.entries(p.mapping.outbound.kinds).map(([k, km]) => [
                    k,
                    { implied: km.implied ?? {}, unsupported: km.unsupported ?? {} },
                  ]),
                ),
              }),
            },
          ]),
        ),
      )};`,
    endpointsSource(providers),
    doc("Why a kind is passthrough or unsupported, per provider.") +
      `export const CAPABILITY_NOTES: Readonly<Record<ProviderName, Readonly<Partial<Record<MessageKind, string>>>>> = ${lit(notes)};`,
    "",
    doc("Each provider's request body type.") +
      `export interface ProviderBodies {\n${entries((p) => p.outboundType)}\n}`,
    doc("Each provider's webhook body type.") +
      `export interface ProviderWebhooks {\n${entries((p) => p.webhookType)}\n}`,
    doc("Each provider's options type (what it needs beyond the message).") +
      `export interface ProviderOptions {\n${entries((p) => `${p.mapping.typeName}Options`)}\n}`,
    `type OptionsArgument<P extends ProviderName> = {} extends ProviderOptions[P] ? [options?: ProviderOptions[P]] : [options: ProviderOptions[P]];`,
    "",
    `function known(provider: unknown): never {\nthrow new ProviderError("unknown-provider", String(provider), "", \`unknown provider \${JSON.stringify(provider)}; expected one of \${PROVIDERS.join(", ")}\`);\n}`,
    "",
    doc(
      "Translates an outbound message, exactly as validateMessage accepts it (it is validated first), into the provider's request body. Throws a ProviderError for an invalid message, a kind or field the provider cannot carry, or missing options.",
    ) +
      `export function toProvider<P extends ProviderName>(provider: P, message: unknown, ...[options]: OptionsArgument<P>): ProviderBodies[P] {\nconst o = options as never;\nswitch (provider as ProviderName) {\n${cases(
        (p) => `return to${p.mapping.typeName}(message, o) as ProviderBodies[P];`,
      )}\ndefault: return known(provider);\n}\n}`,
    "",
    doc(
      "The inverse of toProvider: the outbound message a provider's request body sends (options such as the sender are not part of it).",
    ) +
      `export function fromProvider(provider: ProviderName, body: unknown): OutboundMessage {\nswitch (provider) {\n${cases((p) => `return from${p.mapping.typeName}(body);`)}\ndefault: return known(provider);\n}\n}`,
    "",
    doc(
      "Parses a provider's webhook (the parsed JSON, or the raw body as a string) into one InboundEvent per item — every entry, change, message and status of a batch. Never throws for a bad payload: bad items are reported in `errors` with their JSON Pointer, and the good ones still come out (only an unknown provider name throws).",
    ) +
      `export function parseWebhook(provider: ProviderName, payload: unknown, options: WebhookOptions = {}): ParseResult {\nswitch (provider) {\n${cases(
        (p) => `return ${normaliser(p)}(${lit(p.mapping.provider)}, payload, options);`,
      )}\ndefault: return known(provider);\n}\n}`,
  ].join("\n");
}

function verifyModuleSource(providers: Provider[]): string {
  const specs = Object.fromEntries(providers.map((p) => [p.mapping.provider, p.mapping.signature]));
  return [
    `/**\n * Webhook signature checks for every provider — a subpath of its own (\`wa-interactive/verify\`) because the Vonage scheme needs \`jose\` (loaded only when a Vonage webhook is checked). Uses node:crypto where the runtime offers it synchronously and Web Crypto elsewhere, so it runs on Node, Deno, Bun and workers.\n */`,
    `import type { ProviderName } from "./providers/index.js";`,
    `import { ProviderError } from "./wire/provider-error.js";`,
    `import { type SignatureSpec, type VerifyInput, type VerifyResult, verifyHmacSignature } from "./wire/signatures.js";`,
    `import { verifyVonageSignature } from "./wire/vonage-jwt.js";`,
    "",
    `export type { HeaderSource, SignatureSpec, VerifyFailure, VerifyInput, VerifyResult } from "./wire/signatures.js";`,
    "",
    doc("How each provider signs its webhooks (from the mappings).") +
      `export const SIGNATURES: Readonly<Record<ProviderName, SignatureSpec>> = ${lit(specs)};`,
    "",
    doc(
      "Checks a webhook's signature over the raw body exactly as received (a string or bytes; never re-serialised JSON). Resolves to `{ ok: true }` or `{ ok: false, reason, message }`; throws a ProviderError for a provider that documents no signature (Exotel) or a missing secret.",
    ) +
      `export async function verifyWebhook(provider: ProviderName, input: VerifyInput): Promise<VerifyResult> {\n` +
      `const spec = SIGNATURES[provider];\n` +
      `if (spec === undefined) throw new ProviderError("unknown-provider", String(provider), "", \`unknown provider \${JSON.stringify(provider)}\`);\n` +
      `switch (spec.scheme) {\n` +
      `case "hmac-sha256": return verifyHmacSignature(spec, input);\n` +
      `case "vonage-jwt": return verifyVonageSignature(spec, input);\n` +
      `case "none": throw new ProviderError("no-signature-scheme", provider, "", \`\${provider} does not sign its webhooks: \${spec.reason}\`);\n` +
      `}\n}`,
  ].join("\n");
}

function capabilitiesMarkdown(providers: Provider[], kinds: string[]): string {
  const mark: Record<Capability, string> = { documented: "yes", passthrough: "passthrough", unsupported: "**no**" };
  const lines = [
    "# Provider capabilities",
    "",
    "Which message kinds each provider carries. **yes**: documented by the provider. **passthrough**: the provider forwards the object unchanged but does not document this kind. **no**: `toProvider` refuses it with a `ProviderError` (code `unsupported-kind`), never a silent drop.",
    "",
    `| kind | ${providers.map((p) => p.mapping.provider).join(" | ")} |`,
    `|---|${providers.map(() => "---").join("|")}|`,
    ...kinds.map((k) => `| \`${k}\` | ${providers.map((p) => mark[p.mapping.capabilities[k]!]).join(" | ")} |`),
    "",
    "## What each provider does not carry, and why",
    "",
  ];
  for (const p of providers) {
    const m = p.mapping;
    const items = [
      ...Object.entries(m.capabilities)
        .filter(([, c]) => c !== "documented")
        .map(([k, c]) => `- \`${k}\` (${c}): ${m.notes[k]}`),
      ...Object.entries(m.outbound.unsupported ?? {}).map(([ptr, why]) => `- field \`${ptr.slice(1)}\`: ${why}`),
      ...Object.entries(m.outbound.implied ?? {})
        .filter(([ptr]) => ptr !== "/messaging_product")
        .map(([ptr, { value, reason }]) => `- field \`${ptr.slice(1)}\` other than \`${lit(value)}\`: ${reason}`),
    ];
    if (m.signature.scheme === "none") items.push(`- webhook signatures: ${m.signature.reason}`);
    items.push(...(m.caveats ?? []).map((c) => `- ${c}`));
    lines.push(
      `### ${m.provider} — ${m.title}`,
      "",
      ...(items.length > 0 ? items : ["Carries every kind and field."]),
      "",
    );
  }
  return lines.join("\n");
}

/** Each provider's per-kind endpoint paths, for the providers whose path depends on the kind. */
function endpointsSource(providers: Provider[]): string {
  const byProvider = providers.filter((p) => p.mapping.outbound.kinds !== undefined);
  const map = Object.fromEntries(
    byProvider.map((p) => [
      p.mapping.provider,
      Object.fromEntries(Object.entries(p.mapping.outbound.kinds!).map(([k, km]) => [k, km.endpoint])),
    ]),
  );
  return (
    doc(
      "The request path for each kind, for providers with one endpoint per interactive type (below the account's base URL). A provider not listed takes every message on one path.",
    ) +
    `export const ENDPOINTS: Readonly<Partial<Record<ProviderName, Readonly<Partial<Record<MessageKind, string>>>>>> = ${lit(map)};\n` +
    doc(
      "The path a message goes to at `provider`, for providers with one endpoint per kind; undefined for a provider that takes every message on one path or a kind it does not carry.",
    ) +
    `export function endpointFor(provider: ProviderName, message: OutboundMessage): string | undefined {\nconst kind = message.type === "interactive" ? message.interactive.type : message.type;\nreturn ENDPOINTS[provider]?.[kind];\n}`
  );
}

export function emitProviders(schemasDir: string, set: SchemaSet, graph: SchemaGraph = graphOf(set)): Map<string, string> {
  const providers = loadProviders(schemasDir, set, graph);
  const out = new Map<string, string>();
  if (providers.length === 0) return out;
  const kinds = messageKinds(set);
  const shared = (ref: string): InboundCase | undefined => {
    const [provider, name] = ref.split(":");
    return providers.find((p) => p.mapping.provider === provider)?.mapping.inboundCases?.[name ?? ""];
  };
  for (const p of providers) {
    out.set(`src/providers/${p.mapping.provider}.ts`, providerModule(graph, p));
    if (typeof p.mapping.inbound !== "string")
      out.set(`src/providers/${inboundModuleName(p)}.ts`, inboundModule(graph, p, p.mapping.inbound, shared));
  }
  out.set("src/providers/index.ts", indexModuleSource(providers, kinds));
  out.set("src/verify.ts", verifyModuleSource(providers));
  out.set("CAPABILITIES.md", capabilitiesMarkdown(providers, kinds));
  return out;
}
