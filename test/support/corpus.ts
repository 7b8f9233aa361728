/**
 * The example corpus under schemas/examples/: every valid, warning and invalid instance with the
 * schema it belongs to and, for the last two, the issues a full validator must report (as warnings
 * or as errors).
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

/** valid: no issue at all; warning: accepted, with at least the expected warnings; invalid: rejected, with at least the expected errors. */
export type Verdict = "valid" | "warning" | "invalid";

export interface Example {
  /** Schema path below schemas/, e.g. `interactive/button.schema.json`. */
  schema: string;
  /** Example path below schemas/examples/, for test names. */
  name: string;
  verdict: Verdict;
  /** Accepted by the error verdict: a valid or a warning example. */
  valid: boolean;
  instance: unknown;
  expect: Expected[];
  /** For a warning example, the warning rule it exercises: `<schema file>#<JSON Pointer to the keyword>`. */
  exercises?: string;
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
      const match = /^(.*)\/(valid|warning|invalid)\/[^/]+\.json$/.exec(rel);
      if (!match) throw new Error(`${rel}: examples live in <schema>/valid/, <schema>/warning/ or <schema>/invalid/`);
      const data = JSON.parse(readFileSync(file, "utf8"));
      const verdict = match[2] as Verdict;
      const example: Example = {
        schema: `${match[1]}.schema.json`,
        name: rel,
        verdict,
        valid: verdict !== "invalid",
        instance: verdict === "valid" ? data : data.instance,
        expect: verdict === "valid" ? [] : data.expect,
      };
      if (verdict === "warning") example.exercises = data.exercises;
      return example;
    });
}
