/**
 * The engine behind every generated builder. A builder is an immutable list of method calls over a
 * plan that the generator derived from a schema: which method writes what, where. `build()` replays
 * the calls onto a fresh plain object, numbers positional fields, puts keys in schema order,
 * optionally clamps display text, and validates with the generated validator. Nothing a builder
 * returns from `build()` is a class instance: the message is plain JSON.
 */
import type { ClampChange } from "./clamp.js";
import { clampAt } from "./clamp.js";
import { issue, ValidationError, type ValidationIssue, type ValidationResult } from "./issues.js";
import { escape, MAX_DEPTH, type Pattern } from "./walk.js";

// ------------------------------------------------------------------ plans (emitted by the generator)

export type Path = readonly string[];

/** How a method's arguments become a value: a template, then argument i written at `args[i]`. */
export interface Shape {
  readonly fixed?: unknown;
  readonly args: readonly Path[];
  /** The property names of the arguments, for the array form that takes records. */
  readonly keys?: readonly string[];
}

export type Spec =
  /** Writes the shaped arguments at `at` (all arguments undefined: removes it). */
  | { readonly op: "set"; readonly at: Path; readonly shape: Shape; readonly consts?: readonly (readonly [Path, unknown])[] }
  /** Appends the shaped arguments to the array at `at`. */
  | { readonly op: "add"; readonly at: Path; readonly shape: Shape; readonly consts?: readonly (readonly [Path, unknown])[] }
  /** Appends every element of an array given at run time (records shaped by `shape`, or wire items). */
  | { readonly op: "addEach"; readonly at: Path; readonly shape?: Shape; readonly consts?: readonly (readonly [Path, unknown])[] }
  /** Appends an item made by a callback from a sub-builder seeded with the leading arguments. */
  | { readonly op: "addBuilt"; readonly at: Path; readonly plan: () => Plan; readonly seed: readonly string[]; readonly consts?: readonly (readonly [Path, unknown])[] };

/** Property order of an object schema (and of its children), so built JSON reads like the docs. */
export interface KeyOrder {
  readonly keys: readonly string[];
  readonly children?: Readonly<Record<string, KeyOrder>>;
}

export interface Plan<T = unknown> {
  /** What the builder makes, for error messages: "reply buttons message". */
  readonly what: string;
  /** The value every build starts from: the constants the schema fixes. */
  readonly base: unknown;
  readonly methods: Readonly<Record<string, Spec | Readonly<Record<string, Spec>>>>;
  readonly order?: KeyOrder;
  /** Arrays whose items carry their own position (`card_index`), filled in when not given. */
  readonly ordinals?: readonly (readonly [Pattern, string])[];
  /** Display text the clamp policy may shorten, with its limit in code points. */
  readonly clamp?: readonly (readonly [Pattern, number])[];
  readonly validate?: (value: unknown) => ValidationResult<T>;
}

// ------------------------------------------------------------------ the public types

declare const replyIds: unique symbol;

/**
 * Type-only: the reply ids a built message (or a builder) carries, so an inbound reply can be
 * narrowed to them. The property never exists at run time.
 */
export interface Carries<Ids extends string> {
  // Boxed, so that `never` (no ids yet) is inferred as such rather than lost to `undefined`.
  readonly [replyIds]?: { readonly ids: Ids };
}

/** A built message: the schema's type, plus (in the type only) the literal ids given to the builder. */
export type Built<T, Ids extends string = never> = [Ids] extends [never] ? T : T & Carries<Ids>;

/** The reply ids of a built message, envelope or builder; `string` when they are not known. */
export type ReplyIds<M> = M extends Carries<infer Ids> ? (unknown extends Ids ? string : [Ids] extends [never] ? string : Ids) : string;

/** A value of type `T` as run-time data may have it: arrays of any length where `T` has tuples. */
export type Loose<T> = T extends readonly (infer E)[] ? readonly Loose<E>[] : T extends object ? { [K in keyof T]: Loose<T[K]> } : T;

/** `Methods` while an array counted by `N` is below `Max` items; nothing once it is full. */
export type Room<N extends readonly unknown[], Max extends number, Methods> = N["length"] extends Max ? unknown : Methods;

export interface BuildOptions {
  /**
   * "strict" (the default): over-long text is an error like any other. "clamp": display text (body,
   * header, footer, titles, descriptions, labels) longer than its limit is cut to the limit with an
   * ellipsis, at a grapheme boundary, and each cut is reported. Ids, URLs, counts and every other
   * rule are never changed: they stay errors.
   */
  onLimit?: "strict" | "clamp";
}

/** What `build({ onLimit: "clamp" })` returns: the message and every text it shortened. */
export interface Clamped<T> {
  value: T;
  changes: ClampChange[];
}

/** What `safeBuild()` returns: the validation result, plus the clamp changes (none when strict). */
export type BuildResult<T> = (ValidationResult<T> & { changes: ClampChange[] });

export interface Buildable<T, Ids extends string = never> extends Carries<Ids> {
  /** Validates and returns the message; throws a `ValidationError` carrying every issue. */
  build(options?: { onLimit?: "strict" }): Built<T, Ids>;
  /** Clamps over-long display text, validates, and returns the message with the list of changes. */
  build(options: { onLimit: "clamp" }): Clamped<Built<T, Ids>>;
  /** As `build`, but returns `{ ok, value | errors, changes }` instead of throwing. */
  safeBuild(options?: BuildOptions): BuildResult<Built<T, Ids>>;
}

// ------------------------------------------------------------------ the engine

const DRAFT = Symbol("wa-interactive.draft");
const PLAN = Symbol("wa-interactive.plan");
// Symbols, so that no method name a schema gives a builder can clash with its state.
const PREV = Symbol("wa-interactive.prev");
const SPEC = Symbol("wa-interactive.spec");
const ARGS = Symbol("wa-interactive.args");

/**
 * A builder is its last call: the spec, its arguments and the builder it was called on. Sharing
 * the rest of the chain is what makes builders immutable and cheap to branch; one object per call
 * (rather than a builder plus a call record) keeps chaining to a single allocation.
 */
interface BuilderNode {
  readonly [PREV]: BuilderState | undefined;
  readonly [SPEC]: Spec | undefined;
  readonly [ARGS]: readonly unknown[] | undefined;
}

/**
 * A fresh class for each plan, its prototype holding the plan's methods. Not a subclass of a shared
 * one: a derived class's implicit constructor forwards its arguments through a spread, measurably
 * slower on every call of a chain.
 */
function newKind(): Kind {
  return class implements BuilderNode {
    readonly [PREV]: BuilderState | undefined;
    readonly [SPEC]: Spec | undefined;
    readonly [ARGS]: readonly unknown[] | undefined;
    constructor(prev: BuilderState | undefined, spec: Spec | undefined, args: readonly unknown[] | undefined) {
      this[PREV] = prev;
      this[SPEC] = spec;
      this[ARGS] = args;
    }
  } as unknown as Kind;
}

interface BuilderState extends BuilderNode {
  readonly [PLAN]: Plan;
  [DRAFT](): unknown;
}

type Kind = new (prev: BuilderState | undefined, spec: Spec | undefined, args: readonly unknown[] | undefined) => BuilderState;

function isBuilder(v: unknown): v is BuilderState {
  return typeof v === "object" && v !== null && DRAFT in v;
}

/**
 * Writes an own data property. Plain assignment of a `__proto__` key (which JSON.parse produces as
 * an ordinary key) would replace the object's prototype instead, hiding the key from validation
 * and letting the caller's object leak in as inherited properties.
 */
function define(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

/** A copy of a JSON-like value that the builder owns; anything else is kept for validation to report. */
function copy(v: unknown, depth = 0): unknown {
  // Strings and numbers are most of what a builder is given: answered before any other test.
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    if (depth > MAX_DEPTH) return v;
    // Holes stay holes, so the validator can name them.
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = copy(v[i], depth + 1);
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  // Only a plain object is copied; a builder (never plain) is built, any other object kept as is.
  if (proto !== Object.prototype && proto !== null) return DRAFT in v ? (v as BuilderState)[DRAFT]() : v;
  if (depth > MAX_DEPTH) return v;
  const out: Record<string, unknown> = {};
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    define(out, k, copy((v as Record<string, unknown>)[k], depth + 1));
  }
  return out;
}

function containerAt(root: Record<string, unknown>, path: Path, upTo: number): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (let i = 0; i < upTo; i++) {
    const o = node as Record<string, unknown>;
    const seg = path[i]!;
    if (o[seg] === undefined) o[seg] = {};
    node = o[seg];
    // A value given whole (say a wire item) already sits here and is not an object: leave it for
    // validation to report rather than overwrite what the caller wrote.
    if (typeof node !== "object" || node === null || Array.isArray(node)) return undefined;
  }
  return node as Record<string, unknown>;
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  const parent = containerAt(root, path, path.length - 1);
  if (!parent) return;
  const key = path[path.length - 1]!;
  if (value === undefined) delete parent[key];
  else define(parent, key, value);
}

function arrayAt(root: Record<string, unknown>, path: Path): unknown[] | undefined {
  const parent = containerAt(root, path, path.length - 1);
  if (!parent) return undefined;
  const key = path[path.length - 1]!;
  if (parent[key] === undefined) parent[key] = [];
  const a = parent[key];
  return Array.isArray(a) ? a : undefined;
}

function allUndefined(args: readonly unknown[]): boolean {
  for (let i = 0; i < args.length; i++) if (args[i] !== undefined) return false;
  return true;
}

function shaped(shape: Shape, args: readonly unknown[]): unknown {
  if (allUndefined(args)) return undefined;
  const paths = shape.args;
  if (paths.length === 1 && paths[0]!.length === 0 && shape.fixed === undefined) return copy(args[0]);
  const value = (shape.fixed === undefined ? {} : copy(shape.fixed)) as Record<string, unknown>;
  for (let i = 0; i < paths.length; i++) {
    const arg = args[i];
    if (arg === undefined) continue;
    const path = paths[i]!;
    // The common case, one level down (`{ text }`), needs no path walk.
    if (path.length === 1) define(value, path[0]!, copy(arg));
    else setAt(value, path, copy(arg));
  }
  return value;
}

/** What the array form of a shape needs beyond the shape itself, worked out once per shape. */
interface RecordForm {
  readonly keys: readonly string[];
  /** Where keys the item does not know are written: the arguments' common parent. */
  readonly home: Path;
}

const recordForms = new WeakMap<Shape, RecordForm>();

function recordForm(shape: Shape & { keys: readonly string[] }): RecordForm {
  let form = recordForms.get(shape);
  if (!form) recordForms.set(shape, (form = { keys: shape.keys, home: commonPrefix(shape.args) }));
  return form;
}

/** A record from the array form (`{ id, title }`) shaped like the positional arguments would be. */
function shapedRecord(shape: Shape, record: unknown): unknown {
  if (typeof record !== "object" || record === null || Array.isArray(record) || !shape.keys) return copy(record);
  const { keys, home } = recordForm(shape as Shape & { keys: readonly string[] });
  const args = new Array<unknown>(keys.length);
  for (let i = 0; i < keys.length; i++) args[i] = (record as Record<string, unknown>)[keys[i]!];
  const value = shaped(shape, args) as Record<string, unknown> | undefined;
  const out = value ?? ((shape.fixed === undefined ? {} : copy(shape.fixed)) as Record<string, unknown>);
  // Keys the record has but the item does not know are kept next to the known ones, so the
  // validator reports them as unknown properties instead of the builder dropping them.
  const own = Object.keys(record);
  for (let i = 0; i < own.length; i++) {
    const k = own[i]!;
    if (!keys.includes(k)) setAt(out, home.length === 0 ? [k] : [...home, k], copy((record as Record<string, unknown>)[k]));
  }
  return out;
}

function commonPrefix(paths: readonly Path[]): string[] {
  const first = paths[0] ?? [];
  const out: string[] = [];
  for (let i = 0; i < first.length - 1; i++) {
    if (paths.every((p) => p.length > i + 1 && p[i] === first[i])) out.push(first[i]!);
    else break;
  }
  return out;
}

/** How a build runs: its options, and where clamp changes go (those of builders given as values too). */
interface Context {
  readonly options: BuildOptions | undefined;
  readonly changes: ClampChange[];
}

function apply(draft: Record<string, unknown>, spec: Spec, args: readonly unknown[], context: Context): void {
  if (spec.consts) for (const [path, value] of spec.consts) setAt(draft, path, copy(value));
  switch (spec.op) {
    case "set": {
      const given = args[0];
      if (args.length === 1 && isBuilder(given)) {
        // A builder given as a value (an envelope's message) is built the same way, its clamp
        // changes reported at their full path.
        const inner = prepare(given, context.options);
        if (inner.changes.length > 0) {
          const at = spec.at.map((seg) => `/${escape(seg)}`).join("");
          for (const change of inner.changes) context.changes.push({ ...change, path: at + change.path });
        }
        setAt(draft, spec.at, inner.value);
        return;
      }
      setAt(draft, spec.at, shaped(spec.shape, args));
      return;
    }
    case "add": {
      const value = shaped(spec.shape, args);
      if (value !== undefined) arrayAt(draft, spec.at)?.push(value);
      return;
    }
    case "addEach": {
      const items = args[0];
      if (!Array.isArray(items)) {
        // Not an array: written as given, so validation names the path and the expected type.
        setAt(draft, spec.at, copy(items));
        return;
      }
      const target = arrayAt(draft, spec.at);
      if (!target) return;
      const shape = spec.shape;
      for (let i = 0; i < items.length; i++) target.push(shape ? shapedRecord(shape, items[i]) : copy(items[i]));
      return;
    }
    case "addBuilt": {
      // Sub-builders hold no clamp or numbering of their own: the top-level plan's patterns reach
      // into their items. The item was made for this build alone, so it is pushed without a copy.
      arrayAt(draft, spec.at)?.push(draftOf(args[0] as BuilderState, UNCLAMPED));
      return;
    }
  }
}

/** Whether `o`'s own keys already follow `keys`, with any keys the schema does not name after them. */
function inOrder(o: Record<string, unknown>, keys: readonly string[]): boolean {
  let at = 0;
  let unknownSeen = false;
  const own = Object.keys(o);
  for (let j = 0; j < own.length; j++) {
    const k = own[j]!;
    const i = keys.indexOf(k, at);
    if (i >= 0 && !unknownSeen) at = i + 1;
    else if (keys.includes(k)) return false;
    else unknownSeen = true;
  }
  return true;
}

/** A `KeyOrder` as `reorder` walks it: only the keys that have an order of their own to visit. */
interface Walk {
  readonly keys: readonly string[];
  readonly nested: readonly (readonly [string, Walk])[];
  /** For an array: the order of its items. */
  readonly item: Walk | undefined;
}

const walks = new WeakMap<KeyOrder, Walk>();

function walkOf(order: KeyOrder): Walk {
  let walk = walks.get(order);
  if (walk) return walk;
  const children = order.children ?? {};
  walk = {
    keys: order.keys,
    nested: order.keys.filter((k) => Object.hasOwn(children, k)).map((k) => [k, walkOf(children[k]!)] as const),
    item: Object.hasOwn(children, "*") ? walkOf(children["*"]!) : undefined,
  };
  walks.set(order, walk);
  return walk;
}

/**
 * Puts keys in schema order. The draft belongs to the build, so children are reordered in place
 * and an object is rebuilt only when its own keys are out of order (calls made in another order).
 */
function reorder(v: unknown, walk: Walk): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    const item = walk.item;
    if (item) {
      for (let i = 0; i < v.length; i++) {
        const before: unknown = v[i];
        const after = reorder(before, item);
        if (after !== before) v[i] = after;
      }
    }
    return v;
  }
  const o = v as Record<string, unknown>;
  const nested = walk.nested;
  for (let i = 0; i < nested.length; i++) {
    const k = nested[i]![0];
    const child = nested[i]![1];
    const before = o[k];
    // Text and numbers have no order; checking them for an own key first would only cost time.
    if (typeof before !== "object" || before === null || !Object.hasOwn(o, k)) continue;
    const after = reorder(before, child);
    if (after !== before) o[k] = after;
  }
  const keys = walk.keys;
  if (inOrder(o, keys)) return o;
  const out: Record<string, unknown> = {};
  // Own keys only: `in` would count inherited names such as "constructor" as already written and drop them.
  for (const k of keys) if (Object.hasOwn(o, k)) out[k] = o[k];
  for (const k of Object.keys(o)) if (!Object.hasOwn(out, k)) define(out, k, o[k]);
  return out;
}

function numberItems(v: unknown, pattern: Pattern, key: string, from = 0): void {
  if (typeof v !== "object" || v === null) return;
  if (from === pattern.length) {
    if (!Array.isArray(v)) return;
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) continue;
      const item: unknown = v[i];
      if (typeof item === "object" && item !== null && !Array.isArray(item) && (item as Record<string, unknown>)[key] === undefined) {
        (item as Record<string, unknown>)[key] = i;
      }
    }
    return;
  }
  const seg = pattern[from]!;
  if (seg === "*") {
    if (Array.isArray(v)) for (const x of v) numberItems(x, pattern, key, from + 1);
  } else numberItems((v as Record<string, unknown>)[seg], pattern, key, from + 1);
}

/**
 * The context of a build that clamps nothing, shared: without clamping there are no changes to
 * collect (frozen, so that a change pushed here by mistake throws rather than piles up).
 */
const UNCLAMPED: Context = { options: undefined, changes: Object.freeze([]) as unknown as ClampChange[] };

/**
 * The value a builder describes: its calls replayed onto a copy of the plan's base, items
 * numbered, display text clamped when asked, keys in schema order. Not yet validated.
 */
function prepare(builder: BuilderState, options: BuildOptions | undefined): { value: unknown; changes: ClampChange[] } {
  const context: Context = { options, changes: [] };
  return { value: draftOf(builder, context), changes: context.changes };
}

/** `prepare`'s value, with clamp changes going to `context`. */
function draftOf(builder: BuilderState, context: Context): unknown {
  const plan = builder[PLAN];
  // The chain runs from the last call back; it is replayed from the first.
  let n = 0;
  for (let b: BuilderState | undefined = builder; b && b[SPEC]; b = b[PREV]) n++;
  const chain = new Array<BuilderState>(n);
  for (let b: BuilderState | undefined = builder, i = n - 1; i >= 0; b = b![PREV], i--) chain[i] = b!;
  const draft = copy(plan.base) as Record<string, unknown>;
  for (let i = 0; i < n; i++) apply(draft, chain[i]![SPEC]!, chain[i]![ARGS]!, context);
  if (plan.ordinals) for (const [pattern, key] of plan.ordinals) numberItems(draft, pattern, key);
  if (context.options?.onLimit === "clamp" && plan.clamp) for (const [pattern, limit] of plan.clamp) clampAt(draft, pattern, limit, "", context.changes);
  return plan.order ? reorder(draft, walkOf(plan.order)) : draft;
}

function checkOptions(options: BuildOptions | undefined): ValidationIssue[] | undefined {
  const onLimit = options?.onLimit;
  if (onLimit === undefined || onLimit === "strict" || onLimit === "clamp") return undefined;
  return [issue("", "onLimit", `build option onLimit must be "strict" or "clamp", not ${JSON.stringify(onLimit)}`)];
}

function safeBuild(builder: BuilderState, options: BuildOptions | undefined): BuildResult<unknown> {
  if (options !== undefined) {
    const bad = checkOptions(options);
    if (bad) return { ok: false, errors: bad, changes: [] };
  }
  const plan = builder[PLAN];
  try {
    const { value, changes } = prepare(builder, options);
    if (!plan.validate) return { ok: true, value, changes };
    const result = plan.validate(value);
    return result.ok ? { ok: true, value: result.value, changes } : { ok: false, errors: result.errors, changes };
  } catch (e) {
    // A throwing getter or a Proxy in a value given at run time: an issue, never an escape.
    return { ok: false, errors: [issue("", "exception", `reading a value given to the builder threw: ${e instanceof Error ? e.message : String(e)}`)], changes: [] };
  }
}

/** One class per plan: the plan's methods, each returning a new builder one call longer. */
const kinds = new WeakMap<Plan, Kind>();

function kindFor(plan: Plan): Kind {
  let kind = kinds.get(plan);
  if (kind) return kind;
  const k = newKind();
  const p = k.prototype as unknown as Record<string | symbol, unknown>;
  Object.defineProperty(p, PLAN, { value: plan });
  Object.assign(p, {
    [DRAFT](this: BuilderState) {
      return draftOf(this, UNCLAMPED);
    },
    build(this: BuilderState, options?: BuildOptions) {
      const result = safeBuild(this, options);
      if (!result.ok) throw new ValidationError(result.errors, plan.what);
      return options?.onLimit === "clamp" ? { value: result.value, changes: result.changes } : result.value;
    },
    safeBuild(this: BuilderState, options?: BuildOptions) {
      return safeBuild(this, options);
    },
  });
  for (const [name, entry] of Object.entries(plan.methods)) {
    if ("op" in entry) p[name] = method(entry as Spec, k);
    else {
      // A group such as `header`: `.header.text("…")` reads the group off the builder, then calls.
      // Its methods are made once; each read binds them to the builder it was read from, so a
      // method taken off the group (`const { text } = b.header`) still writes to that builder.
      const members = Object.entries(entry as Record<string, Spec>).map(([key, spec]) => [key, method(spec, k)] as const);
      Object.defineProperty(p, name, {
        get(this: BuilderState) {
          const self = this;
          const group: Record<string, (...args: unknown[]) => BuilderState> = {};
          for (let i = 0; i < members.length; i++) {
            const [key, m] = members[i]!;
            group[key] = (...args: unknown[]) => m.apply(self, args);
          }
          return group;
        },
      });
    }
  }
  kinds.set(plan, k);
  return k;
}

function method(spec: Spec, kind: Kind): (this: BuilderState, ...args: unknown[]) => BuilderState {
  if (spec.op !== "addBuilt") {
    return function (this: BuilderState, ...args: unknown[]) {
      return new kind(this, spec, args);
    };
  }
  return function (this: BuilderState, ...args: unknown[]) {
    const build = args[args.length - 1];
    if (typeof build !== "function") throw new TypeError(`the last argument must be a function that fills in the new item; got ${typeof build}`);
    const plan = spec.plan();
    let sub = create(plan);
    for (let i = 0; i < spec.seed.length && i < args.length - 1; i++) {
      if (args[i] !== undefined) sub = (sub as unknown as Record<string, (v: unknown) => BuilderState>)[spec.seed[i]!]!.call(sub, args[i]);
    }
    const made = build(sub);
    if (!isBuilder(made) || made[PLAN] !== plan) throw new TypeError("the callback must return the builder it was given (or one made from it by chaining)");
    return new kind(this, spec, [made]);
  };
}

/** What `v` describes: a builder's (unvalidated) message, or `v` itself. */
export function valueOf(v: unknown): unknown {
  return isBuilder(v) ? draftOf(v, UNCLAMPED) : v;
}

/** A new, empty builder for `plan`. */
export function create(plan: Plan): BuilderState {
  return new (kindFor(plan))(undefined, undefined, undefined);
}

/** A new builder for `plan` with `methods` called in turn on `args` (a factory's parameters). */
export function start(plan: Plan, methods: readonly string[], args: readonly unknown[]): unknown {
  let b = create(plan);
  for (let i = 0; i < methods.length; i++) b = (b as unknown as Record<string, (v: unknown) => BuilderState>)[methods[i]!]!.call(b, args[i]);
  return b;
}
