/**
 * Paths through the schema graph, as the provider emitters walk them: each step's optionality, the
 * union branch a step lies in (unless a form pins it), array items, and the keys a node may hold.
 */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../generator/graph/build.ts";
import { rootOf } from "../../generator/graph/query.ts";
import { namedSchemas } from "../../generator/names.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { keyOrder, namedNode, walk } from "../../generator/schema-path.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";

const set = loadSchemaSet(SCHEMAS_DIR);
const graph = buildGraph(set, namedSchemas(set));
const message = rootOf(graph, "message/outbound-message.schema.json");

describe("a walk through the schema graph", () => {
  it("reports the branch a step lies in, and which steps may be absent", () => {
    const w = walk(message, ["interactive", "header", "text"])!;
    expect(w.steps.map((s) => [s.key, s.optional])).toEqual([
      ["interactive", false],
      ["header", true],
      ["text", false],
    ]);
    expect(w.steps[0]!.narrowing).toEqual([{ path: ["type"], value: "interactive" }]);
    expect(new Set(w.steps[2]!.narrowing.map((n) => `${n.path.join("/")}=${n.value}`))).toEqual(new Set(["interactive/header/type=text"]));
    expect(new Set(w.ends.map((e) => e.where))).toEqual(new Set(["parts/header.schema.json#/$defs/text/properties/text"]));
  });

  it("follows only the branch a pinned discriminator selects, and reports no narrowing for it", () => {
    const pins = new Map([
      ["type", "interactive"],
      ["interactive/type", "button"],
    ]);
    const w = walk(message, ["interactive", "action", "buttons", "*", "reply", "title"], pins)!;
    expect(w.steps.every((s) => !s.optional && s.narrowing.length === 0)).toBe(true);
    expect(w.ends.map((e) => [e.kind, e.where])).toEqual([["string", "interactive/button.schema.json#/$defs/replyButton/properties/reply/properties/title"]]);
    expect(walk(message, ["interactive", "action", "sections"], pins)).toBeUndefined();
  });

  it("lists the keys a node may hold, every branch's in order", () => {
    const keys = keyOrder([message]);
    expect(keys.slice(0, 3)).toEqual(["messaging_product", "recipient_type", "to"]);
    expect(keys).toContain("interactive");
    expect(keys).toContain("reaction");
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("finds the one named type in a folder, and refuses a name it does not hold", () => {
    expect(namedNode(graph, "interactive/", "ReplyButton").where).toBe("interactive/button.schema.json#/$defs/replyButton");
    expect(() => namedNode(graph, "providers/", "ReplyButton")).toThrow(/providers\/: no single schema named ReplyButton/);
  });
});
