/**
 * Vitest's global set-up: looks once for what some tests need beyond the README's set-up (a Python
 * with jsonschema, the JSON Schema Test Suite beside the repository), hands the answers to the
 * tests, and prints one line for each that is missing. Outside CI those tests are then skipped;
 * with CI set they fail (see python.ts and test/generator/json-schema-test-suite.test.ts).
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { findPythons, MISSING_PYTHON } from "./python.ts";
import { MISSING_TEST_SUITE, TEST_SUITE_DIR } from "./test-suite.ts";

export default function setup(project: TestProject): void {
  const pythons = findPythons();
  project.provide("pythons", pythons);
  const suite = existsSync(TEST_SUITE_DIR);
  project.provide("testSuite", suite);
  const mode = process.env.CI ? "FAIL under CI" : "SKIPPED";
  if (pythons.length === 0) console.log(`${mode}: ${MISSING_PYTHON}`);
  if (!suite) console.log(`${mode}: ${MISSING_TEST_SUITE}`);
}
