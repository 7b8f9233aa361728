/**
 * Reads of the item: each pointer walked through the provider's webhook schema at generation
 * time, so the code is a plain property read, optional-chained exactly where the schema lets a
 * step be absent, and TypeScript checks it against the generated types. A part the schema does not
 * describe is read loosely, through `isObject` tests.
 */
import { walk, type Walk } from "../schema-path.ts";
import { access, parsePointer, pointerOf, type Path } from "../translation.ts";
import type { InboundEmitter } from "./emitter.ts";
import type { ItemScope, Value } from "./scope.ts";

/** The walk of `path` from the item; a path the schema has no place for stops generation. */
export function walkItem(e: InboundEmitter, item: ItemScope, path: Path): Walk {
  if (item.root === undefined) e.fail(`${pointerOf(path)} is read before the item has a type ("item")`);
  const w = walk(item.root, path, item.pins);
  if (w === undefined) e.fail(`the ${e.p.mapping.provider} webhook schema has no ${pointerOf(path)} there`);
  return w;
}

/** The part checked on its own that holds `pointer`, with the pointer below it. */
function checkedPart(item: ItemScope, pointer: string) {
  for (const [at, part] of item.parts ?? [])
    if (pointer === at || pointer.startsWith(`${at}/`)) return { part, below: pointer.slice(at.length) };
  return undefined;
}

/** The walk of `pointer` from the item, or from the part checked on its own that holds it. */
export function walkPart(e: InboundEmitter, item: ItemScope, pointer: string): Walk {
  const checked = checkedPart(item, pointer);
  if (checked === undefined) return walkItem(e, item, parsePointer(pointer));
  return walkItem(e, { name: checked.part.name, root: checked.part.root, pins: new Map() }, parsePointer(checked.below));
}

/** `item.a?.b`: a property read, optional-chained past every step the schema lets be absent. */
export function read(e: InboundEmitter, item: ItemScope, pointer: string): Value {
  // Below a part checked on its own, read from its variable, typed by its schema.
  const checked = checkedPart(item, pointer);
  if (checked !== undefined) {
    const { part } = checked;
    const inner = read(e, { name: part.name, root: part.root, pins: new Map() }, checked.below);
    if (!part.maybe) return inner;
    return { expr: inner.expr === part.name ? part.name : inner.expr.replace(part.name, `${part.name}?`), maybe: true };
  }
  const path = parsePointer(pointer);
  if (item.root === undefined) {
    // Before the item's own check: its parts are still unknown values.
    if (path.length !== 1) e.fail(`${pointer}: only a top-level part can be chosen on before the item is checked`);
    return { expr: `(${item.name} as Record<string, unknown>)${access("", path)}`, maybe: true };
  }
  const w = walkItem(e, item, path);
  let expr = item.name;
  let maybe = false;
  w.steps.forEach((step, i) => {
    expr = access(expr, [path[i]!]);
    if (maybe && !expr.endsWith("]")) expr = expr.replace(/\.([^.]+)$/, "?.$1");
    // A part a `requires` check has proven present is no longer optional, nor is the way to it.
    if (item.known?.has(pointerOf(path.slice(0, i + 1)))) {
      expr = expr.replace(/\?\./g, ".");
      maybe = false;
    } else if (step.optional) maybe = true;
  });
  return { expr, maybe };
}

/** The item seen as a record of unknown parts, bound once (to `pre`) where it is first needed. */
function recordView(e: InboundEmitter, item: ItemScope, pre: string[]): string {
  const key = `${item.name} as a record`;
  const known = e.cache.get(key)?.expr;
  if (known !== undefined) return known;
  const view = e.declare(`${item.name}Parts`);
  pre.push(`const ${view} = ${item.name} as unknown as Record<string, unknown>;`);
  e.cache.set(key, { expr: view, maybe: false });
  return view;
}

/**
 * A part the item's schema does not describe: read step by step through objects (`isObject`),
 * and kept only when it is a string if `type` says so; without `type`, one step as an unknown value.
 */
export function loose(e: InboundEmitter, item: ItemScope, pointer: string, type: "string" | undefined, pre: string[]): Value {
  const path = parsePointer(pointer);
  const view = recordView(e, item, pre);
  if (type === undefined) {
    if (path.length !== 1) e.fail(`${pointer}: a loose read without a type reads one step`);
    return { expr: access(view, path), maybe: true };
  }
  // Each isObject() test narrows the next step.
  const isObject = e.support("isObject");
  const tests: string[] = [];
  let expr = view;
  path.forEach((step, i) => {
    expr = access(expr, [step]);
    if (i < path.length - 1) tests.push(`${isObject}(${expr})`);
  });
  return { expr: `${[...tests, `typeof ${expr} === "string"`].join(" && ")} ? ${expr} : undefined`, maybe: true };
}

/** A part read where the schema may not describe it (a check's subject, a `when` test): typed if it can be, else one loose step. */
export function anyRead(e: InboundEmitter, item: ItemScope, pointer: string, pre: string[]): Value {
  const path = parsePointer(pointer);
  if (item.root !== undefined && walk(item.root, path, item.pins) === undefined) return loose(e, item, pointer, undefined, pre);
  return read(e, item, pointer);
}
