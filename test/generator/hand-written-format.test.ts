/**
 * The generator copies the hand-written TypeScript of `src/` into the package under the banner
 * without formatting it again (most of a fresh generation's time is prettier). That is exact only
 * while every file is already in prettier's layout, with the options the generator formats its own
 * modules with; this test holds it there. A file it names is fixed with `npm run format`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bannered, print } from "../../generator/print.ts";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

const sources = (readdirSync(SRC, { recursive: true }) as string[]).filter((p) => p.endsWith(".ts")).sort();

describe("hand-written sources are in prettier's layout", () => {
  it("finds the sources", () => {
    expect(sources.length).toBeGreaterThan(30);
  });

  it.each(sources)("src/%s", async (path) => {
    const text = readFileSync(join(SRC, path), "utf8");
    const formatted = await print(`src/${path}`, text);
    expect(bannered(text) === formatted, `src/${relative(SRC, join(SRC, path))} is not as prettier writes it: run npm run format`).toBe(true);
  });

  it("a file out of prettier's layout is caught", async () => {
    const text = "export const a = {b:1};\n";
    expect(await print("src/runtime/x.ts", text)).not.toBe(bannered(text));
  });
});
