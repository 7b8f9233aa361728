/**
 * How a webhook parser carries warnings: a part's check adds them under the part's pointer, its
 * value still taken, and the result keeps each warning once, without those an error already says.
 */
import { describe, expect, it } from "vitest";
import { emptyResult, finish, take } from "../../generated/src/wire/inbound.ts";
import { issue, type ValidationIssue } from "../../generated/src/runtime/issues.ts";

function warning(path: string, rule: string): ValidationIssue {
  return { ...issue(path, rule, `a ${rule} warning at ${path || "the root"}`), severity: "warning" };
}

describe("take", () => {
  it("gives the accepted value and adds its warnings under the part's pointer", () => {
    const result = emptyResult();
    const value = take({ ok: true, value: { latitude: 95 }, warnings: [warning("/latitude", "maximum")] }, "/results/3", result);
    expect(value).toEqual({ latitude: 95 });
    expect(result.warnings.map((w) => [w.path, w.rule])).toEqual([["/results/3/latitude", "maximum"]]);
    expect(result.errors).toEqual([]);
  });

  it("adds a rejected part's errors and warnings, and gives nothing", () => {
    const result = emptyResult();
    const rejected = { ok: false as const, errors: [issue("/id", "required", "an item must have an id")], warnings: [warning("/latitude", "maximum")] };
    expect(take(rejected, "/results/0", result)).toBeUndefined();
    expect(result.errors.map((e) => e.path)).toEqual(["/results/0/id"]);
    expect(result.warnings.map((w) => w.path)).toEqual(["/results/0/latitude"]);
  });
});

describe("finish", () => {
  it("keeps each warning once when a body's check and its item's check both report it", () => {
    const result = emptyResult();
    result.warnings.push(warning("/results/0/latitude", "maximum"), warning("/results/0/longitude", "maximum"), warning("/results/0/latitude", "maximum"));
    const done = finish(result);
    expect(done.ok).toBe(true);
    expect(done.warnings.map((w) => [w.path, w.rule])).toEqual([
      ["/results/0/latitude", "maximum"],
      ["/results/0/longitude", "maximum"],
    ]);
  });

  it("drops a warning at the place and of the rule of an error, and keeps the others", () => {
    const result = emptyResult();
    result.errors.push(issue("/results/1/id", "x-uniqueValues", "ids must differ"));
    result.warnings.push(warning("/results/1/id", "x-uniqueValues"), warning("/results/1/id", "maxLength"));
    const done = finish(result);
    expect(done.ok).toBe(false);
    expect(done.warnings.map((w) => [w.path, w.rule])).toEqual([["/results/1/id", "maxLength"]]);
  });
});
