/**
 * The types emitter on small schema sets, for what the project's schemas do not show (the whole
 * set is checked against json-schema-to-typescript in types-oracle.test.ts).
 */
import { describe, expect, it } from "vitest";
import { emitTypes } from "../../generator/types.ts";
import { toySet } from "../support/toy-set.ts";

/** The declarations, one line each, without doc comments. */
const declarations = (files: Record<string, object>) =>
  emitTypes(toySet(files))
    .replace(/\/\*\*[\s\S]*?\*\/\n/g, "")
    .replace(/\n(?!export|\n)/g, " ")
    .split("\n")
    .filter((line) => line.startsWith("export"));

describe("the types emitter", () => {
  it("fails on an unnamed schema that contains itself, and refers to it by name once it has one", () => {
    const tree = (name?: object) => ({
      "x.schema.json": {
        type: "object",
        properties: { root: { $ref: "#/$defs/node" } },
        $defs: { node: { ...name, type: "object", properties: { children: { type: "array", items: { $ref: "#/$defs/node" } } } } },
      },
    });
    expect(() => declarations(tree())).toThrow('x.schema.json#/$defs/node: this schema contains itself, so its type cannot be written out where it is used; give it an x-ts-name');
    expect(declarations(tree({ "x-ts-name": "TreeNode" }))).toEqual(["export interface X { root?: TreeNode; }", "export interface TreeNode { children?: TreeNode[]; }"]);
    expect(() => declarations({ "x.schema.json": { $defs: { a: { $ref: "#/$defs/b" }, b: { $ref: "#/$defs/a" } }, $ref: "#/$defs/a" } })).toThrow(/x\.schema\.json#\/\$defs\/a: this schema contains itself/);
  });

  it("writes an object with a oneOf of shapes beside its properties as their intersection", () => {
    const files = {
      "x.schema.json": {
        type: "object",
        properties: { id: { type: "string" } },
        oneOf: [
          { type: "object", properties: { a: { const: 1 } }, required: ["a"] },
          { type: "object", properties: { b: { enum: ["p", "q"] } } },
        ],
      },
    };
    expect(declarations(files)).toEqual(['export type X = { id?: string; } & ({ a: 1; } | { b?: "p" | "q"; });']);
  });

  it("writes exactly-one-of and at-least-one-of properties as unions of object variants", () => {
    const files = {
      "x.schema.json": {
        type: "object",
        properties: { id: { type: "string" }, link: { type: "string" }, a: { type: "integer" }, b: { type: "boolean" } },
        oneOf: [{ required: ["id"] }, { required: ["link"] }],
        anyOf: [{ required: ["a"] }, { required: ["b"] }],
      },
    };
    expect(declarations(files)).toEqual([
      "export type X = ({ id: string; link?: never; a: number; b?: boolean; } | { id: string; link?: never; a?: number; b: boolean; }) | " +
        "({ id?: never; link: string; a: number; b?: boolean; } | { id?: never; link: string; a?: number; b: boolean; });",
    ]);
  });
});
