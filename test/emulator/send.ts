/** How a bot sends through each provider's API, for the emulator tests: path, auth header and body. */
import { type ProviderName, toProvider } from "../../generated/src/index.ts";

export const TOKEN = "test-token";
export const SECRET = "test-app-secret";

const OPTIONS: Partial<Record<ProviderName, Record<string, string>>> = { vonage: { from: "447700900000" }, exotel: { from: "+918047112233" }, infobip: { from: "441134960000" } };

const REQUESTS: Partial<Record<ProviderName, { path: string; headers: Record<string, string> }>> = {
  meta: { path: "/v23.0/100000000000001/messages", headers: { authorization: `Bearer ${TOKEN}` } },
  "whatsapp-node-sdk": { path: "/v23.0/100000000000001/messages", headers: { authorization: `Bearer ${TOKEN}` } },
  "360dialog": { path: "/messages", headers: { "d360-api-key": TOKEN } },
  vonage: { path: "/v1/messages", headers: { authorization: `Bearer ${TOKEN}` } },
  exotel: { path: "/v2/accounts/acme1/messages", headers: { authorization: `Basic ${Buffer.from(`key:${TOKEN}`).toString("base64")}` } },
  aisoule: { path: "/v1/messages", headers: { authorization: `Bearer ${TOKEN}` } },
  // Infobip has one endpoint per kind; the tests send buttons unless they name another path.
  infobip: { path: "/whatsapp/1/message/interactive/buttons", headers: { authorization: `App ${TOKEN}` } },
};

/** The provider's request body for a Cloud API message (the Node SDK puts Meta's on the wire). */
export function providerBody(provider: ProviderName, message: unknown): unknown {
  const p = provider === "whatsapp-node-sdk" ? "meta" : provider;
  // Aisoule takes the number as digits only.
  const m = p === "aisoule" ? { ...(message as object), to: String((message as { to: string }).to).replace(/[^0-9]/g, "") } : message;
  return (toProvider as (p: string, m: unknown, o?: object) => unknown)(p, m, OPTIONS[p]);
}

/** POSTs `body` (JSON, or the text as is) to the emulator as `provider`'s API takes it, at its send path or at `path`. */
export async function send(base: string, provider: ProviderName, body: unknown, headers?: Record<string, string>, path?: string) {
  const request = REQUESTS[provider];
  if (!request) throw new Error(`no request shape for ${provider} in the emulator tests`);
  const response = await fetch(`${base}${path ?? request.path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(headers ?? request.headers) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

export const message = (to: string, interactive: unknown) => ({ messaging_product: "whatsapp", recipient_type: "individual", to, type: "interactive", interactive });
