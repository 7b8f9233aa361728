/**
 * What every command shares: the usage error (exit code 2), the exit codes themselves, and option
 * parsing that turns `node:util`'s parse errors into usage errors.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

export const EXIT = { valid: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called; printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** One subcommand: its help text, its options, and what it does with them. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** The lines of `--help` after the usage line. */
  help: string;
  options: Options;
  run(values: Record<string, string | boolean | string[] | undefined>, positionals: string[]): Promise<number>;
}

/** Options every command takes. */
export const COMMON = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
} as const satisfies Options;

export function parse(args: string[], options: Options) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    // node:util reports unknown options and missing values as TypeErrors with an ERR_PARSE_ARGS_ code.
    if (e instanceof TypeError && String((e as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) throw new UsageError(e.message);
    throw e;
  }
}

/** The one optional input operand: a file, `-` for standard input, or nothing (standard input). */
export function inputOperand(positionals: string[]): string {
  if (positionals.length > 1) throw new UsageError(`expected at most one input file, got ${positionals.length}: ${positionals.join(" ")}`);
  return positionals[0] ?? "-";
}

/** A value of an option that takes one of a fixed set. */
export function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string") throw new UsageError(`--${option} is required: one of ${allowed.join(", ")}`);
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} ${value}: expected one of ${allowed.join(", ")}`);
  return value as T;
}
