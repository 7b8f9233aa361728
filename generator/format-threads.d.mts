import type { Worker } from "node:worker_threads";

/** One thread per core, two at most. */
export declare const FORMAT_THREADS: number;
/** Starts `count` threads now; until one is taken it does not keep the process alive. */
export declare function startFormatThreads(count?: number): void;
/** A formatting thread: one started ahead if there is one, else a new one. */
export declare function formatThread(): Worker;
