/**
 * Errors a person can act on: one mistake is one issue, and a message names the likely intent (a
 * misspelled key, a value in the wrong case).
 */
import { describe, expect, it } from "vitest";
import { isListInteractive, validateInteractive, validateListInteractive, validateMessage } from "../../generated/src/index.ts";

const list = (extra: object) => ({
  type: "list",
  body: { text: "How can we help?" },
  action: { button: "Topics", sections: [{ rows: [{ id: "track", title: "Track my order" }] }] },
  ...extra,
});

describe("one mistake, one issue", () => {
  it("an image header on a list is one issue at /header", () => {
    const result = validateListInteractive(list({ header: { type: "image", image: { link: "https://example.com/a.png" } } }));
    expect(result).toMatchObject({ ok: false, errors: [{ path: "/header", rule: "const", severity: "error" }] });
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.message).toBe('list message takes a text header only (type "text"), not type "image"');
    }
  });
  it("a text header with a broken text is still checked field by field", () => {
    expect(validateListInteractive(list({ header: { type: "text", text: "" } }))).toMatchObject({ ok: false, errors: [{ path: "/header/text", rule: "minLength" }] });
  });
});

describe("did you mean", () => {
  it("names the known key an unknown one misspells", () => {
    const result = validateListInteractive(list({ fotter: { text: "Thanks" } }));
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual(['list message has an unknown property "fotter"; did you mean "footer"? WhatsApp rejects parameters it does not know']);
  });
  it("says nothing when no key is close, or two are equally close", () => {
    const result = validateListInteractive(list({ colour: "red" }));
    expect(result.ok ? "" : result.errors[0]!.message).not.toContain("did you mean");
  });
  it("names the value an upper-case one stands for", () => {
    const kind = validateInteractive({ ...list({}), type: "LIST" });
    expect(kind.ok ? "" : kind.errors[0]!.message).toContain('did you mean "list"?');
    const product = validateMessage({ messaging_product: "WhatsApp", to: "+16505551234", type: "interactive", interactive: list({}) });
    expect(product.ok ? "" : product.errors[0]!.message).toContain('did you mean "whatsapp"?');
  });
});

describe("warnings", () => {
  const across = list({ action: { button: "Topics", sections: [{ title: "A", rows: [{ id: "same", title: "One" }] }, { title: "B", rows: [{ id: "same", title: "Two" }] }] } });
  it("leave the value valid, marked as warnings, and is… true", () => {
    const result = validateListInteractive(across);
    expect(result).toMatchObject({ ok: true, warnings: [{ path: "/action/sections/1/rows/0/id", rule: "x-uniqueValues", severity: "warning" }] });
    expect(result.warnings[0]!.message).toContain("reported, not documented by Meta");
    expect(isListInteractive(across)).toBe(true);
  });
  it("become errors under strict", () => {
    expect(validateListInteractive(across, { strict: true })).toMatchObject({ ok: false, errors: [{ rule: "x-uniqueValues", severity: "error" }], warnings: [] });
  });
  it("next to an error at the same place and rule are not repeated", () => {
    const within = list({ action: { button: "Topics", sections: [{ rows: [{ id: "same", title: "One" }, { id: "same", title: "Two" }] }] } });
    expect(validateListInteractive(within)).toMatchObject({ ok: false, errors: [{ path: "/action/sections/0/rows/1/id", rule: "x-uniqueValues" }], warnings: [] });
  });
});
