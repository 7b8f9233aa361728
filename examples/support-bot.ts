/**
 * A support bot's conversation written with the builders: a help-center list, a cancel
 * confirmation and a follow-up question. `answerTo` narrows each inbound reply to the ids of the
 * messages it may answer, so the `switch` below is checked by the compiler: a misspelled id or a
 * forgotten case does not compile. Run with `npx tsx examples/support-bot.ts`; it replays a few
 * inbound events and prints what the bot would send. `respond` is exported so that the emulator's
 * tests run this same bot behind a webhook, against the local WhatsApp.
 */
import { answerTo, button, interactiveMessage, list, type HasReply, type OutboundMessage } from "../generated/src/index.ts";

const menu = list("Select Topic")
  .header.text("Help Center")
  .body("How can we help you today?")
  .footer("Reply AGENT to talk to a human")
  .section("Orders", (s) => s.row("track_order", "Track My Order", "Get real-time delivery status").row("cancel_order", "Cancel Order", "Cancel a pending order"))
  .section("Payments", (s) => s.row("refund_status", "Refund Status", "Check your refund progress"))
  .build();

const confirmCancel = button()
  .body("Are you sure you want to cancel your order?")
  .reply("confirm_cancel", "Yes, Cancel")
  .reply("keep_order", "No, Keep It")
  .build();

// The provider page's label "Yes, another question" is 21 characters: build() rejects it
// (WhatsApp allows 20), so this bot says "Another question".
const anythingElse = (status: string) =>
  button().body(`Order #ORD-12345: ${status}. Need anything else?`).reply("help_more", "Another question").reply("done", "No, thanks");

/** What the bot sends in answer to one inbound event (a text message is left out for brevity). */
export function respond(to: string, event: HasReply): OutboundMessage[] {
  // The follow-up's ids are the same whatever the status, so any one of them stands for all.
  const reply = answerTo(event, menu, confirmCancel, anythingElse("any"));
  if (!reply) return [interactiveMessage(menu).to(to).build()];
  switch (reply.id) {
    case "track_order":
      return [interactiveMessage(anythingElse("out for delivery, ETA 3 PM")).to(to).build()];
    case "cancel_order":
      return [interactiveMessage(confirmCancel).to(to).build()];
    case "confirm_cancel":
    case "refund_status":
      return [interactiveMessage(anythingElse(reply.id === "confirm_cancel" ? "cancelled" : "refund issued")).to(to).build()];
    case "keep_order":
    case "help_more":
      return [interactiveMessage(menu).to(to).build()];
    case "done":
      return [];
    default: {
      // Every id of the three messages is handled above; adding a row without a case fails here.
      const unhandled: never = reply.id;
      throw new Error(`unhandled reply ${String(unhandled)}`);
    }
  }
}

const customer = "+919876543210";
const inbound: HasReply[] = [
  {},
  { reply: { id: "cancel_order", title: "Cancel Order" } },
  { reply: { id: "confirm_cancel", title: "Yes, Cancel" } },
  { reply: { id: "done", title: "No, thanks" } },
];
for (const event of inbound) {
  console.log(`<- ${event.reply ? `tapped ${event.reply.id}` : "a message without a reply"}`);
  for (const message of respond(customer, event)) {
    const interactive = message.type === "interactive" ? message.interactive : undefined;
    console.log(`-> ${interactive?.type ?? message.type}: ${interactive && "body" in interactive ? interactive.body?.text : ""}`);
  }
}
