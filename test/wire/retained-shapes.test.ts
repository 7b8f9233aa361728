/**
 * Webhook checks keep their optimised code across garbage collections. A handler lets a webhook's
 * parsed body, its events and node:crypto's HMAC object go once it has answered; a full collection
 * that finds none alive must not drop their hidden classes, which would throw away the optimised
 * code of every function that read or made them (`parseWebhook` keeps its last payload and result,
 * the signature check its last HMAC object). Checked in a child process with V8's traces: a signed
 * webhook is verified, parsed and its reply read until that code is optimised, everything it made
 * is let go, and the full collection that follows must mark no code for deoptimisation.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { EXAMPLES_DIR, ROOT } from "../support/corpus.ts";

const body = JSON.stringify(JSON.parse(readFileSync(join(EXAMPLES_DIR, "webhook/meta/webhook/valid/button-reply.json"), "utf8")));

const CHILD = `
const { createHmac } = await import("node:crypto");
const { parseWebhook } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "generated/src/index.ts")).href)});
const { verifyWebhook } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "generated/src/verify.ts")).href)});
const rawBody = ${JSON.stringify(body)};
const secret = "app-secret";
const headers = { "x-hub-signature-256": "sha256=" + createHmac("sha256", secret).update(rawBody).digest("hex") };
const receive = async () => {
  if (!(await verifyWebhook("meta", { rawBody, headers, secret })).ok) throw new Error("signature rejected");
  return parseWebhook("meta", JSON.parse(rawBody)).events[0].reply.id;
};
for (let i = 0; i < 20000; i++) if ((await receive()) !== "yes") throw new Error("wrong reply");
%WaitForBackgroundOptimization();
console.log("collection");
globalThis.gc();
console.log("collected");
`;

/** The functions V8 marked for deoptimisation because objects their code assumed had died. */
function droppedByCollection(trace: string): string[] {
  const during = trace.slice(trace.indexOf("collection\n"), trace.indexOf("collected\n"));
  return [...during.matchAll(/SharedFunctionInfo ([^>]*)>.*reason: weak objects/g)].map((m) => m[1] ?? "");
}

describe("webhook checks across a garbage collection", () => {
  it("keep their optimised code when no body, event or HMAC object of theirs is alive", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--allow-natives-syntax", "--expose-gc", "--trace-opt", "--trace-deopt", "--input-type=module", "-e", CHILD],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    expect(run.stderr).toBe("");
    // The parse was optimised before the collection, so there was optimised code to lose.
    expect(run.stdout).toMatch(/completed optimizing .*readCloudApiEnvelope/);
    expect(run.stdout).toContain("collected\n");
    expect(droppedByCollection(run.stdout)).toEqual([]);
  }, 60_000);
});
