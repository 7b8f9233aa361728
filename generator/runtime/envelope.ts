/**
 * Interprets a provider mapping (schemas/providers/<name>/mapping.json): the same list of
 * `{ message, body }` JSON Pointer pairs drives both directions, so `fromEnvelope` is the inverse
 * of `toEnvelope` by construction. Nothing is dropped on the way: a field the provider has no
 * place for, a kind it does not carry or a value it cannot hold is a ProviderError.
 *
 * (This file is copied into the generated package as src/runtime/envelope.ts; its imports of
 * `../validators.js` resolve there.)
 */
import type { ValidationIssue, ValidationResult } from "./issues.js";
import { ProviderError } from "./provider-error.js";
import type { OutboundMessage } from "../types.js";
import { validateOutboundMessage } from "../validators.js";

export interface EnvelopeMapping {
  readonly provider: string;
  /** Where each part of the message goes in the body; "" is the whole value. */
  readonly fields: readonly { readonly message: string; readonly body: string; readonly as?: "integer" | "digits" }[];
  /** Body values the provider requires, written on the way out. */
  readonly constants: Readonly<Record<string, string>>;
  /** Message values the provider cannot vary: absent or equal on the way out, restored on the way back. */
  readonly implied: Readonly<Record<string, { readonly value: string; readonly reason: string }>>;
  /** Message fields the provider has no place for, with the reason. */
  readonly unsupported: Readonly<Record<string, string>>;
  /** Options (beyond the message) and where they go in the body. */
  readonly options: Readonly<Record<string, { readonly body: string; readonly required: boolean }>>;
  /** Arrays in the body that must hold exactly one item for the way back. */
  readonly single: readonly string[];
  readonly capabilities: Readonly<Record<string, "documented" | "passthrough" | "unsupported">>;
  readonly notes: Readonly<Record<string, string>>;
}

type Validate = (value: unknown) => ValidationResult<unknown>;

function segments(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function getAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const seg of segments(pointer)) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** Sets `pointer` in `root` (creating objects, or arrays for numeric segments) and returns the root. */
function setAt(root: unknown, pointer: string, value: unknown): unknown {
  const path = segments(pointer);
  if (path.length === 0) return value;
  const top = (root ?? (/^\d+$/.test(path[0]!) ? [] : {})) as Record<string, unknown>;
  let node = top;
  path.forEach((seg, i) => {
    if (i === path.length - 1) node[seg] = value;
    else {
      node[seg] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
      node = node[seg] as Record<string, unknown>;
    }
  });
  return top;
}

/** A deep copy of validated JSON, so a body never shares objects with the caller's message. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = copy(v);
    return out as T;
  }
  return value;
}

const PHONE_DIGITS = /^[1-9][0-9]{0,14}$/;

/** `pointer` is `base` or lies inside it. */
function within(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(`${base}/`);
}

function fail(
  mapping: EnvelopeMapping,
  code: ProviderError["code"],
  path: string,
  message: string,
  issues: ValidationIssue[] = [],
): never {
  throw new ProviderError(code, mapping.provider, path, message, issues);
}

function kindOf(message: OutboundMessage): string {
  return message.type === "interactive" ? message.interactive.type : message.type;
}

export function toEnvelope(mapping: EnvelopeMapping, input: unknown, given: object, validateBody: Validate): unknown {
  const options = given as Readonly<Record<string, unknown>>;
  const checked = validateOutboundMessage(input);
  if (!checked.ok)
    fail(
      mapping,
      "invalid-message",
      "",
      `the message is not valid (${checked.errors.length} issue(s)); it was not translated`,
      checked.errors,
    );
  const message = checked.value;

  const kind = kindOf(message);
  if (mapping.capabilities[kind] !== "passthrough" && mapping.capabilities[kind] !== "documented") {
    fail(
      mapping,
      "unsupported-kind",
      message.type === "interactive" ? "/interactive/type" : "/type",
      `cannot send ${kind} messages: ${mapping.notes[kind] ?? "not in its mapping"}`,
    );
  }
  for (const key of Object.keys(message)) {
    const why = mapping.unsupported[`/${key}`];
    if (why !== undefined && (message as Record<string, unknown>)[key] !== undefined)
      fail(mapping, "unsupported-field", `/${key}`, `not carried: ${why}`);
  }
  for (const [pointer, { value, reason }] of Object.entries(mapping.implied)) {
    const actual = getAt(message, pointer);
    if (actual !== undefined && actual !== value)
      fail(
        mapping,
        "unsupported-field",
        pointer,
        `${JSON.stringify(actual)} is not possible (only ${JSON.stringify(value)}): ${reason}`,
      );
  }

  let body: unknown = undefined;
  for (const field of mapping.fields) {
    const value = getAt(message, field.message);
    if (value === undefined) continue;
    if (field.as !== undefined) {
      // Meta writes phone numbers with or without a leading +, and its examples write it; this
      // provider takes digits only, so the + goes (it is the same number) and anything else that
      // is not a phone number is refused.
      const digits = typeof value === "string" ? value.replace(/^\+/, "") : "";
      if (!PHONE_DIGITS.test(digits)) {
        fail(
          mapping,
          "unsupported-field",
          field.message,
          `must be a phone number: digits with the country code, optionally after a + (no spaces or leading zero, at most 15 digits), because ${mapping.provider} takes digits only; got ${JSON.stringify(value)}`,
        );
      }
      body = setAt(body, field.body, field.as === "integer" ? Number(digits) : digits);
    } else body = setAt(body, field.body, copy(value));
  }
  for (const [pointer, value] of Object.entries(mapping.constants)) body = setAt(body, pointer, value);

  for (const name of Object.keys(options)) {
    if (!(name in mapping.options) && options[name] !== undefined) {
      fail(
        mapping,
        "bad-option",
        "",
        `unknown option "${name}"; it takes ${Object.keys(mapping.options).join(", ") || "none"}`,
      );
    }
  }
  for (const [name, option] of Object.entries(mapping.options)) {
    const value = options[name];
    if (value === undefined) {
      if (option.required) fail(mapping, "bad-option", "", `options.${name} is required`);
      continue;
    }
    if (typeof value !== "string") fail(mapping, "bad-option", "", `options.${name} must be a string`);
    body = setAt(body, option.body, value);
  }

  const result = validateBody(body);
  if (!result.ok) refuseBody(mapping, result.errors);
  return body;
}

/**
 * A valid message whose body the provider's schema refuses: the problem is an option the caller
 * gave (`bad-option`) or a message value the provider cannot hold (`unsupported-field`, at the
 * message's path), never a generic "invalid body".
 */
function refuseBody(mapping: EnvelopeMapping, issues: ValidationIssue[]): never {
  const first = issues[0]!;
  for (const [name, option] of Object.entries(mapping.options)) {
    if (within(first.path, option.body))
      fail(mapping, "bad-option", "", `options.${name} is not valid for ${mapping.provider}: ${first.message}`, issues);
  }
  for (const field of mapping.fields) {
    if (field.body !== "" && within(first.path, field.body)) {
      const path = field.message + first.path.slice(field.body.length);
      fail(mapping, "unsupported-field", path, `${mapping.provider} cannot carry this value: ${first.message}`, issues);
    }
  }
  fail(
    mapping,
    "invalid-body",
    "",
    `the translated body is not valid for ${mapping.provider}: ${first.path || "/"}: ${first.message}`,
    issues,
  );
}

export function fromEnvelope(mapping: EnvelopeMapping, body: unknown, validateBody: Validate): OutboundMessage {
  const result = validateBody(body);
  if (!result.ok)
    fail(
      mapping,
      "invalid-body",
      "",
      `not a valid ${mapping.provider} request body: ${result.errors[0]!.path || "/"}: ${result.errors[0]!.message}`,
      result.errors,
    );
  for (const pointer of mapping.single) {
    const items = getAt(body, pointer) as unknown[];
    if (items.length !== 1)
      fail(
        mapping,
        "unsupported-field",
        pointer,
        `holds ${items.length} messages; fromProvider translates a body with exactly one`,
      );
  }

  let message: unknown = undefined;
  for (const field of mapping.fields) {
    const value = getAt(body, field.body);
    if (value === undefined) continue;
    message = setAt(message, field.message, field.as === "integer" ? String(value) : copy(value));
  }
  for (const [pointer, { value }] of Object.entries(mapping.implied)) {
    if (getAt(message, pointer) === undefined) message = setAt(message, pointer, value);
  }
  const checked = validateOutboundMessage(message);
  if (!checked.ok)
    fail(
      mapping,
      "invalid-message",
      "",
      `the body does not translate into a valid message: ${checked.errors[0]!.path || "/"}: ${checked.errors[0]!.message}`,
      checked.errors,
    );
  return checked.value;
}
