import { describe, expect, it } from "vitest";
import { createEnvironment } from "../../../src/local/emulator/index";
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
});
