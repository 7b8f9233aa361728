/**
 * Infobip webhooks → InboundEvents. Infobip posts received messages in batches (`results[]`);
 * each item is checked on its own, so a bad one is reported at its pointer and the others still
 * come out. Its message `type` says what the customer did; the reply's id and title sit on the
 * message itself, and a flow's response arrives as an object, not a JSON string.
 *
 * (Copied into the generated package as src/runtime/webhook-infobip.ts; `../validators.js`
 * resolves there.)
 */
import { issue, type ValidationIssue } from "./issues.js";
import {
  neverThrows,
  type ParseResult,
  type Raw,
  type WebhookOptions,
  defined,
  emptyResult,
  finish,
  isoTime,
  nonEmpty,
  readChecked,
  under,
} from "./inbound.js";
import type { InboundEvent, InfobipInboundMessage } from "../types.js";
import { validateInfobipWebhookBody, validateInfobipWebhookResult } from "../validators.js";

type Content = Omit<InboundEvent, "provider" | "from" | "to" | "messageId" | "timestamp" | "raw" | "replyTo" | "contactName">;

function missing(path: string, type: string, names: string[], errors: ValidationIssue[]): undefined {
  errors.push(issue(path, "required", `a ${type} message must have ${names.map((n) => `"${n}"`).join(" and ")}`));
  return undefined;
}

/** What the message says, by its type; undefined (with the issue added) when a part its type needs is missing. */
function content(m: InfobipInboundMessage, path: string, errors: ValidationIssue[]): Content | undefined {
  switch (m.type) {
    case "INTERACTIVE_BUTTON_REPLY":
    case "INTERACTIVE_LIST_REPLY":
      if (m.id === undefined || m.title === undefined) return missing(path, m.type, ["id", "title"], errors);
      return {
        kind: m.type === "INTERACTIVE_BUTTON_REPLY" ? "button_reply" : "list_reply",
        reply: defined({ id: m.id, title: m.title, description: m.description }),
      };
    case "INTERACTIVE_FLOW_REPLY":
      if (m.response === undefined) return missing(path, m.type, ["response"], errors);
      return defined({ kind: "flow_reply" as const, flowResponse: m.response, text: m.text });
    case "BUTTON":
      if (m.payload === undefined || m.text === undefined) return missing(path, m.type, ["payload", "text"], errors);
      return { kind: "template_button", reply: { id: m.payload, title: m.text } };
    case "LOCATION":
      if (m.latitude === undefined || m.longitude === undefined)
        return missing(path, m.type, ["latitude", "longitude"], errors);
      return {
        kind: "location",
        location: defined({ latitude: m.latitude, longitude: m.longitude, name: m.name, address: m.address, url: m.url }),
      };
    case "ORDER":
      if (m.catalogId === undefined || m.productItems === undefined)
        return missing(path, m.type, ["catalogId", "productItems"], errors);
      return defined({
        kind: "order" as const,
        order: {
          catalogId: m.catalogId,
          items: m.productItems.map((i) =>
            defined({ productRetailerId: i.productRetailerId, quantity: i.quantity, itemPrice: i.itemPrice, currency: i.currency }),
          ),
        },
        text: m.text,
      });
    case "TEXT":
      if (m.text === undefined) return missing(path, m.type, ["text"], errors);
      return { kind: "text", text: m.text };
    default:
      return { kind: "unsupported", unsupportedType: m.type };
  }
}

function parseInfobip(provider: string, payload: unknown, _options: WebhookOptions): ParseResult {
  const result = emptyResult();
  const body = readChecked(payload, (v) => validateInfobipWebhookBody(v), result);
  if (body === undefined) return finish(result);
  body.results.forEach((item: unknown, i) => {
    const path = `/results/${i}`;
    const checked = validateInfobipWebhookResult(item);
    if (!checked.ok) {
      result.errors.push(...under(path, checked.errors));
      return;
    }
    const r = checked.value;
    const timestamp = isoTime(r.receivedAt, `${path}/receivedAt`, result.errors);
    const what = content(r.message, `${path}/message`, result.errors);
    if (timestamp === undefined || what === undefined) return;
    result.events.push(
      defined({
        provider,
        ...what,
        senderId: nonEmpty(r.from),
        from: nonEmpty(r.from),
        to: r.to,
        contactName: r.contact?.name,
        messageId: r.messageId,
        timestamp,
        replyTo: r.message.context?.id,
        raw: r as Raw,
      }) as InboundEvent,
    );
  });
  return finish(result);
}

/** Infobip webhooks to InboundEvents, every item of a batch; never throws. */
export const parseInfobipWebhook = neverThrows(parseInfobip);
