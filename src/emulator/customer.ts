/**
 * Turns what a customer does to a message on screen (tap a button, choose a row, submit a flow)
 * into the message WhatsApp reports, reading the ids and titles from the message the business
 * sent. A tap on something the message does not have is an error naming what it does have, never
 * a reply the bot could not have received.
 */
import type { CustomerMessage } from "./model.js";

/** A mistake in a simulated customer action: an unknown message, button or row. */
export class CustomerActionError extends Error {
  override name = "CustomerActionError";
}

type Json = Record<string, any>;

interface Choice {
  id: string;
  title: string;
  description?: string;
}

function interactiveOf(message: unknown): Json | undefined {
  const m = message as Json | undefined;
  return m?.type === "interactive" ? (m.interactive as Json) : undefined;
}

/** The reply buttons of a message: its buttons, or the quick replies of its carousel cards. */
export function replyButtons(message: unknown): Choice[] {
  const interactive = interactiveOf(message);
  if (interactive?.type === "button")
    return (interactive.action.buttons as Json[]).map((b) => ({ id: b.reply.id, title: b.reply.title }));
  if (interactive?.type === "carousel")
    return (interactive.action.cards as Json[]).flatMap((card) =>
      ((card.action?.buttons ?? []) as Json[])
        .filter((b) => b.type === "quick_reply")
        .map((b) => ({ id: b.quick_reply.id, title: b.quick_reply.title })),
    );
  return [];
}

/** The rows of a list message, across its sections. */
export function listRows(message: unknown): Choice[] {
  const interactive = interactiveOf(message);
  if (interactive?.type !== "list") return [];
  return (interactive.action.sections as Json[]).flatMap((s) =>
    (s.rows as Json[]).map((r) =>
      r.description === undefined
        ? { id: r.id, title: r.title }
        : { id: r.id, title: r.title, description: r.description },
    ),
  );
}

function pick(choices: Choice[], idOrTitle: string, what: string, messageId: string): Choice {
  const found = choices.find((c) => c.id === idOrTitle) ?? choices.find((c) => c.title === idOrTitle);
  if (found) return found;
  const have = choices.map((c) => `"${c.id}" (${c.title})`).join(", ");
  throw new CustomerActionError(
    choices.length === 0
      ? `message ${messageId} has no ${what}s`
      : `message ${messageId} has no ${what} "${idOrTitle}"; it has ${have}`,
  );
}

export function tapMessage(messageId: string, message: unknown, idOrTitle: string): CustomerMessage {
  const { id, title } = pick(replyButtons(message), idOrTitle, "reply button", messageId);
  return { kind: "button_reply", replyTo: messageId, id, title };
}

export function chooseMessage(messageId: string, message: unknown, idOrTitle: string): CustomerMessage {
  const row = pick(listRows(message), idOrTitle, "list row", messageId);
  return { kind: "list_reply", replyTo: messageId, ...row };
}

/** A flow submission: the response the flow's last screen completes with, plus the flow token WhatsApp adds. */
export function flowMessage(messageId: string, message: unknown, response: Record<string, unknown>): CustomerMessage {
  const interactive = interactiveOf(message);
  if (interactive?.type !== "flow") throw new CustomerActionError(`message ${messageId} is not a flow message`);
  const token = interactive.action.parameters.flow_token as string | undefined;
  return {
    kind: "flow_reply",
    replyTo: messageId,
    response: token === undefined ? response : { flow_token: token, ...response },
  };
}
