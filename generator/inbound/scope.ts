/**
 * What the emitter carries while it writes a case: the item being read (its variable, schema and
 * what is known of it), the event parts handed down from the cases above, and compiled values.
 */
import type { GraphNode } from "../graph/nodes.ts";
import type { InboundSource } from "../inbound-mapping.ts";

/** A source the emitter itself fills (the provider's name, the time read before, the raw item). */
export type Source = InboundSource | { code: string };

/** The item being read where code is emitted: its variable, its schema and the discriminators fixed so far. */
export interface ItemScope {
  name: string;
  /** Where the value lies below the item's pointer (`/content` once a case moved there), for the pointers issues are reported at. */
  base?: string;
  root: GraphNode | undefined;
  pins: Map<string, unknown>;
  /** Reads a `requires` check has already proven present. */
  known?: Set<string>;
  /** Parts checked on their own (`checks`): the variable holding each, its schema, and whether it may be undefined. */
  parts?: Map<string, { name: string; root: GraphNode; maybe: boolean }>;
}

/** A source and the item it reads (an event part given above a case that moved to a part of the item keeps reading the item). */
export interface Part {
  src: Source;
  scope: ItemScope;
}

/** A compiled source: the expression, and whether it may be undefined. */
export interface Value {
  expr: string;
  maybe: boolean;
  /** What to test for presence when it is not the expression itself (a one-item array of a maybe-absent object). */
  test?: string;
}

/** What the cases above hand down: event parts, whether the time was read, the raw item's variable, the value chosen and the values known. */
export interface CaseContext {
  event: Record<string, Part>;
  /** The label of the block a shared tail follows: a case assigns the event and leaves it instead of returning. */
  tail?: string;
  /** In a used case's function: the event exists; cases assign its kind and parts. */
  fill?: boolean;
  time: boolean;
  raw: string;
  value: string;
  known: string;
  /** The variable holding the value chosen on, for an error that names it. */
  chosen: string;
}

/** The context the body's case (or a batch item's) starts from. */
export const rootContext = (raw: string): CaseContext => ({ event: {}, time: false, raw, value: "", known: "", chosen: "undefined" });

/** A fresh scope for a value read on its own (a checked part, a batch's item): nothing pinned or known yet. */
export const scopeOf = (name: string, root: GraphNode | undefined): ItemScope => ({ name, root, pins: new Map(), parts: new Map() });

/** The code of the pointer an issue about `pointer` (below the item) is reported at. */
export const issuePath = (scope: ItemScope, pointer: string) => `\`\${path}${scope.base ?? ""}${pointer}\``;
