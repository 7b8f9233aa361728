/**
 * The one subschema walker: which keywords hold subschemas, and a visit of every subschema of a
 * schema in document order with where it sits. The loader's form check (forms.ts) walks raw,
 * unchecked JSON with it; the `$ref` check, the provenance check, the naming and the rule
 * inventory walk loaded schemas with `forEachNode`; the graph builder reads the same table.
 */
import type { Json, Schema } from "../schema-set.ts";
import { isPresenceList } from "../sources.ts";

/** Keywords whose value is one schema, a list of schemas, or a map of names to schemas. */
export const SUBSCHEMA_ONE: ReadonlySet<string> = new Set(["items", "additionalProperties", "propertyNames"]);
export const SUBSCHEMA_LIST: ReadonlySet<string> = new Set(["oneOf", "anyOf"]);
export const SUBSCHEMA_MAP: ReadonlySet<string> = new Set(["properties", "$defs", "dependentSchemas"]);

/**
 * Where a subschema sits: a file's root (which may carry `$id`), `additionalProperties` (which may
 * be a boolean), a bare `required` branch of a presence `oneOf` / `anyOf` ("exactly one of `id`
 * or `link`": a part of its parent's rule, not a node of its own), or anywhere else.
 */
export type Position = "root" | "additionalProperties" | "presence" | "subschema";

export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Calls `visit` on every value in a subschema position below (and including) `node`, whatever it
 * is: the walk reads unchecked JSON, so a list or map that is not one is not descended into, and
 * a non-object value is visited for the caller to judge.
 */
export function walkSubschemas(node: Json, pointer: string, visit: (node: Json, pointer: string, position: Position) => void, position: Position = "root"): void {
  visit(node, pointer, position);
  if (node === null || typeof node !== "object" || Array.isArray(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${escapePointer(key)}`;
    if (SUBSCHEMA_ONE.has(key)) walkSubschemas(value, at, visit, key === "additionalProperties" ? "additionalProperties" : "subschema");
    else if (SUBSCHEMA_LIST.has(key) && Array.isArray(value)) {
      const branch: Position = isPresenceList(value) ? "presence" : "subschema";
      value.forEach((item, i) => walkSubschemas(item, `${at}/${i}`, visit, branch));
    } else if (SUBSCHEMA_MAP.has(key) && value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [name, sub] of Object.entries(value)) walkSubschemas(sub, `${at}/${escapePointer(name)}`, visit, "subschema");
    }
  }
}

/**
 * Calls `visit` on every schema node of a loaded schema: every object in a subschema position but
 * the bare `required` branches of a presence `oneOf` / `anyOf`, which are parts of their parent's
 * rule (sources.ts), and a boolean `additionalProperties`, which is no node.
 */
export function forEachNode(node: Schema, pointer: string, visit: (node: Schema, pointer: string) => void): void {
  walkSubschemas(node, pointer, (value, at, position) => {
    if (position !== "presence" && value !== null && typeof value === "object" && !Array.isArray(value)) visit(value, at);
  });
}
