/**
 * What every webhook normaliser shares: the result shape, the options, the sent message a Vonage
 * reply can be resolved against, and the small conversions (time to ISO 8601, a JSON string to
 * an object) with issues instead of exceptions.
 *
 * (Copied into the generated package as src/wire/inbound.ts; `../types.js` resolves there.)
 */
import { freshWarnings, issue, type ValidationIssue, type ValidationResult } from "../runtime/issues.js";
import type { InboundEvent, Interactive, OutboundMessage } from "../types.js";

/** The provider's item, kept untouched on the event. */
export type Raw = InboundEvent["raw"];

/** Where the checks of a payload's parts report: errors, and warnings apart from them. */
export interface Reported {
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

export interface ParseResult extends Reported {
  /** True when every item came out and no error was reported (warnings do not change it). */
  ok: boolean;
  /** One event per message or status, in the order they arrived. */
  events: InboundEvent[];
  /** Every problem, with its JSON Pointer into the payload; the items without problems still come out. */
  errors: ValidationIssue[];
  /**
   * Warning-strength rules an item broke (a rule only observed or inferred, not stated by Meta or the
   * provider), with their JSON Pointers into the payload: the item's event still comes out.
   */
  warnings: ValidationIssue[];
  /** Parts of the payload that are valid but carry no event wa-interactive models (such as a Meta change whose field is not `messages`), so nothing disappears unseen. */
  skipped: { path: string; reason: string }[];
}

/** A message the business sent: the outbound message or its interactive object. */
export type SentMessage = OutboundMessage | Interactive;

export interface WebhookOptions {
  /**
   * The message a reply answers, for providers that do not say whether a button or a list row was
   * tapped (Vonage): the message itself, or a lookup by the id the reply answers (`replyTo`).
   */
  sent?: SentMessage | ((replyTo: string | undefined) => SentMessage | undefined);
  /** The time to use when a provider sends none (Exotel's flat payload); defaults to now. */
  receivedAt?: Date;
}

export type WebhookParser = (provider: string, payload: unknown, options: WebhookOptions) => ParseResult;

/** Wraps a parser so that a payload whose reading throws (a getter, a Proxy) is reported, never thrown. */
export function neverThrows(parse: WebhookParser): WebhookParser {
  return (provider, payload, options) => {
    try {
      return parse(provider, payload, options);
    } catch (e) {
      const result = emptyResult();
      result.errors.push(
        issue("", "exception", `reading the webhook threw: ${e instanceof Error ? e.message : String(e)}`),
      );
      return finish(result);
    }
  };
}

export function emptyResult(): ParseResult {
  return { ok: true, events: [], errors: [], warnings: [], skipped: [] };
}

/**
 * The last payload read and the last result finished, each kept until the next parse. V8 holds
 * weakly the hidden classes of objects: those `JSON.parse` gives a webhook body's parts and those of
 * the events made from them. A handler lets both go once it has answered, and a full garbage
 * collection that finds none alive drops those classes and with them the optimised code of every
 * function that read or made them (the body's check, the readers, the caller's own): the next few
 * thousand webhooks then ran two to five times slower until it was optimised again. One body and
 * one result alive keep the classes of the shapes the deployment actually receives. Nothing reads
 * these slots; they hold one delivery's objects, which a handler holds anyway while it answers.
 */
const kept: { payload: unknown; result: ParseResult | undefined } = { payload: undefined, result: undefined };

export function finish(result: ParseResult): ParseResult {
  kept.result = result;
  result.ok = result.errors.length === 0;
  // An item can be checked twice (within the whole body, then on its own): its warnings are said once.
  if (result.warnings.length > 0) result.warnings = freshWarnings(result.errors, result.warnings);
  return result;
}

/** The one Web global read here, typed without the DOM library (the package targets plain ES2022). */
interface TextDecoding {
  TextDecoder: new (label: "utf-8", options: { fatal: true }) => { decode(bytes: Uint8Array): string };
}

/** Strict UTF-8: a body that is not valid UTF-8 is reported, not read with replacement characters. */
const UTF8 = new (globalThis as unknown as TextDecoding).TextDecoder("utf-8", { fatal: true });

/**
 * Accepts the parsed payload or the raw body as a string or as bytes (a Node Buffer, a Uint8Array,
 * an ArrayBuffer), as `verifyWebhook` does, so the body checked for its signature is parsed as it is.
 */
export function readPayload(payload: unknown, result: ParseResult): unknown {
  const body = parsed(payload, result);
  kept.payload = body;
  return body;
}

/** The payload, parsed when it is text or bytes; `undefined`, with the issue added, when it is not JSON. */
function parsed(payload: unknown, result: ParseResult): unknown {
  let text: string;
  if (typeof payload === "string") text = payload;
  else if (payload instanceof Uint8Array || payload instanceof ArrayBuffer) {
    try {
      text = UTF8.decode(payload instanceof Uint8Array ? payload : new Uint8Array(payload));
    } catch {
      result.errors.push(issue("", "json", "the webhook body is not UTF-8 text, so it cannot be JSON"));
      return undefined;
    }
  } else return payload;
  try {
    return JSON.parse(text);
  } catch (e) {
    result.errors.push(
      issue("", "json", `the webhook body is not JSON: ${e instanceof Error ? e.message : String(e)}`),
    );
    return undefined;
  }
}

/**
 * The payload read (from a string if need be) and checked against the provider's webhook schema;
 * `undefined`, with the issues added to `result`, when it is not JSON or not of that shape.
 */
export function readChecked<T>(
  payload: unknown,
  validate: (value: unknown) => ValidationResult<T>,
  result: ParseResult,
): T | undefined {
  const body = readPayload(payload, result);
  if (result.errors.length > 0) return undefined;
  return take(validate(body), "", result);
}

/**
 * The value a part's check accepted, its warnings (and, if it was rejected, its errors) added to
 * `report` under `path`, the part's pointer in the payload; `undefined` when rejected.
 */
export function take<T>(checked: ValidationResult<T>, path: string, report: Reported): T | undefined {
  if (checked.warnings.length > 0) report.warnings.push(...under(path, checked.warnings));
  if (checked.ok) return checked.value;
  report.errors.push(...under(path, checked.errors));
  return undefined;
}

/** Prefixes every issue's path (issues of a part checked on its own). */
export function under(path: string, issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((i) => ({ ...i, path: path + i.path }));
}

/** Unix seconds (a number or a string of digits) or an ISO 8601 string, as ISO 8601 in UTC. */
export function isoTime(value: unknown, path: string, errors: ValidationIssue[]): string | undefined {
  let ms: number;
  if (typeof value === "number") ms = value * 1000;
  else if (typeof value !== "string") ms = Number.NaN;
  else {
    ms = unixSeconds(value) * 1000;
    if (Number.isNaN(ms) && /^[0-9]{4}-[0-9]{2}-[0-9]{2}T/.test(value)) ms = Date.parse(value);
  }
  if (!Number.isFinite(ms)) {
    errors.push(
      issue(path, "timestamp", `time ${JSON.stringify(value)} is neither Unix seconds nor an ISO 8601 date-time`),
    );
    return undefined;
  }
  return isoString(ms);
}

/**
 * The value of one to twelve ASCII digits, else NaN: read and checked in one char-code loop, as
 * every event's time passes here.
 */
function unixSeconds(text: string): number {
  if (text.length === 0 || text.length > 12) return Number.NaN;
  let seconds = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    seconds = seconds * 10 + digit;
  }
  return seconds;
}

/** "00" … "99": the two-digit fields of a date-time without a padStart each. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));

const DAY_MS = 86400000;

/** The last day turned into its date, `YYYY-MM-DDT`: the events of one delivery share their day. */
let lastDay = Number.NaN;
let lastDate = "";

/**
 * `new Date(ms).toISOString()` without the Date: every webhook event carries a time, and the Date
 * round trip was most of what parsing one cost. Times outside 1970–9999 (whose years are not four
 * digits) go through Date.
 */
export function isoString(ms: number): string {
  if (!(ms >= 0 && ms <= 253402300799999) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  if (days !== lastDay) {
    lastDate = civilDate(days);
    lastDay = days;
  }
  let rest = ms - days * DAY_MS;
  const hours = Math.floor(rest / 3600000);
  rest -= hours * 3600000;
  const minutes = Math.floor(rest / 60000);
  rest -= minutes * 60000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const milli = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${lastDate}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${milli}Z`;
}

/**
 * Days since 1970 as `YYYY-MM-DDT`, by the usual era arithmetic: 400-year cycles of 146097 days,
 * years starting in March so that the leap day comes last.
 */
function civilDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T`;
}

/** A JSON string that must hold an object (a flow's `response_json`). */
export function parseObject(
  text: string,
  path: string,
  errors: ValidationIssue[],
): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    errors.push(issue(path, "json", "response_json must hold a JSON object"));
  } catch (e) {
    errors.push(issue(path, "json", `response_json is not JSON: ${e instanceof Error ? e.message : String(e)}`));
  }
  return undefined;
}

/**
 * Reports a part an event needs and the item left out (`a message of type "text" must have
 * "body"`; `types` is the quoted value or values the item was chosen by); the item gives no event.
 */
export function missing(errors: ValidationIssue[], path: string, types: string, part: string): undefined {
  errors.push(
    issue(path, "required", `${types === "" ? "the message" : `a message of type ${types}`} must have "${part}"`),
  );
  return undefined;
}

/** Copies the defined values only, so events never carry `key: undefined`. */
export function defined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  // A key loop, not Object.entries: no pair array per key on a path every webhook event takes.
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/** The string when it is not empty: an empty id from a provider means "none", never a key. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
