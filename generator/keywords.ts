/**
 * The keywords a schema may use. The loader rejects anything else, so a typo such as `maxLenght`
 * fails generation instead of silently not being enforced. The `x-` keywords are specified in
 * `schemas/README.md`; keep that table and this list in step.
 */
export const STANDARD_KEYWORDS = [
  "$schema",
  "$id",
  "$ref",
  "$defs",
  "title",
  "description",
  "examples",
  "type",
  "const",
  "enum",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "minProperties",
  "dependentSchemas",
  "items",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "oneOf",
  "anyOf",
] as const;

export const X_KEYWORDS = [
  "x-ts-name",
  "x-source",
  "x-discriminator",
  "x-maxTotal",
  "x-uniqueValues",
  "x-requiredIfMultiple",
  "x-uniformItems",
  "x-trimmed",
  "x-notBlank",
  "x-noEmoji",
  "x-emoji",
] as const;

export const KNOWN_KEYWORDS: ReadonlySet<string> = new Set([...STANDARD_KEYWORDS, ...X_KEYWORDS]);

/** The keywords about objects (arrays) only: with no `type`, they make a node an object (array) that other types pass. */
export const OBJECT_KEYWORDS: readonly string[] = ["properties", "required", "additionalProperties", "propertyNames", "minProperties", "dependentSchemas"];
export const ARRAY_KEYWORDS: readonly string[] = ["items", "minItems", "maxItems"];
