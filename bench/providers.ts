/**
 * The provider paths side by side: `toProvider` for each provider next to `validateMessage` (every
 * translation validates the message first, so the difference is the translation itself), and
 * `parseWebhook` for each provider on a reply fixture of its own. No targets: these rows show
 * where each provider's path stands, not a race against a floor.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validList } from "./fixtures.ts";
import type { Group } from "./measure.ts";
import { wa } from "./package.ts";

const { PROVIDERS, parseWebhook, toProvider, validateMessage } = wa;
type Provider = (typeof PROVIDERS)[number];

/** What each provider needs beyond the message (a sender, for those that put it in the body). */
const OPTIONS: Record<Provider, object | undefined> = {
  meta: undefined,
  "360dialog": undefined,
  aisoule: undefined,
  exotel: { from: "+918047112233" },
  infobip: { from: "447860099299" },
  vonage: { from: "447700900000" },
  "whatsapp-node-sdk": undefined,
};

/** One inbound webhook per provider from the test fixtures (a reply where the provider documents one): the payload and the options it is parsed with. */
const WEBHOOKS: Record<Provider, string> = {
  meta: "meta/list-reply.json",
  "360dialog": "360dialog/list-reply.json",
  // Aisoule documents no reply shape: its text message is the nearest inbound path it has.
  aisoule: "aisoule/text-received.json",
  exotel: "exotel/list-reply.json",
  infobip: "infobip/list-reply.json",
  vonage: "vonage/reply-resolved-list.json",
  "whatsapp-node-sdk": "whatsapp-node-sdk/button-reply.json",
};

const message = { messaging_product: "whatsapp", to: "16505551234", type: "interactive", interactive: validList };
const translate = toProvider as (p: Provider, m: unknown, o?: object) => unknown;

function fixture(file: string): { payload: unknown; options: { sent?: unknown } } {
  const text = readFileSync(fileURLToPath(new URL(`../test/fixtures/webhooks/${file}`, import.meta.url)), "utf8");
  const { payload, options } = JSON.parse(text) as { payload: unknown; options?: { sent?: unknown } };
  return { payload, options: options ?? {} };
}

export function providerGroups(): Group[] {
  const VALIDATE = "validateMessage alone";
  for (const p of PROVIDERS) translate(p, message, OPTIONS[p]); // throws if a provider cannot carry the list
  const hooks = PROVIDERS.map((p) => ({ provider: p, ...fixture(WEBHOOKS[p]) }));
  for (const h of hooks) {
    const result = parseWebhook(h.provider, h.payload, h.options as never);
    if (!result.ok || result.events.length === 0) throw new Error(`${h.provider}: the bench's webhook fixture does not parse to an event`);
  }
  return [
    {
      title: "translate the list message to each provider (`toProvider`), next to validating it",
      ours: VALIDATE,
      contenders: [
        { name: VALIDATE, note: "`validateMessage` on the outbound message: the check every translation starts with", fn: () => validateMessage(message).ok },
        ...PROVIDERS.map((p) => ({ name: `toProvider("${p}")`, fn: () => translate(p, message, OPTIONS[p]) })),
      ],
    },
    {
      title: "parse an inbound webhook per provider (`parseWebhook`, payload already parsed; each provider's own fixture)",
      ours: 'parseWebhook("meta")',
      contenders: hooks.map((h) => ({ name: `parseWebhook("${h.provider}")`, note: `test/fixtures/webhooks/${WEBHOOKS[h.provider]}`, fn: () => parseWebhook(h.provider, h.payload, h.options as never) })),
    },
  ];
}
