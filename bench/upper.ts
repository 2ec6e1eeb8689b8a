/**
 * Issue 16, point 4: the upper level at a province's and the country's scale, through the built bundle
 * in the emulator (src/local/upper-world.ts), with the emulator's call counts and the same estimate as the
 * monthly rollup (calls × 100 ms + cells moved ÷ 100,000 × 1 s + CPU × 3):
 * - a commune's push: its Sheets calls, with an intake file holding one period and nine;
 * - the upper level's read of 300 communes' files into its intake (every file new: the worst run);
 * - the upper level's views of 300 communes × 12 periods × 9 indicators, from the intake, in core;
 * - the intake of 3,300 communes × 12 periods × 9 indicators beside a spreadsheet's 10 million cells.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue } from "../src/core/cell";
import type { Plan } from "../src/core/plan";
import type { IntakeRecord } from "../src/core/upper";
import { communesForPeriod } from "../src/core/upper-report";
import { createIntake, INTAKE_HEADER, intakeRows, mergeIntake, readIntake } from "../src/core/upper";
import { COMMUNE_FILE_HEADER } from "../src/core/intake-file";
import type { Environment } from "../src/local/emulator/index";
import {
  approve,
  at,
  COMMUNE_ROWS,
  COMMUNES,
  communeSheet,
  intakeLink,
  UPPER_OFFICE,
  upperWorkbook,
} from "../src/local/upper-world";
import { quangKhai2023 } from "../src/plans/quang-khai-2023";

const PER_CALL_S = 0.1;
const PER_CELL_S = 1 / 100_000;
const CPU_FACTOR = 3;
const CELL_LIMIT = 10_000_000;

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const vn = (s: string) => new Date(`${s}+07:00`);

function sheetsCalls(env: Environment): number {
  return (
    Object.entries(env.calls.counts)
      // The Sheets advanced service's requests count as one call each (tables are written with batchUpdate).
      .filter(([name]) =>
        /^(Range|Sheet|Spreadsheet|SpreadsheetApp|Protection|SpreadsheetsCollection|ValuesCollection)\./.test(
          name,
        ),
      )
      .reduce((n, [, c]) => n + c, 0)
  );
}

function cpuOf(run: () => void): number {
  const t0 = process.cpuUsage();
  run();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
}

/** The commune's "Gửi lại" of April, with and without an intake file, and with one holding more periods. */
function pushCalls(code: string): string[] {
  const upper = upperWorkbook(code, vn("2023-04-10T09:00:00"), { communes: COMMUNES.slice(0, 2) });
  upper.setUser(UPPER_OFFICE);
  upper.run("syncCommunesNow");
  const [a, b] = [COMMUNES[0]!, COMMUNES[1]!];
  const withFile = communeSheet(code, upper.drive, a, vn("2023-04-10T09:00:00"), intakeLink(upper, a.name));
  // The same rows in both sheets: the sends differ by the push alone.
  const without = communeSheet(code, upper.drive, b, vn("2023-04-10T09:00:00"), "", COMMUNE_ROWS[a.name]);
  const worlds = [withFile, without];
  at(worlds, vn("2023-04-15T07:00:00"));
  approve(withFile, a.chairman, "2023-04");
  approve(without, b.chairman, "2023-04");
  at(worlds, vn("2023-04-15T08:00:00"));
  const resend = (env: Environment, office: string) => {
    env.setUser(office);
    env.resetCalls();
    const r = env.runFromClient("sendReportNow", [{ periodKey: "2023-04", resend: true }]);
    if (!r.ok) throw new Error(r.error);
    return sheetsCalls(env);
  };
  const plain = resend(without, b.office);
  const one = resend(withFile, a.office);
  // Eight more periods already in the file (written as the commune's add-in would have).
  const file = upper.spreadsheets.byId(/\/d\/([^/]+)/.exec(intakeLink(upper, a.name))![1]!) as unknown as Ss;
  const rows: CellValue[][] = [];
  for (let m = 5; m <= 12; m++) {
    for (const ind of quangKhai2023.indicators) {
      rows.push([
        quangKhai2023.id,
        a.name,
        `2023-${String(m).padStart(2, "0")}`,
        ind.id,
        1,
        2,
        "",
        vn("2023-05-15T08:00:00"),
        "",
      ]);
    }
  }
  file.getSheets()[0]!.getRange(11, 1, rows.length, COMMUNE_FILE_HEADER.length).setValues(rows);
  const nine = resend(withFile, a.office);
  return [
    '**A commune\'s push** ("Gửi lại" of tháng 4/2023 through the bundle: the report, then its nine rows written into the intake file).',
    "",
    "| the commune's sheet | Sheets calls of the whole send | of which the push |",
    "|---|---:|---:|",
    `| no intake file in settings | ${plain} | – |`,
    `| intake file holding 1 period (9 rows) | ${one} | ${one - plain} |`,
    `| intake file holding 9 periods (81 rows) | ${nine} | ${nine - plain} |`,
  ];
}

/** `n` communes in the table, their files made, each filled with `periods` × 9 rows. */
function province(code: string, n: number, periods: string[]): Environment {
  const communes = Array.from({ length: n }, (_, i) => {
    const tag = String(i + 1).padStart(4, "0");
    return { name: `Xã ${tag}`, office: `vanphong@xa${tag}.example`, chairman: `chutich@xa${tag}.example` };
  });
  const upper = upperWorkbook(code, vn("2023-12-10T09:00:00"), { communes });
  upper.setUser(UPPER_OFFICE);
  upper.run("syncCommunesNow");
  const table = (upper.active as Ss).getSheetByName("Danh sách xã")!.getDataRange().getValues();
  const sent = vn("2023-04-15T08:00:00");
  for (const row of table.slice(1)) {
    const id = /\/d\/([^/]+)/.exec(String(row[3]))![1]!;
    const body: CellValue[][] = [];
    for (const p of periods) {
      quangKhai2023.indicators.forEach((ind, k) => {
        const den = ind.kind === "frequency" ? 1 : 40 + k;
        body.push([quangKhai2023.id, String(row[0]), p, ind.id, (k * 7) % (den + 1), den, "", sent, ""]);
      });
    }
    const file = upper.spreadsheets.byId(id) as unknown as Ss;
    file.getSheets()[0]!.getRange(2, 1, body.length, COMMUNE_FILE_HEADER.length).setValues(body);
  }
  return upper;
}

function pull(code: string): string[] {
  const periods = [
    "2023-04",
    "2023-05",
    "2023-06",
    "2023-07",
    "2023-08",
    "2023-09",
    "2023-10",
    "2023-11",
    "2023-12",
  ];
  const upper = province(code, 300, periods);
  const rows = 300 * periods.length * quangKhai2023.indicators.length;
  const run = (label: string, written: boolean) => {
    upper.setUser(UPPER_OFFICE);
    upper.resetCalls();
    const cpu = cpuOf(() => upper.run("syncCommunesNow"));
    const calls = sheetsCalls(upper);
    // Each file read whole (header + rows), the intake read (and written when something arrived), the
    // table read and its own columns written.
    const cells =
      300 * (periods.length * 9 + 1) * COMMUNE_FILE_HEADER.length +
      (written ? 2 : 1) * rows * INTAKE_HEADER.length +
      301 * 8 * 2;
    const estimate = calls * PER_CALL_S + cells * PER_CELL_S + cpu * CPU_FACTOR;
    return `| ${label} | ${calls} | ${upper.calls.get("SpreadsheetApp.openById")} | ${cells.toLocaleString("en")} | ${cpu.toFixed(2)} s | ${estimate.toFixed(0)} s |`;
  };
  return [
    `**The upper level reads 300 communes' files** ("Nhận số liệu các xã ngay" through the bundle; each file holds the plan's ${periods.length} periods × 9 indicators, ${rows.toLocaleString("en")} rows in all). Reading stops after 240 s of a run and the files read longest ago go first, so what a run cannot reach is read by the next hourly one; the limit is 360 s.`,
    "",
    "| run | Sheets calls | files opened | cells moved | CPU (Node) | estimated in Google |",
    "|---|---:|---:|---:|---:|---:|",
    run("every row new to the intake", true),
    run("nothing new (the hourly run of an ordinary day)", false),
  ];
}

/** A plan of 12 calendar months, for the 12 periods (the 2023 plan has 9 under the cut-off rule). */
function twelveMonths(): Plan {
  return { ...quangKhai2023, startDate: "2023-01-01", periodRule: "calendar" };
}

function views(communes: number): { cpu: number; rows: number } {
  const plan = twelveMonths();
  const rule = "calendar" as const;
  const periods = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, "0")}`);
  const names = Array.from({ length: communes }, (_, i) => `Xã ${i + 1}`);
  const sent = "2023-01-31T01:00:00.000Z";
  const records: IntakeRecord[] = [];
  for (const commune of names) {
    for (const period of periods) {
      plan.indicators.forEach((ind, k) => {
        const den = ind.kind === "frequency" ? 1 : 40 + k;
        records.push({
          planCode: plan.id,
          commune,
          period,
          indicatorId: ind.id,
          numerator: k % (den + 1),
          denominator: den,
          status: "Đạt",
          sentAt: sent,
          approvedBy: "",
          firstSentAt: sent,
          versions: 1,
        });
      });
    }
  }
  const cpu = cpuOf(() => {
    const intake = createIntake(readIntake([[...INTAKE_HEADER], ...intakeRows(records, plan, names)]));
    mergeIntake(intake, names[0]!, plan.id, [], plan, rule, { at: sent, previous: null });
    for (const period of periods) communesForPeriod(plan, rule, period, names, intake.records, 1);
  });
  return { cpu, rows: records.length };
}

export function upperBench(): string[] {
  const code = readFileSync(join(import.meta.dirname, "../build/Code.js"), "utf8");
  const lines = [
    "## The upper level (issue 16)",
    "",
    "Through the built bundle in the emulator (src/local/upper-world.ts); estimate = calls × 100 ms + cells moved ÷ 100,000 × 1 s + CPU × 3, as for the monthly rollup.",
    "",
    ...pushCalls(code),
    "",
    ...pull(code),
  ];
  const province = views(300);
  const country = views(3300);
  const countryCells = country.rows * INTAKE_HEADER.length;
  lines.push(
    "",
    "**Views from the intake, in core** (the intake tab parsed, indexed, and each of 12 periods' communes judged; the Sheets side is one read of the intake).",
    "",
    "| communes × 12 periods × 9 indicators | intake rows | cells (× " +
      INTAKE_HEADER.length +
      " columns) | CPU (Node) | estimated in Google (one read + CPU × 3) |",
    "|---:|---:|---:|---:|---:|",
    `| 300 | ${province.rows.toLocaleString("en")} | ${(province.rows * INTAKE_HEADER.length).toLocaleString("en")} | ${province.cpu.toFixed(2)} s | ${(PER_CALL_S * 2 + province.rows * INTAKE_HEADER.length * PER_CELL_S + province.cpu * CPU_FACTOR).toFixed(1)} s |`,
    `| 3,300 | ${country.rows.toLocaleString("en")} | ${countryCells.toLocaleString("en")} | ${country.cpu.toFixed(2)} s | ${(PER_CALL_S * 2 + countryCells * PER_CELL_S + country.cpu * CPU_FACTOR).toFixed(1)} s |`,
    "",
    `**The intake at the country's scale**: 3,300 communes × 12 periods × 9 indicators = ${country.rows.toLocaleString("en")} rows × ${INTAKE_HEADER.length} columns = ${countryCells.toLocaleString("en")} cells, ${((countryCells / CELL_LIMIT) * 100).toFixed(0)} % of a spreadsheet's 10,000,000 cells (the other tabs add about 3,300 × 8 for the table and 3,300 × 12 for the period's view). A second year would not fit beside it; reading 3,300 files at 4 calls each (13,200 calls, about 22 minutes at 100 ms) takes several hourly runs. Beyond, BigQuery through Connected Sheets (design notes).`,
  );
  return lines;
}
