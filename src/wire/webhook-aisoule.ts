/**
 * Aisoule webhooks → InboundEvents. Aisoule documents `message.received` only for text
 * (`data.type: "text"`, `data.body`) and the status events; how a tapped button or list row
 * arrives is not documented, so any other received type is an error that says so rather than a
 * guess.
 *
 * (Copied into the generated package as src/wire/webhook-aisoule.ts; `../validators.js`
 * resolves there.)
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
  isoTime,
  nonEmpty,
  readChecked,
} from "./inbound.js";
import { validateAisouleWebhookBody } from "../validators.js";

const STATUS_EVENTS: Record<string, string> = {
  "message.sent": "sent",
  "message.delivered": "delivered",
  "message.read": "read",
  "message.failed": "failed",
};

function parseAisoule(provider: string, payload: unknown, _options: WebhookOptions): ParseResult {
  const result = emptyResult();
  const value = readChecked(payload, validateAisouleWebhookBody, result);
  if (value === undefined) return finish(result);
  const { event, data } = value;
  const timestamp = isoTime(value.timestamp, "/timestamp", result.errors);
  if (!timestamp) return finish(result);
  if (event === "message.received") {
    if (data.type !== "text") {
      result.errors.push(
        issue(
          "/data/type",
          "undocumented",
          `Aisoule documents received messages only of type "text"; ${data.type === undefined ? "a message without a type" : `type ${JSON.stringify(data.type)}`} (such as a tapped button or list row) has no documented shape, so wa-interactive does not guess at it — use the raw payload`,
        ),
      );
      return finish(result);
    }
    if (typeof data.body !== "string") {
      result.errors.push(issue("/data", "required", `a received text message must have "body"`));
      return finish(result);
    }
    result.events.push(
      defined({
        provider,
        kind: "text" as const,
        senderId: nonEmpty(data.sender),
        from: nonEmpty(data.sender),
        to: data.waba_number ?? data.recipient,
        messageId: data.message_id,
        timestamp,
        text: data.body,
        raw: value as Raw,
      }),
    );
    return finish(result);
  }
  const status = STATUS_EVENTS[event];
  if (status === undefined) {
    result.errors.push(
      issue(
        "/event",
        "enum",
        `event ${JSON.stringify(event)} is none of message.received, ${Object.keys(STATUS_EVENTS).join(", ")}`,
      ),
    );
    return finish(result);
  }
  result.events.push(
    defined({
      provider,
      kind: "status" as const,
      to: data.waba_number ?? data.sender,
      messageId: data.message_id,
      timestamp,
      status: defined({ status: data.status ?? status, recipient: data.recipient }),
      raw: value as Raw,
    }),
  );
  return finish(result);
}

/** Aisoule webhooks to InboundEvents; never throws. */
export const parseAisouleWebhook = neverThrows(parseAisoule);
