/**
 * Where each rule comes from. Every rule of every schema names its source in `x-source` on the
 * same node (schemas/README.md, "Where each rule comes from"); the sources are listed once in
 * `schemas/sources.json`. The kind of a rule's source decides its strength: a rule Meta, a
 * provider or wa-interactive's own contract states is an error, one only observed or inferred is
 * a warning. This module reads the registry, refuses a schema set whose rules are not all
 * sourced, and answers each rule's strength and source for the emitters.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isRule, KEYWORD } from "./keywords.ts";

export { isPresenceList } from "./keywords.ts";
import type { Json, Schema } from "./schema-set.ts";

export type SourceKind = "meta" | "provider" | "contract" | "observed" | "inferred";
export type Strength = "error" | "warning";

export interface Source {
  kind: SourceKind;
  title: string;
  /** For documents (meta, provider): the page, and the month it was last updated. */
  page?: string;
  updated?: string;
}

export type Sources = ReadonlyMap<string, Source>;

/** A rule's source as the schema writes it: an id, or an id with a note. */
export interface Citation {
  source: string;
  note?: string;
}

const STRENGTH: Record<SourceKind, Strength> = { meta: "error", provider: "error", contract: "error", observed: "warning", inferred: "warning" };
const DOCUMENT_KINDS: ReadonlySet<SourceKind> = new Set(["meta", "provider"]);

export class ProvenanceError extends Error {
  override name = "ProvenanceError";
}

export function loadSources(schemasDir: string): Sources {
  const path = join(schemasDir, "sources.json");
  if (!existsSync(path)) return new Map();
  const raw = JSON.parse(readFileSync(path, "utf8")) as Record<string, Json>;
  const sources = new Map<string, Source>();
  for (const [id, value] of Object.entries(raw)) {
    if (id === "$comment") continue;
    const s = value as unknown as Source;
    if (!(s.kind in STRENGTH)) throw new ProvenanceError(`sources.json: "${id}" has kind ${JSON.stringify(s.kind)}; expected one of ${Object.keys(STRENGTH).join(", ")}`);
    if (typeof s.title !== "string" || s.title === "") throw new ProvenanceError(`sources.json: "${id}" has no title`);
    if (DOCUMENT_KINDS.has(s.kind) && (typeof s.page !== "string" || typeof s.updated !== "string")) {
      throw new ProvenanceError(`sources.json: "${id}" is a ${s.kind} document and needs "page" and "updated"`);
    }
    sources.set(id, s);
  }
  return sources;
}

/**
 * The keywords that are rules, present on `node`: each one refuses values, so each needs a source.
 * `type`, `properties`, `items`, `$ref` and unions of shapes are the structure the rules hang on,
 * not rules; `additionalProperties` is a rule when it is `false`, and a `oneOf` / `anyOf` of bare
 * `required` lists ("exactly one of `id` or `link`") is one (its branches are parts of it, not
 * nodes with rules of their own). `propertyNames` and `dependentSchemas` hold subschemas whose own
 * keywords are the rules.
 */
export function rulesOn(node: Schema): string[] {
  return Object.keys(node).filter((key) => isRule(key, node[key]!));
}

/**
 * The keywords whose value lists separate parts (a property of `required`, a pattern of
 * `x-uniqueValues`, a total of `x-maxTotal`) that may come from different sources: their `x-source`
 * entry may map each part to its own citation.
 */
export function partsOf(node: Schema, keyword: string): string[] | undefined {
  const value = node[keyword];
  const parts = KEYWORD.get(keyword)?.parts;
  return parts && value !== undefined ? parts(value).map((p) => p.part) : undefined;
}


/**
 * The parts of `keyword` on `node` that are rules of their own: every pattern of an
 * `x-uniqueValues` list or an `x-maxTotal` list, and the properties of `required` when they are
 * cited apart; otherwise the keyword is one rule ([undefined]).
 */
export function ruleParts(node: Schema, keyword: string): (string | undefined)[] {
  const parts = partsOf(node, keyword);
  if (!parts || !Array.isArray(node[keyword])) return [undefined];
  if (keyword !== "required") return parts;
  const entry = (node["x-source"] as Record<string, Json> | undefined)?.required;
  return typeof entry === "object" && entry !== null && !Array.isArray(entry) && typeof entry.source !== "string" ? parts : [undefined];
}

/** A rule's JSON Pointer below its node: the keyword, then the part's index for a part that is a rule of its own. */
export function rulePointer(node: Schema, keyword: string, part?: string): string {
  const own = `/${keyword.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  if (part === undefined || !ruleParts(node, keyword).includes(part)) return own;
  return `${own}/${partsOf(node, keyword)!.indexOf(part)}`;
}

function isCitation(value: Json | undefined): value is string | { source: string; note?: string } {
  return typeof value === "string" || (typeof value === "object" && value !== null && !Array.isArray(value) && typeof value.source === "string");
}

function citation(value: string | { source: string; note?: string }): Citation {
  return typeof value === "string" ? { source: value } : value.note === undefined ? { source: value.source } : { source: value.source, note: value.note };
}

/**
 * The citation of `keyword` on `node` (of one part of it, for keywords with parts). Throws when
 * there is none: the loader has checked every rule, so a miss here is a generator bug.
 */
export function citationOf(node: Schema, keyword: string, part?: string): Citation {
  const entry = (node["x-source"] as Record<string, Json> | undefined)?.[keyword];
  if (isCitation(entry)) return citation(entry);
  const perPart = part !== undefined && typeof entry === "object" && entry !== null && !Array.isArray(entry) ? entry[part] : undefined;
  if (isCitation(perPart)) return citation(perPart);
  throw new ProvenanceError(`no x-source for "${keyword}"${part === undefined ? "" : ` (${part})`}`);
}

export function strengthOf(sources: Sources, node: Schema, keyword: string, part?: string): Strength {
  const source = sources.get(citationOf(node, keyword, part).source);
  if (!source) throw new ProvenanceError(`x-source of "${keyword}" names no known source`);
  return STRENGTH[source.kind];
}

/** The problems with `node`'s own rules and `x-source`, each a sentence naming the keyword. */
export function provenanceProblems(sources: Sources, node: Schema): string[] {
  const problems: string[] = [];
  const rules = rulesOn(node);
  const entries = node["x-source"];
  if (entries !== undefined && (typeof entries !== "object" || entries === null || Array.isArray(entries))) {
    return ["x-source must be an object keyed by the rules' keywords"];
  }
  const given = (entries ?? {}) as Record<string, Json>;
  for (const keyword of rules) {
    const entry = given[keyword];
    if (entry === undefined) {
      problems.push(`"${keyword}" has no x-source`);
      continue;
    }
    const parts = partsOf(node, keyword);
    if (isCitation(entry)) {
      problems.push(...citationProblems(sources, keyword, citation(entry)));
    } else if (parts && typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
      for (const part of parts) {
        const one = entry[part];
        if (!isCitation(one)) problems.push(`"${keyword}" part ${JSON.stringify(part)} has no x-source`);
        else problems.push(...citationProblems(sources, `${keyword} (${part})`, citation(one)));
      }
      for (const part of Object.keys(entry)) if (!parts.includes(part)) problems.push(`x-source of "${keyword}" names ${JSON.stringify(part)}, which is not one of its parts`);
    } else {
      problems.push(`x-source of "${keyword}" must be a source id or { "source", "note" }`);
    }
  }
  for (const keyword of Object.keys(given)) if (!rules.includes(keyword)) problems.push(`x-source names "${keyword}", which is not a rule of this node`);
  return problems;
}

function citationProblems(sources: Sources, what: string, c: Citation): string[] {
  const source = sources.get(c.source);
  if (!source) return [`x-source of "${what}" names the unknown source "${c.source}" (sources.json)`];
  if (source.kind === "inferred" && (typeof c.note !== "string" || c.note.trim() === "")) {
    return [`x-source of "${what}" is inferred and needs a note saying why`];
  }
  return [];
}
