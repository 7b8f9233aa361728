/**
 * What the emulator remembers: one conversation per customer, each a list of bubbles (what the
 * business sent, what the customer sent, and sends that were refused), with their statuses. Kept
 * as plain JSON so the chat page can be handed it as is.
 */
import type { ValidationIssue } from "../runtime/issues.js";

/**
 * A customer. `phone` is the number (digits, as WhatsApp writes a wa_id); `userId` is the
 * business-scoped user id WhatsApp gives from 2026, for users known by a username. Either names
 * the conversation; a phone-less user is addressed by `userId` alone.
 */
export interface Customer {
  phone?: string;
  userId?: string;
  name: string;
}

/** What the customer does, as the emulator posts it to the bot's webhook. */
export type CustomerMessage =
  | { kind: "text"; text: string }
  | { kind: "button_reply"; replyTo: string; id: string; title: string }
  | { kind: "list_reply"; replyTo: string; id: string; title: string; description?: string }
  | { kind: "location"; replyTo?: string; latitude: number; longitude: number; name?: string; address?: string }
  | { kind: "flow_reply"; replyTo: string; response: Record<string, unknown> }
  | { kind: "reaction"; replyTo: string; emoji: string };

export type Status = "sent" | "delivered" | "read" | "failed";

/** A WhatsApp error as a status webhook carries it (Meta's `statuses[].errors[]`). */
export interface WhatsAppError {
  code: number;
  title: string;
  message: string;
  details: string;
}

export interface Bubble {
  /** The message id the bot sees: a `wamid.` id for Meta, the provider's id shape otherwise. */
  id: string;
  /** out: the business sent it; in: the customer did; refused: a send the emulator answered with an error. */
  direction: "out" | "in" | "refused";
  /** Milliseconds since the epoch, from the emulator's clock. */
  at: number;
  /** The outbound message as the package reads it (the canonical Cloud API body); absent on a refused send. */
  message?: unknown;
  /** What the customer sent. */
  inbound?: CustomerMessage;
  status?: Status;
  error?: WhatsAppError;
  /** Why a send was refused: the package's issues, each with its path, rule and limit. */
  issues?: ValidationIssue[];
  /** The HTTP answer the bot got for a refused send. */
  refusal?: { status: number; code: number | string; message: string };
  /** The customer's reaction to this business message, and the business's to a customer message. */
  reactions: { from: "customer" | "business"; emoji: string }[];
  /** Whether the bot's webhook accepted the post of this inbound message (2xx). */
  delivered?: boolean;
}

export interface Conversation {
  /** The customer's phone, or their user id when they have no phone. */
  key: string;
  customer: Customer;
  /** The business number the last send came from, where the provider's body names it (Vonage, Exotel). */
  businessNumber?: string;
  /** When the customer last wrote: the 24-hour customer-service window runs from here. */
  lastInboundAt?: number;
  bubbles: Bubble[];
}

/** The conversation key a customer is filed under. */
export function customerKey(customer: { phone?: string; userId?: string }): string {
  const key = customer.phone ?? customer.userId;
  if (key === undefined) throw new TypeError("a customer needs a phone number or a user id");
  return key;
}

/** A phone number as WhatsApp writes a wa_id: digits only. */
export function waId(phone: string): string {
  return phone.replace(/[^0-9]/g, "");
}
