/**
 * Type-level tests of the builders, compiled by `tsc` (npm run typecheck), never run. Every
 * `@ts-expect-error` must be an error: should a cap or the id narrowing ever loosen, tsc reports
 * the unused directive.
 */
import {
  answerTo,
  button,
  carousel,
  interactiveMessage,
  list,
  orderDetails,
  orderStatus,
  product,
  productList,
  reaction,
  reactionMessage,
  type ButtonInteractive,
  type InteractiveMessage,
  type InboundEvent,
  type ListInteractive,
  type OutboundMessage,
  type ReplyIds,
} from "../../generated/src/index.ts";
import type { Static } from "@sinclair/typebox";
import { ButtonInteractive as ButtonSchema, OutboundMessage as OutboundSchema } from "../../generated/src/typebox.ts";

// ---------------------------------------------------------------- caps

const three = button().body("Pick a slot").reply("a", "A").reply("b", "B").reply("c", "C");
// @ts-expect-error a fourth reply button: WhatsApp allows three, so the adder is gone
three.reply("d", "D");
// The rest of the builder is still there once the buttons are full.
three.footer("Tap one").build();

// @ts-expect-error a single-product message has no header
product("catalog", "sku").header;
// @ts-expect-error list headers are text only
list("Open").header.image({ link: "https://example.com/a.png" });
list("Open").header.text("Menu");
// @ts-expect-error product list headers are text only
productList("catalog").header.video({ id: "1" });

// @ts-expect-error a third quick reply on a carousel card (two at most)
carousel().ctaUrl((card) => card.quickReply("a", "A").quickReply("b", "B").quickReply("c", "C"));

// @ts-expect-error an eleventh section (ten at most)
list("Open").section("1", (s) => s).section("2", (s) => s).section("3", (s) => s).section("4", (s) => s).section("5", (s) => s).section("6", (s) => s).section("7", (s) => s).section("8", (s) => s).section("9", (s) => s).section("10", (s) => s).section("11", (s) => s);

// Arrays made at run time are not counted by the type checker (validation counts them).
declare const fromDatabase: { id: string; title: string }[];
button().body("b").buttons(fromDatabase).reply("more", "More");

// ---------------------------------------------------------------- typed ids (seed 004's flow)

const menu = list("Select Topic")
  .body("How can we help you today?")
  .section("Orders", (s) => s.row("track_order", "Track My Order").row("cancel_order", "Cancel Order"))
  .section("Account", (s) => s.row("reset_password", "Reset Password"))
  .build();
const confirmCancel = button().body("Are you sure you want to cancel your order?").reply("confirm_cancel", "Yes, Cancel").reply("keep_order", "No, Keep It").build();

// The built message is the schema type (plus a type-only marker), so it goes wherever one goes.
const plain: ListInteractive = menu;
const plainButtons: ButtonInteractive = confirmCancel;

type MenuIds = ReplyIds<typeof menu>;
const everyMenuId: MenuIds[] = ["track_order", "cancel_order", "reset_password"];
// @ts-expect-error not an id of the menu
const notAMenuId: MenuIds = "refund_status";

declare const event: { kind: string; reply?: { id: string; title: string; description?: string } };

function handle(): string {
  const reply = answerTo(event, menu, confirmCancel);
  if (!reply) return "not an answer to these messages";
  switch (reply.id) {
    case "track_order":
      return "Please enter your order number.";
    case "cancel_order":
    case "confirm_cancel":
    case "keep_order":
    case "reset_password":
      return reply.title ?? "";
    // @ts-expect-error a typo is not one of the ids
    case "trak_order":
      return "never";
    default: {
      // Exhaustive: every id is handled above, so nothing is left.
      const rest: never = reply.id;
      return rest;
    }
  }
}

// Leaving an id out of the switch makes the exhaustiveness check fail.
function forgetful(): string {
  const reply = answerTo(event, confirmCancel);
  if (!reply) return "";
  switch (reply.id) {
    case "confirm_cancel":
      return "cancelled";
    default: {
      // @ts-expect-error "keep_order" is not handled
      const rest: never = reply.id;
      return rest;
    }
  }
}

// Ids travel through the envelope, and through a builder given instead of a built message.
const envelope = interactiveMessage(menu).to("+919876543210").build();
const wire: InteractiveMessage = envelope;
const viaBuilder = interactiveMessage(button().body("b").reply("yes", "Yes")).to("1");
const envelopeIds: ReplyIds<typeof envelope>[] = ["track_order"];
const builderIds: ReplyIds<typeof viaBuilder> = "yes";
// @ts-expect-error the envelope carries only its message's ids
const wrongEnvelopeId: ReplyIds<typeof envelope> = "yes";

// Without literal ids (a message from elsewhere, or rows made at run time) a reply is a string.
declare const fromElsewhere: ListInteractive;
const loose = answerTo(event, fromElsewhere);
const anyId: string | undefined = loose?.id;
const dynamic = list("Open").body("b").section((s) => s.rows(fromDatabase)).build();
const dynamicId: ReplyIds<typeof dynamic> = "anything";

// Reactions and their envelope build, and carry no ids.
const reacted = reactionMessage(reaction("wamid.1", "👍")).to("1").build();

// ---------------------------------------------------------------- build options

const clamped = button().body("b").reply("a", "A").build({ onLimit: "clamp" });
const clampedMessage: ButtonInteractive = clamped.value;
const changes: { path: string; limit: number; actual: number; from: string; to: string }[] = clamped.changes;
const safe = list("Open").body("b").section((s) => s.row("a", "A")).safeBuild();
if (safe.ok) {
  const value: ListInteractive = safe.value;
  void value;
} else for (const issue of safe.errors) void [issue.path, issue.rule, issue.limit, issue.actual];
// @ts-expect-error onLimit is "strict" or "clamp"
button().build({ onLimit: "truncate" });

void [handle, forgetful, plain, plainButtons, everyMenuId, notAMenuId, wire, envelopeIds, builderIds, wrongEnvelopeId, anyId, dynamicId, reacted, clampedMessage, changes];

// An empty section adds no ids (the list is invalid, but its ids stay exact).
const withEmpty = list("Open").section((s) => s).section((s) => s.row("only", "Only"));
const onlyId: ReplyIds<typeof withEmpty> = "only";
// @ts-expect-error an empty section does not widen the ids to string
const otherId: ReplyIds<typeof withEmpty> = "other";
void [onlyId, otherId];

// ---------------------------------------------------------------- TypeBox (wa-interactive/typebox)

// The TypeBox schemas' static types are exactly the generated types, so a Fastify route typed
// with them hands the handler a `ButtonInteractive`, not an approximation.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const buttonStatic: Same<Static<typeof ButtonSchema>, ButtonInteractive> = true;
const messageStatic: Same<Static<typeof OutboundSchema>, OutboundMessage> = true;
// @ts-expect-error and not some other type
const notList: Same<Static<typeof ButtonSchema>, ListInteractive> = true;
void [buttonStatic, messageStatic, notList];

// ---------------------------------------------------------------- the README's seed 004 handler

// Verbatim from the README's "Typed replies" section, so the README cannot drift from the API.
declare function send(message: unknown): Promise<void>;
declare function sendText(to: string | undefined, text: string): Promise<void>;
declare function cancelOrder(customer: string | undefined): Promise<void>;

{
  const menu = list("Select Topic")
    .header.text("Help Center")
    .body("How can we help you today?")
    .section("Orders", (s) => s.row("track_order", "Track My Order").row("cancel_order", "Cancel Order"))
    .section("Payments", (s) => s.row("refund_status", "Refund Status"))
    .build();
  const confirmCancel = button()
    .body("Are you sure you want to cancel your order?")
    .reply("confirm_cancel", "Yes, Cancel")
    .reply("keep_order", "No, Keep It")
    .build();

  async function handleInbound(event: InboundEvent) {
    const reply = answerTo(event, menu, confirmCancel);
    if (!reply) return; // typed text, or a tap on some older message
    switch (reply.id) {
      case "track_order":
        return sendText(event.from, "Please enter your order number.");
      case "cancel_order":
        return send(interactiveMessage(confirmCancel).to(event.from!).build());
      case "confirm_cancel":
        await cancelOrder(event.from);
        return sendText(event.from, "Your order has been cancelled.");
      case "keep_order":
      case "refund_status":
        return send(interactiveMessage(menu).to(event.from!).build());
      // @ts-expect-error does not compile: not an id of these messages
      case "trak_order":
        return;
      default: {
        const unhandled: never = reply.id; // does not compile if an id above is missing
        return unhandled;
      }
    }
  }
  void handleInbound;
}

// Payments: the currency, goods type, statuses and payment methods are typed; amounts and the
// order are given whole, as the schema types them.
{
  const bill = orderDetails("INV-1", "digital-goods", "BRL", { value: 100, offset: 100 })
    .body("Bill")
    .pixDynamicCode({ code: "000201", merchant_name: "Loja", key: "39580525000189", key_type: "CNPJ" })
    .build();
  const method: "pix_dynamic_code" | "payment_gateway" | "payment_link" | "boleto" | "offsite_card_pay" | undefined =
    bill.action.parameters.payment_settings?.[0]?.type;
  void method;
  // @ts-expect-error only INR and BRL
  orderDetails("INV-1", "digital-goods", "USD", { value: 100, offset: 100 });
  // @ts-expect-error an amount is two integers, not a number
  orderDetails("INV-1", "digital-goods", "INR", 100);
  // @ts-expect-error a Pix key type Meta does not list
  orderDetails("INV-1", "digital-goods", "BRL", { value: 100, offset: 100 }).pixDynamicCode({ code: "0", merchant_name: "L", key: "k", key_type: "RANDOM" });
  // @ts-expect-error not an order status
  orderStatus("INV-1", "paid");
  // @ts-expect-error interactive messages do not go to groups
  interactiveMessage(bill).to("GROUP_ID").recipientType("group");
}
