/**
 * The provider layer, side by side with validation: for each provider, `toProvider` against
 * `validateMessage` on the same 2-section list message (toProvider validates once and then builds
 * the body with generated straight-line code, so the target is at most twice validateMessage's
 * cost), and `parseWebhook` on one reply in each provider's own webhook format.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validList } from "./fixtures.ts";
import type { Group } from "./measure.ts";
import { wa } from "./package.ts";

const { PROVIDERS, parseWebhook, toProvider, validateMessage } = wa;
type ProviderName = (typeof PROVIDERS)[number];

/** The bench's list with its first 2 sections, as a whole outbound message. */
export const listMessage = {
  messaging_product: "whatsapp",
  to: "919812345678",
  type: "interactive",
  interactive: { ...validList, action: { ...validList.action, sections: validList.action.sections.slice(0, 2) } },
};

const SENDER: Partial<Record<ProviderName, { from: string }>> = {
  vonage: { from: "447700900000" },
  exotel: { from: "+918047112233" },
  infobip: { from: "447860099299" },
};

const send = (p: ProviderName) => (toProvider as (p: ProviderName, m: unknown, o?: object) => unknown)(p, listMessage, SENDER[p]);

/** One reply per provider, in its own webhook format (the test fixtures that show it). */
const WEBHOOKS: Record<ProviderName, string> = {
  meta: "meta/list-reply.json",
  "360dialog": "360dialog/list-reply.json",
  "whatsapp-node-sdk": "whatsapp-node-sdk/button-reply.json",
  vonage: "vonage/reply-resolved-list.json",
  exotel: "exotel/list-reply.json",
  // Aisoule documents no reply shape; its one parseable message is text.
  aisoule: "aisoule/text-received.json",
  infobip: "infobip/list-reply.json",
};

function webhook(p: ProviderName): { payload: unknown; options: object } {
  const file = fileURLToPath(new URL(`../test/fixtures/webhooks/${WEBHOOKS[p]}`, import.meta.url));
  const fixture = JSON.parse(readFileSync(file, "utf8")) as { payload: unknown; options?: object };
  return { payload: fixture.payload, options: fixture.options ?? {} };
}

export function providerGroups(): Group[] {
  if (!validateMessage(listMessage).ok) throw new Error("the bench's list message is not valid");
  const translate = PROVIDERS.map(
    (p): Group => ({
      title: `${p}: toProvider vs validateMessage (2-section list)`,
      ours: "toProvider",
      target: { against: "validateMessage", atLeast: 0.5 },
      contenders: [
        { name: "toProvider", note: "validates the message once, then builds the body (generated code)", fn: () => send(p) },
        { name: "validateMessage", note: "the validation alone", fn: () => validateMessage(listMessage).ok },
      ],
    }),
  );
  const webhooks = PROVIDERS.map((p) => [p, webhook(p)] as const);
  for (const [p, { payload, options }] of webhooks)
    if (parseWebhook(p, payload, options).events.length === 0) throw new Error(`${p}: the bench's webhook gives no event`);
  const parse: Group = {
    title: "parseWebhook per provider (one reply each)",
    ours: "meta",
    contenders: webhooks.map(([p, { payload, options }]) => ({
      name: p,
      note: `test/fixtures/webhooks/${WEBHOOKS[p]}`,
      fn: () => parseWebhook(p, payload, options),
    })),
  };
  return [...translate, parse];
}
