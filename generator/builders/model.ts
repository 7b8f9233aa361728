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
import { locationKey, type NamedSchema } from "../names.ts";
import { type Json, type Location, type Schema, type SchemaSet, SchemaSetError, isSchema, nodeAt, resolveRef } from "../schema-set.ts";

/** The folder of the pieces messages share (body, header, amounts, orders). */
const PARTS = "parts/";

export interface Node {
  loc: Location;
  schema: Schema;
}

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
  private readonly names = new Map<string, string>();

  constructor(
    readonly set: SchemaSet,
    named: NamedSchema[],
    /** Location key → builder type names, for properties that take a built value. */
    private readonly targets: Map<string, { tsType: string; builders: string[] }>,
  ) {
    for (const n of named) this.names.set(locationKey(n), n.name);
  }

  at(loc: Location): Node {
    const schema = nodeAt(loc.file.schema, loc.pointer);
    if (!schema) throw new SchemaSetError(`nothing at ${loc.file.path}#${loc.pointer}`);
    return { loc, schema };
  }

  deref(node: Node): Node {
    let current = node;
    for (let hops = 0; typeof current.schema.$ref === "string"; hops++) {
      if (hops > 32) throw new SchemaSetError(`$ref loop at ${where(current)}`);
      current = this.at(resolveRef(this.set, current.loc.file, current.schema.$ref));
    }
    return current;
  }

  child(node: Node, ...keys: (string | number)[]): Node {
    return this.at({ file: node.loc.file, pointer: node.loc.pointer + keys.map((k) => `/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("") });
  }

  /** The schema at `node` has builders of its own (the interactive object of an envelope). */
  isTarget(node: Node): boolean {
    return this.targets.has(locationKey(this.deref(node).loc));
  }

  nameOf(node: Node): string | undefined {
    return this.names.get(locationKey(this.deref(node).loc));
  }

  /** The model of the object at `node`; `abs` is its path from the top-level message. */
  item(node: Node, abs: string[], requiredIfMultiple: string[] = [], unique: string[][] = []): Item {
    const target = this.deref(node);
    const s = target.schema;
    const typeName = this.nameOf(target);
    if (!typeName) throw new SchemaSetError(`${where(target)}: an object a builder makes needs an x-ts-name`);
    const item: Item = {
      typeName,
      base: {},
      leaves: [],
      complex: false,
      requiredIfMultiple,
      ordinals: [],
      title: typeof s.title === "string" ? s.title : typeName,
      description: text(s.description),
      node: target,
    };
    const tag = tagOf(s);
    if (tag !== undefined) item.tag = tag;
    this.flatten(item, target, [], abs, true, [], unique, true);
    item.complex = item.leaves.some((l) => l.kind === "choice" || l.kind === "list");
    const seen = new Map<string, Leaf>();
    for (const leaf of item.leaves) {
      const other = seen.get(leaf.key);
      if (other) throw new SchemaSetError(`${where(target)}: the builder would have two "${leaf.key}" setters (${other.path.join("/")} and ${leaf.path.join("/")})`);
      seen.set(leaf.key, leaf);
    }
    return item;
  }

  /** Adds the properties of the object `node` (at `path` inside `item`) to the item's leaves. */
  private flatten(item: Item, node: Node, path: string[], abs: string[], required: boolean, consts: [string[], Json][], unique: string[][], inBase: boolean, context = ""): void {
    const s = node.schema;
    const props = (isSchema(s.properties) ? s.properties : {}) as Record<string, Json>;
    const requiredKeys = (s.required ?? []) as string[];
    const own = [...unique, ...asList(s["x-uniqueValues"]).map((p) => [...abs, ...String(p).split("/")])];
    const mine: [string[], Json][] = [];
    for (const key of Object.keys(props)) {
      const child = this.deref(this.child(node, "properties", key));
      if (child.schema.const !== undefined) mine.push([[...path, key], child.schema.const]);
    }
    // Constants of containers that are always there go into the starting value; the others are
    // written by whichever leaf creates their container.
    if (inBase) for (const [p, v] of mine) setPath(item.base, p, v);
    const leafConsts = inBase ? consts : [...consts, ...mine];
    for (const key of Object.keys(props)) {
      const raw = this.child(node, "properties", key);
      const child = this.deref(raw);
      const cs = child.schema;
      if (cs.const !== undefined) continue;
      const isRequired = required && requiredKeys.includes(key);
      const base = { key, path: [...path, key], abs: [...abs, key], required: isRequired, consts: leafConsts, node: child };
      const doc = joinDocs(context, raw.schema.description, cs.description);
      const target = this.targets.get(locationKey(child.loc));
      if (target) {
        item.leaves.push({ ...base, kind: "target", doc, tsType: target.tsType, builders: target.builders });
      } else if (isTextWrapper(this, child)) {
        const inner = this.deref(this.child(child, "properties", "text"));
        item.leaves.push({ ...base, kind: "text", doc: joinDocs(cs.description, inner.schema.description), node: inner });
      } else if (this.isTagged(child)) {
        const branches = this.branches(child).map((b) => this.item(b, [...abs, key], [], own));
        item.leaves.push({ ...base, kind: "choice", doc: joinDocs(cs.description), branches });
      } else if (child.loc.file.path.startsWith(PARTS) && this.nameOf(child) !== undefined && isSchema(cs.properties)) {
        // A shared part (an amount, an order) is one value to the message that uses it:
        // flattening it would mix its `value`s and `type`s with the message's own, so it is
        // given whole, typed by its schema.
        item.leaves.push({ ...base, kind: "value", doc, tsType: this.valueType(child, node, key), replyId: false });
      } else if (cs.type === "array") {
        item.leaves.push(this.list(item, child, base, doc, own));
      } else if (isWholeValue(cs)) {
        const replyId = key === "id" && own.some((p) => sameAbs(p, base.abs));
        item.leaves.push({ ...base, kind: "value", doc, tsType: this.valueType(child, node, key), replyId });
      } else if (isSchema(cs.properties) || cs.type === "object") {
        // A container that is always there starts out empty, so a missing property inside it is
        // reported where it belongs ("action is missing buttons"), not as a missing container.
        if (inBase && isRequired) setPath(item.base, base.path, {});
        // What an optional container is for ("sends the message as a reply that quotes …") is
        // the only place its setters say so; required ones (`action`) need no introduction.
        const about = isRequired ? context : joinDocs(context, raw.schema.description, cs.description);
        this.flatten(item, child, base.path, base.abs, isRequired, leafConsts, own, inBase && isRequired, about);
      } else if (Array.isArray(cs.oneOf) || Array.isArray(cs.anyOf)) {
        // Alternative containers (a card's URL button or its quick replies): each alternative's
        // properties become setters, and its constants are written by whichever is used.
        for (const branch of this.branches(child)) this.flatten(item, branch, base.path, base.abs, false, leafConsts, own, false);
      } else {
        throw new SchemaSetError(`${where(child)}: the builder emitter cannot handle this property (keywords ${Object.keys(cs).join(", ")})`);
      }
    }
  }

  private list(owner: Item, node: Node, base: Omit<LeafBase, "doc">, doc: string, unique: string[][]): ListLeaf {
    const s = node.schema;
    if (!isSchema(s.items)) throw new SchemaSetError(`${where(node)}: an array needs an items schema`);
    const itemsNode = this.deref(this.child(node, "items"));
    const abs = [...base.abs, "*"];
    const itemType = this.nameOf(itemsNode);
    if (!itemType) throw new SchemaSetError(`${where(itemsNode)}: array items need an x-ts-name`);
    const needed = asList(s["x-requiredIfMultiple"]).map(String);
    const items = (this.isTagged(itemsNode) ? this.branches(itemsNode) : [itemsNode]).map((b) => this.item(b, abs, needed, unique));
    for (const item of items) {
      // A unique integer from 0 is the item's position: the builder numbers it.
      for (const leaf of [...item.leaves]) {
        const ls = leaf.node.schema;
        if (leaf.kind === "value" && ls.type === "integer" && ls.minimum === 0 && unique.some((p) => sameAbs(p, leaf.abs))) {
          item.leaves.splice(item.leaves.indexOf(leaf), 1);
          owner.ordinals.push([base.abs, leaf.key]);
        }
      }
      item.complex = item.leaves.some((l) => l.kind === "choice" || l.kind === "list");
    }
    const leaf: ListLeaf = { ...base, kind: "list", doc, items, itemType };
    if (typeof s.maxItems === "number") leaf.max = s.maxItems;
    return leaf;
  }

  /** Tagged by a required `type` const, or a discriminated union of such objects. */
  private isTagged(node: Node): boolean {
    const s = node.schema;
    if (typeof s["x-discriminator"] === "string") return true;
    return tagOf(s) !== undefined && Object.keys(s.properties as Schema).length > 1;
  }

  branches(node: Node): Node[] {
    const s = node.schema;
    const keyword = Array.isArray(s.oneOf) ? "oneOf" : Array.isArray(s.anyOf) ? "anyOf" : undefined;
    if (!keyword || s.properties) return [node];
    return (s[keyword] as Json[]).map((_, i) => this.deref(this.child(node, keyword, i)));
  }

  /** The argument type of a setter. */
  private valueType(child: Node, parent: Node, key: string): string {
    const s = child.schema;
    const own = this.nameOf(child);
    if (own) return `T.${own}`;
    if (s.const !== undefined) return JSON.stringify(s.const);
    if (Array.isArray(s.enum)) return s.enum.map((e) => JSON.stringify(e)).join(" | ");
    switch (s.type) {
      case "string":
        return "string";
      case "integer":
      case "number":
        return "number";
      case "boolean":
        return "boolean";
    }
    const parentName = this.nameOf(parent);
    if (!parentName) throw new SchemaSetError(`${where(child)}: a value given whole needs a named parent or an x-ts-name`);
    return `NonNullable<T.${parentName}[${JSON.stringify(key)}]>`;
  }
}

function tagOf(s: Schema): string | undefined {
  const props = s.properties;
  if (!isSchema(props) || !isSchema(props.type)) return undefined;
  const value = props.type.const;
  return typeof value === "string" && ((s.required ?? []) as string[]).includes("type") ? value : undefined;
}

function isTextWrapper(model: BuilderModel, node: Node): boolean {
  const s = node.schema;
  if (!isSchema(s.properties)) return false;
  const keys = Object.keys(s.properties);
  if (keys.length !== 1 || keys[0] !== "text") return false;
  return model.deref(model.child(node, "properties", "text")).schema.type === "string";
}

/** Passed whole: scalars, open objects, and objects with no required property (options, media). */
function isWholeValue(s: Schema): boolean {
  if (s.type === "string" || s.type === "integer" || s.type === "number" || s.type === "boolean" || Array.isArray(s.enum)) return true;
  if (s.type !== "object" && !s.properties) return false;
  if (!isSchema(s.properties)) return true;
  return ((s.required ?? []) as string[]).length === 0 && !Object.values(s.properties).some((p) => isSchema(p) && p.const !== undefined);
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

function asList(value: Json | undefined): Json[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: Json | undefined): string {
  return typeof value === "string" ? value : "";
}

function joinDocs(...parts: (Json | undefined)[]): string {
  const out: string[] = [];
  for (const p of parts) if (typeof p === "string" && p && !out.includes(p)) out.push(p);
  return out.join(" ");
}

export function where(node: Node): string {
  return `${node.loc.file.path}#${node.loc.pointer}`;
}
