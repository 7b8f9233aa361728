/**
 * The issue type every validator reports, the error that carries them, and the result shape.
 */

/**
 * How sure the rule is. "error": Meta (or the provider, or wa-interactive's own contract)
 * documents it, so WhatsApp refuses the value. "warning": only libraries, providers or users
 * report it (or it is our reasoning), so the value may well be accepted.
 */
export type Severity = "error" | "warning";

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
  /** Whether the rule is documented (an error) or only reported (a warning): its `x-source` says. */
  severity: Severity;
  /**
   * A warning's rule, `<schema file>#<JSON Pointer to the keyword>` (`interactive/list.schema.json#/$defs/row/properties/id/x-trimmed`):
   * its `x-source` there, and `schemas/sources.json`, say who reports it and why.
   */
  schemaPath?: string;
}

/**
 * `ok` is the error verdict: a value with warnings only is `ok`, and carries them. Errors and
 * warnings are never mixed: `errors` holds severity "error" only.
 */
export type ValidationResult<T> =
  | { ok: true; value: T; warnings: readonly ValidationIssue[] }
  | { ok: false; errors: ValidationIssue[]; warnings: readonly ValidationIssue[] };

export interface ValidateOptions {
  /** Treat every warning as an error, for teams that want the cautious side (default false). */
  strict?: boolean;
}

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
  const out: ValidationIssue = { path, rule, message, severity: "error" };
  if (limit !== undefined) out.limit = limit;
  if (actual !== undefined) out.actual = actual;
  return out;
}

/**
 * `found` marked as a warning: a rule WhatsApp is reported to enforce, but no document of Meta's
 * (or the provider's) states. The message says so, so a reader knows how much weight it carries.
 */
export function warning(found: ValidationIssue, ruleAt: string): ValidationIssue {
  found.severity = "warning";
  found.message += "; reported, not documented by Meta";
  found.schemaPath = ruleAt;
  return found;
}

/**
 * The warnings worth saying: each once, and none at the place and of the rule of an error, which
 * already says it (a duplicate row id within a section is an error, across the list a warning).
 */
export function freshWarnings(
  errors: readonly ValidationIssue[],
  warnings: readonly ValidationIssue[],
): ValidationIssue[] {
  const said = new Set(errors.map((e) => `${e.rule} ${e.path}`));
  return warnings.filter((w) => {
    const key = `${w.rule} ${w.path}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}
