// The formatting threads of generator/print.ts. Plain JavaScript, so that `npm run generate --
// --fresh`, where every file goes to prettier, can start them from scripts/native-deps.mjs before
// the TypeScript loader and the generator load: the threads load prettier meanwhile, on the core
// the main thread leaves idle while it loads.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** One thread per core, two at most: the main thread goes on emitting beside them. */
export const FORMAT_THREADS = Math.min(2, availableParallelism());

/** Threads started ahead, not yet taken. */
const ahead = [];

// The worker is plain JavaScript: started without the parent's `--import`s, it loads prettier
// alone, not the TypeScript loader and the generator's other dependencies as well.
const spawn = () => new Worker(new URL("./format-worker.mjs", import.meta.url), { execArgv: [] });

/** Starts `count` threads now; until one is taken it does not keep the process alive (a generation that fails early still exits). */
export function startFormatThreads(count = FORMAT_THREADS) {
  for (let i = 0; i < count; i++) {
    const worker = spawn();
    worker.unref();
    ahead.push(worker);
  }
}

/** A formatting thread: one started ahead if there is one, else a new one. */
export function formatThread() {
  const worker = ahead.shift() ?? spawn();
  worker.ref();
  return worker;
}
