/**
 * @kapso/whatsapp-cloud-api validates its send inputs with Zod, then builds the payload, converts
 * its keys to snake_case and serialises it. It offers no validation on its own, so it is measured
 * through `sendInteractiveList` / `sendInteractiveButtons` with a fetch that answers at once: its
 * rows include that building and serialising, and a promise per call.
 */
import { WhatsAppClient } from "@kapso/whatsapp-cloud-api";
import { normalizeWebhook, verifySignature } from "@kapso/whatsapp-cloud-api/server";

const reply = { messaging_product: "whatsapp", contacts: [{ input: "16505551234", wa_id: "16505551234" }], messages: [{ id: "wamid.bench" }] };
const response = {
  ok: true,
  status: 200,
  headers: { get: () => "application/json" },
  json: async () => reply,
};

/** The last request body the stub received, so the serialised payload cannot be optimised away. */
export let lastBody = "";
const stubFetch = (async (_url: unknown, init?: { body?: string }) => {
  lastBody = init?.body ?? "";
  return response;
}) as unknown as typeof fetch;

const client = new WhatsAppClient({ accessToken: "bench-token", fetch: stubFetch });

interface Part {
  text: string;
}
interface ListInput {
  header?: { type: string; text: string };
  body: Part;
  footer?: Part;
  action: { button: string; sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[] };
}
interface ButtonsInput {
  header?: { type: string; text: string };
  body: Part;
  footer?: Part;
  action: { buttons: { reply: { id: string; title: string } }[] };
}

const base = { phoneNumberId: "106540352242922", to: "16505551234" };

/** Our payload in Kapso's input shape (converted once, outside the measured loop). */
export function kapsoListInput(m: ListInput) {
  return { ...base, header: m.header as { type: "text"; text: string } | undefined, bodyText: m.body.text, footerText: m.footer?.text, buttonText: m.action.button, sections: m.action.sections };
}

export function kapsoButtonsInput(m: ButtonsInput) {
  return { ...base, header: m.header as { type: "text"; text: string } | undefined, bodyText: m.body.text, footerText: m.footer?.text, buttons: m.action.buttons.map((b) => b.reply) };
}

/** True when Kapso accepts and sends the list. */
export async function kapsoSendList(input: ReturnType<typeof kapsoListInput>): Promise<boolean> {
  try {
    await client.messages.sendInteractiveList(input);
    return true;
  } catch {
    return false;
  }
}

export async function kapsoSendButtons(input: ReturnType<typeof kapsoButtonsInput>): Promise<boolean> {
  try {
    await client.messages.sendInteractiveButtons(input);
    return true;
  } catch {
    return false;
  }
}

/** Kapso's webhook helpers: HMAC check, then JSON.parse and its normalisation. */
export function kapsoWebhook(body: string, signature: string, secret: string): unknown {
  if (!verifySignature({ appSecret: secret, rawBody: body, signatureHeader: signature })) return undefined;
  return normalizeWebhook(JSON.parse(body));
}
