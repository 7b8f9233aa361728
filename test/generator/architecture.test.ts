/**
 * ARCHITECTURE.md names files; each name must still be a file, so a rename or a removal cannot
 * leave the map pointing at nothing. Bare names are looked up where the map uses them: the
 * generator and its folders, the package, the scripts.
 *
 * It also draws which way the hand-written code in src/ may import, and this holds it to that:
 * the generic runtime imports only itself, the wire only the runtime and itself, and neither
 * anything generated at run time (the generated code imports them); the command line and the
 * emulator, applications on top of the package, may import its public modules too. Imports of
 * generated types are allowed everywhere: `import type` is erased at run time.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/corpus.ts";

const FOLDERS = ["", "generator", "generator/builders", "src", "src/runtime", "src/wire", "src/cli", "src/emulator", "generated", "generated/src", "scripts", "test/fuzz"];
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

const SRC = join(ROOT, "src");
/** The public modules of the generated package: its entries, and what the main entry re-exports whole. */
const PUBLIC = [
  "index.ts",
  "verify.ts",
  ...[...readFileSync(join(ROOT, "generated/src/index.ts"), "utf8").matchAll(/^export \* from "\.\/(.+)\.js";$/gm)].map((m) => `${m[1]}.ts`),
];
/** What each folder of src/ may import at run time: folders of src/, and "public" for PUBLIC. */
const MAY_IMPORT: Record<string, string[]> = {
  runtime: ["runtime"],
  wire: ["runtime", "wire"],
  cli: ["runtime", "wire", "cli", "emulator", "public"],
  emulator: ["runtime", "wire", "emulator", "public"],
};
/**
 * The hand-written webhook readers still call the generated validators at run time. They are to
 * become generated normalisers; until then they are the one exception, and the list may only shrink.
 */
const READS_GENERATED_VALIDATORS = ["wire/webhook-aisoule.ts", "wire/webhook-exotel.ts", "wire/webhook-meta.ts", "wire/webhook-vonage.ts"];

interface Import {
  file: string;
  /** Where the import lands: a folder of src/, "public", or "generated" for any other generated module. */
  layer: string;
  spec: string;
  typeOnly: boolean;
}

/** Every relative import and re-export of a file, static or dynamic. */
function importsOf(file: string): Import[] {
  const source = readFileSync(join(SRC, file), "utf8");
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+"(\.[^"]+)"/gm)) {
    const names = /\{([^}]*)\}/.exec(m[2]!)?.[1]?.split(",").map((n) => n.trim()).filter(Boolean) ?? [];
    found.push({ spec: m[3]!, typeOnly: m[1] !== undefined || (names.length > 0 && names.every((n) => n.startsWith("type ")) && !/^\s*\w+\s*,/.test(m[2]!)) });
  }
  for (const m of source.matchAll(/\bimport\("(\.[^"]+)"\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found.map(({ spec, typeOnly }) => {
    const target = relative(SRC, resolve(dirname(join(SRC, file)), spec.replace(/\.js$/, ".ts")));
    const layer = existsSync(join(SRC, target)) ? target.split("/")[0]! : PUBLIC.includes(target) ? "public" : "generated";
    return { file, layer, spec, typeOnly };
  });
}

const files = Object.keys(MAY_IMPORT).flatMap((folder) =>
  readdirSync(join(SRC, folder))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => `${folder}/${name}`),
);
const imports = files.flatMap(importsOf);

describe("the hand-written code in src/", () => {
  it("is all in the folders whose imports are ruled", () => {
    const folders = readdirSync(SRC, { withFileTypes: true });
    expect(folders.filter((entry) => !entry.isDirectory()).map((entry) => entry.name)).toEqual([]);
    expect(folders.map((entry) => entry.name).sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it("imports at run time only what its folder may", () => {
    expect(imports.filter((i) => i.layer === "public").length).toBeGreaterThan(3);
    const wrong = imports
      .filter((i) => !i.typeOnly && !MAY_IMPORT[i.file.split("/")[0]!]!.includes(i.layer))
      .filter((i) => !(READS_GENERATED_VALIDATORS.includes(i.file) && i.spec === "../validators.js"))
      .map((i) => `${i.file} imports ${i.spec}`);
    expect(wrong).toEqual([]);
  });

  it("tells type-only imports from the others", () => {
    // The check above leans on this reading: a file known to import a generated type only, and one known to import a value.
    expect(imports.find((i) => i.file === "emulator/sends.ts" && i.spec === "../types.js")?.typeOnly).toBe(true);
    expect(imports.find((i) => i.file === "cli/kinds.ts" && i.spec === "../index.js")?.typeOnly).toBe(false);
  });
});
