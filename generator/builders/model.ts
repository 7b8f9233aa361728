/**
 * The builder model: what methods a schema's builder has, read off the schema's keywords alone.
 * Nothing here names an interactive type; a new schema under `interactive/` or `message/` gets
 * its builder from the same rules:
 *
 * - `const` properties are filled in by the builder (no method).
 * - Strings, numbers, enums and objects given whole (open objects, and objects with no required
 *   property, such as media or option bags) get a setter named after the property.
 * - An object with only a required `text` string (body, footer) gets a setter taking the text.
 * - A property whose schema is tagged by a `type` const (or an `x-discriminator` union of such)
 *   gets a group with one method per tag: `.header.text("…")`, `.header.image({ link })`.
 * - An array gets an adder per item (named after the item's tag, else the singular of the array
 *   name) and an array form named after the array, for items built at run time. Items whose
 *   properties are all simple take them as arguments (`.row(id, title, description?)`); others
 *   take a callback that fills in a sub-builder (`.section("Orders", (s) => s.row(…))`).
 * - An integer that `x-uniqueValues` makes unique across an array's items, starting at 0, is the
 *   item's position (`card_index`) and is numbered by the builder.
 * - An object defined under `parts/` (a shared part such as an amount or an order) is given
 *   whole, typed by its schema: `.totalAmount({ value: 21000, offset: 100 })`.
 * - Any other object (`action`, `parameters`) is flattened: its properties become the builder's.
 * - A property whose schema has a builder of its own (the interactive object of an envelope) takes
 *   a built value or that builder.
 */
import type { SchemaGraph } from "../graph/build.ts";
import type { GraphNode, ObjectNode } from "../graph/nodes.ts";
import { nodeAt, resolved } from "../graph/query.ts";
import { ruleOf } from "../graph/rules.ts";
import { locationKey } from "../names.ts";
import { escapePointer } from "../graph/walk.ts";
import { type Json, type Location, SchemaSetError, isSchema } from "../schema-set.ts";

/** The folder of the pieces messages share (body, header, amounts, orders). */
const PARTS = "parts/";

/** A node of the schema graph, as the builders see it. */
export type Node = GraphNode;

interface LeafBase {
  /** The property name. */
  key: string;
  /** Path from the object the builder makes. */
  path: string[];
  /** Path from the top-level message, `*` for array items (for reply ids and clamping). */
  abs: string[];
  required: boolean;
  /** Constants of the optional or alternative containers on the way, written with the leaf. */
  consts: [string[], Json][];
  /** Documentation, from the schema descriptions on the way. */
  doc: string;
  /** The leaf's own schema (dereferenced). */
  node: Node;
}

export interface ValueLeaf extends LeafBase {
  kind: "value";
  /** The TypeScript type of the argument. */
  tsType: string;
  /** A reply id: returned in the reply webhook, so its literal type is tracked. */
  replyId: boolean;
}

export interface TextLeaf extends LeafBase {
  kind: "text";
}

export interface ChoiceLeaf extends LeafBase {
  kind: "choice";
  branches: Item[];
}

export interface ListLeaf extends LeafBase {
  kind: "list";
  /** One item model, or one per tag for a union of tagged items. */
  items: Item[];
  /** The item type, for the array form. */
  itemType: string;
  max?: number;
}

export interface TargetLeaf extends LeafBase {
  kind: "target";
  /** The TypeScript type of a built value. */
  tsType: string;
  /** The builder types that make it. */
  builders: string[];
}

export type Leaf = ValueLeaf | TextLeaf | ChoiceLeaf | ListLeaf | TargetLeaf;

/** An object a builder makes: a whole message, a tagged header, a list section, a carousel card. */
export interface Item {
  /** Its type name (`x-ts-name`). */
  typeName: string;
  /** The value of its `type` const, when it is tagged. */
  tag?: string;
  /** The constants every instance starts with. */
  base: Record<string, Json>;
  leaves: Leaf[];
  /** Some leaf needs more than an argument (a group or a list): the item is made by a sub-builder. */
  complex: boolean;
  /** Properties `x-requiredIfMultiple` names on the array holding the item. */
  requiredIfMultiple: string[];
  /** Positional fields numbered by the builder: [array path from the top-level message, key]. */
  ordinals: [string[], string][];
  title: string;
  description: string;
  node: Node;
}

export class BuilderModel {
  constructor(
    readonly graph: SchemaGraph,
    /** Location key → builder type names, for properties that take a built value. */
    private readonly targets: Map<string, { tsType: string; builders: string[] }>,
  ) {}

  at(loc: Location): Node {
    return nodeAt(this.graph, loc);
  }

  deref(node: Node): Node {
    return resolved(node);
  }

  /** The node below `node` at the keys of a JSON Pointer (`"properties", "action"`; `"items"`; `"oneOf", 2`). */
  child(node: Node, ...keys: (string | number)[]): Node {
    const [keyword, key] = keys;
    const found =
      keys.length === 1 && keyword === "items" && node.kind === "array"
        ? node.items
        : keys.length === 2 && keyword === "properties" && node.kind === "object"
          ? node.properties.find((p) => p.key === key)?.node
          : keys.length === 2 && node.kind === "union" && keyword === node.keyword
            ? node.branches[key as number]
            : undefined;
    return found ?? this.at({ file: node.loc.file, pointer: node.loc.pointer + keys.map((k) => `/${escapePointer(String(k))}`).join("") });
  }

  /** The schema at `node` has builders of its own (the interactive object of an envelope). */
  isTarget(node: Node): boolean {
    return this.targets.has(locationKey(resolved(node).loc));
  }

  nameOf(node: Node): string | undefined {
    return resolved(node).name;
  }

  /** The model of the object at `node`; `abs` is its path from the top-level message. */
  item(node: Node, abs: string[], requiredIfMultiple: string[] = [], unique: string[][] = []): Item {
    const target = resolved(node);
    const typeName = target.name;
    if (!typeName) throw new SchemaSetError(`${target.where}: an object a builder makes needs an x-ts-name`);
    const item: Item = {
      typeName,
      base: {},
      leaves: [],
      complex: false,
      requiredIfMultiple,
      ordinals: [],
      title: target.title ?? typeName,
      description: target.description ?? "",
      node: target,
    };
    const tag = tagOf(target);
    if (tag !== undefined) item.tag = tag;
    this.flatten(item, target, [], abs, true, [], unique, true);
    item.complex = item.leaves.some((l) => l.kind === "choice" || l.kind === "list");
    const seen = new Map<string, Leaf>();
    for (const leaf of item.leaves) {
      const other = seen.get(leaf.key);
      if (other) throw new SchemaSetError(`${target.where}: the builder would have two "${leaf.key}" setters (${other.path.join("/")} and ${leaf.path.join("/")})`);
      seen.set(leaf.key, leaf);
    }
    return item;
  }

  /** Adds the properties of the object `node` (at `path` inside `item`) to the item's leaves. */
  private flatten(item: Item, node: Node, path: string[], abs: string[], required: boolean, consts: [string[], Json][], unique: string[][], inBase: boolean, context = ""): void {
    const properties = node.kind === "object" ? node.properties : [];
    const own = [...unique, ...(node.kind === "object" ? node.uniqueValues : []).map((p) => [...abs, ...p.split("/")])];
    const mine: [string[], Json][] = [];
    for (const { key, node: raw } of properties) {
      const value = constOf(resolved(raw));
      if (value !== undefined) mine.push([[...path, key], value]);
    }
    // Constants of containers that are always there go into the starting value; the others are
    // written by whichever leaf creates their container.
    if (inBase) for (const [p, v] of mine) setPath(item.base, p, v);
    const leafConsts = inBase ? consts : [...consts, ...mine];
    for (const { key, node: raw, required: requiredHere } of properties) {
      const child = resolved(raw);
      if (constOf(child) !== undefined) continue;
      const isRequired = required && requiredHere;
      const base = { key, path: [...path, key], abs: [...abs, key], required: isRequired, consts: leafConsts, node: child };
      const doc = joinDocs(context, raw.description, child.description);
      const target = this.targets.get(locationKey(child.loc));
      const text = textOf(child);
      if (target) {
        item.leaves.push({ ...base, kind: "target", doc, tsType: target.tsType, builders: target.builders });
      } else if (text) {
        item.leaves.push({ ...base, kind: "text", doc: joinDocs(child.description, text.description), node: text });
      } else if (isTagged(child)) {
        const branches = this.branches(child).map((b) => this.item(b, [...abs, key], [], own));
        item.leaves.push({ ...base, kind: "choice", doc: joinDocs(child.description), branches });
      } else if (child.kind === "object" && child.loc.file.path.startsWith(PARTS) && child.name !== undefined && child.properties.length > 0) {
        // A shared part (an amount, an order) is one value to the message that uses it:
        // flattening it would mix its `value`s and `type`s with the message's own, so it is
        // given whole, typed by its schema.
        item.leaves.push({ ...base, kind: "value", doc, tsType: this.valueType(child, node, key), replyId: false });
      } else if (child.kind === "array") {
        item.leaves.push(this.list(item, child, base, doc, own));
      } else if (isWholeValue(child)) {
        const replyId = key === "id" && own.some((p) => sameAbs(p, base.abs));
        item.leaves.push({ ...base, kind: "value", doc, tsType: this.valueType(child, node, key), replyId });
      } else if (child.kind === "object") {
        // A container that is always there starts out empty, so a missing property inside it is
        // reported where it belongs ("action is missing buttons"), not as a missing container.
        if (inBase && isRequired) setPath(item.base, base.path, {});
        // What an optional container is for ("sends the message as a reply that quotes …") is
        // the only place its setters say so; required ones (`action`) need no introduction.
        const about = isRequired ? context : joinDocs(context, raw.description, child.description);
        this.flatten(item, child, base.path, base.abs, isRequired, leafConsts, own, inBase && isRequired, about);
      } else if (child.kind === "union") {
        // Alternative containers (a card's URL button or its quick replies): each alternative's
        // properties become setters, and its constants are written by whichever is used.
        for (const branch of this.branches(child)) this.flatten(item, branch, base.path, base.abs, false, leafConsts, own, false);
      } else {
        throw new SchemaSetError(`${child.where}: the builder emitter cannot handle a property of kind ${child.kind}`);
      }
    }
  }

  private list(owner: Item, node: Extract<Node, { kind: "array" }>, base: Omit<LeafBase, "doc">, doc: string, unique: string[][]): ListLeaf {
    if (!node.items) throw new SchemaSetError(`${node.where}: an array needs an items schema`);
    const itemsNode = resolved(node.items);
    const abs = [...base.abs, "*"];
    const itemType = itemsNode.name;
    if (!itemType) throw new SchemaSetError(`${itemsNode.where}: array items need an x-ts-name`);
    const items = (isTagged(itemsNode) ? this.branches(itemsNode) : [itemsNode]).map((b) => this.item(b, abs, node.requiredIfMultiple, unique));
    for (const item of items) {
      // A unique integer from 0 is the item's position: the builder numbers it.
      for (const leaf of [...item.leaves]) {
        const ln = leaf.node;
        if (leaf.kind === "value" && ln.kind === "number" && ln.integer && ln.minimum === 0 && unique.some((p) => sameAbs(p, leaf.abs))) {
          item.leaves.splice(item.leaves.indexOf(leaf), 1);
          owner.ordinals.push([base.abs, leaf.key]);
        }
      }
      item.complex = item.leaves.some((l) => l.kind === "choice" || l.kind === "list");
    }
    const leaf: ListLeaf = { ...base, kind: "list", doc, items, itemType };
    // Only a documented cap becomes a type-level one: a warning's cap may be passed (and is reported).
    if (node.maxItems !== undefined && ruleOf(node, "maxItems").strength === "error") leaf.max = node.maxItems;
    return leaf;
  }

  /** A union's branches (each followed to its node); any other node stands for itself. */
  branches(node: Node): Node[] {
    return node.kind === "union" ? node.branches.map(resolved) : [node];
  }

  /** The argument type of a setter. */
  private valueType(child: Node, parent: Node, key: string): string {
    if (child.name) return `T.${child.name}`;
    if (child.kind === "const") return child.values.map((e) => JSON.stringify(e)).join(" | ");
    switch (child.type) {
      case "string":
        return "string";
      case "integer":
      case "number":
        return "number";
      case "boolean":
        return "boolean";
    }
    const parentName = this.nameOf(parent);
    if (!parentName) throw new SchemaSetError(`${child.where}: a value given whole needs a named parent or an x-ts-name`);
    return `NonNullable<T.${parentName}[${JSON.stringify(key)}]>`;
  }
}

/** The value of a `const` node (an `enum` is a choice, not a constant). */
function constOf(node: Node): Json | undefined {
  return node.kind === "const" && node.keyword === "const" ? node.values[0] : undefined;
}

/** The value of an object's required `type` const: the tag that says which object it is. */
function tagOf(node: Node): string | undefined {
  if (node.kind !== "object") return undefined;
  const type = node.properties.find((p) => p.key === "type");
  const value = type && constOf(resolved(type.node));
  return typeof value === "string" && type!.required ? value : undefined;
}

/** Tagged by a required `type` const, or a discriminated union of such objects. */
function isTagged(node: Node): boolean {
  if (node.kind === "union") return node.discriminator !== undefined;
  return tagOf(node) !== undefined && (node as ObjectNode).properties.length > 1;
}

/** The `text` string of an object that holds only that (a body, a footer): its setter takes the text. */
function textOf(node: Node): Node | undefined {
  if (node.kind !== "object" || node.properties.length !== 1 || node.properties[0]!.key !== "text") return undefined;
  const text = resolved(node.properties[0]!.node);
  return text.type === "string" ? text : undefined;
}

/** Passed whole: scalars, open objects, and objects with no required property (options, media). */
function isWholeValue(node: Node): boolean {
  if (node.kind === "string" || node.kind === "number" || node.kind === "boolean" || (node.kind === "const" && node.keyword === "enum")) return true;
  if (node.kind !== "object") return false;
  if (node.properties.length === 0) return true;
  return node.required.length === 0 && !node.properties.some((p) => constOf(resolved(p.node)) !== undefined);
}

function sameAbs(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((seg, i) => seg === b[i]);
}

function setPath(root: Record<string, Json>, path: string[], value: Json): void {
  let node = root;
  for (const seg of path.slice(0, -1)) node = (node[seg] ??= {}) as Record<string, Json>;
  const last = path[path.length - 1]!;
  if (isSchema(value) && isSchema(node[last])) return; // an empty container where one already is
  node[last] = value;
}

function joinDocs(...parts: (string | undefined)[]): string {
  const out: string[] = [];
  for (const p of parts) if (p && !out.includes(p)) out.push(p);
  return out.join(" ");
}
