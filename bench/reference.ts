/**
 * The reference floors the project's speed is judged against: the shared benchmark harness kept
 * beside the repository (`../shared/anchors-bench`, or the folder `REFERENCE_BENCH` names). Its
 * contender D is a hand-written validator for lists and reply buttons with every documented rule;
 * F is HMAC-SHA256 + constant-time compare + `JSON.parse`. The project's own floors are shown next
 * to them: a floor slower than the reference one is not a floor, so every target is taken against
 * the faster of the two. Without the harness the bench runs on the project's floors alone and says so.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIR = resolve(ROOT, process.env.REFERENCE_BENCH ?? "../shared/anchors-bench");

export interface Reference {
  /** Where the harness was found, relative to the repository. */
  where: string;
  /** Contender D's boolean pass: no allocation, stops at the first broken rule. */
  isValid: (m: unknown) => boolean;
  /** Contender D's full result: the boolean pass, then every violation with its path. */
  validate: (m: unknown) => unknown;
  /** Contender F set up on the given webhook: verify, parse, read the reply id. */
  webhook: (rawBody: string, signature: string, secret: string) => Promise<() => unknown>;
}

async function load(): Promise<Reference | undefined> {
  const validator = join(DIR, "contenders/hand/validator.mjs");
  const floor = join(DIR, "contenders/webhook-floor.mjs");
  if (!existsSync(validator) || !existsSync(floor)) return undefined;
  const d = (await import(pathToFileURL(validator).href)) as { isValidInteractive: (m: unknown) => boolean; validateInteractive: (m: unknown) => unknown };
  const f = (await import(pathToFileURL(floor).href)) as {
    default: { setup: (fx: object) => Promise<Record<string, () => unknown>> };
  };
  return {
    where: process.env.REFERENCE_BENCH ? "REFERENCE_BENCH" : "../shared/anchors-bench",
    isValid: d.isValidInteractive,
    validate: d.validateInteractive,
    webhook: async (rawBody, signature, secret) => (await f.default.setup({ webhook: { rawBody, signature, secret } }))["webhook/button-reply"]!,
  };
}

export const reference = await load();
