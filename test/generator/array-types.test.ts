/**
 * Every array in the generated types takes an array built at run time. json-schema-to-typescript
 * would turn `minItems`/`maxItems` into unions of tuples (`[ListRow] | [ListRow, ListRow] | …`),
 * to which no `rows.map(…)` result is assignable; the limits belong in the doc comment and the
 * validators. The array fields are read off the schema bundle, so a new one is covered without
 * touching this test, and a file assigning a `.map()` result to each is compiled with tsc.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleSchemas } from "../../generator/bundle.ts";
import { namedSchemas } from "../../generator/names.ts";
import { type Json, type Schema, isSchema, loadSchemaSet } from "../../generator/schema-set.ts";
import { ROOT, SCHEMAS_DIR } from "../support/corpus.ts";
import { typeErrors } from "../support/tsc.ts";

interface ArrayField {
  /** For people: `ListSection.rows`, `MetaWebhook.entry[]`. */
  label: string;
  /** The field's type, as a type expression over the generated types imported as `T`. */
  type: string;
}

/**
 * Every array schema in the bundle, with a type expression for it. A named schema starts a new
 * expression (`T.Name`); properties, items and additional properties extend it; branches of
 * `oneOf`/`anyOf`/`allOf` keep it, since `Prop` picks the union members that have the property.
 */
function arrayFields(bundle: Schema): ArrayField[] {
  const defs = bundle.$defs as Schema;
  const out: ArrayField[] = [];
  const visit = (node: Json | undefined, label: string, type: string, inlining: string[]) => {
    if (!isSchema(node)) return;
    const name = node["x-ts-name"];
    if (typeof name === "string") [label, type] = [name, `T.${name}`];
    if (typeof node.$ref === "string") {
      const key = node.$ref.slice("#/$defs/".length);
      const target = defs[key];
      // A named target is visited as its own definition; an unnamed one is inlined by the types emitter.
      if (isSchema(target) && typeof target["x-ts-name"] !== "string" && !inlining.includes(key)) visit(target, label, type, [...inlining, key]);
    }
    if (node.type === "array" || (Array.isArray(node.type) && node.type.includes("array"))) out.push({ label, type });
    visit(node.items, `${label}[]`, `Item<${type}>`, inlining);
    if (isSchema(node.additionalProperties)) visit(node.additionalProperties, `${label}[string]`, `Prop<${type}, string>`, inlining);
    for (const [key, sub] of Object.entries((node.properties ?? {}) as Schema)) visit(sub, `${label}.${key}`, `Prop<${type}, ${JSON.stringify(key)}>`, inlining);
    for (const keyword of ["oneOf", "anyOf", "allOf"]) {
      const branches = node[keyword];
      if (Array.isArray(branches)) for (const branch of branches) visit(branch, label, type, inlining);
    }
  };
  for (const [key, def] of Object.entries(defs)) if (isSchema(def) && typeof def["x-ts-name"] === "string") visit(def, key, `T.${key}`, []);
  return out;
}

/**
 * A file that assigns an array built by `.map()` to each field; tsc reports every field it does
 * not fit. `labels` maps each line number to its field, for the failure message.
 */
function checkSource(fields: ArrayField[]): { source: string; labels: Map<number, string> } {
  const lines = [
    `import type * as T from ${JSON.stringify(join(ROOT, "generated/src/types.ts"))};`,
    "",
    "/** Property K of every member of O that has it, without undefined. */",
    "type Prop<O, K extends PropertyKey> = NonNullable<O extends unknown ? (K extends keyof O ? O[K] : never) : never>;",
    "/** The item type of an array or tuple type. */",
    "type Item<A> = NonNullable<A extends readonly (infer E)[] ? E : never>;",
    "/** F itself when it is an array type, else a message tsc will print: an `any` field would accept anything. */",
    'type ArrayType<F> = 0 extends 1 & F ? "is any" : [F] extends [never] ? "does not exist" : F extends readonly unknown[] ? F : "is not an array";',
    "/** Items read at run time: their number is known only then. */",
    "declare function fromData<E>(): E[];",
    "",
    "// The check itself must catch a union of tuples, or this directive is unused and fails.",
    "type Tupled = { rows: [T.ListRow] | [T.ListRow, T.ListRow] };",
    '// @ts-expect-error Target requires 1 element(s) but source may have fewer',
    'export const control: ArrayType<Prop<Tupled, "rows">> = fromData<T.ListRow>().map((item) => item);',
    "",
  ];
  const labels = new Map<number, string>();
  fields.forEach(({ label, type }, i) => {
    lines.push(`export const field${i}: ArrayType<${type}> = fromData<Item<${type}>>().map((item) => item);`);
    labels.set(lines.length, label);
  });
  return { source: lines.join("\n") + "\n", labels };
}

const set = loadSchemaSet(SCHEMAS_DIR);
const fields = arrayFields(bundleSchemas(set, namedSchemas(set)));
const work = mkdtempSync(join(tmpdir(), "wa-array-types-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("generated array types", () => {
  it("finds the array fields of the outbound and inbound schemas", () => {
    const labels = fields.map((f) => f.label);
    for (const known of ["ButtonAction.buttons", "ListAction.sections", "ListSection.rows", "ProductSection.product_items", "CarouselAction.cards", "QuickReplyCardAction.buttons", "ExotelOutboundBody.whatsapp.messages", "MetaWebhook.entry"]) {
      expect(labels).toContain(known);
    }
  });

  it("accept an array built with .map() in every array field", () => {
    const { source, labels } = checkSource(fields);
    writeFileSync(join(work, "array-fields.mts"), source);
    // The compiler options of the type tests; only the file differs.
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ extends: join(ROOT, "test/types/tsconfig.json"), include: ["array-fields.mts"] }));
    const output = typeErrors(join(work, "tsconfig.json"));
    // tsc names the line of the check file; say which field that is.
    expect(output.replace(/^\S*array-fields\.mts\((\d+),\d+\)/gm, (at, line: string) => labels.get(Number(line)) ?? at)).toBe("");
  }, 60_000);
});
