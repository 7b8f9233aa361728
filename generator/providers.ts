/**
 * Loads and checks the provider mappings in `schemas/providers/<name>/`, then emits the provider
 * layer from them: for each provider a typed module (`src/providers/<name>.ts`: its options type
 * and `to<Name>` / `from<Name>` over its mapping, provider-module.ts) and its webhook normaliser
 * (inbound-module.ts); the dispatching `src/providers/index.ts` and `src/verify.ts`
 * (provider-index.ts); and `CAPABILITIES.md` (capabilities.ts).
 *
 * A mapping is data (format in schemas/README.md, "Provider mappings"). This file checks it
 * against the schema set before emitting anything: every property of an outbound message must be
 * mapped, implied or declared unsupported, and every interactive type must have a capability, so
 * a new schema property or interactive type fails generation until each provider says what it
 * does with it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ID_BASE, type SchemaSet, SchemaSetError } from "./schema-set.ts";
import { buildGraph, type SchemaGraph } from "./graph/build.ts";
import { resolved, rootOf } from "./graph/query.ts";
import { namedSchemas } from "./names.ts";
import { constValue, keyOrder, walk } from "./schema-path.ts";
import { lit } from "./code.ts";
import { type InboundCase, type InboundMapping, inboundModule, inboundModuleName } from "./inbound-module.ts";
import { providerModule } from "./provider-module.ts";
import { indexModule, verifyModule } from "./provider-index.ts";
import { capabilitiesMarkdown } from "./capabilities.ts";

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

/** The interactive types (the `type` consts of the Interactive union), plus "reaction". */
export function messageKinds(graph: SchemaGraph): string[] {
  const union = resolved(rootOf(graph, "interactive/interactive.schema.json"));
  if (union.kind !== "union") throw new SchemaSetError("providers: interactive/interactive.schema.json must be a union of the interactive types");
  const kinds = union.branches.map((branch) => {
    const node = resolved(branch);
    const type = node.kind === "object" ? node.properties.find((p) => p.key === "type") : undefined;
    const value = type && constValue(type.node);
    if (typeof value !== "string") throw new SchemaSetError(`providers: an Interactive branch has no type const`);
    return value;
  });
  return [...kinds, "reaction"];
}

/** Top-level properties of every outbound message form (interactive and reaction). */
function messageProperties(graph: SchemaGraph): string[] {
  return keyOrder([rootOf(graph, "message/outbound-message.schema.json")]);
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
  const kinds = messageKinds(graph);
  const properties = messageProperties(graph);
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

export function emitProviders(schemasDir: string, set: SchemaSet, graph: SchemaGraph = graphOf(set)): Map<string, string> {
  const providers = loadProviders(schemasDir, set, graph);
  const out = new Map<string, string>();
  if (providers.length === 0) return out;
  const kinds = messageKinds(graph);
  const shared = (ref: string): InboundCase | undefined => {
    const [provider, name] = ref.split(":");
    return providers.find((p) => p.mapping.provider === provider)?.mapping.inboundCases?.[name ?? ""];
  };
  for (const p of providers) {
    out.set(`src/providers/${p.mapping.provider}.ts`, providerModule(graph, p));
    if (typeof p.mapping.inbound !== "string")
      out.set(`src/providers/${inboundModuleName(p)}.ts`, inboundModule(graph, p, p.mapping.inbound, shared));
  }
  out.set("src/providers/index.ts", indexModule(providers, kinds));
  out.set("src/verify.ts", verifyModule(providers));
  out.set("CAPABILITIES.md", capabilitiesMarkdown(providers, kinds));
  return out;
}
