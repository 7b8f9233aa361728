/**
 * Every limit a builder can reach, one builder at a time: a value at the limit builds, one past it
 * throws a ValidationError naming the path, the rule, the limit and the actual value.
 */
import { describe, expect, it } from "vitest";
import * as wa from "../../generated/src/index.ts";
import { ValidationError, type ValidationIssue } from "../../generated/src/index.ts";

const x = (n: number) => "x".repeat(n);
const emoji = (n: number) => "😀".repeat(n); // one code point, two UTF-16 units each

interface Buildable {
  build(): unknown;
  safeBuild(): { ok: boolean; errors?: ValidationIssue[] };
}

function errorsOf(b: Buildable): ValidationIssue[] {
  const result = b.safeBuild();
  expect(result.ok).toBe(false);
  try {
    b.build();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).errors).toEqual(result.errors);
    return (e as ValidationError).errors;
  }
  throw new Error("build() did not throw");
}

/** `make(text of n characters)` builds at `limit` and reports exactly this issue at `limit + 1`. */
function textLimit(make: (s: string) => Buildable, limit: number, path: string, fills = [x, emoji]) {
  for (const fill of fills) {
    expect(make(fill(limit)).safeBuild().ok, `${path} at ${limit}`).toBe(true);
    expect(errorsOf(make(fill(limit + 1)))).toEqual([expect.objectContaining({ path, rule: "maxLength", limit, actual: limit + 1 })]);
  }
}

/** `make(n)` builds at `limit` items and reports `rule` at `limit + 1`. */
function countLimit(make: (n: number) => Buildable, limit: number, path: string, rule = "maxItems") {
  expect(make(limit).safeBuild().ok, `${path} with ${limit}`).toBe(true);
  expect(errorsOf(make(limit + 1))).toContainEqual(expect.objectContaining({ path, rule, limit, actual: limit + 1 }));
}

const ids = (n: number, prefix = "id") => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe("reply buttons", () => {
  const base = () => wa.button().body("Pick a slot").reply("slot-1", "15:00");
  it("body, header and footer", () => {
    textLimit((s) => wa.button().body(s).reply("a", "A"), 1024, "/body/text");
    textLimit((s) => base().header.text(s), 60, "/header/text");
    textLimit((s) => base().footer(s), 60, "/footer/text");
    // Meta documents no limit for a document's file name, so a long one passes (and is never clamped).
    expect(base().header.document({ link: "https://example.com/a.pdf", filename: `${"a".repeat(300)}.pdf` }).safeBuild().ok).toBe(true);
  });
  it("button ids and titles", () => {
    textLimit((s) => wa.button().body("b").reply("a", s), 20, "/action/buttons/0/reply/title");
    textLimit((s) => wa.button().body("b").reply(s, "A"), 256, "/action/buttons/0/reply/id");
  });
  it("one to three buttons, from the chain or from an array", () => {
    countLimit((n) => wa.button().body("b").buttons(ids(n).map((id) => ({ id, title: id }))), 3, "/action/buttons");
    expect(errorsOf(wa.button().body("b"))).toEqual([expect.objectContaining({ path: "/action", rule: "required", message: expect.stringContaining('"buttons"') })]);
  });
  it("unique ids and titles", () => {
    const issues = errorsOf(wa.button().body("b").reply("a", "Same").reply("a", "Same"));
    expect(issues.map((i) => [i.path, i.rule])).toEqual([
      ["/action/buttons/1/reply/id", "x-uniqueValues"],
      ["/action/buttons/1/reply/title", "x-uniqueValues"],
    ]);
  });
  it("media headers", () => {
    expect(base().header.image({ id: "123" }).safeBuild().ok).toBe(true);
    expect(base().header.video({ link: "https://example.com/v.mp4" }).safeBuild().ok).toBe(true);
    expect(errorsOf(base().header.image({ link: "not a url" }))).toEqual([expect.objectContaining({ path: "/header/image/link", rule: "pattern" })]);
  });
});

describe("list", () => {
  const one = (s: wa.ListSectionBuilder) => s.row("a", "A");
  it("body, header, footer and button label", () => {
    textLimit((s) => wa.list("Open").body(s).section(one), 4096, "/body/text");
    textLimit((s) => wa.list("Open").body("b").header.text(s).section(one), 60, "/header/text");
    textLimit((s) => wa.list("Open").body("b").footer(s).section(one), 60, "/footer/text");
    textLimit((s) => wa.list(s).body("b").section(one), 20, "/action/button");
  });
  it("rows: id, title, description", () => {
    textLimit((s) => wa.list("Open").body("b").section((sec) => sec.row(s, "A")), 200, "/action/sections/0/rows/0/id");
    textLimit((s) => wa.list("Open").body("b").section((sec) => sec.row("a", s)), 24, "/action/sections/0/rows/0/title");
    textLimit((s) => wa.list("Open").body("b").section((sec) => sec.row("a", "A", s)), 72, "/action/sections/0/rows/0/description");
  });
  it("section titles: 24 characters, required with more than one section", () => {
    textLimit((s) => wa.list("Open").body("b").section(s, one), 24, "/action/sections/0/title");
    const untitled = wa.list("Open").body("b").section(one).section((sec) => sec.row("b", "B"));
    expect(errorsOf(untitled).map((i) => [i.path, i.rule])).toEqual([
      ["/action/sections/0", "x-requiredIfMultiple"],
      ["/action/sections/1", "x-requiredIfMultiple"],
    ]);
  });
  it("ten rows in total across sections, unique across the list", () => {
    countLimit((n) => wa.list("Open").body("b").section("A", (s) => s.rows(ids(n).map((id) => ({ id, title: id })))), 10, "/action/sections/0/rows");
    const split = (n: number) => wa.list("Open").body("b").section("A", (s) => s.rows(ids(5).map((id) => ({ id, title: id })))).section("B", (s) => s.rows(ids(n - 5, "b").map((id) => ({ id, title: id }))));
    countLimit(split, 10, "/action", "x-maxTotal");
    // Within a section a duplicate id is an error; across sections Meta does not say, so a warning.
    expect(errorsOf(wa.list("Open").body("b").section("A", (s) => s.row("same", "A").row("same", "B")))).toEqual([
      expect.objectContaining({ path: "/action/sections/0/rows/1/id", rule: "x-uniqueValues", severity: "error" }),
    ]);
    const across = wa.list("Open").body("b").section("A", (s) => s.row("same", "A")).section("B", (s) => s.row("same", "B"));
    expect(across.safeBuild()).toMatchObject({ ok: true, warnings: [{ path: "/action/sections/1/rows/0/id", rule: "x-uniqueValues", severity: "warning" }] });
    expect(across.safeBuild({ strict: true })).toMatchObject({ ok: false, errors: [{ path: "/action/sections/1/rows/0/id", rule: "x-uniqueValues", severity: "error" }] });
    expect(() => across.build({ strict: true })).toThrow(wa.ValidationError);
    expect(across.build().action.sections).toHaveLength(2);
  });
  it("one to ten sections", () => {
    countLimit((n) => wa.list("Open").body("b").sections(ids(n).map((id) => ({ title: id, rows: [{ id, title: id }] }))), 10, "/action/sections");
    expect(errorsOf(wa.list("Open").body("b"))).toEqual([expect.objectContaining({ path: "/action", rule: "required", message: expect.stringContaining('"sections"') })]);
  });
});

describe("single and multi-product", () => {
  it("product: body and footer optional, limits apply", () => {
    expect(wa.product("cat", "sku").safeBuild().ok).toBe(true);
    textLimit((s) => wa.product("cat", "sku").body(s), 1024, "/body/text");
    textLimit((s) => wa.product("cat", "sku").footer(s), 60, "/footer/text");
    expect(wa.product(" cat", "sku").safeBuild()).toMatchObject({ ok: true, warnings: [{ path: "/action/catalog_id", rule: "x-trimmed" }] });
  });
  it("product list: 30 products across sections, each once, ten sections", () => {
    const make = (n: number) => wa.productList("cat").header.text("Shoes").body("Pick").section("A", (s) => s.productItems(ids(n).map((id) => ({ product_retailer_id: id }))));
    countLimit(make, 30, "/action/sections/0/product_items");
    const split = (n: number) =>
      wa.productList("cat").header.text("Shoes").body("Pick")
        .section("A", (s) => s.productItems(ids(20).map((id) => ({ product_retailer_id: id }))))
        .section("B", (s) => s.productItems(ids(n - 20, "b").map((id) => ({ product_retailer_id: id }))));
    countLimit(split, 30, "/action", "x-maxTotal");
    textLimit((s) => wa.productList("cat").header.text(s).body("b").section((sec) => sec.productItem("sku")), 60, "/header/text");
    textLimit((s) => wa.productList("cat").header.text("h").body("b").section(s, (sec) => sec.productItem("sku")), 24, "/action/sections/0/title");
    expect(errorsOf(wa.productList("cat").body("b").section((s) => s.productItem("sku")))).toEqual([expect.objectContaining({ path: "", rule: "required", message: expect.stringContaining('"header"') })]);
  });
});

describe("catalog, CTA URL, location request, call permission, voice call", () => {
  it("catalog message", () => {
    expect(wa.catalogMessage().body("See our catalog").thumbnailProductRetailerId("sku").build()).toEqual({
      type: "catalog_message",
      body: { text: "See our catalog" },
      action: { name: "catalog_message", parameters: { thumbnail_product_retailer_id: "sku" } },
    });
    textLimit((s) => wa.catalogMessage().body(s), 1024, "/body/text");
  });
  it("CTA URL", () => {
    textLimit((s) => wa.ctaUrl(s, "https://example.com").body("b"), 20, "/action/parameters/display_text");
    expect(errorsOf(wa.ctaUrl("Track", "example.com/track").body("b"))).toEqual([expect.objectContaining({ path: "/action/parameters/url", rule: "pattern" })]);
  });
  it("location request and call permission", () => {
    expect(wa.locationRequest().body("Where are you?").build()).toEqual({ type: "location_request_message", body: { text: "Where are you?" }, action: { name: "send_location" } });
    textLimit((s) => wa.locationRequest().body(s), 1024, "/body/text");
    expect(wa.callPermissionRequest().build()).toEqual({ type: "call_permission_request", action: { name: "call_permission_request" } });
  });
  it("voice call", () => {
    textLimit((s) => wa.voiceCall().body("b").parameters({ display_text: s }), 20, "/action/parameters/display_text");
    textLimit((s) => wa.voiceCall().body("b").parameters({ payload: s }), 512, "/action/parameters/payload");
    expect(wa.voiceCall().body("b").parameters({ ttl_minutes: 43200 }).safeBuild().ok).toBe(true);
    expect(errorsOf(wa.voiceCall().body("b").parameters({ ttl_minutes: 43201 }))).toEqual([expect.objectContaining({ path: "/action/parameters/ttl_minutes", rule: "maximum", limit: 43200 })]);
  });
});

describe("flow and address", () => {
  it("flow: exactly one of flow id or name, button text without emoji", () => {
    const ok = wa.flow("Book now").body("b").flowId("1234").flowActionPayload({ screen: "START", data: { slot: "15:00" } }).build();
    expect(ok.action.parameters).toEqual({ flow_message_version: "3", flow_id: "1234", flow_cta: "Book now", flow_action_payload: { screen: "START", data: { slot: "15:00" } } });
    textLimit((s) => wa.flow(s).body("b").flowId("1"), 30, "/action/parameters/flow_cta", [x]);
    expect(errorsOf(wa.flow("Book 📅").body("b").flowId("1"))).toEqual([expect.objectContaining({ path: "/action/parameters/flow_cta", rule: "x-noEmoji" })]);
    expect(errorsOf(wa.flow("Book").body("b").flowId("1").flowName("booking"))).toEqual([expect.objectContaining({ path: "/action/parameters", rule: "oneOf" })]);
  });
  it("address message", () => {
    const built = wa.addressMessage().body("Where should we deliver?").values({ name: "Asha", in_pin_code: "560001" }).savedAddress("home", { city: "Bengaluru" }).build();
    expect(built.action).toEqual({ name: "address_message", parameters: { country: "IN", values: { name: "Asha", in_pin_code: "560001" }, saved_addresses: [{ id: "home", value: { city: "Bengaluru" } }] } });
    textLimit((s) => wa.addressMessage().body("b").values({ in_pin_code: s }), 6, "/action/parameters/values/in_pin_code");
  });
});

describe("carousel", () => {
  const media = (i: number) => (c: wa.MediaCarouselCardBuilder) => c.header.image(`https://example.com/${i}.png`).body(`Card ${i}`).quickReply(`buy-${i}`, "Buy");
  it("numbers the cards and fills in their kind", () => {
    const built = wa.carousel().body("Picks").ctaUrl(media(0)).ctaUrl(media(1)).build();
    expect(built.action.cards.map((c) => [c.card_index, c.type])).toEqual([[0, "cta_url"], [1, "cta_url"]]);
    const products = wa.carousel().body("Picks").product("sku-1", "cat").product("sku-2", "cat").build();
    expect(products.action.cards[1]).toEqual({ card_index: 1, type: "product", action: { product_retailer_id: "sku-2", catalog_id: "cat" } });
  });
  it("two to ten cards, alike", () => {
    countLimit((n) => ids(n).reduce((b, _, i) => b.ctaUrl(media(i)), wa.carousel().body("Picks") as never as { ctaUrl: Function } & Buildable) as Buildable, 10, "/action/cards");
    expect(errorsOf(wa.carousel().body("Picks").ctaUrl(media(0)))).toEqual([expect.objectContaining({ path: "/action/cards", rule: "minItems", limit: 2 })]);
    const mixed = wa.carousel().body("Picks").ctaUrl(media(0)).ctaUrl((c) => c.header.image("https://example.com/1.png").quickReply("x", "X").quickReply("y", "Y"));
    expect(errorsOf(mixed)).toEqual([expect.objectContaining({ path: "/action/cards/1", rule: "x-uniformItems" })]);
  });
  it("card text, URL button and quick replies", () => {
    const urlCard = (text: string) => (c: wa.MediaCarouselCardBuilder) => c.header.image("https://example.com/1.png").body(text).displayText("Open").url("https://example.com");
    textLimit((s) => wa.carousel().body("Picks").ctaUrl(urlCard(s)).ctaUrl(urlCard("Second")), 160, "/action/cards/0/body/text");
    textLimit((s) => wa.carousel().body("Picks").ctaUrl((c) => c.header.image("https://example.com/1.png").displayText(s).url("https://example.com")).ctaUrl((c) => c.header.image("https://example.com/2.png").displayText("Open").url("https://example.com")), 20, "/action/cards/0/action/parameters/display_text");
    textLimit((s) => wa.carousel().body("Picks").ctaUrl((c) => c.header.image("https://example.com/1.png").quickReply("a", s)).ctaUrl(media(1)), 20, "/action/cards/0/action/buttons/0/quick_reply/title");
    const url = wa.carousel().body("Picks").ctaUrl(urlCard("A")).ctaUrl(urlCard("B")).build();
    expect(url.action.cards[0]!).toMatchObject({ action: { name: "cta_url", parameters: { display_text: "Open", url: "https://example.com" } } });
    // More than two quick replies: a warning (the carousel page states no maximum).
    const three = wa.carousel().body("Picks").ctaUrl((c) => c.header.image("https://example.com/1.png").buttons(ids(3).map((id) => ({ id, title: id })))).ctaUrl((c) => c.header.image("https://example.com/2.png").buttons(ids(3, "b").map((id) => ({ id, title: id }))));
    expect(three.safeBuild()).toMatchObject({ ok: true, warnings: [{ path: "/action/cards/0/action/buttons", rule: "maxItems", limit: 2, actual: 3 }, { path: "/action/cards/1/action/buttons", rule: "maxItems" }] });
  });
});

describe("reaction and envelopes", () => {
  it("a reaction is exactly one emoji, or empty to remove it", () => {
    for (const e of ["👍", "👍🏽", "🇮🇳", "👨‍👩‍👧", "1️⃣", ""]) expect(wa.reaction("wamid.1", e).safeBuild().ok, e).toBe(true);
    expect(errorsOf(wa.reaction("wamid.1", "👍👍"))).toEqual([expect.objectContaining({ path: "/emoji", rule: "x-emoji" })]);
  });
  it("envelopes take a built message or its builder", () => {
    const menu = wa.button().body("b").reply("a", "A");
    const fromBuilder = wa.interactiveMessage(menu).to("+15551234567").messageId("wamid.quoted").bizOpaqueCallbackData("ticket-9").build();
    expect(fromBuilder).toEqual({ messaging_product: "whatsapp", to: "+15551234567", type: "interactive", context: { message_id: "wamid.quoted" }, biz_opaque_callback_data: "ticket-9", interactive: menu.build() });
    expect(wa.interactiveMessage(menu.build()).to("+15551234567").build()).toEqual({ messaging_product: "whatsapp", to: "+15551234567", type: "interactive", interactive: menu.build() });
    textLimit((s) => wa.interactiveMessage(menu).to("1").bizOpaqueCallbackData(s), 512, "/biz_opaque_callback_data");
    expect(errorsOf(wa.interactiveMessage(menu))).toEqual([expect.objectContaining({ path: "", rule: "anyOf" })]);
    expect(wa.reactionMessage(wa.reaction("wamid.1", "👍")).recipient("US.1349").build()).toEqual({ messaging_product: "whatsapp", recipient: "US.1349", type: "reaction", reaction: { message_id: "wamid.1", emoji: "👍" } });
  });
  it("an envelope reports issues of the message inside it at their full path", () => {
    expect(errorsOf(wa.interactiveMessage(wa.button().body("b").reply("a", x(21))).to("1"))).toEqual([expect.objectContaining({ path: "/interactive/action/buttons/0/reply/title", rule: "maxLength" })]);
  });
});
