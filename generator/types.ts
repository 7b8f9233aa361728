/**
 * Emits `types.ts` with json-schema-to-typescript from the bundle. Type names come only from
 * `x-ts-name` (titles are for people and are stripped here); a name json-schema-to-typescript had
 * to invent, such as `Foo1`, fails the generation. Two reshapes make the types exact:
 * "exactly one of / at least one of these properties" becomes a union of object variants, and
 * unnamed `$defs` (plain strings and numbers) are inlined where they are used. Arrays stay plain
 * arrays, their item counts in the doc comment only (see the `ignoreMinAndMaxItems` option below).
 */
import { compile } from "json-schema-to-typescript";
import type { NamedSchema } from "./names.ts";
import { type Json, type Schema, SchemaSetError, isSchema } from "./schema-set.ts";

const ROOT = "WaInteractiveSchemaSet";

function presenceVariants(node: Schema): Schema {
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const branches = node[keyword];
    if (!node.properties || !Array.isArray(branches)) continue;
    const alternatives = branches.flatMap((b) => ((b as Schema).required as string[]) ?? []);
    const { [keyword]: _, "x-ts-name": name, ...rest } = node;
    const variants = branches.map((b) => {
      const needed = (b as Schema).required as string[];
      const properties = { ...(rest.properties as Schema) };
      // In an exactly-one union the other alternatives must be absent, so `{ id, link }` is a type error.
      if (keyword === "oneOf") for (const other of alternatives) if (!needed.includes(other)) properties[other] = { tsType: "never" };
      return { ...rest, properties, required: [...((rest.required as string[]) ?? []), ...needed] } as Schema;
    });
    const out: Schema = { description: node.description ?? null, oneOf: variants };
    if (name !== undefined) out["x-ts-name"] = name;
    return out;
  }
  return node;
}

function prepare(node: Json, defs: Schema, inline: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => prepare(item, defs, inline));
  if (!isSchema(node)) return node;
  const ref = node.$ref;
  if (typeof ref === "string") {
    const key = ref.slice("#/$defs/".length);
    if (inline.has(key)) return prepare(defs[key]!, defs, inline);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(presenceVariants(node))) {
    if (key === "title" || value === undefined) continue;
    out[key] = key === "properties" || key === "$defs" ? mapValues(value as Schema, (v) => prepare(v, defs, inline)) : prepare(value, defs, inline);
  }
  return out;
}

/** Moves every named schema nested inside another to its own `$defs` entry, leaving a `$ref`. */
function hoistNamed(node: Json, defs: Schema, top: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => hoistNamed(item, defs, false));
  if (!isSchema(node)) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === "properties" || key === "$defs" ? mapValues(value as Schema, (v) => hoistNamed(v, defs, false)) : hoistNamed(value, defs, false);
  }
  const name = node["x-ts-name"];
  if (top || typeof name !== "string") return out;
  defs[name] = out;
  return { $ref: `#/$defs/${name}` };
}

function mapValues(object: Schema, fn: (v: Json) => Json): Schema {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, fn(v)]));
}

export async function emitTypes(bundle: Schema, named: NamedSchema[]): Promise<string> {
  const defs = bundle.$defs as Schema;
  const names = new Set(named.map((n) => n.name));
  const inline = new Set(Object.keys(defs).filter((key) => !names.has(key)));
  const hoisted: Schema = {};
  for (const key of Object.keys(defs)) hoisted[key] = hoistNamed(defs[key]!, hoisted, true);
  const kept = Object.fromEntries(Object.keys(hoisted).sort().filter((key) => names.has(key)).map((key) => [key, prepare(hoisted[key]!, hoisted, inline)]));
  const input = { "x-ts-name": ROOT, type: "object", additionalProperties: false, $defs: kept } as Schema;
  const source = await compile(input as never, ROOT, {
    bannerComment: "",
    format: false,
    unreachableDefinitions: true,
    enableConstEnums: false,
    // minItems/maxItems stay in the doc comment (@minItems, @maxItems) but not in the type: a union
    // of tuples rejects every array built at run time (`rows.map(…)` is `ListRow[]`, never
    // `[ListRow] | [ListRow, ListRow] | …`). The validators count items; the builders' type-level
    // caps are their own.
    ignoreMinAndMaxItems: true,
    additionalProperties: false,
    strictIndexSignatures: true,
    declareExternallyReferenced: true,
    customName: (schema) => (schema as Schema)["x-ts-name"] as string | undefined,
  });
  const declared = [...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]!);
  const unexpected = declared.filter((name) => name !== ROOT && !names.has(name));
  if (unexpected.length > 0) {
    throw new SchemaSetError(`json-schema-to-typescript invented type names ${unexpected.join(", ")}; give those schemas an x-ts-name`);
  }
  const missing = [...names].filter((name) => !declared.includes(name));
  if (missing.length > 0) throw new SchemaSetError(`no type was emitted for ${missing.join(", ")}`);
  return source
    .replace(new RegExp(`^export interface ${ROOT} \\{\\}\\n`, "m"), "")
    .replace(/\n?\s*\*?\s*This interface was referenced by `\w+`'s JSON-Schema\n\s*\* via the `definition` "\w+"\.\n/g, "\n")
    .replace(/\/\*\*\n\s*\*\/\n/g, "")
    .replace(/\n\s*\*\n(\s*)\*\//g, "\n$1*/");
}
