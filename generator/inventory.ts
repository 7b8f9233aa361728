/**
 * Every rule of the schema set, one entry per rule (a keyword on a node, or one part of a keyword
 * with parts: a property of `required`, a pattern of `x-uniqueValues`), with its source and
 * strength. The README's counts of rules, errors and warnings are checked against this list, and
 * the corpus is checked to have a warning example for every warning rule.
 */
import type { SchemaGraph } from "./graph/build.ts";
import type { Strength } from "./sources.ts";

export interface Rule {
  /** `<schema file>#<JSON Pointer to the keyword>`, and to the part's index for keywords with parts. */
  at: string;
  keyword: string;
  part?: string;
  source: string;
  strength: Strength;
}

export function ruleInventory(graph: SchemaGraph): Rule[] {
  return [...graph.nodes.values()].flatMap((node) =>
    node.rules.map((rule) => ({
      at: `${node.loc.file.path}#${rule.pointer}`,
      keyword: rule.keyword,
      ...(rule.part === undefined ? {} : { part: rule.part }),
      source: rule.source!,
      strength: rule.strength,
    })),
  );
}
