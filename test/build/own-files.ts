/**
 * A set-up sheet whose project files are a copy of build/ (the emulator's HtmlService serves that copy),
 * so that a test can take a part away, and the names of the files the script reads through
 * HtmlService.createHtmlOutputFromFile from then on (a page shown or a part compiled). Used by the tests
 * of the parts loaded on first use; the copies are removed after each test.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment } from "../../src/local/emulator/index";
import { APRIL_10, CODE, OWNER, setUpSheet } from "../gas/harness";

export const BUILD = join(__dirname, "../../build");

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function setUpWithOwnFiles() {
  const dir = mkdtempSync(join(tmpdir(), "ks-own-files-"));
  dirs.push(dir);
  cpSync(BUILD, dir, { recursive: true });
  const env = createEnvironment(appWorld({ owner: OWNER, now: APRIL_10, htmlDir: dir }));
  env.load(CODE);
  setUpSheet(env);
  const read: string[] = [];
  const html = env.globals.HtmlService as Record<string, unknown>;
  env.globals.HtmlService = new Proxy(html, {
    get(target, key) {
      const value = target[key as string];
      if (key !== "createHtmlOutputFromFile" || typeof value !== "function") return value;
      return (name: string) => {
        read.push(name);
        return value.call(target, name);
      };
    },
  });
  return { env, dir, read };
}
