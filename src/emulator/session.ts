/**
 * What every part of a running emulator shares: its wire format, the business it plays, its clock,
 * the webhook poster and the conversations. The send handler, the customer and the page routes
 * each receive it instead of closing over one long function's locals.
 */
import { type Conversation, waId } from "./model.js";
import type { Conversations } from "./conversations.js";
import type { WebhookPoster } from "./webhook.js";
import type { Business, EmulatedProvider, WebhookContext, WireFormat } from "./wire.js";

export interface Session {
  readonly provider: EmulatedProvider;
  readonly wire: WireFormat;
  readonly business: Business;
  /** The bearer token (or key) a send must carry. */
  readonly token: string;
  readonly now: () => number;
  /** Whether a `read` status follows `delivered` at once. */
  readonly autoRead: boolean;
  readonly poster: WebhookPoster;
  readonly chats: Conversations;
}

/** Who and when, for a webhook about message `id` in conversation `c`. */
export function webhookContext(s: Session, c: Conversation, id: string): WebhookContext {
  // The business number the customer last heard from, where the provider's send names it.
  const business = c.businessNumber === undefined ? s.business : { ...s.business, number: c.businessNumber };
  return {
    business,
    phone: c.customer.phone === undefined ? undefined : waId(c.customer.phone),
    userId: c.customer.userId,
    name: c.customer.name,
    id,
    at: s.now(),
  };
}
