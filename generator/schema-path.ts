/**
 * Follows a path of property names (and "*" for array items) through the schema graph, across
 * references and unions, and says for each step whether the value may be absent and which union
 * branch it lies in. The provider emitter uses it to write straight-line reads: `i.header.type ===
 * "image" && i.header.image.link !== undefined` is exactly what the schema allows, so the code it
 * emits needs no walk at run time.
 */
import type { SchemaGraph } from "./graph/build.ts";
import type { GraphNode } from "./graph/nodes.ts";
import { resolved } from "./graph/query.ts";
import { SchemaSetError } from "./schema-set.ts";

/** A node the walk stands on: references already followed. */
export type Shape = Exclude<GraphNode, { kind: "ref" }>;

/** A discriminated union's branch a step lies in: `path` (below the walk's root) must equal `value`. */
export interface Narrowing {
  path: string[];
  value: unknown;
}

export interface Step {
  key: string;
  /** The value may be absent (not required in every schema that allows it). */
  optional: boolean;
  /** The discriminator values that select the branch holding this step. */
  narrowing: Narrowing[];
}

export interface Walk {
  steps: Step[];
  /** Every node the path's end may be validated against (more than one below an undiscriminated union). */
  ends: Shape[];
}

/** The value a `const` node holds (undefined for any other node, an `enum` included). */
export function constValue(node: GraphNode): unknown {
  const r = resolved(node);
  return r.kind === "const" && r.keyword === "const" ? r.values[0] : undefined;
}

/** The values a node may take, where it lists them (`const` or `enum`). */
export function listedValues(node: GraphNode): readonly unknown[] | undefined {
  const r = resolved(node);
  return r.kind === "const" ? r.values : undefined;
}

/** The alternatives a value at `node` may take: the shapes of a union (nested ones flattened), or the node itself. */
function alternatives(node: GraphNode): Shape[] {
  const r = resolved(node);
  const shapes = r.kind === "union" ? r.branches : r.kind === "object" ? (r.alternatives?.branches ?? []) : [];
  const union = shapes.map(resolved).filter((b) => b.kind === "object" || b.kind === "union");
  return union.length === 0 ? [r] : union.flatMap(alternatives);
}

function property(node: Shape, key: string): { node: GraphNode; required: boolean } | undefined {
  return node.kind === "object" ? node.properties.find((p) => p.key === key) : undefined;
}

/** The value a branch's discriminator property is pinned to, if it is a `const`. */
function discriminatorValue(branch: Shape, name: string): unknown {
  const p = property(branch, name);
  return p === undefined ? undefined : constValue(p.node);
}

/**
 * Walks `path` from `root`. `pinned` fixes discriminators already known (a form's `type`): only the
 * branch they select is followed, and no narrowing is reported for them.
 * Returns undefined when the schema has no place for the path.
 */
export function walk(
  root: GraphNode,
  path: string[],
  pinned: ReadonlyMap<string, unknown> = new Map(),
  /** Paths (joined with "/") whose schema is fixed to one branch, such as a body's content for one kind. */
  overrides: ReadonlyMap<string, GraphNode> = new Map(),
): Walk | undefined {
  let here: Shape[] = [resolved(root)];
  const steps: Step[] = [];
  for (const [i, key] of path.entries()) {
    const prefix = path.slice(0, i);
    const next: Shape[] = [];
    let optional = false;
    const narrowing: Narrowing[] = [];
    for (const r of here) {
      if (key === "*" || /^[0-9]+$/.test(key)) {
        if (r.kind === "array" && r.items !== undefined) next.push(resolved(r.items));
        continue;
      }
      const discriminator = r.kind === "union" ? r.discriminator?.property : undefined;
      const pin = discriminator === undefined ? undefined : pinned.get([...prefix, discriminator].join("/"));
      let options = alternatives(r);
      if (pin !== undefined) options = options.filter((b) => discriminatorValue(b, discriminator!) === pin);
      const holding = options.filter((b) => property(b, key) !== undefined);
      if (holding.length === 0) continue;
      let narrowed = false;
      if (discriminator !== undefined && pin === undefined && holding.length < options.length) {
        // In one branch, a read needs its discriminator tested first (and is then as required as
        // that branch says); in several, the code that builds the value splits by the discriminator.
        const values = holding.map((b) => discriminatorValue(b, discriminator));
        if (values.length === 1) {
          narrowing.push({ path: [...prefix, discriminator], value: values[0] });
          narrowed = true;
        }
      }
      if ((holding.length < options.length && !narrowed) || holding.some((b) => !property(b, key)!.required)) optional = true;
      for (const b of holding) next.push(resolved(property(b, key)!.node));
    }
    if (next.length === 0) return undefined;
    steps.push({ key, optional, narrowing });
    const fixed = overrides.get(path.slice(0, i + 1).join("/"));
    here = fixed === undefined ? next : [resolved(fixed)];
  }
  return { steps, ends: here };
}

/** The property names a node may hold, in the order its schema (and its branches) list them. */
export function keyOrder(ends: readonly GraphNode[]): string[] {
  const out: string[] = [];
  for (const end of ends)
    for (const alt of [resolved(end), ...alternatives(end)])
      if (alt.kind === "object") for (const { key } of alt.properties) if (!out.includes(key)) out.push(key);
  return out;
}

/** The required property names of an object node (none for any other). */
export function requiredOf(node: GraphNode): readonly string[] {
  const r = resolved(node);
  return r.kind === "object" ? r.required : [];
}

/** The one named type `name` among the files below `folder` (a body branch, a webhook item). */
export function namedNode(graph: SchemaGraph, folder: string, name: string): GraphNode {
  const found = graph.named.filter((n) => n.name === name && n.loc.file.path.startsWith(folder));
  if (found.length !== 1) throw new SchemaSetError(`${folder}: no single schema named ${name}`);
  return found[0]!;
}

