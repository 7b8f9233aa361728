/**
 * Builders keep their optimised code across garbage collections. Builders live only while a
 * message is built; a collection that finds none alive must not drop their hidden classes, which
 * would throw away the optimised code of every builder method (the runtime's `retain` keeps one of
 * each class alive). Checked in a child process with V8's test intrinsics: a function that builds,
 * wraps and serialises a message is optimised, every builder it made is let go, and after a full
 * collection it must still be optimised.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/corpus.ts";

/** V8's optimisation status bit for code optimised by TurboFan (`%GetOptimizationStatus`). */
const TURBOFAN = 64;

const CHILD = `
const { button, interactiveMessage, list } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "generated/src/index.ts")).href)});
const send = () => JSON.stringify(interactiveMessage(button().header.text("Slots").body("Pick one").reply("a", "A").reply("b", "B").build()).to("16505551234").build())
  + JSON.stringify(list("Open").body("Pick one").section("Today", (s) => s.row("x", "X").rows([{ id: "y", title: "Y" }])).build());
%PrepareFunctionForOptimization(send);
for (let i = 0; i < 3; i++) send();
%OptimizeFunctionOnNextCall(send);
send();
const before = %GetOptimizationStatus(send);
globalThis.gc();
console.log(JSON.stringify({ before, after: %GetOptimizationStatus(send) }));
`;

describe("builders across a garbage collection", () => {
  it("keep their optimised code when no builder is alive", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--allow-natives-syntax", "--expose-gc", "--input-type=module", "-e", CHILD], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const { before, after } = JSON.parse(run.stdout) as { before: number; after: number };
    expect(before & TURBOFAN).toBe(TURBOFAN);
    expect(after & TURBOFAN).toBe(TURBOFAN);
  }, 60_000);
});
