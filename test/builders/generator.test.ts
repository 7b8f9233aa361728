/**
 * The builder emitter is driven by schema keywords alone: a new message schema gets a builder,
 * with adders, caps, typed ids and documentation, without a line of new generator code.
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitBuilders } from "../../generator/builders.ts";
import { buildGraph } from "../../generator/graph/build.ts";
import { namedSchemas } from "../../generator/names.ts";
import { print } from "../../generator/print.ts";
import { ID_BASE, loadSchemaSet, SchemaSetError } from "../../generator/schema-set.ts";
import { rulesOn } from "../../generator/sources.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";

const ID = `${ID_BASE}interactive/poll.schema.json`;

/** A made-up interactive type: a poll with up to four tagged options, each with an id. */
const poll = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: ID,
  "x-ts-name": "PollInteractive",
  title: "poll message",
  description: "A question with up to four answers.",
  type: "object",
  required: ["type", "body", "action"],
  additionalProperties: false,
  properties: {
    type: { const: "poll" },
    body: { $ref: "../parts/body.schema.json" },
    action: {
      "x-ts-name": "PollAction",
      type: "object",
      required: ["name", "options"],
      additionalProperties: false,
      "x-uniqueValues": ["options/*/option/id"],
      properties: {
        name: { const: "poll" },
        anonymous: { title: "anonymous", description: "Hide who voted.", type: "boolean" },
        options: {
          description: "Two to four answers.",
          type: "array",
          minItems: 2,
          maxItems: 4,
          items: {
            "x-ts-name": "PollOption",
            title: "poll option",
            type: "object",
            required: ["type", "option"],
            additionalProperties: false,
            properties: {
              type: { const: "option" },
              option: {
                "x-ts-name": "PollOptionReply",
                type: "object",
                required: ["id", "title"],
                additionalProperties: false,
                properties: {
                  id: { description: "The answer's id, at most 100 characters.", type: "string", minLength: 1, maxLength: 100, "x-trimmed": true },
                  title: { description: "The answer, at most 30 characters.", type: "string", minLength: 1, maxLength: 30, "x-notBlank": true },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** `schema` with every rule citing one source, as the loader requires of every schema. */
function sourced(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(sourced);
  if (!schema || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === "enum" || k === "const" || k === "required" ? v : sourced(v)]));
  const rules = rulesOn(out as never);
  if (rules.length > 0) out["x-source"] = Object.fromEntries(rules.map((k) => [k, "meta-reply-buttons"]));
  return out;
}

function withSchema(path: string, schema: object): string {
  const dir = mkdtempSync(join(tmpdir(), "wa-builders-"));
  cpSync(SCHEMAS_DIR, dir, { recursive: true, filter: (src) => !src.includes(`${join(SCHEMAS_DIR, "examples")}`) });
  writeFileSync(join(dir, path), JSON.stringify(sourced(schema)));
  return dir;
}

/** The emitted module as it is written to generated/, formatted. */
async function emit(dir: string): Promise<string> {
  const set = loadSchemaSet(dir);
  return print("src/builders.ts", emitBuilders(buildGraph(set, namedSchemas(set))));
}

describe("builder emitter", () => {
  it("gives a new interactive schema its builder from its keywords", async () => {
    const out = await emit(withSchema("interactive/poll.schema.json", poll));
    expect(out).toContain("export function poll(): PollBuilder");
    // An adder per tagged item, with the id's literal type tracked, gone once four are there.
    expect(out).toMatch(/option<const Id extends string>\(id: Id, title: string\): PollBuilder<Ids \| Id, \[\.\.\.Options, unknown\]>/);
    expect(out).toContain("Room<Options, 4, PollBuilderOptions<Ids, Options>>");
    expect(out).toMatch(/options\(options: readonly \{ id: string; title: string \}\[\]\)/);
    expect(out).toMatch(/anonymous\(anonymous: boolean\)/);
    // Documentation and limits come from the descriptions.
    expect(out).toContain("@param title The answer, at most 30 characters.");
    // Reply ids are found, and the display text is clamped, by the same rules.
    expect(out).toMatch(/poll: \[\["action", "options", "\*", "option", "id"\]\]/);
    expect(out).toMatch(/clamp: \[[^\]]*\["body", "text"\], 1024\][^;]*\["action", "options", "\*", "option", "title"\], 30\]/s);
    expect(out).not.toMatch(/\["action", "options", "\*", "option", "id"\], 100\]/);
  });

  it("emits one builder per interactive type, the reaction and the envelopes", async () => {
    const out = await emit(SCHEMAS_DIR);
    const factories = [...out.matchAll(/^export function (\w+)[<(]/gm)].map((m) => m[1]);
    expect(factories.sort()).toEqual(
      [
        "addressMessage",
        "answerTo",
        "button",
        "callPermissionRequest",
        "carousel",
        "catalogMessage",
        "ctaUrl",
        "flow",
        "interactiveMessage",
        "list",
        "locationRequest",
        "orderDetails",
        "orderStatus",
        "product",
        "productList",
        "reaction",
        "reactionMessage",
        "voiceCall",
      ].sort(),
    );
  });

  it("gives shared parts whole and takes wide items as one record", async () => {
    const tip = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://wa-interactive.dev/schemas/interactive/tip.schema.json",
      "x-ts-name": "TipInteractive",
      type: "object",
      required: ["type", "body", "action"],
      additionalProperties: false,
      properties: {
        type: { const: "tip" },
        body: { $ref: "../parts/body.schema.json" },
        action: {
          "x-ts-name": "TipAction",
          type: "object",
          required: ["amount", "members"],
          additionalProperties: false,
          properties: {
            amount: { $ref: "../parts/order.schema.json#/$defs/amount" },
            members: {
              type: "array",
              items: {
                "x-ts-name": "TipStaff",
                type: "object",
                required: ["name", "role", "shift", "share"],
                additionalProperties: false,
                properties: { name: { type: "string" }, role: { type: "string" }, shift: { type: "string" }, share: { type: "integer" } },
              },
            },
          },
        },
      },
    };
    const out = await emit(withSchema("interactive/tip.schema.json", tip));
    // The amount is one value (its `value` and `offset` are not flattened into the builder).
    expect(out).toMatch(/amount\(amount: T\.Amount\): TipBuilder;/);
    expect(out).not.toMatch(/offset\(offset/);
    // Four fields are more than a call holds: the adder takes the item as a record.
    expect(out).toMatch(/member\(member: \{ name: string; role: string; shift: string; share: number \}\): TipBuilder;/);
  });

  it("says which schema shape it cannot build yet, rather than guessing", async () => {
    const complexChoice = structuredClone(poll) as typeof poll & { properties: Record<string, unknown> };
    complexChoice.properties.header = {
      "x-ts-name": "PollHeader",
      type: "object",
      required: ["type", "lines"],
      additionalProperties: false,
      properties: { type: { const: "lines" }, lines: { type: "array", items: { "x-ts-name": "PollLine", type: "object", properties: { text: { type: "string" } } } } },
    };
    const dir = withSchema("interactive/poll.schema.json", complexChoice);
    await expect(emit(dir)).rejects.toThrow(SchemaSetError);
    await expect(emit(dir)).rejects.toThrow(/tagged choice whose branch needs a sub-builder/);
  });
});
