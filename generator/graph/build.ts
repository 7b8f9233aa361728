/**
 * Builds the resolved schema graph, once, from the loaded and named set: one typed node per schema
 * node (graph/nodes.ts), every `$ref` linked to the node it names, every union's discriminator
 * values read off its branches, every named type labelled. The loader has already refused what
 * the emitters cannot read (forms.ts); what is left here is to decide each node's kind the one way
 * every emitter then shares, and to refuse a keyword on a node of a kind it says nothing about
 * (an `x-trimmed` on an object), which no emitter would otherwise enforce.
 */
import { ARRAY_KEYWORDS, KEYWORDS, type Keyword, OBJECT_KEYWORDS } from "../keywords.ts";
import { type NamedSchema, locationKey } from "../names.ts";
import { type Json, type Schema, type SchemaFile, type SchemaSet, SchemaSetError, isSchema, resolveRef } from "../schema-set.ts";
import { isPresenceList, type Sources } from "../sources.ts";
import type { ArrayNode, BooleanNode, ConstNode, GraphNode, JsonType, NamedNode, NodeKind, NumberNode, ObjectNode, Property, RefNode, StringNode, Total, UnionNode } from "./nodes.ts";
import { resolved } from "./query.ts";
import { checksOfNode, rulesOfNode } from "./rules.ts";
import { escapePointer } from "./walk.ts";

export interface SchemaGraph {
  /** What the rules' sources are (for pages that list them). */
  sources: Sources;
  /** Every node, by `<file $id>#<pointer>` (names.ts `locationKey`). */
  nodes: ReadonlyMap<string, GraphNode>;
  /** Each file's root node, by its path below `schemas/`, in file order. */
  roots: ReadonlyMap<string, GraphNode>;
  /** The named types, in naming order (names.ts). */
  named: NamedNode[];
}

/** Keywords every node may carry: identity, labels and annotations. */
const ANNOTATIONS = ["$schema", "$id", "$defs", "title", "description", "examples", "x-ts-name", "x-source", "type", "format"];

/** The keyword table's rules about values of a kind (`on`): a new rule keyword is allowed where its entry says. */
const tableRules = (...on: NonNullable<Keyword["on"]>[]) => KEYWORDS.filter((k) => k.on !== undefined && on.includes(k.on)).map((k) => k.name);

/** The keywords each kind of node reads; any other (but the annotations) on it is refused. */
function keywordsOf(kind: NodeKind): readonly string[] {
  switch (kind) {
    case "ref":
      return ["$ref"];
    case "const":
      return ["const", "enum"];
    case "union":
      return ["oneOf", "anyOf", "x-discriminator"];
    case "object":
      return [...OBJECT_KEYWORDS, "oneOf", "anyOf", "x-uniqueValues", ...tableRules("object")];
    case "array":
      return [...ARRAY_KEYWORDS, ...tableRules("array", "item")];
    case "string":
      return tableRules("string");
    case "number":
      return tableRules("number");
    default:
      return [];
  }
}

/** The allowed sets, made once per kind for the table as it stands (a test may add a keyword to it). */
const allowedSets = new Map<string, ReadonlySet<string>>();
/** The keywords a node of `kind` may carry (with a constant's stated `scalar` type, that type's too). */
function allowedOn(kind: NodeKind, scalar?: NodeKind): ReadonlySet<string> {
  const key = `${KEYWORDS.length} ${kind} ${scalar ?? ""}`;
  let allowed = allowedSets.get(key);
  if (!allowed) allowedSets.set(key, (allowed = new Set([...ANNOTATIONS, ...keywordsOf(kind), ...(scalar ? keywordsOf(scalar) : [])])));
  return allowed;
}

/** What a node is, decided once: the same node is the same kind to every emitter. */
function kindOf(s: Schema): NodeKind {
  if ("$ref" in s) return "ref";
  if ("const" in s || "enum" in s) return "const";
  const objectish = s.type === "object" || (s.type === undefined && OBJECT_KEYWORDS.some((k) => k in s));
  const shapes = s.oneOf ?? s.anyOf;
  if (shapes !== undefined && !isPresenceList(shapes) && !objectish) return "union";
  if (objectish) return "object";
  if (s.type === "array" || (s.type === undefined && ARRAY_KEYWORDS.some((k) => k in s))) return "array";
  return scalarKind(s) ?? "any";
}

function scalarKind(s: Schema): "string" | "number" | "boolean" | undefined {
  if (s.type === "string") return "string";
  if (s.type === "integer" || s.type === "number") return "number";
  return s.type === "boolean" ? "boolean" : undefined;
}

type Base = Omit<StringNode, "kind" | "minLength" | "maxLength" | "pattern" | "format" | "trimmed" | "notBlank" | "noEmoji" | "emoji">;

const num = (v: Json | undefined) => (typeof v === "number" ? v : undefined);
const strings = (v: Json | undefined) => (Array.isArray(v) ? v.map(String) : []);
/** Sets only the fields that are defined, so a node holds no `key: undefined`. */
function defined<T extends object>(node: T, fields: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) (node as Record<string, unknown>)[key] = value;
  return node;
}

class GraphBuilder {
  readonly nodes = new Map<string, GraphNode>();
  private readonly refs: { node: RefNode; file: SchemaFile }[] = [];
  private readonly unions: UnionNode[] = [];

  constructor(private readonly set: SchemaSet) {}

  node(file: SchemaFile, s: Schema, pointer: string): GraphNode {
    const where = `${file.path}#${pointer}`;
    const kind = kindOf(s);
    const scalar = kind === "const" ? scalarKind(s) : undefined;
    const allowed = allowedOn(kind, scalar);
    if ("const" in s && "enum" in s) throw new SchemaSetError(`${where}: "const" and "enum" in one schema are not supported; keep the one that says it`);
    for (const key of Object.keys(s)) {
      if (!allowed.has(key)) throw new SchemaSetError(`${where}: "${key}" does not apply to ${kind === "any" ? "a schema with no type" : `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} schema`}; state the type it is about beside it`);
    }
    // Taken before the children, so the map lists nodes in document order, parents first.
    const key = `${file.id}#${pointer}`;
    this.nodes.set(key, undefined as unknown as GraphNode);
    const rules = rulesOfNode(this.set, s, pointer);
    const base: Base = { loc: { file, pointer }, where, rules, checks: checksOfNode(s, rules), schema: s };
    if (typeof s.title === "string") base.title = s.title;
    if (typeof s.description === "string") base.description = s.description;
    if (typeof s.type === "string") base.type = s.type as JsonType;
    const node = this.make(kind, base, file, s, pointer);
    this.nodes.set(key, node);
    for (const [def, sub] of Object.entries(isSchema(s.$defs) ? s.$defs : {})) this.node(file, sub as Schema, `${pointer}/$defs/${escapePointer(def)}`);
    return node;
  }

  private make(kind: NodeKind, base: Base, file: SchemaFile, s: Schema, pointer: string): GraphNode {
    const child = (sub: Json, keyword: string, key?: string | number) => this.node(file, sub as Schema, key === undefined ? `${pointer}/${keyword}` : `${pointer}/${keyword}/${escapePointer(String(key))}`);
    switch (kind) {
      case "ref": {
        const node = { ...base, kind, ref: s.$ref as string } as RefNode;
        this.refs.push({ node, file });
        return node;
      }
      case "const": {
        const values = (s.const !== undefined ? [s.const] : (s.enum as Json[])) as ConstNode["values"];
        const scalar = scalarKind(s);
        return defined<ConstNode>({ ...base, kind, keyword: s.const !== undefined ? "const" : "enum", values }, { scalar: scalar && (this.make(scalar, base, file, s, pointer) as ConstNode["scalar"]) });
      }
      case "union": {
        const keyword = s.oneOf !== undefined ? "oneOf" : "anyOf";
        const union: UnionNode = { ...base, kind, keyword, branches: (s[keyword] as Json[]).map((b, i) => child(b, keyword, i)) };
        if (typeof s["x-discriminator"] === "string") union.discriminator = { property: s["x-discriminator"], values: [] };
        this.unions.push(union);
        return union;
      }
      case "object":
        return this.object(base, s, child);
      case "array": {
        const uniform = s["x-uniformItems"] as { values?: Json; lengths?: Json } | undefined;
        return defined<ArrayNode>({ ...base, kind, requiredIfMultiple: strings(s["x-requiredIfMultiple"]) }, {
          items: isSchema(s.items) ? child(s.items, "items") : undefined,
          minItems: num(s.minItems),
          maxItems: num(s.maxItems),
          uniformItems: uniform && { values: strings(uniform.values), lengths: strings(uniform.lengths) },
        });
      }
      case "string":
        return defined<StringNode>(
          { ...base, kind, trimmed: s["x-trimmed"] === true, notBlank: s["x-notBlank"] === true, noEmoji: s["x-noEmoji"] === true, emoji: s["x-emoji"] === true },
          { minLength: num(s.minLength), maxLength: num(s.maxLength), pattern: typeof s.pattern === "string" ? s.pattern : undefined, format: typeof s.format === "string" ? s.format : undefined },
        );
      case "number":
        return defined<NumberNode>({ ...base, kind, integer: s.type === "integer" }, { minimum: num(s.minimum), maximum: num(s.maximum) });
      case "boolean":
        return { ...base, kind } satisfies BooleanNode;
      case "any":
        return { ...base, kind };
    }
  }

  private object(base: Base, s: Schema, child: (sub: Json, keyword: string, key?: string | number) => GraphNode): ObjectNode {
    const required = strings(s.required);
    const properties: Property[] = Object.entries(isSchema(s.properties) ? s.properties : {}).map(([key, sub]) => ({ key, node: child(sub, "properties", key), required: required.includes(key) }));
    const node: ObjectNode = {
      ...base,
      kind: "object",
      properties,
      required,
      dependents: Object.entries(isSchema(s.dependentSchemas) ? s.dependentSchemas : {}).map(([key, sub]) => ({ key, node: child(sub, "dependentSchemas", key) })),
      maxTotal: (Array.isArray(s["x-maxTotal"]) ? s["x-maxTotal"] : s["x-maxTotal"] === undefined ? [] : [s["x-maxTotal"]]) as unknown as Total[],
      uniqueValues: strings(s["x-uniqueValues"]),
    };
    if (s.additionalProperties === false) node.additionalProperties = false;
    else if (isSchema(s.additionalProperties)) node.additionalProperties = child(s.additionalProperties, "additionalProperties");
    if (isSchema(s.propertyNames)) {
      const names = child(s.propertyNames, "propertyNames");
      if (names.kind !== "const") throw new SchemaSetError(`${names.where}: propertyNames must be an enum`);
      node.propertyNames = names;
    }
    if (typeof s.minProperties === "number") node.minProperties = s.minProperties;
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const branches = s[keyword];
      if (!Array.isArray(branches)) continue;
      if (isPresenceList(branches)) node[keyword === "oneOf" ? "exactlyOne" : "atLeastOne"] = branches.map((b) => strings((b as Schema).required));
      else node.alternatives = { keyword, branches: branches.map((b, i) => child(b, keyword, i)) };
    }
    return node;
  }

  /** Links every reference to its node, then reads each discriminated union's tag values. */
  finish(): void {
    // Most references are written many times over (every message's `body`): each is resolved once per file.
    const resolvedRefs = new Map<string, string>();
    for (const { node, file } of this.refs) {
      const written = `${file.id} ${node.ref}`;
      let key = resolvedRefs.get(written);
      if (key === undefined) resolvedRefs.set(written, (key = locationKey(resolveRef(this.set, file, node.ref))));
      const target = this.nodes.get(key);
      if (!target) throw new SchemaSetError(`${node.where}: $ref ${node.ref} points at no schema node`);
      node.target = target;
    }
    for (const union of this.unions) {
      const tag = union.discriminator;
      if (!tag) continue;
      tag.values = union.branches.map((b) => {
        const branch = resolved(b);
        const property = branch.kind === "object" ? branch.properties.find((p) => p.key === tag.property) : undefined;
        const value = property && resolved(property.node);
        return value?.kind === "const" && value.keyword === "const" ? value.values[0] : undefined;
      });
    }
  }
}

export function buildGraph(set: SchemaSet, named: NamedSchema[]): SchemaGraph {
  const builder = new GraphBuilder(set);
  const roots = new Map(set.files.map((file) => [file.path, builder.node(file, file.schema, "")]));
  builder.finish();
  const labelled = named.map((n) => {
    const node = builder.nodes.get(locationKey(n));
    if (!node) throw new SchemaSetError(`${n.file.path}#${n.pointer}: the type ${n.name} names no schema node`);
    node.name = n.name;
    return node as NamedNode;
  });
  return { sources: set.sources, nodes: builder.nodes, roots, named: labelled };
}
