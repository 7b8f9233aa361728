/**
 * The `replyKind` hook of inbound mappings: Vonage sends a reply button tap and a list row choice
 * alike (`message_type: "reply"`), so which it was is decided only against the message the reply
 * answers, when the caller passes it (`options.sent`): the reply's id among its buttons makes a
 * button_reply, among its rows a list_reply. Without the sent message the kind stays `reply` —
 * never guessed from whether a description is present.
 */
import { issue, type ValidationIssue } from "../runtime/issues.js";
import type { SentMessage, WebhookOptions } from "./inbound.js";
import type { InboundEvent, Interactive } from "../types.js";

type Pattern = readonly string[];

/** Where each interactive type carries the ids a tap can answer with, and what such a tap is. */
const REPLY_KINDS: Readonly<Record<string, readonly (readonly ["button_reply" | "list_reply", Pattern])[]>> = {
  button: [["button_reply", ["action", "buttons", "*", "reply", "id"]]],
  carousel: [["button_reply", ["action", "cards", "*", "action", "buttons", "*", "quick_reply", "id"]]],
  list: [["list_reply", ["action", "sections", "*", "rows", "*", "id"]]],
};

function interactiveOf(sent: SentMessage): Interactive | undefined {
  if ("interactive" in sent) return sent.interactive;
  return "action" in sent || "body" in sent ? (sent as Interactive) : undefined;
}

/** Whether `id` is among the values `pattern` reaches from `v` ("*" is every item of an array). */
function holds(v: unknown, pattern: Pattern, id: string, from = 0): boolean {
  if (from === pattern.length) return v === id;
  if (typeof v !== "object" || v === null) return false;
  const seg = pattern[from]!;
  if (seg !== "*") return holds((v as Record<string, unknown>)[seg], pattern, id, from + 1);
  if (!Array.isArray(v)) return false;
  for (const item of v) if (holds(item, pattern, id, from + 1)) return true;
  return false;
}

/**
 * button_reply or list_reply when the sent message has the reply's id among its buttons or rows;
 * `reply` when no sent message is given, or (with an issue at `path`, the reply id's pointer) when
 * the id is not among them.
 */
export function replyKind(
  id: string,
  replyTo: string | undefined,
  options: WebhookOptions,
  path: string,
  errors: ValidationIssue[],
): InboundEvent["kind"] {
  const sent = typeof options.sent === "function" ? options.sent(replyTo) : options.sent;
  if (sent === undefined) return "reply";
  const interactive = interactiveOf(sent);
  for (const [kind, pattern] of REPLY_KINDS[String(interactive?.type)] ?? []) {
    if (holds(interactive, pattern, id)) return kind;
  }
  errors.push(
    issue(
      path,
      "unresolvedReply",
      `reply id ${JSON.stringify(id)} is not among the buttons or list rows of the sent message${interactive ? ` (a ${interactive.type} message)` : ""}, so whether a button or a row was tapped is unknown`,
    ),
  );
  return "reply";
}
