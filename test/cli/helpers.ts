/**
 * Building workbooks for the command-line tests the way people fill them in, and running the CLI in
 * process with a fixed clock and its output captured.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CellValue, ColumnKey } from "../../src/core";
import { instantOfCivilDate, unitColumns } from "../../src/core";
import { runCli } from "../../src/local/cli/main";
import type { TabValues } from "../../src/local/xlsx/write";
import { workbookBytes, workbookFromTabs } from "../../src/local/xlsx/write";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

export { plan };

export function unitOf(unitId: string) {
  const unit = plan.units.find((u) => u.id === unitId);
  if (!unit) throw new Error("no unit " + unitId);
  return unit;
}

/** A Vietnamese date as the add-in's getValues gives it: midnight in Asia/Ho_Chi_Minh. */
export function vn(iso: string): Date {
  return instantOfCivilDate(iso);
}

export function headerOf(unitId: string): string[] {
  return unitColumns(plan, unitOf(unitId)).map((c) => c.header);
}

/** Fields of a row by column key, or by element id for data elements ("el:" added). */
export type RowFields = Partial<Record<ColumnKey | string, CellValue>>;

/** A row in the tab's canonical column order. */
export function rowOf(unitId: string, fields: RowFields): CellValue[] {
  return unitColumns(plan, unitOf(unitId)).map((c) => {
    const byKey = fields[c.key];
    if (byKey !== undefined) return byKey;
    return c.elementId !== undefined ? (fields[c.elementId] ?? null) : null;
  });
}

/** A unit's tab: header row and rows, in the plan's column order. */
export function tabOf(unitId: string, rows: RowFields[]): TabValues {
  return { name: unitOf(unitId).tabName, values: [headerOf(unitId), ...rows.map((r) => rowOf(unitId, r))] };
}

/** The unit's n-th task, as the plan writes it. */
export function task(unitId: string, n = 0): string {
  return unitOf(unitId).tasks[n]!;
}

/**
 * The police tab of the robustness tests: 20/03 Có, 1.500 workers, 12 reached, 1 report received and
 * handled; 28/04 10 reached, 2 received, 1 handled; 20/05 8 reached. For tháng 6/2023:
 * CT2a = 30 ÷ 1.500, CT5 = 2 ÷ 3, CT3 = 1 ÷ 11.
 */
export const POLICE_ROWS = [
  {
    date: vn("2023-03-20"),
    task: task("congAnXa"),
    coKeHoachLongGhep: "Có",
    laoDongCoSo: 1500,
    laoDongCoSoTuyenTruyen: 12,
    tinTiepNhan: 1,
    tinXuLyKipThoi: 1,
  },
  {
    date: vn("2023-04-28"),
    task: task("congAnXa", 5),
    laoDongCoSoTuyenTruyen: 10,
    tinTiepNhan: 2,
    tinXuLyKipThoi: 1,
  },
  { date: vn("2023-05-20"), task: task("congAnXa", 2), laoDongCoSoTuyenTruyen: 8 },
];

/** Quang Phục and Tân Kỳ, the two small communes beside the worked month's Quang Khải. */
export function smallCommunes(): Record<"Quang Phục" | "Tân Kỳ", TabValues[]> {
  return {
    "Quang Phục": [
      tabOf("congAnXa", [
        {
          date: vn("2023-05-20"),
          task: task("congAnXa"),
          coKeHoachLongGhep: "Có",
          laoDongCoSo: 10,
          laoDongCoSoTuyenTruyen: 10,
          tinTiepNhan: 1,
          tinXuLyKipThoi: 1,
        },
      ]),
    ],
    "Tân Kỳ": [
      tabOf("congAnXa", [
        { date: vn("2023-05-22"), task: task("congAnXa"), laoDongCoSo: 50, laoDongCoSoTuyenTruyen: 0 },
      ]),
    ],
  };
}

export async function writeWorkbook(path: string, tabs: readonly TabValues[]): Promise<void> {
  writeFileSync(path, await workbookBytes(workbookFromTabs(tabs)));
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

export interface TempDir {
  dir: string;
  path(name: string): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), "ke-hoach-cli-"));
  return {
    dir,
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in process, in `cwd`, with "now" fixed (default 25/06/2023 10:00 in Vietnam); `tty`
 * makes it believe its error stream is a terminal.
 */
export async function cli(
  argv: string[],
  cwd: string,
  now = new Date("2023-06-25T10:00:00+07:00"),
  tty = false,
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    cwd,
    now: () => now,
    stderrIsTTY: tty,
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}
