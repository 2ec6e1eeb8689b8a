/**
 * The plan lives in the "Kế hoạch" tab: the office edits it mid-year and runs setup, through the built
 * bundle (Code.js and PlanTools.html) in the emulator. A unit removed, a column renamed and a target
 * changed keep every typed value and leave the rollup of the earlier period as it was.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cell";
import { planFromTabCells } from "../../src/core/plan-tab-read";
import { quangKhai2023 } from "../../src/plans/quang-khai-2023";
import { bundleEnvironment, headers, lastAlert, OWNER, setUpSheet, sheet, spreadsheet } from "./harness";
import { typeApril } from "./month";

type Env = ReturnType<typeof bundleEnvironment>;
const PLAN_TAB = "Kế hoạch";

interface RollupView {
  indicators: { id: string; figure?: string; status: string; targetText: string }[];
  units: { name: string; reported: boolean }[];
}

function rollupOf(env: Env, key: string): RollupView {
  const state = env.runFromClient("getRollupState", [key]);
  if (!state.ok) throw new Error(JSON.stringify(state));
  return (state as unknown as { value: { rollup: RollupView } }).value.rollup;
}

/** What a reader of a period's rollup sees of each indicator and unit. */
function summary(r: RollupView) {
  return {
    indicators: r.indicators.map((i) => [i.id, i.figure, i.status, i.targetText]),
    units: r.units.map((u) => [u.name, u.reported]),
  };
}

/** Every unit tab's typed rows (row 2 on), by tab, in the plan's order of tabs. */
function typedValues(env: Env): Record<string, CellValue[][]> {
  const out: Record<string, CellValue[][]> = {};
  for (const u of quangKhai2023.units) {
    const s = sheet(env, u.tabName);
    const last = s.getLastRow();
    out[u.tabName] =
      last < 2 ? [] : (s.getRange(2, 1, last - 1, s.getLastColumn()).getValues() as CellValue[][]);
  }
  return out;
}

function planGrid(env: Env): CellValue[][] {
  return sheet(env, PLAN_TAB).getDataRange().getValues() as CellValue[][];
}

/** The office's edits, made on the tab as it is: rows found by their first cell. */
function editPlanTab(env: Env, edit: (grid: CellValue[][]) => CellValue[][]): void {
  const s = sheet(env, PLAN_TAB);
  const grid = edit(planGrid(env).map((r) => [...r]));
  s.clearContents();
  s.getRange(1, 1, grid.length, grid[0]!.length).setValues(grid);
}

function rowIndex(grid: CellValue[][], first: string, from = 0): number {
  const r = grid.findIndex((row, i) => i >= from && row[0] === first);
  if (r < 0) throw new Error(`no row "${first}"`);
  return r;
}

/** Trạm Y tế out of the plan, the reports-received column renamed, CT2b's target lowered to 15 %. */
function midYearEdit(grid: CellValue[][]): CellValue[][] {
  const elements = rowIndex(grid, "CỘT SỐ LIỆU");
  const received = grid[rowIndex(grid, "tinTiepNhan", elements)]!;
  received[1] = "Tin tố giác, tin báo tiếp nhận";
  const ct2b = grid[rowIndex(grid, "CT2b")]!;
  ct2b[7] = 15;
  for (const row of grid) {
    if (row[5] !== undefined && typeof row[5] === "string" && row[5].includes("tramYTe"))
      row[5] = row[5]
        .split(", ")
        .filter((id) => id !== "tramYTe")
        .join(", ");
  }
  return grid.filter((row) => row[0] !== "tramYTe" && row[0] !== "luotKhamSucKhoe");
}

function setUpApril(): Env {
  const env = bundleEnvironment();
  setUpSheet(env);
  typeApril(env);
  return env;
}

describe("the plan tab in the sheet", () => {
  it("is made at first setup from the bundled plan, for the office only, and reads back as that plan", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const read = planFromTabCells(planGrid(env));
    if (!read.ok) throw new Error(read.errors.join("\n"));
    expect(read.plan).toStrictEqual(JSON.parse(JSON.stringify(quangKhai2023)));
    const protections = sheet(env, PLAN_TAB).getProtections(
      (env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.SHEET,
    );
    expect(protections.map((p) => p.getEditors().map((u) => u.getEmail()))).toEqual([[OWNER]]);
    // Setup again finds nothing to change.
    env.run("setupSpreadsheet");
    expect(lastAlert(env)).toContain("không có gì phải sửa");
  });

  it("a unit removed, a column renamed, a target changed: every value kept, April's rollup unchanged", () => {
    const env = setUpApril();
    const before = typedValues(env);
    const april = summary(rollupOf(env, "2023-04"));
    const police = headers(env, "Công an xã");
    const receivedAt = police.indexOf("Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)");
    expect(receivedAt).toBeGreaterThan(0);

    env.setNow(new Date("2023-05-02T09:00:00+07:00"));
    env.setUser(OWNER);
    editPlanTab(env, midYearEdit);
    env.run("setupSpreadsheet");
    const said = lastAlert(env);
    expect(said).toContain(
      'Đơn vị "Trạm Y tế" không còn trong kế hoạch: trang "Trạm Y tế" được giữ nguyên số liệu',
    );
    expect(said).toContain(
      'Trang "Công an xã": đổi tiêu đề cột "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)" thành "Tin tố giác, tin báo tiếp nhận (tin)", giữ số liệu.',
    );
    expect(said).toContain("Chỉ tiêu CT2b: mục tiêu đổi từ ≥ 30 % thành ≥ 15 % từ hôm nay");
    expect(said).not.toContain("Cần xem lại");
    // The settings kept in step with the plan (the removed unit's editors dropped) are stored marked as
    // validated (core/settings-mark.ts), so that edits load them without zod.
    const stored = (env.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperty("ks.settings")!;
    expect(stored.startsWith('{"ks.checked":"v')).toBe(true);
    expect(Object.keys(JSON.parse(stored).unitEditors)).not.toContain("tramYTe");

    // Every typed value where it was; the renamed column keeps its place.
    expect(typedValues(env)).toEqual(before);
    expect(headers(env, "Công an xã")[receivedAt]).toBe("Tin tố giác, tin báo tiếp nhận (tin)");
    // The removed unit's tab: kept, greyed, noted, the office's alone.
    const health = sheet(env, "Trạm Y tế");
    expect(health.getTabColor()).toBe("#999999");
    expect(health.getRange(1, 1).getNote()).toContain("LƯU TRỮ");
    const type = (env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType;
    expect(health.getProtections(type.SHEET).map((p) => p.getEditors().map((u) => u.getEmail()))).toEqual([
      [OWNER],
    ]);

    // April is judged as it was, with Trạm Y tế and the 30 % target; May (closed on 14/05) follows the
    // new plan.
    expect(summary(rollupOf(env, "2023-04"))).toEqual(april);
    env.setNow(new Date("2023-05-20T09:00:00+07:00"));
    expect(summary(rollupOf(env, "2023-04"))).toEqual(april);
    const may = rollupOf(env, "2023-05");
    expect(may.indicators.find((i) => i.id === "CT2b")).toMatchObject({
      targetText: "≥ 15 %",
      status: "Đạt",
    });
    expect(may.units.map((u) => u.name)).not.toContain("Trạm Y tế");
    expect(may.units).toHaveLength(10);

    // Run again: nothing more to do, nothing reported as a stray column.
    env.run("setupSpreadsheet");
    expect(lastAlert(env)).toContain("không có gì phải sửa");
    expect(typedValues(env)).toEqual(before);
  });

  it("a tab with mistakes changes nothing and lists every problem with its cell", () => {
    const env = setUpApril();
    const before = typedValues(env);
    const layout = spreadsheet(env)
      .getSheets()
      .map((s) => [s.getName(), s.getRange(1, 1, 1, Math.max(s.getLastColumn(), 1)).getValues()[0]]);
    env.setNow(new Date("2023-05-02T09:00:00+07:00"));
    let unknownAt = "";
    let targetAt = "";
    editPlanTab(env, (grid) => {
      const tasks = rowIndex(grid, "NHIỆM VỤ");
      const r = rowIndex(grid, "congAnXa", tasks);
      grid[r]![0] = "congAnHuyen";
      unknownAt = `A${r + 1}`;
      const t = rowIndex(grid, "CT5");
      grid[t]![7] = "một trăm";
      targetAt = `H${t + 1}`;
      // A unit renamed at the same time: not applied either.
      grid[rowIndex(grid, "congAnXa")]![2] = "CA xã";
      return grid;
    });
    env.run("setupSpreadsheet");
    const said = lastAlert(env);
    expect(said).toContain('Trang "Kế hoạch" có 2 chỗ cần sửa; chưa thay đổi gì trong bảng tính.');
    expect(said).toContain(`Kế hoạch!${unknownAt}: không có đơn vị mã "congAnHuyen"`);
    expect(said).toContain(`Kế hoạch!${targetAt}: "một trăm" không phải số, hãy nhập một số, ví dụ 30.`);
    expect(
      spreadsheet(env)
        .getSheets()
        .map((s) => [s.getName(), s.getRange(1, 1, 1, Math.max(s.getLastColumn(), 1)).getValues()[0]]),
    ).toEqual(layout);
    expect(typedValues(env)).toEqual(before);
  });
});
