/**
 * Every rule of the schema set, one entry per rule (a keyword on a node, or one part of a keyword
 * with parts: a property of `required`, a pattern of `x-uniqueValues`), with its source and
 * strength. The README's counts of rules, errors and warnings are checked against this list, and
 * the corpus is checked to have a warning example for every warning rule.
 */
import { escapePointer, forEachNode, type SchemaSet } from "./schema-set.ts";
import { citationOf, partsOf, rulesOn, type Strength, strengthOf } from "./sources.ts";

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
      if (node["x-source"] === undefined) return; // TEMPORARY until every folder is annotated
      for (const keyword of rulesOn(node)) {
        const at = `${file.path}#${pointer}/${escapePointer(keyword)}`;
        const parts = partsOf(node, keyword);
        // A part is a rule of its own only where the parts are cited apart.
        const entry = (node["x-source"] as Record<string, unknown> | undefined)?.[keyword];
        const apart = parts !== undefined && typeof entry === "object" && entry !== null && !("source" in entry);
        const list = Array.isArray(node[keyword]);
        for (const [i, part] of (apart || (parts && list && keyword !== "required") ? parts! : [undefined]).entries()) {
          out.push({
            at: part === undefined ? at : `${at}${list ? `/${i}` : ""}`,
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
