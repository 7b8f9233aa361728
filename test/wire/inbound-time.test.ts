/** The Date-free ISO formatter gives exactly what Date#toISOString gives. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoString } from "../../generated/src/wire/inbound.ts";

describe("isoString", () => {
  it.each([0, 951782400000, 951868800000, 1700000000000, 4107542399999, 253402300799999, -1, 253402300800000, 1.5])("matches Date for %d", (ms) => {
    expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });
  it("matches Date on random times from 1970 to 9999", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 253402300799999 }), (ms) => isoString(ms) === new Date(ms).toISOString()), { numRuns: 20000 });
  });
  it("keeps the remembered day right when times alternate between days and cross midnight", () => {
    const day = 86400000;
    const midnight = 1749859200000;
    const times = [midnight - 1, midnight, midnight - 1, midnight + day - 1, midnight + day, 0, midnight, midnight + 999];
    for (const ms of times) expect(isoString(ms)).toBe(new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.array(fc.integer({ min: midnight - 2 * day, max: midnight + 2 * day }), { maxLength: 20 }), (batch) =>
        batch.every((ms) => isoString(ms) === new Date(ms).toISOString()),
      ),
      { numRuns: 2000 },
    );
  });
});
