/**
 * How results reach the terminal: a human summary (issues on standard error, one per line with
 * path, rule and message), or with `--json` one JSON document on standard output for machines.
 */
import type { ValidationIssue } from "../runtime/issues.js";

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One line per issue, as the README shows them: `/action/buttons/1/reply/title [maxLength] …`. */
export function formatIssue(e: ValidationIssue): string {
  return `  ${e.path || "/"} [${e.rule}] ${e.message}`;
}

export function printIssues(headline: string, errors: readonly ValidationIssue[]): void {
  const count = errors.length === 1 ? "1 issue" : `${errors.length} issues`;
  process.stderr.write(`${headline} (${count}):\n${errors.map(formatIssue).join("\n")}\n`);
}
