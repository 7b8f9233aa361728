/**
 * The envelope of Meta's Cloud API webhook (meta, 360dialog, the Node SDK): every entry, every
 * change, every message and status of a batched delivery (the libraries we compared read only the
 * first of each). The generated normaliser passes in the envelope's validator and its readers of
 * one message and one status (written from Meta's inbound mapping); this walks the batch, gives
 * each reader the change it sits in, and lists in `skipped` what is valid but not read — changes
 * of another field, `value.errors`, `value` keys not modelled — so nothing disappears unseen.
 *
 * When the whole body passes the schema, every message's common fields and every status were
 * checked with it; when it does not, each item is checked on its own (so one bad item is reported
 * at its path and the rest still come out), and the body's other problems are reported once.
 */
import type { ValidationIssue, ValidationResult } from "../runtime/issues.js";
import * as rules from "../runtime/rules.js";
import { type ParseResult, type WebhookOptions, emptyResult, finish, isObject, readPayload } from "./inbound.js";
import type { InboundEvent } from "../types.js";

/** What a message or status takes from the change it sits in. */
export interface CloudApiChange {
  /** The business number's id (`metadata.phone_number_id`). */
  to: string | undefined;
  /** The change's `contacts`, the senders' profiles. */
  contacts: unknown[];
}

/** Reads one message or status; `checked` says whether the body's check already covered it. */
export type CloudApiItemReader = (
  provider: string,
  raw: unknown,
  path: string,
  change: CloudApiChange,
  checked: boolean,
  options: WebhookOptions,
  result: ParseResult,
) => InboundEvent | undefined;

/** The `value` keys of a messages change that are read; any other is listed in `skipped`. */
const VALUE_KEYS = new Set(["messaging_product", "metadata", "contacts", "messages", "statuses", "errors"]);

/**
 * The envelope's top, checked here rather than by the shared schema so that the message names the
 * provider that was asked (Meta, 360dialog and Meta's Node SDK share one webhook schema).
 */
function checkTop(provider: string, body: unknown, errors: ValidationIssue[]): boolean {
  const what = `${provider} webhook body`;
  if (!isObject(body)) {
    errors.push(rules.type("", what, "an object", body));
    return false;
  }
  for (const key of ["object", "entry"]) if (body[key] === undefined) errors.push(rules.required("", what, key));
  return errors.length === 0;
}

/**
 * The contact entry of a message's sender: the one whose `wa_id` is the sender's number or whose
 * `user_id` is their business-scoped id, else the only one.
 */
export function senderContact(
  contacts: unknown[],
  from: string | undefined,
  userId: string | undefined,
): Record<string, any> | undefined {
  // A loop rather than find(): no callback made for every message read.
  for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i];
    if (isObject(c) && ((from !== undefined && c.wa_id === from) || (userId !== undefined && c.user_id === userId)))
      return c;
  }
  const only = contacts.length === 1 ? contacts[0] : undefined;
  return isObject(only) ? only : undefined;
}

/** The item arrays of a messages change, in the order their events come out. */
const ITEM_KINDS = ["messages", "statuses"] as const;

export function readCloudApiEnvelope(
  provider: string,
  payload: unknown,
  options: WebhookOptions,
  validate: (value: unknown) => ValidationResult<unknown>,
  readers: { messages: CloudApiItemReader; statuses: CloudApiItemReader },
): ParseResult {
  const result = emptyResult();
  const body = readPayload(payload, result);
  if (result.errors.length > 0 || !checkTop(provider, body, result.errors)) return finish(result);
  const envelope = validate(body);
  // The envelope's warnings (a status's, a message's common fields) whether or not it passed; the
  // items' own checks below may report some again, and finish() keeps each once.
  if (envelope.warnings.length > 0) result.warnings.push(...envelope.warnings);
  // Plain loops rather than forEach callbacks: every webhook takes this path, and the callbacks
  // were a closure and its context per entry and per change.
  const itemPaths: string[] | undefined = envelope.ok ? undefined : [];
  const entries: unknown[] = isObject(body) && Array.isArray(body.entry) ? body.entry : [];
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e];
    if (!isObject(entry) || !Array.isArray(entry.changes)) continue;
    const changes: unknown[] = entry.changes;
    for (let c = 0; c < changes.length; c++) {
      const change = changes[c];
      if (!isObject(change) || !isObject(change.value)) continue;
      const at = `/entry/${e}/changes/${c}`;
      if (change.field !== "messages") {
        result.skipped.push({ path: at, reason: `a change of field ${JSON.stringify(change.field)}, not "messages"` });
        continue;
      }
      readMessagesChange(provider, change.value, at, options, readers, result, itemPaths);
    }
  }
  // Envelope problems inside an item were reported by that item's own check; report the rest once.
  if (itemPaths !== undefined && !envelope.ok) {
    for (const problem of envelope.errors) {
      if (!itemPaths.some((p) => problem.path === p || problem.path.startsWith(`${p}/`))) result.errors.push(problem);
    }
  }
  return finish(result);
}

/**
 * One change of field `messages` at `at`: an event per message and status, then what is valid but
 * not read listed in `skipped`. `itemPaths` is given when the body's check failed: each item is then
 * checked on its own and its path added, so that the body's problems inside it are not said twice.
 */
function readMessagesChange(
  provider: string,
  value: Record<string, any>,
  at: string,
  options: WebhookOptions,
  readers: { messages: CloudApiItemReader; statuses: CloudApiItemReader },
  result: ParseResult,
  itemPaths: string[] | undefined,
): void {
  const context: CloudApiChange = {
    to:
      isObject(value.metadata) && typeof value.metadata.phone_number_id === "string"
        ? value.metadata.phone_number_id
        : undefined,
    contacts: Array.isArray(value.contacts) ? value.contacts : [],
  };
  for (const key of ITEM_KINDS) {
    const items: unknown = value[key];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      // A hole in an array given as an object (never in parsed JSON) is no item, as forEach would skip it.
      if (item === undefined && !(i in items)) continue;
      const path = `${at}/value/${key}/${i}`;
      if (itemPaths !== undefined) itemPaths.push(path);
      const event = readers[key](provider, item, path, context, itemPaths === undefined, options, result);
      if (event) result.events.push(event);
    }
  }
  if (Array.isArray(value.errors)) {
    value.errors.forEach((error: unknown, i: number) => {
      const what = isObject(error)
        ? `${String(error.code)} ${String(error.title ?? error.message ?? "")}`.trim()
        : "an error";
      result.skipped.push({
        path: `${at}/value/errors/${i}`,
        reason: `Meta reported ${what} for this account or number`,
      });
    });
  }
  // Echoes, calls and whatever Meta adds next: not read, so said.
  for (const key of Object.keys(value)) {
    if (!VALUE_KEYS.has(key))
      result.skipped.push({
        path: `${at}/value/${key}`,
        reason: `${JSON.stringify(key)} in a messages change, which wa-interactive does not model`,
      });
  }
}
