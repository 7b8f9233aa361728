/**
 * Webhook signature checks that need nothing but Web Crypto (`crypto.subtle`), which Node, Deno,
 * Bun and workers all have: reading headers in any case from a plain object or a `Headers`,
 * turning the raw body into bytes, and HMAC-SHA256 over those bytes compared in constant time
 * (as hex text by `sameText` where node:crypto computes it, else by `crypto.subtle.verify`).
 * The body must be the bytes as received: JSON parsed and serialised again differs from what was
 * signed (Meta escapes non-ASCII characters and `/`).
 *
 * The package compiles against ES2022 alone so that it assumes no particular runtime; the few
 * Web APIs used here are declared structurally below.
 */
import { sameText } from "./constant-time.js";
import { ProviderError } from "./provider-error.js";

interface Subtle {
  importKey(
    format: "raw",
    key: Uint8Array,
    algorithm: { name: "HMAC"; hash: "SHA-256" },
    extractable: false,
    usages: ["verify"],
  ): Promise<unknown>;
  verify(algorithm: "HMAC", key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  digest(algorithm: "SHA-256", data: Uint8Array): Promise<ArrayBuffer>;
}
interface WebGlobals {
  crypto?: { subtle?: Subtle };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

const web = globalThis as unknown as WebGlobals;

/** Headers as a plain object (Node's `req.headers`) or anything with `get` (a Fetch `Headers`). */
export type HeaderSource =
  Readonly<Record<string, string | readonly string[] | undefined>> | { get(name: string): string | null };

export interface VerifyInput {
  /** The request body exactly as received: a string (decoded as UTF-8 from the bytes) or the bytes. */
  rawBody: string | Uint8Array | ArrayBuffer;
  headers: HeaderSource;
  /** The provider's signing secret. */
  secret: string | Uint8Array;
  /** The time to judge a token's age by (Vonage); defaults to now. */
  now?: Date;
}

export type VerifyFailure =
  /** The signature header (or Vonage's Authorization header) is absent. */
  | "missing-header"
  /** It is there but not in the provider's format (wrong prefix, not hex, not a bearer token, repeated). */
  | "malformed-header"
  /** The signature does not match the body and secret: tampered body, wrong secret, or re-serialised JSON. */
  | "bad-signature"
  /** Vonage: the token's `payload_hash` is not the SHA-256 of this body. */
  | "body-mismatch"
  /** Vonage: the token was issued too long ago (or in the future). */
  | "stale"
  /** Vonage: the token is not a valid HS256 JWT or lacks the claims that bind it to the body. */
  | "bad-token";

export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure; message: string };

export type SignatureSpec =
  | {
      scheme: "hmac-sha256";
      header: string;
      prefix: string;
      prefixOptional?: boolean;
      encoding: "hex";
      secret: string;
      timestamped: false;
    }
  | { scheme: "vonage-jwt"; header: string; secret: string; maxAgeSeconds: number; timestamped: true }
  | { scheme: "none"; reason: string };

export function failure(reason: VerifyFailure, message: string): VerifyResult {
  return { ok: false, reason, message };
}

interface NodeHmac {
  update(data: Uint8Array | string): NodeHmac;
  digest(encoding: "hex"): string;
}
interface NodeCrypto {
  createHmac(algorithm: "sha256", key: string | Uint8Array): NodeHmac;
}

/**
 * node:crypto, where the runtime hands it over synchronously (`process.getBuiltinModule`: Node
 * 20.16 and later, Bun, Deno). Its HMAC of a webhook takes a few microseconds; a Web Crypto call is
 * a round trip through a thread pool, more than ten times slower, so Web Crypto is the fallback.
 */
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.(
  "node:crypto",
) as NodeCrypto | undefined;

/**
 * The node:crypto HMAC object of the last check, finished, kept until the next check. V8 holds
 * weakly the hidden classes node:crypto's HMAC objects reach as they are made and finished; a check
 * lets its object go at once, so a full garbage collection dropped those classes and with them the
 * optimised code of the checks that make them, and the next thousands of checks ran slower until
 * it was optimised again. The secret itself is the caller's, held by it anyway.
 */
const kept: { hmac: NodeHmac | undefined } = { hmac: undefined };

/**
 * Whether `hexSignature` is the HMAC-SHA256 of `data` under `key` in hexadecimal, either case,
 * compared in constant time either way. A boolean straight away with node:crypto; a promise only
 * on the Web Crypto path, so a check on Node costs no promise round trips beyond the one
 * verifyWebhook returns.
 */
export function hmacSha256Matches(
  key: string | Uint8Array,
  hexSignature: string,
  data: string | Uint8Array | ArrayBuffer,
): boolean | Promise<boolean> {
  if (!nodeCrypto) return isHex(hexSignature, 64) && webHmacSha256Matches(key, hexToBytes(hexSignature), data);
  // node:crypto takes a string key or body as its UTF-8 bytes, the same bytes asBytes() would make.
  // The digest as hex text, compared as text: node:crypto hands back a string about a microsecond
  // sooner than a Buffer, and the header needs no decoding or checking first (a match is 64
  // hexadecimal digits by construction). It writes lower case; a header in upper case is lowered.
  const hmac = nodeCrypto.createHmac("sha256", key).update(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  const expected = hmac.digest("hex");
  kept.hmac = hmac;
  return sameText(expected, hexSignature) || sameText(expected, hexSignature.toLowerCase());
}

async function webHmacSha256Matches(
  key: string | Uint8Array,
  signature: Uint8Array,
  data: string | Uint8Array | ArrayBuffer,
): Promise<boolean> {
  const s = subtle();
  const cryptoKey = await s.importKey("raw", asBytes(key), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  return s.verify("HMAC", cryptoKey, signature, asBytes(data));
}

export function subtle(): Subtle {
  const s = web.crypto?.subtle;
  if (!s)
    throw new ProviderError("no-web-crypto", "verify", "", "this runtime has no Web Crypto (globalThis.crypto.subtle)");
  return s;
}

/** The header's value, whatever the case of its name; `null` when it is repeated (ambiguous). */
export function headerValue(headers: HeaderSource, name: string): string | undefined | null {
  if (typeof (headers as { get?: unknown }).get === "function") {
    const value = (headers as { get(name: string): string | null }).get(name);
    return value === null ? undefined : value;
  }
  let found: string | undefined;
  let count = 0;
  for (const key of Object.keys(headers)) {
    const value = (headers as Record<string, string | readonly string[] | undefined>)[key];
    if (value === undefined || key.toLowerCase() !== name) continue;
    // Node gives a repeated header as an array; one value in an array is still one value.
    const values: readonly string[] = typeof value === "string" ? [value] : value;
    count += values.length;
    found = values[0];
  }
  if (count === 0) return undefined;
  return count === 1 ? found! : null;
}

const encoder = new web.TextEncoder();

/** A string's UTF-8 bytes, or the bytes given. */
export function asBytes(raw: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof raw === "string") return encoder.encode(raw);
  return raw instanceof Uint8Array ? raw : new Uint8Array(raw);
}

/**
 * The secret as given, refused when empty (a non-empty string has at least one UTF-8 byte). It is
 * not encoded here: node:crypto keys a string by its UTF-8 bytes itself, and encoding a short
 * string took longer than the rest of a signature check's own work.
 */
export function checkedSecret(provider: string, secret: string | Uint8Array): string | Uint8Array {
  if (secret.length === 0) throw new ProviderError("missing-secret", provider, "", "the webhook secret is empty");
  return secret;
}

/** The value of one hexadecimal digit's char code, or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Whether `text` is `length` hexadecimal digits, either case. */
function isHex(text: string, length: number): boolean {
  if (text.length !== length) return false;
  for (let i = 0; i < text.length; i++) if (hexDigit(text.charCodeAt(i)) < 0) return false;
  return true;
}

/** The bytes `hex` spells; the caller has checked it is hexadecimal digits of even length. */
function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++)
    out[i] = hexDigit(hex.charCodeAt(2 * i)) * 16 + hexDigit(hex.charCodeAt(2 * i + 1));
  return out;
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle().digest("SHA-256", data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * `<prefix><hex HMAC-SHA256(secret, raw body)>` in one header (Meta, 360dialog, Aisoule). The
 * verdict comes synchronously where the HMAC does (node:crypto); verifyWebhook awaits either.
 */
export function verifyHmacSignature(
  spec: Extract<SignatureSpec, { scheme: "hmac-sha256" }>,
  input: VerifyInput,
): VerifyResult | Promise<VerifyResult> {
  const key = checkedSecret(spec.header, input.secret);
  const value = headerValue(input.headers, spec.header);
  if (value === undefined) return failure("missing-header", `no ${spec.header} header`);
  if (value === null) return failure("malformed-header", `${spec.header} is given more than once`);
  let hex = value.trim();
  if (hex.startsWith(spec.prefix)) hex = hex.slice(spec.prefix.length);
  else if (!spec.prefixOptional) return failure("malformed-header", `${spec.header} must start with "${spec.prefix}"`);
  const matched = hmacSha256Matches(key, hex, input.rawBody);
  return typeof matched === "boolean"
    ? hmacVerdict(spec, hex, matched)
    : matched.then((ok) => hmacVerdict(spec, hex, ok));
}

/** The verdict on a signature; whether the header was well formed matters only when it did not match. */
function hmacVerdict(
  spec: Extract<SignatureSpec, { scheme: "hmac-sha256" }>,
  hex: string,
  matched: boolean,
): VerifyResult {
  if (matched) return { ok: true };
  if (!isHex(hex, 64))
    return failure("malformed-header", `${spec.header} must carry 64 hexadecimal digits (an HMAC-SHA256)`);
  return failure(
    "bad-signature",
    `${spec.header} does not match the body: it was changed, the secret is wrong, or the body was re-serialised instead of passed as received`,
  );
}
