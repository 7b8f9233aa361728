/**
 * The schema bundle compiled by json-schema-to-typescript, the second opinion the generated types
 * are checked against (test/generator/types-oracle.test.ts). That library reads plain JSON Schema,
 * so the bundle is first reshaped into the JSON Schema whose types the project's own rules mean:
 *
 * - "exactly one of / at least one of these properties" (a `oneOf` / `anyOf` of bare `required`
 *   lists beside `properties`) becomes a `oneOf` of object variants, each requiring its
 *   properties, and in an exactly-one union giving the others the type `never`;
 * - unnamed `$defs` (plain strings and numbers) are inlined where they are used, and every named
 *   schema nested in another moves to a `$defs` entry of its own, so that the library declares a
 *   type for exactly the named schemas, under their `x-ts-name`;
 * - titles are dropped (the library would name a type after one);
 * - a schema that says nothing about its value (only annotations) is `unknown`: the library reads
 *   a schema with keys but none it recognises (such as a lone `description`) as an object type,
 *   which would refuse the number or string such a field may hold;
 * - arrays keep their item counts out of the type (`ignoreMinAndMaxItems`), as the generated types do.
 */
import { compile } from "json-schema-to-typescript";
import { type Json, type Schema, isSchema } from "../../generator/schema-set.ts";

/** The name of the root the library needs; it declares it as an empty interface. */
export const JSTT_ROOT = "WaInteractiveSchemaSet";

/** Keywords that say nothing about which values a schema accepts. */
const ANNOTATIONS = new Set(["title", "description", "examples", "x-source", "x-ts-name", "$comment"]);

function presenceVariants(node: Schema): Schema {
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const branches = node[keyword];
    if (!node.properties || !Array.isArray(branches)) continue;
    const alternatives = branches.flatMap((b) => ((b as Schema).required as string[]) ?? []);
    const { [keyword]: _, "x-ts-name": name, ...rest } = node;
    const variants = branches.map((b) => {
      const needed = (b as Schema).required as string[];
      const properties = { ...(rest.properties as Schema) };
      if (keyword === "oneOf") for (const other of alternatives) if (!needed.includes(other)) properties[other] = { tsType: "never" };
      return { ...rest, properties, required: [...((rest.required as string[]) ?? []), ...needed] } as Schema;
    });
    const out: Schema = { description: node.description ?? null, oneOf: variants };
    if (name !== undefined) out["x-ts-name"] = name;
    return out;
  }
  return node;
}

function prepare(node: Json, defs: Schema, inline: ReadonlySet<string>): Json {
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
  if (Object.keys(node).length > 0 && Object.keys(node).every((key) => ANNOTATIONS.has(key))) out.tsType = "unknown";
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

/** json-schema-to-typescript's module for the bundle: a type for each of `names` (and the empty root). */
export async function jsttTypes(bundle: Schema, names: ReadonlySet<string>): Promise<string> {
  const defs = bundle.$defs as Schema;
  const inline = new Set(Object.keys(defs).filter((key) => !names.has(key)));
  const hoisted: Schema = {};
  for (const key of Object.keys(defs)) hoisted[key] = hoistNamed(defs[key]!, hoisted, true);
  const kept = Object.fromEntries(Object.keys(hoisted).sort().filter((key) => names.has(key)).map((key) => [key, prepare(hoisted[key]!, hoisted, inline)]));
  const input = { "x-ts-name": JSTT_ROOT, type: "object", additionalProperties: false, $defs: kept } as Schema;
  return compile(input as never, JSTT_ROOT, {
    bannerComment: "",
    format: false,
    unreachableDefinitions: true,
    enableConstEnums: false,
    ignoreMinAndMaxItems: true,
    additionalProperties: false,
    strictIndexSignatures: true,
    declareExternallyReferenced: true,
    customName: (schema) => (schema as Schema)["x-ts-name"] as string | undefined,
  });
}
