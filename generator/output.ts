/**
 * Writes the generated tree, or with `check` compares it against disk and lists the drift. The
 * generator owns every file below `generated/` except build output, so a file no emitter produced
 * any more is deleted (or, in check mode, reported as extra).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

/** Paths below `generated/` that belong to the build or to npm, not to the generator. */
const NOT_OURS = /^(node_modules|dist)(\/|$)|\.tgz$/;

function listFiles(dir: string, root = dir): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = relative(root, full).split(sep).join("/");
    if (NOT_OURS.test(rel)) continue;
    if (entry.isDirectory()) out.push(...listFiles(full, root));
    else out.push(rel);
  }
  return out;
}

export interface Drift {
  missing: string[];
  extra: string[];
  changed: string[];
}

export function compareOutput(dir: string, files: Map<string, string>): Drift {
  const onDisk = new Set(listFiles(dir));
  const drift: Drift = { missing: [], extra: [], changed: [] };
  for (const [path, content] of files) {
    if (!onDisk.has(path)) drift.missing.push(path);
    else if (readFileSync(join(dir, path), "utf8") !== content) drift.changed.push(path);
  }
  for (const path of onDisk) if (!files.has(path)) drift.extra.push(path);
  return drift;
}

export function writeOutput(dir: string, files: Map<string, string>): Drift {
  const drift = compareOutput(dir, files);
  for (const path of [...drift.missing, ...drift.changed]) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), files.get(path)!);
  }
  for (const path of drift.extra) rmSync(join(dir, path));
  return drift;
}
