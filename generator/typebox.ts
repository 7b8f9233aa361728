/**
 * Emits `typebox.ts`, the `wa-interactive/typebox` entry point: every named schema as a TypeBox
 * schema for Fastify routes (and anything else that takes TypeBox). Each one is `Type.Unsafe` over
 * the canonical JSON Schema, so its static type is exactly the generated TypeScript type and its
 * rules are exactly the schema's, `x-` keywords included; only the keyword list to declare to Ajv
 * is added. The TypeBox builders (`Type.String({ maxLength })`) are not used on purpose: TypeBox's
 * own checker counts UTF-16 units, while the schemas count code points.
 */
import { Module, doc, lit, ts } from "./code.ts";
import type { SchemaGraph } from "./graph/build.ts";
import type { GraphNode } from "./graph/nodes.ts";
import { X_KEYWORDS } from "./keywords.ts";
import type { Schema } from "./schema-set.ts";

/**
 * Where a named schema sits in the bundle: its own `$defs` entry, or (for one named inside another,
 * such as a list row) a JSON Pointer below its nearest enclosing entry.
 */
function pointerTo({ loc }: GraphNode, keys: ReadonlyMap<string, string>): string {
  const inDefs = /^\/\$defs\/[^/]+/.exec(loc.pointer);
  const base = inDefs ? inDefs[0] : "";
  const key = keys.get(`${loc.file.id}#${base}`)!;
  return `#/$defs/${key}${loc.pointer.slice(base.length)}`;
}

/** `keys`: the bundle's `$defs` key of each schema a reference can point at (bundle.ts `defKeys`). */
export function emitTypeBox(graph: SchemaGraph, bundle: Schema, keys: ReadonlyMap<string, string>): string {
  const module = new Module();
  const typebox = module.imports("@sinclair/typebox");
  const T = module.imports("./types.js").typeNamespace("T");
  // The exported names first, so they are the ones kept as written.
  const keywords = module.declare("X_KEYWORDS");
  const exported = graph.named.map((n) => ({ n, name: module.declare(n.name) }));
  const DEFS = module.declare("DEFS");
  const TUnsafe = typebox.type("TUnsafe");
  const Type = typebox.value("Type");
  // No `$schema` or `$id`: the validator decides the dialect (the set is draft 2020-12, so Ajv2020),
  // and two routes using the same schema never clash over an id.
  const exports = exported.map(
    ({ n, name }) =>
      ts`${doc(n.description ?? n.title ?? n.name)}export const ${name}: ${TUnsafe}<${T}.${n.name}> = ${Type}.Unsafe<${T}.${n.name}>({ $ref: ${lit(pointerTo(n, keys))}, $defs: ${DEFS} });`,
  );
  const body = ts`
/**
 * The wa-interactive \`x-\` keywords. Ajv's strict mode rejects keywords it does not know, so declare
 * these (\`new Ajv2020({ keywords: X_KEYWORDS })\`, the validator compiler of a Fastify route); Ajv then
 * carries them without checking them, and \`validateMessage\` / \`validate<Name>\` check them.
 */
export const ${keywords} = ${lit(X_KEYWORDS)} as const;

${doc("Every schema of the set, shared by the exports below (each one is a `$ref` into it).")}const ${DEFS} = ${lit(bundle.$defs)};

${exports}`;
  return module.render("", body);
}
