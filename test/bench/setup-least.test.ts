/**
 * The least work of "Thiết lập / sửa bảng tính" (bench/least.ts setupLeast, setupCheckLeast) is the same
 * work as the add-in's: on two identical new spreadsheets, the add-in's setup (build/Code.js) and the
 * hand-written one leave the same spreadsheet as people see it; the hand-written check finds nothing to
 * change on either, and finds what a person damaged; the add-in, run on the hand-written one's sheet,
 * finds nothing of the sheet to change. The bench compares their Sheets calls (bench/run.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { leastBundle, OWNER, sheetsCalls } from "../../bench/edit-path";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment, type Environment } from "../../src/local/emulator/index";

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const CODE = readFileSync(join(__dirname, "../../build/Code.js"), "utf8");
const NOW = new Date("2023-12-20T09:00:00+07:00");

function fresh(code: string): Environment {
  const env = createEnvironment(appWorld({ owner: OWNER, now: NOW }));
  env.load(code);
  env.setUser(OWNER);
  return env;
}

/** Rows whose rules, formats and wraps are compared: the first, the next, one in the middle, the last. */
const SAMPLE_ROWS = [2, 3, 500, 1000];

/** Everything of a spreadsheet a person sees or the add-in relies on, tab by tab (not the sheet ids). */
function seen(env: Environment) {
  const app = env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = env.active as Ss;
  const tabs = ss.getSheets().map((s) => {
    const rows = Math.max(s.getLastRow(), 1);
    const width = Math.max(s.getLastColumn(), 1);
    const used = s.getRange(1, 1, rows, width);
    const editors = (p: GoogleAppsScript.Spreadsheet.Protection) =>
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort();
    return {
      name: s.getName(),
      hidden: s.isSheetHidden(),
      frozen: s.getFrozenRows(),
      grid: [s.getMaxRows(), s.getMaxColumns()],
      widths: Array.from({ length: width }, (_, c) => s.getColumnWidth(c + 1)),
      heights: Array.from({ length: rows }, (_, r) => s.getRowHeight(r + 1)),
      values: used.getValues(),
      notes: used.getNotes(),
      backgrounds: used.getBackgrounds(),
      weights: used.getFontWeights(),
      wraps: used.getWraps(),
      vertical: used.getVerticalAlignments(),
      formats: used.getNumberFormats(),
      below: SAMPLE_ROWS.filter((r) => r <= s.getMaxRows()).map((r) => {
        const row = s.getRange(r, 1, 1, width);
        return {
          row: r,
          formats: row.getNumberFormats()[0],
          wraps: row.getWraps()[0],
          vertical: row.getVerticalAlignments()[0],
          rules: row.getDataValidations()[0]!.map((d) =>
            d
              ? {
                  type: String(d.getCriteriaType()),
                  values: d.getCriteriaValues(),
                  help: d.getHelpText(),
                  allowInvalid: d.getAllowInvalid(),
                }
              : null,
          ),
        };
      }),
      protections: [
        ...s.getProtections(app.ProtectionType.SHEET).map((p) => ({
          description: p.getDescription(),
          range: "sheet",
          editors: editors(p),
          domain: p.canDomainEdit(),
        })),
        ...s.getProtections(app.ProtectionType.RANGE).map((p) => ({
          description: p.getDescription(),
          range: p.getRange().getA1Notation(),
          editors: editors(p),
          domain: p.canDomainEdit(),
        })),
      ],
      marks: s
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => [m.getKey(), m.getValue(), m.getLocation().getColumn()?.getColumn() ?? null]),
    };
  });
  return { locale: ss.getSpreadsheetLocale(), zone: ss.getSpreadsheetTimeZone(), tabs };
}

describe("setup's least (bench/least.ts) does the add-in's setup", () => {
  let addin: Environment;
  let least: Environment;
  let leastCalls: number;

  beforeAll(async () => {
    const code = await leastBundle();
    addin = fresh(CODE);
    addin.run("setupSpreadsheet");
    // The hand-written check, to run on the add-in's sheet too.
    addin.load(code);
    least = fresh(code);
    least.resetCalls();
    least.run("setupLeast");
    leastCalls = sheetsCalls(least);
  });

  it("leaves the same spreadsheet: tabs, order, headers, notes, looks, widths, rules, formats, protections, marks", () => {
    const a = seen(addin);
    const l = seen(least);
    expect(l.tabs.map((t) => t.name)).toEqual(a.tabs.map((t) => t.name));
    expect(a.tabs.length).toBe(16);
    expect([l.locale, l.zone]).toEqual([a.locale, a.zone]);
    for (const [i, tab] of l.tabs.entries()) expect(tab, tab.name).toEqual(a.tabs[i]);
  });

  it("is four Sheets calls: the spreadsheet, its id, one spreadsheets.get, one batchUpdate", () => {
    expect(leastCalls).toBe(4);
  });

  it("run again, the hand-written check finds nothing to change on either sheet, in three Sheets calls and no write", () => {
    for (const env of [addin, least]) {
      env.resetCalls();
      expect(env.run("setupCheckLeast")).toEqual([]);
      expect(sheetsCalls(env)).toBe(3);
      expect(env.calls.get("SpreadsheetsCollection.batchUpdate")).toBe(0);
    }
  });
});

describe("the hand-written check reads what it must to say nothing changed", () => {
  let code: string;
  beforeAll(async () => {
    code = await leastBundle();
  });
  const damaged = (damage: (ss: Ss, app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => void) => {
    const env = fresh(code);
    env.run("setupLeast");
    damage(env.active as Ss, env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp);
    return env.run("setupCheckLeast") as string[];
  };

  it("finds a rule removed from one cell far down a column, and a number format changed there", () => {
    expect(
      damaged((ss) => {
        const tab = ss.getSheetByName("Trạm Y tế")!;
        tab.getRange("E700").clearDataValidations();
        tab.getRange("A812").setNumberFormat("0.00");
      }),
    ).toEqual(["Trạm Y tế: format of A812", "Trạm Y tế: rule of E700"]);
  });

  it("finds a header typed over, a column mark gone, a protection's editor added, a log shown", () => {
    expect(
      damaged((ss, app) => {
        const police = ss.getSheetByName("Công an xã")!;
        police.getRange("B1").setValue("Việc");
        police
          .createDeveloperMetadataFinder()
          .withKey("ks.column")
          .find()
          .find((m) => m.getValue() === "content")!
          .remove();
        ss.getSheetByName("Tư pháp")!
          .getProtections(app.ProtectionType.SHEET)[0]!
          .addEditor("nguoi.la@example.com");
        ss.getSheetByName("Nhật ký sửa")!.showSheet();
      }),
    ).toEqual([
      "Công an xã: header 2",
      "Công an xã: mark of column 11",
      'Tư pháp: protection "ke-hoach-sheet: Công chức Tư pháp - Hộ tịch"',
      "Nhật ký sửa: hidden",
    ]);
  });

  it("finds the plan tab or the settings view edited", () => {
    expect(
      damaged((ss) => {
        ss.getSheetByName("Kế hoạch")!.getRange("B5").setValue("Kế hoạch khác");
        ss.getSheetByName("Cài đặt")!.getRange("B3").setValue("?");
      }),
    ).toEqual(["Kế hoạch: the plan", "Cài đặt: the settings"]);
  });
});

describe("the add-in, run on the sheet the hand-written setup made, finds nothing of it to change", () => {
  it("writes no cell, tab, rule, format or protection (only its own document properties and triggers)", async () => {
    const env = fresh(await leastBundle());
    env.run("setupLeast");
    // The add-in put in the project after: its first setup, on the sheet the hand-written one made.
    env.load(CODE);
    env.resetCalls();
    env.run("setupSpreadsheet");
    const writes = Object.entries(env.calls.counts).filter(([name]) =>
      /^(SpreadsheetsCollection\.batchUpdate|Spreadsheet\.insertSheet|Range\.set|Sheet\.(set|hide|clear))/.test(
        name,
      ),
    );
    expect(writes).toEqual([]);
  });
});
