/** The generator is deterministic, and check mode reports every kind of drift. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.ts";
import { loadFormatCache } from "../../generator/format-cache.ts";
import { compareOutput, writeOutput } from "../../generator/output.ts";
import { BANNER } from "../../generator/print.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";

const files = await generate({ schemasDir: SCHEMAS_DIR, version: "0.0.0-test" });

describe("generate", () => {
  it("is deterministic", async () => {
    const again = await generate({ schemasDir: SCHEMAS_DIR, version: "0.0.0-test" });
    expect([...again.entries()]).toEqual([...files.entries()]);
  });

  it("marks every source file as generated and keeps LF endings", () => {
    for (const [path, content] of files) {
      expect(content.includes("\r"), path).toBe(false);
      expect(content.endsWith("\n"), path).toBe(true);
      if (/\.(ts|md)$/.test(path) || path.endsWith(".json")) expect(content.includes(BANNER), path).toBe(true);
    }
  });

  it("check mode lists missing, extra and changed files", () => {
    const dir = mkdtempSync(join(tmpdir(), "wa-generated-"));
    writeOutput(dir, files);
    expect(compareOutput(dir, files)).toEqual({ missing: [], extra: [], changed: [] });
    writeFileSync(join(dir, "src/types.ts"), "// edited by hand\n");
    writeFileSync(join(dir, "src/stray.ts"), "");
    rmSync(join(dir, "src/index.ts"));
    writeFileSync(join(dir, "leftover.tgz"), "build output is not ours");
    expect(compareOutput(dir, files)).toEqual({ missing: ["src/index.ts"], extra: ["src/stray.ts"], changed: ["src/types.ts"] });
    writeOutput(dir, files);
    expect(compareOutput(dir, files)).toEqual({ missing: [], extra: [], changed: [] });
  });

  it("reuses unchanged formatted files and still catches a hand edit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wa-cache-"));
    writeOutput(dir, files);
    const cached = await generate({ schemasDir: SCHEMAS_DIR, version: "0.0.0-test", cache: loadFormatCache(dir) });
    expect([...cached.entries()]).toEqual([...files.entries()]);
    writeFileSync(join(dir, "src/validators.ts"), files.get("src/validators.ts")!.replace("return true;", "return !false;"));
    const afterEdit = await generate({ schemasDir: SCHEMAS_DIR, version: "0.0.0-test", cache: loadFormatCache(dir) });
    expect(afterEdit.get("src/validators.ts")).toBe(files.get("src/validators.ts"));
    expect(compareOutput(dir, afterEdit).changed).toEqual(["src/validators.ts"]);
  });
});
