// Runs prettier off the main thread for generator/print.ts, one file (or piece of one) at a time.
// Plain JavaScript, so the worker needs no TypeScript loader.
import { parentPort } from "node:worker_threads";
import { format } from "prettier";

parentPort.on("message", async ({ text, options }) => {
  try {
    parentPort.postMessage({ text: await format(text, options) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
