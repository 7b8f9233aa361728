/**
 * Narrowing an inbound reply to the ids of the messages it may answer. The ids a built message
 * carries are in its type (see `Carries` in builder.ts); at run time the reply id is checked
 * against the ids actually in the messages, so a tap on a button of some older message is not
 * mistaken for one of these. Builders may be given instead of built messages.
 */
import { valueOf, type ReplyIds } from "./builder.js";
import { valuesAt, type Pattern } from "./walk.js";

/** Anything with an optional reply, such as the canonical inbound event. */
export interface HasReply {
  readonly reply?: { readonly id: string; readonly title?: string; readonly description?: string } | undefined;
}

/** An inbound reply whose id is one of `Ids`. */
export interface Reply<Ids extends string> {
  id: Ids;
  title?: string;
  description?: string;
}

/** Where the reply ids of each interactive type sit, by its `type` (generated from the schemas). */
export type ReplyIdPaths = Readonly<Record<string, readonly Pattern[]>>;

function idsOf(given: unknown, paths: ReplyIdPaths, into: Set<unknown>): void {
  const message = valueOf(given);
  if (typeof message !== "object" || message === null) return;
  // An envelope (`{ type: "interactive", interactive: {...} }`) carries the interactive object.
  const inner = (message as { interactive?: unknown }).interactive;
  const interactive = (typeof inner === "object" && inner !== null ? inner : message) as { type?: unknown };
  for (const pattern of paths[String(interactive.type)] ?? [])
    for (const [id] of valuesAt(interactive, pattern, "")) into.add(id);
}

/** The reply in `event` when its id is one of the ids in `messages`, else undefined. */
export function findReply<M extends readonly unknown[]>(
  paths: ReplyIdPaths,
  event: HasReply | null | undefined,
  messages: M,
): Reply<ReplyIds<M[number]>> | undefined {
  const reply = event?.reply;
  if (typeof reply !== "object" || reply === null || typeof reply.id !== "string") return undefined;
  const ids = new Set<unknown>();
  for (const m of messages) idsOf(m, paths, ids);
  return ids.has(reply.id) ? (reply as Reply<ReplyIds<M[number]>>) : undefined;
}
