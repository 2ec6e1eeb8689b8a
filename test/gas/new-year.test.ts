/**
 * "Tạo kế hoạch năm mới…" through the built bundle: only the office may; the new spreadsheet is a copy
 * with next year's plan, no data, last year's stocks offered; the old one becomes the read-only archive;
 * the copy's own bound script (a new project, no properties: contract case
 * drive.copy-has-its-own-script-properties) passes setup with the carried settings and sharing, and a
 * month of entries rolls up as in 2023.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Environment } from "../../src/local/emulator/index";
import { a1, bundleEnvironment, CODE, headers, lastAlert, sheet, spreadsheet, STRANGER } from "./harness";
import { APRIL_ROWS, EXPECTED_APRIL } from "./month";
import {
  CHAIRMAN,
  CLERK,
  DISTRICT,
  OFFICE,
  officeSheet,
  POLICE,
  SCHOOL,
  STAFF_OF_TAB,
  typeAprilByStaff,
  typeRow,
} from "./people";

const MENU = "createNextYearSpreadsheet";
type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

function emails(users: GoogleAppsScript.Base.User[]): string[] {
  return users.map((u) => u.getEmail()).sort();
}

describe("Tạo kế hoạch năm mới", () => {
  let env: Environment;
  let next: Environment;
  let nextId = "";
  let made = "";

  beforeAll(() => {
    env = officeSheet({ now: new Date("2023-04-10T09:00:00+07:00") });
    typeAprilByStaff(env);
    // A tab whose rows end at its last one (as appendRow leaves it): emptying it must still work.
    const health = sheet(env, "Trạm Y tế");
    health.deleteRows(health.getLastRow() + 1, health.getMaxRows() - health.getLastRow());
    env.setNow(new Date("2023-12-20T09:00:00+07:00"));
    expect(env.triggers.map((t) => t.handler)).toContain("onMonthlyTrigger");
  });

  it("is refused, in Vietnamese, to the chairman, unit staff and the upper level; nothing is copied", () => {
    const files = env.spreadsheets.all().length;
    for (const who of [CHAIRMAN, POLICE, SCHOOL, DISTRICT]) {
      env.setUser(who);
      env.run(MENU);
      expect(lastAlert(env), who).toContain("mới tạo được bảng tính kế hoạch năm mới");
      expect(lastAlert(env), who).toContain("văn phòng UBND xã");
    }
    expect(env.spreadsheets.all().length).toBe(files);
  });

  it("asks the office first; answering No changes nothing", () => {
    const files = env.spreadsheets.all().length;
    env.setUser(OFFICE);
    env.ui.respond({ button: "NO" });
    env.run(MENU);
    expect(env.ui.alerts.at(-2)?.prompt).toContain("Tạo bảng tính cho kế hoạch năm 2024");
    expect(lastAlert(env)).toContain("Chưa làm gì");
    expect(env.spreadsheets.all().length).toBe(files);
  });

  it("makes next year's spreadsheet for the office and keeps this one as the archive", () => {
    env.setUser(OFFICE);
    env.ui.respond({ button: "YES" });
    env.run(MENU);
    made = lastAlert(env);
    expect(made).toContain("Đã tạo bảng tính kế hoạch năm 2024: https://docs.google.com/spreadsheets/d/");
    nextId = /\/d\/([A-Za-z0-9_-]+)/.exec(made)![1]!;
    const copy = env.spreadsheets.byId(nextId) as unknown as Ss;
    expect(copy.getName()).toContain("2024");
    // Until its first setup the copy is the office member's alone.
    expect(emails(copy.getEditors())).toEqual([OFFICE]);
    // The unit tabs are empty but for last year's stocks offered as starting values.
    const police = copy.getSheetByName("Công an xã")!;
    expect(police.getLastRow()).toBe(2);
    const row = police.getRange(2, 1, 1, police.getLastColumn()).getValues()[0]!;
    const hs = headers(env, "Công an xã");
    expect(row[hs.indexOf("Cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn (cơ sở)")]).toBe(5);
    expect(row[hs.indexOf("Tổng số người lao động tại cơ sở kinh doanh dịch vụ (người)")]).toBe(40);
    expect(row[hs.indexOf("Nhiệm vụ")]).toBe("");
    expect(police.getRange(2, 1).getNote()).toContain("chọn Nhiệm vụ");
    // One starting row per school.
    const schools = copy.getSheetByName("Trường học")!;
    expect(schools.getLastRow() - 1).toBe(new Set(APRIL_ROWS["Trường học"]!.map((r) => r.Trường)).size);
    // Next year's plan, its targets marked for the office to confirm.
    const planTab = copy.getSheetByName("Kế hoạch")!;
    const texts = planTab.getDataRange().getValues().flat().map(String);
    expect(texts.some((t) => t.includes("2024"))).toBe(true);
    const marked = planTab
      .getDataRange()
      .getBackgrounds()
      .flat()
      .filter((b) => b === "#fff2cc").length;
    expect(marked).toBeGreaterThanOrEqual(Object.keys(EXPECTED_APRIL).length);
    // Emptied all the same, and with room to type in.
    const station = copy.getSheetByName("Trạm Y tế")!;
    const dates = station
      .getRange(2, 1, Math.max(station.getLastRow() - 1, 1), 1)
      .getValues()
      .flat();
    const firstDay = Date.parse("2024-01-01T00:00:00+07:00");
    for (const d of dates) expect(d instanceof Date && d.getTime() === firstDay, String(d)).toBe(true);
    expect(station.getMaxRows()).toBeGreaterThanOrEqual(1000);
    // No log, no rollup: setup makes them.
    expect(copy.getSheetByName("Nhật ký sửa")).toBeNull();
    expect(copy.getSheetByName("Tổng hợp")).toBeNull();
  });

  it("leaves this year's sheet read-only: staff view it, cannot type, and its tabs say where next year is", () => {
    const ss = spreadsheet(env);
    expect(emails(ss.getEditors())).toEqual([CLERK, OFFICE].sort());
    expect(emails(ss.getViewers())).toEqual(expect.arrayContaining([POLICE, SCHOOL, CHAIRMAN]));
    for (const s of ss.getSheets())
      expect(s.getRange(1, 1).getNote(), s.getName()).toContain("LƯU TRỮ kế hoạch năm 2023");
    env.setUser(POLICE);
    expect(() => env.userEdit("Công an xã", "A10", "05/12/2023", { typed: true })).toThrow();
    // The automatic jobs of 2023 stopped (they were there before: setup installed them).
    expect(env.triggers.map((t) => t.handler)).toEqual([]);
    // Asked again, it points at the sheet it made; setup keeps the archive as it is.
    env.setUser(OFFICE);
    const files = env.spreadsheets.all().length;
    env.run(MENU);
    expect(lastAlert(env)).toContain("đã được tạo trước đây");
    env.run("setupSpreadsheet");
    expect(lastAlert(env)).toContain("lưu trữ của năm 2023");
    expect(env.spreadsheets.all().length).toBe(files);
  });

  it("the new sheet's own script passes setup with last year's settings and sharing", () => {
    next = env.boundCopy(nextId);
    next.load(CODE);
    next.setNow(new Date("2024-01-02T09:00:00+07:00"));
    next.setUser(OFFICE);
    next.open();
    next.run("setupSpreadsheet");
    const text = lastAlert(next);
    expect(text).not.toContain("chỗ cần sửa");
    expect(text).not.toContain("Cần xem lại");
    expect(text).toContain("Áp dụng cài đặt của bảng tính năm 2023");
    const state = next.runFromClient("getPlanDialogState", []);
    expect(state).toMatchObject({ ok: true, value: { year: 2024 } });
    const settings = next.runFromClient("getSettingsState", []);
    expect(settings).toMatchObject({
      ok: true,
      value: {
        settings: {
          chairmanEmail: CHAIRMAN,
          upperLevelEmails: [DISTRICT],
          unitEditors: { congAnXa: [POLICE] },
        },
      },
    });
    // Stored marked as validated (core/settings-mark.ts): the new sheet's edits load them without zod.
    const stored = (next.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperty("ks.settings")!;
    expect(stored.startsWith('{"ks.checked":"v')).toBe(true);
    const ss = next.active as Ss;
    expect(emails(ss.getEditors())).toEqual(
      expect.arrayContaining([OFFICE, CLERK, POLICE, SCHOOL, CHAIRMAN]),
    );
    expect(next.triggers.length).toBeGreaterThan(0);
    // The clerk, office in 2023, is office in 2024 too.
    next.setUser(CLERK);
    next.ui.respond({ button: "NO" });
    next.run(MENU);
    expect(next.ui.alerts.at(-2)?.prompt ?? lastAlert(next)).toContain("năm 2025");
  });

  it("takes a month of entries in 2024 and rolls it up as April 2023", () => {
    next.setNow(new Date("2024-04-10T09:00:00+07:00"));
    for (const [tab, rows] of Object.entries(APRIL_ROWS)) {
      for (const row of rows) {
        const moved = Object.fromEntries(
          Object.entries(row).map(([k, v]) => [k, v.replace(/\/2023$/, "/2024")]),
        );
        typeRow(next, STAFF_OF_TAB[tab] ?? OFFICE, tab, moved);
      }
    }
    // The police confirm the offered starting row by picking its task.
    next.setUser(POLICE);
    const hs = headers(next, "Công an xã");
    next.userEdit(
      "Công an xã",
      a1(2, hs.indexOf("Nhiệm vụ") + 1),
      "Quản lý an ninh trật tự cơ sở kinh doanh dịch vụ",
      { typed: true },
    );
    expect(
      String(
        sheet(next, "Công an xã")
          .getRange(2, hs.indexOf("Trạng thái") + 1)
          .getValue(),
      ),
    ).not.toMatch(/lỗi/i);
    next.setUser(OFFICE);
    next.setNow(new Date("2024-04-20T09:00:00+07:00"));
    const rollup = next.runFromClient("getRollupState", ["2024-04"]);
    if (!rollup.ok) throw new Error(JSON.stringify(rollup));
    const indicators = (rollup.value as { rollup: { indicators: { id: string; status: string }[] } }).rollup
      .indicators;
    expect(indicators.length).toBe(Object.keys(EXPECTED_APRIL).length);
    for (const ind of indicators.filter((i) => !i.id.startsWith("CT1")))
      expect(ind.status, ind.id).toBe(EXPECTED_APRIL[ind.id]!.status);
  });

  it("a sheet whose settings metadata the year before does not vouch for keeps its own settings", () => {
    // Someone given edit access by hand before the first setup plants settings naming themselves.
    const env = bundleEnvironment({ owner: OFFICE, now: new Date("2024-01-02T09:00:00+07:00") });
    const planted = {
      fromId: "another-sheet",
      fromYear: 2023,
      toId: spreadsheet(env).getId(),
      token: "0123456789abcdef0123",
      settings: { adminEmails: [STRANGER], chairmanEmail: STRANGER },
      office: [STRANGER],
    };
    spreadsheet(env).addDeveloperMetadata("ks.carriedSettings", JSON.stringify(planted));
    env.setUser(OFFICE);
    env.run("setupSpreadsheet");
    expect(lastAlert(env)).toContain("Không áp dụng cài đặt kèm theo bảng tính");
    const settings = env.runFromClient("getSettingsState", []);
    expect(JSON.stringify(settings)).not.toContain(STRANGER);
    expect(emails(spreadsheet(env).getEditors())).toEqual([OFFICE]);
    env.setUser(STRANGER);
    env.run(MENU);
    expect(lastAlert(env)).toContain("mới tạo được bảng tính kế hoạch năm mới");
  });
});
