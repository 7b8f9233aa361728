/**
 * Repairs that make a generated object or array meet the cross-field rules a per-node generator
 * cannot see: totals across sections, unique values across a message, alike carousel cards, and
 * `dependentSchemas`. Each changes as little as it can and keeps every per-node rule intact.
 */
import type { GraphNode } from "../../generator/graph/nodes.ts";
import { resolved } from "../../generator/graph/query.ts";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null;

/** Every container and key (or index) at which `pattern` ends, from `v`. */
function slots(v: unknown, segments: string[], out: [Obj | unknown[], string | number][] = []): [Obj | unknown[], string | number][] {
  if (!isObj(v) || segments.length === 0) return out;
  const [seg, ...rest] = segments;
  const keys: (string | number)[] = seg === "*" ? (Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v)) : [seg!];
  for (const k of keys) {
    if (rest.length === 0) {
      if ((v as Obj)[k] !== undefined) out.push([v as Obj, k]);
    } else slots((v as Obj)[k], rest, out);
  }
  return out;
}

export function valueAt(v: unknown, path: string): unknown {
  let current = v;
  for (const seg of path.split("/")) current = isObj(current) ? (current as Obj)[seg] : undefined;
  return current;
}

function setAt(v: unknown, path: string, value: unknown): void {
  const segs = path.split("/");
  const parent = segs.length === 1 ? v : valueAt(v, segs.slice(0, -1).join("/"));
  if (isObj(parent)) (parent as Obj)[segs[segs.length - 1]!] = value;
}

/** `x-maxTotal` whose pattern ends in `*`: drops items from the longest arrays until the total fits. */
export function keepTotals(o: Obj, total: { path: string; maximum: number }): void {
  const segs = total.path.split("/");
  if (segs[segs.length - 1] !== "*") throw new Error(`x-maxTotal ${total.path}: repair needs a pattern ending in *`);
  const arrays = slots(o, segs.slice(0, -1))
    .map(([c, k]) => (c as Obj)[k as string])
    .filter(Array.isArray);
  let count = arrays.reduce((n, a) => n + a.filter((x) => x !== undefined).length, 0);
  while (count > total.maximum) {
    const longest = arrays.reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.length <= 1) throw new Error(`x-maxTotal ${total.path}: cannot bring ${count} under ${total.maximum}`);
    longest.pop();
    count--;
  }
}

/**
 * `x-uniqueValues`: replaces every later duplicate with a value no other place holds, short and
 * plain enough for any of the string or integer schemas the pattern reaches.
 */
export function keepUnique(o: Obj, path: string, nodes: GraphNode[]): void {
  const places = slots(o, path.split("/"));
  const taken = new Set(places.map(([c, k]) => (c as Obj)[k as string]));
  const seen = new Set<unknown>();
  let fresh = 0;
  for (const [container, key] of places) {
    const value = (container as Obj)[key as string];
    if (!seen.has(value)) {
      seen.add(value);
      continue;
    }
    let replacement: unknown;
    if (typeof value === "number") {
      const lo = Math.max(...nodes.map((n) => (n.kind === "number" ? (n.minimum ?? 0) : 0)));
      const hi = Math.min(...nodes.map((n) => (n.kind === "number" ? (n.maximum ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER)));
      for (let n = lo; n <= hi && replacement === undefined; n++) if (!taken.has(n)) replacement = n;
      if (replacement === undefined) throw new Error(`x-uniqueValues ${path}: no unused number left in ${lo}..${hi}`);
    } else {
      do replacement = `u${fresh++}`;
      while (taken.has(replacement));
    }
    (container as Obj)[key as string] = replacement;
    taken.add(replacement);
    seen.add(replacement);
  }
}

/**
 * `x-uniformItems`: each item after the first takes the first's value at every `values` path
 * where both hold a free value of one type below the top level; an item that differs in kind (a
 * top-level value, a value only one of them has, or a `lengths` array) becomes a copy of the first.
 * Copies repeat ids and indices, which the enclosing object's uniqueness repair then renews.
 */
export function conformItems(items: unknown[], uniform: { values?: string[]; lengths?: string[] }): unknown[] {
  const [first, ...rest] = items;
  if (first === undefined) return items;
  const copy = () => structuredClone(first);
  return [
    first,
    ...rest.map((item) => {
      for (const path of uniform.lengths ?? []) {
        const a = valueAt(first, path);
        const b = valueAt(item, path);
        if ((Array.isArray(a) ? a.length : -1) !== (Array.isArray(b) ? b.length : -1)) return copy();
      }
      for (const path of uniform.values ?? []) {
        const a = valueAt(first, path);
        const b = valueAt(item, path);
        if (a === b) continue;
        if (a === undefined || b === undefined || typeof a !== typeof b || !path.includes("/")) return copy();
        setAt(item, path, a);
      }
      return item;
    }),
  ];
}

/**
 * `dependentSchemas` whose subschemas pin properties with `const`: present keys take the const. A
 * dependent given by `$ref` (a shared rule such as the advised text header, a warning) is left
 * alone: instances may break it, and the validators report it.
 */
export function fixDependents(o: Obj, dependents: { key: string; node: GraphNode }[]): void {
  for (const { key, node: sub } of dependents) {
    if (o[key] === undefined || sub.kind === "ref") continue;
    if (sub.kind !== "object") throw new Error(`dependentSchemas ${key}: repair supports an object of consts only`);
    for (const { key: name, node: property, required } of sub.properties) {
      const rule = resolved(property);
      if (rule.kind !== "const" || rule.keyword !== "const") throw new Error(`dependentSchemas ${key}/${name}: repair supports const only`);
      if (o[name] !== undefined || required) o[name] = rule.values[0];
    }
  }
}
