/**
 * Type-level tests, compiled by `tsc` (npm run typecheck), never run. Each `@ts-expect-error` line
 * must be an error: if the generated types ever accept it, tsc reports the unused directive.
 */
import {
  assertInteractive,
  isInteractive,
  validateMessage,
  type ButtonInteractive,
  type Interactive,
  type ListInteractive,
  type Media,
  type OutboundMessage,
  type ProductInteractive,
} from "../../generated/src/index.ts";

const button: ButtonInteractive = {
  type: "button",
  body: { text: "Pick a slot" },
  action: { buttons: [{ type: "reply", reply: { id: "slot-1", title: "15:00" } }] },
};

// A misspelled key is a type error as well as a validation error.
// @ts-expect-error `fotter` is not a property of a reply buttons message
const misspelled: ButtonInteractive = { ...button, fotter: { text: "x" } };

// Lists take text headers only.
const list: ListInteractive = {
  type: "list",
  // @ts-expect-error an image header is not allowed on a list
  header: { type: "image", image: { id: "1" } },
  body: { text: "Menu" },
  action: { button: "Open", sections: [{ rows: [{ id: "a", title: "A" }] }] },
};

// A single-product message has no header at all.
const product: ProductInteractive = {
  type: "product",
  // @ts-expect-error product messages have no header
  header: { type: "text", text: "x" },
  action: { catalog_id: "c", product_retailer_id: "sku" },
};

// Media is an id or a link, never both.
const byId: Media = { id: "123" };
// @ts-expect-error both id and link
const both: Media = { id: "123", link: "https://example.com/a.png" };

// The discriminated union narrows on `type`.
function describeAction(i: Interactive): string {
  switch (i.type) {
    case "button":
      return i.action.buttons.map((b) => b.reply.id).join();
    case "list":
      return i.action.sections.map((s) => s.rows.length).join();
    default:
      return i.type;
  }
}

// A reaction message cannot carry a context.
// @ts-expect-error reactions cannot quote a message
const reaction: OutboundMessage = { messaging_product: "whatsapp", to: "1", type: "reaction", reaction: { message_id: "m", emoji: "👍" }, context: { message_id: "m" } };

// Validators narrow `unknown`.
declare const input: unknown;
if (isInteractive(input)) describeAction(input);
assertInteractive(input);
const narrowed: Interactive = input;
const result = validateMessage(input);
if (result.ok) {
  const message: OutboundMessage = result.value;
  void message;
} else {
  for (const issue of result.errors) void [issue.path, issue.rule, issue.limit, issue.actual];
}

void [misspelled, list, product, byId, both, reaction, narrowed, button];
