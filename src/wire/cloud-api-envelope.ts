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
export function senderContact(contacts: unknown[], from: string | undefined, userId: string | undefined): Record<string, any> | undefined {
  const contact =
    contacts.find((c) => isObject(c) && ((from !== undefined && c.wa_id === from) || (userId !== undefined && c.user_id === userId))) ??
    (contacts.length === 1 ? contacts[0] : undefined);
  return isObject(contact) ? contact : undefined;
}

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
  result.warnings.push(...envelope.warnings);
  const itemPaths: string[] = [];
  const entries = isObject(body) && Array.isArray(body.entry) ? body.entry : [];
  entries.forEach((entry: unknown, e: number) => {
    if (!isObject(entry) || !Array.isArray(entry.changes)) return;
    entry.changes.forEach((change: unknown, c: number) => {
      const at = `/entry/${e}/changes/${c}`;
      if (!isObject(change) || !isObject(change.value)) return;
      if (change.field !== "messages") {
        result.skipped.push({ path: at, reason: `a change of field ${JSON.stringify(change.field)}, not "messages"` });
        return;
      }
      const value = change.value;
      const context: CloudApiChange = {
        to: isObject(value.metadata) && typeof value.metadata.phone_number_id === "string" ? value.metadata.phone_number_id : undefined,
        contacts: Array.isArray(value.contacts) ? value.contacts : [],
      };
      for (const key of ["messages", "statuses"] as const) {
        if (!Array.isArray(value[key])) continue;
        value[key].forEach((item: unknown, i: number) => {
          const path = `${at}/value/${key}/${i}`;
          if (!envelope.ok) itemPaths.push(path);
          const event = readers[key](provider, item, path, context, envelope.ok, options, result);
          if (event) result.events.push(event);
        });
      }
      if (Array.isArray(value.errors)) {
        value.errors.forEach((error: unknown, i: number) => {
          const what = isObject(error) ? `${String(error.code)} ${String(error.title ?? error.message ?? "")}`.trim() : "an error";
          result.skipped.push({ path: `${at}/value/errors/${i}`, reason: `Meta reported ${what} for this account or number` });
        });
      }
      // Echoes, calls and whatever Meta adds next: not read, so said.
      for (const key of Object.keys(value)) {
        if (!VALUE_KEYS.has(key))
          result.skipped.push({ path: `${at}/value/${key}`, reason: `${JSON.stringify(key)} in a messages change, which wa-interactive does not model` });
      }
    });
  });
  // Envelope problems inside an item were reported by that item's own check; report the rest once.
  if (!envelope.ok) {
    for (const problem of envelope.errors) {
      if (!itemPaths.some((p) => problem.path === p || problem.path.startsWith(`${p}/`))) result.errors.push(problem);
    }
  }
  return finish(result);
}
