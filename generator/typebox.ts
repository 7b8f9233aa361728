/**
 * Emits `typebox.ts`, the `wa-interactive/typebox` entry point: every named schema as a TypeBox
 * schema for Fastify routes (and anything else that takes TypeBox). Each one is `Type.Unsafe` over
 * the canonical JSON Schema, so its static type is exactly the generated TypeScript type and its
 * rules are exactly the schema's, `x-` keywords included; only the keyword list to declare to Ajv
 * is added. The TypeBox builders (`Type.String({ maxLength })`) are not used on purpose: TypeBox's
 * own checker counts UTF-16 units, while the schemas count code points.
 */
import type { SchemaGraph } from "./graph/build.ts";
import type { GraphNode } from "./graph/nodes.ts";
import { X_KEYWORDS } from "./keywords.ts";
import type { Schema } from "./schema-set.ts";

const lit = (v: unknown) => JSON.stringify(v);

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
  const defs = bundle.$defs as Schema;
  // No `$schema` or `$id`: the validator decides the dialect (the set is draft 2020-12, so Ajv2020),
  // and two routes using the same schema never clash over an id.
  const exports = graph.named.map((n) => {
    const description = n.description ?? n.title ?? n.name;
    return [
      `/** ${description.replace(/\*\//g, "*\\/")} */`,
      `export const ${n.name}: TUnsafe<T.${n.name}> = Type.Unsafe<T.${n.name}>({ $ref: ${lit(pointerTo(n, keys))}, $defs: DEFS });`,
    ].join("\n");
  });
  return [
    `import { Type, type TUnsafe } from "@sinclair/typebox";`,
    `import type * as T from "./types.js";`,
    "",
    "/**",
    " * The wa-interactive `x-` keywords. Ajv's strict mode rejects keywords it does not know, so declare",
    " * these (`new Ajv2020({ keywords: X_KEYWORDS })`, the validator compiler of a Fastify route); Ajv then",
    " * carries them without checking them, and `validateMessage` / `validate<Name>` check them.",
    " */",
    `export const X_KEYWORDS = ${lit(X_KEYWORDS)} as const;`,
    "",
    "/** Every schema of the set, shared by the exports below (each one is a `$ref` into it). */",
    `const DEFS = ${lit(defs)};`,
    "",
    ...exports,
  ].join("\n");
}
