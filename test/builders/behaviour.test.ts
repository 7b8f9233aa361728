/**
 * How builders behave beyond the limits: immutable chains, plain JSON output, values given at run
 * time, input that is not what the types say, and narrowing replies with answerTo.
 */
import { describe, expect, it } from "vitest";
import * as wa from "../../generated/src/index.ts";

function isPlainJson(v: unknown): boolean {
  if (v === null || ["string", "number", "boolean"].includes(typeof v)) return true;
  if (Array.isArray(v)) return v.every(isPlainJson);
  return typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype && Object.getOwnPropertySymbols(v).length === 0 && Object.values(v).every(isPlainJson);
}

describe("builders", () => {
  it("are immutable: every call returns a new builder, so one can branch", () => {
    const base = wa.button().body("Pick a slot").reply("slot-1", "15:00");
    const two = base.reply("slot-2", "16:30");
    const other = base.reply("slot-3", "17:00");
    expect(base.build().action.buttons).toHaveLength(1);
    expect(two.build().action.buttons.map((b) => b.reply.id)).toEqual(["slot-1", "slot-2"]);
    expect(other.build().action.buttons.map((b) => b.reply.id)).toEqual(["slot-1", "slot-3"]);
  });

  it("build plain JSON objects in the documented key order, a fresh one each time", () => {
    const b = wa.list("Select Topic").footer("Reply AGENT").body("Welcome").header.text("Help Center").section("Orders", (s) => s.row("track_order", "Track My Order", "Get real-time delivery status"));
    const built = b.build();
    expect(isPlainJson(built)).toBe(true);
    expect(JSON.parse(JSON.stringify(built))).toEqual(built);
    expect(Object.keys(built)).toEqual(["type", "header", "body", "footer", "action"]);
    expect(Object.keys(built.action.sections[0]!.rows[0]!)).toEqual(["id", "title", "description"]);
    expect(b.build()).not.toBe(built);
    built.action.sections[0]!.rows[0]!.title = "changed";
    expect(b.build().action.sections[0]!.rows[0]!.title).toBe("Track My Order");
  });

  it("a later call to a setter wins; undefined removes", () => {
    const b = wa.button().body("first").body("second").footer("f").reply("a", "A");
    expect(b.build().body.text).toBe("second");
    expect(b.footer(undefined as never).build().footer).toBeUndefined();
  });

  it("array forms take records, keep unknown keys for validation to name, and accept only arrays", () => {
    const rows = wa.list("Open").body("b").section((s) => s.rows([{ id: "a", title: "A", colour: "red" } as never]));
    expect(rows.safeBuild()).toMatchObject({ ok: false, errors: [{ path: "/action/sections/0/rows/0/colour", rule: "additionalProperties" }] });
    const buttons = wa.button().body("b").buttons([{ id: "a", title: "A", url: "https://example.com" } as never]);
    expect(buttons.safeBuild()).toMatchObject({ ok: false, errors: [{ path: "/action/buttons/0/reply/url", rule: "additionalProperties" }] });
    const notArray = wa.button().body("b").buttons("a,b" as never);
    expect(notArray.safeBuild()).toMatchObject({ ok: false, errors: [{ path: "/action/buttons", rule: "type" }] });
    const mixed = wa.button().body("b").reply("first", "First").buttons([{ id: "second", title: "Second" }]).build();
    expect(mixed.action.buttons.map((x) => x.reply.id)).toEqual(["first", "second"]);
  });

  it("values that are not what the types say become issues, never exceptions from build paths", () => {
    const big = wa.button().body(10n as never).reply("a", "A");
    expect(big.safeBuild()).toMatchObject({ ok: false, errors: [{ path: "/body/text", rule: "type" }] });
    const date = wa.flow("Book").body("b").flowId("1").flowActionPayload({ screen: "S", data: { when: new Date(0) } } as never);
    expect(date.safeBuild()).toMatchObject({ ok: false, errors: [{ path: "/action/parameters/flow_action_payload/data/when", rule: "type" }] });
    const throwing = { get id(): string { throw new Error("boom"); }, title: "A" };
    const hostile = wa.button().body("b").buttons([throwing]);
    expect(hostile.safeBuild()).toMatchObject({ ok: false, errors: [{ rule: "exception" }] });
    expect(() => hostile.build()).toThrow(wa.ValidationError);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(wa.flow("Book").body("b").flowId("1").flowActionPayload({ screen: "S", data: cycle }).safeBuild()).toMatchObject({ ok: false });
    expect(wa.button().body("b").reply("a", "A").safeBuild({ onLimit: "cut" as never })).toMatchObject({ ok: false, errors: [{ rule: "onLimit" }] });
  });

  it("a callback must return the builder it was given", () => {
    expect(() => wa.list("Open").section((() => ({})) as never)).toThrow(TypeError);
    expect(() => wa.list("Open").section("title" as never)).toThrow(TypeError);
  });

  it("sub-builders and envelopes number, order and validate what they hold", () => {
    const card = (i: number) => (c: wa.MediaCarouselCardBuilder) => c.quickReply(`q${i}`, "Q").body(`Card ${i}`).header.image(`https://example.com/${i}.png`);
    const env = wa.interactiveMessage(wa.carousel().body("Picks").ctaUrl(card(0)).ctaUrl(card(1))).to("1").build();
    const interactive = env.interactive;
    if (interactive.type !== "carousel") throw new Error("expected a carousel");
    expect(interactive.action.cards.map((c) => c.card_index)).toEqual([0, 1]);
    expect(Object.keys(interactive.action.cards[0]!)).toEqual(["card_index", "type", "header", "body", "action"]);
  });
});

describe("answerTo", () => {
  const menu = wa.list("Select Topic").body("How can we help?").section("Orders", (s) => s.row("track_order", "Track My Order").row("cancel_order", "Cancel Order")).build();
  const confirm = wa.button().body("Sure?").reply("confirm_cancel", "Yes, Cancel").reply("keep_order", "No, Keep It");
  const event = (id: string) => ({ provider: "meta", kind: "list_reply" as const, messageId: "wamid.in", timestamp: "2026-01-01T00:00:00Z", reply: { id, title: "x" }, raw: {} });

  it("returns the reply when its id belongs to one of the messages", () => {
    const e = event("cancel_order");
    expect(answerTo(e)).toBe(e.reply);
    function answerTo(ev: ReturnType<typeof event>) {
      return wa.answerTo(ev, menu, confirm);
    }
    expect(wa.answerTo(event("keep_order"), menu, confirm)?.id).toBe("keep_order");
  });

  it("returns undefined for other ids, events without a reply, and nothing at all", () => {
    expect(wa.answerTo(event("track_order "), menu)).toBeUndefined();
    expect(wa.answerTo(event("keep_order"), menu)).toBeUndefined();
    expect(wa.answerTo({ reply: undefined }, menu)).toBeUndefined();
    expect(wa.answerTo(undefined, menu)).toBeUndefined();
    expect(wa.answerTo(null, menu)).toBeUndefined();
    expect(wa.answerTo({ reply: { id: 7 } } as never, menu)).toBeUndefined();
  });

  it("reads envelopes, carousels and messages from elsewhere", () => {
    const envelope = wa.interactiveMessage(menu).to("1").build();
    expect(wa.answerTo(event("track_order"), envelope)?.id).toBe("track_order");
    const card = (i: number) => (c: wa.MediaCarouselCardBuilder) => c.header.image(`https://example.com/${i}.png`).quickReply(`buy-${i}`, "Buy");
    const carousel = wa.carousel().body("Picks").ctaUrl(card(0)).ctaUrl(card(1)).build();
    expect(wa.answerTo(event("buy-1"), carousel)?.id).toBe("buy-1");
    const plain = JSON.parse(JSON.stringify(menu)) as unknown;
    expect(wa.answerTo(event("cancel_order"), plain)?.id).toBe("cancel_order");
    expect(wa.answerTo(event("cancel_order"), "not a message", 42, null)).toBeUndefined();
  });
});

describe("values given whole", () => {
  it("are copied with their keys in schema order, unknown keys after the known ones", () => {
    const document = { filename: "menu.pdf", link: "https://example.com/menu.pdf" };
    const value = wa.button().header.document(document).body("b").reply("a", "A").build();
    expect(value.header).toEqual({ type: "document", document: { link: "https://example.com/menu.pdf", filename: "menu.pdf" } });
    if (value.header?.type !== "document") throw new Error("expected a document header");
    expect(Object.keys(value.header.document)).toEqual(["link", "filename"]);
    const sections = wa
      .list("Open")
      .body("b")
      .sections([{ rows: [{ title: "A", id: "a", note: "x" } as never], title: "S" }])
      .safeBuild();
    expect(sections).toMatchObject({ ok: false, errors: [{ path: "/action/sections/0/rows/0/note", rule: "additionalProperties" }] });
    const ordered = wa.list("Open").body("b").sections([{ rows: [{ title: "A", id: "a" }], title: "S" }]).build();
    expect(Object.keys(ordered.action.sections[0]!)).toEqual(["title", "rows"]);
    expect(Object.keys(ordered.action.sections[0]!.rows[0]!)).toEqual(["id", "title"]);
  });

  it("are the builder's own: changing what was given does not change what was built", () => {
    const rows = [{ id: "a", title: "A" }];
    const b = wa.list("Open").body("b").section((s) => s.rows(rows));
    const first = b.build();
    rows[0]!.title = "changed";
    expect(first.action.sections[0]!.rows[0]!.title).toBe("A");
    expect(b.build().action.sections[0]!.rows[0]!.title).toBe("changed");
  });
});
