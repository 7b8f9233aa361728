/**
 * Each rule of a schema node as the graph holds it: the keyword (and part), its pointer, the
 * source its `x-source` cites and the strength that source's kind gives it (sources.ts decides
 * what a rule is and how strong). A set loaded without sources cites nothing, and all its rules
 * are errors.
 */
import type { Schema, SchemaSet } from "../schema-set.ts";
import { citationOf, rulePointer, ruleParts, rulesOn, strengthOf } from "../sources.ts";
import type { GraphNode, Rule } from "./nodes.ts";

export function rulesOfNode(set: SchemaSet, schema: Schema, pointer: string): Rule[] {
  const out: Rule[] = [];
  for (const keyword of rulesOn(schema)) {
    for (const part of ruleParts(schema, keyword)) {
      const rule: Rule = { keyword, pointer: pointer + rulePointer(schema, keyword, part), strength: "error" };
      if (part !== undefined) rule.part = part;
      if (set.sourced) {
        const { source, note } = citationOf(schema, keyword, part);
        rule.source = source;
        if (note !== undefined) rule.note = note;
        rule.strength = strengthOf(set.sources, schema, keyword, part);
      }
      out.push(rule);
    }
  }
  return out;
}

/**
 * The rule `keyword` states on `node`, for one part of it where the parts are cited apart (a
 * keyword cited as a whole answers for each of its parts). Throws when there is none: asking for
 * a rule the node does not state is an emitter bug.
 */
export function ruleOf(node: GraphNode, keyword: string, part?: string): Rule {
  const whole = node.rules.find((r) => r.keyword === keyword && r.part === undefined);
  const own = part === undefined ? undefined : node.rules.find((r) => r.keyword === keyword && r.part === part);
  const rule = own ?? whole;
  if (!rule) throw new Error(`${node.where}: no "${keyword}" rule${part === undefined ? "" : ` (${part})`}`);
  return rule;
}
