/** Setup's Sheets calls alone (issue 17): `tsx bench/setup-calls.ts [--detail]` after `npm run build`. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appWorld } from "../src/local/app-world";
import { createEnvironment } from "../src/local/emulator/index";
import { OWNER, sheetsCalls } from "./edit-path";

const env = createEnvironment(appWorld({ owner: OWNER, now: new Date("2023-12-20T09:00:00+07:00") }));
env.load(readFileSync(join(import.meta.dirname, "../build/Code.js"), "utf8"));
env.setUser(OWNER);
const detail = process.argv.includes("--detail");
for (const label of ["empty", "again"]) {
  env.resetCalls();
  env.run("setupSpreadsheet");
  console.log(label, sheetsCalls(env), `(${env.calls.total})`);
  if (detail)
    console.log(
      Object.entries(env.calls.counts)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `  ${v} ${k}`)
        .join("\n"),
    );
}
