/**
 * Emits the two modules that dispatch over every provider: `src/providers/index.ts` (`toProvider`,
 * `fromProvider`, `parseWebhook`, the capability matrix and each provider's refusals) and
 * `src/verify.ts` (`verifyWebhook`, a subpath of its own because the Vonage scheme needs `jose`).
 * Both are tables read off the mappings plus a `switch` per entry point, so adding a provider
 * directory adds a case to each without touching this file.
 */
import { type Imports, Module, doc, lit, ts } from "./code.ts";
import { inboundFunctionName, inboundModuleName } from "./inbound/names.ts";
import type { Provider } from "./providers.ts";

/** A file's doc comment, its text on one line of its own. */
const head = (text: string) => `/**\n * ${text}\n */`;

const INDEX_HEAD = head(
  "Every provider, both ways: `toProvider` / `fromProvider` translate an outbound message to and from a provider's request body; `parseWebhook` turns a provider's webhook into InboundEvents, every item of a batch. Signature checks live in `wa-interactive/verify`.",
);

const VERIFY_HEAD = head(
  "Webhook signature checks for every provider — a subpath of its own (`wa-interactive/verify`) because the Vonage scheme needs `jose` (loaded only when a Vonage webhook is checked). Uses node:crypto where the runtime offers it synchronously and Web Crypto elsewhere, so it runs on Node, Deno, Bun and workers.",
);

const name = (p: Provider) => p.mapping.provider;

/** What the index module refers to in one provider's own module. */
interface ProviderNames {
  to: string;
  from: string;
  options: string;
  parse: string;
}

/** Claims each provider's imports in the order the modules are listed: types, wire, webhooks, translations. */
function providerImports(module: Module, providers: Provider[]): Map<Provider, ProviderNames> {
  // A provider that forwards another's webhook uses that provider's generated normaliser.
  const source = (p: Provider) => (typeof p.mapping.inbound === "string" ? providers.find((q) => name(q) === p.mapping.inbound)! : p);
  const webhooks = new Map<Provider, string>();
  for (const p of providers.filter((p) => typeof p.mapping.inbound !== "string"))
    webhooks.set(p, module.imports(`./${inboundModuleName(p)}.js`).value(inboundFunctionName(p)));
  return new Map(
    providers.map((p) => {
      const own: Imports = module.imports(`./${name(p)}.js`);
      const type = p.mapping.typeName;
      return [p, { to: own.value(`to${type}`), from: own.value(`from${type}`), options: own.type(`${type}Options`), parse: webhooks.get(source(p))! }];
    }),
  );
}

/** What each provider's mapping refuses or implies, as the `MAPPINGS` table holds it. */
function refusals(p: Provider) {
  const { implied = {}, unsupported = {}, kinds } = p.mapping.outbound;
  return {
    implied,
    unsupported,
    ...(kinds && {
      kinds: Object.fromEntries(Object.entries(kinds).map(([k, km]) => [k, { implied: km.implied ?? {}, unsupported: km.unsupported ?? {} }])),
    }),
  };
}

const table = (providers: Provider[], value: (p: Provider) => unknown) =>
  lit(Object.fromEntries(providers.map((p) => [name(p), value(p)])));

/** The request path per kind, for the providers whose path depends on the kind. */
function endpoints(providers: Provider[], outboundMessage: string): string {
  const byKind = providers.filter((p) => p.mapping.outbound.kinds !== undefined);
  return ts`${doc("The request path for each kind, for providers with one endpoint per interactive type (below the account's base URL). A provider not listed takes every message on one path.")}export const ENDPOINTS: Readonly<Partial<Record<ProviderName, Readonly<Partial<Record<MessageKind, string>>>>>> = ${table(byKind, (p) => Object.fromEntries(Object.entries(p.mapping.outbound.kinds!).map(([k, km]) => [k, km.endpoint])))};
${doc("The path a message goes to at `provider`, for providers with one endpoint per kind; undefined for a provider that takes every message on one path or a kind it does not carry.")}export function endpointFor(provider: ProviderName, message: ${outboundMessage}): string | undefined {
  const kind = message.type === "interactive" ? message.interactive.type : message.type;
  return ENDPOINTS[provider]?.[kind];
}`;
}

export function indexModule(providers: Provider[], kinds: string[]): string {
  const module = new Module();
  const types = module.imports("../types.js");
  const providerError = module.imports("../wire/provider-error.js").value("ProviderError");
  const inbound = module.imports("../wire/inbound.js");
  const [parseResult, webhookOptions] = [inbound.type("ParseResult"), inbound.type("WebhookOptions")];
  const own = providerImports(module, providers);
  const outboundMessage = types.type("OutboundMessage");
  const of = (p: Provider) => own.get(p)!;
  const entries = (type: (p: Provider) => string) => providers.map((p) => `${lit(name(p))}: ${type(p)};`);
  const cases = (body: (p: Provider) => string) => providers.map((p) => `case ${lit(name(p))}: ${body(p)}`);
  const body = ts`
${providers.map((p) => `export { from${p.mapping.typeName}, to${p.mapping.typeName}, type ${p.mapping.typeName}Options } from "./${name(p)}.js";`)}
export { ProviderError, type ProviderErrorCode } from "../wire/provider-error.js";
export type { ParseResult, WebhookOptions, SentMessage } from "../wire/inbound.js";

${doc("The providers wa-interactive translates for, by the name every function takes.")}export const PROVIDERS = ${lit(providers.map(name))} as const;
export type ProviderName = (typeof PROVIDERS)[number];

${doc("What an outbound message can be, for the capability matrix: an interactive type, or a reaction.")}export type MessageKind = ${kinds.map(lit).join(" | ")};
${doc("documented: the provider documents it; passthrough: the provider forwards it unchanged but does not document it; unsupported: translating it is an error.")}export type Capability = "documented" | "passthrough" | "unsupported";

${doc("Which message kinds each provider carries (generated from the mappings; CAPABILITIES.md shows it as a table).")}export const CAPABILITIES: Readonly<Record<ProviderName, Readonly<Record<MessageKind, Capability>>>> = ${table(providers, (p) => p.mapping.capabilities)};
${doc("What each provider's mapping says a message may not vary or hold: message values it implies (absent or equal on the way out, restored on the way back) and top-level fields it has no place for, each with the reason.")}export interface ProviderRefusals {
  implied: Readonly<Record<string, { readonly value: string; readonly reason: string }>>;
  unsupported: Readonly<Record<string, string>>;
  ${doc("For a provider with a body of its own per kind: what each kind's mapping refuses or implies beyond the above.")}kinds?: Readonly<Partial<Record<MessageKind, Omit<ProviderRefusals, "kinds">>>>;
}
${doc("Each provider's refusals (from its mapping; the translation functions are generated from the same file).")}export const MAPPINGS: Readonly<Record<ProviderName, ProviderRefusals>> = ${table(providers, refusals)};
${endpoints(providers, outboundMessage)}
${doc("Why a kind is passthrough or unsupported, per provider.")}export const CAPABILITY_NOTES: Readonly<Record<ProviderName, Readonly<Partial<Record<MessageKind, string>>>>> = ${table(providers, (p) => p.mapping.notes)};

${doc("Each provider's request body type.")}export interface ProviderBodies {
  ${entries((p) => types.type(p.outboundType))}
}
${doc("Each provider's webhook body type.")}export interface ProviderWebhooks {
  ${entries((p) => types.type(p.webhookType))}
}
${doc("Each provider's options type (what it needs beyond the message).")}export interface ProviderOptions {
  ${entries((p) => of(p).options)}
}
type OptionsArgument<P extends ProviderName> = {} extends ProviderOptions[P] ? [options?: ProviderOptions[P]] : [options: ProviderOptions[P]];

function known(provider: unknown): never {
  throw new ${providerError}("unknown-provider", String(provider), "", \`unknown provider \${JSON.stringify(provider)}; expected one of \${PROVIDERS.join(", ")}\`);
}

${doc("Translates an outbound message, exactly as validateMessage accepts it (it is validated first), into the provider's request body. Throws a ProviderError for an invalid message, a kind or field the provider cannot carry, or missing options.")}export function toProvider<P extends ProviderName>(provider: P, message: unknown, ...[options]: OptionsArgument<P>): ProviderBodies[P] {
  const o = options as never;
  switch (provider as ProviderName) {
    ${cases((p) => `return ${of(p).to}(message, o) as ProviderBodies[P];`)}
    default: return known(provider);
  }
}

${doc("The inverse of toProvider: the outbound message a provider's request body sends (options such as the sender are not part of it).")}export function fromProvider(provider: ProviderName, body: unknown): ${outboundMessage} {
  switch (provider) {
    ${cases((p) => `return ${of(p).from}(body);`)}
    default: return known(provider);
  }
}

${doc("Parses a provider's webhook (the parsed JSON, or the raw body as a string) into one InboundEvent per item — every entry, change, message and status of a batch. Never throws for a bad payload: bad items are reported in `errors` with their JSON Pointer, and the good ones still come out (only an unknown provider name throws). The last payload and result stay referenced until the next call, so that a garbage collection between webhooks does not cost the parser its optimised code; nothing reads them.")}export function parseWebhook(provider: ProviderName, payload: unknown, options: ${webhookOptions} = {}): ${parseResult} {
  switch (provider) {
    ${cases((p) => `return ${of(p).parse}(${lit(name(p))}, payload, options);`)}
    default: return known(provider);
  }
}`;
  return module.render(INDEX_HEAD, body);
}

export function verifyModule(providers: Provider[]): string {
  const module = new Module();
  const providerName = module.imports("./providers/index.js").type("ProviderName");
  const providerError = module.imports("./wire/provider-error.js").value("ProviderError");
  const signatures = module.imports("./wire/signatures.js");
  const verifyVonage = module.imports("./wire/vonage-jwt.js").value("verifyVonageSignature");
  const body = ts`
export type { HeaderSource, SignatureSpec, VerifyFailure, VerifyInput, VerifyResult } from "./wire/signatures.js";

${doc("How each provider signs its webhooks (from the mappings).")}export const SIGNATURES: Readonly<Record<${providerName}, ${signatures.type("SignatureSpec")}>> = ${table(providers, (p) => p.mapping.signature)};

${doc("Checks a webhook's signature over the raw body exactly as received (a string or bytes; never re-serialised JSON). Resolves to `{ ok: true }` or `{ ok: false, reason, message }`; throws a ProviderError for a provider that documents no signature (Exotel) or a missing secret.")}export async function verifyWebhook(provider: ${providerName}, input: ${signatures.type("VerifyInput")}): Promise<${signatures.type("VerifyResult")}> {
  const spec = SIGNATURES[provider];
  if (spec === undefined) throw new ${providerError}("unknown-provider", String(provider), "", \`unknown provider \${JSON.stringify(provider)}\`);
  switch (spec.scheme) {
    case "hmac-sha256": return ${signatures.value("verifyHmacSignature")}(spec, input);
    case "vonage-jwt": return ${verifyVonage}(spec, input);
    case "none": throw new ${providerError}("no-signature-scheme", provider, "", \`\${provider} does not sign its webhooks: \${spec.reason}\`);
  }
}`;
  return module.render(VERIFY_HEAD, body);
}
