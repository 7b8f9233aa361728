/**
 * Ajv, compiled from the same schema files, as the reference for the standard keywords. It ignores
 * the x- keywords, so comparisons drop the issues only those keywords raise.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { X_KEYWORDS } from "../../generator/keywords.ts";
import { ID_BASE } from "../../generator/schema-set.ts";
import { SCHEMAS_DIR } from "./corpus.ts";

/** Rules that plain JSON Schema does not have (x-discriminator is plain oneOf, reported more precisely). */
export const EXTENSION_RULES: ReadonlySet<string> = new Set(X_KEYWORDS.filter((k) => k !== "x-ts-name" && k !== "x-discriminator"));

function schemaFiles(dir: string, rel = ""): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === "examples" ? [] : schemaFiles(dir, path);
    return e.name.endsWith(".schema.json") ? [path] : [];
  });
}

export function createAjv() {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true, validateFormats: false });
  for (const file of schemaFiles(SCHEMAS_DIR)) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS_DIR, file), "utf8")));
  return ajv;
}

export const schemaId = (schemaPath: string) => `${ID_BASE}${schemaPath}`;
