// The recorder is the contract cases as one Apps Script file. Run here as Google would run it (the
// built file in a V8 context with only Apps Script globals, in a world bound to a spreadsheet named
// "Contract"), it must record for every case a script can check alone exactly the case's expected
// value, list the others as checks by hand, and bin the spreadsheets it made.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEnvironment } from "../../src/local/emulator/index";
import { NOW, OWNER } from "./case";
import { CASES } from "./cases/index";
import type { Recording } from "./recorder";

function build(): { code: string; manifest: { oauthScopes: string[]; timeZone: string } } {
  const dir = mkdtempSync(join(tmpdir(), "contract-recorder-"));
  execFileSync("node", [join(__dirname, "../../scripts/contract-record.mjs"), dir], { stdio: "ignore" });
  return {
    code: readFileSync(join(dir, "Code.js"), "utf8"),
    manifest: JSON.parse(readFileSync(join(dir, "appsscript.json"), "utf8")),
  };
}

describe("the contract recorder (npm run contract:record)", () => {
  const { code, manifest } = build();

  it("records every case a script can check alone, as the cases expect, and lists the rest for a person", () => {
    const env = createEnvironment({
      owner: OWNER,
      now: NOW,
      timeZone: manifest.timeZone,
      locale: "vi_VN",
      spreadsheetName: "Contract",
    });
    // Drive, which the emulator does not have: the recorder searches files to bin and writes one.
    const written: { name: string; content: string }[] = [];
    const binned: string[] = [];
    env.globals.DriveApp = {
      searchFiles(query: string) {
        const title = /title contains "([^"]+)"/.exec(query)?.[1] ?? "\u0000";
        const files = (env.spreadsheets.all() as GoogleAppsScript.Spreadsheet.Spreadsheet[]).filter((s) =>
          s.getName().includes(title),
        );
        return {
          hasNext: () => files.length > 0,
          next: () => {
            const ss = files.shift()!;
            return { setTrashed: () => binned.push(ss.getName()) };
          },
        };
      },
      createFile(name: string, content: string) {
        written.push({ name, content });
        return { getUrl: () => `https://drive.google.com/file/d/${written.length}` };
      },
    };
    env.load(code);
    expect(env.run("recordContract")).toBe("https://drive.google.com/file/d/1");

    expect(written.map((f) => f.name)).toEqual(["contract-results-2023-04-10.json"]);
    const recording = JSON.parse(written[0]!.content) as Recording;
    const recordable = CASES.filter((c) => c.manual === undefined);
    expect(Object.keys(recording.results).sort()).toEqual(recordable.map((c) => c.id).sort());
    for (const c of recordable) expect(recording.results[c.id]?.value, c.id).toEqual(c.expected);
    expect(recording.manual).toHaveLength(CASES.length - recordable.length);
    expect(recording.manual[0]).toMatch(/^[a-z-]+\.[a-z0-9-]+: .+/);
    expect(recording.account).toEqual({ locale: "vi", scriptTimeZone: "Asia/Ho_Chi_Minh" });
    expect(binned.length).toBeGreaterThan(20);
    expect(binned.every((name) => name.startsWith("contract: "))).toBe(true);
  });

  it("is one Apps Script file declaring recordContract, with the scopes it needs", () => {
    expect(code).toMatch(/\nfunction recordContract\(\) \{/);
    expect(manifest.oauthScopes).toEqual([
      "https://www.googleapis.com/auth/spreadsheets",
      "https://www.googleapis.com/auth/drive",
    ]);
  });
});
