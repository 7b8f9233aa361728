/**
 * Vonage Messages API v1 webhooks → InboundEvents. One inbound message or status per request.
 * A reply button tap and a list row choice both arrive as `message_type: "reply"`; which it was
 * is decided only against the sent message when the caller passes it (`options.sent`), and is
 * otherwise reported as `kind: "reply"` — never guessed from whether a description is present.
 *
 * (Copied into the generated package as src/wire/webhook-vonage.ts; `../types.js` and
 * `../validators.js` resolve there.)
 */
import { issue, type ValidationIssue } from "../runtime/issues.js";
import { type Pattern, valuesAt } from "../runtime/walk.js";
import {
  neverThrows,
  type ParseResult,
  type Raw,
  type SentMessage,
  type WebhookOptions,
  defined,
  emptyResult,
  finish,
  isObject,
  isoTime,
  nonEmpty,
  readChecked,
} from "./inbound.js";
import type { InboundEvent, Interactive, VonageInboundMessage, VonageStatus } from "../types.js";
import { validateVonageWebhookBody } from "../validators.js";

function interactiveOf(sent: SentMessage): Interactive | undefined {
  if ("interactive" in sent) return sent.interactive;
  return "action" in sent || "body" in sent ? (sent as Interactive) : undefined;
}

/** Where each interactive type carries the ids a tap can answer with, and what such a tap is. */
const REPLY_KINDS: Record<string, readonly (readonly ["button_reply" | "list_reply", Pattern])[]> = {
  button: [["button_reply", ["action", "buttons", "*", "reply", "id"]]],
  carousel: [["button_reply", ["action", "cards", "*", "action", "buttons", "*", "quick_reply", "id"]]],
  list: [["list_reply", ["action", "sections", "*", "rows", "*", "id"]]],
};

/** button_reply or list_reply when the sent message has the reply's id among its buttons or rows. */
function resolveReply(
  id: string,
  replyTo: string | undefined,
  options: WebhookOptions,
  errors: ValidationIssue[],
): InboundEvent["kind"] {
  const sent = typeof options.sent === "function" ? options.sent(replyTo) : options.sent;
  if (sent === undefined) return "reply";
  const interactive = interactiveOf(sent);
  for (const [kind, pattern] of REPLY_KINDS[String(interactive?.type)] ?? []) {
    if (valuesAt(interactive, pattern, "").some(([value]) => value === id)) return kind;
  }
  errors.push(
    issue(
      "/reply/id",
      "unresolvedReply",
      `reply id ${JSON.stringify(id)} is not among the buttons or list rows of the sent message${interactive ? ` (a ${interactive.type} message)` : ""}, so whether a button or a row was tapped is unknown`,
    ),
  );
  return "reply";
}

function statusEvent(provider: string, status: VonageStatus, timestamp: string): InboundEvent {
  const error = isObject(status.error) ? status.error : undefined;
  // For a user with a username, Vonage names them in whatsapp.recipient (user_id, maybe no wa_id).
  const recipient = status.whatsapp?.recipient;
  const userId = nonEmpty(recipient?.user_id);
  return defined({
    provider,
    kind: "status" as const,
    to: status.from,
    messageId: status.message_uuid,
    timestamp,
    status: defined({
      status: status.status,
      recipient: nonEmpty(status.to) ?? nonEmpty(recipient?.wa_id) ?? userId,
      recipientUserId: userId,
      recipientParentUserId: nonEmpty(recipient?.parent_user_id),
      callbackData: status.client_ref,
      errors: error
        ? [
            defined({
              code: error.title === undefined ? undefined : String(error.title),
              message: error.detail ?? error.type ?? "error",
            }),
          ]
        : undefined,
    }),
    raw: status as Raw,
  });
}

function messageEvent(
  provider: string,
  message: VonageInboundMessage,
  timestamp: string,
  options: WebhookOptions,
  errors: ValidationIssue[],
): InboundEvent | undefined {
  const replyTo = message.context?.message_uuid;
  const base = {
    provider,
    senderId: nonEmpty(message.from),
    from: nonEmpty(message.from),
    username: nonEmpty(message.profile?.username),
    to: message.to,
    contactName: nonEmpty(message.profile?.name),
    messageId: message.message_uuid,
    timestamp,
    replyTo,
  };
  const missing = (member: string) => {
    errors.push(issue("", "required", `a ${message.message_type} message must have "${member}"`));
    return undefined;
  };
  switch (message.message_type) {
    case "reply": {
      if (!message.reply) return missing("reply");
      const { id, title, description } = message.reply;
      return defined({
        ...base,
        kind: resolveReply(id, replyTo, options, errors),
        reply: defined({ id, title, description }),
        raw: message as Raw,
      });
    }
    case "button":
      if (!message.button) return missing("button");
      return defined({
        ...base,
        kind: "template_button" as const,
        reply: { id: message.button.payload, title: message.button.text },
        raw: message as Raw,
      });
    case "text":
      if (message.text === undefined) return missing("text");
      return defined({ ...base, kind: "text" as const, text: message.text, raw: message as Raw });
    case "location": {
      const l = message.location;
      if (!l) return missing("location");
      return defined({
        ...base,
        kind: "location" as const,
        location: defined({
          latitude: l.latitude,
          longitude: l.longitude,
          name: l.name,
          address: l.address,
          url: l.url,
        }),
        raw: message as Raw,
      });
    }
    case "order": {
      const o = message.order;
      if (!o) return missing("order");
      const items = o.product_items.map((i) =>
        defined({
          productRetailerId: i.product_retailer_id,
          quantity: i.quantity,
          itemPrice: i.item_price,
          currency: i.currency,
        }),
      );
      return defined({
        ...base,
        kind: "order" as const,
        order: { catalogId: o.catalog_id, items },
        raw: message as Raw,
      });
    }
    default:
      return defined({
        ...base,
        kind: "unsupported" as const,
        unsupportedType: message.message_type,
        raw: message as Raw,
      });
  }
}

function parseVonage(provider: string, payload: unknown, options: WebhookOptions): ParseResult {
  const result = emptyResult();
  const value = readChecked(payload, validateVonageWebhookBody, result);
  if (value === undefined) return finish(result);
  const timestamp = isoTime(value.timestamp, "/timestamp", result.errors);
  if (!timestamp) return finish(result);
  const event =
    "message_type" in value && typeof value.message_type === "string"
      ? messageEvent(provider, value as VonageInboundMessage, timestamp, options, result.errors)
      : statusEvent(provider, value as VonageStatus, timestamp);
  if (event) result.events.push(event);
  return finish(result);
}

/** Vonage webhooks to InboundEvents; never throws. */
export const parseVonageWebhook = neverThrows(parseVonage);
