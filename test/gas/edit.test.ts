/** Validation on edit, "Kiểm tra toàn bộ số liệu", protections and the change log, through the bundle. */
import { describe, expect, it } from "vitest";
import {
  a1,
  bundleEnvironment,
  columnOf,
  lastAlert,
  OWNER,
  POLICE,
  SCHOOL,
  setUpSheet,
  sheet,
} from "./harness";

const TAB = "Công an xã";
const RECEIVED = "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)";
const HANDLED = "Tin được xử lý kịp thời (tin)";
const TASK = "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo";

function ready() {
  const env = bundleEnvironment();
  setUpSheet(env);
  env.setUser(POLICE);
  return env;
}

function cell(env: ReturnType<typeof ready>, row: number, header: string) {
  return sheet(env, TAB).getRange(row, columnOf(env, TAB, header));
}

/** A whole valid row for the police tab, typed as a person would. */
function policeRow(env: ReturnType<typeof ready>, date: string, received: string, handled: string): string[] {
  const s = sheet(env, TAB);
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
  return headers.map((h) => {
    if (h === "Ngày") return date;
    if (h === "Nhiệm vụ") return TASK;
    if (h === "Hình thức") return "Khác";
    if (h === RECEIVED) return received;
    if (h === HANDLED) return handled;
    if (h === "Nội dung") return "Tiếp nhận tin báo qua đường dây nóng";
    return "";
  });
}

describe("validation on edit", () => {
  it("marks a single wrong cell with a status, a Vietnamese note and a colour, keeping the value as typed", () => {
    const env = ready();
    const row = policeRow(env, "05/04/2023", "3", "2");
    const width = row.length;
    env.userEdit(TAB, `A2:${a1(2, width)}`, [row], { typed: true });
    expect(cell(env, 2, "Trạng thái").getValue()).toBe("✓ Hợp lệ");

    const target = cell(env, 2, RECEIVED);
    const edit = env.userEdit(TAB, target.getA1Notation(), "ba tin", { typed: true });
    expect(edit.fired.map((f) => f.functionName)).toContain("onEditInstalled");
    expect(target.getValue()).toBe("ba tin");
    expect(String(cell(env, 2, "Trạng thái").getValue())).toMatch(/^✗ Lỗi: .*Tin tố giác.*"ba tin"/);
    expect(target.getNote()).toMatch(/số nguyên/);
    expect(target.getBackground()).toBe("#f4cccc");

    env.userEdit(TAB, target.getA1Notation(), "3", { typed: true });
    expect(cell(env, 2, "Trạng thái").getValue()).toBe("✓ Hợp lệ");
    expect(target.getNote()).toBe("");
    expect(target.getBackground()).toBe("#ffffff");
    expect(cell(env, 2, "Người nhập").getValue()).toBe(POLICE);
  });

  it("keeps a note and a colour the user set themselves", () => {
    const env = ready();
    const row = policeRow(env, "05/04/2023", "3", "2");
    env.userEdit(TAB, `A2:${a1(2, row.length)}`, [row], { typed: true });
    const target = cell(env, 2, RECEIVED);
    target.setNote("Số liệu từ sổ trực ban");
    env.userEdit(TAB, target.getA1Notation(), "12,5", { typed: true });
    expect(target.getNote()).toMatch(/^Số liệu từ sổ trực ban\n\n\[Kiểm tra\]/);
    env.userEdit(TAB, target.getA1Notation(), "12", { typed: true });
    expect(target.getNote()).toBe("Số liệu từ sổ trực ban");
  });

  it("validates a pasted block of 500 rows with a bounded number of service calls", () => {
    const env = ready();
    const good = policeRow(env, "05/04/2023", "4", "4");
    const rows = Array.from({ length: 500 }, (_, i) =>
      i % 100 === 7
        ? policeRow(env, "31/04/2023", "4", "4")
        : i % 100 === 9
          ? policeRow(env, "06/04/2023", "2", "x")
          : good,
    );
    env.resetCalls();
    env.userEdit(TAB, `A2:${a1(501, good.length)}`, rows, { typed: true });
    // Sheet calls of the whole edit handling, Sheets API requests included: a handful, not one per row
    // or per cell (issue 17's goal: at most 10).
    const sheetCalls = Object.entries(env.calls.counts)
      .filter(([name]) => /^(Range|Sheet|Spreadsheet|SpreadsheetsCollection)\./.test(name))
      .reduce((n, [, c]) => n + c, 0);
    expect(sheetCalls).toBeLessThanOrEqual(10);
    const statuses = cell(env, 2, "Trạng thái")
      .offset(0, 0, 500, 1)
      .getValues()
      .map((r) => String(r[0]));
    expect(statuses.filter((s) => s === "✓ Hợp lệ")).toHaveLength(490);
    expect(statuses[7]).toMatch(/^✗ Lỗi: .*Ngày/);
    expect(statuses[9]).toMatch(/^✗ Lỗi: .*"x"/);
  });

  it("marks a cross-field problem found by the full check and summarises it", () => {
    const env = ready();
    const row = policeRow(env, "05/04/2023", "2", "5"); // handled more than received
    env.userEdit(TAB, `A2:${a1(2, row.length)}`, [row], { typed: true });
    env.setUser(OWNER);
    env.run("checkAllData");
    const alert = lastAlert(env);
    expect(alert).toContain("Đã kiểm tra 1 dòng");
    expect(alert).toMatch(/Công an xã, tháng 4\/2023.*xử lý kịp thời/s);
  });

  it("check-all marks every tab in one batched read and write per tab", () => {
    const env = ready();
    const row = policeRow(env, "05/04/2023", "abc", "1");
    env.userEdit(TAB, `A2:${a1(2, row.length)}`, [row], { typed: true });
    // The user clears the marks by hand; the full check puts them back.
    sheet(env, TAB).getRange(2, 1, 1, row.length).setBackground(null).clearNote();
    env.setUser(OWNER);
    env.resetCalls();
    env.run("checkAllData");
    expect(env.calls.get("Range.getValues")).toBeLessThanOrEqual(11 * 2);
    expect(env.calls.get("Range.setNotes")).toBeLessThanOrEqual(11);
    expect(cell(env, 2, RECEIVED).getBackground()).toBe("#f4cccc");
    expect(lastAlert(env)).toContain("1 lỗi");
  });
});

describe("protections and the change log", () => {
  it("refuses an edit on another unit's tab, with nothing changed", () => {
    const env = ready();
    env.setUser(SCHOOL);
    expect(() => env.userEdit(TAB, "A2", "05/04/2023", { typed: true })).toThrow(/protected|bảo vệ/i);
    expect(sheet(env, TAB).getRange("A2").getValue()).toBe("");
  });

  it("refuses an edit of the header row by a unit's own editor", () => {
    const env = ready();
    expect(() => env.userEdit(TAB, "A1", "Ngày tháng")).toThrow();
    expect(sheet(env, TAB).getRange("A1").getValue()).toBe("Ngày");
  });

  it("a write that fails leaves what was typed, and the edit's log line waits for the next one", () => {
    const env = ready();
    const row = policeRow(env, "05/04/2023", "3", "2");
    const wrong = policeRow(env, "06/04/2023", "ba", "2");
    const width = row.length;
    env.userEdit(TAB, `A2:${a1(2, width)}`, [row], { typed: true });
    // The marks, status and log line go in one batchUpdate: Google applies all of it or none.
    env.failNext(
      "SpreadsheetsCollection.batchUpdate",
      "Service Spreadsheets failed while accessing document",
    );
    const failed = env.userEdit(TAB, `A3:${a1(4, width)}`, [row, wrong], { typed: true });
    // Not the quota: no fallback, the trigger fails as Google reports it.
    expect(failed.fired.find((f) => f.functionName === "onEditInstalled")?.ok).toBe(false);
    const block = sheet(env, TAB).getRange(3, 1, 2, width);
    expect(block.getDisplayValues()).toEqual([row, wrong]);
    expect(String(cell(env, 4, "Trạng thái").getValue())).toBe("");
    const log = sheet(env, "Nhật ký sửa");
    expect(log.getLastRow()).toBe(2);
    // The next edit writes the waiting line first, then its own; and marks what it touched.
    env.userEdit(TAB, cell(env, 4, RECEIVED).getA1Notation(), "ba tin", { typed: true });
    const lines = log.getRange(2, 1, log.getLastRow() - 1, 6).getValues();
    expect(lines.map((l) => l[3])).toEqual([
      `A2:${a1(2, width)}`,
      `A3:${a1(4, width)}`,
      cell(env, 4, RECEIVED).getA1Notation(),
    ]);
    expect(lines.every((l) => Object.prototype.toString.call(l[0]) === "[object Date]")).toBe(true);
    expect(String(cell(env, 4, "Trạng thái").getValue())).toMatch(/^✗ Lỗi: .*"ba tin"/);
    expect(block.getDisplayValues()[0]).toEqual(row);
  });

  it("goes on through SpreadsheetApp when the Sheets API's per-minute quota is spent: marks and log now, no failure", () => {
    // As Apps Script reports Google's HTTP 429 for the edit trigger's account (the office's, for everyone).
    const quota = (call: string, kind: string) =>
      `API call to sheets.spreadsheets.${call} failed with error: Quota exceeded for quota metric '${kind} requests' and limit '${kind} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:123456789012'.`;
    for (const [call, kind] of [
      ["batchUpdate", "Write"],
      ["get", "Read"],
    ] as const) {
      const env = ready();
      const row = policeRow(env, "05/04/2023", "3", "2");
      const wrong = policeRow(env, "06/04/2023", "ba", "2");
      const width = row.length;
      env.userEdit(TAB, `A2:${a1(2, width)}`, [row], { typed: true });
      const target = cell(env, 3, RECEIVED);
      env.failNext(`SpreadsheetsCollection.${call}`, quota(call, kind));
      const edit = env.userEdit(TAB, `A3:${a1(4, width)}`, [wrong, row], { typed: true });
      const fired = edit.fired.find((f) => f.functionName === "onEditInstalled")!;
      expect(fired.ok, `${call}: ${fired.error}`).toBe(true);
      expect(env.calls.get(`SpreadsheetsCollection.${call}`)).toBeGreaterThan(0);
      // What was typed, as typed (the script's own columns, last, aside).
      const typed = (r: string[]) => r.slice(0, columnOf(env, TAB, "Trạng thái") - 1);
      const block = sheet(env, TAB).getRange(3, 1, 2, width).getDisplayValues();
      expect(block.map(typed)).toEqual([wrong, row].map(typed));
      expect(typed(wrong)).toContain("ba");
      expect(String(cell(env, 3, "Trạng thái").getValue())).toMatch(/^✗ Lỗi: .*"ba"/);
      expect(cell(env, 4, "Trạng thái").getValue()).toBe("✓ Hợp lệ");
      expect(target.getNote()).toMatch(/^\[Kiểm tra\].*số nguyên/);
      expect(target.getBackground()).toBe("#f4cccc");
      expect(cell(env, 3, "Người nhập").getValue()).toBe(POLICE);
      const at = cell(env, 4, "Cập nhật lúc");
      expect(Object.prototype.toString.call(at.getValue())).toBe("[object Date]");
      expect(at.getNumberFormat()).toBe("dd/MM/yyyy HH:mm:ss");
      // The log line once, at once; none left waiting for the next edit.
      const log = sheet(env, "Nhật ký sửa");
      const lines = log.getRange(2, 1, log.getLastRow() - 1, 6).getValues();
      expect(lines.map((l) => l[3])).toEqual([`A2:${a1(2, width)}`, `A3:${a1(4, width)}`]);
      env.userEdit(TAB, target.getA1Notation(), "3", { typed: true });
      expect(
        log
          .getRange(2, 4, log.getLastRow() - 1, 1)
          .getValues()
          .flat(),
      ).toEqual([`A2:${a1(2, width)}`, `A3:${a1(4, width)}`, target.getA1Notation()]);
      expect(target.getNote()).toBe("");
      expect(cell(env, 3, "Trạng thái").getValue()).toBe("✓ Hợp lệ");
    }
  });

  it("logs every user edit: single cells with old → new, blocks with their size", () => {
    const env = ready();
    env.userEdit(TAB, "A2", "05/04/2023", { typed: true });
    env.userEdit(TAB, "A2", "06/04/2023", { typed: true });
    env.userEdit(TAB, "B3:C4", [
      ["x", "y"],
      ["z", "w"],
    ]);
    const log = sheet(env, "Nhật ký sửa");
    const rows = log.getRange(2, 1, log.getLastRow() - 1, 6).getValues();
    expect(rows).toHaveLength(3);
    expect(rows[0]!.slice(1, 4)).toEqual([POLICE, TAB, "A2"]);
    expect(rows[1]![3]).toBe("A2");
    expect(rows[1]![4]).not.toBe("");
    expect(rows[2]!.slice(3)).toEqual(["B3:C4", "", "4 ô được sửa"]);
  });

  it("logs a typed formula as text, never as a formula", () => {
    const env = ready();
    env.userEdit(TAB, cell(env, 2, "Nội dung").getA1Notation(), '=IMPORTRANGE("x","A1")', { typed: true });
    const log = sheet(env, "Nhật ký sửa");
    const last = log.getRange(log.getLastRow(), 1, 1, 6);
    expect(last.getFormulas()[0]!.every((f) => f === "")).toBe(true);
  });
});
