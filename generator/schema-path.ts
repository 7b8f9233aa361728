/**
 * Follows a path of property names (and "*" for array items) through a schema, across `$ref`s and
 * unions, and says for each step whether the value may be absent and which union branch it lies in.
 * The provider emitter uses it to write straight-line reads: `i.header.type === "image" &&
 * i.header.image.link !== undefined` is exactly what the schema allows, so the code it emits needs
 * no walk at run time.
 */
import { type Schema, type SchemaFile, type SchemaSet, SchemaSetError, isSchema, nodeAt, resolveRef } from "./schema-set.ts";

/** A schema node and the file it sits in (for resolving its `$ref`s). */
export interface At {
  file: SchemaFile;
  node: Schema;
}

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
  /** Every schema the path's end may be validated against (more than one below an undiscriminated union). */
  ends: At[];
}

export function resolve(set: SchemaSet, at: At): At {
  let current = at;
  for (let hops = 0; typeof current.node.$ref === "string"; hops++) {
    if (hops > 32) throw new SchemaSetError(`${at.file.path}: $ref chain too long`);
    const target = resolveRef(set, current.file, current.node.$ref);
    current = { file: target.file, node: nodeAt(target.file.schema, target.pointer)! };
  }
  return current;
}

function branches(set: SchemaSet, at: At, keyword: "oneOf" | "anyOf" | "allOf"): At[] {
  const list = at.node[keyword];
  return Array.isArray(list) ? list.filter(isSchema).map((node) => resolve(set, { file: at.file, node })) : [];
}

/** The alternatives a value at `at` may take: the branches of a `oneOf`/`anyOf`, or `at` itself. */
function alternatives(set: SchemaSet, at: At): At[] {
  const r = resolve(set, at);
  const union = [...branches(set, r, "oneOf"), ...branches(set, r, "anyOf")].filter(
    (b) => b.node.properties !== undefined || b.node.oneOf !== undefined || b.node.$ref !== undefined,
  );
  return union.length === 0 ? [r] : union.flatMap((b) => alternatives(set, b));
}

function properties(at: At): Record<string, Schema> {
  return (isSchema(at.node.properties) ? at.node.properties : {}) as Record<string, Schema>;
}

function requires(at: At, key: string): boolean {
  return Array.isArray(at.node.required) && at.node.required.includes(key);
}

/** The value a branch's discriminator property is pinned to, if it is a `const`. */
function discriminatorValue(set: SchemaSet, at: At, property: string): unknown {
  const p = properties(at)[property];
  return p === undefined ? undefined : resolve(set, { file: at.file, node: p }).node.const;
}

/**
 * Walks `path` from `root`. `pinned` fixes discriminators already known (a form's `type`): only the
 * branch they select is followed, and no narrowing is reported for them.
 * Returns undefined when the schema has no place for the path.
 */
export function walk(
  set: SchemaSet,
  root: At,
  path: string[],
  pinned: ReadonlyMap<string, unknown> = new Map(),
  /** Paths (joined with "/") whose schema is fixed to one branch, such as a body's content for one kind. */
  overrides: ReadonlyMap<string, At> = new Map(),
): Walk | undefined {
  let here: At[] = [resolve(set, root)];
  const steps: Step[] = [];
  for (const [i, key] of path.entries()) {
    const prefix = path.slice(0, i);
    const next: At[] = [];
    let optional = false;
    const narrowing: Narrowing[] = [];
    for (const node of here) {
      const r = resolve(set, node);
      if (key === "*" || /^[0-9]+$/.test(key)) {
        if (!isSchema(r.node.items)) continue;
        next.push(resolve(set, { file: r.file, node: r.node.items }));
        continue;
      }
      const discriminator = typeof r.node["x-discriminator"] === "string" ? r.node["x-discriminator"] : undefined;
      const pin = discriminator === undefined ? undefined : pinned.get([...prefix, discriminator].join("/"));
      let options = alternatives(set, r);
      if (pin !== undefined) options = options.filter((b) => discriminatorValue(set, b, discriminator!) === pin);
      const holding = options.filter((b) => properties(b)[key] !== undefined);
      if (holding.length === 0) continue;
      let narrowed = false;
      if (discriminator !== undefined && pin === undefined && holding.length < options.length) {
        // In one branch, a read needs its discriminator tested first (and is then as required as
        // that branch says); in several, the code that builds the value splits by the discriminator.
        const values = holding.map((b) => discriminatorValue(set, b, discriminator));
        if (values.length === 1) {
          narrowing.push({ path: [...prefix, discriminator], value: values[0] });
          narrowed = true;
        }
      }
      if ((holding.length < options.length && !narrowed) || holding.some((b) => !requires(b, key))) optional = true;
      for (const b of holding) next.push(resolve(set, { file: b.file, node: properties(b)[key]! }));
    }
    if (next.length === 0) return undefined;
    steps.push({ key, optional, narrowing });
    const fixed = overrides.get(path.slice(0, i + 1).join("/"));
    here = fixed === undefined ? next : [resolve(set, fixed)];
  }
  return { steps, ends: here };
}

/** The property names a node may hold, in the order its schema (and its branches) list them. */
export function keyOrder(set: SchemaSet, ends: At[]): string[] {
  const out: string[] = [];
  for (const end of ends)
    for (const alt of [resolve(set, end), ...alternatives(set, end)])
      for (const key of Object.keys(properties(alt))) if (!out.includes(key)) out.push(key);
  return out;
}

/** The one node whose `x-ts-name` is `name` in the files below `folder` (a body branch, a webhook item). */
export function namedNode(set: SchemaSet, folder: string, name: string): At {
  const found: At[] = [];
  for (const file of set.files.filter((f) => f.path.startsWith(folder))) {
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node !== null && typeof node === "object") {
        if ((node as Record<string, unknown>)["x-ts-name"] === name) found.push({ file, node: node as Schema });
        Object.values(node).forEach(visit);
      }
    };
    visit(file.schema);
  }
  if (found.length !== 1) throw new SchemaSetError(`${folder}: no single schema named ${name}`);
  return found[0]!;
}
