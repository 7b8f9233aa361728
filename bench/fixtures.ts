/**
 * The payloads every contender measures, so each row of the table does the same work: a list with
 * 3 sections and 7 rows, a 3-button message, an invalid list (11 rows over 2 sections and a row
 * title over 24 characters), and a signed Meta webhook carrying a button reply.
 */
import { createHmac } from "node:crypto";

export const validList = {
  type: "list",
  header: { type: "text", text: "Our menu" },
  body: { text: "Pick a dish and we will bring it to your table. Prices include tax." },
  footer: { text: "Kitchen open until 22:00" },
  action: {
    button: "See the menu",
    sections: [
      {
        title: "Starters",
        rows: [
          { id: "soup", title: "Tomato soup", description: "With basil and a slice of sourdough" },
          { id: "salad", title: "Green salad", description: "Leaves, cucumber, lemon dressing" },
        ],
      },
      {
        title: "Mains",
        rows: [
          { id: "risotto", title: "Mushroom risotto", description: "Arborio rice, porcini, parmesan" },
          { id: "curry", title: "Chickpea curry 🌶️", description: "Mild, with jasmine rice" },
          { id: "fish", title: "Grilled fish", description: "Catch of the day with potatoes" },
        ],
      },
      {
        title: "Desserts",
        rows: [
          { id: "tart", title: "Lemon tart" },
          { id: "ice", title: "Ice cream", description: "Vanilla, chocolate or pistachio" },
        ],
      },
    ],
  },
};

export const validButtons = {
  type: "button",
  header: { type: "text", text: "Your order" },
  body: { text: "Your table for two is booked for Friday at 19:30. Shall we keep it?" },
  footer: { text: "Reply within 24 hours" },
  action: {
    buttons: [
      { type: "reply", reply: { id: "confirm", title: "Yes, keep it ✅" } },
      { type: "reply", reply: { id: "change", title: "Change the time" } },
      { type: "reply", reply: { id: "cancel", title: "Cancel" } },
    ],
  },
};

const row = (i: number) => ({ id: `row-${i}`, title: `Row number ${i}` });

/** 11 rows over 2 sections (one too many in total) and one row title of 30 characters. */
export const invalidList = {
  type: "list",
  body: { text: "Choose one" },
  action: {
    button: "Open",
    sections: [
      { title: "First", rows: [row(1), row(2), row(3), row(4), row(5), row(6)] },
      { title: "Second", rows: [row(7), row(8), row(9), row(10), { id: "row-11", title: "This row title is far too long" }] },
    ],
  },
};

/** The builders' inputs for the same two valid messages. */
export const listSpec = validList;
export const buttonsSpec = validButtons;

export const APP_SECRET = "bench-app-secret-0123456789abcdef";

/** A Meta webhook delivering one button reply, as the Cloud API sends it (about 1.2 KB). */
export const webhookBody = JSON.stringify({
  object: "whatsapp_business_account",
  entry: [
    {
      id: "102290129340398",
      changes: [
        {
          value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" },
            contacts: [{ profile: { name: "Sheena Nelson" }, wa_id: "16505551234", user_id: "US.13491208655302741918" }],
            messages: [
              {
                context: { from: "15550783881", id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA" },
                from: "16505551234",
                id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUZCMTY0MDc2MUYwNzBDNTY5MAA=",
                timestamp: "1749854575",
                type: "interactive",
                interactive: {
                  type: "button_reply",
                  button_reply: { id: "confirm", title: "Yes, keep it ✅" },
                },
              },
            ],
            statuses: [
              {
                id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA",
                status: "read",
                timestamp: "1749854570",
                recipient_id: "16505551234",
                biz_opaque_callback_data: "booking-7781",
                conversation: { id: "6ceb9d929c4d8dd24f4e2c3a7bd1f3ba", expiration_timestamp: "1749940970", origin: { type: "service" } },
                pricing: { billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" },
              },
              { id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", status: "delivered", timestamp: "1749854566", recipient_id: "16505551234" },
            ],
          },
          field: "messages",
        },
      ],
    },
  ],
});

export const webhookSignature = `sha256=${createHmac("sha256", APP_SECRET).update(webhookBody).digest("hex")}`;
