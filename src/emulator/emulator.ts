/// <reference types="node" />
/**
 * The emulator: a local HTTP server that takes sends as WhatsApp's Cloud API (or a provider)
 * takes them, checks them with the package, answers as the API does, keeps one conversation per
 * customer, posts statuses and the customer's messages to the bot's webhook, signed, and serves
 * the chat page. It makes no request except to the webhook URL it was given.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Conversations } from "./conversations.js";
import { type CustomerHandle, customerHandle } from "./customer-handle.js";
import { sendJson } from "./http.js";
import type { Conversation, Customer } from "./model.js";
import { type Listening, route } from "./routes.js";
import type { Session } from "./session.js";
import { WebhookPoster } from "./webhook.js";
import { type Business, EMULATED_PROVIDERS, type EmulatedProvider, WIRE_FORMATS, type WireFormat } from "./wire.js";

export interface EmulatorOptions {
  /** The bot's webhook: the one URL the emulator posts to. */
  webhook: string | URL;
  /** The secret webhooks are signed with (Meta's app secret; Vonage's signature secret; …). */
  appSecret: string;
  /** The token a send must carry (`Authorization: Bearer <token>` for Meta). */
  token: string;
  /** Whose wire formats to speak; default "meta". */
  provider?: EmulatedProvider;
  /** The address to listen on; default 127.0.0.1. */
  host?: string;
  /** The port; default 0, any free port (read it from `url`). */
  port?: number;
  /** The business as webhooks name it. */
  business?: Partial<Business>;
  /** The waits before each retry of a webhook the bot did not accept; default [0, 1000, 5000] ms. */
  retryDelaysMs?: readonly number[];
  /** How long one webhook post may take; default 5000 ms. */
  webhookTimeoutMs?: number;
  /** Whether the customer reads each message at once (a `read` status follows `delivered`); default true. */
  autoRead?: boolean;
  /** The clock, in milliseconds since the epoch; default Date.now. Tests move it to close the 24-hour window. */
  now?: () => number;
}

export interface Emulator {
  /** Where it listens, such as `http://127.0.0.1:8099`. */
  readonly url: string;
  readonly provider: EmulatedProvider;
  /** A customer, by phone number (or a Customer with a user id and a name). */
  user(who: string | Customer): CustomerHandle;
  conversations(): Conversation[];
  /** Resolves when every queued webhook post has been delivered or given up. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

function checkOptions(options: EmulatorOptions): { webhook: URL; provider: EmulatedProvider; wire: WireFormat } {
  if (typeof options.token !== "string" || options.token === "")
    throw new TypeError("createEmulator: a token is required (the bearer token a send must carry)");
  if (typeof options.appSecret !== "string" || options.appSecret === "")
    throw new TypeError("createEmulator: an app secret is required (webhooks are signed with it)");
  const provider = options.provider ?? "meta";
  const wire = WIRE_FORMATS[provider];
  if (wire === undefined)
    throw new TypeError(`createEmulator: provider "${provider}" is none of ${EMULATED_PROVIDERS.join(", ")}`);
  let webhook: URL;
  try {
    webhook = new URL(options.webhook);
  } catch {
    throw new TypeError(`createEmulator: webhook "${String(options.webhook)}" is not a URL`);
  }
  if (webhook.protocol !== "http:" && webhook.protocol !== "https:")
    throw new TypeError(`createEmulator: webhook must be an http or https URL, not ${webhook.protocol}`);
  for (const delay of options.retryDelaysMs ?? [])
    if (!Number.isFinite(delay) || delay < 0)
      throw new TypeError(`createEmulator: retry delay ${delay} is not a non-negative number`);
  if ((options.retryDelaysMs?.length ?? 0) > 10) throw new TypeError("createEmulator: at most 10 retries");
  return { webhook, provider, wire };
}

/** Starts an emulator and resolves once it listens. */
export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const { webhook, provider, wire } = checkOptions(options);
  const now = options.now ?? Date.now;
  const session: Session = {
    provider,
    wire,
    business: {
      number: "15550000000",
      phoneNumberId: "100000000000001",
      wabaId: "100000000000000",
      ...options.business,
    },
    token: options.token,
    now,
    autoRead: options.autoRead ?? true,
    poster: new WebhookPoster({
      url: webhook,
      provider,
      secret: options.appSecret,
      retryDelaysMs: options.retryDelaysMs ?? [0, 1000, 5000],
      timeoutMs: options.webhookTimeoutMs ?? 5000,
      now,
    }),
    chats: new Conversations(),
  };
  const at: Listening = { host: options.host ?? "127.0.0.1", port: 0, webhook };
  const server: Server = createServer((req, res) => {
    route(session, at, req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) });
      else res.destroy();
    });
  });
  // Bounded connections and headers: a local tool has no use for more.
  server.maxConnections = 256;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, at.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  at.port = (server.address() as AddressInfo).port;

  return {
    url: `http://${at.host.includes(":") ? `[${at.host}]` : at.host}:${at.port}`,
    provider,
    user: (who) => customerHandle(session, who),
    conversations: () => session.chats.all(),
    settled: () => session.poster.settled(),
    async close() {
      session.poster.close();
      session.chats.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
