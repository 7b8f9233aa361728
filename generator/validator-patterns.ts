/**
 * The validator emitter's path patterns (`sections/*\/rows/*`): the `x-maxTotal` counts and the
 * `x-uniqueValues` checks, written as plain loops along the pattern that follow the shape the
 * schema gives the containers they walk through, instead of a generic walk over a segment list:
 * the valid path allocates nothing and reads each value directly. Every step is guarded (`?.`,
 * `Array.isArray`), so a count can run before the properties are checked. Where the schema does
 * not say whether a `*` meets an array or an object, the generic helpers in the runtime's walk.ts
 * do the work.
 */
import { asList } from "./keywords.ts";
import type { Json, Schema } from "./schema-set.ts";
import { isSchema } from "./schema-set.ts";
import type { Kind, Node } from "./validators.ts";

const lit = (v: unknown) => JSON.stringify(v);
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** What each `*` in a path pattern walks over. */
type Star = "array" | "object";

/** What the planner reads of the schema through the emitter. */
export interface PatternNodes {
  deref(node: Node): Node;
  child(node: Node, ...keys: (string | number)[]): Node;
  kind(schema: Schema): Kind;
}

/** Declares a module-level helper function once; returns its name. */
type Helper = (name: string, what: string, signatureAndBody: string) => string;
/** Declares a module-level constant once; returns its name. */
type Constant = (prefix: string, code: string) => string;

export class PatternPlanner {
  constructor(
    private readonly nodes: PatternNodes,
    private readonly helper: Helper,
    private readonly constant: Constant,
  ) {}

  private pattern(path: Json | undefined): string {
    return this.constant("PATH", `${lit(String(path).split("/"))} as const`);
  }

  /** An expression for how many values the pattern reaches from `v`. */
  countAt(node: Node, path: string, v: string): string {
    const pattern = this.pattern(path);
    const stars = this.starKinds(node, path);
    if (!stars) return `walk.countAt(${v}, ${pattern})`;
    const loop = along(path.split("/"), stars, "v", "a", (x) => `if (${x} !== undefined) n++;`);
    return `${this.helper(`count_${pattern}`, `x-maxTotal ${path} at ${where(node)}`, `(v: any): number {\nlet n = 0;\n${loop}\nreturn n;\n}`)}(${v})`;
  }

  /**
   * The fast pass's `x-uniqueValues` statements for the object in `v`. Error patterns and warning
   * patterns get their own loops, so a clean verdict alone pays for the latter.
   */
  fastUnique(node: Node, v: string, warns: (path: string) => boolean): string[] {
    const unique = asList(node.schema["x-uniqueValues"]).map(String);
    const errors = this.distinctChecks(node, unique.filter((path) => !warns(path)));
    const warnings = this.distinctChecks(node, unique.filter(warns));
    return [...errors.map((check) => `if (!${check(v)}) return false;`), ...warnings.map((check) => `if (w && !${check(v)}) return false;`)];
  }

  /**
   * The full pass's: the same loops settle "no duplicates", and pointers and messages are built
   * only when there is one to report. `warningRule` gives a warning pattern's rule place.
   */
  fullUnique(node: Node, warningRule: (path: string) => string | undefined): string[] {
    const unique = asList(node.schema["x-uniqueValues"]).map(String);
    if (unique.length === 0) return [];
    const distinct = this.distinctChecks(node, unique).map((check) => check("v"));
    const reports = unique.map((path) => {
      const rule = warningRule(path);
      return `walk.duplicateIssues(v, ${this.pattern(path)}, p, ${lit(this.labelAlong(node, path))}, out${rule === undefined ? "" : `, ${lit(rule)}`});`;
    });
    return [`if (!(${distinct.join(" && ")})) { ${reports.join(" ")} }`];
  }

  /**
   * For each x-uniqueValues check, the expression true when it holds for the object given. Patterns with one `*`
   * over the same array (`buttons/*\/reply/id`, `buttons/*\/reply/title`) share one loop that
   * compares each item with the earlier ones; any other pattern gets its own check.
   */
  private distinctChecks(node: Node, paths: string[]): ((v: string) => string)[] {
    const shared = new Map<string, string[]>();
    const checks: ((v: string) => string)[] = [];
    for (const path of paths) {
      const star = path.split("/").indexOf("*");
      const single = star > 0 && path.split("/").lastIndexOf("*") === star;
      if (single && this.starKinds(node, path)?.[0] === "array") {
        const prefix = path.split("/").slice(0, star).join("/");
        shared.set(prefix, [...(shared.get(prefix) ?? []), path]);
      } else {
        checks.push(this.allDistinct(node, path));
      }
    }
    for (const [prefix, group] of shared) checks.unshift(this.distinctItems(node, prefix, group));
    return checks;
  }

  /** One loop over the array at `prefix`: each item's values at the patterns' tails against every earlier item's. */
  private distinctItems(node: Node, prefix: string, paths: string[]): (v: string) => string {
    const patterns = paths.map((path) => this.pattern(path));
    const tails = paths.map((path) => path.split("/").slice(prefix.split("/").length + 1));
    const body = [
      `const a = ${reach("v", prefix.split("/"))};`,
      `if (!Array.isArray(a)) return true;`,
      // Past this many items, the generic helper's Set keeps a hostile array's cost linear.
      `if (a.length > walk.PAIRWISE_MAX) return ${patterns.map((pattern) => `walk.allDistinct(v, ${pattern})`).join(" && ")};`,
      `for (let i = 1; i < a.length; i++) {`,
      ...tails.map((tail, k) => `const x${k} = ${reach("a[i]", tail)};`),
      `for (let j = 0; j < i; j++) {`,
      `const o = a[j];`,
      ...tails.map((tail, k) => `if (x${k} !== undefined && ${reach("o", tail)} === x${k}) return false;`),
      `}`,
      `}`,
      `return true;`,
    ];
    const name = this.helper(`distinct_${patterns.join("_")}`, `x-uniqueValues ${paths.join(", ")} at ${where(node)}`, `(v: any): boolean {\n${body.join("\n")}\n}`);
    return (v) => `${name}(${v})`;
  }

  /** A function true when no two values the pattern reaches from its argument are equal. */
  private allDistinct(node: Node, path: string): (v: string) => string {
    const pattern = this.pattern(path);
    const stars = this.starKinds(node, path);
    if (!stars) return (v) => `walk.allDistinct(${v}, ${pattern})`;
    // Each value is compared with the values met before it, kept in a shared scratch array while
    // there are few (WhatsApp's limits keep them at a dozen or so): no walk of the pattern per value
    // and no allocation. Past walk.PAIRWISE_MAX the generic helper's Set takes over, so the cost
    // never grows with the square of a hostile array's length. The scratch is cleared on the way out.
    const visit = (x: string) =>
      [
        `const x = ${x};`,
        `if (x !== undefined) {`,
        `if (n === walk.PAIRWISE_MAX) { ok = walk.allDistinct(v, ${pattern}); break search; }`,
        `for (let j = 0; j < n; j++) if (seen[j] === x) { ok = false; break search; }`,
        `seen[n++] = x;`,
        `}`,
      ].join("\n");
    const loop = along(path.split("/"), stars, "v", "a", visit);
    const body = [`const seen = walk.seen;`, `let n = 0;`, `let ok = true;`, `search: {\n${loop}\n}`, `for (let j = 0; j < n; j++) seen[j] = undefined;`, `return ok;`];
    const name = this.helper(`distinct_${pattern}`, `x-uniqueValues ${path} at ${where(node)}`, `(v: any): boolean {\n${body.join("\n")}\n}`);
    return (v) => `${name}(${v})`;
  }

  /**
   * What each `*` of a path pattern meets according to the schema, through `$ref`s and unions;
   * undefined when the schema does not settle it (the pattern then uses the generic walk).
   */
  private starKinds(node: Node, path: string): Star[] | undefined {
    let current = this.alternatives(this.nodes.deref(node));
    const stars: Star[] = [];
    for (const seg of path.split("/")) {
      if (seg === "*") {
        const arrays = current.filter((n) => this.nodes.kind(n.schema) === "array" && isSchema(n.schema.items));
        const maps = current.filter((n) => this.nodes.kind(n.schema) === "object" && isSchema(n.schema.additionalProperties));
        if (current.length === 0 || (arrays.length !== current.length && maps.length !== current.length)) return undefined;
        stars.push(arrays.length === current.length ? "array" : "object");
        const key = arrays.length === current.length ? "items" : "additionalProperties";
        current = current.flatMap((n) => this.alternatives(this.nodes.deref(this.nodes.child(n, key))));
      } else {
        current = current
          .filter((n) => isSchema(n.schema.properties) && isSchema((n.schema.properties as Schema)[seg]))
          .flatMap((n) => this.alternatives(this.nodes.deref(this.nodes.child(n, "properties", seg))));
      }
    }
    return stars;
  }

  /** A union's branches (recursively, past `$ref`s), or the node itself. */
  private alternatives(node: Node): Node[] {
    if (this.nodes.kind(node.schema) !== "union") return [node];
    const keyword = node.schema.oneOf ? "oneOf" : "anyOf";
    return (node.schema[keyword] as Schema[]).flatMap((_, i) => this.alternatives(this.nodes.deref(this.nodes.child(node, keyword, i))));
  }

  /** The title of the schema a path pattern reaches, for messages about the values found there. */
  private labelAlong(node: Node, path: string): string {
    let current = this.nodes.deref(node);
    let fallback = path.split("/").filter((seg) => seg !== "*").pop()!.replace(/_/g, " ");
    for (const seg of path.split("/")) {
      // Through a union, the first branch stands for all: they share the path's shape.
      while (Array.isArray(current.schema.oneOf) && !current.schema.properties) current = this.nodes.deref(this.nodes.child(current, "oneOf", 0));
      const s = current.schema;
      if (seg === "*") {
        if (!isSchema(s.items)) return fallback;
        current = this.nodes.deref(this.nodes.child(current, "items"));
      } else {
        if (!isSchema(s.properties) || !isSchema((s.properties as Schema)[seg])) return fallback;
        current = this.nodes.deref(this.nodes.child(current, "properties", seg));
        fallback = seg.replace(/_/g, " ");
      }
    }
    return typeof current.schema.title === "string" ? current.schema.title : fallback;
  }

}

/** Where a node sits in the schema set, for comments in the emitted code. */
export function where(node: Node): string {
  return `${node.loc.file.path}#${node.loc.pointer}`;
}

/** Nested loops that visit every value `segments` reaches from `from`, running `body` on each. */
function along(segments: string[], stars: Star[], from: string, prefix: string, body: (x: string) => string): string {
  let access = from;
  let open = "";
  let close = "";
  let star = 0;
  for (const seg of segments) {
    if (seg !== "*") {
      access = reach(access, [seg]);
      continue;
    }
    const a = `${prefix}${star}`;
    const i = `${prefix}${star}i`;
    open +=
      stars[star] === "array"
        ? `{ const ${a} = ${access}; if (Array.isArray(${a})) for (let ${i} = 0; ${i} < ${a}.length; ${i}++) {\n`
        : `{ const ${a} = ${access}; if (typeof ${a} === "object" && ${a} !== null) for (const ${i} in ${a}) {\n`;
    close += "}}\n";
    access = `${a}[${i}]`;
    star++;
  }
  return `${open}${body(access)}\n${close}`;
}

/** An expression reading `segments` (property names) from `from`, stopping at a missing value. */
function reach(from: string, segments: readonly string[]): string {
  return segments.reduce((access, seg) => (IDENT.test(seg) ? `${access}?.${seg}` : `${access}?.[${lit(seg)}]`), from);
}
