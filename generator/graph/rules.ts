/**
 * Each rule of a schema node as the graph holds it: the keyword (and part), its pointer, the
 * source its `x-source` cites and the strength that source's kind gives it (sources.ts decides
 * what a rule is and how strong). A set loaded without sources cites nothing, and all its rules
 * are errors.
 */
import { KEYWORDS, partsOf } from "../keywords.ts";
import type { Schema, SchemaSet } from "../schema-set.ts";
import { citationOf, rulePointer, ruleParts, rulesOn, strengthOf } from "../sources.ts";
import type { Check, GraphNode, Rule } from "./nodes.ts";

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
  const rule = findRule(node.rules, keyword, part);
  if (!rule) throw new Error(`${node.where}: no "${keyword}" rule${part === undefined ? "" : ` (${part})`}`);
  return rule;
}

/** The rule of a part where it is cited apart, else the keyword's. */
function findRule(rules: Rule[], keyword: string, part?: string): Rule | undefined {
  const own = part === undefined ? undefined : rules.find((r) => r.keyword === keyword && r.part === part);
  return own ?? rules.find((r) => r.keyword === keyword && r.part === undefined);
}

/**
 * The keyword table's entries that `schema` asks for, with their rules: each keyword that applies
 * and has a test (for the validators) or a doc line (for the docs; `format`, and `x-uniqueValues`,
 * whose loops the validators plan themselves), once per part.
 */
export function checksOfNode(schema: Schema, rules: Rule[]): Check[] {
  const out: Check[] = [];
  for (const keyword of KEYWORDS) {
    const arg = schema[keyword.name];
    if ((!keyword.test && !keyword.doc) || arg === undefined || !(keyword.applies?.(arg) ?? true)) continue;
    for (const { part, arg: tested } of partsOf(keyword, arg)) {
      const check: Check = { keyword, arg: tested };
      if (part !== undefined) check.part = part;
      const rule = findRule(rules, keyword.name, part);
      if (rule) check.rule = rule;
      out.push(check);
    }
  }
  return out;
}
