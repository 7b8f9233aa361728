/** The runnable examples run, and every message they print is one WhatsApp accepts. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { validateMessage } from "../../generated/src/index.ts";
import { ROOT } from "../support/corpus.ts";

const EXAMPLES = join(ROOT, "examples");
const scripts = readdirSync(EXAMPLES).filter((name) => name.endsWith(".ts"));

describe("examples", () => {
  afterEach(() => vi.restoreAllMocks());

  it("cover reply buttons, lists, product lists, flows, reactions, payments and the seed conversation", () => {
    expect(scripts).toEqual(expect.arrayContaining(["reply-buttons.ts", "list.ts", "product-list.ts", "flow.ts", "reaction.ts", "payments.ts", "support-bot.ts"]));
  });

  it.each(scripts)("%s prints valid messages", async (name) => {
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    await import(join(EXAMPLES, name));
    expect(printed.length).toBeGreaterThan(0);
    for (const text of printed.filter((t) => t.startsWith("{"))) {
      const result = validateMessage(JSON.parse(text));
      expect(result.ok ? [] : result.errors).toEqual([]);
    }
  });
});
