import { defineConfig } from "vitest/config";

/** Files that drive Chromium: they run one at a time, after the rest. */
const BROWSER = ["test/ui/**/*.test.ts", "test/workbench/**/*.e2e.test.ts"];

export default defineConfig({
  test: {
    // The bundle tests and browser tests read build/, which `npm test` builds first.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The files of a worker share their imported modules instead of importing the sources anew for each
    // file: importing was half of the suite's CPU time (a test file that changed what a module holds
    // would show here; none does, the emulator and the plans are made per test).
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: BROWSER,
          // Two at a time: these are CPU-bound and independent.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: BROWSER,
          // One at a time, after the rest: Chromium tests side by side on 2 cores were slow enough to fail.
          fileParallelism: false,
          // One Chromium for them all (test/ui/browser.ts).
          globalSetup: ["test/browser-setup.ts"],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
