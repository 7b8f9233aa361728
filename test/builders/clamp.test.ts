/**
 * The opt-in clamp policy: display text is cut at a grapheme boundary with an ellipsis and every
 * cut is reported; ids, counts and structure are never touched and stay errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as wa from "../../generated/src/index.ts";
import { ValidationError } from "../../generated/src/index.ts";
import { clampText, ELLIPSIS } from "../../src/runtime/clamp.ts";
import { codePoints } from "../../src/runtime/unicode.ts";

const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s)].map((g) => g.segment);
const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe("clampText", () => {
  it("leaves text that fits alone", () => {
    expect(clampText("Track My Order", 24)).toBe("Track My Order");
    expect(clampText("😀".repeat(20), 20)).toBe("😀".repeat(20));
  });

  it.each([
    ["plain text", "Track my delivery", 8, "Track m…"],
    ["whitespace before the cut is dropped", "Track my delivery", 7, "Track…"],
    ["a skin-toned emoji is kept whole or left out", "ab👍🏽cd", 4, "ab…"],
    ["… and kept when it fits", "ab👍🏽cd", 5, "ab👍🏽…"],
    ["a flag is two code points and one grapheme", "ab🇮🇳cd", 4, "ab…"],
    ["… kept whole when it fits", "ab🇮🇳cd", 5, "ab🇮🇳…"],
    ["a ZWJ family (5 code points) is never split", "a👨‍👩‍👧b", 6, "a…"],
    ["… kept whole when it fits", "a👨‍👩‍👧bc", 7, "a👨‍👩‍👧…"],
    ["a keycap is one grapheme", "x1️⃣y", 3, "x…"],
    ["a letter keeps its accent", "e\u0301e\u0301e\u0301", 3, "e\u0301…"],
    ["a subdivision flag is one grapheme", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland", 3, "…"],
    ["astral letters count as one", "𝒜𝒜𝒜𝒜", 3, "𝒜𝒜…"],
  ])("%s", (_, input, limit, expected) => {
    const out = clampText(input, limit);
    expect(out).toBe(expected);
    expect(codePoints(out)).toBeLessThanOrEqual(limit);
    expect(hasLoneSurrogate(out)).toBe(false);
  });

  it("for any text and limit: within the limit, a grapheme prefix plus an ellipsis", () => {
    const pieces = ["a", " ", "é", "e\u0301", "😀", "👍🏽", "🇮🇳", "👨‍👩‍👧", "1️⃣", "𝒜", "中", "\n", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (parts, limit) => {
        const s = parts.join("");
        const out = clampText(s, limit);
        if (codePoints(s) <= limit) return out === s;
        expect(out.endsWith(ELLIPSIS)).toBe(true);
        expect(codePoints(out)).toBeLessThanOrEqual(limit);
        const kept = out.slice(0, -ELLIPSIS.length);
        const whole = graphemes(s);
        const prefix = graphemes(kept);
        expect(whole.slice(0, prefix.length)).toEqual(prefix);
        expect(hasLoneSurrogate(out)).toBe(false);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

describe("build({ onLimit: 'clamp' })", () => {
  const long = (label: string, n: number) => `${label} ${"x".repeat(n)}`;

  it("shortens every kind of display text and reports each change", () => {
    const { value, changes } = wa
      .list(long("Choose", 30))
      .header.text(long("Help", 70))
      .body("Welcome")
      .footer(long("Reply AGENT", 70))
      .section(long("Orders and deliveries", 10), (s) => s.row("track_order", long("Track My Order", 20), long("Get real-time delivery status", 60)))
      .build({ onLimit: "clamp" });
    expect(changes.map((c) => [c.path, c.limit, c.actual])).toEqual([
      ["/header/text", 60, 75],
      ["/footer/text", 60, 82],
      ["/action/button", 20, 37],
      ["/action/sections/0/title", 24, 32],
      ["/action/sections/0/rows/0/title", 24, 35],
      ["/action/sections/0/rows/0/description", 72, 90],
    ]);
    for (const c of changes) {
      expect(codePoints(c.to)).toBeLessThanOrEqual(c.limit);
      expect(c.to.endsWith(ELLIPSIS)).toBe(true);
    }
    expect(value.action.sections[0]!.rows[0]!.id).toBe("track_order");
    expect(value.header?.text).toBe(changes[0]!.to);
    expect(wa.validateListInteractive(value).ok).toBe(true);
  });

  it("cuts an emoji-laden button title without breaking an emoji", () => {
    const { value, changes } = wa.button().body("b").reply("family", "Plan 👨‍👩‍👧 for the whole family").build({ onLimit: "clamp" });
    const title = value.action.buttons[0]!.reply.title;
    // "Plan " (5) + the family (5 code points, one grapheme) + " for the " (9) fills the 19 before
    // the ellipsis; the space before the cut goes.
    expect(title).toBe("Plan 👨‍👩‍👧 for the…");
    expect(codePoints(title)).toBe(19);
    expect(changes).toEqual([{ path: "/action/buttons/0/reply/title", limit: 20, actual: 31, from: "Plan 👨‍👩‍👧 for the whole family", to: title }]);
  });

  it("is off by default: strict builds throw on the same text", () => {
    const b = wa.button().body("b").reply("a", "x".repeat(21));
    expect(() => b.build()).toThrow(ValidationError);
    expect(() => b.build({ onLimit: "strict" })).toThrow(ValidationError);
    expect(b.safeBuild()).toMatchObject({ ok: false, changes: [] });
    expect(b.safeBuild({ onLimit: "clamp" })).toMatchObject({ ok: true, changes: [{ path: "/action/buttons/0/reply/title" }] });
  });

  it("reports no changes when nothing is too long", () => {
    expect(wa.button().body("b").reply("a", "A").build({ onLimit: "clamp" }).changes).toEqual([]);
  });

  it("never shortens an id, a URL or a payload", () => {
    const id = "x".repeat(257);
    const err = (() => {
      try {
        wa.button().body("b").reply(id, "A").build({ onLimit: "clamp" });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(err?.errors).toEqual([expect.objectContaining({ path: "/action/buttons/0/reply/id", rule: "maxLength", limit: 256, actual: 257 })]);
    const payload = wa.voiceCall().body("b").parameters({ payload: "p".repeat(513) }).safeBuild({ onLimit: "clamp" });
    expect(payload).toMatchObject({ ok: false, changes: [], errors: [{ path: "/action/parameters/payload", rule: "maxLength" }] });
    const data = wa.interactiveMessage(wa.button().body("b").reply("a", "A")).to("1").bizOpaqueCallbackData("d".repeat(513)).safeBuild({ onLimit: "clamp" });
    expect(data).toMatchObject({ ok: false, errors: [{ path: "/biz_opaque_callback_data", rule: "maxLength" }] });
  });

  it("never drops buttons, rows or products, and never fixes structure", () => {
    const four = wa.button().body("b").buttons([1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `B${i}` }))).safeBuild({ onLimit: "clamp" });
    expect(four).toMatchObject({ ok: false, errors: [{ path: "/action/buttons", rule: "maxItems", limit: 3, actual: 4 }] });
    // The total comes first: an object's totals are checked before its parts.
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
    expect(wa.list("Open").body("b").section((s) => s.rows(rows)).safeBuild({ onLimit: "clamp" })).toMatchObject({ ok: false, errors: [{ rule: "x-maxTotal" }, { rule: "maxItems" }] });
    expect(wa.list("Open").section((s) => s.row("a", "A")).safeBuild({ onLimit: "clamp" })).toMatchObject({ ok: false, errors: [{ path: "", rule: "required" }] });
  });

  it("reports a clash the cut creates rather than hiding it", () => {
    const result = wa.button().body("b").reply("a", "Delivery slot today 15:00").reply("b", "Delivery slot today 16:30").safeBuild({ onLimit: "clamp" });
    expect(result).toMatchObject({ ok: false, errors: [{ path: "/action/buttons/1/reply/title", rule: "x-uniqueValues" }] });
    expect(result.changes).toHaveLength(2);
  });

  it("does not touch the caller's objects", () => {
    const rows = [{ id: "a", title: "A title much longer than twenty-four" }];
    const { value } = wa.list("Open").body("b").section((s) => s.rows(rows)).build({ onLimit: "clamp" });
    expect(rows[0]!.title).toBe("A title much longer than twenty-four");
    expect(value.action.sections[0]!.rows[0]!.title).toBe("A title much longer tha…");
  });

  it("reaches into a builder given to an envelope, reporting full paths", () => {
    const { value, changes } = wa.interactiveMessage(wa.button().body("b").reply("a", "x".repeat(25))).to("1").build({ onLimit: "clamp" });
    expect(changes.map((c) => c.path)).toEqual(["/interactive/action/buttons/0/reply/title"]);
    expect(value.interactive.type === "button" && value.interactive.action.buttons[0].reply.title).toBe(`${"x".repeat(19)}…`);
  });

  it("clamps carousel card text and quick-reply titles", () => {
    const card = (i: number) => (c: wa.MediaCarouselCardBuilder) => c.header.image(`https://example.com/${i}.png`).body("🎉".repeat(200)).quickReply(`buy-${i}`, "Buy it now, today only!");
    const { changes } = wa.carousel().body("Picks").ctaUrl(card(0)).ctaUrl(card(1)).build({ onLimit: "clamp" });
    expect(changes.map((c) => c.path)).toEqual([
      "/action/cards/0/body/text",
      "/action/cards/1/body/text",
      "/action/cards/0/action/buttons/0/quick_reply/title",
      "/action/cards/1/action/buttons/0/quick_reply/title",
    ]);
  });
});
