/**
 * The engine behind every generated builder. A builder is an immutable chain of calls: each call
 * is one small object holding the call's number, its arguments and the builder it was made from,
 * so branching a builder shares the calls before the branch. What each call writes, and in which
 * key order, is generated code (one class per builder in builders.ts, read off the schemas);
 * this file holds what every builder shares: the chain, copying values given at run time, numbering
 * positional fields, clamping, and validation. Nothing `build()` returns is a class instance: the
 * message is plain JSON.
 */
import type { ClampChange } from "./clamp.js";
import { clampAt } from "./clamp.js";
import { issue, type ValidateOptions, ValidationError, type ValidationIssue, type ValidationResult } from "./issues.js";
import { MAX_DEPTH, type Pattern } from "./walk.js";

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
export type ReplyIds<M> =
  M extends Carries<infer Ids> ? (unknown extends Ids ? string : [Ids] extends [never] ? string : Ids) : string;

/** A value of type `T` as run-time data may have it: arrays of any length where `T` has tuples. */
export type Loose<T> = T extends readonly (infer E)[]
  ? readonly Loose<E>[]
  : T extends object
    ? { [K in keyof T]: Loose<T[K]> }
    : T;

/** `Methods` while an array counted by `N` is below `Max` items; nothing once it is full. */
export type Room<N extends readonly unknown[], Max extends number, Methods> = N["length"] extends Max
  ? unknown
  : Methods;

export interface BuildOptions {
  /**
   * "strict" (the default): over-long text is an error like any other. "clamp": display text (body,
   * header, footer, titles, descriptions, labels) longer than its limit is cut to the limit with an
   * ellipsis, at a grapheme boundary, and each cut is reported. Ids, URLs, counts and every other
   * rule are never changed: they stay errors.
   */
  onLimit?: "strict" | "clamp";
  /** Treat every warning as an error (a rule only libraries or users report), as `validate…(v, { strict: true })` does. */
  strict?: boolean;
}

/** What `build({ onLimit: "clamp" })` returns: the message and every text it shortened. */
export interface Clamped<T> {
  value: T;
  changes: ClampChange[];
}

/** What `safeBuild()` returns: the validation result (its `warnings` included), plus the clamp changes (none when strict). */
export type BuildResult<T> = ValidationResult<T> & { changes: ClampChange[] };

export interface Buildable<T, Ids extends string = never> extends Carries<Ids> {
  /** Validates and returns the message; throws a `ValidationError` carrying every issue. */
  build(options?: { onLimit?: "strict"; strict?: boolean }): Built<T, Ids>;
  /** Clamps over-long display text, validates, and returns the message with the list of changes. */
  build(options: { onLimit: "clamp"; strict?: boolean }): Clamped<Built<T, Ids>>;
  /** As `build`, but returns `{ ok, value | errors, warnings, changes }` instead of throwing. */
  safeBuild(options?: BuildOptions): BuildResult<Built<T, Ids>>;
}

// ------------------------------------------------------------------ plans (emitted by the generator)

/** Property order of an object schema (and of its children, `*` for array items), so built JSON reads like the docs. */
export interface KeyOrder {
  readonly keys: readonly string[];
  readonly children?: Readonly<Record<string, KeyOrder>>;
}

/** What a builder's generated class does not say in code: its name, the checks after assembly. */
export interface Plan<T = unknown> {
  /** What the builder makes, for error messages: "reply buttons message". */
  readonly what: string;
  /**
   * Arrays whose items carry their own position (`card_index`), filled in when not given: where
   * the array is, the key, and the item's key order (the key goes in its place, not last).
   */
  readonly ordinals?: readonly (readonly [Pattern, string, readonly string[]])[];
  /** Display text the clamp policy may shorten, with its limit in code points. */
  readonly clamp?: readonly (readonly [Pattern, number])[];
  readonly validate?: (value: unknown, options?: ValidateOptions) => ValidationResult<T>;
  /** The validator's fast pass alone: a valid message (the common case) needs no result object. */
  readonly is?: (value: unknown) => boolean;
}

// ------------------------------------------------------------------ the chain

// Symbols, so that no method name a schema gives a builder can clash with the chain's state.
export const CALL = Symbol("wa-interactive.call");
// A call's arguments, held by the call itself rather than in an array of their own: one
// allocation per call instead of two. No builder method takes more than three.
export const A0 = Symbol("wa-interactive.a0");
export const A1 = Symbol("wa-interactive.a1");
export const A2 = Symbol("wa-interactive.a2");
export const ASSEMBLE = Symbol("wa-interactive.assemble");
export const PLAN = Symbol("wa-interactive.plan");
export const OWNER = Symbol("wa-interactive.owner");
export const PREV = Symbol("wa-interactive.prev");

/** One call of a chain, as the generated assembly reads it. */
export interface Call {
  readonly [CALL]: number;
  readonly [A0]: unknown;
  readonly [A1]: unknown;
  readonly [A2]: unknown;
}

/** How a build runs: its options, and where clamp changes go (those of builders given as values too). */
export interface Context {
  readonly options: BuildOptions | undefined;
  readonly changes: ClampChange[];
}

/**
 * The base of every generated builder class. The empty builder has no previous call; every method
 * returns a new instance one call longer. Subclasses give their plan, `[ASSEMBLE]` (the message
 * the calls describe, keys in schema order, not yet numbered, clamped or validated) and a
 * constructor that writes the chain's five fields itself: written here, once for every class, the
 * writes would see a different object shape per builder class and slow down as more are used.
 */
export abstract class Chain {
  // Declared, not defined: a class field costs a define on every construction, and a builder
  // constructs one instance per call. Not readonly only because the subclass constructors write
  // them; nothing writes them after.
  declare [PREV]: Chain | undefined;
  declare [CALL]: number;
  declare [A0]: unknown;
  declare [A1]: unknown;
  declare [A2]: unknown;

  abstract get [PLAN](): Plan;
  abstract [ASSEMBLE](context: Context): unknown;

  build(options?: BuildOptions): unknown {
    if (options === undefined) return buildStrict(this);
    const result = safeBuild(this, options);
    if (!result.ok) throw new ValidationError(result.errors, this[PLAN].what);
    return options?.onLimit === "clamp" ? { value: result.value, changes: result.changes } : result.value;
  }

  safeBuild(options?: BuildOptions): BuildResult<unknown> {
    return safeBuild(this, options);
  }
}

/** A group of methods read off a builder (`.header.text("…")`): each call extends that builder. */
export abstract class Group<C extends Chain> {
  declare protected readonly [OWNER]: C;
  constructor(owner: C) {
    this[OWNER] = owner;
  }
}

/** Objects kept for the life of the module: see `retain`. */
const retained: object[] = [];

/**
 * Keeps `root` (a builder class's empty builder, which every builder of that class starts from)
 * and one group of each class in `groups` alive for the life of the module, and returns `root`.
 * V8 holds weakly the hidden class an object reaches as its constructor writes its fields, and
 * builders live only while a message is built: when a garbage collection finds none alive, it
 * drops those classes and, with them, the optimised code of every method that makes or reads
 * builders, and the next few thousand builds run 5 to 10 times slower until it is optimised
 * again. One live object of each class keeps the classes, and so the optimised code.
 */
export function retain<C extends Chain>(root: C, ...groups: (new (owner: C) => Group<C>)[]): C {
  retained.push(root);
  for (const group of groups) retained.push(new group(root));
  return root;
}

/** The calls of a chain, first to last (the chain itself runs from the last back). */
export function calls(last: Chain): Call[] {
  let n = 0;
  for (let b = last; b[PREV] !== undefined; b = b[PREV]) n++;
  const out = new Array<Call>(n);
  let b = last;
  for (let i = n - 1; i >= 0; i--, b = b[PREV]!) out[i] = b;
  return out;
}

/**
 * The sub-builder an adder's callback fills in (`.section("Orders", (s) => s.row(…))`), given the
 * seeded sub-builder and the callback; the item is what the callback returns.
 */
export function filled<C extends Chain>(seeded: C, fill: unknown): C {
  if (typeof fill !== "function")
    throw new TypeError(`the last argument must be a function that fills in the new item; got ${typeof fill}`);
  const made: unknown = fill(seeded);
  if (!(made instanceof Chain) || made.constructor !== seeded.constructor) {
    throw new TypeError("the callback must return the builder it was given (or one made from it by chaining)");
  }
  return made as C;
}

/** A sub-builder's item, assembled for the build it is part of. */
export function assembled(sub: unknown, context: Context): unknown {
  return (sub as Chain)[ASSEMBLE](context);
}

// ------------------------------------------------------------------ values given at run time

/**
 * Writes an own data property. Plain assignment of a `__proto__` key (which JSON.parse produces as
 * an ordinary key) would replace the object's prototype instead, hiding the key from validation
 * and letting the caller's object leak in as inherited properties.
 */
function define(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

function childOrder(order: KeyOrder | undefined, key: string): KeyOrder | undefined {
  const children = order?.children;
  return children !== undefined && Object.hasOwn(children, key) ? children[key] : undefined;
}

/**
 * A copy of a JSON-like value that the builder owns, its keys in schema order (unknown keys after
 * the known ones, kept for validation to name); anything that is not plain data is kept as given
 * for validation to report. Builders given as values are built.
 */
export function own(v: unknown, order?: KeyOrder, depth = 0): unknown {
  // Strings and numbers are most of what a builder is given: answered before any other test.
  if (typeof v !== "object" || v === null) return v;
  if (depth > MAX_DEPTH) return v;
  if (Array.isArray(v)) {
    const item = childOrder(order, "*");
    // Holes stay holes, so the validator can name them.
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = own(v[i], item, depth + 1);
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v instanceof Chain ? prepare(v, UNCLAMPED) : v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  const known = order?.keys;
  // Most values already list their keys in schema order: copied in one pass. Otherwise the known
  // keys go first, in schema order, then the others as given.
  if (known !== undefined && !inOrder(keys, known)) {
    const rest = keys.filter((k) => !known.includes(k));
    keys.length = 0;
    for (const k of known) if (Object.hasOwn(o, k)) keys.push(k);
    keys.push(...rest);
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const value = own(o[k], childOrder(order, k), depth + 1);
    if (k === "__proto__") define(out, k, value);
    else out[k] = value;
  }
  return out;
}

/** Whether `keys` lists the keys `known` names in that order, with any others after them. */
function inOrder(keys: readonly string[], known: readonly string[]): boolean {
  let at = 0;
  let unknownSeen = false;
  for (let i = 0; i < keys.length; i++) {
    const j = known.indexOf(keys[i]!, at);
    if (j >= 0 && !unknownSeen) at = j + 1;
    else if (j >= 0 || known.includes(keys[i]!)) return false;
    else unknownSeen = true;
  }
  return true;
}

/** Whether a record given to an array form can be read by its keys (anything else is copied whole). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Writes a key a record has but its item does not know, copied, next to the known ones. */
export function keep(into: unknown, key: string, value: unknown): void {
  define(into as Record<string, unknown>, key, own(value));
}

/** Appends an item to the array a slot holds (a slot given a non-array by an array form keeps it, for validation). */
export function add(list: unknown, item: unknown): unknown {
  if (list === undefined) return [item];
  if (Array.isArray(list)) list.push(item);
  return list;
}

/** Appends items given at run time, each made by `make`; anything but an array is kept as given, for validation to name. */
export function addEach(list: unknown, items: unknown, make: (item: unknown) => unknown): unknown {
  if (!Array.isArray(items)) return own(items);
  const out = list === undefined ? [] : list;
  if (!Array.isArray(out)) return out;
  for (let i = 0; i < items.length; i++) out.push(make(items[i]));
  return out;
}

/** Appends wire items given at run time, copied with their keys in schema order. */
export function addCopies(list: unknown, items: unknown, order?: KeyOrder): unknown {
  return addEach(list, items, (item) => own(item, order));
}

/**
 * The message the last `build()` returned: a fresh object the builder made, keys already in schema
 * order. An envelope is nearly always made right after its message (`interactiveMessage(b.build())`),
 * so one slot catches it; an older built message is copied like any other value. One slot rather
 * than a WeakSet: registering every build in a weak table cost a tenth of building and serialising
 * a list, in collection work. It keeps one valid message, which WhatsApp's limits keep small, alive
 * until the next build.
 */
let lastBuilt: unknown;

/**
 * A value for a property that has builders of its own (an envelope's message): a builder is built
 * the same way, its clamp changes reported at their full path (`at`); the message the last
 * `build()` returned goes in as it is, since copying it again would only repeat the copy its build
 * made; anything else is copied.
 */
export function nested(v: unknown, at: string, context: Context): unknown {
  // The message the last build returned is by far the most common value: answered first.
  if (v === lastBuilt && v !== undefined) return v;
  if (!(v instanceof Chain)) return own(v);
  const inner: Context = { options: context.options, changes: [] };
  const value = prepare(v, inner);
  for (const change of inner.changes) context.changes.push({ ...change, path: at + change.path });
  return value;
}

// ------------------------------------------------------------------ building

/** Fills in missing positions (`card_index`), each in its place among the item's keys. */
function numberItems(v: unknown, pattern: Pattern, key: string, keys: readonly string[], from = 0): void {
  if (typeof v !== "object" || v === null) return;
  if (from === pattern.length) {
    if (!Array.isArray(v)) return;
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) continue;
      const item: unknown = v[i];
      if (
        typeof item === "object" &&
        item !== null &&
        !Array.isArray(item) &&
        (item as Record<string, unknown>)[key] === undefined
      ) {
        v[i] = withKey(item as Record<string, unknown>, key, i, keys);
      }
    }
    return;
  }
  const seg = pattern[from]!;
  if (seg === "*") {
    if (Array.isArray(v)) for (const x of v) numberItems(x, pattern, key, keys, from + 1);
  } else numberItems((v as Record<string, unknown>)[seg], pattern, key, keys, from + 1);
}

function withKey(
  o: Record<string, unknown>,
  key: string,
  value: unknown,
  keys: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (k === key) out[k] = value;
    else if (Object.hasOwn(o, k)) out[k] = o[k];
  }
  for (const k of Object.keys(o)) if (!Object.hasOwn(out, k)) define(out, k, o[k]);
  return out;
}

/**
 * The context of a build that clamps nothing, shared: without clamping there are no changes to
 * collect (frozen, so that a change pushed here by mistake throws rather than piles up).
 */
const UNCLAMPED: Context = { options: undefined, changes: Object.freeze([]) as unknown as ClampChange[] };

/** The message a builder describes: assembled, positions numbered, text clamped when asked. Not yet validated. */
function prepare(chain: Chain, context: Context): unknown {
  const plan = chain[PLAN];
  const draft = chain[ASSEMBLE](context);
  if (plan.ordinals) for (const [pattern, key, keys] of plan.ordinals) numberItems(draft, pattern, key, keys);
  if (context.options?.onLimit === "clamp" && plan.clamp)
    for (const [pattern, limit] of plan.clamp) clampAt(draft, pattern, limit, "", context.changes);
  return draft;
}

function checkOptions(options: BuildOptions | undefined): ValidationIssue[] | undefined {
  const onLimit = options?.onLimit;
  const strict = options?.strict;
  if (strict !== undefined && typeof strict !== "boolean")
    return [issue("", "strict", `build option strict must be true or false, not ${JSON.stringify(strict)}`)];
  if (onLimit === undefined || onLimit === "strict" || onLimit === "clamp") return undefined;
  return [issue("", "onLimit", `build option onLimit must be "strict" or "clamp", not ${JSON.stringify(onLimit)}`)];
}

function safeBuild(chain: Chain, options: BuildOptions | undefined): BuildResult<unknown> {
  if (options !== undefined) {
    const bad = checkOptions(options);
    if (bad) return { ok: false, errors: bad, warnings: [], changes: [] };
  }
  const plan = chain[PLAN];
  const context: Context = options?.onLimit === "clamp" ? { options, changes: [] } : UNCLAMPED;
  const changes = context === UNCLAMPED ? [] : context.changes;
  try {
    const value = prepare(chain, context);
    if (!plan.validate) return { ok: true, value, warnings: [], changes };
    const result = plan.validate(value, options?.strict === true ? { strict: true } : undefined);
    if (result.ok) lastBuilt = value;
    return { ...result, changes };
  } catch (e) {
    return { ok: false, errors: thrown(e), warnings: [], changes: [] };
  }
}

/** `build()` with no options, the common case: no clamp context, no result object to unwrap. */
function buildStrict(chain: Chain): unknown {
  const plan = chain[PLAN];
  let value: unknown;
  try {
    value = prepare(chain, UNCLAMPED);
  } catch (e) {
    throw new ValidationError(thrown(e), plan.what);
  }
  if (!plan.validate) return value;
  if (plan.is?.(value)) {
    lastBuilt = value;
    return value;
  }
  const result = plan.validate(value);
  if (!result.ok) throw new ValidationError(result.errors, plan.what);
  lastBuilt = value;
  return result.value;
}

/** A throwing getter or a Proxy in a value given at run time: an issue, never an escape. */
function thrown(e: unknown): ValidationIssue[] {
  return [
    issue("", "exception", `reading a value given to the builder threw: ${e instanceof Error ? e.message : String(e)}`),
  ];
}

/** What `v` describes: a builder's (unvalidated) message, or `v` itself. */
export function valueOf(v: unknown): unknown {
  return v instanceof Chain ? prepare(v, UNCLAMPED) : v;
}
