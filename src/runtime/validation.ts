/**
 * What every generated `validate…`, `assert…` and `is…` function does around its schema's two
 * checks: a fast boolean pass for the common, valid case, and a full pass that collects every
 * issue only when the fast one fails. Neither ever throws: a getter that throws or a Proxy that
 * misbehaves becomes an issue too.
 *
 * The fast pass takes `clean`: false asks only whether an error-strength rule is broken (the
 * verdict of `is…`), true also whether a warning would fire (what `validate…` asks first, so a
 * value with nothing to report costs one fast pass).
 */
import {
  freshWarnings,
  issue,
  ValidationError,
  type ValidateOptions,
  type ValidationIssue,
  type ValidationResult,
} from "./issues.js";
import * as rules from "./rules.js";
import { MAX_ISSUES } from "./walk.js";

export type Check = (v: any, clean: boolean) => boolean;
export type Collect = (v: any, path: string, out: ValidationIssue[]) => void;

const NONE: readonly ValidationIssue[] = Object.freeze([]);

export function run<T>(value: unknown, check: Check, collect: Collect, options?: ValidateOptions): ValidationResult<T> {
  try {
    if (check(value, true)) return { ok: true, value: value as T, warnings: NONE };
    const issues: ValidationIssue[] = [];
    collect(value, "", issues);
    if (issues.length >= MAX_ISSUES) {
      // A rule may add its issue after a loop stopped at the cap: the result holds the cap exactly.
      issues.length = MAX_ISSUES;
      issues.push(
        issue("", "maxIssues", `more than ${MAX_ISSUES} issues; the rest of the value was not checked`, MAX_ISSUES),
      );
    }
    // Both passes are written from the same test of each rule, so the full pass names what the fast one refused.
    const { errors, warnings } = bySeverity(issues, options?.strict === true);
    return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, value: value as T, warnings };
  } catch (e) {
    return {
      ok: false,
      errors: [issue("", "exception", `reading the value threw: ${e instanceof Error ? e.message : String(e)}`)],
      warnings: NONE,
    };
  }
}

/** Errors and warnings apart, without the warnings an error already says; `strict` reports every warning as an error. */
function bySeverity(
  issues: ValidationIssue[],
  strict: boolean,
): { errors: ValidationIssue[]; warnings: ValidationIssue[] } {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  for (const i of issues) (i.severity === "error" ? errors : warnings).push(i);
  if (warnings.length === 0) return { errors, warnings };
  const fresh = freshWarnings(errors, warnings);
  if (!strict) return { errors, warnings: fresh };
  for (const w of fresh) w.severity = "error";
  return { errors: [...errors, ...fresh], warnings: [] };
}

/** The error verdict of `check`, the answer of every `is…` guard; never throws. */
export function guard(value: unknown, check: Check): boolean {
  try {
    return check(value, false);
  } catch {
    return false;
  }
}

export function assertValid<T>(result: ValidationResult<T>, what: string): T {
  if (!result.ok) throw new ValidationError(result.errors, what);
  return result.value;
}

/** One alternative of a `oneOf` / `anyOf` without a discriminator. */
export interface Branch {
  readonly check: Check;
  readonly collect: Collect;
  /** The properties the branch requires: a value that has them all is reported against it alone. */
  readonly required: readonly string[];
  readonly label: string;
}

/**
 * Issues for a value that fails a union. When exactly one branch's required properties are all
 * present, that is the branch the author meant, so its own issues are the precise answer;
 * otherwise the value matches no recognisable form.
 */
export function unionIssues(
  v: any,
  p: string,
  label: string,
  branches: readonly Branch[],
  exactlyOne: boolean,
  out: ValidationIssue[],
): void {
  let matched = 0;
  let first: Branch | undefined;
  for (const b of branches) if (b.check(v, false)) (matched++, (first ??= b));
  // Valid by its errors: the branch it matches may still have warnings to report.
  if (exactlyOne ? matched === 1 : matched > 0) {
    if (!first!.check(v, true)) first!.collect(v, p, out);
    return;
  }
  if (matched > 1) {
    out.push(rules.manyBranches(p, label, matched));
    return;
  }
  const object = typeof v === "object" && v !== null && !Array.isArray(v);
  const meant = object ? branches.filter((b) => b.required.every((k) => v[k] !== undefined)) : [];
  if (meant.length === 1) meant[0]!.collect(v, p, out);
  else
    out.push(
      rules.noBranch(
        p,
        label,
        branches.map((b) => b.label),
        exactlyOne ? "oneOf" : "anyOf",
      ),
    );
}
