import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The bundle tests and browser tests read build/, which `npm test` builds first.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
