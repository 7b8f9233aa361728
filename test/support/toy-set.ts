/** A schema set of a few files written for one test, loaded without sources, as its schema graph. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type SchemaGraph, buildGraph } from "../../generator/graph/build.ts";
import { namedSchemas } from "../../generator/names.ts";
import { ID_BASE, loadSchemaSet } from "../../generator/schema-set.ts";

/** `files`: each schema by its path below `schemas/`; its `$id` is added. */
export function toySet(files: Record<string, object>): SchemaGraph {
  const dir = mkdtempSync(join(tmpdir(), "wa-graph-"));
  for (const [path, schema] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify({ $id: ID_BASE + path, ...schema }));
  }
  const toy = loadSchemaSet(dir, { requireSources: false });
  return buildGraph(toy, namedSchemas(toy));
}
