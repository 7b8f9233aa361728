/**
 * Where the JSON Schema Test Suite's draft 2020-12 cases are: `../shared/json-schema-test-suite`
 * beside the repository (read-only under CI). The README's set-up does not fetch it.
 */
import { join } from "node:path";
import { ROOT } from "./corpus.ts";

export const TEST_SUITE_DIR = join(ROOT, "../shared/json-schema-test-suite/draft2020-12");

export const MISSING_TEST_SUITE = `no JSON Schema Test Suite at ${TEST_SUITE_DIR}: put the official draft2020-12 cases there to run the conformance test`;

declare module "vitest" {
  export interface ProvidedContext {
    testSuite: boolean;
  }
}
