/**
 * The refusals the generated provider functions (src/providers/<name>.ts) throw, worded in one
 * place so every provider says the same thing the same way. The translation itself is generated
 * straight-line code; nothing here reads a mapping.
 */
import type { ValidationIssue, ValidationResult } from "../runtime/issues.js";
import { ProviderError } from "./provider-error.js";

/** The value of a valid result, or a ProviderError carrying every issue, its reason worded from the first and their count. */
function validOrRefused<T>(
  result: ValidationResult<T>,
  code: "invalid-message" | "invalid-body",
  provider: string,
  reason: (first: ValidationIssue, count: number) => string,
): T {
  if (result.ok) return result.value;
  // An invalid result has at least one error.
  throw new ProviderError(code, provider, "", reason(result.errors[0]!, result.errors.length), result.errors);
}

/** The validated message, or a ProviderError carrying every issue: an invalid message is never translated. */
export function validMessage<T>(provider: string, result: ValidationResult<T>): T {
  return validOrRefused(
    result,
    "invalid-message",
    provider,
    (_, count) => `the message is not valid (${count} issue(s)); it was not translated`,
  );
}

/** The validated request body (for translating back), or a ProviderError naming its first issue. */
export function validBody<T>(provider: string, result: ValidationResult<T>): T {
  return validOrRefused(
    result,
    "invalid-body",
    provider,
    (first) => `not a valid ${provider} request body: ${first.path || "/"}: ${first.message}`,
  );
}

/** The message a body translated back into, checked: a body the schema allows may still say what no message can. */
export function translatedMessage<T>(provider: string, result: ValidationResult<T>): T {
  return validOrRefused(
    result,
    "invalid-message",
    provider,
    (first) => `the body does not translate into a valid message: ${first.path || "/"}: ${first.message}`,
  );
}

export function refuseKind(provider: string, path: string, kind: string, why: string): never {
  throw new ProviderError("unsupported-kind", provider, path, `cannot send ${kind} messages: ${why}`);
}

export function refuseField(provider: string, path: string, why: string): never {
  throw new ProviderError("unsupported-field", provider, path, `not carried: ${why}`);
}

/** A value the provider's body requires and the message leaves out (it used an alternative the provider refuses). */
export function refuseMissing(provider: string, path: string, bodyPath: string): never {
  throw new ProviderError("unsupported-field", provider, path, `is required: ${provider} needs it for ${bodyPath}`);
}

/** A message value the provider cannot vary, given as something else. */
export function refuseValue(provider: string, path: string, actual: unknown, only: unknown, why: string): never {
  throw new ProviderError(
    "unsupported-field",
    provider,
    path,
    `${JSON.stringify(actual)} is not possible (only ${JSON.stringify(only)}): ${why}`,
  );
}

/** A message value the message schema allows and the provider's body schema does not (its own, stricter rule). */
export function refuseCarried(provider: string, path: string, issue: ValidationIssue): never {
  throw new ProviderError(
    "unsupported-field",
    provider,
    path,
    `${provider} cannot carry this value: ${issue.message}`,
    [issue],
  );
}

/** An option the provider's body schema does not allow. */
export function refuseOption(provider: string, name: string, issue: ValidationIssue): never {
  throw new ProviderError(
    "bad-option",
    provider,
    "",
    `options.${name} is not valid for ${provider}: ${issue.message}`,
    [issue],
  );
}

/** A body whose part matches none of the forms the provider takes there. */
export function refuseForm(provider: string, path: string, forms: readonly string[]): never {
  throw new ProviderError(
    "invalid-body",
    provider,
    path,
    `matches none of the forms ${provider} takes here (${forms.join(", ")}); check it against the schema of the endpoint it was meant for`,
  );
}

/** A body array that must hold exactly one message to be translated back. */
export function refuseCount(provider: string, path: string, count: number): never {
  throw new ProviderError(
    "unsupported-field",
    provider,
    path,
    `holds ${count} messages; fromProvider translates a body with exactly one`,
  );
}

/**
 * Options are what the caller passes beyond the message: each known one a string, the required
 * ones present, and no other (an unknown name is a typo that would otherwise be silently ignored).
 */
export function checkOptions(
  provider: string,
  options: object | undefined,
  known: readonly string[],
  required: readonly string[],
): void {
  if (options === undefined) {
    for (const name of required) throw new ProviderError("bad-option", provider, "", `options.${name} is required`);
    return;
  }
  const given = options as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(given)) {
    if (given[name] === undefined) continue;
    if (!known.includes(name))
      throw new ProviderError(
        "bad-option",
        provider,
        "",
        `unknown option "${name}"; it takes ${known.join(", ") || "none"}`,
      );
    if (typeof given[name] !== "string")
      throw new ProviderError("bad-option", provider, "", `options.${name} must be a string`);
  }
  for (const name of required)
    if (given[name] === undefined) throw new ProviderError("bad-option", provider, "", `options.${name} is required`);
}

const PHONE_DIGITS = /^[1-9][0-9]{0,14}$/;

/**
 * A phone number for a provider that takes digits only. Meta writes numbers with or without a
 * leading +, and its examples write it; the + goes (it is the same number), and anything else that
 * is not a phone number is refused.
 */
export function phoneDigits(provider: string, path: string, value: string): string {
  const digits = value.charCodeAt(0) === 43 ? value.slice(1) : value;
  if (!PHONE_DIGITS.test(digits))
    throw new ProviderError(
      "unsupported-field",
      provider,
      path,
      `must be a phone number: digits with the country code, optionally after a + (no spaces or leading zero, at most 15 digits), because ${provider} takes digits only; got ${JSON.stringify(value)}`,
    );
  return digits;
}

/** The same, for a provider that takes the number as a JSON number. */
export function phoneNumber(provider: string, path: string, value: string): number {
  return Number(phoneDigits(provider, path, value));
}
