#!/usr/bin/env node
/**
 * Builds the contract recorder (test/contract/recorder.ts and the cases) into build-contract/, an Apps
 * Script project a person with a Google account pushes with clasp and runs once (README: "Recording the
 * contract on Google"). Files already there (.clasp.json from `clasp create-script`) are kept.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// The output folder: build-contract/, or the one given (the recorder's test builds into a temporary one).
const out = process.argv[2] ?? join(root, "build-contract");
const GLOBAL = "_Contract";

const result = await esbuild.build({
  entryPoints: [join(root, "test/contract/recorder.ts")],
  bundle: true,
  format: "iife",
  globalName: GLOBAL,
  platform: "neutral",
  target: "es2020",
  charset: "utf8",
  legalComments: "none",
  write: false,
  logLevel: "warning",
});
// Apps Script lists (and runs) top-level function declarations only.
const code = `${result.outputFiles[0].text}\nfunction recordContract() { return ${GLOBAL}.recordContract(); }\n`;
for (const [pattern, name] of [
  [/\brequire\s*\(/, "require"],
  [/\bprocess\./, "process"],
  [/\bsetTimeout\s*\(/, "setTimeout"],
]) {
  if (pattern.test(code)) {
    console.error(`contract:record: the recorder uses ${name}, which Apps Script does not have`);
    process.exit(1);
  }
}
// It must at least evaluate: the cases are defined at load time.
vm.runInNewContext(code, {});

const manifest = {
  // Session.getScriptTimeZone in the cases is the project's zone, as in the emulator's contract world.
  timeZone: "Asia/Ho_Chi_Minh",
  runtimeVersion: "V8",
  exceptionLogging: "STACKDRIVER",
  oauthScopes: [
    "https://www.googleapis.com/auth/spreadsheets",
    // Writing the results file and binning the cases' spreadsheets.
    "https://www.googleapis.com/auth/drive",
  ],
  // The Sheets advanced service's cases (test/contract/cases/sheets-api.ts), as the add-in enables it.
  dependencies: { enabledAdvancedServices: [{ userSymbol: "Sheets", serviceId: "sheets", version: "v4" }] },
};
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "Code.js"), code);
writeFileSync(join(out, "appsscript.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${join(out, "Code.js")}: ${Buffer.byteLength(code)} bytes; push it with clasp (README).`);
