/**
 * A list message with sections: the help-center menu of a support bot. Rows can come from the
 * chain or, as in the last section, from data at run time. Run with `npx tsx examples/list.ts`.
 */
import { interactiveMessage, list } from "../generated/src/index.ts";

const accountTopics = [
  { id: "update_profile", title: "Update Profile", description: "Change name, email, or address" },
  { id: "reset_password", title: "Reset Password", description: "Reset your login credentials" },
];

const helpCenter = list("Select Topic")
  .header.text("Help Center")
  .body("Welcome to our support center. Please select the topic you need help with:")
  .footer("Reply AGENT to talk to a human")
  .section("Orders", (s) =>
    s
      .row("track_order", "Track My Order", "Get real-time delivery status")
      .row("cancel_order", "Cancel Order", "Cancel a pending order")
      .row("return_order", "Return or Exchange", "Initiate a return or exchange"),
  )
  .section("Payments", (s) => s.row("refund_status", "Refund Status", "Check your refund progress").row("payment_issue", "Payment Failed", "Help with payment problems"))
  .section("Account", (s) => s.rows(accountTopics));

console.log(JSON.stringify(interactiveMessage(helpCenter).to("+919876543210").build(), null, 2));
