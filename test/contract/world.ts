// Runs a contract case in the emulator: a fresh world, the case's script loaded, the case run, and the
// Apps Script methods it called.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEnvironment, type Environment } from "../../src/local/emulator/index";
import { type ContractCase, type Gas, type Json, NOW, OWNER } from "./case";

export interface Outcome {
  result: Json;
  env: Environment;
}

/** A folder holding the case's HTML files, as a project's files would be. */
function htmlDir(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "contract-pages-"));
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, `${name}.html`), html);
  return dir;
}

export function worldFor(c: ContractCase): Environment {
  return createEnvironment({
    ...(c.pages ? { htmlDir: htmlDir(c.pages) } : {}),
    owner: OWNER,
    now: NOW,
    timeZone: "Asia/Ho_Chi_Minh",
    locale: "vi_VN",
    spreadsheetName: "Contract",
    ...c.world,
  });
}

export function runCase(c: ContractCase): Outcome {
  const env = worldFor(c);
  if (c.script !== undefined) env.load(c.script);
  env.resetCalls();
  const result = c.run(env.globals as unknown as Gas, env);
  return { result, env };
}
