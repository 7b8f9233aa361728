/** The replyKind hook: a Vonage reply is a button or a row only as far as the sent message says. */
import { describe, expect, it } from "vitest";
import { replyKind } from "../../src/wire/reply-kind.ts";
import type { ValidationIssue } from "../../src/runtime/issues.ts";

const buttons = {
  type: "button",
  body: { text: "Pick" },
  action: { buttons: [{ type: "reply", reply: { id: "yes", title: "Yes" } }, { type: "reply", reply: { id: "no", title: "No" } }] },
};
const list = {
  type: "list",
  body: { text: "Pick" },
  action: { button: "Menu", sections: [{ title: "A", rows: [{ id: "r1", title: "One" }] }, { title: "B", rows: [{ id: "r2", title: "Two" }] }] },
};

function kind(id: string, sent: unknown, replyTo?: string) {
  const errors: ValidationIssue[] = [];
  return { kind: replyKind(id, replyTo, { sent: sent as never }, "/reply/id", errors), errors: errors.map((e) => [e.path, e.rule]) };
}

describe("replyKind", () => {
  it("is reply, with no issue, when no sent message is given", () => {
    expect(kind("yes", undefined)).toEqual({ kind: "reply", errors: [] });
  });

  it("finds the id among a sent message's buttons or rows, in any section", () => {
    expect(kind("no", buttons)).toEqual({ kind: "button_reply", errors: [] });
    expect(kind("r2", { messaging_product: "whatsapp", to: "1", type: "interactive", interactive: list })).toEqual({ kind: "list_reply", errors: [] });
  });

  it("asks a lookup for the message the reply answers", () => {
    const asked: unknown[] = [];
    const lookup = (replyTo: string | undefined) => (asked.push(replyTo), list);
    expect(kind("r1", lookup, "wamid.1")).toEqual({ kind: "list_reply", errors: [] });
    expect(asked).toEqual(["wamid.1"]);
  });

  it("reports an id the sent message does not hold, at the reply id's pointer, and stays reply", () => {
    expect(kind("maybe", buttons)).toEqual({ kind: "reply", errors: [["/reply/id", "unresolvedReply"]] });
    expect(kind("yes", list)).toEqual({ kind: "reply", errors: [["/reply/id", "unresolvedReply"]] });
  });
});
