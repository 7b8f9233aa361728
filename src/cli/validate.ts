/** `wa-interactive validate`: checks a payload against the schemas and lists every broken rule. */
import { readInput } from "./input.js";
import { detectKind, KIND_NAMES, KINDS } from "./kinds.js";
import { printIssues, printJson } from "./report.js";
import { EXIT, inputOperand, oneOf, type Command } from "./usage.js";

export const validate: Command = {
  name: "validate",
  summary: "check a payload: every broken rule with its path and limit",
  about: [
    "Reads JSON from the file, or from standard input when the file is - or missing, and checks it",
    "against the schemas. Valid: a line on standard output, exit 0. Invalid: every issue on standard",
    "error as `path [rule] message`, exit 1. Warnings (rules only libraries or users report, not",
    "Meta) are listed on standard error too, and do not change the exit code unless --strict.",
  ],
  options: {
    as: {
      type: "string",
      operand: "<kind>",
      help: [
        `what the payload is: ${KIND_NAMES.join(", ")} (default: detected from its top-level`,
        "properties: object or entry mean a webhook, messaging_product, to or",
        "recipient an outbound message, anything else an interactive object)",
      ],
    },
    strict: { type: "boolean", help: "treat every warning as an error (exit 1)" },
    json: {
      type: "boolean",
      help: "print { valid, kind, detected, source, errors, warnings } on standard output instead",
    },
  },
  readsInput: true,
  async run(values, positionals) {
    const chosen = values.as === undefined ? undefined : oneOf("as", values.as, KIND_NAMES);
    const input = readInput(inputOperand(positionals));
    const kind = chosen ?? (input.error ? "interactive" : detectKind(input.value));
    const { label } = KINDS[kind];
    const strict = values.strict === true;
    const result = input.error
      ? { ok: false as const, errors: [input.error], warnings: [] }
      : KINDS[kind].validate(input.value, { strict });
    const errors = result.ok ? [] : result.errors;
    const { warnings } = result;
    if (values.json) {
      printJson({ valid: result.ok, kind, detected: chosen === undefined, source: input.source, errors, warnings });
    } else if (result.ok) {
      process.stdout.write(`${input.source}: valid ${label}\n`);
      if (warnings.length > 0)
        printIssues(`${input.source}: warnings, not errors (--strict makes them errors)`, warnings);
    } else {
      printIssues(`${input.source}: invalid ${label}`, errors);
      if (warnings.length > 0) printIssues(`${input.source}: also warnings`, warnings);
    }
    return result.ok ? EXIT.valid : EXIT.invalid;
  },
};
