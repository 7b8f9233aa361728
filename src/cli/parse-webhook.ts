/** `wa-interactive parse-webhook`: a provider's webhook body → wa-interactive's inbound events. */
import { PROVIDERS, parseWebhook } from "../index.js";
import { readInput } from "./input.js";
import { printIssues, printJson } from "./report.js";
import { EXIT, inputOperand, oneOf, type Command } from "./usage.js";

export const parseWebhookCommand: Command = {
  name: "parse-webhook",
  summary: "turn a provider's webhook into inbound events, every item of a batch",
  about: [
    "Reads a webhook body as the provider POSTed it from the file or standard input and prints one",
    "line per event (kind, message id, sender). Items that are broken are reported on standard",
    "error with their path and rule, and make the exit code 1; the good items still come out.",
    "Warnings (rules only observed or inferred) are reported there too and leave the exit code 0.",
  ],
  options: {
    provider: { type: "string", operand: "<provider>", required: true, help: PROVIDERS.join(", ") },
    json: { type: "boolean", help: "print the whole result { ok, events, errors, warnings, skipped } instead" },
  },
  readsInput: true,
  async run(values, positionals) {
    const provider = oneOf("provider", values.provider, PROVIDERS);
    const input = readInput(inputOperand(positionals));
    const result = input.error
      ? { ok: false, events: [], errors: [input.error], warnings: [], skipped: [] }
      : parseWebhook(provider, input.value);
    if (values.json) printJson(result);
    else {
      const lines = result.events.map((e) => `${e.kind}  ${e.messageId}${e.from ? `  from ${e.from}` : ""}`);
      const skipped = result.skipped.map((s) => `skipped ${s.path || "/"}: ${s.reason}`);
      const count = result.events.length === 1 ? "1 event" : `${result.events.length} events`;
      process.stdout.write([`${input.source}: ${count}`, ...lines, ...skipped, ""].join("\n"));
      if (!result.ok) printIssues(`${input.source}: problems in the ${provider} webhook`, result.errors);
      if (result.warnings.length > 0)
        printIssues(`${input.source}: warnings, not errors, in the ${provider} webhook`, result.warnings);
    }
    return result.ok ? EXIT.valid : EXIT.invalid;
  },
};
