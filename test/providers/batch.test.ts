/**
 * Meta batches up to 1000 updates in one delivery; every one of them must come out, whatever the
 * mix of entries, changes, messages and statuses (the libraries we compared read only the first).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWebhook } from "../../generated/src/index.ts";

function message(n: number) {
  return {
    from: "4915112345678",
    id: `wamid.IN-${n}`,
    timestamp: String(1716890000 + n),
    type: "interactive",
    interactive: { type: "list_reply", list_reply: { id: `row-${n}`, title: `Row ${n}` } },
  };
}
function status(n: number) {
  return {
    id: `wamid.OUT-${n}`,
    status: "delivered",
    timestamp: String(1716890000 + n),
    recipient_id: "4915112345678",
  };
}

/** A webhook of `shape[entry][change] = [messages, statuses]`, numbering items in order. */
function webhook(shape: [number, number][][]) {
  let n = 0;
  return {
    object: "whatsapp_business_account",
    entry: shape.map((changes, e) => ({
      id: `waba-${e}`,
      changes: changes.map(([messages, statuses]) => ({
        field: "messages",
        value: {
          messaging_product: "whatsapp",
          metadata: { display_phone_number: "15550100200", phone_number_id: "106540352242922" },
          messages: Array.from({ length: messages }, () => message(n++)),
          statuses: Array.from({ length: statuses }, () => status(n++)),
        },
      })),
    })),
  };
}

describe("batched Meta webhooks", () => {
  it("1000 updates in one delivery: 1000 events, in order", () => {
    const shape: [number, number][][] = Array.from({ length: 10 }, () =>
      Array.from({ length: 4 }, () => [20, 5] as [number, number]),
    );
    const result = parseWebhook("meta", webhook(shape));
    expect(result.ok).toBe(true);
    expect(result.events).toHaveLength(1000);
    expect(result.events.map((e) => Number(e.messageId.replace(/\D+/g, "")))).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
    expect(result.events.filter((e) => e.kind === "list_reply")).toHaveLength(800);
    expect(result.events.filter((e) => e.kind === "status")).toHaveLength(200);
  });

  it("any shape: as many events as items", () => {
    const counts = fc.tuple(fc.nat(6), fc.nat(3));
    fc.assert(
      fc.property(fc.array(fc.array(counts, { maxLength: 4 }), { maxLength: 5 }), (shape) => {
        const total = shape.flat().reduce((sum, [m, s]) => sum + m + s, 0);
        const result = parseWebhook("meta", webhook(shape));
        expect(result.errors).toEqual([]);
        expect(result.events).toHaveLength(total);
      }),
      { numRuns: 200 },
    );
  });
});
