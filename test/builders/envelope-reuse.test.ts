/**
 * An envelope given the message the last `build()` returned takes it as it is, without copying it
 * again, and still checks it: a built message changed afterwards is reported, not sent. Any other
 * value, an older built message included, is copied.
 */
import { describe, expect, it } from "vitest";
import { button, interactiveMessage } from "../../generated/src/index.ts";

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
});
