/**
 * Seed 004's conversational flow end to end, as the README shows it: build a list with the
 * builders, translate it for Exotel, receive the customer's tap as Exotel's webhook, parse it, and
 * switch on the typed reply id; then the follow-up buttons, and the same flow through Vonage,
 * whose reply is resolved against the sent message.
 */
import { describe, expect, it } from "vitest";
import * as wa from "../../generated/src/index.ts";

const menu = wa
  .list("Select Topic")
  .header.text("Help Center")
  .body("Welcome to our support center. Please select the topic you need help with:")
  .footer("Reply AGENT to talk to a human")
  .section("Orders", (s) =>
    s
      .row("track_order", "Track My Order", "Get real-time delivery status")
      .row("cancel_order", "Cancel Order", "Cancel a pending order"),
  )
  .section("Payments", (s) => s.row("refund_status", "Refund Status", "Check your refund progress"))
  .build();
const anythingElse = wa
  .button()
  .body("Order #ORD-12345 is out for delivery. ETA: 3 PM. Need anything else?")
  .reply("help_more", "Another question")
  .reply("done", "No, thanks")
  .build();

/** What Exotel posts when the customer taps something (written from its documented wrapper). */
function exotelTap(sid: string, reply: { type: "list_reply" | "button_reply"; id: string; title: string }) {
  return {
    whatsapp: {
      messages: [
        {
          callback_type: "incoming_message",
          sid,
          from: "+919876543210",
          to: "+919876500001",
          timestamp: "2024-05-28T14:45:30+05:30",
          content: {
            type: "interactive",
            interactive: { type: reply.type, [reply.type]: { id: reply.id, title: reply.title } },
          },
        },
      ],
    },
  };
}

function route(event: wa.InboundEvent): string {
  const reply = wa.answerTo(event, menu, anythingElse);
  if (!reply) return event.kind === "text" ? `typed: ${event.text}` : "ignored";
  switch (reply.id) {
    case "track_order":
      return "ask for the order number";
    case "cancel_order":
      return "confirm the cancellation";
    case "refund_status":
      return "look up the refund";
    case "help_more":
      return "send the menu again";
    case "done":
      return "say goodbye";
  }
}

describe("seed 004 flow", () => {
  it("Exotel: list out, tap in, typed switch", () => {
    const message = wa.interactiveMessage(menu).to("+919876543210").build();
    const body = wa.toProvider("exotel", message, { from: "+919876500001" });
    expect(body.whatsapp.messages[0]!.content).toEqual({ type: "interactive", interactive: menu });

    const { ok, events } = wa.parseWebhook(
      "exotel",
      exotelTap("sid-1", { type: "list_reply", id: "track_order", title: "Track My Order" }),
    );
    expect(ok).toBe(true);
    expect(events.map(route)).toEqual(["ask for the order number"]);

    const later = wa.parseWebhook(
      "exotel",
      exotelTap("sid-2", { type: "button_reply", id: "done", title: "No, thanks" }),
    );
    expect(later.events.map(route)).toEqual(["say goodbye"]);
  });

  it("a typed answer and a tap on some older message are told apart", () => {
    const typed = wa.parseWebhook("exotel", {
      whatsapp: {
        messages: [
          {
            callback_type: "incoming_message",
            sid: "sid-3",
            from: "+919876543210",
            timestamp: "2024-05-28T14:46:00+05:30",
            content: { type: "text", text: { body: "ORD-12345" } },
          },
        ],
      },
    });
    expect(typed.events.map(route)).toEqual(["typed: ORD-12345"]);
    const stale = wa.parseWebhook(
      "exotel",
      exotelTap("sid-4", { type: "button_reply", id: "old_promo", title: "Old promo" }),
    );
    expect(stale.events.map(route)).toEqual(["ignored"]);
  });

  it("Vonage: the reply is resolved against the sent message", () => {
    const message = wa.interactiveMessage(anythingElse).to("447700900123").build();
    const body = wa.toProvider("vonage", message, { from: "447700900000" });
    expect(body.custom).toEqual({ type: "interactive", interactive: anythingElse });
    const webhook = {
      channel: "whatsapp",
      message_uuid: "uuid-9",
      from: "447700900123",
      to: "447700900000",
      timestamp: "2024-05-28T09:15:30Z",
      message_type: "reply",
      reply: { id: "help_more", title: "Another question" },
    };
    expect(wa.parseWebhook("vonage", webhook).events[0]!.kind).toBe("reply");
    const resolved = wa.parseWebhook("vonage", webhook, { sent: message }).events[0]!;
    expect(resolved.kind).toBe("button_reply");
    expect(route(resolved)).toBe("send the menu again");
  });
});
