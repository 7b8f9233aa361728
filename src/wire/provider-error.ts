/**
 * The one error the provider layer throws. `code` says what kind of problem it is, so callers
 * can branch on it; `issues` carries every broken rule when a message or body failed validation.
 */
import type { ValidationIssue } from "../runtime/issues.js";

export type ProviderErrorCode =
  /** The outbound message is not valid (see `issues`); it is never translated. */
  | "invalid-message"
  /** fromProvider: the body given is not a valid request body for that provider (see `issues`). */
  | "invalid-body"
  /** The provider does not carry this interactive type or reactions. */
  | "unsupported-kind"
  /** The provider has no place for this field, or not for this value of it (a `to` that is not a phone number, for a provider that takes digits). */
  | "unsupported-field"
  /** A required option (such as the sender `from`) is missing, or an option is unknown, not a string or not valid for the provider. */
  | "bad-option"
  /** No such provider. */
  | "unknown-provider"
  /** verifyWebhook was asked about a provider that documents no signature scheme. */
  | "no-signature-scheme"
  /** verifyWebhook was given an empty secret. */
  | "missing-secret"
  /** The runtime has no Web Crypto (`crypto.subtle`). */
  | "no-web-crypto";

export class ProviderError extends Error {
  override name = "ProviderError";

  constructor(
    readonly code: ProviderErrorCode,
    readonly provider: string,
    /** JSON Pointer into the message (or body) the problem is at; "" for the whole value. */
    readonly path: string,
    message: string,
    readonly issues: readonly ValidationIssue[] = [],
  ) {
    super(`${provider}: ${path ? `${path}: ` : ""}${message}`);
  }
}
