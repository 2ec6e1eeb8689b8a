import { describe, expect, it } from "vitest";
import { createEnvironment } from "../../../src/local/emulator/index";
import { cellsUnread } from "../../../src/local/emulator/spreadsheet/state";
import { environment, gas, OWNER, POLICE } from "./harness";

const SCRIPT = `
  function prepare() {
    var ss = SpreadsheetApp.getActive();
    var sheet = ss.getSheets()[0].setName("Công an xã");
    sheet.getRange("A1:C2").setValues([["Ngày", "Nội dung", "Số người"], [new Date("2023-04-15T00:00:00+07:00"), "Tuyên truyền", 35]]);
    sheet.getRange("C2").setNumberFormat("#,##0").setNote("đã kiểm tra");
    PropertiesService.getDocumentProperties().setProperty("copyId", "abc");
    PropertiesService.getUserProperties().setProperty("lastUnit", "cong-an");
    CacheService.getScriptCache().put("rollup", "{}", 3600);
    ScriptApp.newTrigger("monthly").timeBased().onMonthDay(15).atHour(7).create();
    MailApp.sendEmail("${OWNER}", "Báo cáo", "nội dung", { attachments: [Utilities.newBlob([37, 80, 68, 70], "application/pdf", "bc.pdf")] });
  }
  function monthly() { MailApp.sendEmail("${OWNER}", "Tháng", "x"); }
  function read() {
    var sheet = SpreadsheetApp.getActive().getSheetByName("Công an xã");
    var v = sheet.getRange("A2:C2").getValues()[0];
    return [v[0] instanceof Date ? v[0].toISOString() : "not a date", v[1], v[2], sheet.getRange("C2").getNote(),
            PropertiesService.getDocumentProperties().getProperty("copyId"),
            PropertiesService.getUserProperties().getProperty("lastUnit"),
            CacheService.getScriptCache().get("rollup"), MailApp.getRemainingDailyQuota()];
  }`;

// issue 2: snapshot() is JSON-serialisable and createEnvironment({ state }) restores it exactly.
describe("snapshot and restore", () => {
  it("round-trips through JSON: sheet values (Dates too), notes, properties, cache, triggers, outbox, quota, clock, user", () => {
    const env = environment(SCRIPT);
    env.run("prepare");
    env.setUser(POLICE);
    const json = JSON.stringify(env.snapshot());
    const restored = createEnvironment({ state: JSON.parse(json) });
    restored.load(SCRIPT);
    expect(restored.user).toBe(POLICE);
    expect(restored.now().getTime()).toBe(env.now().getTime());
    restored.setUser(OWNER);
    expect(restored.run("read")).toEqual([
      "2023-04-14T17:00:00.000Z",
      "Tuyên truyền",
      35,
      "đã kiểm tra",
      "abc",
      "cong-an",
      "{}",
      99,
    ]);
    expect(restored.outbox).toHaveLength(1);
    expect(restored.outbox[0]?.sentAt.getTime()).toBe(env.outbox[0]?.sentAt.getTime());
    expect(Buffer.from(restored.outbox[0]!.attachments[0]!.bytes).toString()).toBe("%PDF");
    expect(restored.triggers.map((t) => t.handler)).toEqual(["monthly"]);
    restored.runTimeTriggers(new Date("2023-04-15T07:00:00+07:00"));
    expect(restored.outbox.map((m) => m.subject)).toEqual(["Báo cáo", "Tháng"]);
  });

  it("a restored environment is independent of the original", () => {
    const env = environment(SCRIPT);
    env.run("prepare");
    const restored = createEnvironment({ state: env.snapshot() });
    gas(restored).PropertiesService.getDocumentProperties().setProperty("copyId", "changed");
    expect(gas(env).PropertiesService.getDocumentProperties().getProperty("copyId")).toBe("abc");
  });

  it("packs formatted empty rows into runs, restores them cell by cell, and still reads states saved cell by cell", () => {
    const script = `
      function format() {
        var sheet = SpreadsheetApp.getActive().getSheets()[0];
        sheet.getRange("B3:B800").setNumberFormat("dd/mm/yyyy").setBackground("#fff2cc");
        sheet.getRange("C3:C800").setDataValidation(
          SpreadsheetApp.newDataValidation().requireValueInList(["Có", "Không"]).build());
        sheet.getRange("B10").setValue("có chữ");
        sheet.getRange("C500").setNote("ghi chú");
      }
      function probe() {
        var sheet = SpreadsheetApp.getActive().getSheets()[0];
        return [sheet.getRange("B9").getNumberFormat(), sheet.getRange("B11").getBackground(),
                sheet.getRange("B10").getValue(), sheet.getRange("C499").getDataValidation().getCriteriaValues()[0],
                sheet.getRange("C500").getNote(), sheet.getRange("C500").getDataValidation() !== null,
                sheet.getRange("B801").getNumberFormat()];
      }`;
    const env = environment(script);
    env.run("format");
    const state = env.snapshot();
    const sheet = state.spreadsheets.spreadsheets[0]!.sheets[0]!;
    // 1,596 formatted cells: a few runs (B above and below the typed cell, C above, at and below the note).
    expect(sheet.runs!.length / 4).toBeLessThanOrEqual(6);
    expect(sheet.cells.map((c) => `${c.r}:${c.c}`)).toEqual(["10:2"]);
    const expected = env.run("probe");
    expect(expected).toEqual([
      "dd/mm/yyyy",
      "#fff2cc",
      "có chữ",
      ["Có", "Không"],
      "ghi chú",
      true,
      "0.###############",
    ]);
    const restored = createEnvironment({ state: JSON.parse(JSON.stringify(state)) });
    restored.load(script);
    expect(restored.run("probe")).toEqual(expected);
    expect(restored.snapshot()).toEqual(state);

    // A state saved before runs existed: every cell in \`cells\`.
    const styles = sheet.styles!;
    const cells = [...sheet.cells];
    for (let i = 0; i < sheet.runs!.length; i += 4) {
      const [c, first, count, style] = sheet.runs!.slice(i, i + 4) as [number, number, number, number];
      for (let r = first; r < first + count; r++) cells.push({ r, c, ...styles[style] });
    }
    const old = structuredClone(state);
    const oldSheet = old.spreadsheets.spreadsheets[0]!.sheets[0]!;
    oldSheet.cells = cells.sort((a, b) => a.r - b.r || a.c - b.c);
    delete oldSheet.runs;
    delete oldSheet.styles;
    const fromOld = createEnvironment({ state: old });
    expect(fromOld.snapshot()).toEqual(state);
  });

  // issue 17: a start restores every tab and the page shows one, so a tab's cells are built when first read.
  it("builds a restored tab's cells when first read: a tab shown before and after reads the same, and a state saved untouched is the state restored", () => {
    const script = `
      function prepare() {
        var ss = SpreadsheetApp.getActive();
        var police = ss.getSheets()[0].setName("Công an xã");
        police.getRange("A1:C3").setValues([["Ngày", "Nội dung", "Số người"],
          [new Date("2023-04-15T00:00:00+07:00"), "Tuyên truyền", 35], [new Date("2023-05-02T00:00:00+07:00"), "Họp dân", 12]]);
        police.getRange("A4:A300").setNumberFormat("dd/mm/yyyy");
        police.getRange("C4:C300").setDataValidation(SpreadsheetApp.newDataValidation()
          .requireValueInList(["Có", "Không"]).setHelpText("Chọn Có hoặc Không").build());
        police.getRange("B3").setNote("đã kiểm tra").setBackground("#fff2cc");
        var school = ss.insertSheet("Trường học");
        school.getRange("A1:B2").setValues([["Việc", "Số lớp"], ["Ngoại khóa", 4]]);
        school.getRange("B2:B200").setDataValidation(SpreadsheetApp.newDataValidation()
          .requireNumberBetween(0, 40).setHelpText("Từ 0 đến 40").build());
        school.getRange("A2:A200").setDataValidation(SpreadsheetApp.newDataValidation()
          .requireValueInList(["Ngoại khóa", "Chính khóa"]).build());
      }
      function probe(name) {
        var r = SpreadsheetApp.getActive().getSheetByName(name).getRange("A1:C300");
        return JSON.stringify([r.getValues(), r.getNotes(), r.getBackgrounds(), r.getNumberFormats(),
          r.getDataValidations().map(function (row) { return row.map(function (v) {
            return v && [String(v.getCriteriaType()), v.getCriteriaValues(), v.getHelpText()]; }); })]);
      }`;
    const env = environment(script);
    env.run("prepare");
    const state = JSON.parse(JSON.stringify(env.snapshot()));
    const id = state.spreadsheets.spreadsheets[0]!.id as string;
    const tabs = ["Công an xã", "Trường học"];
    const sheetsOf = (e: ReturnType<typeof createEnvironment>) => e.sheets.byId(id)!._data.sheets;

    // Restored: no tab's cells are built, and a state taken untouched is exactly the one restored.
    const untouched = createEnvironment({ state: structuredClone(state) });
    expect(sheetsOf(untouched).map(cellsUnread)).toEqual([true, true]);
    expect(untouched.snapshot()).toEqual(state);

    // One tab shown (its own snapshot) leaves it unbuilt, and restores into the same cells as the live one's.
    const shown = createEnvironment({ state: structuredClone(state) });
    for (const name of tabs) {
      const view = shown.sheets.snapshot({ spreadsheetId: id, sheetName: name });
      expect(sheetsOf(shown).map(cellsUnread)).toEqual([true, true]);
      const fromView = createEnvironment({ state: { ...structuredClone(state), spreadsheets: view } });
      const fromLive = createEnvironment({
        state: {
          ...structuredClone(state),
          spreadsheets: env.sheets.snapshot({ spreadsheetId: id, sheetName: name }),
        },
      });
      fromView.load(script);
      fromLive.load(script);
      expect(fromView.run("probe", name)).toBe(fromLive.run("probe", name));
      expect(fromView.run("probe", name)).toBe(env.run("probe", name));
    }

    // Read through the script, a tab is built and reads as the original; the other stays as it was.
    shown.load(script);
    expect(shown.run("probe", "Trường học")).toBe(env.run("probe", "Trường học"));
    expect(sheetsOf(shown).map(cellsUnread)).toEqual([true, false]);
    // Written before ever read, a tab keeps the write and every cell it had.
    for (const e of [shown, env]) e.userEdit("Công an xã", "B4", [["Phát tờ rơi"]], { typed: true });
    expect(sheetsOf(shown).map(cellsUnread)).toEqual([false, false]);
    expect(shown.run("probe", "Công an xã")).toBe(env.run("probe", "Công an xã"));
    expect(shown.snapshot().spreadsheets).toEqual(env.snapshot().spreadsheets);
  });
});
