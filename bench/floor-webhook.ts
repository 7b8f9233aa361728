/**
 * The webhook floor: HMAC-SHA256 of the raw body compared in constant time with the
 * `X-Hub-Signature-256` header, then `JSON.parse`. Nothing checks the payload's shape, so no
 * webhook handler that does anything useful can be faster.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export function floorWebhook(body: string, signature: string, secret: string): unknown {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return JSON.parse(body);
}
