/**
 * The real command, as people run it: `bin/ke-hoach-sheet.mjs` in a child process (TypeScript through
 * tsx, no build step), and `npx ke-hoach-sheet` from the repository. Only what needs the process is run
 * as one (exit codes, the machine's time zone, a pipe, npx); each start costs a second or more of CPU,
 * so the runs of one test go side by side.
 */
import { execFile, spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, type TempDir, tempDir, writeWorkbook } from "./helpers";
import { workedMonthTabs } from "./worked-month";

const root = join(__dirname, "../..");
const bin = join(root, "bin/ke-hoach-sheet.mjs");

function run(
  args: string[],
  opts: { cwd: string; env?: Record<string, string> },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: "utf8", timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let tmp: TempDir;
beforeAll(async () => {
  tmp = tempDir();
  await writeWorkbook(tmp.path("xa.xlsx"), workedMonthTabs());
});
afterAll(() => tmp.remove());

describe("the ke-hoach-sheet command", () => {
  it("runs from a fresh shell: help, and exit code 2 for a file that is not a workbook", async () => {
    const [help, bad] = await Promise.all([
      run(["--help"], { cwd: tmp.dir }),
      run(["check", "khong-co.xlsx"], { cwd: tmp.dir }),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Cách dùng: ke-hoach-sheet <lệnh> [tuỳ chọn]");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Không tìm thấy tệp");
  });

  it("gives the same rollup whatever the machine's time zone (dates are Vietnamese days)", async () => {
    const args = ["rollup", "xa.xlsx", "--month", "2023-06", "--now", "2023-06-25", "--json"];
    const runs = await Promise.all(
      ["Asia/Ho_Chi_Minh", "America/Los_Angeles", "Pacific/Kiritimati"].map((tz) =>
        run(args, { cwd: tmp.dir, env: { TZ: tz } }),
      ),
    );
    const outputs = runs.map((r) => {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      return r.stdout;
    });
    const parsed = JSON.parse(outputs[0]!);
    expect(parsed.indicators.find((i: { id: string }) => i.id === "CT2a")).toMatchObject({
      numerator: 30,
      denominator: 90,
    });
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it("consolidate piped (not a terminal) draws no progress bar", async () => {
    const r = await run(["consolidate", ".", "--month", "2023-06", "--now", "2023-06-25"], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("TỔNG HỢP NHIỀU XÃ");
  });

  // In process: the exit code's way out of the process is the first test's.
  it("check exits with 1 when a row has an error", async () => {
    const r = await cli(["check", "xa.xlsx", "--now", "2023-06-05"], tmp.dir);
    // With "today" set to 05/06/2023, the rows dated 10/06 and 20/06 are in the future.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Lỗi\s+Công an xã, ô A5: Cột "Ngày": ngày 10\/06\/2023 chưa đến/);
  });

  it("is the package's bin: npx ke-hoach-sheet runs it from the repository", () => {
    const r = spawnSync("npx", ["--no-install", "ke-hoach-sheet", "plan", "--json"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).not.toMatch(/npm error/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe("ke-hoach-sheet/plan@1");
  });
});
