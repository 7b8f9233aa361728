/**
 * The single-file bundle: every schema under `$defs`, `$ref`s rewritten to `#/$defs/<Name>`. It
 * serves validators that cannot load several files, and TypeBox's schemas refer into it.
 */
import { type NamedSchema, locationKey } from "./names.ts";
import { ID_BASE, type Json, type Schema, type SchemaFile, type SchemaSet, SchemaSetError, resolveRef } from "./schema-set.ts";

export const BUNDLE_ID = `${ID_BASE}bundle.schema.json`;

/** The `$defs` key of every schema a `$ref` can point at: a named schema's name, else `<File>_<def>`. */
export function defKeys(set: SchemaSet, named: NamedSchema[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const n of named) keys.set(locationKey(n), n.name);
  for (const file of set.files) {
    const rootName = keys.get(`${file.id}#`)!;
    for (const def of Object.keys((file.schema.$defs ?? {}) as Schema)) {
      const key = `${file.id}#/$defs/${def}`;
      if (!keys.has(key)) keys.set(key, `${rootName}_${def}`);
    }
  }
  return keys;
}

function rewrite(set: SchemaSet, file: SchemaFile, node: Json, keys: Map<string, string>): Json {
  if (Array.isArray(node)) return node.map((item) => rewrite(set, file, item, keys));
  if (node === null || typeof node !== "object") return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$defs" || key === "$id" || key === "$schema") continue;
    if (key === "$ref") {
      const target = resolveRef(set, file, value as string);
      const name = keys.get(locationKey(target));
      if (!name) throw new SchemaSetError(`${file.path}: $ref ${String(value)} must point at a file or one of its $defs`);
      out.$ref = `#/$defs/${name}`;
    } else out[key] = rewrite(set, file, value, keys);
  }
  return out;
}

export function bundleSchemas(set: SchemaSet, named: NamedSchema[]): Schema {
  const keys = defKeys(set, named);
  const defs: Schema = {};
  for (const file of set.files) {
    defs[keys.get(`${file.id}#`)!] = rewrite(set, file, file.schema, keys);
    for (const [def, schema] of Object.entries((file.schema.$defs ?? {}) as Schema)) {
      defs[keys.get(`${file.id}#/$defs/${def}`)!] = rewrite(set, file, schema, keys);
    }
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: BUNDLE_ID,
    title: "wa-interactive schema bundle",
    description: "Every wa-interactive schema in one file, under $defs, for validators that cannot resolve references between files. Generated from the schemas/ folder; the x- keywords are specified in its README.",
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}
