import { describe, expect, it } from "vitest";
import { environment, gas } from "./harness";

// DESIGN.md, "Local tools": every service call is counted; that is how performance is measured.
describe("call counting", () => {
  it("counts each call on an Apps Script object as Service.method, builders included", () => {
    const env = environment(`function work() {
      var p = PropertiesService.getScriptProperties();
      p.setProperty("a", "1"); p.getProperty("a"); p.getProperty("b");
      ScriptApp.newTrigger("work").timeBased().everyDays(1).atHour(7).create();
      Utilities.formatDate(new Date(), "Asia/Ho_Chi_Minh", "dd/MM/yyyy");
    }`);
    env.run("work");
    expect(env.calls.counts).toEqual({
      "PropertiesService.getScriptProperties": 1,
      "Properties.setProperty": 1,
      "Properties.getProperty": 2,
      "ScriptApp.newTrigger": 1,
      "TriggerBuilder.timeBased": 1,
      "ClockTriggerBuilder.everyDays": 1,
      "ClockTriggerBuilder.atHour": 1,
      "ClockTriggerBuilder.create": 1,
      "Utilities.formatDate": 1,
    });
    expect(env.calls.total).toBe(10);
    expect(env.calls.get("Properties.getProperty")).toBe(2);
  });

  it("counts spreadsheet calls too, and resetCalls starts again from zero", () => {
    const env = environment(`function read() {
      return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1:C3").getValues().length; }`);
    env.run("read");
    expect(env.calls.get("Range.getValues")).toBe(1);
    expect(env.calls.get("SpreadsheetApp.getActiveSpreadsheet")).toBe(1);
    env.resetCalls();
    expect(env.calls.total).toBe(0);
    expect(env.calls.counts).toEqual({});
  });

  it("the emulator's own bookkeeping is not counted (showing a sidebar reads the HtmlOutput quietly)", () => {
    const env = environment(`function show() {
      SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput("<p>x</p>")); }`);
    env.run("show");
    expect(env.calls.get("HtmlOutput.getContent")).toBe(0);
    expect(env.calls.get("Ui.showSidebar")).toBe(1);
  });

  // issue 2: "Anything the add-in might need that Google has and you have not done: throw".
  it("a member Google has but the emulator lacks throws 'Not implemented in the emulator'", () => {
    const { Utilities, ScriptApp } = gas(environment());
    expect(() => (Utilities as unknown as { parseCsv: (s: string) => unknown }).parseCsv("a,b")).toThrow(
      "Not implemented in the emulator: Utilities.parseCsv",
    );
    expect(() => ScriptApp.getOAuthToken()).toThrow(
      "Not implemented in the emulator: ScriptApp.getOAuthToken",
    );
    const env = environment(`function drive() { return DriveApp.getFiles(); }`);
    expect(() => env.run("drive")).toThrow("Not implemented in the emulator: DriveApp.getFiles");
  });

  it("the Sheets advanced service: one call per request, and what it does not do throws", () => {
    const env = environment(`
      function widths() {
        const id = SpreadsheetApp.getActiveSpreadsheet().getId();
        Sheets.Spreadsheets.batchUpdate({ requests: [{ updateDimensionProperties: {
          range: { sheetId: 0, dimension: "COLUMNS", startIndex: 0, endIndex: 2 },
          properties: { pixelSize: 220 }, fields: "pixelSize" } }] }, id);
        return Sheets.Spreadsheets.get(id, { fields: "sheets.properties.title" }).sheets.length;
      }
      function merge() {
        const id = SpreadsheetApp.getActiveSpreadsheet().getId();
        Sheets.Spreadsheets.batchUpdate({ requests: [{ sortRange: { range: { sheetId: 0 } } }] }, id);
      }
      function grid() {
        Sheets.Spreadsheets.get(SpreadsheetApp.getActiveSpreadsheet().getId(), { includeGridData: true });
      }
      function values() { return Sheets.Spreadsheets.getByDataFilter({}, "x"); }`);
    expect(env.run("widths")).toBe(1);
    expect(env.calls.get("SpreadsheetsCollection.batchUpdate")).toBe(1);
    expect(env.calls.get("SpreadsheetsCollection.get")).toBe(1);
    expect(() => env.run("merge")).toThrow(
      'Not implemented in the emulator: SpreadsheetsCollection.batchUpdate request "sortRange"',
    );
    expect(() => env.run("grid")).toThrow(
      "Not implemented in the emulator: SpreadsheetsCollection.get includeGridData without a field mask",
    );
    expect(() => env.run("values")).toThrow(
      "Not implemented in the emulator: SpreadsheetsCollection.getByDataFilter",
    );
  });
});

// Google services fail now and then with an exception ("Service … failed", "Exceeded maximum execution
// time"); a test arms one failure of one method to see how the script copes.
describe("failures on demand", () => {
  it("makes the next call of one method throw, once, and leaves every other call alone", () => {
    const env = environment(`function save(v) {
      PropertiesService.getScriptProperties().setProperty("k", v);
      return PropertiesService.getScriptProperties().getProperty("k");
    }`);
    env.failNext("Properties.setProperty", "Service unavailable: Properties");
    expect(() => env.run("save", "1")).toThrow("Service unavailable: Properties");
    expect(env.run("save", "2")).toBe("2");
  });
});
