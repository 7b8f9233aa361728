/**
 * The resolved schema graph: one typed node per schema node of the set, references linked,
 * unions with their discriminator values, labels, and every rule with its source and strength.
 */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../generator/graph/build.ts";
import { demandsOf, undemanded } from "../../generator/graph/demands.ts";
import type { GraphNode } from "../../generator/graph/nodes.ts";
import { resolved, rootOf } from "../../generator/graph/query.ts";
import { ruleOf } from "../../generator/graph/rules.ts";
import { forEachNode, walkSubschemas } from "../../generator/graph/walk.ts";
import { locationKey, namedSchemas } from "../../generator/names.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";
import { toySet } from "../support/toy-set.ts";

const set = loadSchemaSet(SCHEMAS_DIR);
const graph = buildGraph(set, namedSchemas(set));

function as<K extends GraphNode["kind"]>(node: GraphNode, kind: K): Extract<GraphNode, { kind: K }> {
  expect(node.kind).toBe(kind);
  return node as Extract<GraphNode, { kind: K }>;
}

const property = (node: GraphNode, key: string) => as(resolved(node), "object").properties.find((p) => p.key === key)!;

describe("the schema graph", () => {
  it("has one node for every schema node of the set, and only those", () => {
    const written: string[] = [];
    for (const file of set.files) forEachNode(file.schema, "", (_, pointer) => written.push(`${file.id}#${pointer}`));
    expect([...graph.nodes.keys()].sort()).toEqual(written.sort());
    expect([...graph.nodes.values()].every((n) => n !== undefined && n.kind !== undefined)).toBe(true);
  });

  it("reads an object's properties, required keys and closedness", () => {
    const button = as(rootOf(graph, "interactive/button.schema.json"), "object");
    expect(button.name).toBe("ButtonInteractive");
    expect(button.additionalProperties).toBe(false);
    expect(button.properties.map((p) => p.key)).toContain("action");
    expect(property(button, "action").required).toBe(true);
    const buttons = as(resolved(property(property(button, "action").node, "buttons").node), "array");
    expect([buttons.minItems, buttons.maxItems]).toEqual([1, 3]);
    expect(resolved(buttons.items!).name).toBe("ReplyButton");
  });

  it("follows a reference to the named node it points at", () => {
    const header = property(rootOf(graph, "interactive/button.schema.json"), "header").node;
    const ref = as(header, "ref");
    expect(ref.target).toBe(rootOf(graph, "parts/header.schema.json"));
    expect(resolved(ref).name).toBe("Header");
  });

  it("reads a union's branches and its discriminator's value in each", () => {
    const interactive = as(rootOf(graph, "interactive/interactive.schema.json"), "union");
    expect(interactive.keyword).toBe("oneOf");
    expect(interactive.discriminator?.property).toBe("type");
    expect(interactive.discriminator?.values).toContain("button");
    const i = interactive.discriminator!.values.indexOf("button");
    expect(resolved(interactive.branches[i]!)).toBe(rootOf(graph, "interactive/button.schema.json"));
  });

  it("reads a presence oneOf as a rule of its object, not as branches", () => {
    const media = [...graph.nodes.values()].find((n) => n.kind === "object" && n.exactlyOne !== undefined);
    expect(media).toBeDefined();
    const object = as(media!, "object");
    expect(object.alternatives).toBeUndefined();
    expect(object.exactlyOne!.every((keys) => keys.every((k) => object.properties.some((p) => p.key === k)))).toBe(true);
    expect(ruleOf(object, "oneOf").source).toBeDefined();
  });

  it("carries each rule's source and strength, as sources.json gives them", () => {
    let warnings = 0;
    for (const node of graph.nodes.values()) {
      for (const rule of node.rules) {
        const source = set.sources.get(rule.source!);
        expect(source, `${node.where} ${rule.keyword}`).toBeDefined();
        expect(rule.strength).toBe(source!.kind === "observed" || source!.kind === "inferred" ? "warning" : "error");
        if (rule.strength === "warning") warnings++;
      }
    }
    expect(warnings).toBeGreaterThan(0);
    const button = graph.named.find((n) => n.name === "ReplyButtonReply")!;
    const text = as(resolved(property(button, "title").node), "string");
    expect(text.maxLength).toBe(20);
    expect(ruleOf(text, "maxLength").pointer).toBe(`${text.loc.pointer}/maxLength`);
  });

  it("lists the keyword table's tests a node asks for, in the table's order, each part apart, with its rule", () => {
    const toy = toySet({
      "x.schema.json": {
        type: "object",
        properties: { s: { type: "string", maxLength: 3, minLength: 0, "x-trimmed": false, "x-notBlank": true }, n: { type: "integer", enum: [1, 2], minimum: 1 } },
        "x-maxTotal": [
          { path: "a/*", maximum: 2 },
          { path: "b/*", maximum: 3 },
        ],
      },
    });
    const root = rootOf(toy, "x.schema.json");
    // minLength 0 and x-trimmed false ask for no test; the table lists maxLength before x-notBlank.
    expect(property(root, "s").node.checks.map((c) => [c.keyword.name, c.arg, c.rule?.keyword])).toEqual([
      ["maxLength", 3, "maxLength"],
      ["x-notBlank", true, "x-notBlank"],
    ]);
    expect(property(root, "n").node.checks.map((c) => c.keyword.name)).toEqual(["enum", "minimum"]);
    expect(root.checks.map((c) => [c.part, c.arg])).toEqual([
      ["a/*", { path: "a/*", maximum: 2 }],
      ["b/*", { path: "b/*", maximum: 3 }],
    ]);
    // Each total is a rule of its own, at its index.
    expect(root.checks.map((c) => c.rule?.pointer)).toEqual(["/x-maxTotal/0", "/x-maxTotal/1"]);
  });

  it("labels every named type, and only once", () => {
    const names = graph.named.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of namedSchemas(set)) expect(graph.nodes.get(locationKey(n))!.name).toBe(n.name);
  });

  it("reads a constant, an enumeration and their stated type", () => {
    const toy = toySet({
      "x.schema.json": {
        type: "object",
        properties: { a: { const: "a" }, b: { enum: [1, 2] }, c: { type: "string", enum: ["x", "yy"], maxLength: 2 } },
      },
    });
    const root = rootOf(toy, "x.schema.json");
    expect(as(property(root, "a").node, "const")).toMatchObject({ keyword: "const", values: ["a"] });
    expect(as(property(root, "b").node, "const")).toMatchObject({ keyword: "enum", values: [1, 2] });
    expect(as(property(root, "c").node, "const").scalar).toMatchObject({ kind: "string", maxLength: 2 });
  });

  it("gives every rule of a set loaded without sources the strength of an error and no source", () => {
    const toy = toySet({ "x.schema.json": { type: "string", maxLength: 3 } });
    expect(rootOf(toy, "x.schema.json").rules).toEqual([{ keyword: "maxLength", pointer: "/maxLength", strength: "error" }]);
  });

  it("refuses a keyword on a node of a kind it says nothing about, naming the place", () => {
    expect(() => toySet({ "x.schema.json": { type: "object", properties: { a: { type: "object", "x-trimmed": true } } } })).toThrow(
      'x.schema.json#/properties/a: "x-trimmed" does not apply to an object schema',
    );
    expect(() => toySet({ "x.schema.json": { type: "string", "x-uniqueValues": ["a"] } })).toThrow(/"x-uniqueValues" does not apply to a string schema/);
    expect(() => toySet({ "x.schema.json": { const: "a", enum: ["a", "b"] } })).toThrow(/x\.schema\.json#: "const" and "enum" in one schema are not supported/);
  });

  it("reports a loop of references where it is followed", () => {
    const toy = toySet({ "x.schema.json": { $defs: { a: { $ref: "#/$defs/b" }, b: { $ref: "#/$defs/a" } }, $ref: "#/$defs/a" } });
    expect(() => resolved(rootOf(toy, "x.schema.json"))).toThrow(/\$ref loop at x\.schema\.json#/);
  });
});

describe("what a node demands", () => {
  it("lists a node's rules by keyword, with the values its typed fields hold", () => {
    const toy = toySet({
      "x.schema.json": {
        type: "object",
        properties: {
          name: { type: "string", minLength: 1, maxLength: 24, "x-trimmed": true },
          kind: { type: "string", enum: ["a", "b"], maxLength: 1 },
          count: { type: "integer", maximum: 9 },
        },
        required: ["name"],
        additionalProperties: false,
      },
    });
    const root = rootOf(toy, "x.schema.json");
    expect(Object.fromEntries(demandsOf(property(root, "name").node))).toEqual({ minLength: 1, maxLength: 24, "x-trimmed": true });
    expect(Object.fromEntries(demandsOf(property(root, "kind").node))).toEqual({ enum: ["a", "b"], maxLength: 1 });
    expect(Object.fromEntries(demandsOf(property(root, "count").node))).toEqual({ maximum: 9 });
    expect(Object.fromEntries(demandsOf(root))).toEqual({
      properties: { name: "x.schema.json#/properties/name", kind: "x.schema.json#/properties/kind", count: "x.schema.json#/properties/count" },
      required: ["name"],
      additionalProperties: false,
    });
  });

  it("says a part by the node its reference ends at, so two nodes that refer to one schema demand the same", () => {
    const toy = toySet({
      "x.schema.json": {
        $defs: { row: { type: "string", maxLength: 3 } },
        type: "object",
        properties: { a: { type: "array", items: { $ref: "#/$defs/row" }, maxItems: 2 }, b: { type: "array", items: { $ref: "#/$defs/row" }, maxItems: 2 } },
      },
    });
    const root = rootOf(toy, "x.schema.json");
    const [a, b] = [demandsOf(property(root, "a").node), demandsOf(property(root, "b").node)];
    expect(a.get("items")).toBe("x.schema.json#/$defs/row");
    expect(Object.fromEntries(a)).toEqual(Object.fromEntries(b));
  });

  it("leaves no rule of the set out", () => {
    const left = [...graph.nodes.values()].flatMap((n) => undemanded(n).map((k) => `${n.where} ${k}`));
    expect(left).toEqual([]);
  });
});

describe("the subschema walker", () => {
  it("visits every subschema with where it sits, presence branches and booleans included", () => {
    const seen: string[] = [];
    const schema = { type: "object", properties: { a: { type: "string" } }, additionalProperties: false, oneOf: [{ required: ["a"] }], $defs: { d: { items: { type: "integer" } } } };
    walkSubschemas(schema, "", (node, pointer, position) => seen.push(`${pointer} ${position}${typeof node === "boolean" ? " boolean" : ""}`));
    expect(seen).toEqual([" root", "/properties/a subschema", "/additionalProperties additionalProperties boolean", "/oneOf/0 presence", "/$defs/d subschema", "/$defs/d/items subschema"]);
    const nodes: string[] = [];
    forEachNode(schema, "", (_, pointer) => nodes.push(pointer));
    expect(nodes).toEqual(["", "/properties/a", "/$defs/d", "/$defs/d/items"]);
  });
});
