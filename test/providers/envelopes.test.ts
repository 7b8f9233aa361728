/**
 * What each provider's request body looks like, exactly, and the clear errors for what a provider
 * cannot carry: the shapes the round trip alone would not pin down.
 */
import { describe, expect, it } from "vitest";
import {
  CAPABILITIES,
  CAPABILITY_NOTES,
  PROVIDERS,
  ProviderError,
  type ProviderName,
  fromProvider,
  toProvider,
  ENDPOINTS,
  endpointFor,
  toVonage,
  toWhatsappNodeSdk,
} from "../../generated/src/index.ts";
import { PROVIDER_OPTIONS } from "../support/provider-options.ts";

const interactive = {
  type: "button",
  body: { text: "Confirm the order?" },
  action: {
    buttons: [
      { type: "reply", reply: { id: "yes", title: "Yes" } },
      { type: "reply", reply: { id: "no", title: "No" } },
    ],
  },
} as const;
const message = { messaging_product: "whatsapp", to: "919812345678", type: "interactive", interactive } as const;

function refused(fn: () => unknown): ProviderError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProviderError);
    return e as ProviderError;
  }
  throw new Error("expected a ProviderError");
}

describe("request bodies", () => {
  it("meta and 360dialog send the message itself: the validated message is the body", () => {
    for (const provider of ["meta", "360dialog"] as const) expect(toProvider(provider, message)).toBe(message);
  });

  it("a body shares objects with the message rather than copy them (neither is ever written to)", () => {
    const body = toProvider("vonage", message, { from: "447700900000" });
    expect(body.custom).toEqual({ type: "interactive", interactive });
    expect((body.custom as { interactive: unknown }).interactive).toBe(message.interactive);
    const frozen = JSON.parse(JSON.stringify(message), (_, v) => (typeof v === "object" && v !== null ? Object.freeze(v) : v));
    for (const provider of PROVIDERS)
      expect(fromProvider(provider, (toProvider as (p: ProviderName, m: unknown, o?: object) => unknown)(provider, frozen, PROVIDER_OPTIONS[provider]))).toMatchObject(frozen);
  });

  it("the Node SDK gets its interactive() arguments, recipient as a number", () => {
    expect(toProvider("whatsapp-node-sdk", { ...message, context: { message_id: "wamid.Q" } })).toEqual({
      body: interactive,
      recipient: 919812345678,
      replyMessageId: "wamid.Q",
    });
    expect(toWhatsappNodeSdk(message)).toEqual({ body: interactive, recipient: 919812345678 });
  });

  it("the Node SDK takes a number written with + (as Meta's examples write it) without the +", () => {
    expect(toProvider("whatsapp-node-sdk", { ...message, to: "+919812345678" })).toEqual({ body: interactive, recipient: 919812345678 });
  });

  it("the Node SDK refuses a recipient that is not a plain number, naming it", () => {
    for (const to of ["++919812345678", "0919812345678", "GROUP_ID", "91 98123 45678", "1234567890123456", "+"]) {
      const error = refused(() => toProvider("whatsapp-node-sdk", { ...message, to }));
      expect(error.code).toBe("unsupported-field");
      expect(error.path).toBe("/to");
      expect(error.message).toContain("digits only");
    }
  });

  it("vonage wraps the interactive object in a custom message", () => {
    expect(
      toProvider(
        "vonage",
        { ...message, context: { message_id: "uuid-1" } },
        { from: "447700900000", clientRef: "order-7" },
      ),
    ).toEqual({
      from: "447700900000",
      to: "919812345678",
      channel: "whatsapp",
      message_type: "custom",
      custom: { type: "interactive", interactive },
      client_ref: "order-7",
      context: { message_uuid: "uuid-1" },
    });
  });

  it("exotel wraps it in whatsapp.messages[].content", () => {
    expect(
      toProvider(
        "exotel",
        { ...message, recipient_type: "individual" },
        { from: "+918047112233", customData: "c-1", statusCallback: "https://example.com/exotel" },
      ),
    ).toEqual({
      custom_data: "c-1",
      status_callback: "https://example.com/exotel",
      whatsapp: {
        messages: [
          {
            from: "+918047112233",
            to: "919812345678",
            content: { recipient_type: "individual", type: "interactive", interactive },
          },
        ],
      },
    });
  });

  it("aisoule sends {to, type, interactive}", () => {
    expect(toProvider("aisoule", message)).toEqual({ to: "919812345678", type: "interactive", interactive });
  });

  it("aisoule takes a number written with + without the + (its API takes digits only)", () => {
    expect(toProvider("aisoule", { ...message, to: "+919812345678" })).toEqual({ to: "919812345678", type: "interactive", interactive });
    expect(fromProvider("aisoule", toProvider("aisoule", { ...message, to: "+919812345678" }))).toMatchObject({ to: "919812345678" });
  });

  it("vonage takes a number written with + without the + (its guide: no leading + or 00)", () => {
    expect(toProvider("vonage", { ...message, to: "+919812345678" }, { from: "447700900000" })).toMatchObject({ to: "919812345678" });
  });

  it("the digits-only providers refuse what is not a phone number with the same code, at /to", () => {
    for (const provider of ["aisoule", "whatsapp-node-sdk", "vonage"] as const) {
      for (const to of ["GROUP_ID", "+91 98123 45678", "0919812345678", "00919812345678"]) {
        const error = refused(() => toProvider(provider as "aisoule", { ...message, to }, { from: "447700900000" } as never));
        expect([error.code, error.path], `${provider} ${to}`).toEqual(["unsupported-field", "/to"]);
        expect(error.message).toContain("digits only");
      }
    }
    // Digits, but shorter than Aisoule's six: its own schema refuses it, reported at the message's /to.
    const short = refused(() => toProvider("aisoule", { ...message, to: "12345" }));
    expect([short.code, short.path]).toEqual(["unsupported-field", "/to"]);
    expect(short.issues.map((i) => [i.path, i.rule])).toEqual([["/to", "pattern"]]);
  });
});

describe("payments and business-scoped user ids", () => {
  const bill = {
    type: "order_details",
    body: { text: "Your order" },
    action: {
      name: "review_and_pay",
      parameters: {
        reference_id: "INV-1",
        type: "digital-goods",
        payment_settings: [{ type: "payment_gateway", payment_gateway: { type: "razorpay", configuration_name: "main" } }],
        currency: "INR",
        total_amount: { value: 100, offset: 100 },
      },
    },
  } as const;
  const senders: Partial<Record<ProviderName, object>> = { vonage: { from: "447700900000" }, exotel: { from: "+918047112233" } };

  it("every provider carries order_details and order_status, and says how, or refuses them with the reason", () => {
    const status = { type: "order_status", body: { text: "Paid" }, action: { name: "review_order", parameters: { reference_id: "INV-1", order: { status: "processing" } } } } as const;
    for (const provider of PROVIDERS) {
      for (const interactive of [bill, status]) {
        const sent = { messaging_product: "whatsapp", to: "919812345678", type: "interactive", interactive } as const;
        // Infobip's interactive endpoints have none for payments.
        if (CAPABILITIES[provider][interactive.type] === "unsupported") {
          const error = refused(() => toProvider(provider, sent, senders[provider] as never));
          expect([error.code, error.message]).toEqual(["unsupported-kind", expect.stringContaining(CAPABILITY_NOTES[provider][interactive.type]!)]);
          continue;
        }
        const body = toProvider(provider, sent, senders[provider] as never);
        expect(JSON.stringify(body)).toContain(JSON.stringify(interactive));
        expect(fromProvider(provider, body)).toMatchObject({ interactive });
        expect(CAPABILITIES[provider][interactive.type]).not.toBe("unsupported");
        if (CAPABILITIES[provider][interactive.type] === "passthrough") expect(CAPABILITY_NOTES[provider][interactive.type]).toBeTruthy();
      }
    }
  });

  it("meta and 360dialog send to a business-scoped user id as given; the others refuse it with the reason", () => {
    const toUser = { messaging_product: "whatsapp", recipient: "US.ENT.11815799212886844830", type: "interactive", interactive: bill } as const;
    for (const provider of ["meta", "360dialog"] as const) {
      expect(toProvider(provider, toUser)).toEqual(toUser);
      expect(fromProvider(provider, toProvider(provider, toUser))).toEqual(toUser);
    }
    for (const provider of ["whatsapp-node-sdk", "vonage", "exotel", "aisoule"] as const) {
      const error = refused(() => toProvider(provider as "aisoule", toUser, senders[provider] as never));
      expect([error.code, error.path]).toEqual(["unsupported-field", "/recipient"]);
      expect(error.message).toMatch(/phone number/);
    }
  });

  it("a malformed business-scoped user id is refused before any provider sees it", () => {
    const error = refused(() => toProvider("meta", { messaging_product: "whatsapp", recipient: "16505551234", type: "interactive", interactive: bill }));
    expect(error.code).toBe("invalid-message");
    expect(error.issues.map((i) => [i.path, i.rule])).toEqual([["/recipient", "pattern"]]);
  });
});

describe("infobip: a body of its own per kind, by mapping alone", () => {
  const from = { from: "447860099299" };

  it("flattens reply buttons, renames to camelCase, carries header media by URL, and says where to send it", () => {
    const withImage = {
      ...message,
      context: { message_id: "in-1" },
      biz_opaque_callback_data: "order-7",
      interactive: { ...interactive, header: { type: "image", image: { link: "https://example.com/a.png" } } },
    } as const;
    expect(toProvider("infobip", withImage as never, from)).toEqual({
      from: "447860099299",
      to: "919812345678",
      content: {
        body: { text: "Confirm the order?" },
        header: { type: "IMAGE", mediaUrl: "https://example.com/a.png" },
        action: {
          buttons: [
            { type: "REPLY", id: "yes", title: "Yes" },
            { type: "REPLY", id: "no", title: "No" },
          ],
        },
      },
      callbackData: "order-7",
      context: { replyToMessageId: "in-1" },
    });
    expect(endpointFor("infobip", withImage as never)).toBe("/whatsapp/1/message/interactive/buttons");
    expect(endpointFor("meta", withImage as never)).toBeUndefined();
    expect(ENDPOINTS.infobip?.product_list).toBe("/whatsapp/1/message/interactive/multi-product");
  });

  it("names the list button action.title and flattens product items to their retailer ids", () => {
    const list = {
      ...message,
      interactive: {
        type: "list",
        body: { text: "Pick one" },
        action: { button: "Menu", sections: [{ title: "A", rows: [{ id: "r1", title: "Row", description: "d" }] }] },
      },
    };
    expect(toProvider("infobip", list, from).content).toEqual({
      body: { text: "Pick one" },
      action: { title: "Menu", sections: [{ title: "A", rows: [{ id: "r1", title: "Row", description: "d" }] }] },
    });
    const products = {
      ...message,
      interactive: {
        type: "product_list",
        header: { type: "text", text: "Shop" },
        body: { text: "Our picks" },
        action: { catalog_id: "c1", sections: [{ title: "S", product_items: [{ product_retailer_id: "a" }, { product_retailer_id: "b" }] }] },
      },
    };
    expect(toProvider("infobip", products, from).content).toEqual({
      header: { type: "TEXT", text: "Shop" },
      body: { text: "Our picks" },
      action: { catalogId: "c1", sections: [{ title: "S", productRetailerIds: ["a", "b"] }] },
    });
    expect(fromProvider("infobip", toProvider("infobip", products, from))).toEqual({ ...products, recipient_type: "individual" });
  });

  it("recognises a body's kind by its content, and refuses content of no kind", () => {
    const body = { from: "447860099299", to: "919812345678", content: { body: { text: "x" }, action: { buttons: [] } } };
    const error = refused(() => fromProvider("infobip", body));
    expect([error.code, error.path]).toEqual(["invalid-body", "/content"]);
    const location = { from: "447860099299", to: "919812345678", content: { body: { text: "Where?" } } };
    expect(fromProvider("infobip", location)).toMatchObject({ interactive: { type: "location_request_message", action: { name: "send_location" } } });
  });

  it("refuses what Infobip cannot carry, naming it", () => {
    const flow = (parameters: object) => ({
      ...message,
      interactive: { type: "flow", body: { text: "Book" }, action: { name: "flow", parameters: { flow_message_version: "3", flow_cta: "Book", ...parameters } } },
    });
    const byName = refused(() => toProvider("infobip", flow({ flow_name: "booking", flow_token: "t" }), from));
    expect([byName.code, byName.path]).toEqual(["unsupported-field", "/interactive/action/parameters/flow_name"]);
    const noToken = refused(() => toProvider("infobip", flow({ flow_id: "1" }), from));
    expect([noToken.code, noToken.path]).toEqual(["unsupported-field", "/interactive/action/parameters/flow_token"]);
    expect(noToken.message).toContain("/content/action/flowToken");
    const uploaded = { ...message, interactive: { ...interactive, header: { type: "video", video: { id: "123" } } } };
    expect(refused(() => toProvider("infobip", uploaded, from)).path).toBe("/interactive/header/video/id");
    const catalog = refused(() =>
      toProvider("infobip", { ...message, interactive: { type: "catalog_message", body: { text: "x" }, action: { name: "catalog_message" } } } as never, from),
    );
    expect(catalog.code).toBe("unsupported-kind");
  });
});

describe("refusals", () => {
  it("validates the message first: an invalid message is an error carrying every issue", () => {
    const error = refused(() =>
      toProvider("meta", { ...message, interactive: { ...interactive, body: { text: "" } } }),
    );
    expect(error.code).toBe("invalid-message");
    expect(error.issues.map((i) => i.path)).toContain("/interactive/body/text");
  });

  it("a kind the provider does not carry is an unsupported-kind error with the reason", () => {
    const reaction = {
      messaging_product: "whatsapp",
      to: "919812345678",
      type: "reaction",
      reaction: { message_id: "wamid.X", emoji: "👍" },
    };
    const senders: Partial<Record<ProviderName, object>> = { vonage: { from: "447700900000" }, exotel: { from: "+918047112233" } };
    for (const provider of PROVIDERS) {
      const send = () => (toProvider as (p: ProviderName, m: unknown, o?: object) => unknown)(provider, reaction, senders[provider]);
      if (CAPABILITIES[provider].reaction !== "unsupported") {
        expect(fromProvider(provider, send())).toMatchObject(reaction);
        continue;
      }
      const error = refused(send);
      expect(error.code).toBe("unsupported-kind");
      expect(error.message).toContain(CAPABILITY_NOTES[provider].reaction!);
    }
  });

  it("a field the provider has no place for is refused, not dropped", () => {
    expect(refused(() => toProvider("vonage", { ...message, biz_opaque_callback_data: "x" }, { from: "1" })).path).toBe(
      "/biz_opaque_callback_data",
    );
    expect(refused(() => toProvider("aisoule", { ...message, context: { message_id: "wamid.X" } })).path).toBe(
      "/context",
    );
    const reactionToGroup = {
      messaging_product: "whatsapp",
      recipient_type: "group",
      to: "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD",
      type: "reaction",
      reaction: { message_id: "wamid.X", emoji: "👍" },
    } as const;
    const group = refused(() => toProvider("vonage", reactionToGroup, { from: "1" }));
    expect([group.code, group.path]).toEqual(["unsupported-field", "/recipient_type"]);
    expect(toProvider("exotel", reactionToGroup, { from: "+918047112233" }).whatsapp.messages[0]!.content).toMatchObject({ recipient_type: "group" });
    const bsuid = {
      messaging_product: "whatsapp",
      recipient: "US.13491208655302741918",
      type: "interactive",
      interactive,
    };
    for (const provider of ["whatsapp-node-sdk", "vonage", "exotel", "aisoule"] as const) {
      expect(refused(() => toProvider(provider as "aisoule", bsuid, { from: "1" } as never)).path).toBe("/recipient");
    }
  });

  it("options: the sender is required where the provider needs one; unknown options are typos", () => {
    expect(refused(() => (toVonage as (m: unknown, o?: object) => unknown)(message)).code).toBe("bad-option");
    expect(refused(() => toProvider("exotel", message, {} as never)).message).toContain("options.from is required");
    expect(refused(() => toProvider("vonage", message, { from: "1", clientref: "x" } as never)).message).toContain(
      'unknown option "clientref"',
    );
    expect(refused(() => toProvider("vonage", message, { from: 1 } as never)).message).toContain("must be a string");
    const long = refused(() => toProvider("vonage", message, { from: "1", clientRef: "x".repeat(101) }));
    expect(long.code).toBe("bad-option");
    expect(long.message).toContain("options.clientRef");
  });

  it("an unknown provider is named", () => {
    expect(() => toProvider("twilio" as ProviderName as "meta", message)).toThrow(/unknown provider "twilio"/);
    expect(() => fromProvider("twilio" as ProviderName, {})).toThrow(/unknown provider "twilio"/);
  });
});

describe("fromProvider", () => {
  it("checks the body first", () => {
    const error = refused(() => fromProvider("vonage", { to: "1", channel: "sms" }));
    expect(error.code).toBe("invalid-body");
    expect(error.issues.length).toBeGreaterThan(0);
  });

  it("refuses an Exotel body holding several messages rather than keep only the first", () => {
    const body = toProvider("exotel", message, { from: "+918047112233" });
    const two = {
      whatsapp: { messages: [body.whatsapp.messages[0], { ...body.whatsapp.messages[0], to: "919800000000" }] },
    };
    const error = refused(() => fromProvider("exotel", two));
    expect([error.code, error.path]).toEqual(["unsupported-field", "/whatsapp/messages"]);
  });

  it("restores what the provider implies", () => {
    expect(fromProvider("vonage", toProvider("vonage", message, { from: "1" }))).toEqual({
      ...message,
      recipient_type: "individual",
    });
  });
});
