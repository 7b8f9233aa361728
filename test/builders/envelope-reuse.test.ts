/**
 * An envelope given the message the last `build()` returned takes it as it is, without copying it
 * again, and still checks it: a built message changed afterwards is reported, not sent, wherever
 * the change is and whichever rule it breaks (the package README says so). Any other value, an
 * older built message included, is copied.
 */
import { describe, expect, it } from "vitest";
import { button, interactiveMessage, list } from "../../generated/src/index.ts";

describe("envelope around a built message", () => {
  it("holds the built message itself, not a copy", () => {
    const built = button().body("Pick one").reply("a", "A").build();
    const message = interactiveMessage(built).to("16505551234").build();
    expect(message.interactive).toBe(built);
  });

  it("copies a built message once another build came after it", () => {
    const first = button().body("Pick one").reply("a", "A").build();
    button().body("Another").reply("b", "B").build();
    const message = interactiveMessage(first).to("16505551234").build();
    expect(message.interactive).not.toBe(first);
    expect(message.interactive).toEqual(first);
  });

  it("copies a message it did not build", () => {
    const given = { type: "button" as const, body: { text: "Pick one" }, action: { buttons: [{ type: "reply" as const, reply: { id: "a", title: "A" } }] } };
    const message = interactiveMessage(given).to("16505551234").build();
    expect(message.interactive).not.toBe(given);
    expect(message.interactive).toEqual(given);
  });

  it("reports a built message changed after its build", () => {
    const built = button().body("Pick one").reply("a", "A").build();
    (built.body as { text: string }).text = "x".repeat(1025);
    const result = interactiveMessage(built).to("16505551234").safeBuild();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ path: "/interactive/body/text", rule: "maxLength" })]);
  });

  it("reports a change deep inside a built list, and one that breaks a rule across items", () => {
    const built = list("Open").body("Pick one").section("Slots", (s) => s.row("a", "A").row("b", "B")).build();
    (built.action.sections[0]!.rows[1] as { title: string }).title = "x".repeat(25);
    const deep = interactiveMessage(built).to("16505551234").safeBuild();
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.errors).toEqual([expect.objectContaining({ path: "/interactive/action/sections/0/rows/1/title", rule: "maxLength" })]);

    const buttons = button().body("Pick one").reply("a", "A").reply("b", "B").build();
    (buttons.action.buttons[1]!.reply as { id: string }).id = "a";
    const across = interactiveMessage(buttons).to("16505551234").safeBuild();
    expect(across.ok).toBe(false);
    if (!across.ok) expect(across.errors.map((e) => e.rule)).toEqual(["x-uniqueValues"]);
  });

  it("builds and checks a builder given whole, reporting its issues at their full path", () => {
    const message = interactiveMessage(button().body("Pick one").reply("a", "A")).to("16505551234").build();
    expect(message.interactive).toEqual({ type: "button", body: { text: "Pick one" }, action: { buttons: [{ type: "reply", reply: { id: "a", title: "A" } }] } });
    const result = interactiveMessage(button().body("x".repeat(1025)).reply("a", "A")).to("16505551234").safeBuild();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ path: "/interactive/body/text", rule: "maxLength" })]);
  });
});
