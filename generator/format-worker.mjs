// Runs prettier off the main thread for generator/print.ts: the largest emitted module is formatted
// here while the main thread formats the rest. Plain JavaScript, so the worker needs no TypeScript
// loader.
import { parentPort } from "node:worker_threads";
import { format } from "prettier";

parentPort.on("message", async ({ id, text, options }) => {
  try {
    parentPort.postMessage({ id, text: await format(text, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
