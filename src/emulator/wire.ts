/// <reference types="node" />
/**
 * Each provider's wire format, as one entry of a table: where a send arrives and how it is
 * authorised, which body `fromProvider` reads, what the API answers (accepted or refused), and
 * how the customer's messages and the statuses are written in the provider's webhook. Adding a
 * provider is adding an entry; the server, the conversations and the page do not change.
 *
 * The formats are those of the provider research the package's mappings cite (paths, auth
 * headers, response and webhook shapes); where a provider documents no shape for something, the
 * entry says so by throwing an UnsupportedAction rather than inventing one.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { ENDPOINTS, PROVIDERS, type ProviderName } from "../providers/index.js";
import { sameText } from "../wire/constant-time.js";
import type { ValidationIssue, ValidationResult } from "../runtime/issues.js";
import {
  validateInfobipButtonsContent,
  validateInfobipFlowContent,
  validateInfobipListContent,
  validateInfobipLocationRequestContent,
  validateInfobipMultiProductContent,
  validateInfobipProductContent,
  validateInfobipUrlButtonContent,
} from "../validators.js";
import type { CustomerMessage, Status, WhatsAppError } from "./model.js";

/** The wire formats the emulator speaks: the package's providers, by the same names. */
export type EmulatedProvider = ProviderName;

/** The header's one value; a repeated header (an array) is refused. */
function single(value: string | string[] | undefined): string {
  return typeof value === "string" ? value : "";
}

/** Why the emulator refuses a send, before the provider's own words for it. */
export type RefusalKind = "auth" | "json" | "invalid" | "unsupported";

export interface Refusal {
  kind: RefusalKind;
  message: string;
  issues: readonly ValidationIssue[];
}

/** An HTTP answer: status and JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

/** Who the business is in a webhook: its number, Meta's phone number id and account id. */
export interface Business {
  number: string;
  phoneNumberId: string;
  wabaId: string;
}

export interface WebhookContext {
  business: Business;
  /** The customer's phone as a wa_id (digits), when they have one. */
  phone?: string;
  /** The customer's business-scoped user id, when they have one. */
  userId?: string;
  name: string;
  /** The id of this inbound message, or of the business message a status is about. */
  id: string;
  at: number;
}

/** A customer action the provider has no documented webhook shape for. */
export class UnsupportedAction extends Error {
  override name = "UnsupportedAction";
}

export interface WireFormat {
  /** The request path of a send (method POST). */
  sendPath: RegExp;
  /** The path as the CLI prints it, for people. */
  sendPathText: string;
  /** The provider whose request body `fromProvider` reads (the Node SDK puts Meta's body on the wire). */
  body: ProviderName;
  /** How the token given at start is presented, for the 401 message and the help. */
  auth: string;
  authorized(headers: IncomingHttpHeaders, token: string): boolean;
  /** A new message id in the provider's shape. */
  newId(): string;
  /** The answer to an accepted send to `to`: a phone number, or a business-scoped user id when `byUserId`. */
  accepted(id: string, to: string, byUserId: boolean): Answer;
  refused(refusal: Refusal): Answer;
  /**
   * For a provider with one endpoint per kind: the issues of a body that fits none of its forms,
   * checked against the form of the endpoint it was sent to (the path says which was meant).
   */
  endpointIssues?(path: string, body: unknown): readonly ValidationIssue[];
  /** The business number a send came from, when the body names it. */
  sender(body: unknown): string | undefined;
  /** The webhook body for one thing the customer did. */
  inbound(ctx: WebhookContext, message: CustomerMessage): unknown;
  /** The webhook body for one status of a business message. */
  status(ctx: WebhookContext, status: Status, error?: WhatsAppError): unknown;
}

const seconds = (at: number) => Math.floor(at / 1000);
const iso = (at: number) => new Date(at).toISOString();
const hex = (bytes: number) => randomBytes(bytes).toString("hex");

function bearer(headers: IncomingHttpHeaders, token: string): boolean {
  return sameText(single(headers.authorization), `Bearer ${token}`);
}

/** `Authorization: Basic base64(key:token)`: any key, the token as the password. */
function basicPassword(headers: IncomingHttpHeaders, token: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(single(headers.authorization));
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  return decoded.includes(":") && sameText(decoded.slice(decoded.indexOf(":") + 1), token);
}

function field(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path)
    v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[key] : undefined;
  return v;
}

/** The issues as Meta's `error_data.details` text: one line each, path, rule and message. */
export function issueLines(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.path || "/"} [${i.rule}] ${i.message}`).join("\n");
}

/**
 * Meta's error code for a refused send. Decision (meta-cloud-api §7.5): 100 is "invalid parameter"
 * (an unknown or misspelled parameter, or a value over a size limit), 131008 a required parameter
 * missing, 131009 any other value that is not valid; the first issue decides.
 */
function metaCode(refusal: Refusal): number {
  if (refusal.kind === "auth") return 190;
  if (refusal.kind === "json") return 100;
  if (refusal.kind === "unsupported") return 131051;
  const rule = refusal.issues[0]?.rule ?? "";
  if (rule === "additionalProperties" || rule.startsWith("max")) return 100;
  if (rule === "required") return 131008;
  return 131009;
}

const META_TITLES: Record<number, string> = {
  100: "Invalid parameter",
  131008: "Required parameter is missing",
  131009: "Parameter value is not valid",
  131051: "Unsupported message type",
  190: "Invalid OAuth access token",
};

/** The text message the customer sent, a reply, a location, a flow or a reaction, as a Cloud API webhook message. */
function metaMessage(ctx: WebhookContext, m: CustomerMessage): Record<string, unknown> {
  const base: Record<string, unknown> = { from: ctx.phone, id: ctx.id, timestamp: String(seconds(ctx.at)) };
  if (ctx.userId !== undefined) base.from_user_id = ctx.userId;
  const context = (replyTo: string | undefined) =>
    replyTo ? { context: { from: ctx.business.number, id: replyTo } } : {};
  switch (m.kind) {
    case "text":
      return { ...base, type: "text", text: { body: m.text } };
    case "button_reply":
      return {
        ...base,
        ...context(m.replyTo),
        type: "interactive",
        interactive: { type: "button_reply", button_reply: { id: m.id, title: m.title } },
      };
    case "list_reply": {
      const row =
        m.description === undefined
          ? { id: m.id, title: m.title }
          : { id: m.id, title: m.title, description: m.description };
      return {
        ...base,
        ...context(m.replyTo),
        type: "interactive",
        interactive: { type: "list_reply", list_reply: row },
      };
    }
    case "location": {
      const { latitude, longitude, name, address } = m;
      const location = {
        latitude,
        longitude,
        ...(name === undefined ? {} : { name }),
        ...(address === undefined ? {} : { address }),
      };
      return { ...base, ...context(m.replyTo), type: "location", location };
    }
    case "flow_reply":
      return {
        ...base,
        ...context(m.replyTo),
        type: "interactive",
        interactive: {
          type: "nfm_reply",
          nfm_reply: { name: "flow", body: "Sent", response_json: JSON.stringify(m.response) },
        },
      };
    case "reaction":
      // An emoji of "" is a removed reaction, which Meta sends without `emoji`.
      return {
        ...base,
        type: "reaction",
        reaction: m.emoji === "" ? { message_id: m.replyTo } : { message_id: m.replyTo, emoji: m.emoji },
      };
  }
}

function metaEnvelope(ctx: WebhookContext, value: Record<string, unknown>): unknown {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: ctx.business.wabaId,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: ctx.business.number, phone_number_id: ctx.business.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

function metaContact(ctx: WebhookContext): Record<string, unknown> {
  return {
    profile: { name: ctx.name },
    ...(ctx.phone === undefined ? {} : { wa_id: ctx.phone }),
    ...(ctx.userId === undefined ? {} : { user_id: ctx.userId }),
  };
}

/** Meta's Cloud API: shared by 360dialog (another path and key header) and Meta's Node SDK (the same wire). */
function cloudApi(
  sendPath: RegExp,
  sendPathText: string,
  auth: string,
  authorized: WireFormat["authorized"],
): WireFormat {
  return {
    sendPath,
    sendPathText,
    body: "meta",
    auth,
    authorized,
    newId: () => `wamid.HBgL${randomBytes(24).toString("base64url")}`,
    accepted: (id, to, byUserId) => ({
      status: 200,
      body: {
        messaging_product: "whatsapp",
        contacts: [byUserId ? { input: to, user_id: to } : { input: to, wa_id: to.replace(/[^0-9]/g, "") }],
        messages: [{ id }],
      },
    }),
    refused: (refusal) => {
      const code = metaCode(refusal);
      const details = refusal.issues.length > 0 ? issueLines(refusal.issues) : refusal.message;
      return {
        status: refusal.kind === "auth" ? 401 : 400,
        body: {
          error: {
            message: `(#${code}) ${META_TITLES[code]}`,
            type: "OAuthException",
            code,
            error_data: { messaging_product: "whatsapp", details },
            fbtrace_id: `A${randomBytes(12).toString("base64url")}`,
          },
        },
      };
    },
    sender: () => undefined,
    inbound: (ctx, m) => metaEnvelope(ctx, { contacts: [metaContact(ctx)], messages: [metaMessage(ctx, m)] }),
    status: (ctx, status, error) =>
      metaEnvelope(ctx, {
        ...(status === "failed" ? {} : { contacts: [metaContact(ctx)] }),
        statuses: [
          {
            id: ctx.id,
            status,
            timestamp: String(seconds(ctx.at)),
            ...(ctx.phone === undefined ? {} : { recipient_id: ctx.phone }),
            ...(ctx.userId === undefined ? {} : { recipient_user_id: ctx.userId }),
            ...(error
              ? {
                  errors: [
                    {
                      code: error.code,
                      title: error.title,
                      message: error.message,
                      error_data: { details: error.details },
                    },
                  ],
                }
              : {}),
          },
        ],
      }),
  };
}

const META_PATH = /^\/v\d+(?:\.\d+)?\/([^/]+)\/messages$/;
const meta = cloudApi(META_PATH, "/{version}/{phone-number-id}/messages", "Authorization: Bearer <token>", bearer);

const vonage: WireFormat = {
  sendPath: /^\/v1\/messages$/,
  sendPathText: "/v1/messages",
  body: "vonage",
  // Vonage signs its own JWTs with the application's private key; the emulator takes the token given
  // at start in its place, since it holds no key to check a real one against.
  auth: "Authorization: Bearer <token>",
  authorized: bearer,
  newId: () => randomUUID(),
  accepted: (id) => ({ status: 202, body: { message_uuid: id } }),
  // Decision: the research notes give no Vonage error body; Vonage's API reference answers in RFC 7807
  // problem details (type, title, detail, instance), with `invalid_parameters` naming each bad
  // field, 401 "Unauthorized" and 422 "Invalid params". The emulator answers in that shape.
  refused: (refusal) => ({
    status: refusal.kind === "auth" ? 401 : 422,
    body: {
      type:
        refusal.kind === "auth"
          ? "https://developer.nexmo.com/api-errors#unauthorized"
          : "https://developer.nexmo.com/api-errors/messages-olympus#1150",
      title: refusal.kind === "auth" ? "Unauthorized" : "Invalid params",
      detail: refusal.message,
      instance: randomUUID(),
      ...(refusal.issues.length > 0
        ? { invalid_parameters: refusal.issues.map((i) => ({ name: i.path, reason: `[${i.rule}] ${i.message}` })) }
        : {}),
    },
  }),
  sender: (body) => (typeof field(body, "from") === "string" ? (field(body, "from") as string) : undefined),
  inbound: (ctx, m) => {
    const base = {
      channel: "whatsapp",
      message_uuid: ctx.id,
      to: ctx.business.number,
      from: ctx.phone,
      timestamp: iso(ctx.at),
      profile: { name: ctx.name },
    };
    const context = (replyTo: string | undefined) =>
      replyTo ? { context: { message_uuid: replyTo, message_from: ctx.business.number } } : {};
    switch (m.kind) {
      case "text":
        return { ...base, message_type: "text", text: m.text };
      case "button_reply":
        return { ...base, ...context(m.replyTo), message_type: "reply", reply: { id: m.id, title: m.title } };
      case "list_reply":
        return {
          ...base,
          ...context(m.replyTo),
          message_type: "reply",
          reply: { id: m.id, title: m.title, ...(m.description === undefined ? {} : { description: m.description }) },
        };
      case "location": {
        const { latitude, longitude, name, address } = m;
        return {
          ...base,
          ...context(m.replyTo),
          message_type: "location",
          location: {
            latitude,
            longitude,
            ...(name === undefined ? {} : { name }),
            ...(address === undefined ? {} : { address }),
          },
        };
      }
      case "flow_reply":
      case "reaction":
        throw new UnsupportedAction(
          `Vonage documents no webhook for a ${m.kind === "flow_reply" ? "submitted flow" : "reaction"}, so the emulator does not invent one`,
        );
    }
  },
  status: (ctx, status, error) => ({
    message_uuid: ctx.id,
    to: ctx.phone,
    from: ctx.business.number,
    timestamp: iso(ctx.at),
    status: status === "failed" ? "rejected" : status,
    channel: "whatsapp",
    ...(error
      ? {
          error: {
            type: `https://developer.vonage.com/api-errors/messages#${error.code}`,
            title: String(error.code),
            detail: error.message,
          },
        }
      : {}),
  }),
};

/** Exotel's delivery-report codes (providers.md §4: 30001 sent, 30002 delivered, 30003 read; 30004 failed). */
const EXOTEL_DLR: Record<Status, { code: number; detail: string }> = {
  sent: { code: 30001, detail: "EX_MESSAGE_SENT" },
  delivered: { code: 30002, detail: "EX_MESSAGE_DELIVERED" },
  read: { code: 30003, detail: "EX_MESSAGE_SEEN" },
  failed: { code: 30004, detail: "EX_MESSAGE_FAILED" },
};

const exotel: WireFormat = {
  sendPath: /^\/v2\/accounts\/([^/]+)\/messages$/,
  sendPathText: "/v2/accounts/{account-sid}/messages",
  body: "exotel",
  auth: "Authorization: Basic base64(<api key>:<token>)",
  authorized: basicPassword,
  newId: () => hex(16),
  accepted: (id) => ({
    status: 202,
    body: {
      request_id: hex(16),
      method: "POST",
      http_code: 202,
      metadata: { total: 1, success: 1, failed: 0 },
      response: { whatsapp: { messages: [{ code: 202, status: "success", error_data: null, data: { sid: id } }] } },
    },
  }),
  refused: (refusal) => {
    const code = refusal.kind === "auth" ? 401 : 400;
    return {
      status: code,
      body: {
        request_id: hex(16),
        method: "POST",
        http_code: code,
        metadata: { total: 1, success: 0, failed: 1 },
        response: {
          whatsapp: {
            messages: [
              {
                code,
                status: "failure",
                error_data: {
                  code,
                  message: refusal.message,
                  description: refusal.issues.length > 0 ? issueLines(refusal.issues) : refusal.message,
                },
                data: null,
              },
            ],
          },
        },
      },
    };
  },
  sender: (body) => {
    const from = field(body, "whatsapp", "messages", 0, "from");
    return typeof from === "string" ? from : undefined;
  },
  // An incoming item's content mirrors a Cloud API message.
  inbound: (ctx, m) => {
    const { from: _from, id: _id, timestamp: _t, from_user_id: _u, context, ...content } = metaMessage(ctx, m);
    return {
      whatsapp: {
        messages: [
          {
            callback_type: "incoming_message",
            sid: ctx.id,
            from: ctx.phone === undefined ? undefined : `+${ctx.phone}`,
            to: ctx.business.number,
            profile_name: ctx.name,
            timestamp: iso(ctx.at),
            ...(context === undefined ? {} : { context }),
            content,
          },
        ],
      },
    };
  },
  status: (ctx, status, error) => ({
    whatsapp: {
      messages: [
        {
          callback_type: "dlr",
          sid: ctx.id,
          to: ctx.phone === undefined ? undefined : `+${ctx.phone}`,
          exo_status_code: EXOTEL_DLR[status].code,
          exo_detailed_status: EXOTEL_DLR[status].detail,
          ...(error ? { description: `${error.code}: ${error.message}` } : {}),
          timestamp: iso(ctx.at),
        },
      ],
    },
  }),
};

const aisoule: WireFormat = {
  sendPath: /^\/v1\/messages$/,
  sendPathText: "/v1/messages",
  body: "aisoule",
  auth: "Authorization: Bearer <token>",
  authorized: bearer,
  newId: () => `msg_${hex(8)}`,
  accepted: (id, to) => ({ status: 200, body: { success: true, message_id: id, status: "queued", recipient: to } }),
  refused: (refusal) => ({
    status: refusal.kind === "auth" ? 401 : 400,
    body: {
      status: "error",
      message: refusal.issues.length > 0 ? `${refusal.message}\n${issueLines(refusal.issues)}` : refusal.message,
    },
  }),
  sender: () => undefined,
  inbound: (ctx, m) => {
    if (m.kind !== "text")
      throw new UnsupportedAction(
        `Aisoule documents a received message only as text; it has no documented webhook for a ${m.kind.replace("_", " ")}, so the emulator does not invent one`,
      );
    return {
      event: "message.received",
      timestamp: seconds(ctx.at),
      data: {
        message_id: ctx.id,
        waba_number: ctx.business.number,
        sender: ctx.phone,
        recipient: ctx.business.number,
        type: "text",
        body: m.text,
      },
    };
  },
  status: (ctx, status) => ({
    event: `message.${status}`,
    timestamp: seconds(ctx.at),
    data: { message_id: ctx.id, status },
  }),
};

/** Infobip's time format: ISO 8601 with a numeric offset (`2024-05-28T09:15:30.000+0000`), as its webhook schema describes. */
const infobipTime = (at: number) => iso(at).replace(/Z$/, "+0000");

/**
 * Infobip's status objects. The research gives one, in the send's answer (PENDING / PENDING_ENROUTE,
 * providers.md §8); it gives no delivery or seen report, so the others are Infobip's status group
 * names (DELIVERED, UNDELIVERABLE; SEEN for a read message), unverified, and kept to group and name.
 */
const INFOBIP_STATUS: Record<Status, { groupName: string; name: string }> = {
  sent: { groupName: "PENDING", name: "PENDING_ENROUTE" },
  delivered: { groupName: "DELIVERED", name: "DELIVERED_TO_HANDSET" },
  read: { groupName: "DELIVERED", name: "SEEN" },
  failed: { groupName: "UNDELIVERABLE", name: "UNDELIVERABLE_NOT_DELIVERED" },
};

/** Each Infobip endpoint's content check, by path (the paths are the package's ENDPOINTS). */
const INFOBIP_CONTENT: Readonly<Record<string, (content: unknown) => ValidationResult<unknown>>> = {
  [ENDPOINTS.infobip!.button!]: validateInfobipButtonsContent,
  [ENDPOINTS.infobip!.list!]: validateInfobipListContent,
  [ENDPOINTS.infobip!.product!]: validateInfobipProductContent,
  [ENDPOINTS.infobip!.product_list!]: validateInfobipMultiProductContent,
  [ENDPOINTS.infobip!.cta_url!]: validateInfobipUrlButtonContent,
  [ENDPOINTS.infobip!.location_request_message!]: validateInfobipLocationRequestContent,
  [ENDPOINTS.infobip!.flow!]: validateInfobipFlowContent,
};

const infobip: WireFormat = {
  // One endpoint per interactive kind; the emulator checks the kind of the body against the path (ENDPOINTS).
  sendPath: /^\/whatsapp\/1\/message\/interactive\/[a-z-]+$/,
  sendPathText: "/whatsapp/1/message/interactive/<kind>",
  body: "infobip",
  auth: "Authorization: App <token>",
  authorized: (headers, token) => sameText(single(headers.authorization), `App ${token}`),
  newId: () => randomUUID(),
  accepted: (id, to) => ({
    status: 200,
    body: {
      to,
      messageCount: 1,
      messageId: id,
      status: {
        groupId: 1,
        groupName: "PENDING",
        id: 7,
        name: "PENDING_ENROUTE",
        description: "Message sent to next instance",
      },
    },
  }),
  // Decision: the research gives no Infobip error body. Infobip's API reference answers a bad request
  // with `requestError.serviceException` (`messageId`, `text`, and `validationErrors` by field); the
  // emulator answers in that shape, kept to those fields, with the package's issues by path.
  refused: (refusal) => {
    const validationErrors: Record<string, string[]> = {};
    for (const i of refusal.issues) (validationErrors[i.path || "/"] ??= []).push(`[${i.rule}] ${i.message}`);
    return {
      status: refusal.kind === "auth" ? 401 : 400,
      body: {
        requestError: {
          serviceException: {
            messageId: refusal.kind === "auth" ? "UNAUTHORIZED" : "BAD_REQUEST",
            text: refusal.message,
            ...(refusal.issues.length > 0 ? { validationErrors } : {}),
          },
        },
      },
    };
  },
  endpointIssues: (path, body) => {
    const check = INFOBIP_CONTENT[path];
    const result = check?.(field(body, "content"));
    return result === undefined || result.ok ? [] : result.errors.map((i) => ({ ...i, path: `/content${i.path}` }));
  },
  sender: (body) => (typeof field(body, "from") === "string" ? (field(body, "from") as string) : undefined),
  // One received message as a `results[]` batch of one (providers.md §8); the reply's `context` names the business message.
  inbound: (ctx, m) => {
    const context = (replyTo: string | undefined) =>
      replyTo ? { context: { from: ctx.business.number, id: replyTo } } : {};
    const message = (() => {
      switch (m.kind) {
        case "text":
          return { type: "TEXT", text: m.text };
        case "button_reply":
          return { type: "INTERACTIVE_BUTTON_REPLY", id: m.id, title: m.title, ...context(m.replyTo) };
        case "list_reply":
          return {
            type: "INTERACTIVE_LIST_REPLY",
            id: m.id,
            title: m.title,
            ...(m.description === undefined ? {} : { description: m.description }),
            ...context(m.replyTo),
          };
        case "location": {
          const { latitude, longitude, name, address } = m;
          return {
            type: "LOCATION",
            latitude,
            longitude,
            ...(name === undefined ? {} : { name }),
            ...(address === undefined ? {} : { address }),
            ...context(m.replyTo),
          };
        }
        case "flow_reply":
          // Infobip gives the response already parsed, not as Meta's JSON string.
          return { type: "INTERACTIVE_FLOW_REPLY", text: "Sent", response: m.response, ...context(m.replyTo) };
        case "reaction":
          throw new UnsupportedAction(
            "Infobip's research notes document no webhook for a reaction, so the emulator does not invent one",
          );
      }
    })();
    if (ctx.phone === undefined) throw new UnsupportedAction("Infobip addresses WhatsApp users by phone number only");
    return {
      results: [
        {
          from: ctx.phone,
          to: ctx.business.number,
          integrationType: "WHATSAPP",
          receivedAt: infobipTime(ctx.at),
          messageId: ctx.id,
          message,
          contact: { name: ctx.name },
        },
      ],
      messageCount: 1,
      pendingMessageCount: 0,
    };
  },
  // A status as one minimal `results[]` item (see INFOBIP_STATUS for what is and is not in the research).
  // parseWebhook reads each as a status event (the mapping in schemas/providers/infobip/mapping.json).
  status: (ctx, status, error) => ({
    results: [
      {
        messageId: ctx.id,
        to: ctx.phone,
        doneAt: infobipTime(ctx.at),
        status: INFOBIP_STATUS[status],
        ...(error ? { error: { id: error.code, name: error.title, description: error.message } } : {}),
      },
    ],
  }),
};

/**
 * The wire formats by provider name. Decision: the Node SDK puts Meta's request on the wire and
 * reads Meta's webhooks (providers.md §2), so its entry is Meta's; 360dialog takes the full Cloud
 * API body at `/messages` with a `D360-API-KEY` header and delivers Meta's webhook (§6). A provider
 * the package translates for but that has no entry here yet is refused by name when asked for.
 */
export const WIRE_FORMATS: Readonly<Partial<Record<EmulatedProvider, WireFormat>>> = {
  meta,
  "whatsapp-node-sdk": meta,
  "360dialog": cloudApi(/^\/messages$/, "/messages", "D360-API-KEY: <token>", (headers, token) =>
    sameText(single(headers["d360-api-key"]), token),
  ),
  vonage,
  exotel,
  aisoule,
  // Infobip's signature scheme is not in the sources (providers.md §8: HMAC header and algorithm unverified), so its webhooks go unsigned.
  infobip,
};

/** The providers the emulator speaks, in the package's order. */
export const EMULATED_PROVIDERS: readonly EmulatedProvider[] = PROVIDERS.filter((p) => WIRE_FORMATS[p] !== undefined);
