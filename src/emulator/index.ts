/**
 * `wa-interactive/emulator`: a local WhatsApp for bot developers. `createEmulator()` starts a
 * server that takes sends as the Cloud API (or a provider) does, checks them with the package,
 * answers as the API does, posts signed statuses and customer messages to the bot's webhook, and
 * serves a chat page that shows each conversation as WhatsApp does. Node only (node:http,
 * node:crypto); the Vonage scheme loads `jose`, the package's optional peer.
 */
export { createEmulator, type Emulator, type EmulatorOptions } from "./emulator.js";
export type { CustomerHandle, CustomerResult } from "./customer-handle.js";
export { SERVICE_WINDOW_MS } from "./sends.js";
export { CustomerActionError } from "./customer.js";
export { MAX_BODY_BYTES } from "./http.js";
export type { Bubble, Conversation, Customer, CustomerMessage, Status, WhatsAppError } from "./model.js";
export type { Delivery } from "./webhook.js";
export { EMULATED_PROVIDERS, UnsupportedAction, WIRE_FORMATS, type EmulatedProvider, type WireFormat } from "./wire.js";
