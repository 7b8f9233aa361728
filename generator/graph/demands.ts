/**
 * What a node asks of a value, keyword by keyword, read off its typed fields: `maxLength: 24`,
 * `x-trimmed: true`, `enum: [...]`, and for the parts of a shape the node each one leads to
 * (`items`, `properties`: the `where` of the node a reference ends at, so two nodes that refer to
 * one schema ask the same). Labels, annotations and the stated `type` are not demands. The
 * provider translation compares two sides with it: what the target asks beyond what the source
 * guarantees must become a check or fail generation, so a keyword the graph does not list here
 * (one with no typed field yet) is reported by `undemanded`, never passed over.
 */
import type { Json } from "../schema-set.ts";
import type { GraphNode } from "./nodes.ts";
import { resolved } from "./query.ts";

const at = (node: GraphNode) => resolved(node).where;

/** The demands of `node` (references followed), in the order the node kinds list them; absent ones left out. */
export function demandsOf(node: GraphNode): Map<string, Json> {
  const n = resolved(node);
  const out: [string, Json | undefined][] = [];
  switch (n.kind) {
    case "string":
      out.push(["minLength", n.minLength], ["maxLength", n.maxLength], ["pattern", n.pattern], ["format", n.format]);
      out.push(["x-trimmed", n.trimmed || undefined], ["x-notBlank", n.notBlank || undefined], ["x-noEmoji", n.noEmoji || undefined], ["x-emoji", n.emoji || undefined]);
      break;
    case "number":
      out.push(["minimum", n.minimum], ["maximum", n.maximum]);
      break;
    case "const":
      out.push(n.keyword === "const" ? ["const", n.values[0]] : ["enum", n.values]);
      if (n.scalar) out.push(...demandsOf(n.scalar));
      break;
    case "array":
      out.push(["items", n.items && at(n.items)], ["minItems", n.minItems], ["maxItems", n.maxItems]);
      out.push(["x-requiredIfMultiple", n.requiredIfMultiple.length > 0 ? n.requiredIfMultiple : undefined]);
      out.push(["x-uniformItems", n.uniformItems && { values: n.uniformItems.values, lengths: n.uniformItems.lengths }]);
      break;
    case "object": {
      const additional = n.additionalProperties;
      out.push(["properties", n.properties.length > 0 ? Object.fromEntries(n.properties.map((p) => [p.key, at(p.node)])) : undefined]);
      out.push(["required", n.required.length > 0 ? n.required : undefined]);
      out.push(["additionalProperties", additional === undefined || additional === false ? additional : at(additional)]);
      out.push(["propertyNames", n.propertyNames && at(n.propertyNames)], ["minProperties", n.minProperties]);
      out.push(["dependentSchemas", n.dependents.length > 0 ? Object.fromEntries(n.dependents.map((d) => [d.key, at(d.node)])) : undefined]);
      // A presence list and a list of shapes are the same two keywords, told apart by the graph.
      const lists = [n.exactlyOne && (["oneOf", n.exactlyOne] as const), n.atLeastOne && (["anyOf", n.atLeastOne] as const)];
      for (const list of lists) if (list) out.push([list[0], list[1].map((required) => ({ required }))]);
      if (n.alternatives) out.push([n.alternatives.keyword, n.alternatives.branches.map(at)]);
      out.push(["x-maxTotal", n.maxTotal.length > 0 ? n.maxTotal.map((t) => ({ path: t.path, maximum: t.maximum })) : undefined]);
      out.push(["x-uniqueValues", n.uniqueValues.length > 0 ? n.uniqueValues : undefined]);
      break;
    }
    case "union":
      out.push([n.keyword, n.branches.map(at)], ["x-discriminator", n.discriminator?.property]);
      break;
    case "boolean":
    case "any":
      break;
  }
  return new Map(out.filter((d): d is [string, Json] => d[1] !== undefined));
}

/** The rule keywords `node` states that `demandsOf` does not list: a keyword the graph does not model yet. */
export function undemanded(node: GraphNode): string[] {
  const n = resolved(node);
  const listed = demandsOf(n);
  return [...new Set(n.rules.map((r) => r.keyword))].filter((k) => !listed.has(k));
}
