/**
 * The Python helper's own failures: a helper process that dies says how (exit code or signal) with
 * its standard error, and output that is not JSON is reported as such with what was printed, never
 * as a bare JSON parse error. Node stands in for the interpreter, so this runs without Python.
 */
import { describe, expect, it } from "vitest";
import { parseOutput, type Python, runPython } from "../support/python.ts";

const node: Python = { command: process.execPath, executable: process.execPath, jsonschema: "none" };

describe("the Python helper", () => {
  it("reports a process that fails with its exit code and standard error", () => {
    expect(() => runPython(node, ["-e", "process.stderr.write('No module named jsonschema'); process.exit(2)"])).toThrow(
      /failed \(exit code 2\):\nNo module named jsonschema/,
    );
  });

  it("returns exit status 1 as an answer, with what was printed", () => {
    expect(runPython(node, ["-e", "process.stdout.write('[]'); process.exit(1)"])).toEqual({ status: 1, stdout: "[]" });
  });

  it("reports output that is not JSON with what was printed", () => {
    expect(() => parseOutput("validate_corpus.py --json", { status: 0, stdout: "" })).toThrow(/validate_corpus\.py --json \(exit code 0\) did not print JSON .*; it printed:\n$/);
    expect(() => parseOutput("validate_corpus.py --json", { status: 1, stdout: "Traceback" })).toThrow(/it printed:\nTraceback/);
  });
});
