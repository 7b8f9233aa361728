/**
 * The emulator without a browser: sends answered as each provider's API answers, the 24-hour
 * window, signed status and customer webhooks that the package's own verifyWebhook and
 * parseWebhook accept, bounded retries, the request size limit and the page's guards.
 */
import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ProviderName, button, list, parseWebhook } from "../../generated/src/index.ts";
import { SIGNATURES, verifyWebhook } from "../../generated/src/verify.ts";
import { CustomerActionError, EMULATED_PROVIDERS, createEmulator, type Emulator, MAX_BODY_BYTES, SERVICE_WINDOW_MS, UnsupportedAction } from "../../generated/src/emulator/index.ts";
import { SECRET, TOKEN, message, providerBody, send } from "./send.ts";
import { type WebhookSink, webhookSink } from "./webhook-sink.ts";

const CUSTOMER = "+16505551234";
const buttons = button().body("Pick a slot").reply("slot-1", "15:00").reply("slot-2", "16:30").build();
const menu = list("Select Topic")
  .body("How can we help?")
  .section("Orders", (s) => s.row("track_order", "Track My Order", "Get real-time delivery status"))
  .build();

let sink: WebhookSink;
let emulator: Emulator | undefined;
beforeAll(async () => {
  sink = await webhookSink();
});
afterAll(() => sink.close());
afterEach(async () => {
  await emulator?.settled();
  await emulator?.close();
  emulator = undefined;
  sink.received.length = 0;
  sink.answers.length = 0;
});

async function start(provider: ProviderName = "meta", extra: object = {}) {
  emulator = await createEmulator({ webhook: sink.url, appSecret: SECRET, token: TOKEN, provider, retryDelaysMs: [0, 10], ...extra });
  return emulator;
}

/** Infobip's delivery reports: `results[]` items with a `status`. */
function isInfobipReport(raw: string): boolean {
  return (JSON.parse(raw) as { results?: { status?: unknown }[] }).results?.[0]?.status !== undefined;
}

/** The Infobip delivery reports the bot got, as "<message id> <status name>". */
async function infobipReports() {
  await emulator!.settled();
  return sink.received.filter((r) => isInfobipReport(r.raw)).flatMap((r) => (JSON.parse(r.raw) as { results: { messageId: string; status: { name: string } }[] }).results.map((x) => `${x.messageId} ${x.status.name}`));
}

/** Every post the bot got, checked for its signature and parsed as the provider's webhook (Infobip's delivery reports aside). */
async function events(provider: ProviderName) {
  await emulator!.settled();
  const out = [];
  for (const { raw, headers } of sink.received) {
    if (provider === "infobip" && isInfobipReport(raw)) continue;
    if (SIGNATURES[provider].scheme === "none") expect(headers).not.toHaveProperty("x-hub-signature-256");
    else expect(await verifyWebhook(provider, { rawBody: raw, headers, secret: SECRET }), raw).toEqual({ ok: true });
    const parsed = parseWebhook(provider, raw, { sent: (id) => emulator!.conversations().flatMap((c) => c.bubbles).find((b) => b.id === id)?.message as never });
    expect(parsed.errors, raw).toEqual([]);
    out.push(...parsed.events);
  }
  return out;
}

describe("sends as the Cloud API takes them", () => {
  it("answers a valid send with the contact and a wamid, then posts sent, delivered and read, signed", async () => {
    const e = await start();
    await e.user(CUSTOMER).say("hi");
    const answer = await send(e.url, "meta", message(CUSTOMER, buttons));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ messaging_product: "whatsapp", contacts: [{ input: CUSTOMER, wa_id: "16505551234" }], messages: [{ id: expect.stringMatching(/^wamid\./) }] });
    const got = await events("meta");
    expect(got.map((x) => x.kind === "status" ? `${x.status!.status} ${x.messageId}` : x.kind)).toEqual([
      "text",
      `sent ${answer.body.messages[0].id}`,
      `delivered ${answer.body.messages[0].id}`,
      `read ${answer.body.messages[0].id}`,
    ]);
  });

  it("refuses an invalid message with Meta's error shape, the code for its first issue, and every issue in the details", async () => {
    const e = await start();
    const bad = message(CUSTOMER, { ...buttons, body: { text: "x".repeat(1025) } });
    const answer = await send(e.url, "meta", bad);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, type: "OAuthException", message: "(#100) Invalid parameter", error_data: { messaging_product: "whatsapp" }, fbtrace_id: expect.any(String) });
    expect(answer.body.error.error_data.details).toContain("/interactive/body/text [maxLength]");
    const wrong = await send(e.url, "meta", message(CUSTOMER, { ...buttons, action: { buttons: [{ type: "reply", reply: { id: "a", title: "" } }] } }));
    expect(wrong.body.error.code).toBe(131009);
    const missing = await send(e.url, "meta", message(CUSTOMER, { type: "button", action: buttons.action }));
    expect(missing.body.error.code).toBe(131008);
    // The page has the refused sends, each with its issues.
    const refused = e.conversations()[0]!.bubbles.filter((b) => b.direction === "refused");
    expect(refused).toHaveLength(3);
    expect(refused[0]!.issues![0]).toMatchObject({ path: "/interactive/body/text", rule: "maxLength", limit: 1024 });
    expect(sink.received).toEqual([]);
  });

  it("refuses a wrong token (401, code 190), text that is not JSON, an unknown route, and a body over the size limit (413)", async () => {
    const e = await start();
    expect(await send(e.url, "meta", message(CUSTOMER, buttons), { authorization: "Bearer nope" })).toMatchObject({ status: 401, body: { error: { code: 190 } } });
    expect(await send(e.url, "meta", message(CUSTOMER, buttons), {})).toMatchObject({ status: 401 });
    expect(await send(e.url, "meta", "{not json")).toMatchObject({ status: 400, body: { error: { code: 100 } } });
    const notFound = await fetch(`${e.url}/v23.0/1/media`, { method: "POST" });
    expect(notFound.status).toBe(404);
    const big = await send(e.url, "meta", JSON.stringify({ ...message(CUSTOMER, buttons), pad: "x".repeat(MAX_BODY_BYTES) }));
    expect(big.status).toBe(413);
    expect(big.body.error.error_data.details).toContain("maxBytes");
  });

  it("checks text and template messages itself: a text over 4096 characters is refused", async () => {
    const e = await start();
    await e.user(CUSTOMER).say("hi");
    const text = { messaging_product: "whatsapp", to: CUSTOMER, type: "text", text: { body: "Hello *there*" } };
    expect((await send(e.url, "meta", text)).status).toBe(200);
    const long = await send(e.url, "meta", { ...text, text: { body: "x".repeat(4097) } });
    expect(long.body.error.error_data.details).toContain("/text/body [maxLength] text body is 4097 characters; WhatsApp allows at most 4096");
  });
});

describe("the 24-hour customer-service window", () => {
  it("fails a non-template message outside it with 131047, and lets a template through", async () => {
    let clock = Date.UTC(2026, 0, 1);
    const e = await start("meta", { now: () => clock });
    const first = await send(e.url, "meta", message(CUSTOMER, buttons));
    expect(first.status).toBe(200); // Meta accepts the request; the failure comes as a status
    await e.user(CUSTOMER).say("hello");
    clock += SERVICE_WINDOW_MS - 1;
    const inside = await send(e.url, "meta", message(CUSTOMER, buttons));
    clock += 1;
    const outside = await send(e.url, "meta", message(CUSTOMER, buttons));
    const template = await send(e.url, "meta", { messaging_product: "whatsapp", to: CUSTOMER, type: "template", template: { name: "order_update", language: { code: "en" } } });
    const statuses = (await events("meta")).filter((x) => x.kind === "status");
    const of = (id: string) => statuses.filter((s) => s.messageId === id).map((s) => s.status!.status);
    expect(of(first.body.messages[0].id)).toEqual(["failed"]);
    expect(statuses.find((s) => s.messageId === first.body.messages[0].id)!.status!.errors![0]).toMatchObject({ code: "131047" });
    expect(of(inside.body.messages[0].id)).toEqual(["sent", "delivered", "read"]);
    expect(of(outside.body.messages[0].id)).toEqual(["failed"]);
    expect(of(template.body.messages[0].id)).toEqual(["sent", "delivered", "read"]);
  });
});

describe("the customer, from code", () => {
  it("taps, chooses, types, shares a location, submits a flow and reacts, each a webhook the bot parses", async () => {
    const e = await start();
    const user = e.user(CUSTOMER);
    await user.say("hi");
    const b = (await send(e.url, "meta", message(CUSTOMER, buttons))).body.messages[0].id;
    const l = (await send(e.url, "meta", message(CUSTOMER, menu))).body.messages[0].id;
    const flow = { type: "flow", body: { text: "Tell us" }, action: { name: "flow", parameters: { flow_message_version: "3", flow_id: "123", flow_cta: "Open", flow_token: "tok-1" } } };
    const f = (await send(e.url, "meta", message(CUSTOMER, flow))).body.messages[0].id;
    const loc = (await send(e.url, "meta", message(CUSTOMER, { type: "location_request_message", body: { text: "Where?" }, action: { name: "send_location" } }))).body.messages[0].id;
    await user.tap(b, "16:30");
    await user.choose(l, "track_order");
    await user.shareLocation({ latitude: 37.48, longitude: -122.14, name: "Office" }, loc);
    await user.submitFlow(f, { rating: 5 });
    await user.react(b, "👍");
    const got = (await events("meta")).filter((x) => x.kind !== "status");
    expect(got.map((x) => x.kind)).toEqual(["text", "button_reply", "list_reply", "location", "flow_reply", "reaction"]);
    expect(got[1]).toMatchObject({ from: "16505551234", replyTo: b, reply: { id: "slot-2", title: "16:30" } });
    expect(got[2]).toMatchObject({ replyTo: l, reply: { id: "track_order", title: "Track My Order", description: "Get real-time delivery status" } });
    expect(got[3]).toMatchObject({ replyTo: loc, location: { latitude: 37.48, longitude: -122.14, name: "Office" } });
    expect(got[4]).toMatchObject({ replyTo: f, flowResponse: { flow_token: "tok-1", rating: 5 } });
    expect(got[5]).toMatchObject({ reaction: { messageId: b, emoji: "👍" } });
    expect(e.conversations()[0]!.bubbles.find((x) => x.id === b)!.reactions).toEqual([{ from: "customer", emoji: "👍" }]);
  });

  it("says what a message has when a tap names something it does not", async () => {
    const e = await start();
    await e.user(CUSTOMER).say("hi");
    const b = (await send(e.url, "meta", message(CUSTOMER, buttons))).body.messages[0].id;
    await expect(e.user(CUSTOMER).tap(b, "17:00")).rejects.toThrow(new CustomerActionError(`message ${b} has no reply button "17:00"; it has "slot-1" (15:00), "slot-2" (16:30)`));
    await expect(e.user(CUSTOMER).choose(b, "x")).rejects.toThrow(/has no list rows/);
    await expect(e.user(CUSTOMER).tap("wamid.nope", "x")).rejects.toThrow(/received no message wamid\.nope/);
  });

  it("waits for the bot's next message, within a bound", async () => {
    const e = await start();
    const user = e.user(CUSTOMER);
    const next = user.nextMessage(2000);
    await send(e.url, "meta", message(CUSTOMER, buttons));
    expect((await next).message).toMatchObject({ interactive: { type: "button" } });
    await expect(user.nextMessage(20)).rejects.toThrow(/no message to 16505551234 within 20 ms/);
  });

  it("keeps a user known only by a business-scoped user id", async () => {
    const e = await start();
    const user = e.user({ userId: "US.13491208655302741918", name: "Ana" });
    await user.say("hi");
    const answer = await send(e.url, "meta", { messaging_product: "whatsapp", recipient: "US.13491208655302741918", type: "interactive", interactive: buttons });
    expect(answer.status).toBe(200);
    expect(answer.body.contacts).toEqual([{ input: "US.13491208655302741918", user_id: "US.13491208655302741918" }]);
    const got = await events("meta");
    expect(got[0]).toMatchObject({ kind: "text", fromUserId: "US.13491208655302741918" });
    expect(got.filter((x) => x.kind === "status").map((x) => x.status!.status)).toEqual(["sent", "delivered", "read"]);
  });
});

describe("every provider's wire format", () => {
  for (const provider of EMULATED_PROVIDERS) {
    it(`${provider}: a send answered as the provider does, statuses and the customer's text in its webhook`, async () => {
      const e = await start(provider);
      await e.user(CUSTOMER).say("hi");
      const answer = await send(e.url, provider, providerBody(provider, message(CUSTOMER, buttons)));
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
      const id = e.conversations()[0]!.bubbles.find((b) => b.direction === "out")!.id;
      expect(JSON.stringify(answer.body)).toContain(id);
      const got = await events(provider);
      expect(got[0]).toMatchObject({ kind: "text", text: "hi" });
      if (provider === "infobip") expect(await infobipReports()).toEqual(["PENDING_ENROUTE", "DELIVERED_TO_HANDSET", "SEEN"].map((s) => `${id} ${s}`));
      else expect(got.slice(1).map((x) => `${x.kind} ${x.messageId} ${x.status?.status}`)).toEqual(["sent", "delivered", "read"].map((s) => `status ${id} ${s}`));
      const bad = await send(e.url, provider, providerBody(provider, message(CUSTOMER, buttons)), {});
      expect(bad.status).toBe(401);
    });

    it(`${provider}: a tap, or a clear refusal where the provider documents no webhook for it`, async () => {
      const e = await start(provider);
      await e.user(CUSTOMER).say("hi");
      await send(e.url, provider, providerBody(provider, message(CUSTOMER, buttons)));
      const id = e.conversations()[0]!.bubbles.find((b) => b.direction === "out")!.id;
      if (provider === "aisoule") {
        await expect(e.user(CUSTOMER).tap(id, "15:00")).rejects.toThrow(UnsupportedAction);
        return;
      }
      await e.user(CUSTOMER).tap(id, "15:00");
      const tap = (await events(provider)).find((x) => x.kind !== "status" && x.kind !== "text");
      expect(tap).toMatchObject({ kind: "button_reply", replyTo: id, reply: { id: "slot-1", title: "15:00" } });
      // The customer answers the number the send came from, where the provider's body names one.
      const business = { vonage: "447700900000", exotel: "+918047112233", infobip: "441134960000" }[provider as string];
      if (business) expect(tap!.to).toBe(business);
    });
  }

  it("vonage and exotel refuse an invalid send in their own shapes", async () => {
    const bad = message(CUSTOMER, { ...buttons, footer: { text: "" } });
    let e = await start("vonage");
    const v = await send(e.url, "vonage", { channel: "whatsapp", message_type: "custom", from: "447700900000", to: CUSTOMER, custom: { type: "interactive", interactive: bad.interactive } });
    expect(v).toMatchObject({ status: 422, body: { title: "Invalid params", invalid_parameters: [expect.objectContaining({ name: "/custom/interactive/footer/text" })] } });
    await e.close();
    e = await start("exotel");
    const x = await send(e.url, "exotel", { whatsapp: { messages: [{ from: "+918047112233", to: CUSTOMER, content: { type: "interactive", interactive: bad.interactive } }] } });
    expect(x).toMatchObject({ status: 400, body: { metadata: { failed: 1 }, response: { whatsapp: { messages: [{ status: "failure" }] } } } });
  });
});

describe("infobip", () => {
  const ENDPOINT = "/whatsapp/1/message/interactive/";
  const infobipSend = (e: Emulator, interactive: unknown, kind: string, headers?: Record<string, string>) =>
    send(e.url, "infobip", providerBody("infobip", message(CUSTOMER, interactive)), headers, `${ENDPOINT}${kind}`);

  it("answers a send at its kind's endpoint with Infobip's PENDING answer, and refuses one at another kind's endpoint", async () => {
    const e = await start("infobip");
    const answer = await infobipSend(e, menu, "list");
    expect(answer).toMatchObject({ status: 200, body: { to: CUSTOMER, messageCount: 1, status: { groupId: 1, groupName: "PENDING", id: 7, name: "PENDING_ENROUTE" } } });
    expect(e.conversations()[0]!.bubbles[0]).toMatchObject({ id: answer.body.messageId, direction: "out", message: { to: CUSTOMER, interactive: { type: "list" } } });
    const misrouted = await infobipSend(e, menu, "buttons");
    expect(misrouted).toMatchObject({
      status: 400,
      body: { requestError: { serviceException: { messageId: "BAD_REQUEST", text: `a list message is sent to ${ENDPOINT}list, not ${ENDPOINT}buttons` } } },
    });
    expect(e.conversations()[0]!.bubbles.filter((b) => b.direction === "out")).toHaveLength(1);
  });

  it("refuses an invalid body with the package's issues by path, and a wrong token with 401", async () => {
    const e = await start("infobip");
    // The translated body shares objects with the message, so the change is made on a copy.
    const body = structuredClone(providerBody("infobip", message(CUSTOMER, buttons))) as { content: { body: { text: string } } };
    body.content.body.text = "x".repeat(1025);
    const bad = await send(e.url, "infobip", body);
    expect(bad.status).toBe(400);
    expect(bad.body.requestError.serviceException).toMatchObject({ messageId: "BAD_REQUEST" });
    expect(bad.body.requestError.serviceException.validationErrors["/content/body/text"]).toEqual([expect.stringContaining("[maxLength]")]);
    expect(await infobipSend(e, buttons, "buttons", { authorization: `Bearer ${TOKEN}` })).toMatchObject({
      status: 401,
      body: { requestError: { serviceException: { messageId: "UNAUTHORIZED" } } },
    });
  });

  it("posts each customer action unsigned in Infobip's results[] format, which parseWebhook reads back", async () => {
    const e = await start("infobip");
    const user = e.user(CUSTOMER);
    await user.say("hi");
    const b = (await infobipSend(e, buttons, "buttons")).body.messageId;
    const l = (await infobipSend(e, menu, "list")).body.messageId;
    const flow = { type: "flow", body: { text: "Tell us" }, action: { name: "flow", parameters: { flow_message_version: "3", flow_id: "123", flow_cta: "Open", flow_token: "tok-1" } } };
    const f = (await infobipSend(e, flow, "flow")).body.messageId;
    const loc = (await infobipSend(e, { type: "location_request_message", body: { text: "Where?" }, action: { name: "send_location" } }, "location-request")).body.messageId;
    await user.tap(b, "16:30");
    await user.choose(l, "track_order");
    await user.shareLocation({ latitude: 37.48, longitude: -122.14, name: "Office" }, loc);
    await user.submitFlow(f, { rating: 5 });
    await expect(user.react(b, "👍")).rejects.toThrow(UnsupportedAction);
    const got = await events("infobip");
    expect(got.map((x) => x.kind)).toEqual(["text", "button_reply", "list_reply", "location", "flow_reply"]);
    expect(got[0]).toMatchObject({ provider: "infobip", from: "16505551234", text: "hi" });
    // Once the bot has sent from its Infobip number, the customer writes to that number.
    expect(got[1]).toMatchObject({ to: "441134960000", replyTo: b, reply: { id: "slot-2", title: "16:30" } });
    expect(got[2]).toMatchObject({ replyTo: l, reply: { id: "track_order", title: "Track My Order", description: "Get real-time delivery status" } });
    expect(got[3]).toMatchObject({ replyTo: loc, location: { latitude: 37.48, longitude: -122.14, name: "Office" } });
    expect(got[4]).toMatchObject({ replyTo: f, flowResponse: { flow_token: "tok-1", rating: 5 } });
    expect(sink.received.every((r) => Object.keys(r.headers).every((h) => !/signature|authorization/i.test(h)))).toBe(true);
  });

  it("reports a send outside the 24-hour window as UNDELIVERABLE, with the error", async () => {
    const e = await start("infobip");
    const answer = await infobipSend(e, buttons, "buttons");
    expect(answer.status).toBe(200);
    expect(await infobipReports()).toEqual([`${answer.body.messageId} UNDELIVERABLE_NOT_DELIVERED`]);
    expect(JSON.parse(sink.received[0]!.raw).results[0].error).toMatchObject({ id: 131047 });
  });

  it("posts delivery reports that parseWebhook reads as status events, a failure with its error", async () => {
    const e = await start("infobip");
    await e.user(CUSTOMER).say("hi");
    const id = (await infobipSend(e, buttons, "buttons")).body.messageId;
    await e.settled();
    const statuses = () =>
      sink.received.filter((r) => isInfobipReport(r.raw)).flatMap((r) => {
        const parsed = parseWebhook("infobip", r.raw);
        expect(parsed.errors, r.raw).toEqual([]);
        return parsed.events;
      });
    expect(statuses().map((x) => `${x.kind} ${x.messageId} ${x.status?.status}`)).toEqual(["sent", "delivered", "read"].map((s) => `status ${id} ${s}`));
    await e.close();
    sink.received.length = 0;
    // A fresh emulator: the customer has not written, so the send falls outside the 24-hour window.
    const late = await start("infobip");
    const refused = (await infobipSend(late, buttons, "buttons")).body.messageId;
    await late.settled();
    expect(statuses()).toMatchObject([{ kind: "status", messageId: refused, status: { status: "failed", errors: [{ code: "131047" }] } }]);
  });
});

describe("webhook delivery", () => {
  it("retries a non-2xx answer after each configured delay, then gives up", async () => {
    const e = await start();
    sink.answers.push(500, 503);
    expect((await e.user(CUSTOMER).say("hi")).delivery).toMatchObject({ ok: true, attempts: 3, status: 200 });
    sink.answers.push(500, 500, 500, 500);
    expect((await e.user(CUSTOMER).say("again")).delivery).toMatchObject({ ok: false, attempts: 3, status: 500 });
    expect(e.conversations()[0]!.bubbles.at(-1)!.delivered).toBe(false);
    // Every attempt carried the same signed bytes.
    expect(new Set(sink.received.slice(3).map((r) => r.raw)).size).toBe(1);
  });

  it("refuses to start without a token, an app secret or an http webhook URL", async () => {
    await expect(createEmulator({ webhook: sink.url, appSecret: SECRET, token: "" })).rejects.toThrow(/token is required/);
    await expect(createEmulator({ webhook: sink.url, appSecret: "", token: TOKEN })).rejects.toThrow(/app secret is required/);
    await expect(createEmulator({ webhook: "file:///etc/passwd", appSecret: SECRET, token: TOKEN })).rejects.toThrow(/http or https/);
  });
});

describe("the page's guards", () => {
  it("serves the page with a nonce-only content security policy, on 127.0.0.1 by default", async () => {
    const e = await start();
    expect(e.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${e.url}/`);
    expect(page.headers.get("content-security-policy")).toMatch(/default-src 'none'; script-src 'nonce-[^']+'; style-src 'nonce-[^']+'; connect-src 'self'/);
    expect(await page.text()).not.toMatch(/https?:\/\/(?!127)/);
  });

  it("answers the page and its actions only on a loopback host name, and actions only as JSON", async () => {
    const e = await start();
    const port = new URL(e.url).port;
    const status = await new Promise<number>((resolve, reject) =>
      request({ host: "127.0.0.1", port, path: "/emulator/state", headers: { host: `attacker.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      }).on("error", reject).end(),
    );
    expect(status).toBe(403);
    const form = await fetch(`${e.url}/emulator/act`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(form.status).toBe(415);
  });
});
