import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The bundle tests and browser tests read build/, which `npm test` builds first.
    testTimeout: 60_000,
    // One test file at a time: the browser and workbench tests each drive Chromium and a server, and on
    // a 2-core machine running them side by side only makes them slow and flaky. The whole suite stays
    // at a few minutes.
    fileParallelism: false,
    hookTimeout: 60_000,
    // One Chromium for every browser test file (each makes its own contexts).
    globalSetup: ["test/browser-server.ts"],
  },
});
