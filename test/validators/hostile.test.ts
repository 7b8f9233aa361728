/** Inputs that are not JSON, or are built to break validators, give issues and never throw. */
import { describe, expect, it } from "vitest";
import { isInteractive, validateInteractive, validateMessage } from "../../generated/src/index.ts";

const button = () => ({
  type: "button",
  body: { text: "Pick one" },
  action: { buttons: [{ type: "reply", reply: { id: "a", title: "A" } }] },
});

describe("hostile input", () => {
  it.each([null, undefined, 0, "", [], true, () => 1, 10n, Symbol("x"), new Date(), new Map()])("rejects %s", (value) => {
    const result = validateInteractive(value);
    expect(result.ok).toBe(false);
    expect(isInteractive(value)).toBe(false);
  });

  it("turns a throwing getter into an issue", () => {
    const value = button();
    Object.defineProperty(value, "footer", { enumerable: true, get: () => { throw new Error("boom"); } });
    const result = validateInteractive(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.rule).toBe("exception");
  });

  it("keeps __proto__ keys as data and does not pollute Object.prototype", () => {
    const value = JSON.parse('{"type":"button","__proto__":{"polluted":1},"body":{"text":"x"},"action":{"buttons":[{"type":"reply","reply":{"id":"a","title":"A"}}]}}');
    const result = validateInteractive(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ path: "/__proto__", rule: "additionalProperties" }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports holes in sparse arrays", () => {
    const value = button();
    // eslint-disable-next-line no-sparse-arrays
    (value.action as { buttons: unknown[] }).buttons = [, { type: "reply", reply: { id: "b", title: "B" } }];
    const result = validateInteractive(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ path: "/action/buttons/0", rule: "type" });
  });

  it("reports a 10 MB title as one maxLength issue", () => {
    const value = button();
    value.action.buttons[0]!.reply.title = "x".repeat(10_000_000);
    const result = validateInteractive(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ rule: "maxLength", limit: 20, actual: 10_000_000 })]);
  });

  it("handles deep nesting and cycles in open flow data", () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 10_000; i++) deep = (deep.a = {}) as Record<string, unknown>;
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    for (const data of [root, cyclic]) {
      const flow = {
        type: "flow",
        body: { text: "x" },
        action: { name: "flow", parameters: { flow_message_version: "3", flow_id: "1", flow_cta: "Go", flow_action_payload: { screen: "A", data } } },
      };
      const result = validateInteractive(flow);
      expect(result.ok).toBe(false);
    }
  });

  it("caps a huge array's issues and says so", () => {
    const rows = Array.from({ length: 5000 }, () => ({ id: " bad", title: "" }));
    const list = { type: "list", body: { text: "x" }, action: { button: "Open", sections: [{ rows }] } };
    const result = validateInteractive(list);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.at(-1)!.rule).toBe("maxIssues");
  });

  it("rejects a reaction that quotes a message", () => {
    const result = validateMessage({ messaging_product: "whatsapp", to: "1", type: "reaction", reaction: { message_id: "m", emoji: "👍" }, context: { message_id: "m" } });
    expect(result.ok).toBe(false);
  });
});
