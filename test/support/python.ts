/**
 * Runs Debian's Python 3, where the python3-jsonschema package installs the library (a python3
 * earlier on PATH may be another installation without it). WA_PYTHON names another interpreter.
 */
import { spawnSync } from "node:child_process";

export const PYTHON = process.env.WA_PYTHON ?? "/usr/bin/python3";

/** Runs Python with `args`, feeding `input`; returns standard output and the exit status. */
export function python(args: string[], input?: string): { status: number | null; stdout: string } {
  const run = spawnSync(PYTHON, args, { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  // Status 1 is an answer ("some verdict was wrong"); anything else means Python itself failed.
  if (run.status !== 0 && run.status !== 1) throw new Error(`${PYTHON} ${args.join(" ")} failed (${run.status ?? run.signal}):\n${run.stderr}`);
  return { status: run.status, stdout: run.stdout };
}
