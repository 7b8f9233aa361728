import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Finds a Python with jsonschema and the JSON Schema Test Suite once, saying in one line what is missing.
    globalSetup: ["test/support/prerequisites.ts"],
    testTimeout: 60_000,
    reporters: ["default"],
  },
});
