/**
 * Type-level tests of the provider layer, compiled by `tsc` (npm run typecheck), never run. Each
 * `@ts-expect-error` line must be an error.
 */
import {
  parseWebhook,
  toProvider,
  fromProvider,
  type InboundEvent,
  type OutboundMessage,
  type VonageOutboundBody,
  type WhatsappNodeSdkArguments,
  type ExotelOutboundBody,
} from "../../generated/src/index.ts";
import { verifyWebhook, type VerifyResult } from "../../generated/src/verify.ts";

declare const message: OutboundMessage;

// The body type follows the provider.
const vonage: VonageOutboundBody = toProvider("vonage", message, { from: "447700900000" });
const exotel: ExotelOutboundBody = toProvider("exotel", message, { from: "+918047112233", customData: "c" });
const args: WhatsappNodeSdkArguments = toProvider("whatsapp-node-sdk", message);
const recipient: number = args.recipient;
toProvider("meta", message);
toProvider("360dialog", message, {});

// @ts-expect-error Vonage needs the sender
toProvider("vonage", message);
// @ts-expect-error an option Vonage does not take
toProvider("vonage", message, { from: "1", sender: "2" });
// @ts-expect-error Meta takes no options
toProvider("meta", message, { from: "1" });
// @ts-expect-error not a provider
toProvider("twilio", message);
// @ts-expect-error the SDK body is not Vonage's
const wrong: VonageOutboundBody = toProvider("whatsapp-node-sdk", message);

const back: OutboundMessage = fromProvider("vonage", vonage);

// Events: switch on the kind, read the reply.
const result = parseWebhook("meta", "{}");
for (const event of result.events) {
  const e: InboundEvent = event;
  if (e.kind === "button_reply" && e.reply) {
    const id: string = e.reply.id;
  }
  // @ts-expect-error not a kind
  if (e.kind === "tap") {
  }
}

async function verified(): Promise<boolean> {
  const r: VerifyResult = await verifyWebhook("meta", {
    rawBody: "{}",
    headers: { "x-hub-signature-256": "sha256=00" },
    secret: "s",
  });
  return r.ok || r.reason === "bad-signature";
}

export { exotel, recipient, back, wrong, verified };
