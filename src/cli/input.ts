/**
 * Reads the payload a command works on, from a file or standard input, and parses it as JSON. A
 * file that cannot be read is a usage error; text that is not JSON is an invalid payload, reported
 * like any other broken rule.
 */
import { readFileSync } from "node:fs";
import { issue, type ValidationIssue } from "../runtime/issues.js";
import { UsageError } from "./usage.js";

export interface Input {
  /** The file name, or "<stdin>". */
  source: string;
  /** The parsed value, or the issue explaining why the text is not JSON. */
  value?: unknown;
  error?: ValidationIssue;
}

export function readInput(operand: string): Input {
  const source = operand === "-" ? "<stdin>" : operand;
  let text: string;
  if (operand === "-") {
    // Waiting on a terminal would look like a hang; say what is expected instead.
    if (process.stdin.isTTY) throw new UsageError("no input: give a file, or pipe JSON into standard input");
    text = readFileSync(0, "utf8");
  } else {
    try {
      text = readFileSync(operand, "utf8");
    } catch (e) {
      throw new UsageError(`cannot read the input file: ${(e as Error).message}`);
    }
  }
  try {
    return { source, value: JSON.parse(text) };
  } catch (e) {
    return { source, error: issue("", "json", `${source} is not JSON: ${(e as Error).message}`) };
  }
}
