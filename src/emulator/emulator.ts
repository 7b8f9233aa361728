/// <reference types="node" />
/**
 * The emulator: a local HTTP server that takes sends as WhatsApp's Cloud API (or a provider)
 * takes them, checks them with the package, answers as the API does, keeps one conversation per
 * customer, posts statuses and the customer's messages to the bot's webhook, signed, and serves
 * the chat page. It makes no request except to the webhook URL it was given.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ENDPOINTS, ProviderError, endpointFor, fromProvider } from "../providers/index.js";
import type { OutboundMessage } from "../types.js";
import { issue, type ValidationIssue } from "../runtime/issues.js";
import { CustomerActionError, chooseMessage, flowMessage, tapMessage } from "./customer.js";
import { BodyTooLarge, MAX_BODY_BYTES, loopbackHost, readBody, sendJson } from "./http.js";
import { type Bubble, type Conversation, type Customer, type CustomerMessage, type Status, type WhatsAppError, customerKey, waId } from "./model.js";
import { chatPage } from "./page.js";
import { isPlainMessage, plainIssues } from "./plain.js";
import { type Delivery, WebhookPoster } from "./webhook.js";
import { type Business, EMULATED_PROVIDERS, type EmulatedProvider, type Refusal, UnsupportedAction, WIRE_FORMATS, type WebhookContext, type WireFormat } from "./wire.js";

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

/** What a simulated customer action came to. */
export interface CustomerResult {
  /** The id of the customer's message, as the bot sees it. */
  id: string;
  /** How the webhook post went. */
  delivery: Delivery;
}

export interface CustomerHandle {
  readonly key: string;
  /** Taps a reply button (of a button message or a carousel card), by id or title. */
  tap(messageId: string, idOrTitle: string): Promise<CustomerResult>;
  /** Chooses a list row, by id or title. */
  choose(messageId: string, idOrTitle: string): Promise<CustomerResult>;
  /** Types a message. */
  say(text: string): Promise<CustomerResult>;
  /** Shares a location, in answer to `replyTo` if given (a location request). */
  shareLocation(location: { latitude: number; longitude: number; name?: string; address?: string }, replyTo?: string): Promise<CustomerResult>;
  /** Completes a flow; WhatsApp adds the message's flow token to `response`. */
  submitFlow(messageId: string, response?: Record<string, unknown>): Promise<CustomerResult>;
  /** Reacts to a business message; "" removes the reaction. */
  react(messageId: string, emoji: string): Promise<CustomerResult>;
  /** Every message in this conversation so far. */
  bubbles(): Bubble[];
  /** The outbound messages the business sent to this customer so far (accepted ones). */
  received(): Bubble[];
  /** Resolves with the next message the business sends to this customer (waits at most `timeoutMs`, default 5000). */
  nextMessage(timeoutMs?: number): Promise<Bubble>;
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

/** The 24-hour customer-service window (meta-cloud-api §10). */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** At most this many conversations, and messages kept per conversation (the oldest go first). */
export const MAX_CONVERSATIONS = 1000;
export const MAX_BUBBLES = 500;
/** At most this many waiters for the next message at once. */
const MAX_WAITERS = 1000;

const RE_ENGAGEMENT: WhatsAppError = {
  code: 131047,
  title: "Re-engagement message",
  message: "Re-engagement message",
  details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
};

function checkOptions(options: EmulatorOptions): { webhook: URL; provider: EmulatedProvider; wire: WireFormat } {
  if (typeof options.token !== "string" || options.token === "") throw new TypeError("createEmulator: a token is required (the bearer token a send must carry)");
  if (typeof options.appSecret !== "string" || options.appSecret === "") throw new TypeError("createEmulator: an app secret is required (webhooks are signed with it)");
  const provider = options.provider ?? "meta";
  const wire = WIRE_FORMATS[provider];
  if (wire === undefined) throw new TypeError(`createEmulator: provider "${provider}" is none of ${EMULATED_PROVIDERS.join(", ")}`);
  let webhook: URL;
  try {
    webhook = new URL(options.webhook);
  } catch {
    throw new TypeError(`createEmulator: webhook "${String(options.webhook)}" is not a URL`);
  }
  if (webhook.protocol !== "http:" && webhook.protocol !== "https:") throw new TypeError(`createEmulator: webhook must be an http or https URL, not ${webhook.protocol}`);
  for (const delay of options.retryDelaysMs ?? []) if (!Number.isFinite(delay) || delay < 0) throw new TypeError(`createEmulator: retry delay ${delay} is not a non-negative number`);
  if ((options.retryDelaysMs?.length ?? 0) > 10) throw new TypeError("createEmulator: at most 10 retries");
  return { webhook, provider, wire };
}

/** Starts an emulator and resolves once it listens. */
export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const { webhook, provider, wire } = checkOptions(options);
  const now = options.now ?? Date.now;
  const autoRead = options.autoRead ?? true;
  const host = options.host ?? "127.0.0.1";
  const business: Business = { number: "15550000000", phoneNumberId: "100000000000001", wabaId: "100000000000000", ...options.business };
  const poster = new WebhookPoster({
    url: webhook,
    provider,
    secret: options.appSecret,
    retryDelaysMs: options.retryDelaysMs ?? [0, 1000, 5000],
    timeoutMs: options.webhookTimeoutMs ?? 5000,
    now,
  });
  const conversations = new Map<string, Conversation>();
  const waiters = new Set<{ key: string; resolve: (b: Bubble) => void; fail: (e: Error) => void }>();
  let version = 0;
  let port = 0;

  function conversation(customer: Customer): Conversation {
    const key = customerKey(customer);
    let c = conversations.get(key);
    if (!c) {
      if (conversations.size >= MAX_CONVERSATIONS) throw new RangeError(`the emulator keeps at most ${MAX_CONVERSATIONS} conversations`);
      c = { key, customer, bubbles: [] };
      conversations.set(key, c);
    }
    return c;
  }

  function add(c: Conversation, bubble: Bubble): Bubble {
    c.bubbles.push(bubble);
    if (c.bubbles.length > MAX_BUBBLES) c.bubbles.splice(0, c.bubbles.length - MAX_BUBBLES);
    version++;
    if (bubble.direction === "out")
      for (const w of waiters)
        if (w.key === c.key) {
          waiters.delete(w);
          w.resolve(bubble);
        }
    return bubble;
  }

  function find(messageId: string): { c: Conversation; bubble: Bubble } | undefined {
    for (const c of conversations.values()) {
      const bubble = c.bubbles.find((b) => b.id === messageId);
      if (bubble) return { c, bubble };
    }
    return undefined;
  }

  function context(c: Conversation, id: string): WebhookContext {
    // The business number the customer last heard from, where the provider's send names it.
    const from = c.businessNumber === undefined ? business : { ...business, number: c.businessNumber };
    return { business: from, phone: c.customer.phone === undefined ? undefined : waId(c.customer.phone), userId: c.customer.userId, name: c.customer.name, id, at: now() };
  }

  function postStatus(c: Conversation, bubble: Bubble, status: Status, error?: WhatsAppError): void {
    bubble.status = status;
    if (error) bubble.error = error;
    version++;
    void poster.post(wire.status(context(c, bubble.id), status, error), `status ${status} of ${bubble.id}`);
  }

  /** Statuses of an accepted message: sent, delivered, read; only sent for a reaction (meta-cloud-api §6); failed outside the window. */
  function statuses(c: Conversation, bubble: Bubble, inWindow: boolean): void {
    if (!inWindow) return postStatus(c, bubble, "failed", RE_ENGAGEMENT);
    postStatus(c, bubble, "sent");
    if ((bubble.message as { type?: string }).type === "reaction") return;
    postStatus(c, bubble, "delivered");
    if (autoRead) postStatus(c, bubble, "read");
  }

  // ---- sends -------------------------------------------------------------------------------

  /** The canonical message of a send body, or the refusal. */
  function readSend(body: unknown, path: string): { message: Record<string, any> } | { refusal: Refusal } {
    if (wire.body === "meta" && isPlainMessage(body)) {
      const issues = plainIssues(body as Record<string, any>);
      return issues.length === 0 ? { message: body as Record<string, any> } : { refusal: { kind: "invalid", message: "the message is not valid", issues } };
    }
    try {
      return { message: fromProvider(wire.body, body) as Record<string, any> };
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      const unsupported = e.code === "unsupported-kind" || e.code === "unsupported-field";
      const atEndpoint = e.code === "invalid-body" ? (wire.endpointIssues?.(path, body) ?? []) : [];
      const issues: ValidationIssue[] = atEndpoint.length > 0 ? [...atEndpoint] : e.issues.length > 0 ? [...e.issues] : [issue(e.path, e.code, e.message)];
      return { refusal: { kind: unsupported ? "unsupported" : "invalid", message: e.message, issues } };
    }
  }

  /** Where a refused body was going, for filing it in a conversation: its `to`, wherever the provider puts it. */
  function refusedKey(body: unknown): string {
    const b = body as Record<string, any> | null;
    const to = b?.to ?? b?.recipient ?? b?.whatsapp?.messages?.[0]?.to;
    return typeof to === "string" && to !== "" ? to : "unknown recipient";
  }

  function refuse(res: ServerResponse, refusal: Refusal, body: unknown, status?: number): void {
    const answer = wire.refused(refusal);
    if (refusal.kind !== "auth") {
      const raw = refusedKey(body);
      const key = /^\+?[0-9][0-9 ()-]*$/.test(raw) ? waId(raw) : raw;
      const c = conversations.get(key) ?? (conversations.size < MAX_CONVERSATIONS ? conversation(/^[0-9]+$/.test(key) ? { phone: key, name: `+${key}` } : { userId: key, name: key }) : undefined);
      const code = (answer.body as { error?: { code?: number } }).error?.code ?? answer.status;
      if (c)
        add(c, {
          id: `refused-${randomBytes(6).toString("hex")}`,
          direction: "refused",
          at: now(),
          // The refused body itself is not kept (it may be up to the size limit); its issues say what was wrong.
          issues: [...refusal.issues],
          refusal: { status: status ?? answer.status, code, message: refusal.message },
          reactions: [],
        });
    }
    sendJson(res, status ?? answer.status, answer.body);
  }

  /** Why a message does not belong at `path`, for a provider with one endpoint per kind (Infobip); undefined when it does. */
  function wrongEndpoint(path: string, message: Record<string, any>): Refusal | undefined {
    if (ENDPOINTS[wire.body] === undefined) return undefined;
    const expected = endpointFor(wire.body, message as OutboundMessage);
    if (expected === path) return undefined;
    const kind: string = message.type === "interactive" ? message.interactive.type : message.type;
    const text = `a ${kind} message is sent to ${expected ?? "no endpoint of this provider"}, not ${path}`;
    return { kind: "invalid", message: text, issues: [issue("", "endpoint", text)] };
  }

  async function handleSend(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!wire.authorized(req.headers, options.token)) {
      req.resume();
      return refuse(res, { kind: "auth", message: `the request must carry ${wire.auth}, with the token the emulator was started with`, issues: [] }, undefined);
    }
    let text: string;
    try {
      text = await readBody(req, MAX_BODY_BYTES);
    } catch (e) {
      if (!(e instanceof BodyTooLarge)) throw e;
      res.setHeader("connection", "close");
      return refuse(res, { kind: "invalid", message: e.message, issues: [issue("", "maxBytes", e.message, MAX_BODY_BYTES)] }, undefined, 413);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      return refuse(res, { kind: "json", message: `the body is not JSON: ${(e as Error).message}`, issues: [issue("", "json", `the body is not JSON: ${(e as Error).message}`)] }, undefined);
    }
    const read = readSend(body, path);
    if ("refusal" in read) return refuse(res, read.refusal, body);
    const message = read.message;
    const misrouted = wrongEndpoint(path, message);
    if (misrouted) return refuse(res, misrouted, body);
    const to: string = message.to ?? message.recipient;
    const c = conversation(message.to !== undefined ? { phone: waId(to), name: `+${waId(to)}` } : { userId: to, name: to });
    const id = wire.newId();
    const sender = wire.sender(body);
    if (sender !== undefined) c.businessNumber = sender;
    const bubble = add(c, { id, direction: "out", at: now(), message, reactions: [] });
    if (message.type === "reaction") {
      const target = find(message.reaction.message_id);
      if (target) {
        target.bubble.reactions = target.bubble.reactions.filter((r) => r.from !== "business");
        if (message.reaction.emoji !== "") target.bubble.reactions.push({ from: "business", emoji: message.reaction.emoji });
      }
    }
    const open = c.lastInboundAt !== undefined && now() - c.lastInboundAt < SERVICE_WINDOW_MS;
    const accepted = wire.accepted(id, to, message.to === undefined);
    sendJson(res, accepted.status, accepted.body);
    statuses(c, bubble, open || message.type === "template");
  }

  // ---- the customer ------------------------------------------------------------------------

  async function act(c: Conversation, message: CustomerMessage): Promise<CustomerResult> {
    const id = wire.newId();
    const body = wire.inbound(context(c, id), message); // throws UnsupportedAction before anything is recorded
    c.lastInboundAt = now();
    const bubble = add(c, { id, direction: "in", at: now(), inbound: message, reactions: [] });
    if (message.kind === "reaction") {
      const target = find(message.replyTo)?.bubble;
      if (target) {
        target.reactions = target.reactions.filter((r) => r.from !== "customer");
        if (message.emoji !== "") target.reactions.push({ from: "customer", emoji: message.emoji });
      }
    }
    const delivery = await poster.post(body, `${message.kind} from ${c.key}`);
    bubble.delivered = delivery.ok;
    version++;
    return { id, delivery };
  }

  function sentTo(c: Conversation, messageId: string): Bubble {
    const bubble = c.bubbles.find((b) => b.id === messageId && b.direction === "out");
    if (!bubble) throw new CustomerActionError(`${c.key} received no message ${messageId}`);
    return bubble;
  }

  function handle(who: string | Customer): CustomerHandle {
    const customer: Customer = typeof who === "string" ? { phone: waId(who), name: `+${waId(who)}` } : { ...who, ...(who.phone === undefined ? {} : { phone: waId(who.phone) }) };
    const c = conversation(customer);
    return {
      key: c.key,
      tap: async (messageId, idOrTitle) => act(c, tapMessage(messageId, sentTo(c, messageId).message, idOrTitle)),
      choose: async (messageId, idOrTitle) => act(c, chooseMessage(messageId, sentTo(c, messageId).message, idOrTitle)),
      say: async (text) => act(c, { kind: "text", text }),
      shareLocation: async (location, replyTo) => {
        if (replyTo !== undefined) sentTo(c, replyTo);
        return act(c, { kind: "location", ...location, ...(replyTo === undefined ? {} : { replyTo }) });
      },
      submitFlow: async (messageId, response = {}) => act(c, flowMessage(messageId, sentTo(c, messageId).message, response)),
      react: async (messageId, emoji) => {
        sentTo(c, messageId);
        return act(c, { kind: "reaction", replyTo: messageId, emoji });
      },
      bubbles: () => [...c.bubbles],
      received: () => c.bubbles.filter((b) => b.direction === "out"),
      nextMessage: (timeoutMs = 5000) =>
        new Promise<Bubble>((resolve, reject) => {
          if (waiters.size >= MAX_WAITERS) return reject(new RangeError(`at most ${MAX_WAITERS} waiters at once`));
          const waiter = {
            key: c.key,
            resolve: (b: Bubble) => {
              clearTimeout(timer);
              resolve(b);
            },
            fail: (e: Error) => {
              clearTimeout(timer);
              reject(e);
            },
          };
          const timer = setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(`no message to ${c.key} within ${timeoutMs} ms`));
          }, timeoutMs);
          waiters.add(waiter);
        }),
    };
  }

  // ---- the page ----------------------------------------------------------------------------

  /** A page action: `{ user, action: { kind: "tap" | "choose" | "say" | "location" | "flow" | "react" | "open", … } }`. */
  async function pageAction(input: Record<string, any>): Promise<CustomerResult | { key: string }> {
    const a = input.action ?? {};
    if (a.kind === "open") {
      const phone = typeof a.phone === "string" ? waId(a.phone) : "";
      if (phone === "") throw new CustomerActionError("a new chat needs a phone number");
      return { key: handle({ phone, name: typeof a.name === "string" && a.name !== "" ? a.name : `+${phone}` }).key };
    }
    const c = typeof input.user === "string" ? conversations.get(input.user) : undefined;
    if (!c) throw new CustomerActionError(`no conversation ${JSON.stringify(input.user)}`);
    const h = handle(c.customer);
    switch (a.kind) {
      case "tap":
        return h.tap(String(a.messageId), String(a.id));
      case "choose":
        return h.choose(String(a.messageId), String(a.id));
      case "say":
        if (typeof a.text !== "string" || a.text.trim() === "") throw new CustomerActionError("say: the text is empty");
        return h.say(a.text);
      case "location":
        return h.shareLocation({ latitude: Number(a.latitude), longitude: Number(a.longitude), name: a.name, address: a.address }, a.messageId);
      case "flow":
        return h.submitFlow(String(a.messageId), typeof a.response === "object" && a.response !== null ? a.response : {});
      case "react":
        return h.react(String(a.messageId), String(a.emoji));
      default:
        throw new CustomerActionError(`unknown action ${JSON.stringify(a.kind)}`);
    }
  }

  /** The page's view of everything; just the version when the page already has it (`since`). */
  function state(since: string | null): unknown {
    if (since === String(version)) return { version };
    return {
      version,
      provider,
      business,
      webhook: webhook.href,
      conversations: [...conversations.values()],
      deliveries: poster.log.filter((d) => !d.ok).slice(-20),
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path = "/", query = ""] = (req.url ?? "/").split("?");
    if (req.method === "POST" && wire.sendPath.test(path)) return handleSend(req, res, path);
    // The page and its API answer only to this machine's own names.
    if (!loopbackHost(req, port, host)) {
      req.resume();
      return sendJson(res, 403, { error: "the chat page answers only on a loopback host name" });
    }
    if (req.method === "GET" && path === "/") {
      const nonce = randomBytes(16).toString("base64");
      const html = chatPage(nonce);
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        // Inline code only with this response's nonce; requests only to this server; no images or frames.
        "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
        "x-content-type-options": "nosniff",
      });
      return void res.end(html);
    }
    if (req.method === "GET" && path === "/emulator/state") return sendJson(res, 200, state(new URLSearchParams(query).get("since")));
    if (req.method === "POST" && path === "/emulator/act") {
      // A JSON content type makes a cross-site request preflighted, which this server never allows.
      if (!String(req.headers["content-type"]).startsWith("application/json")) {
        req.resume();
        return sendJson(res, 415, { error: "send application/json" });
      }
      let input: Record<string, any>;
      try {
        input = JSON.parse(await readBody(req, MAX_BODY_BYTES)) as Record<string, any>;
      } catch (e) {
        return sendJson(res, e instanceof BodyTooLarge ? 413 : 400, { error: (e as Error).message });
      }
      try {
        return sendJson(res, 200, { ok: true, result: await pageAction(input ?? {}) });
      } catch (e) {
        if (e instanceof CustomerActionError || e instanceof UnsupportedAction) return sendJson(res, 400, { ok: false, error: e.message });
        throw e;
      }
    }
    req.resume();
    sendJson(res, 404, { error: `no route ${req.method} ${path}; sends go to POST ${wire.sendPathText}` });
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
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
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url,
    provider,
    user: handle,
    conversations: () => [...conversations.values()],
    settled: () => poster.settled(),
    async close() {
      poster.close();
      for (const w of waiters) w.fail(new Error("the emulator was closed"));
      waiters.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
