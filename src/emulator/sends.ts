/**
 * A send, as the emulated API takes it: the caller's token, a body within the size limit, JSON,
 * a message the package accepts at the provider's endpoint for its kind. An accepted message is
 * answered as the API answers and followed by its statuses; a refused one is answered with the
 * provider's error and kept in the conversation with the issues that explain it.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ENDPOINTS, ProviderError, endpointFor, fromProvider } from "../providers/index.js";
import type { OutboundMessage } from "../types.js";
import { issue, type ValidationIssue } from "../runtime/issues.js";
import { MAX_CONVERSATIONS } from "./conversations.js";
import { BodyTooLarge, MAX_BODY_BYTES, readBody, sendJson } from "./http.js";
import { type Bubble, type Conversation, type Status, type WhatsAppError, waId } from "./model.js";
import { isPlainMessage, plainIssues } from "./plain.js";
import { type Session, webhookContext } from "./session.js";
import type { Refusal } from "./wire.js";

/** The 24-hour customer-service window (meta-cloud-api §10). */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

const RE_ENGAGEMENT: WhatsAppError = {
  code: 131047,
  title: "Re-engagement message",
  message: "Re-engagement message",
  details:
    "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
};

export async function handleSend(s: Session, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (!s.wire.authorized(req.headers, s.token)) {
    req.resume();
    return refuse(
      s,
      res,
      {
        kind: "auth",
        message: `the request must carry ${s.wire.auth}, with the token the emulator was started with`,
        issues: [],
      },
      undefined,
    );
  }
  let text: string;
  try {
    text = await readBody(req, MAX_BODY_BYTES);
  } catch (e) {
    if (!(e instanceof BodyTooLarge)) throw e;
    res.setHeader("connection", "close");
    return refuse(
      s,
      res,
      { kind: "invalid", message: e.message, issues: [issue("", "maxBytes", e.message, MAX_BODY_BYTES)] },
      undefined,
      413,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    const message = `the body is not JSON: ${(e as Error).message}`;
    return refuse(s, res, { kind: "json", message, issues: [issue("", "json", message)] }, undefined);
  }
  const read = readSend(s, body, path);
  if ("refusal" in read) return refuse(s, res, read.refusal, body);
  const message = read.message;
  const misrouted = wrongEndpoint(s, path, message);
  if (misrouted) return refuse(s, res, misrouted, body);
  accept(s, res, body, message);
}

/** Files an accepted message, answers the send and posts its statuses. */
function accept(s: Session, res: ServerResponse, body: unknown, message: Record<string, any>): void {
  const to: string = message.to ?? message.recipient;
  const c = s.chats.open(
    message.to !== undefined ? { phone: waId(to), name: `+${waId(to)}` } : { userId: to, name: to },
  );
  const id = s.wire.newId();
  const sender = s.wire.sender(body);
  if (sender !== undefined) c.businessNumber = sender;
  const bubble = s.chats.add(c, { id, direction: "out", at: s.now(), message, reactions: [] });
  if (message.type === "reaction") {
    const target = s.chats.find(message.reaction.message_id);
    if (target) {
      target.bubble.reactions = target.bubble.reactions.filter((r) => r.from !== "business");
      if (message.reaction.emoji !== "")
        target.bubble.reactions.push({ from: "business", emoji: message.reaction.emoji });
    }
  }
  const open = c.lastInboundAt !== undefined && s.now() - c.lastInboundAt < SERVICE_WINDOW_MS;
  const accepted = s.wire.accepted(id, to, message.to === undefined);
  sendJson(res, accepted.status, accepted.body);
  statuses(s, c, bubble, open || message.type === "template");
}

/** The canonical message of a send body, or the refusal. */
function readSend(s: Session, body: unknown, path: string): { message: Record<string, any> } | { refusal: Refusal } {
  if (s.wire.body === "meta" && isPlainMessage(body)) {
    const issues = plainIssues(body as Record<string, any>);
    return issues.length === 0
      ? { message: body as Record<string, any> }
      : { refusal: { kind: "invalid", message: "the message is not valid", issues } };
  }
  try {
    return { message: fromProvider(s.wire.body, body) as Record<string, any> };
  } catch (e) {
    if (!(e instanceof ProviderError)) throw e;
    const unsupported = e.code === "unsupported-kind" || e.code === "unsupported-field";
    const atEndpoint = e.code === "invalid-body" ? (s.wire.endpointIssues?.(path, body) ?? []) : [];
    const issues: ValidationIssue[] =
      atEndpoint.length > 0
        ? [...atEndpoint]
        : e.issues.length > 0
          ? [...e.issues]
          : [issue(e.path, e.code, e.message)];
    return { refusal: { kind: unsupported ? "unsupported" : "invalid", message: e.message, issues } };
  }
}

/** Why a message does not belong at `path`, for a provider with one endpoint per kind (Infobip); undefined when it does. */
function wrongEndpoint(s: Session, path: string, message: Record<string, any>): Refusal | undefined {
  if (ENDPOINTS[s.wire.body] === undefined) return undefined;
  const expected = endpointFor(s.wire.body, message as OutboundMessage);
  if (expected === path) return undefined;
  const kind: string = message.type === "interactive" ? message.interactive.type : message.type;
  const text = `a ${kind} message is sent to ${expected ?? "no endpoint of this provider"}, not ${path}`;
  return { kind: "invalid", message: text, issues: [issue("", "endpoint", text)] };
}

/** Where a refused body was going, for filing it in a conversation: its `to`, wherever the provider puts it. */
function refusedKey(body: unknown): string {
  const b = body as Record<string, any> | null;
  const to = b?.to ?? b?.recipient ?? b?.whatsapp?.messages?.[0]?.to;
  return typeof to === "string" && to !== "" ? to : "unknown recipient";
}

/** Answers with the provider's error and keeps the refusal in the conversation it was meant for. */
function refuse(s: Session, res: ServerResponse, refusal: Refusal, body: unknown, status?: number): void {
  const answer = s.wire.refused(refusal);
  if (refusal.kind !== "auth") {
    const raw = refusedKey(body);
    const key = /^\+?[0-9][0-9 ()-]*$/.test(raw) ? waId(raw) : raw;
    const c =
      s.chats.get(key) ??
      (s.chats.size < MAX_CONVERSATIONS
        ? s.chats.open(/^[0-9]+$/.test(key) ? { phone: key, name: `+${key}` } : { userId: key, name: key })
        : undefined);
    const code = (answer.body as { error?: { code?: number } }).error?.code ?? answer.status;
    if (c)
      s.chats.add(c, {
        id: `refused-${randomBytes(6).toString("hex")}`,
        direction: "refused",
        at: s.now(),
        // The refused body itself is not kept (it may be up to the size limit); its issues say what was wrong.
        issues: [...refusal.issues],
        refusal: { status: status ?? answer.status, code, message: refusal.message },
        reactions: [],
      });
  }
  sendJson(res, status ?? answer.status, answer.body);
}

function postStatus(s: Session, c: Conversation, bubble: Bubble, status: Status, error?: WhatsAppError): void {
  bubble.status = status;
  if (error) bubble.error = error;
  s.chats.version++;
  void s.poster.post(s.wire.status(webhookContext(s, c, bubble.id), status, error), `status ${status} of ${bubble.id}`);
}

/** Statuses of an accepted message: sent, delivered, read; only sent for a reaction (meta-cloud-api §6); failed outside the window. */
function statuses(s: Session, c: Conversation, bubble: Bubble, inWindow: boolean): void {
  if (!inWindow) return postStatus(s, c, bubble, "failed", RE_ENGAGEMENT);
  postStatus(s, c, bubble, "sent");
  if ((bubble.message as { type?: string }).type === "reaction") return;
  postStatus(s, c, bubble, "delivered");
  if (s.autoRead) postStatus(s, c, bubble, "read");
}
