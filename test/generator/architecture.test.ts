/**
 * ARCHITECTURE.md names files; each name must still be a file, so a rename or a removal cannot
 * leave the map pointing at nothing. Bare names are looked up where the map uses them: the
 * generator and its folders, the package, the scripts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/corpus.ts";

const FOLDERS = ["", "generator", "generator/builders", "src/runtime", "src/cli", "src/emulator", "generated", "generated/src", "scripts", "test/fuzz"];
const text = readFileSync(join(ROOT, "ARCHITECTURE.md"), "utf8");
// File names with an extension; patterns (`webhook-*.ts`, `<name>.schema.json`) and imports as the copies write them (`../types.js`) are not files here.
const named = [...new Set([...text.matchAll(/[\w./<>*-]+\.(?:ts|mjs|js|md|json|py)\b/g)].map((m) => m[0]))].filter((name) => !/^\.\.|[<>*]/.test(name));

describe("ARCHITECTURE.md", () => {
  it("names files that exist", () => {
    expect(named.length).toBeGreaterThan(20);
    const missing = named.filter((name) => !FOLDERS.some((folder) => existsSync(join(ROOT, folder, name))));
    expect(missing).toEqual([]);
  });
});
