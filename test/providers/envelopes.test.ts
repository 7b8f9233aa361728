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

  it("the Node SDK refuses a recipient that is not a plain number, naming it", () => {
    for (const to of ["+919812345678", "0919812345678", "GROUP_ID", "91 98123 45678", "1234567890123456"]) {
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

  it("aisoule refuses a number with + (its API takes digits only)", () => {
    const error = refused(() => toProvider("aisoule", { ...message, to: "+919812345678" }));
    expect(error.code).toBe("invalid-body");
    expect(error.issues.map((i) => [i.path, i.rule])).toEqual([["/to", "pattern"]]);
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
    const group = refused(() => toProvider("vonage", { ...message, recipient_type: "group" }, { from: "1" }));
    expect([group.code, group.path]).toEqual(["unsupported-field", "/recipient_type"]);
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
    expect(refused(() => toProvider("vonage", message, { from: "1", clientRef: "x".repeat(101) })).code).toBe(
      "invalid-body",
    );
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
