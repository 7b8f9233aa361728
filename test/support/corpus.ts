/**
 * The example corpus under schemas/examples/: every valid and invalid instance with the schema it
 * belongs to and, for invalid ones, the issues a full validator must report.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SCHEMAS_DIR = join(ROOT, "schemas");
export const EXAMPLES_DIR = join(SCHEMAS_DIR, "examples");

export interface Expected {
  path: string;
  rule: string;
}

export interface Example {
  /** Schema path below schemas/, e.g. `interactive/button.schema.json`. */
  schema: string;
  /** Example path below schemas/examples/, for test names. */
  name: string;
  valid: boolean;
  instance: unknown;
  expect: Expected[];
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : [],
  );
}

export function loadExamples(): Example[] {
  return walk(EXAMPLES_DIR)
    .sort()
    .map((file) => {
      const rel = relative(EXAMPLES_DIR, file).split(sep).join("/");
      const match = /^(.*)\/(valid|invalid)\/[^/]+\.json$/.exec(rel);
      if (!match) throw new Error(`${rel}: examples live in <schema>/valid/ or <schema>/invalid/`);
      const data = JSON.parse(readFileSync(file, "utf8"));
      const valid = match[2] === "valid";
      return {
        schema: `${match[1]}.schema.json`,
        name: rel,
        valid,
        instance: valid ? data : data.instance,
        expect: valid ? [] : data.expect,
      };
    });
}
