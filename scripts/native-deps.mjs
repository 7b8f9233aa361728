// Loaded by `npm run generate` with `node --import`, ahead of the TypeScript loader (`--import
// tsx`): the generator's large dependency then loads natively. Through the loader's hooks, which
// Node 20 runs on a thread of their own, prettier took 0.6 s to load instead of 0.06 s. The
// generator's own imports find it already loaded.
//
// `npm run generate` also starts node with --no-concurrent-recompilation: optimising compilation
// then runs on the thread that asked for it instead of on V8's helper threads, which on two cores
// only compete with the two formatting threads. Prettier on validators.ts alone took 2.6–2.7 s of
// CPU so against 3.2–4.0 s; a whole fresh run, about 4 % less (13.1–14.1 s against 14.1–14.5 s).
//
// With --fresh every file goes to prettier, so the formatting threads start here, first: they load
// prettier while this thread loads the TypeScript loader and the generator.
import { startFormatThreads } from "../generator/format-threads.mjs";

if (process.argv.includes("--fresh")) startFormatThreads();
await import("prettier");
