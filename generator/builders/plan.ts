/**
 * What a builder needs besides its methods, read off the model: where reply ids sit, which arrays
 * are numbered, which strings are display text the clamp policy may shorten, and the property
 * order that makes built JSON read like the documentation.
 */
import { isSchema } from "../schema-set.ts";
import type { BuilderModel, Item, Node } from "./model.ts";

/** Where an item's reply ids sit, from the top-level message (`*` for array items). */
export function replyIdPaths(item: Item): string[][] {
  return item.leaves.flatMap((leaf) => {
    if (leaf.kind === "value") return leaf.replyId ? [leaf.abs] : [];
    if (leaf.kind === "choice") return leaf.branches.flatMap((b) => replyIdPaths(b));
    if (leaf.kind === "list") return leaf.items.flatMap((b) => replyIdPaths(b));
    return [];
  });
}

/** Arrays whose items the builder numbers (`card_index`), from the top-level message. */
export function ordinals(item: Item): [string[], string][] {
  return [
    ...item.ordinals,
    ...item.leaves.flatMap((l) => (l.kind === "list" ? l.items.flatMap((i) => ordinals(i)) : l.kind === "choice" ? l.branches.flatMap((b) => ordinals(b)) : [])),
  ];
}

/** Display text: strings with a `maxLength` and `x-notBlank` that are not identifiers (`x-trimmed`). */
export function clampable(item: Item): [string[], number][] {
  const out: [string[], number][] = [];
  for (const leaf of item.leaves) {
    if (leaf.kind === "value" || leaf.kind === "text") {
      const s = leaf.node.schema;
      if (s.type === "string" && typeof s.maxLength === "number" && s["x-notBlank"] === true && s["x-trimmed"] !== true) {
        out.push([leaf.kind === "text" ? [...leaf.abs, "text"] : leaf.abs, s.maxLength]);
      }
    } else if (leaf.kind === "choice") for (const b of leaf.branches) out.push(...clampable(b));
    else if (leaf.kind === "list") for (const i of leaf.items) out.push(...clampable(i));
  }
  // Two alternatives can reach one path (a header's kinds); keep each once.
  return out.filter(([p], i) => out.findIndex(([q]) => q.join("/") === p.join("/")) === i);
}

/** Property order, from the schema, so built JSON lists keys as the documentation does. */
export function order(model: BuilderModel, node: Node, depth = 0): { keys: string[]; children?: Record<string, unknown> } | undefined {
  const target = model.deref(node);
  const s = target.schema;
  if (depth > 16) return undefined;
  const keys: string[] = [];
  const children: Record<string, unknown> = {};
  const merge = (o: { keys: string[]; children?: Record<string, unknown> } | undefined) => {
    if (!o) return;
    for (const k of o.keys) if (!keys.includes(k)) keys.push(k);
    Object.assign(children, o.children ?? {});
  };
  if (isSchema(s.properties)) {
    for (const k of Object.keys(s.properties)) {
      keys.push(k);
      const child = model.deref(model.child(target, "properties", k));
      if (model.isTarget(child)) continue; // ordered by its own builder
      const o = order(model, child, depth + 1);
      if (o) children[k] = o;
    }
  } else if (isSchema(s.items)) {
    const o = order(model, model.child(target, "items"), depth + 1);
    return o ? { keys: [], children: { "*": o } } : undefined;
  }
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const branches = s[keyword];
    if (Array.isArray(branches) && branches.some((b) => isSchema(b) && (b.$ref || b.properties))) {
      branches.forEach((_, i) => merge(order(model, model.child(target, keyword, i), depth + 1)));
    }
  }
  if (keys.length === 0 && Object.keys(children).length === 0) return undefined;
  return Object.keys(children).length ? { keys, children } : { keys };
}
