/**
 * The one way the emitters write TypeScript: text assembled with the `ts` tagged template, in a
 * `Module` that owns the file's names.
 *
 * - `ts` joins code: a list becomes one line each, and `false`, `null` and `undefined` vanish, so
 *   an optional statement is `cond && ts\`…\``.
 * - `module.imports(specifier)` hands out the names another module exports. A name stands in the
 *   code as a token; when the module is rendered, each import is written only if its token is used
 *   (no unused imports, no list kept by hand beside the code), under its own name, or renamed
 *   (`x as x_2`) where that name is taken by a declaration of this module or by a name of the same
 *   spelling from another module.
 * - `module.declare(base)` and `module.constants` claim module-level names, `Names` local ones,
 *   each a fresh name where the base is taken.
 *
 * The code stays text, so it can be built by any string operation (a condition joined with ` && `
 * is still a condition); the tokens are private-use characters that no emitted code contains, and
 * rendering fails if one is left over. Layout is prettier's job (print.ts).
 */

/** A literal of a JSON value. */
export const lit = (value: unknown): string => JSON.stringify(value);

/** A one-line doc comment, followed by a line break. */
export const doc = (text: string): string => `/** ${text.replace(/\*\//g, "*\\/")} */\n`;

/** A doc comment of one or more paragraphs (lines as in `text`, each starting ` * `), followed by a line break. */
export const docBlock = (text: string): string =>
  `/**\n${text
    .replace(/\*\//g, "*\\/")
    .split("\n")
    .map((line) => (line === "" ? " *" : ` * ${line}`))
    .join("\n")}\n */\n`;

export type Piece = string | number | false | null | undefined | readonly Piece[];

const piece = (p: Piece): string =>
  p === false || p === null || p === undefined ? "" : Array.isArray(p) ? lines(p) : String(p);

/** The pieces that are there, one a line. */
export const lines = (pieces: readonly Piece[]): string =>
  pieces
    .map(piece)
    .filter((p) => p !== "")
    .join("\n");

/** Code from a template: a list of pieces is one a line; `false`, `null` and `undefined` are left out. */
export function ts(strings: TemplateStringsArray, ...values: Piece[]): string {
  let out = strings[0]!;
  values.forEach((value, i) => (out += piece(value) + strings[i + 1]!));
  return out;
}

/** Names taken in one scope; `fresh` gives a base's first free spelling. */
export class Names {
  private readonly taken = new Set<string>();

  constructor(
    reserved: Iterable<string> = [],
    /** The n-th spelling of `base` (n ≥ 2). */
    private readonly spell: (base: string, n: number) => string = (base, n) => `${base}_${n}`,
  ) {
    for (const name of reserved) this.taken.add(name);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** A scope inside this one (a block): it sees every name taken here, and what it takes stays its own. */
  inner(): Names {
    return new Names(this.taken, this.spell);
  }

  fresh(base: string, free: (name: string) => boolean = () => true): string {
    let name = base;
    for (let n = 2; this.taken.has(name) || !free(name); n++) name = this.spell(base, n);
    this.taken.add(name);
    return name;
  }
}

/** Module-level constants, one per distinct value, each named once from its base. */
export class Constants {
  private readonly byValue = new Map<string, string>();
  readonly lines: string[] = [];

  constructor(private readonly names: Names = new Names()) {}

  /** The name of a constant holding `value` (code), declared on first use. */
  add(base: string, value: string): string {
    const known = this.byValue.get(value);
    if (known !== undefined) return known;
    const name = this.names.fresh(base);
    this.byValue.set(value, name);
    this.lines.push(`const ${name} = ${value};`);
    return name;
  }
}

interface Symbol {
  specifier: string;
  /** The exported name, or the namespace's name for `import * as`. */
  name: string;
  kind: "value" | "type" | "namespace" | "typeNamespace";
}

const OPEN = "\uE000";
const CLOSE = "\uE001";
const TOKEN = /\uE000(\d+)\uE001/g;
const TOKEN_ONLY = /^\uE000(\d+)\uE001$/;

/** The names one module exports, as this module refers to them. */
export interface Imports {
  value(name: string): string;
  type(name: string): string;
  /** `import * as name from …` */
  namespace(name: string): string;
  /** `import type * as name from …`: a module of types only, not loaded at run time. */
  typeNamespace(name: string): string;
}

/** One emitted file: its imports, its module-level names and its constants. */
export class Module {
  private readonly symbols: Symbol[] = [];
  private readonly specifiers: string[] = [];
  private readonly names = new Names();
  private readonly pinned = new Set<number>();
  readonly constants = new Constants(this.names);

  /** The names `specifier` exports; imports are written in the order their modules were first asked for. */
  imports(specifier: string): Imports {
    if (!this.specifiers.includes(specifier)) this.specifiers.push(specifier);
    const token = (name: string, kind: Symbol["kind"]) => {
      let i = this.symbols.findIndex((s) => s.specifier === specifier && s.name === name && s.kind === kind);
      if (i < 0) i = this.symbols.push({ specifier, name, kind }) - 1;
      return `${OPEN}${i}${CLOSE}`;
    };
    return {
      value: (name) => token(name, "value"),
      type: (name) => token(name, "type"),
      namespace: (name) => token(name, "namespace"),
      typeNamespace: (name) => token(name, "typeNamespace"),
    };
  }

  /**
   * Imports `token`'s name whether or not the body uses the token, under that name: for a name
   * that code written elsewhere spells out (the keyword table's `rules.…`, `unicode.…`). A module
   * name of the same spelling is then a clash, and fails.
   */
  pin(token: string): void {
    const i = Number(TOKEN_ONLY.exec(token)?.[1] ?? NaN);
    const symbol = this.symbols[i];
    if (!symbol) throw new Error("only an import's token can be pinned");
    if (this.names.has(symbol.name)) throw new Error(`"${symbol.name}" is pinned as an import and declared in the module`);
    this.names.fresh(symbol.name); // no declaration takes it from now on
    this.pinned.add(i);
  }

  /** A module-level name, `base` unless it is taken. */
  declare(base: string): string {
    return this.names.fresh(base);
  }

  /** The file: `head` (its doc comment), the imports the body uses, then the body. */
  render(head: string, body: string): string {
    const used = [...new Set([...this.pinned, ...[...body.matchAll(TOKEN)].map((m) => Number(m[1]))])].sort((a, b) => a - b);
    const local = new Map<number, string>();
    // Pinned names first: they keep their spelling, and any other import of it is renamed.
    for (const i of this.pinned) local.set(i, this.symbols[i]!.name);
    const given = (name: string) => [...local.values()].includes(name);
    for (const i of used) {
      if (this.pinned.has(i)) continue;
      const s = this.symbols[i]!;
      local.set(i, given(s.name) || this.names.has(s.name) ? this.names.fresh(s.name, (name) => !given(name)) : s.name);
    }
    const declarations = this.specifiers.flatMap((specifier) => {
      const mine = used.filter((i) => this.symbols[i]!.specifier === specifier);
      const namespaces = mine
        .filter((i) => this.symbols[i]!.kind === "namespace" || this.symbols[i]!.kind === "typeNamespace")
        .map((i) => `import ${this.symbols[i]!.kind === "typeNamespace" ? "type " : ""}* as ${local.get(i)} from ${lit(specifier)};`);
      const named = mine.filter((i) => this.symbols[i]!.kind === "value" || this.symbols[i]!.kind === "type");
      if (named.length === 0) return namespaces;
      const onlyTypes = named.every((i) => this.symbols[i]!.kind === "type");
      const entry = (i: number) => {
        const s = this.symbols[i]!;
        const renamed = local.get(i) === s.name ? s.name : `${s.name} as ${local.get(i)}`;
        return s.kind === "type" && !onlyTypes ? `type ${renamed}` : renamed;
      };
      const list = named.map((i) => [this.symbols[i]!.name, entry(i)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return [`import ${onlyTypes ? "type " : ""}{ ${list.map(([, e]) => e).join(", ")} } from ${lit(specifier)};`, ...namespaces];
    });
    const text = `${head}\n${declarations.join("\n")}\n${body.replace(TOKEN, (_, i: string) => local.get(Number(i))!)}`;
    if (text.includes(OPEN) || text.includes(CLOSE)) throw new Error("an import token was cut apart or used outside its module");
    return text;
  }
}
