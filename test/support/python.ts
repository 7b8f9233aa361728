/**
 * Finds the Python interpreters that can run the Python example (examples/python/): every
 * `python3` on PATH and Debian's `/usr/bin/python3`, kept when python-jsonschema is importable,
 * one per jsonschema version (Debian 12's package gives 4.10, pip today 4.2x; the example must
 * work with both). WA_PYTHON names the one interpreter to use instead.
 *
 * The README's set-up installs no Python package, so the Python tests are skipped, with one line
 * saying what to install, when no interpreter has jsonschema; with CI set, that is a failure.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, inject, it } from "vitest";

export interface Python {
  /** The command the tests run. */
  command: string;
  /** What the probe reported: the interpreter's own path and the jsonschema version it imports. */
  executable: string;
  jsonschema: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    pythons: Python[];
  }
}

export const MISSING_PYTHON =
  "no python3 with jsonschema: install it (`apt-get install python3-jsonschema`, or `pip install jsonschema`) to run the Python tests";

// Draft202012Validator, not just the package: an empty jsonschema folder imports as a namespace package.
const PROBE = "import sys, importlib.metadata as m; from jsonschema import Draft202012Validator; print(sys.executable); print(m.version('jsonschema'))";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every interpreter that imports jsonschema, one per jsonschema version, in the order found. */
export function findPythons(env: NodeJS.ProcessEnv = process.env): Python[] {
  const candidates = env.WA_PYTHON
    ? [env.WA_PYTHON]
    : [...(env.PATH ?? "").split(delimiter).filter(Boolean).map((dir) => join(dir, "python3")), "/usr/bin/python3"].filter(isExecutable);
  const found = new Map<string, Python>();
  for (const command of new Set(candidates)) {
    const run = spawnSync(command, ["-c", PROBE], { encoding: "utf8", timeout: 20_000 });
    if (run.status !== 0) continue;
    const [executable = command, jsonschema = "?"] = run.stdout.trim().split("\n");
    if (!found.has(jsonschema)) found.set(jsonschema, { command, executable, jsonschema });
  }
  return [...found.values()];
}

/**
 * Declares `body`'s tests once for each interpreter found by the global set-up. With none, it
 * declares one skipped test naming what to install, or under CI one failing test saying so.
 */
export function describeEachPython(title: string, body: (python: Python) => void): void {
  const pythons = inject("pythons");
  if (pythons.length > 0) {
    for (const python of pythons) describe(`${title} (jsonschema ${python.jsonschema}, ${python.executable})`, () => body(python));
  } else if (process.env.CI) {
    describe(title, () =>
      it("finds a python3 with jsonschema (required under CI)", () => {
        throw new Error(MISSING_PYTHON);
      }),
    );
  } else {
    describe(title, () => it.skip(MISSING_PYTHON));
  }
}

/**
 * Runs `python` with `args`, feeding `input`; returns standard output and the exit status. Status 1
 * is an answer ("some verdict was wrong"); anything else means Python itself failed, and the error
 * says how, with its standard error.
 */
export function runPython(python: Python, args: string[], input?: string, cwd?: string): { status: number; stdout: string } {
  const run = spawnSync(python.command, args, { input, cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0 && run.status !== 1) {
    const how = run.error ? run.error.message : run.status === null ? `killed by ${run.signal}` : `exit code ${run.status}`;
    const shown = args.map((a) => (a.length > 60 ? `${a.slice(0, 57)}...` : a)).join(" ");
    throw new Error(`${python.command} ${shown} failed (${how}):\n${run.stderr}`);
  }
  return { status: run.status, stdout: run.stdout };
}

/** Parses a helper's JSON output, saying what ran and what it printed when it is not JSON. */
export function parseOutput<T>(what: string, run: { status: number; stdout: string }): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch (error) {
    throw new Error(`${what} (exit code ${run.status}) did not print JSON (${(error as Error).message}); it printed:\n${run.stdout.slice(0, 2000)}`);
  }
}
