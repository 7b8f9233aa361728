/**
 * Meta's Cloud API webhook → InboundEvents: every entry, every change, every message and status
 * of a batched delivery (the libraries we compared read only the first of each). Each item is
 * checked on its own, so one bad item is reported at its path and the rest still come out.
 * `metaContent` reads the kind-specific part of a message; Exotel, whose `content` mirrors it,
 * uses it too.
 *
 * (Copied into the generated package as src/runtime/webhook-meta.ts; `../types.js` and
 * `../validators.js` resolve there.)
 */
import type { ValidationIssue } from "./issues.js";
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
  parseObject,
  readPayload,
  under,
} from "./inbound.js";
import type { InboundEvent, InboundStatus, MetaMessageCommon, MetaStatus } from "../types.js";
import {
  validateMetaInteractiveReply,
  validateMetaLocation,
  validateMetaMessageCommon,
  validateMetaOrder,
  validateMetaReactionPayload,
  validateMetaStatus,
  validateMetaTemplateButton,
  validateMetaText,
  validateMetaWebhook,
} from "../validators.js";

/** The kind-specific fields of an event. */
export type EventContent = Pick<InboundEvent, "kind"> &
  Partial<
    Pick<
      InboundEvent,
      | "reply"
      | "flowResponse"
      | "flowName"
      | "text"
      | "location"
      | "order"
      | "reaction"
      | "callPermission"
      | "unsupportedType"
    >
  >;

function checked<T>(
  result: { ok: true; value: T } | { ok: false; errors: ValidationIssue[] },
  path: string,
  errors: ValidationIssue[],
): T | undefined {
  if (result.ok) return result.value;
  errors.push(...under(path, result.errors));
  return undefined;
}

/**
 * Appends the content's kind-specific fields to an event whose head is already written. `kind` is
 * written again with the value it holds, so it keeps its place. The content holds no undefined
 * values: every reader below builds it so.
 */
export function addContent(event: InboundEvent, content: EventContent): void {
  Object.assign(event, content);
}

/** An address reply is named "address_message"; one without a name is an address when its response has address values. */
function nfmKind(name: string | undefined, response: Record<string, unknown>): "flow_reply" | "address_reply" {
  if (name === "address_message") return "address_reply";
  if (name === undefined && ("values" in response || "saved_address_id" in response)) return "address_reply";
  return "flow_reply";
}

/** Reads `message[message.type]` (a Meta message, or Exotel's `content`) at `path`. */
export function metaContent(
  message: Record<string, any>,
  path: string,
  errors: ValidationIssue[],
): EventContent | undefined {
  const type = message.type as string;
  switch (type) {
    case "interactive": {
      const reply = checked(validateMetaInteractiveReply(message.interactive), `${path}/interactive`, errors);
      if (!reply) return undefined;
      switch (reply.type) {
        case "button_reply":
          return { kind: "button_reply", reply: { id: reply.button_reply.id, title: reply.button_reply.title } };
        case "list_reply":
          return {
            kind: "list_reply",
            reply: defined({
              id: reply.list_reply.id,
              title: reply.list_reply.title,
              description: reply.list_reply.description,
            }),
          };
        case "nfm_reply": {
          const response = parseObject(
            reply.nfm_reply.response_json,
            `${path}/interactive/nfm_reply/response_json`,
            errors,
          );
          if (!response) return undefined;
          return defined({
            kind: nfmKind(reply.nfm_reply.name, response),
            flowResponse: response,
            flowName: reply.nfm_reply.name,
          });
        }
        case "call_permission_reply": {
          const answer = reply.call_permission_reply;
          const expiresAt =
            answer.expiration_timestamp === undefined
              ? undefined
              : isoTime(
                  answer.expiration_timestamp,
                  `${path}/interactive/call_permission_reply/expiration_timestamp`,
                  errors,
                );
          return {
            kind: "call_permission_reply",
            callPermission: defined({
              response: answer.response,
              permanent: answer.is_permanent,
              expiresAt,
              source: answer.response_source,
            }),
          };
        }
      }
      return undefined;
    }
    case "button": {
      const button = checked(validateMetaTemplateButton(message.button), `${path}/button`, errors);
      return button && { kind: "template_button", reply: { id: button.payload, title: button.text } };
    }
    case "order": {
      const order = checked(validateMetaOrder(message.order), `${path}/order`, errors);
      if (!order) return undefined;
      const items = order.product_items.map((item) =>
        defined({
          productRetailerId: item.product_retailer_id,
          quantity: item.quantity,
          itemPrice: item.item_price,
          currency: item.currency,
        }),
      );
      return defined({ kind: "order" as const, order: { catalogId: order.catalog_id, items }, text: order.text });
    }
    case "location": {
      const location = checked(validateMetaLocation(message.location), `${path}/location`, errors);
      return (
        location && {
          kind: "location",
          location: defined({
            latitude: location.latitude,
            longitude: location.longitude,
            name: location.name,
            address: location.address,
            url: location.url,
          }),
        }
      );
    }
    case "reaction": {
      const reaction = checked(validateMetaReactionPayload(message.reaction), `${path}/reaction`, errors);
      // An absent or empty emoji means the customer removed their reaction.
      return (
        reaction && {
          kind: "reaction",
          reaction: defined({ messageId: reaction.message_id, emoji: reaction.emoji || undefined }),
        }
      );
    }
    case "text": {
      const text = checked(validateMetaText(message.text), `${path}/text`, errors);
      return text && { kind: "text", text: text.body };
    }
    case "unsupported": {
      const inner =
        isObject(message.unsupported) && typeof message.unsupported.type === "string"
          ? message.unsupported.type
          : "unsupported";
      return { kind: "unsupported", unsupportedType: inner };
    }
    default:
      // image, audio, video, document, sticker, contacts, system, …: not modelled, but not lost.
      return { kind: "unsupported", unsupportedType: type };
  }
}

interface ChangeContext {
  provider: string;
  /**
   * Whether the whole payload passed the webhook schema, which checks every message's common
   * fields and every status: then those need no check of their own (a message's content still does).
   */
  itemsChecked: boolean;
  to: string | undefined;
  contacts: unknown[];
}

function contactName(contacts: unknown[], from: string | undefined): string | undefined {
  const contact =
    contacts.find((c) => isObject(c) && from !== undefined && c.wa_id === from) ??
    (contacts.length === 1 ? contacts[0] : undefined);
  return isObject(contact) && isObject(contact.profile) && typeof contact.profile.name === "string"
    ? contact.profile.name
    : undefined;
}

function messageEvent(
  ctx: ChangeContext,
  raw: unknown,
  path: string,
  errors: ValidationIssue[],
): InboundEvent | undefined {
  const message = ctx.itemsChecked
    ? (raw as MetaMessageCommon)
    : checked(validateMetaMessageCommon(raw), path, errors);
  if (!message) return undefined;
  const timestamp = isoTime(message.timestamp, `${path}/timestamp`, errors);
  const content = metaContent(message as Record<string, any>, path, errors);
  if (!timestamp || !content) return undefined;
  // Key by key rather than through defined(): named stores in the events' key order, where a
  // copy of an object literal through defined() cost ten times as much on every delivered message.
  const event = { provider: ctx.provider, kind: content.kind } as InboundEvent;
  if (message.from !== undefined) event.from = message.from;
  if (message.from_user_id !== undefined) event.fromUserId = message.from_user_id;
  if (ctx.to !== undefined) event.to = ctx.to;
  const name = contactName(ctx.contacts, message.from);
  if (name !== undefined) event.contactName = name;
  event.messageId = message.id;
  event.timestamp = timestamp;
  if (message.context?.id !== undefined) event.replyTo = message.context.id;
  addContent(event, content);
  event.raw = raw as Raw;
  return event;
}

function statusEvent(
  ctx: ChangeContext,
  raw: unknown,
  path: string,
  errors: ValidationIssue[],
): InboundEvent | undefined {
  const status = ctx.itemsChecked ? (raw as MetaStatus) : checked(validateMetaStatus(raw), path, errors);
  if (!status) return undefined;
  const timestamp = isoTime(status.timestamp, `${path}/timestamp`, errors);
  if (!timestamp) return undefined;
  const event = { provider: ctx.provider, kind: "status" } as InboundEvent;
  if (ctx.to !== undefined) event.to = ctx.to;
  event.messageId = status.id;
  event.timestamp = timestamp;
  const state: InboundStatus = { status: status.status };
  const recipient = status.recipient_id ?? status.recipient_user_id;
  if (recipient !== undefined) state.recipient = recipient;
  if (status.biz_opaque_callback_data !== undefined) state.callbackData = status.biz_opaque_callback_data;
  if (status.errors !== undefined && status.errors.length > 0)
    state.errors = status.errors.map((e) => ({
      code: String(e.code),
      message: e.message ?? e.title ?? e.error_data?.details ?? `error ${e.code}`,
    }));
  event.status = state;
  event.raw = raw as Raw;
  return event;
}

function parseMeta(provider: string, payload: unknown, _options: WebhookOptions): ParseResult {
  const result = emptyResult();
  const body = readPayload(payload, result);
  if (result.errors.length > 0) return finish(result);
  const envelope = validateMetaWebhook(body);
  const itemPaths: string[] = [];
  const entries = isObject(body) && Array.isArray(body.entry) ? body.entry : [];
  entries.forEach((entry: unknown, e: number) => {
    if (!isObject(entry) || !Array.isArray(entry.changes)) return;
    entry.changes.forEach((change: unknown, c: number) => {
      const at = `/entry/${e}/changes/${c}`;
      if (!isObject(change) || !isObject(change.value)) return;
      if (change.field !== "messages") {
        result.skipped.push({ path: at, reason: `a change of field ${JSON.stringify(change.field)}, not "messages"` });
        return;
      }
      const value = change.value;
      const ctx: ChangeContext = {
        provider,
        itemsChecked: envelope.ok,
        to:
          isObject(value.metadata) && typeof value.metadata.phone_number_id === "string"
            ? value.metadata.phone_number_id
            : undefined,
        contacts: Array.isArray(value.contacts) ? value.contacts : [],
      };
      for (const [key, read] of [
        ["messages", messageEvent],
        ["statuses", statusEvent],
      ] as const) {
        if (!Array.isArray(value[key])) continue;
        value[key].forEach((item: unknown, i: number) => {
          const path = `${at}/value/${key}/${i}`;
          if (!envelope.ok) itemPaths.push(path);
          const event = read(ctx, item, path, result.errors);
          if (event) result.events.push(event);
        });
      }
      if (Array.isArray(value.errors)) {
        value.errors.forEach((error: unknown, i: number) => {
          const what = isObject(error)
            ? `${String(error.code)} ${String(error.title ?? error.message ?? "")}`.trim()
            : "an error";
          result.skipped.push({
            path: `${at}/value/errors/${i}`,
            reason: `Meta reported ${what} for this account or number`,
          });
        });
      }
    });
  });
  // Envelope problems inside an item were reported by that item's own check; report the rest once.
  if (!envelope.ok) {
    for (const problem of envelope.errors) {
      if (!itemPaths.some((p) => problem.path === p || problem.path.startsWith(`${p}/`))) result.errors.push(problem);
    }
  }
  return finish(result);
}

/** Meta webhooks to InboundEvents; never throws. */
export const parseMetaWebhook = neverThrows(parseMeta);
