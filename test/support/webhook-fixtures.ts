/**
 * The webhook fixtures under test/fixtures/webhooks/<provider>/: a payload written from the
 * provider's documented shape, the options to parse it with, and the events, errors and warnings
 * (none when absent) it must give. An expected event's `raw` is a JSON Pointer into the payload
 * (the item it must carry).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./corpus.ts";

export const FIXTURES_DIR = join(ROOT, "test/fixtures/webhooks");

export interface WebhookFixture {
  provider: string;
  name: string;
  description: string;
  options?: { sent?: unknown; receivedAt?: string };
  payload: unknown;
  expect: {
    events: (Record<string, unknown> & { raw: string })[];
    errors: { path: string; rule: string }[];
    /** The warnings it must give; none when absent. */
    warnings?: { path: string; rule: string }[];
    skipped?: { path: string }[];
  };
}

export function loadWebhookFixtures(): WebhookFixture[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(FIXTURES_DIR, d.name))
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => ({
          provider: d.name,
          name: f.replace(/\.json$/, ""),
          ...JSON.parse(readFileSync(join(FIXTURES_DIR, d.name, f), "utf8")),
        })),
    );
}

/** The value at an RFC 6901 JSON Pointer. */
export function at(value: unknown, pointer: string): unknown {
  if (pointer === "") return value;
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], value);
}
