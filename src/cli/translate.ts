/** `wa-interactive translate`: an outbound message → a provider's request body. */
import { PROVIDERS, ProviderError, toProvider } from "../index.js";
import { issue } from "../runtime/issues.js";
import { readInput } from "./input.js";
import { printIssues, printJson } from "./report.js";
import { EXIT, inputOperand, oneOf, type Command, UsageError } from "./usage.js";

/** `--option from=+15550001111` → `{ from: "+15550001111" }`. */
function providerOptions(values: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of Array.isArray(values) ? values : []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`--option ${pair}: expected name=value`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export const translate: Command = {
  name: "translate",
  summary: "turn an outbound message into a provider's request body",
  about: [
    "Reads an outbound message (the Cloud API body, exactly as `validate --as message` accepts it)",
    "from the file or standard input, validates it, and prints the provider's request body on",
    "standard output. A message the provider cannot carry, or an invalid one, is exit 1 with the",
    "reason (and every issue) on standard error; nothing is dropped silently.",
  ],
  options: {
    to: { type: "string", operand: "<provider>", required: true, help: PROVIDERS.join(", ") },
    option: {
      type: "string",
      multiple: true,
      operand: "name=value",
      help: "a provider option, repeatable (Vonage needs --option from=<number>)",
    },
    json: { type: "boolean", help: "print { ok, provider, body } or { ok, provider, code, path, message, errors }" },
  },
  readsInput: true,
  async run(values, positionals) {
    const provider = oneOf("to", values.to, PROVIDERS);
    const extra = providerOptions(values.option);
    const input = readInput(inputOperand(positionals));
    if (input.error) {
      if (values.json)
        printJson({
          ok: false,
          provider,
          code: "invalid-message",
          path: "",
          message: input.error.message,
          errors: [input.error],
        });
      else printIssues(`${input.source}: cannot translate to ${provider}`, [input.error]);
      return EXIT.invalid;
    }
    let body: unknown;
    try {
      // The provider is known only at run time, so its option type cannot be checked here;
      // toProvider checks the options itself and reports a missing or unknown one as bad-option.
      body = (toProvider as (p: string, m: unknown, o?: Record<string, string>) => unknown)(
        provider,
        input.value,
        extra,
      );
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      // A missing or unknown option is a mistake in the command line, not in the message.
      if (e.code === "bad-option") throw new UsageError(`${e.message} (options are given as --option name=value)`);
      // ProviderError's message starts "<provider>: <path>: "; the issue line states the path itself.
      const reason = e.message.replace(`${provider}: ${e.path ? `${e.path}: ` : ""}`, "");
      const errors = e.issues.length > 0 ? [...e.issues] : [issue(e.path, e.code, reason)];
      if (values.json) printJson({ ok: false, provider, code: e.code, path: e.path, message: e.message, errors });
      else printIssues(`${input.source}: cannot translate to ${provider} [${e.code}]`, errors);
      return EXIT.invalid;
    }
    printJson(values.json ? { ok: true, provider, body } : body);
    return EXIT.valid;
  },
};
