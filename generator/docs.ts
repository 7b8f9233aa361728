/**
 * The reference pages in `docs/`: one per schema a bot sends (every interactive type, the message
 * envelope, the reaction), listing each field with its type, whether it is required,
 * its limits and rules, and its description, all read from the schemas. Parts (header, body,
 * media, …) are expanded where they are used; a field that holds another page's schema links to
 * it instead. Limits are stated once, here, so the docs cannot disagree with the validators.
 */
import { docLines } from "./keywords.ts";
import type { NamedSchema } from "./names.ts";
import type { Json, Schema } from "./schema-set.ts";
import { citationOf, type Sources, strengthOf } from "./sources.ts";

export interface DocPage {
  /** Path below `docs/`, e.g. `interactive/button.md`. */
  path: string;
  name: string;
  schemaPath: string;
  schema: Schema;
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
export function docPages(named: NamedSchema[]): DocPage[] {
  return named
    .filter((n) => n.pointer === "" && PAGE_FOLDERS.some((folder) => n.file.path.startsWith(folder)))
    .map((n) => ({ path: n.file.path.replace(/\.schema\.json$/, ".md"), name: n.name, schemaPath: n.file.path, schema: n.schema }));
}

/** The folders whose schemas get a page: what a bot sends. Parts are expanded where used. */
const PAGE_FOLDERS = ["interactive/", "message/"];

/** Says where a rule comes from: `(meta-list)`, `(warning: inferred [1])`. */
type Cite = (s: Schema, keywords: string[], part?: string) => string;

/** What the rules column says for each keyword that constrains a value (the keyword table's doc lines), each with its source. */
function rulesOf(s: Schema, cite: Cite): string[] {
  return docLines(s).map((line) => line.text + (line.keywords.length > 0 ? cite(s, line.keywords, line.part) : ""));
}

function isRequiredOnly(b: Json): boolean {
  return typeof b === "object" && b !== null && !Array.isArray(b) && Object.keys(b).length === 1 && Array.isArray(b.required);
}

class PageWriter {
  readonly rows: Row[] = [];
  /** The sources cited on this page, in order of first use, and the notes given with them. */
  readonly cited: string[] = [];
  readonly notes: string[] = [];

  constructor(
    private readonly defs: Schema,
    private readonly pageOf: Map<string, DocPage>,
    private readonly page: DocPage,
    private readonly sources: Sources,
  ) {}

  readonly cite: Cite = (s, keywords, part) => {
    const tags = keywords.map((keyword) => {
      const { source, note } = citationOf(s, keyword, part);
      if (!this.cited.includes(source)) this.cited.push(source);
      let tag = source;
      if (note !== undefined) {
        if (!this.notes.includes(note)) this.notes.push(note);
        tag += ` [${this.notes.indexOf(note) + 1}]`;
      }
      return strengthOf(this.sources, s, keyword, part) === "warning" ? `warning: ${tag}` : tag;
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

  /** The `$defs` name a `$ref` of the bundle points at. */
  private refName(s: Schema): string | undefined {
    return typeof s.$ref === "string" ? s.$ref.replace("#/$defs/", "") : undefined;
  }

  private resolve(s: Schema): Schema {
    const name = this.refName(s);
    return name ? this.resolve(this.defs[name] as Schema) : s;
  }

  private link(name: string): string | undefined {
    const target = this.pageOf.get(name);
    if (!target || target === this.page) return undefined;
    const depth = this.page.path.split("/").length - 1;
    return `[${target.schema.title ?? name}](${"../".repeat(depth)}${target.path})`;
  }

  private typeOf(s: Schema): string {
    if (typeof s.type === "string") return s.type === "array" && s.items ? `array of ${this.typeOf(this.resolve(s.items as Schema))}` : s.type;
    if (s.const !== undefined) return typeof s.const;
    if (Array.isArray(s.enum)) return typeof s.enum[0];
    if (s.oneOf || s.anyOf) return "object";
    return "any JSON";
  }

  field(raw: Schema, path: string, required: string, seen: readonly string[]): void {
    const name = this.refName(raw);
    const linked = name !== undefined && path !== "" ? this.link(name) : undefined;
    const s = this.resolve(raw);
    const description = cell(`${s.description ?? ""}`.trim() || `${s.title ?? ""}`);
    if (linked) {
      this.rows.push({ field: path, required, type: "object", rules: [`see ${linked}`], description });
      return;
    }
    if (name && seen.includes(name)) return;
    const inside = name ? [...seen, name] : seen;
    const rules = rulesOf(s, this.cite);
    if (path !== "") this.rows.push({ field: path, required, type: this.typeOf(s), rules, description });
    else if (rules.length > 0) this.rows.push({ field: "(the whole object)", required: "", type: this.typeOf(s), rules, description: "" });

    const union = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
    if (union && !union.every(isRequiredOnly)) this.forms(s, union, path, inside);
    if (s.properties) this.properties(s, path, undefined, inside);
    if (s.type === "array" && s.items) this.field(s.items as Schema, `${path}[]`, "", inside);
    if (typeof s.additionalProperties === "object" && s.additionalProperties !== null) {
      this.field(s.additionalProperties as Schema, `${path}.*`, "", inside);
    }
  }

  /** The rows of a union: its discriminator once, then each form's own rules and fields, or a link to its page. */
  private forms(s: Schema, union: Schema[], path: string, seen: readonly string[]): void {
    const discriminator = typeof s["x-discriminator"] === "string" ? s["x-discriminator"] : undefined;
    const at = (key: string) => (path ? `${path}.${key}` : key);
    if (discriminator) {
      const values = union.map((b) => (this.resolve(b).properties as Record<string, Schema> | undefined)?.[discriminator]?.const ?? null);
      this.rows.push({ field: at(discriminator), required: "yes", type: "string", rules: [`one of ${values.map(code).join(", ")}`], description: "Chooses which of the forms below applies." });
    }
    for (const [i, branch] of union.entries()) {
      const target = this.resolve(branch);
      const branchName = this.refName(branch);
      const branchLink = branchName ? this.link(branchName) : undefined;
      const value = discriminator ? (target.properties as Record<string, Schema> | undefined)?.[discriminator]?.const : undefined;
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
  private properties(s: Schema, path: string, when: string | undefined, seen: readonly string[], skip?: string): void {
    const required = new Set((s.required ?? []) as string[]);
    for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
      if (key === skip) continue;
      const yes = required.has(key) ? "yes" : "no";
      this.field(sub, path ? `${path}.${key}` : key, when ? `${yes}, ${when}` : yes, seen);
    }
  }
}

export function docPage(page: DocPage, defs: Schema, pageOf: Map<string, DocPage>, sources: Sources): string {
  const writer = new PageWriter(defs, pageOf, page, sources);
  writer.field({ $ref: `#/$defs/${page.name}` }, "", "", []);
  const s = page.schema;
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
    ...pages.map((p) => `- [${p.schema.title ?? p.name}](${p.path}) — \`${p.name}\``),
    ...extra.map((e) => `- [${e.title}](${e.path})`),
    "",
  ].join("\n");
}

/** Every page of `docs/`, keyed by its path in the package. */
export function docFiles(named: NamedSchema[], bundle: Schema, sources: Sources, links: { path: string; title: string }[] = []): Map<string, string> {
  const pages = docPages(named);
  const pageOf = new Map(pages.map((p) => [p.name, p]));
  const defs = bundle.$defs as Schema;
  const out = new Map<string, string>();
  for (const page of pages) out.set(`docs/${page.path}`, docPage(page, defs, pageOf, sources));
  out.set("docs/README.md", docIndex(pages, links));
  return out;
}
