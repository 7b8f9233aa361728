/**
 * Prettier is most of the generator's time, and most runs format exactly the text they formatted
 * last time. The manifest records, for every generated file, a hash of the unformatted text and of
 * the formatted file. When both still match, the file on disk is reused instead of formatted
 * again. A hand edit changes the file's hash, so it is formatted afresh and shows up as drift; a
 * new prettier version or config changes the formatter key and empties the cache.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BANNER, FORMATTER } from "./print.ts";

export const MANIFEST_PATH = ".format-manifest.json";

interface Manifest {
  formatter: string;
  files: Record<string, { input: string; output: string }>;
}

export interface FormatCache {
  /** The formatted text of `path` if `input` is what produced the file now on disk. */
  reuse(path: string, input: string): string | undefined;
}

export const hash = (text: string) => createHash("sha256").update(text).digest("hex");

/** Reads the manifest and the files it vouches for from a generated/ folder (nothing if absent). */
export function loadFormatCache(dir: string): FormatCache {
  const file = join(dir, MANIFEST_PATH);
  const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Manifest) : undefined;
  return {
    reuse(path, input) {
      const entry = manifest?.formatter === FORMATTER ? manifest.files[path] : undefined;
      if (!entry || entry.input !== hash(input) || !existsSync(join(dir, path))) return undefined;
      const text = readFileSync(join(dir, path), "utf8");
      return hash(text) === entry.output ? text : undefined;
    },
  };
}

/** The manifest for a finished generation: `inputs` unformatted, `outputs` as written. */
export function manifestFile(inputs: Map<string, string>, outputs: Map<string, string>): string {
  const files: Manifest["files"] = {};
  for (const [path, input] of [...inputs].sort(([a], [b]) => (a < b ? -1 : 1))) files[path] = { input: hash(input), output: hash(outputs.get(path)!) };
  return `${JSON.stringify({ $comment: `${BANNER} Hashes that let the generator skip re-formatting unchanged files.`, formatter: FORMATTER, files }, null, 2)}\n`;
}
