/**
 * The node types of the resolved schema graph (graph/build.ts makes it). Each schema node of the
 * set becomes one typed node: what it is (object, array, string, number, boolean, a constant or
 * enumeration, a union of shapes, a reference, or any JSON), its labels, its keywords as typed
 * fields, and each of its rules with the source it cites and the strength that source gives it.
 * Emitters read these instead of raw JSON, so none of them re-resolves `$ref`s, re-decides which
 * `oneOf` is a union and which a presence rule, or casts a keyword's value.
 */
import type { Keyword } from "../keywords.ts";
import type { Json, Location, Schema } from "../schema-set.ts";
import type { Strength } from "../sources.ts";

/** The types a schema may state in `type` (forms.ts refuses any other). */
export type JsonType = "string" | "integer" | "number" | "boolean" | "object" | "array";

/** One rule: a keyword that refuses values on a node, or one part of a keyword with parts (sources.ts). */
export interface Rule {
  keyword: string;
  /** The property of `required`, the pattern of `x-uniqueValues` or `x-maxTotal`, when cited apart. */
  part?: string;
  /** JSON Pointer of the keyword (and of the part's index) in its file. */
  pointer: string;
  /** The source id its `x-source` cites, and the note given with it; none in a set loaded unsourced. */
  source?: string;
  note?: string;
  strength: Strength;
}

/**
 * One test of the keyword table that a node asks for: the table's entry, the argument it tests (a
 * part's, for a keyword with parts), and the rule it enforces. The validators write both passes
 * from these and the docs their rules column, so a keyword added to the table is checked and
 * documented with no change to either emitter. An entry with a doc line and no test (`format`,
 * `x-uniqueValues`) is here for the docs; the validators take only the tests about a value's kind.
 */
export interface Check {
  keyword: Keyword;
  /** The part of a keyword with parts (a pattern of `x-maxTotal`), tested on its own. */
  part?: string;
  arg: Json;
  /** Its source and strength; none for a test that is no rule. */
  rule?: Rule;
}

interface NodeBase {
  /** The file and JSON Pointer the node was written at. */
  loc: Location;
  /** `<file path>#<pointer>`, for messages. */
  where: string;
  /** The type name (`x-ts-name`, or the file name for a root), when the node is a named type. */
  name?: string;
  title?: string;
  description?: string;
  /** The `type` the schema states, if any (a node can be an object by its keywords alone). */
  type?: JsonType;
  rules: Rule[];
  /** The keyword table's tests (and doc-only entries) on the node, in the table's order, each part apart (`applies` decides which ask for one). */
  checks: Check[];
  /**
   * The node as written. Only for emitters that copy the canonical JSON (the bundle, TypeBox's
   * definitions) and for the code not yet reading the graph; everything the graph models is in
   * the typed fields.
   */
  schema: Schema;
}

export interface Property {
  key: string;
  node: GraphNode;
  required: boolean;
}

/** A total `x-maxTotal` caps: how many values `path` (segments, `*` for any) may reach, at most. */
export interface Total {
  path: string;
  maximum: number;
}

export interface ObjectNode extends NodeBase {
  kind: "object";
  /** In document order. */
  properties: Property[];
  required: string[];
  /** `false`: no other property; a node: every other property's schema; absent: anything goes. */
  additionalProperties?: false | GraphNode;
  /** The names a map's keys may take (`propertyNames: { enum }`). */
  propertyNames?: ConstNode;
  minProperties?: number;
  /** `dependentSchemas`: what an instance must also meet when it has the key. */
  dependents: { key: string; node: GraphNode }[];
  /** A `oneOf` of bare `required` lists: exactly one of each list's properties is present. */
  exactlyOne?: string[][];
  /** An `anyOf` of bare `required` lists: at least one of them is. */
  atLeastOne?: string[][];
  /** A `oneOf` / `anyOf` of shapes beside the object's own keywords (forms.ts allows it). */
  alternatives?: { keyword: "oneOf" | "anyOf"; branches: GraphNode[] };
  maxTotal: Total[];
  /** `x-uniqueValues`: path patterns whose values are unique across the instance. */
  uniqueValues: string[];
}

export interface ArrayNode extends NodeBase {
  kind: "array";
  items?: GraphNode;
  minItems?: number;
  maxItems?: number;
  /** `x-requiredIfMultiple`: with more than one item, each needs these properties. */
  requiredIfMultiple: string[];
  /** `x-uniformItems`: every item like the first at these paths, in value or in length. */
  uniformItems?: { values: string[]; lengths: string[] };
}

export interface StringNode extends NodeBase {
  kind: "string";
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  trimmed: boolean;
  notBlank: boolean;
  noEmoji: boolean;
  emoji: boolean;
}

export interface NumberNode extends NodeBase {
  kind: "number";
  integer: boolean;
  minimum?: number;
  maximum?: number;
}

export interface BooleanNode extends NodeBase {
  kind: "boolean";
}

/** A `const` (one value) or an `enum`. */
export interface ConstNode extends NodeBase {
  kind: "const";
  /** Which keyword wrote it. */
  keyword: "const" | "enum";
  values: (string | number | boolean | null)[];
  /** The stated scalar type's own checks, when a `type` stands beside the values. */
  scalar?: StringNode | NumberNode | BooleanNode;
}

/** A `oneOf` / `anyOf` of shapes: the instance is one of the branches. */
export interface UnionNode extends NodeBase {
  kind: "union";
  keyword: "oneOf" | "anyOf";
  branches: GraphNode[];
  /**
   * `x-discriminator`: the property whose `const` tells the branches apart, and each branch's
   * value of it (in branch order; undefined where a branch has none).
   */
  discriminator?: { property: string; values: (Json | undefined)[] };
}

/** A `$ref`: `target` is the node it points at (itself possibly a reference; see `resolved`). */
export interface RefNode extends NodeBase {
  kind: "ref";
  ref: string;
  target: GraphNode;
}

/** A node that states no type and no keyword that would make it one: any JSON value. */
export interface AnyNode extends NodeBase {
  kind: "any";
}

export type GraphNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | ConstNode | UnionNode | RefNode | AnyNode;
export type NodeKind = GraphNode["kind"];

/** A node that is a named type. */
export type NamedNode = GraphNode & { name: string };
