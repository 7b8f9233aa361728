/**
 * The issue type every validator reports, the error that carries them, and the result shape.
 */

/** One broken rule. */
export interface ValidationIssue {
  /** Where, as an RFC 6901 JSON Pointer into the value ("" is the value itself). */
  path: string;
  /** The schema keyword that failed: `maxLength`, `required`, `x-maxTotal`, … */
  rule: string;
  /** A sentence a person understands, naming the field and the limit. */
  message: string;
  /** The limit the rule sets, where it is a number. */
  limit?: number;
  /** What the value had, where it is a number (characters, items, …). */
  actual?: number;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

/** Thrown by the `assert…` functions and by builders; carries every issue, not just the first. */
export class ValidationError extends Error {
  override name = "ValidationError";
  readonly errors: ValidationIssue[];

  constructor(errors: ValidationIssue[], what = "value") {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    super(first ? `invalid ${what}: ${first.path || "/"}: ${first.message}${more}` : `invalid ${what}`);
    this.errors = errors;
  }
}

export function issue(path: string, rule: string, message: string, limit?: number, actual?: number): ValidationIssue {
  const out: ValidationIssue = { path, rule, message };
  if (limit !== undefined) out.limit = limit;
  if (actual !== undefined) out.actual = actual;
  return out;
}
