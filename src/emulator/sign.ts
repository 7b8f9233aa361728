/// <reference types="node" />
/**
 * Signs a webhook body the way its provider does, reading the header, prefix and scheme from the
 * same table `verifyWebhook` checks against (`SIGNATURES`), so what the emulator signs the
 * package's own check accepts. The body is signed as the exact bytes that are posted.
 */
import { createHash, createHmac, randomUUID } from "node:crypto";
import type { ProviderName } from "../providers/index.js";
import { SIGNATURES } from "../verify.js";

/** The headers that carry the signature of `rawBody` under `secret` (none for a provider that does not sign). */
export async function signatureHeaders(
  provider: ProviderName,
  rawBody: string,
  secret: string,
  now: number,
): Promise<Record<string, string>> {
  const spec = SIGNATURES[provider];
  switch (spec.scheme) {
    case "hmac-sha256":
      return { [spec.header]: `${spec.prefix}${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}` };
    case "vonage-jwt": {
      // jose is the package's optional peer for Vonage, loaded only when a Vonage webhook is signed.
      const { SignJWT } = await import("jose");
      const token = await new SignJWT({ payload_hash: createHash("sha256").update(rawBody, "utf8").digest("hex") })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setIssuedAt(Math.floor(now / 1000))
        .setJti(randomUUID())
        .setIssuer("Vonage")
        .sign(new TextEncoder().encode(secret));
      return { [spec.header]: `Bearer ${token}` };
    }
    case "none":
      return {};
  }
}
