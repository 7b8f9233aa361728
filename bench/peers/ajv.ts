/**
 * Ajv 8, compiled from the same schema files: the standard keywords only (it skips the x- ones,
 * so it does less work than we do). One instance stops at the first error, as a verdict needs;
 * one collects all errors, as our full pass does.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const SCHEMAS_DIR = new URL("../../schemas/", import.meta.url).pathname;
const ID_BASE = "https://wa-interactive.dev/schemas/";

function schemaFiles(rel = ""): string[] {
  return readdirSync(join(SCHEMAS_DIR, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === "examples" ? [] : schemaFiles(path);
    return e.name.endsWith(".schema.json") ? [path] : [];
  });
}

function compile(allErrors: boolean) {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors, validateFormats: false });
  for (const file of schemaFiles()) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS_DIR, file), "utf8")));
  return (schema: string) => {
    const validate = ajv.getSchema(ID_BASE + schema);
    if (!validate) throw new Error(`ajv has no schema ${schema}`);
    return validate;
  };
}

const first = compile(false);
const all = compile(true);

export const ajvButtons = first("interactive/button.schema.json");
export const ajvList = first("interactive/list.schema.json");
export const ajvListAllErrors = all("interactive/list.schema.json");
