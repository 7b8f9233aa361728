/**
 * Vonage's signed webhooks: `Authorization: Bearer <JWT>`, HS256 with the account's signature
 * secret, whose `payload_hash` claim is the hex SHA-256 of the body and whose `iat` says when it
 * was issued. The JWT is checked by `jose` (loaded here on first use, so only the `verify`
 * subpath, and only for Vonage, needs it); the body hash and the token's age are checked on top.
 */
import {
  type SignatureSpec,
  type VerifyInput,
  type VerifyResult,
  asBytes,
  failure,
  headerValue,
  checkedSecret,
  sha256Hex,
} from "./signatures.js";

export async function verifyVonageSignature(
  spec: Extract<SignatureSpec, { scheme: "vonage-jwt" }>,
  input: VerifyInput,
): Promise<VerifyResult> {
  const key = asBytes(checkedSecret("vonage", input.secret));
  const value = headerValue(input.headers, spec.header);
  if (value === undefined) return failure("missing-header", `no ${spec.header} header`);
  if (value === null) return failure("malformed-header", `${spec.header} is given more than once`);
  const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(value.trim());
  if (!match) return failure("malformed-header", `${spec.header} must be "Bearer <JWT>"`);
  const { jwtVerify, errors } = await import("jose");
  let claims: Record<string, unknown>;
  try {
    const verified = await jwtVerify(match[1]!, key, {
      algorithms: ["HS256"],
      currentDate: input.now ?? new Date(),
      maxTokenAge: spec.maxAgeSeconds,
      requiredClaims: ["iat", "payload_hash"],
    });
    claims = verified.payload;
  } catch (e) {
    if (e instanceof errors.JWSSignatureVerificationFailed)
      return failure("bad-signature", "the token's signature does not match: wrong secret or a changed token");
    if (e instanceof errors.JWTExpired)
      return failure("stale", `the token is too old (more than ${spec.maxAgeSeconds} s) or expired`);
    if (e instanceof errors.JWTClaimValidationFailed && e.claim === "iat")
      return failure("stale", `the token's issue time is not acceptable: ${e.message}`);
    return failure("bad-token", `not a valid HS256 token: ${e instanceof Error ? e.message : String(e)}`);
  }
  const hash = claims.payload_hash;
  if (typeof hash !== "string") return failure("bad-token", "the token's payload_hash is not a string");
  const actual = await sha256Hex(asBytes(input.rawBody));
  return hash.toLowerCase() === actual
    ? { ok: true }
    : failure(
        "body-mismatch",
        "the token's payload_hash is not the SHA-256 of this body: the body was changed or re-serialised",
      );
}
