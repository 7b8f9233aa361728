/**
 * Loads the schema set from disk and checks it is well formed: unique `$id`s that follow the
 * documented scheme, every `$ref` resolvable, and only keywords the generator understands, in the
 * forms its validator emitter supports (forms.ts).
 * Everything downstream works on the `SchemaSet` this returns, never on files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { checkSupported } from "./forms.ts";
import { forEachNode } from "./graph/walk.ts";
import { loadSources, provenanceProblems, type Sources } from "./sources.ts";

export const ID_BASE = "https://wa-interactive.dev/schemas/";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Schema = { [key: string]: Json };

export interface SchemaFile {
  /** Path below `schemas/`, with forward slashes: `interactive/button.schema.json`. */
  path: string;
  id: string;
  schema: Schema;
}

export interface SchemaSet {
  /** Sorted by path, so every emitter sees the same order. */
  files: SchemaFile[];
  byId: Map<string, SchemaFile>;
  /** `sources.json`: what every rule's `x-source` names. */
  sources: Sources;
  /** False for a set loaded without `requireSources`: its rules cite nothing, and all are errors. */
  sourced: boolean;
}

/** A resolved reference: the file and the JSON Pointer inside it ("" for the root). */
export interface Location {
  file: SchemaFile;
  pointer: string;
}

export class SchemaSetError extends Error {
  override name = "SchemaSetError";
}

function listSchemaFiles(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "examples") out.push(...listSchemaFiles(full, root));
    } else if (entry.name.endsWith(".schema.json")) {
      out.push(relative(root, full).split(sep).join("/"));
    }
  }
  return out.sort();
}

export interface LoadOptions {
  /**
   * Whether every rule must name its source (the default). Only schema sets that state no WhatsApp
   * rule turn it off: the JSON Schema Test Suite's cases, and tests of the loader's other checks.
   */
  requireSources?: boolean;
}

export function loadSchemaSet(schemasDir: string, options: LoadOptions = {}): SchemaSet {
  const files: SchemaFile[] = [];
  const byId = new Map<string, SchemaFile>();
  for (const path of listSchemaFiles(schemasDir)) {
    const schema = JSON.parse(readFileSync(join(schemasDir, path), "utf8")) as Schema;
    checkSupported(path, schema);
    const id = schema.$id;
    if (id !== ID_BASE + path) {
      throw new SchemaSetError(`${path}: $id must be "${ID_BASE + path}", found ${JSON.stringify(id)}`);
    }
    if (byId.has(id)) throw new SchemaSetError(`${path}: duplicate $id ${id}`);
    const file = { path, id, schema };
    files.push(file);
    byId.set(id, file);
  }
  const sourced = options.requireSources !== false;
  const set = { files, byId, sources: loadSources(schemasDir), sourced };
  for (const file of files) checkRefs(set, file);
  if (sourced) checkProvenance(set);
  return set;
}

/**
 * Every rule of every schema names a known source (and an inferred one says why): a rule whose
 * origin nobody recorded cannot be told apart from one Meta documents, so generation stops with
 * the file, the JSON Pointer and the keyword of every such rule.
 */
function checkProvenance(set: SchemaSet): void {
  const problems: string[] = [];
  for (const file of set.files) {
    forEachNode(file.schema, "", (node, pointer) => {
      for (const problem of provenanceProblems(set.sources, node)) problems.push(`${file.path}#${pointer}: ${problem}`);
    });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n(and ${problems.length - shown.length} more)` : "";
    throw new SchemaSetError(`rules without a usable source (schemas/README.md, "Where each rule comes from"):\n${shown.join("\n")}${more}`);
  }
}

/** Resolves a `$ref` written inside `from` to the file and pointer it names. */
export function resolveRef(set: SchemaSet, from: SchemaFile, ref: string): Location {
  const [target, encoded = ""] = ref.split("#");
  // A fragment is URI-encoded: `#/$defs/a%25b` points at the key "a%b".
  let fragment: string;
  try {
    fragment = decodeURIComponent(encoded);
  } catch {
    throw new SchemaSetError(`${from.path}: $ref ${ref}: the fragment is not valid percent-encoding`);
  }
  const id = target === "" ? from.id : new URL(target!, from.id).href;
  const file = set.byId.get(id);
  if (!file) throw new SchemaSetError(`${from.path}: $ref ${ref} names no schema in the set`);
  if (fragment !== "" && !fragment.startsWith("/")) {
    throw new SchemaSetError(`${from.path}: $ref ${ref}: only JSON Pointer fragments are supported`);
  }
  if (nodeAt(file.schema, fragment) === undefined) {
    throw new SchemaSetError(`${from.path}: $ref ${ref} points at nothing in ${file.path}`);
  }
  return { file, pointer: fragment };
}

export function nodeAt(schema: Schema, pointer: string): Schema | undefined {
  let node: Json | undefined = schema;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, Json>)[key];
  }
  return node !== null && typeof node === "object" && !Array.isArray(node) ? node : undefined;
}

/** Resolves every `$ref` of `file`, so a dangling one fails loading rather than an emitter. */
function checkRefs(set: SchemaSet, file: SchemaFile): void {
  forEachNode(file.schema, "", (node) => {
    if (node.$ref === undefined) return;
    if (typeof node.$ref !== "string") throw new SchemaSetError(`${file.path}: $ref must be a string, found ${JSON.stringify(node.$ref)}`);
    resolveRef(set, file, node.$ref);
  });
}

export function isSchema(value: Json | undefined): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
