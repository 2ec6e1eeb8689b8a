#!/usr/bin/env node
// `npx ke-hoach-sheet …` from the repository: runs the TypeScript sources through tsx (installed by
// `npm ci`), so no build step is needed. See src/local/cli/main.ts.
import { register } from "tsx/esm/api";

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

register();
const { runCli } = await import("../src/local/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
