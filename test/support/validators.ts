/** Finds the generated validator for a schema file: its root's type name decides the function. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as api from "../../generated/src/index.ts";
import type { ValidateOptions, ValidationResult } from "../../generated/src/index.ts";
import { SCHEMAS_DIR } from "./corpus.ts";

export function rootTypeName(schemaPath: string): string {
  const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, schemaPath), "utf8"));
  if (typeof schema["x-ts-name"] === "string") return schema["x-ts-name"];
  return schemaPath
    .replace(/\.schema\.json$/, "")
    .split("/")
    .pop()!
    .split(/[^A-Za-z0-9]+/)
    .map((w: string) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

export function validatorFor(schemaPath: string): (value: unknown, options?: ValidateOptions) => ValidationResult<unknown> {
  const fn = (api as Record<string, unknown>)[`validate${rootTypeName(schemaPath)}`];
  if (typeof fn !== "function") throw new Error(`no generated validator for ${schemaPath}`);
  return fn as (value: unknown, options?: ValidateOptions) => ValidationResult<unknown>;
}
