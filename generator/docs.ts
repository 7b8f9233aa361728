/**
 * The reference pages in `docs/`: one per schema a bot sends (every interactive type, the message
 * envelope, the reaction), listing each field with its type, whether it is required,
 * its limits and rules, and its description, all read from the schemas. Parts (header, body,
 * media, …) are expanded where they are used; a field that holds another page's schema links to
 * it instead. Limits are stated once, here, so the docs cannot disagree with the validators.
 */
import type { DocLine } from "./keywords.ts";
import type { SchemaGraph } from "./graph/build.ts";
import type { GraphNode } from "./graph/nodes.ts";
import { resolved } from "./graph/query.ts";
import { ruleOf } from "./graph/rules.ts";
import type { Json } from "./schema-set.ts";
import type { Sources } from "./sources.ts";

export interface DocPage {
  /** Path below `docs/`, e.g. `interactive/button.md`. */
  path: string;
  name: string;
  schemaPath: string;
  node: GraphNode;
}

interface Row {
  field: string;
  required: string;
  type: string;
  rules: string[];
  description: string;
}

const code = (v: Json) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");
export function docPages(graph: SchemaGraph): DocPage[] {
  return graph.named
    .filter((n) => n.loc.pointer === "" && PAGE_FOLDERS.some((folder) => n.loc.file.path.startsWith(folder)))
    .map((n) => ({ path: n.loc.file.path.replace(/\.schema\.json$/, ".md"), name: n.name, schemaPath: n.loc.file.path, node: n }));
}

/** The folders whose schemas get a page: what a bot sends. Parts are expanded where used. */
const PAGE_FOLDERS = ["interactive/", "message/"];

/** Says where a rule comes from: `(meta-list)`, `(warning: inferred [1])`. */
type Cite = (node: GraphNode, keywords: string[], part?: string) => string;

/**
 * What the rules column says for each check of the node (the keyword table's doc line of each, from
 * its argument), each with its source; a line two checks give (a pair of bounds) is said once.
 */
function rulesOf(node: GraphNode, cite: Cite): string[] {
  const argOf = (keyword: string) => node.checks.find((c) => c.keyword.name === keyword)?.arg;
  const lines: DocLine[] = [];
  for (const { keyword, arg } of node.checks)
    for (const line of keyword.doc?.(arg, argOf) ?? []) if (!lines.some((o) => o.text === line.text && o.part === line.part)) lines.push(line);
  return lines.map((line) => line.text + (line.keywords.length > 0 ? cite(node, line.keywords, line.part) : ""));
}

class PageWriter {
  readonly rows: Row[] = [];
  /** The sources cited on this page, in order of first use, and the notes given with them. */
  readonly cited: string[] = [];
  readonly notes: string[] = [];

  constructor(
    private readonly pageOf: Map<GraphNode, DocPage>,
    private readonly page: DocPage,
    private readonly sources: Sources,
  ) {}

  readonly cite: Cite = (node, keywords, part) => {
    const tags = keywords.map((keyword) => {
      const { source, note, strength } = ruleOf(node, keyword, part);
      if (source === undefined) throw new Error(`${node.where}: "${keyword}" cites no source`);
      if (!this.cited.includes(source)) this.cited.push(source);
      let tag = source;
      if (note !== undefined) {
        if (!this.notes.includes(note)) this.notes.push(note);
        tag += ` [${this.notes.indexOf(note) + 1}]`;
      }
      return strength === "warning" ? `warning: ${tag}` : tag;
    });
    return ` (${[...new Set(tags)].join(", ")})`;
  };

  /** The page's closing lists: each source cited, then the numbered notes. */
  sourceList(): string[] {
    const lines = this.cited.map((id) => {
      const s = this.sources.get(id)!;
      const where = s.page ? `, \`${s.page}\`${s.updated ? ` (updated ${s.updated})` : ""}` : "";
      const strength = s.kind === "observed" || s.kind === "inferred" ? "warnings" : "errors";
      return `- \`${id}\` — ${s.title}${where}; ${s.kind}, so its rules are ${strength}.`;
    });
    return [...lines, ...(this.notes.length > 0 ? ["", ...this.notes.map((note, i) => `- [${i + 1}] ${note}`)] : [])];
  }

  /** A link to the page of the schema `target`, unless that is this page or it has none. */
  private link(target: GraphNode): string | undefined {
    const page = this.pageOf.get(target);
    if (!page || page === this.page) return undefined;
    const depth = this.page.path.split("/").length - 1;
    return `[${page.node.title ?? page.name}](${"../".repeat(depth)}${page.path})`;
  }

  private typeOf(node: GraphNode): string {
    if (node.type !== undefined) return node.kind === "array" && node.items ? `array of ${this.typeOf(resolved(node.items))}` : node.type;
    if (node.kind === "const") return typeof node.values[0];
    if (node.kind === "union" || node.kind === "object") return "object";
    return "any JSON";
  }

  /**
   * The rows of the field at `path` and of everything inside it. `named` is the schema a
   * reference points at (its page is linked to instead of expanded); `seen` the schemas being
   * expanded around it, so a recursive one is not expanded again.
   */
  field(raw: GraphNode, path: string, required: string, seen: readonly GraphNode[], named = raw.kind === "ref" ? raw.target : undefined): void {
    const linked = named !== undefined && path !== "" ? this.link(named) : undefined;
    const s = resolved(raw);
    const description = cell(`${s.description ?? ""}`.trim() || `${s.title ?? ""}`);
    if (linked) {
      this.rows.push({ field: path, required, type: "object", rules: [`see ${linked}`], description });
      return;
    }
    if (named && seen.includes(named)) return;
    const inside = named ? [...seen, named] : seen;
    const rules = rulesOf(s, this.cite);
    if (path !== "") this.rows.push({ field: path, required, type: this.typeOf(s), rules, description });
    else if (rules.length > 0) this.rows.push({ field: "(the whole object)", required: "", type: this.typeOf(s), rules, description: "" });

    if (s.kind === "union") this.forms(s.branches, s.discriminator?.property, s.discriminator?.values, path, inside);
    if (s.kind === "object") {
      if (s.alternatives) this.forms(s.alternatives.branches, undefined, undefined, path, inside);
      this.properties(s, path, undefined, inside);
      if (s.additionalProperties) this.field(s.additionalProperties, `${path}.*`, "", inside);
    }
    if (s.kind === "array" && s.items) this.field(s.items, `${path}[]`, "", inside);
  }

  /** The rows of a union: its discriminator once, then each form's own rules and fields, or a link to its page. */
  private forms(branches: GraphNode[], discriminator: string | undefined, values: (Json | undefined)[] | undefined, path: string, seen: readonly GraphNode[]): void {
    const at = (key: string) => (path ? `${path}.${key}` : key);
    if (discriminator) {
      this.rows.push({ field: at(discriminator), required: "yes", type: "string", rules: [`one of ${values!.map((v) => code(v ?? null)).join(", ")}`], description: "Chooses which of the forms below applies." });
    }
    for (const [i, branch] of branches.entries()) {
      const target = resolved(branch);
      const branchName = branch.kind === "ref" ? branch.target : undefined;
      const branchLink = branchName ? this.link(branchName) : undefined;
      const value = values?.[i];
      const when = value !== undefined ? `when ${code(`${at(discriminator!)}: ${JSON.stringify(value)}`)}` : `in form ${i + 1} (${target.title ?? "unnamed"})`;
      const field = path || "(the whole object)";
      if (branchLink) {
        this.rows.push({ field, required: when, type: "object", rules: [`see ${branchLink}`], description: cell(`${target.description ?? ""}`) });
        continue;
      }
      // Rules on the form itself (such as "at least one of to, recipient") before its fields.
      const rules = rulesOf(target, this.cite);
      if (rules.length > 0) this.rows.push({ field, required: when, type: "object", rules, description: cell(`${target.title ?? ""}`) });
      this.properties(target, path, when, branchName ? [...seen, branchName] : seen, discriminator);
    }
  }

  /** The rows of an object's properties; `skip` is a discriminator already listed once for all forms. */
  private properties(node: GraphNode, path: string, when: string | undefined, seen: readonly GraphNode[], skip?: string): void {
    if (node.kind !== "object") return;
    for (const { key, node: sub, required } of node.properties) {
      if (key === skip) continue;
      const yes = required ? "yes" : "no";
      this.field(sub, path ? `${path}.${key}` : key, when ? `${yes}, ${when}` : yes, seen);
    }
  }
}

export function docPage(page: DocPage, pageOf: Map<GraphNode, DocPage>, sources: Sources): string {
  const writer = new PageWriter(pageOf, page, sources);
  writer.field(page.node, "", "", [], page.node);
  const s = page.node;
  const rows = writer.rows.map((r) => `| ${r.field.startsWith("(") ? r.field : `\`${r.field}\``} | ${r.required} | ${r.type} | ${cell(r.rules.join("; "))} | ${r.description} |`);
  return [
    `# ${s.title ?? page.name}`,
    "",
    `${s.description ?? ""}`,
    "",
    `TypeScript: type \`${page.name}\`, \`validate${page.name}\` / \`assert${page.name}\` / \`is${page.name}\`. ` +
      `Schema: \`wa-interactive/schemas/${page.schemaPath}\`.`,
    "",
    "Characters are Unicode code points. Unknown properties are rejected everywhere. Each rule names its source in",
    "parentheses (listed under the table): a rule Meta documents is an error; one marked \"warning\" is only reported",
    "by libraries or users, or is our reasoning, and is returned as a warning unless validation is strict.",
    "",
    "| field | required | type | limits and rules | description |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    "## Sources",
    "",
    ...writer.sourceList(),
    "",
  ].join("\n");
}

/** `docs/README.md`: the list of pages. */
export function docIndex(pages: DocPage[], extra: { path: string; title: string }[]): string {
  return [
    "# wa-interactive reference",
    "",
    "Generated from the JSON Schemas by `npm run generate`; the rules' exact semantics are in the schema set's README.",
    "",
    ...pages.map((p) => `- [${p.node.title ?? p.name}](${p.path}) — \`${p.name}\``),
    ...extra.map((e) => `- [${e.title}](${e.path})`),
    "",
  ].join("\n");
}

/** Every page of `docs/`, keyed by its path in the package. */
export function docFiles(graph: SchemaGraph, links: { path: string; title: string }[] = []): Map<string, string> {
  const pages = docPages(graph);
  const pageOf = new Map(pages.map((p) => [p.node, p]));
  const out = new Map<string, string>();
  for (const page of pages) out.set(`docs/${page.path}`, docPage(page, pageOf, graph.sources));
  out.set("docs/README.md", docIndex(pages, links));
  return out;
}
