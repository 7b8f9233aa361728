/**
 * The forms of the accepted keywords the validator emitter supports. The emitter is driven by each
 * node's `type`: it checks a keyword on the type the keyword is about, and reads object properties
 * directly. JSON Schema allows more (a `maxLength` with no `type` applies to strings and lets
 * everything else pass; `const` may be an object; `true` and `false` are schemas), and where the
 * emitter would give a different verdict for such a form, the loader refuses it here with an error
 * naming the form, instead of generating a validator that is silently wrong. The JSON Schema Test
 * Suite test (test/generator/json-schema-test-suite.test.ts) holds the emitter to that.
 */
import { ARRAY_KEYWORDS, KNOWN_KEYWORDS, OBJECT_KEYWORDS } from "./keywords.ts";
import { type Position, walkSubschemas } from "./graph/walk.ts";
import { type Json, type Schema, SchemaSetError } from "./schema-set.ts";

/** Keywords the emitter checks only with their type stated beside them (it does not let other types pass). */
const NEEDS_TYPE: Record<string, readonly string[]> = {
  minLength: ["string"],
  maxLength: ["string"],
  pattern: ["string"],
  minimum: ["number", "integer"],
  maximum: ["number", "integer"],
};

const TYPES = new Set(["string", "integer", "number", "boolean", "object", "array"]);

/** What may stand beside a `$ref` (the emitter follows the reference and reads nothing else). */
const BESIDE_REF = new Set(["$ref", "$schema", "$id", "$defs", "title", "description", "examples", "x-source", "x-ts-name"]);

/** Names the generated code cannot read as plain properties: every object inherits them. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

interface Visit {
  node: Json;
  /** `file#pointer`, for messages. */
  here: string;
  position: Position;
}

/** Every subschema of `schema`, in document order, with where it sits. */
function subschemas(path: string, schema: Json): Visit[] {
  const out: Visit[] = [];
  walkSubschemas(schema, "", (node, pointer, position) => out.push({ node, here: `${path}#${pointer}`, position }));
  return out;
}

/**
 * Throws for the first keyword the generator does not accept anywhere in the file, then for the
 * first form of an accepted keyword the emitter does not support. Keywords come first, so a schema
 * using `if` is refused for `if`, whatever else it holds.
 */
export function checkSupported(path: string, schema: Json): void {
  const nodes = subschemas(path, schema);
  for (const { node, here } of nodes) {
    if (!isObject(node)) continue;
    for (const key of Object.keys(node)) {
      if (!KNOWN_KEYWORDS.has(key)) throw new SchemaSetError(`${here}: unknown keyword "${key}"`);
    }
  }
  for (const visit of nodes) checkForm(visit);
}

function checkForm({ node, here, position }: Visit): void {
  const refuse = (why: string) => {
    throw new SchemaSetError(`${here}: ${why}`);
  };
  if (!isObject(node)) {
    if (typeof node === "boolean" && position === "additionalProperties") return;
    return refuse(`the boolean schema ${JSON.stringify(node)} is supported only as additionalProperties; write {} for true`);
  }
  if ("$id" in node && position !== "root") refuse(`"$id" is supported only at the root of a file`);
  const type = node.type;
  if (type !== undefined && (typeof type !== "string" || !TYPES.has(type))) {
    refuse(`"type" must be one of ${[...TYPES].join(", ")}, found ${JSON.stringify(type)}`);
  }
  if (typeof node.$ref === "string") {
    const beside = Object.keys(node).filter((k) => !BESIDE_REF.has(k));
    if (beside.length > 0) refuse(`"$ref" beside ${beside.map((k) => `"${k}"`).join(", ")} is not supported (the validator follows the reference alone); move them into the referenced schema`);
  }
  for (const key of Object.keys(node)) {
    const types = NEEDS_TYPE[key];
    if (types && !types.includes(type as string)) refuse(`"${key}" needs "type": ${types.map((t) => JSON.stringify(t)).join(" or ")} beside it (the validator checks it on that type only)`);
  }
  const objectKeywords = OBJECT_KEYWORDS.filter((k) => k in node);
  const arrayKeywords = ARRAY_KEYWORDS.filter((k) => k in node);
  if (objectKeywords.length > 0 && type !== undefined && type !== "object") refuse(`"${objectKeywords[0]}" beside "type": ${JSON.stringify(type)} is not supported`);
  if (arrayKeywords.length > 0 && type !== undefined && type !== "array") refuse(`"${arrayKeywords[0]}" beside "type": ${JSON.stringify(type)} is not supported`);
  if (objectKeywords.length > 0 && arrayKeywords.length > 0) refuse(`"${objectKeywords[0]}" and "${arrayKeywords[0]}" in one schema are not supported; give each its own schema with its "type"`);
  const structured = type === "object" || type === "array" || objectKeywords.length > 0 || arrayKeywords.length > 0;
  if (structured && ("const" in node || "enum" in node)) refuse(`"const" / "enum" beside an object's or array's keywords are not supported`);
  const branches = node.oneOf ?? node.anyOf;
  if (Array.isArray(branches)) {
    const presenceOnly = isPresenceOnly(branches);
    if (presenceOnly && !isObjectNode(node)) refuse(`"oneOf" / "anyOf" of required-only branches needs "type": "object" or the object's properties beside it`);
    if (!presenceOnly && structured && !("properties" in node) && type !== "object") {
      refuse(`"oneOf" / "anyOf" beside "${[...objectKeywords, ...arrayKeywords][0]}" is not supported; put it in each branch`);
    }
  }
  for (const keyword of ["const", "enum"] as const) {
    if (!(keyword in node)) continue;
    const values = keyword === "const" ? [node.const] : node.enum;
    if (!Array.isArray(values)) refuse(`"enum" must be an array`);
    else if (values.some((v) => v !== null && typeof v === "object")) refuse(`"${keyword}" values must be strings, numbers, booleans or null (they are compared with ===), found an object or array`);
  }
  if (node.oneOf !== undefined && node.anyOf !== undefined && !(isObjectNode(node) && [node.oneOf, node.anyOf].every(isPresenceOnly))) {
    refuse(`"oneOf" and "anyOf" in one schema are supported only as an object's required-only branches`);
  }
  if ((node.oneOf !== undefined || node.anyOf !== undefined) && type !== undefined && type !== "object") {
    refuse(`"oneOf" / "anyOf" beside "type": ${JSON.stringify(type)} is not supported; put the type in each branch`);
  }
  if ((node.oneOf !== undefined || node.anyOf !== undefined) && type === undefined && ("const" in node || "enum" in node)) {
    refuse(`"oneOf" / "anyOf" beside "const" or "enum" is not supported`);
  }
  const names = node.propertyNames;
  if (names !== undefined && !(isObject(names) && Array.isArray(names.enum) && Object.keys(names).every((k) => k === "enum" || k === "type" || k === "description" || k === "title" || k === "x-source"))) {
    refuse(`"propertyNames" is supported only as { "enum": [...] }`);
  }
  const named = [...Object.keys(isObject(node.properties) ? node.properties : {}), ...(Array.isArray(node.required) ? node.required : []), ...Object.keys(isObject(node.dependentSchemas) ? node.dependentSchemas : {})];
  for (const name of named) {
    if (typeof name === "string" && INHERITED.has(name)) refuse(`the property name "${name}" is not supported: every object inherits it, and the validator reads properties directly`);
  }
}

/** Whether every branch of a oneOf / anyOf only requires properties (the emitter counts the present ones). */
function isPresenceOnly(branches: Json | undefined): boolean {
  return Array.isArray(branches) && branches.every((b) => isObject(b) && Object.keys(b).every((k) => k === "required"));
}

/** Whether the emitter reads `node` as an object (its type, or, with none, an object keyword). */
function isObjectNode(node: Schema): boolean {
  return node.type === "object" || (node.type === undefined && OBJECT_KEYWORDS.some((k) => k in node));
}

function isObject(value: Json | undefined): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
