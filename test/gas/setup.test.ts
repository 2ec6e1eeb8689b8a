/** "Thiết lập / sửa bảng tính" through the built bundle in the emulator. */
import { describe, expect, it } from "vitest";
import { unitColumns } from "../../src/core/columns";
import { SYSTEM_TABS } from "../../src/core/plan";
import { SETTINGS_LABELS } from "../../src/core/settings";
import { CHANGE_LOG_LAYOUT, SEND_LOG_LAYOUT } from "../../src/core/tables";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";
import {
  a1,
  bundleEnvironment,
  columnOf,
  headers,
  lastAlert,
  OWNER,
  POLICE,
  SETTINGS,
  setUpSheet,
  sheet,
  spreadsheet,
} from "./harness";

type Env = ReturnType<typeof bundleEnvironment>;

/** The ProtectionType enum of the emulated SpreadsheetApp. */
function protectionType(env: Env) {
  return (env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType;
}

/** Everything setup decides about a tab, to compare two runs. */
function layout(env: Env) {
  return spreadsheet(env)
    .getSheets()
    .map((s) => {
      const width = Math.max(s.getLastColumn(), 1);
      const body = s.getRange(2, 1, 1, width);
      return {
        name: s.getName(),
        hidden: s.isSheetHidden(),
        frozen: s.getFrozenRows(),
        header: s.getRange(1, 1, 1, width).getValues()[0],
        notes: s.getRange(1, 1, 1, width).getNotes()[0],
        formats: body.getNumberFormats()[0],
        validations: body
          .getDataValidations()[0]!
          .map((v) => (v ? [String(v.getCriteriaType()), v.getCriteriaValues().map(String)] : null)),
        protections: s.getProtections(protectionType(env).SHEET).map((p) => [
          p.getDescription(),
          p
            .getEditors()
            .map((u) => u.getEmail())
            .sort(),
        ]),
      };
    });
}

describe("setup on an empty spreadsheet", () => {
  it("creates one tab per unit with the plan's headers, frozen, formatted, with dropdowns and help", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    for (const unit of plan.units) {
      const columns = unitColumns(plan, unit);
      expect(headers(env, unit.tabName)).toEqual(columns.map((c) => c.header));
      const s = sheet(env, unit.tabName);
      expect(s.getFrozenRows()).toBe(1);
      const dateColumn = s.getRange(2, columnOf(env, unit.tabName, "Ngày"), 1, 1);
      expect(dateColumn.getNumberFormat()).toBe("dd/MM/yyyy");
      const task = s.getRange(5, columnOf(env, unit.tabName, "Nhiệm vụ")).getDataValidation()!;
      expect(task.getCriteriaValues()[0]).toEqual(unit.tasks);
      // A wrong value is kept and marked, never refused: nothing typed is lost.
      expect(task.getAllowInvalid()).toBe(true);
      expect(s.getRange(1, 1).getNote()).toContain("ngày/tháng/năm");
    }
    const police = sheet(env, "Công an xã");
    const received = police.getRange(
      2,
      columnOf(env, "Công an xã", "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)"),
    );
    expect(received.getNumberFormat()).toBe("#,##0");
    expect(String(received.getDataValidation()!.getCriteriaType())).toBe("NUMBER_GREATER_THAN_OR_EQUAL_TO");
    expect(sheet(env, "Nhật ký sửa").isSheetHidden()).toBe(true);
    // Every editor can open any tab: the settings tab names nobody (the office sees addresses in the dialog).
    const view = sheet(env, "Cài đặt");
    const text = view.getRange(1, 1, view.getLastRow(), 2).getDisplayValues().flat().join("\n");
    const rows = view.getDataRange().getDisplayValues();
    expect(rows.find((r) => r[0] === SETTINGS_LABELS.chairmanEmail)?.[1]).toBe("đã nhập");
    expect(text).not.toContain("@");
  });

  it("is idempotent: a second run changes nothing and installs no second trigger", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const first = layout(env);
    const triggers = env.triggers.length;
    env.run("setupSpreadsheet");
    expect(layout(env)).toEqual(first);
    expect(env.triggers.length).toBe(triggers);
    expect(env.triggers.filter((t) => t.handler === "onEditInstalled")).toHaveLength(1);
    expect(lastAlert(env)).toContain("không có gì phải sửa");
  });

  it("leaves the settings tab and the logs as they are when run again, and rewrites the settings tab when they change", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    env.resetCalls();
    env.run("setupSpreadsheet");
    // Nothing written to the add-in's own tables: no clear, no widths, no wrap set again.
    for (const call of [
      "Sheet.clear",
      "Range.setValues",
      "Range.setWrap",
      "Range.setWraps",
      "Range.setNumberFormat",
    ])
      expect(env.calls.counts[call] ?? 0, call).toBe(0);
    const view = () => sheet(env, "Cài đặt").getDataRange().getDisplayValues().flat();
    expect(view()).toContain("UBND huyện Tứ Kỳ");
    env.runFromClient("saveSettings", [{ ...SETTINGS, upperLevelName: "UBND huyện Thanh Hà" }]);
    expect(view()).toContain("UBND huyện Thanh Hà");
    expect(view()).not.toContain("UBND huyện Tứ Kỳ");
  });

  it("protects each unit tab for its editors and the owner, the log and settings for the owner", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const police = sheet(env, "Công an xã").getProtections(protectionType(env).SHEET)[0]!;
    expect(
      police
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([POLICE, OWNER].sort());
    const log = sheet(env, "Nhật ký sửa").getProtections(protectionType(env).SHEET)[0]!;
    expect(log.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  });

  it("refuses to run, before the first setup, for anyone but the file's owner", () => {
    const env = bundleEnvironment();
    env.setUser(POLICE);
    env.run("setupSpreadsheet");
    expect(lastAlert(env)).toContain(`Chỉ văn phòng UBND xã (${OWNER}) mới thiết lập được bảng tính.`);
    expect(spreadsheet(env).getSheetByName("Công an xã")).toBeNull();
  });
});

describe("setup on a damaged spreadsheet", () => {
  it("keeps every entered value when columns were inserted and a header typed over, and says what it left", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    env.setUser(OWNER);
    const tab = "Công an xã";
    env.userEdit(
      tab,
      "A2:C3",
      [
        ["05/04/2023", "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm", "Kiểm tra"],
        ["07/04/2023", "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo", "Khác"],
      ],
      { typed: true },
    );
    env.userInsertColumns(tab, 2, 1); // a column of their own after "Ngày"
    env.userEdit(tab, "C1:C3", [["Người phụ trách"], ["anh Tuấn"], ["chị Lan"]]);
    env.userEdit(tab, "D1", "Nhiem vu chinh (sua tay)"); // the "Nhiệm vụ" header typed over
    const s = sheet(env, tab);
    const before = s.getRange(1, 1, s.getLastRow(), s.getLastColumn()).getValues();

    env.run("setupSpreadsheet");

    const after = s.getRange(1, 1, before.length, before[0]!.length).getValues();
    expect(after).toEqual(before);
    const alert = lastAlert(env);
    expect(alert).toContain("Người phụ trách");
    expect(alert).toContain("Nhiem vu chinh (sua tay)");
    expect(alert).toContain("không tự sửa để không mất số liệu");
  });

  it("run again, repairs a rule deleted deep in a column, a protection opened to someone, a removed header lock", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const first = layout(env);
    env.setUser(OWNER);
    const s = sheet(env, "Công an xã");
    const form = columnOf(env, "Công an xã", "Hình thức");
    const deep = s.getRange(400, form);
    const rule = deep.getDataValidation();
    expect(rule).not.toBeNull();
    deep.clearDataValidations();
    s.getRange(2, 1, 1, s.getLastColumn()).clearDataValidations();
    const type = protectionType(env);
    s.getProtections(type.SHEET)[0]!.addEditor("nguoi.la@example.com");
    for (const p of s.getProtections(type.RANGE)) p.remove();

    env.run("setupSpreadsheet");

    expect(layout(env)).toEqual(first);
    expect(s.getRange(400, form).getDataValidation()?.getCriteriaValues()).toEqual(rule!.getCriteriaValues());
    const header = s.getProtections(type.RANGE).filter((p) => p.getRange().getRow() === 1);
    expect(header).toHaveLength(1);
    expect(header[0]!.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  });

  it("on a 1,000-row tab, repairs exactly the one row whose rule was removed, the rule and format changed on another, and an emptied header, and writes nothing when nothing differs", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const tab = "Công an xã";
    const s = sheet(env, tab);
    expect(s.getMaxRows()).toBe(1000);
    const date = columnOf(env, tab, "Ngày");
    const task = columnOf(env, tab, "Nhiệm vụ");
    const form = columnOf(env, tab, "Hình thức");
    const received = columnOf(env, tab, "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)");
    const unit = plan.units.find((u) => u.tabName === tab)!;
    // 999 entries, as a script writes them (no trigger): the tab is full to its last row.
    const rows = Array.from({ length: 999 }, (_, i) => [
      `${String((i % 28) + 1).padStart(2, "0")}/04/2023`,
      unit.tasks[i % unit.tasks.length]!,
      plan.forms[i % plan.forms.length]!,
    ]);
    s.getRange(2, date, 999, 3).setValues(rows);
    s.getRange(2, received, 999, 1).setValues(rows.map((_, i) => [i % 7]));
    const width = s.getLastColumn();
    const everything = () => {
      const all = s.getRange(1, 1, 1000, width);
      return {
        values: all.getValues(),
        formats: all.getNumberFormats(),
        rules: all
          .getDataValidations()
          .map((r) =>
            r.map((v) =>
              v
                ? [String(v.getCriteriaType()), JSON.stringify(v.getCriteriaValues()), v.getHelpText()]
                : null,
            ),
          ),
        notes: all.getNotes(),
      };
    };
    const before = everything();

    // Run again on the full tab: it reads, finds nothing to change, and writes nothing at all.
    env.resetCalls();
    env.run("setupSpreadsheet");
    expect(env.calls.counts["SpreadsheetsCollection.batchUpdate"] ?? 0).toBe(0);
    for (const write of [
      "Range.setValues",
      "Range.setDataValidations",
      "Range.setNumberFormats",
      "Range.setNotes",
    ])
      expect(env.calls.counts[write] ?? 0, write).toBe(0);
    expect(lastAlert(env)).toContain("không có gì phải sửa");
    expect(everything()).toEqual(before);

    // The office damages one row in the middle, another row's rule and format, and one header.
    env.setUser(OWNER);
    s.getRange(500, 1, 1, width).clearDataValidations();
    s.getRange(700, task).setDataValidation(
      (env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .newDataValidation()
        .requireValueInList(["Việc khác"], true)
        .build(),
    );
    s.getRange(701, received).setNumberFormat("0.00");
    env.userEdit(tab, `${a1(1, form)}`, "");
    expect(s.getRange(500, task).getDataValidation()).toBeNull();

    env.resetCalls();
    env.run("setupSpreadsheet");

    expect(everything()).toEqual(before);
    // One write of the header row, one batch of the rules and formats; nothing else rewritten.
    expect(env.calls.counts["Range.setValues"]).toBe(1);
    expect(env.calls.counts["SpreadsheetsCollection.batchUpdate"]).toBe(1);
    expect(env.calls.counts["Range.setDataValidations"] ?? 0).toBe(0);
  });

  it("puts back the help text of a column whose row 2 has another column's rule of the same kind", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const tab = "Công an xã";
    const s = sheet(env, tab);
    const received = columnOf(env, tab, "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)");
    const help = s.getRange(2, received).getDataValidation()!.getHelpText();
    expect(help).not.toBe("");
    // The same condition (a whole number ≥ 0) with another column's help, pasted on row 2.
    s.getRange(2, received).setDataValidation(
      (env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .newDataValidation()
        .requireNumberGreaterThanOrEqualTo(0)
        .setAllowInvalid(true)
        .setHelpText("Số vụ việc đã giải quyết.")
        .build(),
    );
    s.getRange(3, received, 5, 1).setValues([[1], [2], [3], [4], [5]]);

    env.resetCalls();
    env.run("setupSpreadsheet");

    expect(s.getRange(2, received).getDataValidation()!.getHelpText()).toBe(help);
    expect(s.getRange(600, received).getDataValidation()!.getHelpText()).toBe(help);
    expect(s.getRange(3, received, 5, 1).getValues()).toEqual([[1], [2], [3], [4], [5]]);
    expect(env.calls.counts["SpreadsheetsCollection.batchUpdate"]).toBe(1);
  });

  it("on a tab grown to 6,000 rows (read in pages), gives new rows without a rule theirs, then finds nothing to change, then repairs a rule removed at row 5,500", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const tab = "Công an xã";
    const s = sheet(env, tab);
    s.insertRowsAfter(1000, 5000);
    const form = columnOf(env, tab, "Hình thức");
    const rule = () => s.getRange(5500, form).getDataValidation()?.getCriteriaValues()[0];
    // The new rows without the column's rule (Sheets copies the row above's; a paste from elsewhere does not).
    s.getRange(1001, form, 5000, 1).clearDataValidations();
    expect(rule()).toBeUndefined();

    env.run("setupSpreadsheet");
    expect(rule()).toEqual(plan.forms);
    env.resetCalls();
    env.run("setupSpreadsheet");
    expect(env.calls.counts["SpreadsheetsCollection.batchUpdate"] ?? 0).toBe(0);
    // The tab's 6,000 rows do not fit one request: more than one read of the grids.
    expect(env.calls.counts["SpreadsheetsCollection.get"]).toBeGreaterThan(4);

    s.getRange(5500, form).clearDataValidations();
    env.run("setupSpreadsheet");
    expect(rule()).toEqual(plan.forms);
  });

  it("on a tab grown to 20,000 rows (more than one run reads), writes its rules on every row instead of reading them, and still repairs the other tabs' rules where they differ", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const big = sheet(env, "Công an xã");
    big.insertRowsAfter(1000, 19000);
    const form = columnOf(env, "Công an xã", "Hình thức");
    big.getRange(19000, form).clearDataValidations();
    const small = sheet(env, "Tư pháp");
    const smallForm = columnOf(env, "Tư pháp", "Hình thức");
    small.getRange(500, smallForm).clearDataValidations();

    env.resetCalls();
    env.run("setupSpreadsheet");

    expect(big.getRange(19000, form).getDataValidation()?.getCriteriaValues()[0]).toEqual(plan.forms);
    expect(small.getRange(500, smallForm).getDataValidation()?.getCriteriaValues()[0]).toEqual(plan.forms);
    expect(env.calls.counts["SpreadsheetsCollection.batchUpdate"]).toBe(1);
    // Its 300,000 cells would take twelve reads more: the other ten tabs' rules take five.
    expect(env.calls.counts["SpreadsheetsCollection.get"]).toBeLessThanOrEqual(10);
  });

  it("recreates a deleted unit tab and a header row that was cleared on an empty tab", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    env.setUser(OWNER);
    env.userDeleteSheet("Tư pháp");
    env.userEdit("Trạm Y tế", "A1:C1", [["", "", ""]]);
    env.run("setupSpreadsheet");
    expect(headers(env, "Tư pháp")[0]).toBe("Ngày");
    expect(headers(env, "Trạm Y tế").slice(0, 3)).toEqual(["Ngày", "Nhiệm vụ", "Hình thức"]);
    expect(lastAlert(env)).toContain('Tạo trang "Tư pháp"');
  });

  it("lays out again a log whose header was cleared or whose rows no longer wrap, and hides the change log shown", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    env.setUser(OWNER);
    const sendLog = sheet(env, SYSTEM_TABS.sendLog);
    const changeLog = sheet(env, SYSTEM_TABS.changeLog);
    const width = SEND_LOG_LAYOUT.header.length;
    sendLog.getRange(1, 1, 1, width).clearContent();
    changeLog.getRange(2, 1, 10, CHANGE_LOG_LAYOUT.header.length).setWrap(false);
    changeLog.showSheet();
    env.run("setupSpreadsheet");
    expect(sendLog.getRange(1, 1, 1, width).getValues()[0]).toEqual([...SEND_LOG_LAYOUT.header]);
    expect(sendLog.getRange(2, 1).getWrap()).toBe(true);
    expect(changeLog.getRange(2, 1, 10, 1).getWraps().flat()).toEqual(new Array(10).fill(true));
    expect(changeLog.getRange(1, 1).getValue()).toBe(CHANGE_LOG_LAYOUT.header[0]);
    expect(changeLog.isSheetHidden()).toBe(true);
  });
});
