/**
 * `wa-interactive emulate`: starts the local WhatsApp emulator and its chat page, and runs until
 * interrupted (Ctrl-C or SIGTERM), then closes it and exits 0.
 */
import { EMULATED_PROVIDERS } from "../emulator/wire.js";
import { EXIT, oneOf, type Command, UsageError } from "./usage.js";

function required(values: Record<string, unknown>, name: string, what: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required: ${what}`);
  return value;
}

function port(value: unknown): number {
  if (value === undefined) return 8099;
  const n = Number(value);
  if (typeof value !== "string" || !/^[0-9]+$/.test(value) || n > 65535)
    throw new UsageError(`--port ${String(value)}: expected a port number from 0 to 65535`);
  return n;
}

export const emulate: Command = {
  name: "emulate",
  summary: "run a local WhatsApp: takes your bot's sends, posts signed webhooks, shows a chat page",
  about: [
    "Starts a local HTTP server that takes sends as WhatsApp's Cloud API does (POST",
    "/{version}/{phone-number-id}/messages with Authorization: Bearer <token>), or as the provider",
    "given does, checks each message with wa-interactive and answers as the API does: the message id,",
    "or the API's error with every broken rule. Statuses (sent, delivered, read) and what the customer",
    "does on the chat page at / are posted to --webhook, signed as the provider signs them. A message",
    "other than a template outside the 24-hour customer-service window fails with 131047.",
  ],
  options: {
    webhook: {
      type: "string",
      operand: "<url>",
      required: true,
      help: "your bot's webhook: the only URL the emulator sends requests to",
    },
    "app-secret": {
      type: "string",
      operand: "<secret>",
      required: true,
      help: "the secret webhooks are signed with (Meta's app secret, …)",
    },
    token: { type: "string", operand: "<token>", required: true, help: "the token your bot sends with each request" },
    port: { type: "string", operand: "<port>", help: "default 8099 (0: any free port)" },
    host: {
      type: "string",
      operand: "<address>",
      help: "default 127.0.0.1; another address exposes the emulator beyond this machine",
    },
    provider: {
      type: "string",
      operand: "<provider>",
      help: `whose wire formats to speak: ${EMULATED_PROVIDERS.join(", ")} (default meta)`,
    },
  },
  readsInput: false,
  async run(values) {
    // Loaded here, so the other commands do not load the server.
    const { createEmulator, WIRE_FORMATS } = await import("../emulator/index.js");
    const provider = values.provider === undefined ? "meta" : oneOf("provider", values.provider, EMULATED_PROVIDERS);
    const settings = {
      webhook: required(values, "webhook", "your bot's webhook URL"),
      appSecret: required(values, "app-secret", "the secret the webhooks are signed with"),
      token: required(values, "token", "the token your bot sends"),
      port: port(values.port),
      host: typeof values.host === "string" ? values.host : "127.0.0.1",
      provider,
    };
    try {
      new URL(settings.webhook);
    } catch {
      throw new UsageError(`--webhook ${settings.webhook}: not a URL`);
    }
    const emulator = await createEmulator(settings);
    const wire = WIRE_FORMATS[provider]!;
    process.stdout.write(
      [
        `WhatsApp emulator (${provider}) on ${emulator.url}`,
        `  chat page:  ${emulator.url}/`,
        `  sends:      POST ${emulator.url}${wire.sendPathText}  (${wire.auth})`,
        `  webhook:    ${settings.webhook}`,
        "Ctrl-C to stop.",
        "",
      ].join("\n"),
    );
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await emulator.close();
    return EXIT.valid;
  },
};
