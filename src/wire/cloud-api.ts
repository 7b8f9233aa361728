/**
 * Hooks of inbound mappings for Cloud API messages (Meta's webhook, and Exotel's content, which
 * mirrors it): the steps a mapping cannot say as a read — which kind a submitted flow is, and the
 * shared contact cards, checked card by card, with the customer's own number among them. The
 * emitted normaliser passes in the validator; nothing here imports a generated module.
 */
import { defined, type Reported, take } from "./inbound.js";
import * as rules from "../runtime/rules.js";
import type { ValidationResult } from "../runtime/issues.js";
import type { InboundContact, InboundEvent, MetaContactCard } from "../types.js";

/**
 * A submitted flow (`nfm_reply`) is an address form when it is named "address_message", or when it
 * has no name and its response holds address values; any other is a flow reply.
 */
export function flowKind(name: string | undefined, response: Record<string, unknown>): InboundEvent["kind"] {
  if (name === "address_message") return "address_reply";
  if (name === undefined && ("values" in response || "saved_address_id" in response)) return "address_reply";
  return "flow_reply";
}

/**
 * The contact cards of a `contacts` message, each checked on its own at `path/<i>` (`path` is the
 * pointer of the `contacts` array); undefined, with the issues added, when the array is missing or
 * empty or any card is bad. A phone is kept when it has a number or a WhatsApp id.
 */
export function contactCards(
  list: unknown,
  validate: (value: unknown) => ValidationResult<MetaContactCard>,
  path: string,
  report: Reported,
): InboundContact[] | undefined {
  if (!Array.isArray(list) || list.length === 0) {
    report.errors.push(rules.required(path.slice(0, path.lastIndexOf("/")), "contacts message", "contacts"));
    return undefined;
  }
  const cards: InboundContact[] = [];
  list.forEach((raw: unknown, i: number) => {
    const card = take(validate(raw), `${path}/${i}`, report);
    if (!card) return;
    const phones = (card.phones ?? []).flatMap((p) =>
      p.phone === undefined && p.wa_id === undefined
        ? []
        : [defined({ phone: p.phone ?? p.wa_id!, waId: p.wa_id, type: p.type })],
    );
    cards.push(defined({ name: card.name?.formatted_name, phones, origin: card.origin }));
  });
  return cards.length === list.length ? cards : undefined;
}

/** The customer's own number, from the card they shared when the business asked for it (`origin: "contact_request"`). */
export function sharedPhone(cards: InboundContact[]): string | undefined {
  const shared = cards.find((c) => c.origin === "contact_request")?.phones?.[0];
  const waId = shared?.waId;
  if (waId !== undefined && waId.length > 0) return waId;
  return shared?.phone !== undefined && shared.phone.length > 0 ? shared.phone : undefined;
}
