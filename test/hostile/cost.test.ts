/**
 * Rejecting a payload costs at most its `JSON.parse`: the shapes that once cost more (a million
 * reply buttons with one title, 200 000 rows with repeated ids, a 50-million-character body) are
 * timed here against `JSON.parse` of the same text, as a ratio measured in this process, so a slow
 * or busy machine slows both sides alike. The issues come back capped at MAX_ISSUES, the last one
 * saying so. The buttons are a quarter of a million rather than a million, to keep the test's
 * memory small; their cost is linear, and `npm run bench` times the full size.
 */
import { describe, expect, it } from "vitest";
import { validateInteractive } from "../../generated/src/index.ts";
import { MAX_ISSUES } from "../../generated/src/runtime/walk.ts";

/**
 * Room for the noise of a shared machine and for the first, unoptimised calls; the rule itself is
 * 1×. Before the bounds, these shapes measured 1.7× (buttons) and several times that (the body).
 */
const SLACK = 1.5;

/** The fastest of a few runs: the least the work costs on this machine right now. */
function fastest(runs: number, work: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function rejectsWithinParse(text: string): ReturnType<typeof validateInteractive> {
  const value: unknown = JSON.parse(text);
  const parse = fastest(3, () => JSON.parse(text));
  let result!: ReturnType<typeof validateInteractive>;
  const validate = fastest(3, () => (result = validateInteractive(value)));
  expect(result.ok).toBe(false);
  expect(validate, `validation took ${validate.toFixed(1)} ms, JSON.parse ${parse.toFixed(1)} ms`).toBeLessThanOrEqual(parse * SLACK);
  return result;
}

describe("rejecting costs at most its JSON.parse", () => {
  it("reply buttons: 250 000 buttons sharing one title", () => {
    const buttons = Array.from({ length: 250_000 }, (_, i) => ({ type: "reply", reply: { id: `b${i}`, title: "Same title" } }));
    const result = rejectsWithinParse(JSON.stringify({ type: "button", body: { text: "Pick" }, action: { buttons } }));
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_ISSUES + 1);
    expect(result.errors[0]).toMatchObject({ path: "/action/buttons", rule: "maxItems", actual: 250_000 });
    expect(result.errors[1]).toMatchObject({ path: "/action/buttons/1/reply/title", rule: "x-uniqueValues" });
    expect(result.errors.at(-1)).toMatchObject({ rule: "maxIssues", limit: MAX_ISSUES });
  });

  it("list: 200 000 rows repeating 1 000 ids", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: `r${i % 1000}`, title: "Row" }));
    const result = rejectsWithinParse(JSON.stringify({ type: "list", body: { text: "Pick" }, action: { button: "Open", sections: [{ rows }] } }));
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_ISSUES + 1);
    expect(result.errors.map((e) => e.rule)).toEqual(expect.arrayContaining(["maxItems", "x-maxTotal", "x-uniqueValues", "maxIssues"]));
    expect(result.errors.find((e) => e.rule === "x-uniqueValues")).toMatchObject({ path: "/action/sections/0/rows/1000/id" });
  });

  it("a body of 50 million characters, decided by its length", () => {
    const result = rejectsWithinParse(JSON.stringify({ type: "list", body: { text: "x".repeat(50_000_000) }, action: { button: "Open", sections: [{ rows: [{ id: "a", title: "A" }] }] } }));
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ path: "/body/text", rule: "maxLength", limit: 4096, actual: 50_000_000 })]);
  });

  it("a body of 25 million emoji: too long by its UTF-16 length, no count needed", () => {
    const result = rejectsWithinParse(JSON.stringify({ type: "list", body: { text: "😀".repeat(25_000_000) }, action: { button: "Open", sections: [{ rows: [{ id: "a", title: "A" }] }] } }));
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ path: "/body/text", rule: "maxLength", limit: 4096, message: "body text is 50000000 UTF-16 units long, so more than 4096 characters; WhatsApp allows at most 4096" })]);
    expect(result.errors[0]!.actual).toBeUndefined();
  });
});
