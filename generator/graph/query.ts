/**
 * Reading the graph: following references to the node they name, and finding a node by where it
 * was written.
 */
import { locationKey } from "../names.ts";
import { type Location, SchemaSetError } from "../schema-set.ts";
import type { SchemaGraph } from "./build.ts";
import type { GraphNode } from "./nodes.ts";

/** The node a chain of references ends at (the node itself when it is no reference). */
export function resolved(node: GraphNode): Exclude<GraphNode, { kind: "ref" }> {
  let current = node;
  for (let hops = 0; current.kind === "ref"; hops++) {
    if (hops > 32) throw new SchemaSetError(`$ref loop at ${node.where}`);
    current = current.target;
  }
  return current;
}

/** The node written at `loc`. */
export function nodeAt(graph: SchemaGraph, loc: Location): GraphNode {
  const node = graph.nodes.get(locationKey(loc));
  if (!node) throw new SchemaSetError(`no schema node at ${loc.file.path}#${loc.pointer}`);
  return node;
}

/** The root node of the file at `path` (below `schemas/`). */
export function rootOf(graph: SchemaGraph, path: string): GraphNode {
  const node = graph.roots.get(path);
  if (!node) throw new SchemaSetError(`no schema file ${path}`);
  return node;
}
