/**
 * The kinds of payload `validate` knows, and how it tells them apart when `--as` is not given. The
 * top-level properties are distinct enough: a webhook notification names its `object`, an outbound
 * message carries `messaging_product` and a recipient, and everything else is read as the
 * `interactive` object, whose own errors then say what is missing.
 */
import { validateInteractive, validateMessage, validateMetaWebhook } from "../index.js";
import type { ValidateOptions, ValidationResult } from "../runtime/issues.js";

export interface Kind {
  label: string;
  validate(value: unknown, options?: ValidateOptions): ValidationResult<unknown>;
}

export const KINDS = {
  interactive: { label: "interactive object", validate: validateInteractive },
  message: { label: "outbound message", validate: validateMessage },
  webhook: { label: "Meta webhook", validate: validateMetaWebhook },
} satisfies Record<string, Kind>;

export type KindName = keyof typeof KINDS;

export const KIND_NAMES = Object.keys(KINDS) as KindName[];

export function detectKind(value: unknown): KindName {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "interactive";
  const has = (key: string) => Object.hasOwn(value, key);
  if (has("object") || has("entry")) return "webhook";
  if (has("messaging_product") || has("to") || has("recipient")) return "message";
  return "interactive";
}
