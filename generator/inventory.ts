/**
 * Every rule of the schema set, one entry per rule (a keyword on a node, or one part of a keyword
 * with parts: a property of `required`, a pattern of `x-uniqueValues`), with its source and
 * strength. The README's counts of rules, errors and warnings are checked against this list, and
 * the corpus is checked to have a warning example for every warning rule.
 */
import { forEachNode, type SchemaSet } from "./schema-set.ts";
import { citationOf, rulePointer, ruleParts, rulesOn, type Strength, strengthOf } from "./sources.ts";

export interface Rule {
  /** `<schema file>#<JSON Pointer to the keyword>`, and to the part's index for keywords with parts. */
  at: string;
  keyword: string;
  part?: string;
  source: string;
  strength: Strength;
}

export function ruleInventory(set: SchemaSet): Rule[] {
  const out: Rule[] = [];
  for (const file of set.files) {
    forEachNode(file.schema, "", (node, pointer) => {
      for (const keyword of rulesOn(node)) {
        for (const part of ruleParts(node, keyword)) {
          out.push({
            at: `${file.path}#${pointer}${rulePointer(node, keyword, part)}`,
            keyword,
            ...(part === undefined ? {} : { part }),
            source: citationOf(node, keyword, part).source,
            strength: strengthOf(set.sources, node, keyword, part),
          });
        }
      }
    });
  }
  return out;
}
