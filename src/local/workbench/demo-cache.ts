/**
 * The demo workbook is typed row by row through the bundle (2–4 s); the same bundle, emulator and demo
 * always give the same workbook, so it is made once and kept, named by a hash of all three, in the
 * system's temporary folder. A first start, "Làm lại từ đầu" and every test's fresh workbench then
 * restore it instead of typing it again. Anything that could change the result changes the name.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EnvironmentState } from "../emulator/index";
import { REPO_ROOT } from "../repo-root";
import { createDemoEnvironment, DEMO_NOW, DEMO_SETTINGS, demoRows } from "./demo";

const HERE = join(REPO_ROOT, "src/local/workbench");
const CACHE_DIR = join(tmpdir(), "ke-hoach-sheet-demo");

/** Every source the demo's making depends on besides the bundle: the emulator, the demo, the world. */
function sources(): string[] {
  const emulator = join(HERE, "../emulator");
  const files = readdirSync(emulator, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => join(emulator, f));
  return [...files, join(HERE, "demo.ts"), join(HERE, "../app-world.ts")];
}

function key(code: string): string {
  const h = createHash("sha256").update(code);
  for (const file of sources()) h.update(file).update(readFileSync(file));
  h.update(JSON.stringify({ rows: demoRows(), settings: DEMO_SETTINGS, now: DEMO_NOW }));
  return h.digest("hex").slice(0, 32);
}

/** The demo workbook's state, from the cache or made now (and kept); `uuid` as the workbench draws ids. */
export function demoState(code: string, htmlDir: string, uuid: () => string): EnvironmentState {
  const file = join(CACHE_DIR, `${key(code)}.json`);
  if (existsSync(file)) {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as EnvironmentState;
    } catch {
      // A damaged copy is made again below.
    }
  }
  const state = createDemoEnvironment({ code, htmlDir, uuid }).snapshot();
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch {
    // Only a cache: without it the next demo is typed again.
  }
  return state;
}
