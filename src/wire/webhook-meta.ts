/**
 * Meta's Cloud API webhook → InboundEvents: every entry, every change, every message and status
 * of a batched delivery (the libraries we compared read only the first of each). Each item is
 * checked on its own, so one bad item is reported at its path and the rest still come out.
 * `metaContent` reads the kind-specific part of a message; Exotel, whose `content` mirrors it,
 * uses it too. Since 2026 a sender may have no phone number (`from` empty or absent for users with
 * a username) but a business-scoped user id: the event's `senderId` is the first of the two, and a
 * message with neither is an error. Nothing valid is dropped unseen: `value` keys and payment
 * statuses that are not read are listed in `skipped`.
 *
 * (Copied into the generated package as src/wire/webhook-meta.ts; `../types.js` and
 * `../validators.js` resolve there.)
 */
import { issue, type ValidationIssue } from "../runtime/issues.js";
import * as rules from "../runtime/rules.js";
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
  parseObject,
  readPayload,
  take,
  type Reported,
} from "./inbound.js";
import type {
  InboundContact,
  InboundEvent,
  InboundStatus,
  InboundStatusError,
  MetaMessageCommon,
  MetaStatus,
  MetaWebhookError,
} from "../types.js";
import {
  validateMetaContactCard,
  validateMetaMessageErrors,
  validateMetaReferral,
  validateMetaInteractiveReply,
  validateMetaLocation,
  validateMetaMessageCommon,
  validateMetaOrder,
  validateMetaReactionPayload,
  validateMetaStatus,
  validateMetaSystem,
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
      | "contacts"
      | "sharedPhone"
      | "system"
      | "referral"
      | "errors"
    >
  >;

/**
 * Appends the content's kind-specific fields to an event whose head is already written. `kind` is
 * written again with the value it holds, so it keeps its place. The content holds no undefined
 * values: every reader below builds it so.
 */
export function addContent(event: InboundEvent, content: EventContent): void {
  Object.assign(event, content);
}

/** Meta's error objects as the event carries them: a message to show, and Meta's own title and details. */
function eventErrors(errors: readonly MetaWebhookError[]): InboundStatusError[] {
  return errors.map((e) =>
    defined({
      code: String(e.code),
      message: e.message ?? e.title ?? e.error_data?.details ?? `error ${e.code}`,
      title: e.title,
      details: e.error_data?.details,
    }),
  );
}

/** Meta's `referral` in the event's camelCase. */
function referralOf(referral: NonNullable<MetaMessageCommon["referral"]>): InboundEvent["referral"] {
  return defined({
    sourceUrl: referral.source_url,
    sourceId: referral.source_id,
    sourceType: referral.source_type,
    headline: referral.headline,
    body: referral.body,
    mediaType: referral.media_type,
    imageUrl: referral.image_url,
    videoUrl: referral.video_url,
    thumbnailUrl: referral.thumbnail_url,
    ctwaClid: referral.ctwa_clid,
  });
}

/** An address reply is named "address_message"; one without a name is an address when its response has address values. */
function nfmKind(name: string | undefined, response: Record<string, unknown>): "flow_reply" | "address_reply" {
  if (name === "address_message") return "address_reply";
  if (name === undefined && ("values" in response || "saved_address_id" in response)) return "address_reply";
  return "flow_reply";
}

/**
 * Reads `message[message.type]` (a Meta message, or Exotel's `content`) at `path`, with the ad
 * referral and the errors WhatsApp attached to the message, whatever its kind.
 */
export function metaContent(
  message: Record<string, any>,
  path: string,
  report: Reported,
): EventContent | undefined {
  const content = kindContent(message, path, report);
  if (!content) return undefined;
  // Checked here too, as Exotel's content has passed no check of Meta's common fields.
  if (message.referral !== undefined) {
    const referral = take(validateMetaReferral(message.referral), `${path}/referral`, report);
    if (!referral) return undefined;
    content.referral = referralOf(referral);
  }
  if (message.errors !== undefined) {
    const list = take(validateMetaMessageErrors(message.errors), `${path}/errors`, report);
    if (!list) return undefined;
    if (list.length > 0) content.errors = eventErrors(list);
  }
  return content;
}

/** The kind-specific part of a message: `message[message.type]` read into the event's fields. */
function kindContent(message: Record<string, any>, path: string, report: Reported): EventContent | undefined {
  const type = message.type as string;
  switch (type) {
    case "interactive": {
      // WhatsApp Web re-sends a reply without its content when it reconnects: only the error is left.
      if (message.interactive === undefined && Array.isArray(message.errors) && message.errors.length > 0)
        return { kind: "unsupported", unsupportedType: "interactive" };
      const reply = take(validateMetaInteractiveReply(message.interactive), `${path}/interactive`, report);
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
            report.errors,
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
                  report.errors,
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
      const button = take(validateMetaTemplateButton(message.button), `${path}/button`, report);
      return button && { kind: "template_button", reply: { id: button.payload, title: button.text } };
    }
    case "order": {
      const order = take(validateMetaOrder(message.order), `${path}/order`, report);
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
      const location = take(validateMetaLocation(message.location), `${path}/location`, report);
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
      const reaction = take(validateMetaReactionPayload(message.reaction), `${path}/reaction`, report);
      // An absent or empty emoji means the customer removed their reaction.
      return (
        reaction && {
          kind: "reaction",
          reaction: defined({ messageId: reaction.message_id, emoji: reaction.emoji || undefined }),
        }
      );
    }
    case "text": {
      const text = take(validateMetaText(message.text), `${path}/text`, report);
      return text && { kind: "text", text: text.body };
    }
    case "contacts": {
      if (!Array.isArray(message.contacts) || message.contacts.length === 0) {
        report.errors.push(rules.required(path, "contacts message", "contacts"));
        return undefined;
      }
      const cards: InboundContact[] = [];
      message.contacts.forEach((raw: unknown, i: number) => {
        const card = take(validateMetaContactCard(raw), `${path}/contacts/${i}`, report);
        if (!card) return;
        const phones = (card.phones ?? []).flatMap((p) =>
          p.phone === undefined && p.wa_id === undefined
            ? []
            : [defined({ phone: p.phone ?? p.wa_id!, waId: p.wa_id, type: p.type })],
        );
        cards.push(defined({ name: card.name?.formatted_name, phones, origin: card.origin }));
      });
      if (cards.length !== message.contacts.length) return undefined;
      // The customer's own card, shared when the business asked for their number.
      const own = cards.find((c) => c.origin === "contact_request");
      const shared = own?.phones?.[0];
      return defined({
        kind: "contacts" as const,
        contacts: cards,
        sharedPhone: nonEmpty(shared?.waId) ?? nonEmpty(shared?.phone),
      });
    }
    case "system": {
      const system = take(validateMetaSystem(message.system), `${path}/system`, report);
      return (
        system && {
          kind: "system",
          system: defined({
            type: system.type,
            body: system.body,
            newWaId: system.wa_id,
            newUserId: system.user_id,
            newParentUserId: system.parent_user_id,
          }),
        }
      );
    }
    case "request_welcome":
      return { kind: "request_welcome" };
    case "unsupported": {
      const inner =
        isObject(message.unsupported) && typeof message.unsupported.type === "string"
          ? message.unsupported.type
          : "unsupported";
      return { kind: "unsupported", unsupportedType: inner };
    }
    default:
      // image, audio, video, document, sticker, Meta's older "unknown", …: not modelled, but not lost.
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
  skipped: ParseResult["skipped"];
}

/** The `value` keys of a messages change that are read; any other is listed in `skipped`. */
const VALUE_KEYS = new Set(["messaging_product", "metadata", "contacts", "messages", "statuses", "errors"]);

/**
 * The contact entry of a message's sender: the one whose `wa_id` is the sender's number or whose
 * `user_id` is their business-scoped id, else the only one.
 */
function contactOf(
  contacts: unknown[],
  from: string | undefined,
  userId: string | undefined,
): Record<string, any> | undefined {
  const contact =
    contacts.find(
      (c) => isObject(c) && ((from !== undefined && c.wa_id === from) || (userId !== undefined && c.user_id === userId)),
    ) ?? (contacts.length === 1 ? contacts[0] : undefined);
  return isObject(contact) ? contact : undefined;
}

function messageEvent(
  ctx: ChangeContext,
  raw: unknown,
  path: string,
  report: Reported,
): InboundEvent | undefined {
  const message = ctx.itemsChecked
    ? (raw as MetaMessageCommon)
    : take(validateMetaMessageCommon(raw), path, report);
  if (!message) return undefined;
  // An empty `from` is how Meta writes "no phone number" for a user with a username.
  const from = nonEmpty(message.from);
  const userId = nonEmpty(message.from_user_id);
  if (from === undefined && userId === undefined) {
    report.errors.push(
      issue(
        path,
        "anyOf",
        `inbound message has neither a phone number ("from" is ${message.from === undefined ? "absent" : "empty"}) nor a business-scoped user id ("from_user_id"); Meta sends at least one of the two, so its sender is unknown`,
      ),
    );
    return undefined;
  }
  const timestamp = isoTime(message.timestamp, `${path}/timestamp`, report.errors);
  const content = metaContent(message as Record<string, any>, path, report);
  if (!timestamp || !content) return undefined;
  const contact = contactOf(ctx.contacts, from, userId);
  const profile = isObject(contact?.profile) ? contact.profile : undefined;
  // Key by key rather than through defined(): named stores in the events' key order, where a
  // copy of an object literal through defined() cost ten times as much on every delivered message.
  const event = { provider: ctx.provider, kind: content.kind } as InboundEvent;
  event.senderId = (from ?? userId)!;
  if (from !== undefined) event.from = from;
  if (userId !== undefined) event.fromUserId = userId;
  const parent = nonEmpty(message.from_parent_user_id) ?? nonEmpty(contact?.parent_user_id);
  if (parent !== undefined) event.fromParentUserId = parent;
  const username = nonEmpty(profile?.username);
  if (username !== undefined) event.username = username;
  if (message.group_id !== undefined) event.groupId = message.group_id;
  if (ctx.to !== undefined) event.to = ctx.to;
  const name = nonEmpty(profile?.name);
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
  report: Reported,
): InboundEvent | undefined {
  const status = ctx.itemsChecked ? (raw as MetaStatus) : take(validateMetaStatus(raw), path, report);
  if (!status) return undefined;
  if (status.type === "payment") {
    ctx.skipped.push({
      path,
      reason: `a payment status (${status.status}), which wa-interactive does not model: no document it follows gives Meta's payment webhook payload`,
    });
    return undefined;
  }
  const timestamp = isoTime(status.timestamp, `${path}/timestamp`, report.errors);
  if (!timestamp) return undefined;
  const event = { provider: ctx.provider, kind: "status" } as InboundEvent;
  if (ctx.to !== undefined) event.to = ctx.to;
  event.messageId = status.id;
  event.timestamp = timestamp;
  const state: InboundStatus = { status: status.status };
  // For a user with a username, recipient_id is empty or absent and the BSUID names them.
  const userId = nonEmpty(status.recipient_user_id);
  const recipient = nonEmpty(status.recipient_id) ?? userId;
  if (recipient !== undefined) state.recipient = recipient;
  if (userId !== undefined) state.recipientUserId = userId;
  const parent = nonEmpty(status.recipient_parent_user_id);
  if (parent !== undefined) state.recipientParentUserId = parent;
  if (status.biz_opaque_callback_data !== undefined) state.callbackData = status.biz_opaque_callback_data;
  if (status.errors !== undefined && status.errors.length > 0) state.errors = eventErrors(status.errors);
  event.status = state;
  event.raw = raw as Raw;
  return event;
}

/**
 * The envelope's top, checked here rather than by the shared schema so that the message names the
 * provider that was asked (Meta, 360dialog and Meta's Node SDK share one webhook schema).
 */
function checkTop(provider: string, body: unknown, errors: ValidationIssue[]): boolean {
  const what = `${provider} webhook body`;
  if (!isObject(body)) {
    errors.push(rules.type("", what, "an object", body));
    return false;
  }
  for (const key of ["object", "entry"])
    if (body[key] === undefined) errors.push(rules.required("", what, key));
  return errors.length === 0;
}

function parseMeta(provider: string, payload: unknown, _options: WebhookOptions): ParseResult {
  const result = emptyResult();
  const body = readPayload(payload, result);
  if (result.errors.length > 0 || !checkTop(provider, body, result.errors)) return finish(result);
  const envelope = validateMetaWebhook(body);
  // The envelope's warnings (a status's, a message's common fields) whether or not it passed; the
  // items' own checks below may report some again, and finish() keeps each once.
  result.warnings.push(...envelope.warnings);
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
        skipped: result.skipped,
      };
      for (const [key, read] of [
        ["messages", messageEvent],
        ["statuses", statusEvent],
      ] as const) {
        if (!Array.isArray(value[key])) continue;
        value[key].forEach((item: unknown, i: number) => {
          const path = `${at}/value/${key}/${i}`;
          if (!envelope.ok) itemPaths.push(path);
          const event = read(ctx, item, path, result);
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
      // Echoes, calls and whatever Meta adds next: not read, so said.
      for (const key of Object.keys(value)) {
        if (!VALUE_KEYS.has(key))
          result.skipped.push({
            path: `${at}/value/${key}`,
            reason: `${JSON.stringify(key)} in a messages change, which wa-interactive does not model`,
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
