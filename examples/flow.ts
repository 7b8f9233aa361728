/**
 * A flow message: a button that opens a WhatsApp Flow on its first screen, with data for it.
 * Run with `npx tsx examples/flow.ts`.
 */
import { flow, interactiveMessage } from "../generated/src/index.ts";

const booking = flow("Book a slot")
  .header.text("Delivery time")
  .body("Choose when we should deliver order #ORD-12345.")
  .flowId("1234567890")
  .flowToken("session-ORD-12345")
  .flowAction("navigate")
  .flowActionPayload({ screen: "PICK_SLOT", data: { order_id: "ORD-12345" } });

console.log(JSON.stringify(interactiveMessage(booking).to("+919876543210").build(), null, 2));
