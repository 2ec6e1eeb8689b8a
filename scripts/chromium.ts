/**
 * The browser tests drive a Chromium (playwright-core, no browser download). This finds one:
 * CHROMIUM_PATH if it names an executable, else chromium, chromium-browser, google-chrome or
 * google-chrome-stable on the PATH. Run as a script (first step of `npm test`, and so of .ci/run), it
 * installs Debian's chromium with apt when none is found and it runs as root with apt-get; otherwise it
 * stops at once with one line saying what to run.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

export const MISSING =
  'The browser tests need Chromium: run "sudo apt-get install -y chromium" (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable, then run npm test again.';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first program on PATH with one of these names. */
function onPath(names: string[], env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(delimiter).filter((d) => d !== "")) {
    for (const name of names) if (executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.CHROMIUM_PATH;
  if (given && executable(given)) return given;
  return onPath(NAMES, env);
}

function ensure(): void {
  const found = findChromium();
  if (found) return;
  const apt = onPath(["apt-get"], process.env);
  if (process.getuid?.() === 0 && apt) {
    console.error("Chromium not found: installing Debian's chromium with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    try {
      execFileSync(apt, ["update", "-qq"], { stdio: "inherit", env });
      execFileSync(apt, ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    } catch {
      // Said below: nothing was found.
    }
    const installed = findChromium();
    if (installed) {
      console.error(`Chromium installed: ${installed}`);
      return;
    }
  }
  console.error(MISSING);
  process.exit(1);
}

if (process.argv[1] && /chromium\.[cm]?[jt]s$/.test(process.argv[1])) ensure();
