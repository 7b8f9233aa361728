// Runs prettier off the main thread for generator/print.ts: the jobs it is given, one after another,
// each answered with its id. Plain JavaScript, so the worker needs no TypeScript loader.
import { parentPort } from "node:worker_threads";
import { format } from "prettier";

let queue = Promise.resolve();

parentPort.on("message", ({ id, text, options }) => {
  queue = queue.then(async () => {
    try {
      parentPort.postMessage({ id, text: await format(text, options) });
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
