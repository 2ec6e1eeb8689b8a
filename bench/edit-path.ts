/**
 * Issue 17's edit path: Sheets calls of one edit (a typed cell, a pasted block of 500 rows), of a
 * sidebar submission, and of the monthly run at 11 tabs × 20,000 rows, each through the built bundle,
 * beside its goal and beside the least work the same action needs (bench/least.ts, a hand-written
 * handler run in the same emulator on the same spreadsheet, counted the same way), with the ratio.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import type { ColumnIndex } from "../src/core/columns";
import { unitColumns } from "../src/core/columns";
import { appWorld } from "../src/local/app-world";
import { createEnvironment, type Environment } from "../src/local/emulator/index";
import { quangKhai2023 as plan } from "../src/plans/quang-khai-2023";

const root = join(import.meta.dirname, "..");
export const OWNER = "chu.tich@quangkhai.example";
export const POLICE = "cong.an@quangkhai.example";
const TAB = "Công an xã";
const TASK = "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm";

/**
 * Calls that reach the spreadsheet: every method of a spreadsheet object (Spreadsheet, Sheet, Range,
 * RangeList, Protection, developer metadata and its finder's `find`), and each request of the Sheets
 * advanced service (Sheets.Spreadsheets.get, .batchUpdate, counted as SpreadsheetsCollection.…, and
 * .Values.batchGet, as ValuesCollection.…: one call
 * per request, as Google bills it). Building a data-validation rule
 * or a metadata query (newDataValidation, the finder's with… methods) happens in the script: left out.
 */
export function sheetsCalls(env: Environment): number {
  return Object.entries(env.calls.counts)
    .filter(([name]) => isSheetsCall(name))
    .reduce((n, [, c]) => n + c, 0);
}

/** Whether a counted call ("Service.method") is a Sheets call, as sheetsCalls counts them. */
export function isSheetsCall(name: string): boolean {
  return (
    /^(Range|RangeList|Sheet|Spreadsheet|SpreadsheetApp|Protection|DeveloperMetadata\w*|SpreadsheetsCollection|ValuesCollection)\./.test(
      name,
    ) &&
    name !== "SpreadsheetApp.newDataValidation" &&
    !/^DeveloperMetadataFinder\.(with|on)/.test(name)
  );
}

/** The sheet set up by the add-in as the office, with the police's editor in settings. */
export function setUp(now = new Date("2023-12-20T09:00:00+07:00")): Environment {
  const env = createEnvironment(appWorld({ owner: OWNER, now }));
  env.load(readFileSync(join(root, "build/Code.js"), "utf8"));
  env.setUser(OWNER);
  env.run("setupSpreadsheet");
  const saved = env.runFromClient("saveSettings", [
    {
      chairmanEmail: OWNER,
      approval: "direct",
      upperLevelName: "UBND huyện Tứ Kỳ",
      upperLevelEmails: ["lanhdao@tuky.example"],
      unitEditors: { congAnXa: [POLICE] },
      periodRule: "cutoff",
      sendDay: 15,
      sendHour: 7,
      reminderDaysBefore: 3,
    },
  ]);
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return env;
}

/** A plausible valid row for a unit, by header, for the i-th entry (dates spread over the plan year). */
export function rowFor(headers: string[], unitId: string, i: number): (string | number | Date)[] {
  const unit = plan.units.find((u) => u.id === unitId)!;
  const columns = unitColumns(plan, unit);
  const day = new Date(Date.UTC(2023, 2, 15) + ((i * 7919) % 270) * 86400000);
  return headers.map((h) => {
    const c = columns.find((x) => x.header === h);
    if (!c) return "";
    switch (c.kind) {
      case "date":
        return new Date(day.getTime() - 7 * 3600 * 1000);
      case "list":
        return c.options![i % c.options!.length]!;
      case "yesno":
        return i % 3 === 0 ? "Có" : "";
      case "whole":
      case "money":
        return (i * 37) % 50;
      case "text":
        return c.key === "content" ? `Hoạt động số ${i}` : "";
      default:
        return "";
    }
  });
}

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

function headersOf(env: Environment, tab: string): string[] {
  const sheet = (env.active as Ss).getSheetByName(tab)!;
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
}

/** Fills every unit tab with `rows` rows by script writes (which fire no trigger), one block per tab. */
export function fill(env: Environment, rows: number): void {
  const ss = env.active as Ss;
  for (const unit of plan.units) {
    const sheet = ss.getSheetByName(unit.tabName)!;
    const headers = headersOf(env, unit.tabName);
    const block = Array.from({ length: rows }, (_, i) => rowFor(headers, unit.id, i));
    // A new sheet has 1,000 rows; Sheets refuses writes beyond them.
    if (sheet.getMaxRows() < rows + 1)
      sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
    sheet.getRange(2, 1, rows, headers.length).setValues(block);
  }
}

/** The least-work program (bench/least.ts) for this sheet's layout, as one Apps Script file. */
async function leastCode(env: Environment): Promise<string> {
  const ss = env.active as Ss;
  const tabs: Record<string, { tab: string; unit: string; at: ColumnIndex; width: number }> = {};
  for (const unit of plan.units) {
    const sheet = ss.getSheetByName(unit.tabName)!;
    const headers = headersOf(env, unit.tabName);
    const at: ColumnIndex = {};
    for (const c of unitColumns(plan, unit)) at[c.key] = headers.indexOf(c.header);
    tabs[String(sheet.getSheetId())] = { tab: unit.tabName, unit: unit.id, at, width: headers.length };
  }
  return leastBundle(tabs);
}

/**
 * The least-work program given where each unit tab's columns are (none for a spreadsheet not set up:
 * setup's least needs none).
 */
export async function leastBundle(
  tabs: Record<string, { tab: string; unit: string; at: ColumnIndex; width: number }> = {},
): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [join(root, "bench/least.ts")],
    bundle: true,
    format: "iife",
    globalName: "L",
    platform: "neutral",
    target: "es2020",
    write: false,
    logLevel: "error",
    define: { LEAST_TABS: JSON.stringify(tabs) },
  });
  const names = [
    "onEditInstalled",
    "onChangeInstalled",
    "submitLeast",
    "rollupLeast",
    "setupLeast",
    "setupCheckLeast",
  ];
  const stubs = names.map((n) => `function ${n}(){return L.${n}.apply(this,arguments)}`).join("\n");
  return `${out.outputFiles[0]!.text}\n${stubs}`;
}

/** Two identical sheets: one runs the add-in, the other the least-work program. */
export async function leastPair(): Promise<[Environment, Environment]> {
  const addin = setUp();
  const least = setUp();
  least.load(await leastCode(least));
  return [addin, least];
}

interface Row {
  action: string;
  ours: number;
  all: number;
  least: number;
  goal: number | null;
}

function measure(env: Environment, act: () => void): [number, number] {
  env.resetCalls();
  act();
  return [sheetsCalls(env), env.calls.total];
}

function both(
  rows: Row[],
  action: string,
  goal: number | null,
  [a, l]: [Environment, Environment],
  act: (env: Environment) => void,
): void {
  const [ours, all] = measure(a, () => act(a));
  const [least] = measure(l, () => act(l));
  rows.push({ action, ours, all, least, goal });
}

function ratio(ours: number, least: number): string {
  return least > 0 ? `× ${(ours / least).toFixed(2)}` : "";
}

export async function editPath(): Promise<string[]> {
  const rows: Row[] = [];
  const envs = await leastPair();
  const headers = headersOf(envs[0], TAB);
  const width = headers.length;
  const col = (h: string) => String.fromCharCode(65 + headers.indexOf(h));
  for (const env of envs) env.setUser(POLICE);
  both(rows, "a typed cell: the first of a new row (its marks change)", 10, envs, (env) =>
    env.userEdit(TAB, "A2", "05/04/2023", { typed: true }),
  );
  both(rows, "a typed cell: the task of that row (marks change again)", 10, envs, (env) =>
    env.userEdit(TAB, "B2", TASK, { typed: true }),
  );
  const figure = `${col("Lượt kiểm tra cơ sở kinh doanh dịch vụ (lượt)")}2`;
  both(rows, "a typed cell: a figure of a valid row (no mark changes)", 10, envs, (env) =>
    env.userEdit(TAB, figure, "2", { typed: true }),
  );
  const block = Array.from({ length: 500 }, (_, i) =>
    rowFor(headers, "congAnXa", i).map((v) => (v instanceof Date ? "05/04/2023" : String(v))),
  );
  const last = String.fromCharCode(64 + width);
  both(rows, "a pasted block of 500 valid rows", 10, envs, (env) =>
    env.userEdit(TAB, `A3:${last}502`, block, { typed: true }),
  );
  const wrong = block.map((r) => r.map((v, c) => (c === headers.indexOf(headers[9]!) ? "mười" : v)));
  both(rows, "the same 500 rows pasted again, a figure of each wrong", 10, envs, (env) =>
    env.userEdit(TAB, `A3:${last}502`, wrong, { typed: true }),
  );
  const entry = (content: string) => ({
    unitId: "congAnXa",
    fields: { date: "06/04/2023", task: TASK, form: "Kiểm tra", "el:luotKiemTra": "1", content },
  });
  both(rows, "a sidebar submission by the unit's staff", 12, envs, (env) =>
    env === envs[0]
      ? env.runFromClient("submitEntry", [entry("Kiểm tra quán karaoke")])
      : env.run("submitLeast", "congAnXa", entry("Kiểm tra quán karaoke").fields, false),
  );
  both(rows, "a sidebar submission by the staff, with a warning (a phone number)", 12, envs, (env) =>
    env === envs[0]
      ? env.runFromClient("submitEntry", [entry("Gọi 0912 345 678")])
      : env.run("submitLeast", "congAnXa", entry("Gọi 0912 345 678").fields, false),
  );
  for (const env of envs) env.setUser(OWNER);
  // The office's first submission also writes the staff's log lines that waited (two calls more).
  both(
    rows,
    "a sidebar submission by the office, writing the staff's waiting log lines too",
    12,
    envs,
    (env) =>
      env === envs[0]
        ? env.runFromClient("submitEntry", [entry("Kiểm tra quán karaoke")])
        : env.run("submitLeast", "congAnXa", entry("Kiểm tra quán karaoke").fields, true),
  );
  both(rows, "a sidebar submission by the office, with a warning", 12, envs, (env) =>
    env === envs[0]
      ? env.runFromClient("submitEntry", [entry("Gọi 0912 345 678")])
      : env.run("submitLeast", "congAnXa", entry("Gọi 0912 345 678").fields, true),
  );
  // After the office inserts a column, the add-in reads its column marks again (once per tab).
  envs[0].userInsertColumns(TAB, width, 1);
  envs[0].setUser(POLICE);
  const [afterColumns, afterAll] = measure(envs[0], () =>
    envs[0].userEdit(TAB, figure, "3", { typed: true }),
  );
  const lines = [
    "## Sheets calls of an edit and a submission",
    "",
    "Through the built bundle in the emulator; **least**: bench/least.ts, the same work written by hand with the " +
      "columns as constants (no roles, guard, column marks, locks), run on an identical sheet in the same run and " +
      "counted the same way, with the same technique: the block's values by getValues, its notes and colours, the " +
      "time zone and the log's id in one Sheets API spreadsheets.get, marks, status, who, when and the log line in " +
      "one batchUpdate, the tab read whole for the cross-field rules only when the block has a figure they compare " +
      "(the pasted rows: 2 calls). A Sheets call is any method of a spreadsheet object (Range, Sheet, Spreadsheet, " +
      "RangeList, Protection, developer metadata, a metadata finder's find) and each Sheets API request; building " +
      "a validation rule or a metadata query is the script's. In brackets, every Apps Script call of the add-in " +
      "(properties, the trigger's guard, the on-change trigger that Google fires with every edit).",
    "",
    "| action | add-in (all calls) | goal | least | add-in ÷ least |",
    "|---|---:|---|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.action} | ${r.ours} (${r.all}) | ${r.goal === null ? "" : `≤ ${r.goal} ${r.ours <= r.goal ? "ok" : "**OVER**"}`} | ${r.least} | ${ratio(r.ours, r.least)} |`,
    ),
    `| the first edit after the office inserted a column (the column marks read again) | ${afterColumns} (${afterAll}) |  |  |  |`,
  ];
  return lines;
}
