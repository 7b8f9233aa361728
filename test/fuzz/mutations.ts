/**
 * Mutations that turn a valid instance into a likely invalid one, the way real payloads go wrong:
 * a required key dropped, a string stretched past its limit, an id repeated, an unknown key added,
 * a value of the wrong type. Each is a pure function of the instance and a seed, so fast-check can
 * shrink a failing case by shrinking the instance and keeping the seed.
 */

type Obj = Record<string, unknown>;

export type Mutation = "drop" | "stretch" | "duplicate" | "unknownKey" | "swapType" | "whitespace";
export const MUTATIONS: readonly Mutation[] = ["drop", "stretch", "duplicate", "unknownKey", "swapType", "whitespace"];

/** A small deterministic generator (mulberry32): the same seed gives the same mutants. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Place {
  /** The container holding the value, or undefined for the root. */
  parent: Obj | unknown[] | undefined;
  key: string | number;
  value: unknown;
}

/** Every value in the instance with where it sits (the root included). */
function places(root: unknown): Place[] {
  const out: Place[] = [{ parent: undefined, key: "", value: root }];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i, value: x }), visit(x)));
    else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) out.push({ parent: v as Obj, key: k, value: x }), visit(x);
  };
  visit(root);
  return out;
}

const pick = <T>(rand: () => number, xs: readonly T[]): T | undefined => (xs.length === 0 ? undefined : xs[Math.floor(rand() * xs.length)]);

// Lengths just past the limits the schemas use, so the stretched string crosses one of them.
const STRETCH = [2, 21, 25, 61, 73, 161, 201, 241, 257, 513, 1025, 4097];
// Padding that is one code point but two UTF-16 units tests code-point counting from the other side.
const PADDING = ["x", "é", "😀", "𝒜", " "];
const UNKNOWN_KEYS = ["fotter", "extra", "Type", "title ", "__proto__", "constructor", "prototype"];
const OTHER_VALUES: readonly unknown[] = [null, 0, -1, 1.5, 1e21, "", "x", " ", true, false, [], {}, [1], { a: 1 }, "😀"];
const SPACES = [" ", "\t", "\u00a0", "\u3000", "\n"];

/** Writes `value` at a place, keeping `__proto__` an own data key as JSON.parse would. */
function put(parent: Obj | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies one mutation to a deep copy of `instance`; returns the copy (or a replacement root). */
export function mutate(instance: unknown, kind: Mutation, rand: () => number): unknown {
  const root = structuredClone(instance);
  const all = places(root);
  switch (kind) {
    case "drop": {
      const p = pick(rand, all.filter((x) => x.parent !== undefined && !Array.isArray(x.parent)));
      if (p) delete (p.parent as Obj)[p.key];
      return root;
    }
    case "stretch": {
      const p = pick(rand, all.filter((x) => typeof x.value === "string"));
      if (!p) return root;
      const length = pick(rand, STRETCH)!;
      const stretched = (p.value as string) + pick(rand, PADDING)!.repeat(length);
      if (p.parent === undefined) return stretched;
      put(p.parent, p.key, stretched);
      return root;
    }
    case "duplicate": {
      // Copy one item of an array over another: repeats its ids, titles and indices.
      const arrays = all.map((x) => x.value).filter((v): v is unknown[] => Array.isArray(v) && v.length >= 2);
      const a = pick(rand, arrays);
      if (!a) return root;
      const i = Math.floor(rand() * a.length);
      let j = Math.floor(rand() * a.length);
      if (j === i) j = (i + 1) % a.length;
      a[j] = structuredClone(a[i]);
      return root;
    }
    case "unknownKey": {
      const objects = all.map((x) => x.value).filter((v): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v));
      const o = pick(rand, objects);
      if (o) put(o, pick(rand, UNKNOWN_KEYS)!, pick(rand, OTHER_VALUES));
      return root;
    }
    case "swapType": {
      const p = pick(rand, all)!;
      const value = structuredClone(pick(rand, OTHER_VALUES));
      if (p.parent === undefined) return value;
      put(p.parent, p.key, value);
      return root;
    }
    case "whitespace": {
      const p = pick(rand, all.filter((x) => typeof x.value === "string"));
      if (!p) return root;
      const space = pick(rand, SPACES)!;
      const where = rand();
      const s = p.value as string;
      const changed = where < 0.4 ? space + s : where < 0.8 ? s + space : space.repeat(Math.max(1, [...s].length));
      if (p.parent === undefined) return changed;
      put(p.parent, p.key, changed);
      return root;
    }
  }
}

/** `count` mutants of `instance`, each from one to three mutations in a row. */
export function mutants(instance: unknown, seed: number, count: number): unknown[] {
  const rand = random(seed);
  const out: unknown[] = [];
  for (let n = 0; n < count; n++) {
    let value = instance;
    const steps = 1 + Math.floor(rand() * 3);
    for (let s = 0; s < steps; s++) value = mutate(value, pick(rand, MUTATIONS)!, rand);
    out.push(value);
  }
  return out;
}
