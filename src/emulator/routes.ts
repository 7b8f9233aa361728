/**
 * The emulator's HTTP routes: sends at the provider's path, and the chat page with its two calls
 * (the state, and a customer's action). The page and its calls answer only on a loopback host name
 * and take only JSON, so another site open in the same browser cannot drive them.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CustomerActionError } from "./customer.js";
import { type CustomerResult, customerHandle } from "./customer-handle.js";
import { BodyTooLarge, MAX_BODY_BYTES, loopbackHost, readBody, sendJson } from "./http.js";
import { waId } from "./model.js";
import { chatPage } from "./page.js";
import { handleSend } from "./sends.js";
import type { Session } from "./session.js";
import { UnsupportedAction } from "./wire.js";

/** Where the server listens; the port is known once it does. */
export interface Listening {
  readonly host: string;
  port: number;
  readonly webhook: URL;
}

export async function route(s: Session, at: Listening, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [path = "/", query = ""] = (req.url ?? "/").split("?");
  if (req.method === "POST" && s.wire.sendPath.test(path)) return handleSend(s, req, res, path);
  if (!loopbackHost(req, at.port, at.host)) {
    req.resume();
    return sendJson(res, 403, { error: "the chat page answers only on a loopback host name" });
  }
  if (req.method === "GET" && path === "/") return servePage(res);
  if (req.method === "GET" && path === "/emulator/state")
    return sendJson(res, 200, pageState(s, at, new URLSearchParams(query).get("since")));
  if (req.method === "POST" && path === "/emulator/act") return serveAction(s, req, res);
  req.resume();
  sendJson(res, 404, { error: `no route ${req.method} ${path}; sends go to POST ${s.wire.sendPathText}` });
}

function servePage(res: ServerResponse): void {
  const nonce = randomBytes(16).toString("base64");
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // Inline code only with this response's nonce; requests only to this server; no images or frames.
    "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    "x-content-type-options": "nosniff",
  });
  res.end(chatPage(nonce));
}

async function serveAction(s: Session, req: IncomingMessage, res: ServerResponse): Promise<void> {
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
    return sendJson(res, 200, { ok: true, result: await pageAction(s, input ?? {}) });
  } catch (e) {
    if (e instanceof CustomerActionError || e instanceof UnsupportedAction)
      return sendJson(res, 400, { ok: false, error: e.message });
    throw e;
  }
}

/** A page action: `{ user, action: { kind: "tap" | "choose" | "say" | "location" | "flow" | "react" | "open", … } }`. */
async function pageAction(s: Session, input: Record<string, any>): Promise<CustomerResult | { key: string }> {
  const a = input.action ?? {};
  if (a.kind === "open") {
    const phone = typeof a.phone === "string" ? waId(a.phone) : "";
    if (phone === "") throw new CustomerActionError("a new chat needs a phone number");
    return {
      key: customerHandle(s, { phone, name: typeof a.name === "string" && a.name !== "" ? a.name : `+${phone}` }).key,
    };
  }
  const c = typeof input.user === "string" ? s.chats.get(input.user) : undefined;
  if (!c) throw new CustomerActionError(`no conversation ${JSON.stringify(input.user)}`);
  const h = customerHandle(s, c.customer);
  switch (a.kind) {
    case "tap":
      return h.tap(String(a.messageId), String(a.id));
    case "choose":
      return h.choose(String(a.messageId), String(a.id));
    case "say":
      if (typeof a.text !== "string" || a.text.trim() === "") throw new CustomerActionError("say: the text is empty");
      return h.say(a.text);
    case "location":
      return h.shareLocation(
        { latitude: Number(a.latitude), longitude: Number(a.longitude), name: a.name, address: a.address },
        a.messageId,
      );
    case "flow":
      return h.submitFlow(String(a.messageId), typeof a.response === "object" && a.response !== null ? a.response : {});
    case "react":
      return h.react(String(a.messageId), String(a.emoji));
    default:
      throw new CustomerActionError(`unknown action ${JSON.stringify(a.kind)}`);
  }
}

/** The page's view of everything; just the version when the page already has it (`since`). */
function pageState(s: Session, at: Listening, since: string | null): unknown {
  const version = s.chats.version;
  if (since === String(version)) return { version };
  return {
    version,
    provider: s.provider,
    business: s.business,
    webhook: at.webhook.href,
    conversations: s.chats.all(),
    deliveries: s.poster.log.filter((d) => !d.ok).slice(-20),
  };
}
