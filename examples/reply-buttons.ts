/**
 * Reply buttons: a header, a body, a footer and up to three buttons. Run with
 * `npx tsx examples/reply-buttons.ts`; it prints the request body to POST to /messages.
 */
import { button, interactiveMessage } from "../generated/src/index.ts";

const rating = button()
  .header.text("Order Update")
  .body("Your order #ORD-12345 has been delivered. How was your experience?")
  .footer("Tap a button to respond")
  .reply("rating_great", "Great!")
  .reply("rating_ok", "It was okay")
  .reply("rating_bad", "Not satisfied");

console.log(JSON.stringify(interactiveMessage(rating).to("+919876543210").build(), null, 2));
