/// <reference types="node" />
/**
 * The `wa-interactive` command line: `wa-interactive <command> [options]`. Exit codes are the
 * contract for scripts: 0 valid (or done), 1 invalid payload, 2 the command was called wrongly.
 * Only this folder uses Node's APIs (hence the reference above); the library itself needs none.
 */
import { readFileSync } from "node:fs";
import { emulate } from "./emulate.js";
import { parseWebhookCommand } from "./parse-webhook.js";
import { schemas } from "./schemas.js";
import { translate } from "./translate.js";
import { EXIT, helpText, parse, type Command, UsageError } from "./usage.js";
import { validate } from "./validate.js";

const COMMANDS: readonly Command[] = [validate, translate, parseWebhookCommand, schemas, emulate];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: wa-interactive <command> [options]",
    "",
    "Checks WhatsApp interactive messages against the wa-interactive schemas.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `wa-interactive <command> --help` for a command's options. Exit codes: 0 valid, 1 invalid,",
    "2 usage error.",
  ].join("\n");
}

async function dispatch(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${overview()}\n`);
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${overview()}\n`);
    return EXIT.valid;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${version()}\n`);
    return EXIT.valid;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command)
    throw new UsageError(
      `unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(", ")} (see \`wa-interactive --help\`)`,
    );
  try {
    const { values, positionals } = parse(rest, command.options);
    if (values.help) {
      process.stdout.write(`${helpText(command)}\n`);
      return EXIT.valid;
    }
    return await command.run(values, positionals);
  } catch (e) {
    if (e instanceof UsageError)
      e.message = `${command.name}: ${e.message}\nRun \`wa-interactive ${command.name} --help\` for usage.`;
    throw e;
  }
}

/** Runs the command line and returns the exit code; a usage error is printed, not thrown. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`wa-interactive: ${e.message}\n`);
    return EXIT.usage;
  }
}
