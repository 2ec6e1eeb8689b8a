import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const repo = join(__dirname, "../..");

/** A throwaway copy of the sources, so a test can break them without touching the real tree. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), "ks-build-"));
  for (const part of ["src", "scripts", "appsscript.json", "package.json"]) {
    cpSync(join(repo, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"));
  return dir;
}

function build(dir: string) {
  return spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: dir, encoding: "utf8" });
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("npm run build", () => {
  it("refuses a menu item whose function the entry does not export, naming it", () => {
    const dir = sandbox();
    dirs.push(dir);
    const manifest = join(dir, "src/gas/manifest.ts");
    const text = readFileSync(manifest, "utf8").replace(
      "export const MENU_ENTRIES: readonly (MenuEntry | null)[] = [",
      'export const MENU_ENTRIES: readonly (MenuEntry | null)[] = [\n  { caption: "Nhập thử", functionName: "khongTonTai" },',
    );
    writeFileSync(manifest, text);
    const result = build(dir);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('"khongTonTai"');
    expect(result.stderr).toContain("Nhập thử");
  });

  it("refuses a trigger handler that is not exported, naming it", () => {
    const dir = sandbox();
    dirs.push(dir);
    const manifest = join(dir, "src/gas/manifest.ts");
    const text = readFileSync(manifest, "utf8").replace(
      /export const TRIGGER_HANDLERS: readonly string\[\] = \[/,
      'export const TRIGGER_HANDLERS: readonly string[] = [\n  "guiBaoCaoMa",',
    );
    writeFileSync(manifest, text);
    const result = build(dir);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('"guiBaoCaoMa"');
  });

  it("refuses a bundle that calls a global Apps Script lacks (setTimeout)", () => {
    const dir = sandbox();
    dirs.push(dir);
    const entry = join(dir, "src/gas/main.ts");
    writeFileSync(
      entry,
      `${readFileSync(entry, "utf8")}\nexport function later(): void { setTimeout(() => {}, 1); }\n`,
    );
    const result = build(dir);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("setTimeout");
  });

  it("refuses an entry point with two parameters, since the generated stubs pass one", () => {
    const dir = sandbox();
    dirs.push(dir);
    const entry = join(dir, "src/gas/main.ts");
    writeFileSync(
      entry,
      `${readFileSync(entry, "utf8")}\nexport function twoArgs(a: string, b: string): string { return a + b; }\n`,
    );
    const result = build(dir);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('"twoArgs" takes 2 parameters');
  });

  it("writes only what clasp pushes, and clasp status lists exactly those files", () => {
    const files = execFileSync("npx", ["clasp", "status"], { cwd: repo, encoding: "utf8" });
    const tracked = files
      .split("Untracked files:")[0]!
      .split("\n")
      .map((line) => line.replace(/^\W+/, "").trim())
      .filter((line) => line.startsWith("build/"));
    expect(tracked).toContain("build/Code.js");
    expect(tracked).toContain("build/appsscript.json");
    for (const file of tracked) expect(file).toMatch(/^build\/[^/]+\.(js|json|html)$/);
    const untrackedPart = files.split("Untracked files:")[1] ?? "";
    expect(untrackedPart).not.toMatch(/src\/|node_modules|test\//);
  });

  it("ships the manifest with the Vietnam time zone, V8 and a minimal scope list", () => {
    const manifest = JSON.parse(readFileSync(join(repo, "build/appsscript.json"), "utf8"));
    expect(manifest.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    const scopes: string[] = manifest.oauthScopes;
    expect(scopes).toContain("https://www.googleapis.com/auth/spreadsheets");
    expect(scopes).toContain("https://www.googleapis.com/auth/script.send_mail");
    // No full Drive and no Gmail: the copy is a spreadsheet and mail goes through MailApp.
    expect(scopes.some((s) => /auth\/drive$|auth\/drive\b(?!\.file)|gmail|mail\.google/.test(s))).toBe(false);
    // Setup's one read and one write (issue 17) go through the Sheets advanced service, v4; it needs no
    // scope beyond spreadsheets, already listed.
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: "Sheets", serviceId: "sheets", version: "v4" },
    ]);
    expect(scopes).toHaveLength(5);
  });
});
