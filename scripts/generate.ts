/**
 * `npm run generate` writes generated/ from schemas/; `npm run generate -- --check` writes nothing
 * and exits 1 listing every file that is missing, extra or changed. `--fresh` ignores the format
 * cache and runs prettier on every file.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generate } from "../generator/index.ts";
import { loadFormatCache } from "../generator/format-cache.ts";
import { compareOutput, writeOutput } from "../generator/output.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const check = process.argv.includes("--check");
const started = performance.now();

const { version } = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as { version: string };
const outDir = `${root}/generated`;
// --fresh formats every file again instead of reusing unchanged ones (see generator/format-cache.ts).
const cache = process.argv.includes("--fresh") ? undefined : loadFormatCache(outDir);
const files = await generate({ schemasDir: `${root}/schemas`, version, cache });
const drift = check ? compareOutput(outDir, files) : writeOutput(outDir, files);
const ms = Math.round(performance.now() - started);
const changes = [
  ...drift.missing.map((p) => `missing  generated/${p}`),
  ...drift.extra.map((p) => `extra    generated/${p}`),
  ...drift.changed.map((p) => `changed  generated/${p}`),
];

if (check) {
  if (changes.length > 0) {
    console.error(`generated/ is out of date with schemas/ (run \`npm run generate\`):\n${changes.join("\n")}`);
    process.exit(1);
  }
  console.log(`generated/ is up to date (${files.size} files, ${ms} ms)`);
} else {
  console.log(`${changes.length === 0 ? "no changes" : changes.join("\n")}\nwrote generated/ (${files.size} files, ${ms} ms)`);
}
