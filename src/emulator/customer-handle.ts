/**
 * A simulated customer: each action becomes the message WhatsApp would report, is filed in the
 * conversation, opens the 24-hour window and is posted to the bot's webhook in the provider's
 * format. An action the provider cannot report throws before anything is recorded.
 */
import { CustomerActionError, chooseMessage, flowMessage, tapMessage } from "./customer.js";
import { type Bubble, type Conversation, type Customer, type CustomerMessage, waId } from "./model.js";
import { type Session, webhookContext } from "./session.js";
import type { Delivery } from "./webhook.js";

/** What a simulated customer action came to. */
export interface CustomerResult {
  /** The id of the customer's message, as the bot sees it. */
  id: string;
  /** How the webhook post went. */
  delivery: Delivery;
}

export interface CustomerHandle {
  readonly key: string;
  /** Taps a reply button (of a button message or a carousel card), by id or title. */
  tap(messageId: string, idOrTitle: string): Promise<CustomerResult>;
  /** Chooses a list row, by id or title. */
  choose(messageId: string, idOrTitle: string): Promise<CustomerResult>;
  /** Types a message. */
  say(text: string): Promise<CustomerResult>;
  /** Shares a location, in answer to `replyTo` if given (a location request). */
  shareLocation(
    location: { latitude: number; longitude: number; name?: string; address?: string },
    replyTo?: string,
  ): Promise<CustomerResult>;
  /** Completes a flow; WhatsApp adds the message's flow token to `response`. */
  submitFlow(messageId: string, response?: Record<string, unknown>): Promise<CustomerResult>;
  /** Reacts to a business message; "" removes the reaction. */
  react(messageId: string, emoji: string): Promise<CustomerResult>;
  /** Every message in this conversation so far. */
  bubbles(): Bubble[];
  /** The outbound messages the business sent to this customer so far (accepted ones). */
  received(): Bubble[];
  /** Resolves with the next message the business sends to this customer (waits at most `timeoutMs`, default 5000). */
  nextMessage(timeoutMs?: number): Promise<Bubble>;
}

/** The handle on a customer, by phone number or as a Customer; the conversation opens on first use. */
export function customerHandle(s: Session, who: string | Customer): CustomerHandle {
  const customer: Customer =
    typeof who === "string"
      ? { phone: waId(who), name: `+${waId(who)}` }
      : { ...who, ...(who.phone === undefined ? {} : { phone: waId(who.phone) }) };
  const c = s.chats.open(customer);
  const act = (message: CustomerMessage) => customerActs(s, c, message);
  return {
    key: c.key,
    tap: async (messageId, idOrTitle) => act(tapMessage(messageId, sentTo(c, messageId).message, idOrTitle)),
    choose: async (messageId, idOrTitle) => act(chooseMessage(messageId, sentTo(c, messageId).message, idOrTitle)),
    say: async (text) => act({ kind: "text", text }),
    shareLocation: async (location, replyTo) => {
      if (replyTo !== undefined) sentTo(c, replyTo);
      return act({ kind: "location", ...location, ...(replyTo === undefined ? {} : { replyTo }) });
    },
    submitFlow: async (messageId, response = {}) => act(flowMessage(messageId, sentTo(c, messageId).message, response)),
    react: async (messageId, emoji) => {
      sentTo(c, messageId);
      return act({ kind: "reaction", replyTo: messageId, emoji });
    },
    bubbles: () => [...c.bubbles],
    received: () => c.bubbles.filter((b) => b.direction === "out"),
    nextMessage: (timeoutMs = 5000) => s.chats.nextMessage(c.key, timeoutMs),
  };
}

async function customerActs(s: Session, c: Conversation, message: CustomerMessage): Promise<CustomerResult> {
  const id = s.wire.newId();
  const body = s.wire.inbound(webhookContext(s, c, id), message); // throws UnsupportedAction before anything is recorded
  c.lastInboundAt = s.now();
  const bubble = s.chats.add(c, { id, direction: "in", at: s.now(), inbound: message, reactions: [] });
  if (message.kind === "reaction") {
    const target = s.chats.find(message.replyTo)?.bubble;
    if (target) {
      target.reactions = target.reactions.filter((r) => r.from !== "customer");
      if (message.emoji !== "") target.reactions.push({ from: "customer", emoji: message.emoji });
    }
  }
  const delivery = await s.poster.post(body, `${message.kind} from ${c.key}`);
  bubble.delivered = delivery.ok;
  s.chats.version++;
  return { id, delivery };
}

/** A message the business sent in this conversation, or why an action cannot answer it. */
function sentTo(c: Conversation, messageId: string): Bubble {
  const bubble = c.bubbles.find((b) => b.id === messageId && b.direction === "out");
  if (!bubble) throw new CustomerActionError(`${c.key} received no message ${messageId}`);
  return bubble;
}
