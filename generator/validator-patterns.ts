/**
 * The validator emitter's path patterns (`sections/*\/rows/*`): the `x-maxTotal` counts and the
 * `x-uniqueValues` checks, written as plain loops along the pattern that follow the shape the
 * schema gives the containers they walk through, instead of a generic walk over a segment list:
 * the valid path allocates nothing and reads each value directly. Every step is guarded (`?.`,
 * `Array.isArray`), so a count can run before the properties are checked. Where the schema does
 * not say whether a `*` meets an array or an object, the generic helpers in the runtime's walk.ts
 * do the work.
 */
import type { GraphNode, ObjectNode } from "./graph/nodes.ts";
import { resolved } from "./graph/query.ts";

const lit = (v: unknown) => JSON.stringify(v);
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** What each `*` in a path pattern walks over. */
type Star = "array" | "object";

/** Declares a module-level helper function once; returns its name. */
type Helper = (name: string, what: string, signatureAndBody: string) => string;
/** Declares a module-level constant once; returns its name. */
type Constant = (prefix: string, code: string) => string;

export class PatternPlanner {
  constructor(
    private readonly helper: Helper,
    private readonly constant: Constant,
  ) {}

  private pattern(path: string): string {
    return this.constant("PATH", `${lit(path.split("/"))} as const`);
  }

  /** An expression for how many values the pattern reaches from `v`. */
  countAt(node: GraphNode, path: string, v: string): string {
    const pattern = this.pattern(path);
    const stars = this.starKinds(node, path);
    if (!stars) return `walk.countAt(${v}, ${pattern})`;
    const loop = along(path.split("/"), stars, "v", "a", (x) => `if (${x} !== undefined) n++;`);
    return `${this.helper(`count_${pattern}`, `x-maxTotal ${path} at ${node.where}`, `(v: any): number {\nlet n = 0;\n${loop}\nreturn n;\n}`)}(${v})`;
  }

  /**
   * The fast pass's `x-uniqueValues` statements for the object in `v`. Error patterns and warning
   * patterns get their own loops, so a clean verdict alone pays for the latter.
   */
  fastUnique(node: ObjectNode, v: string, warns: (path: string) => boolean): string[] {
    const unique = node.uniqueValues;
    const errors = this.distinctChecks(node, unique.filter((path) => !warns(path)));
    const warnings = this.distinctChecks(node, unique.filter(warns));
    return [...errors.map((check) => `if (!${check(v)}) return false;`), ...warnings.map((check) => `if (w && !${check(v)}) return false;`)];
  }

  /**
   * The full pass's: the same loops settle "no duplicates", and pointers and messages are built
   * only when there is one to report. `warningRule` gives a warning pattern's rule place.
   */
  fullUnique(node: ObjectNode, warningRule: (path: string) => string | undefined): string[] {
    const unique = node.uniqueValues;
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
  private distinctChecks(node: GraphNode, paths: string[]): ((v: string) => string)[] {
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
  private distinctItems(node: GraphNode, prefix: string, paths: string[]): (v: string) => string {
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
    const name = this.helper(`distinct_${patterns.join("_")}`, `x-uniqueValues ${paths.join(", ")} at ${node.where}`, `(v: any): boolean {\n${body.join("\n")}\n}`);
    return (v) => `${name}(${v})`;
  }

  /** A function true when no two values the pattern reaches from its argument are equal. */
  private allDistinct(node: GraphNode, path: string): (v: string) => string {
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
    const name = this.helper(`distinct_${pattern}`, `x-uniqueValues ${path} at ${node.where}`, `(v: any): boolean {\n${body.join("\n")}\n}`);
    return (v) => `${name}(${v})`;
  }

  /**
   * What each `*` of a path pattern meets according to the schema, through `$ref`s and unions;
   * undefined when the schema does not settle it (the pattern then uses the generic walk).
   */
  private starKinds(node: GraphNode, path: string): Star[] | undefined {
    let current = alternatives(node);
    const stars: Star[] = [];
    for (const seg of path.split("/")) {
      if (seg === "*") {
        const items = current.flatMap((n) => (n.kind === "array" && n.items ? [n.items] : []));
        const values = current.flatMap((n) => (n.kind === "object" && n.additionalProperties ? [n.additionalProperties] : []));
        if (current.length === 0 || (items.length !== current.length && values.length !== current.length)) return undefined;
        stars.push(items.length === current.length ? "array" : "object");
        current = (items.length === current.length ? items : values).flatMap(alternatives);
      } else {
        current = current.flatMap((n) => (n.kind === "object" ? n.properties.filter((p) => p.key === seg).flatMap((p) => alternatives(p.node)) : []));
      }
    }
    return stars;
  }

  /** The title of the schema a path pattern reaches, for messages about the values found there. */
  private labelAlong(node: GraphNode, path: string): string {
    let current = resolved(node);
    let fallback = path.split("/").filter((seg) => seg !== "*").pop()!.replace(/_/g, " ");
    for (const seg of path.split("/")) {
      // Through a union, the first branch stands for all: they share the path's shape.
      while (current.kind === "union" && current.keyword === "oneOf") current = resolved(current.branches[0]!);
      if (seg === "*") {
        if (current.kind !== "array" || !current.items) return fallback;
        current = resolved(current.items);
      } else {
        const property = current.kind === "object" ? current.properties.find((p) => p.key === seg) : undefined;
        if (!property) return fallback;
        current = resolved(property.node);
        fallback = seg.replace(/_/g, " ");
      }
    }
    return current.title ?? fallback;
  }
}

/** A node's alternatives past `$ref`s: a union's branches (recursively), or the node itself. */
function alternatives(node: GraphNode): GraphNode[] {
  const target = resolved(node);
  return target.kind === "union" ? target.branches.flatMap(alternatives) : [target];
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
