/**
 * What every command shares: the usage error (exit code 2), the exit codes themselves, the usage
 * line and `--help` text written from a command's option table, and option parsing that turns
 * `node:util`'s parse errors into usage errors.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

export const EXIT = { valid: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called; printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * One option: how it is parsed and how `--help` shows it. Each command states its options once,
 * and its usage line, its option list and the parser's configuration are all read from that.
 */
export interface OptionSpec {
  type: "string" | "boolean";
  /** Repeatable (string options only): the values arrive as an array. */
  multiple?: boolean;
  /** The value's placeholder (`<provider>`, `name=value`); none for a flag. */
  operand?: string;
  /** Shown without brackets in the usage line; the command itself says when it is missing. */
  required?: boolean;
  /** What it does, a line of `--help`; further lines continue under the first. */
  help: string | readonly string[];
}

/** What a command's `run` receives from the parser. */
export type Values = Record<string, string | boolean | string[] | undefined>;

/** One subcommand: what `--help` says of it, its options, and what it does with them. */
export interface Command {
  name: string;
  summary: string;
  /** The lines of `--help` between the usage line and the options. */
  about: readonly string[];
  options: Readonly<Record<string, OptionSpec>>;
  /** Whether it reads a payload from a file operand or standard input (`[file|-]` in the usage line). */
  readsInput: boolean;
  run(values: Values, positionals: string[]): Promise<number>;
}

/** `--help` itself, which every command takes and lists last. */
const HELP: OptionSpec & { short: string } = { type: "boolean", short: "h", help: "show this help" };

function flag(name: string, option: OptionSpec): string {
  return option.operand === undefined ? `--${name}` : `--${name} ${option.operand}`;
}

/** `wa-interactive translate --to <provider> [file|-] [--option name=value]... [--json]`: the required options, the input, the others. */
export function usageLine(command: Command): string {
  const options = Object.entries(command.options);
  return [
    `wa-interactive ${command.name}`,
    ...options.filter(([, o]) => o.required).map(([name, o]) => flag(name, o)),
    ...(command.readsInput ? ["[file|-]"] : []),
    ...options.filter(([, o]) => !o.required).map(([name, o]) => `[${flag(name, o)}]${o.multiple ? "..." : ""}`),
  ].join(" ");
}

/** The whole `--help` text: the usage line, what the command does, and its options in two columns. */
export function helpText(command: Command): string {
  const rows = [
    ...Object.entries(command.options).map(([name, o]) => [flag(name, o), o.help] as const),
    ["-h, --help", HELP.help] as const,
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  const options = rows.flatMap(([left, help]) =>
    (typeof help === "string" ? [help] : help).map((line, i) => `  ${(i === 0 ? left : "").padEnd(width)}  ${line}`),
  );
  return [`Usage: ${usageLine(command)}`, "", ...command.about, "", "Options:", ...options].join("\n");
}

export function parse(args: string[], options: Command["options"]): { values: Values; positionals: string[] } {
  const config: NonNullable<ParseArgsConfig["options"]> = { help: { type: HELP.type, short: HELP.short } };
  for (const [name, o] of Object.entries(options)) config[name] = { type: o.type, multiple: o.multiple === true };
  try {
    // A configuration built at run time types every value as string | boolean; only string options
    // are repeatable, so what parseArgs returns is Values.
    return parseArgs({ args, options: config, allowPositionals: true, strict: true }) as {
      values: Values;
      positionals: string[];
    };
  } catch (e) {
    // node:util reports unknown options and missing values as TypeErrors with an ERR_PARSE_ARGS_ code.
    if (e instanceof TypeError && String((e as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS"))
      throw new UsageError(e.message);
    throw e;
  }
}

/** The one optional input operand: a file, `-` for standard input, or nothing (standard input). */
export function inputOperand(positionals: string[]): string {
  if (positionals.length > 1)
    throw new UsageError(`expected at most one input file, got ${positionals.length}: ${positionals.join(" ")}`);
  return positionals[0] ?? "-";
}

/** A value of an option that takes one of a fixed set. */
export function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string") throw new UsageError(`--${option} is required: one of ${allowed.join(", ")}`);
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${option} ${value}: expected one of ${allowed.join(", ")}`);
  return value as T;
}
