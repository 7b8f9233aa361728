/**
 * Meta's webhook verification handshake: when a callback URL is saved, Meta sends
 * `GET ?hub.mode=subscribe&hub.verify_token=<yours>&hub.challenge=<random>` and expects the
 * challenge back with status 200 — only if the token is yours.
 */
import { sameText } from "./constant-time.js";

/** The query as a string (`hub.mode=…&…`, with or without `?`), a `URLSearchParams`, or a plain object. */
export type QuerySource =
  string | { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>;

export type SubscriptionResult =
  { ok: true; status: 200; challenge: string } | { ok: false; status: 400 | 403; reason: string };

function read(query: QuerySource, name: string): string | undefined {
  if (typeof query === "string") {
    for (const pair of query.replace(/^\?/, "").split("&")) {
      const [key = "", value = ""] = pair.split("=");
      const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
      if (decode(key) === name) return decode(value);
    }
    return undefined;
  }
  if (typeof (query as { get?: unknown }).get === "function")
    return (query as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (query as Record<string, string | readonly string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : (value as string | undefined);
}

/** Answers Meta's GET handshake: respond with `status` and, when ok, the `challenge` as the body. */
export function verifySubscription(query: QuerySource, verifyToken: string): SubscriptionResult {
  const mode = read(query, "hub.mode");
  const token = read(query, "hub.verify_token");
  const challenge = read(query, "hub.challenge");
  if (mode !== "subscribe" || token === undefined || challenge === undefined || challenge === "") {
    return {
      ok: false,
      status: 400,
      reason: "not a subscription request: hub.mode=subscribe, hub.verify_token and hub.challenge are required",
    };
  }
  if (verifyToken === "" || !sameText(token, verifyToken))
    return { ok: false, status: 403, reason: "hub.verify_token does not match" };
  return { ok: true, status: 200, challenge };
}
