/**
 * Exotel WhatsApp v2 webhooks → InboundEvents. The documented form wraps callbacks in
 * `whatsapp.messages[]` (every item comes out); an incoming item's `content` mirrors a Cloud API
 * message and is read by the Meta normaliser's `metaContent`. Delivery reports (`dlr`) become
 * status events. The flat `{from, type, interactive}` of one of Exotel's pages is read too; it
 * has no id or time, so its `messageId` is empty and its time is the time of receipt.
 *
 * (Copied into the generated package as src/wire/webhook-exotel.ts; `../types.js` and
 * `../validators.js` resolve there.)
 */
import { issue } from "../runtime/issues.js";
import {
  neverThrows,
  type ParseResult,
  type Raw,
  type WebhookOptions,
  defined,
  emptyResult,
  finish,
  isObject,
  isoTime,
  nonEmpty,
  readChecked,
  type Reported,
} from "./inbound.js";
import { addContent, metaContent } from "./webhook-meta.js";
import type { ExotelWebhookItem, InboundEvent } from "../types.js";
import { validateExotelWebhookBody } from "../validators.js";

/** Exotel's status codes as integrators read them; other codes keep Exotel's own wording. */
const DLR_STATUS: Record<string, string> = { "30001": "sent", "30002": "delivered", "30003": "read" };

function incomingEvent(
  provider: string,
  item: ExotelWebhookItem,
  path: string,
  report: Reported,
): InboundEvent | undefined {
  if (!item.content) {
    report.errors.push(issue(path, "required", `an ${item.callback_type} callback must have "content"`));
    return undefined;
  }
  if (item.sid === undefined) report.errors.push(issue(path, "required", `an ${item.callback_type} callback must have "sid"`));
  const timestamp = isoTime(item.timestamp, `${path}/timestamp`, report.errors);
  const content = metaContent(item.content as Record<string, any>, `${path}/content`, report);
  if (!content || !timestamp || item.sid === undefined) return undefined;
  const context = isObject(item.context)
    ? item.context
    : isObject((item.content as Record<string, any>).context)
      ? (item.content as Record<string, any>).context
      : undefined;
  const event = defined({
    provider,
    kind: content.kind,
    senderId: nonEmpty(item.from),
    from: nonEmpty(item.from),
    to: item.to,
    contactName: item.profile_name,
    messageId: item.sid,
    timestamp,
    replyTo: typeof context?.id === "string" ? context.id : undefined,
  }) as InboundEvent; // raw follows the content
  addContent(event, content);
  event.raw = item as Raw;
  return event;
}

function dlrEvent(
  provider: string,
  item: ExotelWebhookItem,
  path: string,
  report: Reported,
): InboundEvent | undefined {
  if (item.sid === undefined) report.errors.push(issue(path, "required", `a dlr callback must have "sid"`));
  const timestamp = isoTime(item.timestamp, `${path}/timestamp`, report.errors);
  if (!timestamp || item.sid === undefined) return undefined;
  const code = item.exo_status_code === undefined ? undefined : String(item.exo_status_code);
  const status = (code && DLR_STATUS[code]) ?? item.exo_detailed_status ?? code ?? "unknown";
  const failed = code !== undefined && DLR_STATUS[code] === undefined;
  return defined({
    provider,
    kind: "status" as const,
    to: item.from,
    messageId: item.sid,
    timestamp,
    status: defined({
      status,
      recipient: item.to,
      callbackData: typeof item.custom_data === "string" ? item.custom_data : undefined,
      errors: failed
        ? [defined({ code, message: item.description ?? item.exo_detailed_status ?? `Exotel status ${code}` })]
        : undefined,
    }),
    raw: item as Raw,
  });
}

function parseExotel(provider: string, payload: unknown, options: WebhookOptions): ParseResult {
  const result = emptyResult();
  const value = readChecked(payload, validateExotelWebhookBody, result);
  if (value === undefined) return finish(result);
  if ("whatsapp" in value && isObject(value.whatsapp)) {
    value.whatsapp.messages.forEach((item, i) => {
      const path = `/whatsapp/messages/${i}`;
      let event: InboundEvent | undefined;
      if (item.callback_type === "incoming_message" || item.callback_type === "icm")
        event = incomingEvent(provider, item, path, result);
      else if (item.callback_type === "dlr") event = dlrEvent(provider, item, path, result);
      else
        result.errors.push(
          issue(
            `${path}/callback_type`,
            "enum",
            `callback_type ${JSON.stringify(item.callback_type)} is none of incoming_message, icm, dlr`,
          ),
        );
      if (event) result.events.push(event);
    });
    return finish(result);
  }
  // The flat form: the content's own fields at the top, no id, maybe no time.
  const flat = value as Record<string, any>;
  const content = metaContent(flat, "", result);
  const timestamp =
    flat.timestamp === undefined
      ? (options.receivedAt ?? new Date()).toISOString()
      : isoTime(flat.timestamp, "/timestamp", result.errors);
  if (content && timestamp) {
    const id = flat.sid ?? flat.id;
    const event = defined({
      provider,
      kind: content.kind,
      senderId: nonEmpty(flat.from),
      from: nonEmpty(flat.from),
      messageId: typeof id === "string" ? id : "",
      timestamp,
      replyTo: isObject(flat.context) && typeof flat.context.id === "string" ? flat.context.id : undefined,
    }) as InboundEvent; // raw follows the content
    addContent(event, content);
    event.raw = value as Raw;
    result.events.push(event);
  }
  return finish(result);
}

/** Exotel webhooks to InboundEvents; never throws. */
export const parseExotelWebhook = neverThrows(parseExotel);
