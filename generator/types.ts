/**
 * Emits `types.ts`: one TypeScript type for every named schema, read off the schema graph. Each
 * node's kind says what it is written as:
 *
 * - an object: an interface (a named one) or an object type, each property documented with its
 *   schema's description; an index signature only where `additionalProperties` is a schema (other
 *   objects, open ones included, list their properties alone);
 * - "exactly one of / at least one of these properties" (`oneOf` / `anyOf` of bare `required`
 *   lists): a union of object variants, each requiring its properties, and in an exactly-one union
 *   giving the others as `never`, so `{ id, link }` is a type error;
 * - an array: a plain array (`ListRow[]`), its item counts in the doc comment (`@minItems`,
 *   `@maxItems`) and not in the type: a union of tuples would refuse every array built at run time
 *   (`rows.map(…)` is `ListRow[]`, never `[ListRow] | [ListRow, ListRow] | …`). The validators count
 *   items; the builders' type-level caps are their own;
 * - a constant or enumeration: a union of its literals; a union of shapes: the union of theirs; a
 *   reference: its target's type; a schema with no type: `unknown`.
 *
 * A named node is referred to by its name, which comes only from `x-ts-name` (or a file's name
 * for its root); an unnamed one is written out where it is used. An unnamed schema that contains
 * itself cannot be written out, and fails the generation until it is given a name.
 */
import { Module, docBlock, lit, ts } from "./code.ts";
import type { SchemaGraph } from "./graph/build.ts";
import type { ArrayNode, GraphNode, NamedNode, ObjectNode, Property } from "./graph/nodes.ts";
import { SchemaSetError } from "./schema-set.ts";

/** A type expression, and how it binds: a union or an intersection needs parentheses as an array's items. */
interface Expr {
  text: string;
  binds: "tight" | "union" | "intersection";
}

const tight = (text: string): Expr => ({ text, binds: "tight" });

/** A property key as written in a type: bare when it is an identifier. */
const keyName = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : lit(key));

/** The properties one variant of a presence union requires, and those it must not have. */
interface Presence {
  required: readonly string[];
  absent: readonly string[];
}

const NO_PRESENCE: Presence = { required: [], absent: [] };

/**
 * The variants of an object's presence rules, grouped: one group per exactly-one alternative
 * (each giving the other alternatives' properties as absent), each group one variant per
 * at-least-one alternative. An object with neither is one group of one variant.
 */
function presenceGroups(node: ObjectNode): Presence[][] {
  const lists = node.exactlyOne ?? [];
  const exactly = node.exactlyOne?.map((list) => ({ required: list, absent: lists.flat().filter((key) => !list.includes(key)) })) ?? [NO_PRESENCE];
  const atLeast = node.atLeastOne?.map((list) => ({ required: list, absent: [] })) ?? [NO_PRESENCE];
  return exactly.map((one) => atLeast.map((some) => ({ required: [...one.required, ...some.required], absent: one.absent })));
}

/** The node a reference chain ends at, through unnamed references only (a named node is referred to by name). */
function written(node: GraphNode): GraphNode {
  let current = node;
  while (current.kind === "ref" && current.name === undefined) current = current.target;
  return current;
}

/** The description along a chain of references: the nearest one to where the schema is used. */
function descriptionOf(node: GraphNode): string | undefined {
  for (let current: GraphNode = node; ; current = current.target) {
    if (current.description) return current.description;
    if (current.kind !== "ref" || current.target.name !== undefined) return undefined;
  }
}

/**
 * The doc comment of a declaration or property: the schema's description, then for an array the
 * description of its unnamed items ("Items: …") and its item counts as `@minItems` / `@maxItems`.
 */
function commentOf(node: GraphNode, description: string | undefined): string | undefined {
  const target = written(node);
  const parts = [description];
  if (target.kind === "array") parts.push(itemsComment(target), countTags(target));
  const text = parts.filter((part) => part !== undefined && part !== "").join("\n\n");
  return text === "" ? undefined : text;
}

function itemsComment(array: ArrayNode): string | undefined {
  if (!array.items || written(array.items).name !== undefined || written(array.items).kind === "array") return undefined;
  const description = descriptionOf(array.items);
  // A block tag in it (`@deprecated`) would read as a tag of the array's own declaration.
  return description === undefined || /(^|\s)@\w/.test(description) ? undefined : `Items: ${description}`;
}

function countTags(array: ArrayNode): string | undefined {
  const tags = [array.minItems !== undefined && `@minItems ${array.minItems}`, array.maxItems !== undefined && `@maxItems ${array.maxItems}`].filter((tag) => tag !== false);
  return tags.length === 0 ? undefined : tags.join("\n");
}

class TypeWriter {
  /** The unnamed nodes being written out, outermost first: meeting one again means it contains itself. */
  private readonly open: GraphNode[] = [];

  /** The type of `node` where it is used: a named node by its name, any other written out. */
  use(node: GraphNode): Expr {
    return node.name !== undefined ? tight(node.name) : this.shape(node);
  }

  /** The type `node` stands for, written out. */
  shape(node: GraphNode): Expr {
    if (this.open.includes(node)) {
      throw new SchemaSetError(`${node.where}: this schema contains itself, so its type cannot be written out where it is used; give it an x-ts-name`);
    }
    this.open.push(node);
    try {
      return this.kind(node);
    } finally {
      this.open.pop();
    }
  }

  private kind(node: GraphNode): Expr {
    switch (node.kind) {
      case "ref":
        return this.use(node.target);
      case "object":
        return this.object(node);
      case "array": {
        const item = node.items ? this.use(node.items) : tight("unknown");
        return tight(item.binds === "tight" ? `${item.text}[]` : `(${item.text})[]`);
      }
      case "string":
        return tight("string");
      case "number":
        return tight("number");
      case "boolean":
        return tight("boolean");
      case "const":
        return this.union(node.values.map((value) => tight(lit(value))));
      case "union":
        return this.union(node.branches.map((branch) => this.use(branch)));
      case "any":
        return tight("unknown");
    }
  }

  private union(members: Expr[]): Expr {
    if (members.length === 1) return members[0]!;
    return { text: members.map((m) => (m.binds === "union" ? `(${m.text})` : m.text)).join(" | "), binds: "union" };
  }

  /** An object type, or the union of its presence variants; `& (…)` for a `oneOf` / `anyOf` of shapes beside its keywords. */
  private object(node: ObjectNode): Expr {
    const groups = presenceGroups(node).map((group) => this.union(group.map((presence) => tight(this.members(node, presence)))));
    const own = this.union(groups);
    if (!node.alternatives) return own;
    const shapes = this.union(node.alternatives.branches.map((branch) => this.use(branch)));
    const wrap = (e: Expr) => (e.binds === "tight" ? e.text : `(${e.text})`);
    return { text: `${wrap(own)} & ${wrap(shapes)}`, binds: "intersection" };
  }

  /** The braces of one object variant: its properties, then an index signature for a schema of additional properties. */
  members(node: ObjectNode, presence: Presence): string {
    const required = new Set([...node.required, ...presence.required]);
    const absent = new Set(presence.absent.filter((key) => !required.has(key)));
    const lines = node.properties.map((p) => (absent.has(p.key) ? `${keyName(p.key)}?: never;` : this.property(p, required.has(p.key))));
    for (const key of absent) if (!node.properties.some((p) => p.key === key)) lines.push(`${keyName(key)}?: never;`);
    if (node.additionalProperties) lines.push(`[k: string]: ${this.indexType(node, node.additionalProperties, absent)};`);
    return lines.length === 0 ? "{}" : ts`{\n${lines}\n}`;
  }

  private property(p: Property, required: boolean): string {
    const type = this.use(p.node).text;
    const named = written(p.node).name !== undefined;
    const comment = named ? undefined : commentOf(p.node, descriptionOf(p.node));
    return ts`${comment !== undefined && docBlock(comment)}${keyName(p.key)}${required ? "" : "?"}: ${type};`;
  }

  /**
   * The index signature's type: every named property must fit it (TS2411), so it is the union of
   * the additional properties' type and the named ones', and `undefined`, since a key it allows
   * may be absent.
   */
  private indexType(node: ObjectNode, additional: GraphNode, absent: ReadonlySet<string>): string {
    const own = this.use(additional).text;
    if (own === "unknown") return "unknown | undefined";
    const named = node.properties.filter((p) => !absent.has(p.key)).map((p) => this.use(p.node).text);
    return [...new Set([own, ...named, "undefined"])].join(" | ");
  }

  /** `export interface` for a plain object, `export type` for anything else, with its doc comment. */
  declaration(n: NamedNode): string {
    const plain = n.kind === "object" && !n.exactlyOne && !n.atLeastOne && !n.alternatives;
    const body = plain ? `interface ${n.name} ${this.members(n, NO_PRESENCE)}` : `type ${n.name} = ${this.shape(n).text};`;
    // Written after the type, so that a loop of references fails there, naming its place.
    const comment = commentOf(n, n.description);
    return ts`${comment !== undefined && docBlock(comment)}export ${body}`;
  }
}

export function emitTypes(graph: SchemaGraph): string {
  const module = new Module();
  const writer = new TypeWriter();
  const declarations = graph.named.map((n) => {
    if (module.declare(n.name) !== n.name) throw new SchemaSetError(`${n.where}: the type name ${n.name} is taken twice`);
    return writer.declaration(n);
  });
  return module.render("", declarations.join("\n\n"));
}
