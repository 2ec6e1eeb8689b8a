// Contract tests: sheets in a spreadsheet and the structure of a sheet.
// Reference pages: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
//                  https://developers.google.com/apps-script/reference/spreadsheet/sheet
import { describe, expect, it } from "vitest";
import { environment } from "../harness";
import { errorOf, setup } from "./helpers";

describe("sheets in a spreadsheet", () => {
  it("a new vi_VN spreadsheet has one 1000×26 sheet named 'Trang tính1' with gid 0", () => {
    // A new spreadsheet has a single sheet with 1000 rows and 26 columns, named in the locale.
    const { ss } = setup();
    const [first] = ss.getSheets();
    expect(ss.getSheets()).toHaveLength(1);
    expect(first?.getName()).toBe("Trang tính1");
    expect(first?.getSheetId()).toBe(0);
    expect([first?.getMaxRows(), first?.getMaxColumns()]).toEqual([1000, 26]);
  });

  it("insertSheet(name) adds a sheet that becomes active; without a name it gets the next default", () => {
    // spreadsheet#insertSheet: "The new sheet becomes the active sheet."
    const { ss } = setup();
    const police = ss.insertSheet("Công an xã");
    expect(ss.getActiveSheet().getName()).toBe("Công an xã");
    expect(police.getIndex()).toBe(2);
    expect(ss.insertSheet().getName()).toBe("Trang tính3");
    expect(ss.getNumSheets()).toBe(3);
  });

  it("insertSheet(name, index) puts the sheet at a 0-based position", () => {
    // spreadsheet#insertSheet(sheetName, sheetIndex): index 0 makes it the first sheet.
    const { ss } = setup();
    ss.insertSheet("Tổng hợp", 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Tổng hợp", "Trang tính1"]);
  });

  it("insertSheet throws when the name exists, ignoring case", () => {
    // Sheets refuses a second tab with the same name (names are unique regardless of case).
    const { ss } = setup();
    ss.insertSheet("Trạm Y tế");
    expect(errorOf(() => ss.insertSheet("Trạm Y tế"))).toBe(
      'A sheet with the name "Trạm Y tế" already exists. Please enter another name.',
    );
    expect(errorOf(() => ss.insertSheet("TRẠM Y TẾ"))).toMatch(/already exists/);
  });

  it("setName renames; a taken name or an empty one is refused", () => {
    // sheet#setName: sets the sheet name; names must be unique and not blank.
    const { ss } = setup();
    const a = ss.insertSheet("Đài truyền thanh");
    ss.insertSheet("Trường học");
    a.setName("Đài truyền thanh xã");
    expect(ss.getSheetByName("Đài truyền thanh xã")?.getSheetId()).toBe(a.getSheetId());
    expect(errorOf(() => a.setName("Trường học"))).toMatch(/already exists/);
    expect(errorOf(() => a.setName("  "))).toMatch(/empty/);
  });

  it("getSheetByName returns null for a missing sheet", () => {
    // spreadsheet#getSheetByName: "Returns null if there is no sheet with the given name."
    const { ss } = setup();
    expect(ss.getSheetByName("Không có")).toBeNull();
  });

  it("deleteSheet removes it; the last sheet cannot be deleted", () => {
    // spreadsheet#deleteSheet; a spreadsheet always keeps at least one sheet.
    const { ss } = setup();
    const tmp = ss.insertSheet("Tạm");
    ss.deleteSheet(tmp);
    expect(ss.getSheetByName("Tạm")).toBeNull();
    expect(errorOf(() => tmp.getName())).toMatch(/deleted/);
    expect(errorOf(() => ss.deleteSheet(ss.getSheets()[0]))).toBe(
      "You can't remove all the sheets in a document.",
    );
  });

  it("hideSheet/showSheet/isSheetHidden; the only visible sheet cannot be hidden", () => {
    // sheet#hideSheet, sheet#showSheet, sheet#isSheetHidden.
    const { ss } = setup();
    const log = ss.insertSheet("Nhật ký");
    log.hideSheet();
    expect(log.isSheetHidden()).toBe(true);
    expect(errorOf(() => ss.getSheets()[0]?.hideSheet())).toBe(
      "You can't hide all the sheets in a document.",
    );
    log.showSheet();
    expect(log.isSheetHidden()).toBe(false);
  });

  it("setActiveSheet and activate change the active sheet", () => {
    // spreadsheet#setActiveSheet / sheet#activate: the sheet becomes the active one.
    const { ss, app } = setup();
    const a = ss.insertSheet("A");
    ss.insertSheet("B");
    ss.setActiveSheet(a);
    expect(app.getActiveSheet().getName()).toBe("A");
    ss.getSheetByName("B")?.activate();
    expect(ss.getActiveSheet().getName()).toBe("B");
  });

  it("tab colour, frozen rows/columns, column widths", () => {
    // sheet#setTabColor(null resets), setFrozenRows/getFrozenRows, setColumnWidth(s)/getColumnWidth.
    const { ss } = setup();
    const s = ss.getActiveSheet();
    s.setTabColor("#6aa84f");
    expect(s.getTabColor()).toBe("#6aa84f");
    s.setTabColor(null);
    expect(s.getTabColor()).toBeNull();
    s.setFrozenRows(1);
    s.setFrozenColumns(2);
    expect([s.getFrozenRows(), s.getFrozenColumns()]).toEqual([1, 2]);
    expect(s.getColumnWidth(3)).toBe(100);
    s.setColumnWidth(3, 240);
    s.setColumnWidths(4, 2, 80);
    expect([s.getColumnWidth(3), s.getColumnWidth(4), s.getColumnWidth(5), s.getColumnWidth(6)]).toEqual([
      240, 80, 80, 100,
    ]);
  });
});

describe("inserting and deleting rows and columns", () => {
  it("insertRowsAfter shifts content down and grows the grid", () => {
    // sheet#insertRowsAfter(afterPosition, howMany).
    const { ss } = setup();
    const s = ss.getActiveSheet();
    s.getRange("A1:A3").setValues([["Tiêu đề"], ["dòng 2"], ["dòng 3"]]);
    s.insertRowsAfter(1, 2);
    expect(s.getRange("A1:A5").getValues()).toEqual([["Tiêu đề"], [""], [""], ["dòng 2"], ["dòng 3"]]);
    expect(s.getMaxRows()).toBe(1002);
  });

  it("new rows inherit the formats and validation of the row they were inserted next to", () => {
    // Sheets copies the neighbouring row's formatting into inserted rows (not its values).
    const { ss, app } = setup();
    const s = ss.getActiveSheet();
    const rule = app.newDataValidation().requireValueInList(["Có", "Không"]).build();
    s.getRange("B2").setValue("Có").setBackground("#fff2cc").setDataValidation(rule);
    s.insertRowAfter(2);
    const added = s.getRange("B3");
    expect(added.getValue()).toBe("");
    expect(added.getBackground()).toBe("#fff2cc");
    expect(added.getDataValidation()?.getCriteriaType()).toBe("VALUE_IN_LIST");
  });

  it("deleteRows removes rows and shifts the rest up; all non-frozen rows cannot go", () => {
    // sheet#deleteRows(rowPosition, howMany).
    const { ss } = setup();
    const s = ss.getActiveSheet();
    s.getRange("A1:A4").setValues([[1], [2], [3], [4]]);
    s.deleteRows(2, 2);
    expect(s.getRange("A1:A2").getValues()).toEqual([[1], [4]]);
    expect(s.getMaxRows()).toBe(998);
    s.setFrozenRows(1);
    expect(errorOf(() => s.deleteRows(2, 997))).toBe(
      "Sorry, it is not possible to delete all non-frozen rows.",
    );
    expect(errorOf(() => s.deleteRows(990, 20))).toBe("Those rows are out of bounds.");
  });

  it("insertColumnsAfter / insertColumnBefore / deleteColumns move content sideways", () => {
    // sheet#insertColumnsAfter(afterPosition, howMany), insertColumnBefore, deleteColumns.
    const { ss } = setup();
    const s = ss.getActiveSheet();
    s.getRange("A1:C1").setValues([["Ngày", "Nội dung", "Số người"]]);
    s.insertColumnsAfter(1, 2);
    expect(s.getRange("A1:E1").getValues()).toEqual([["Ngày", "", "", "Nội dung", "Số người"]]);
    expect(s.getMaxColumns()).toBe(28);
    s.deleteColumns(2, 2);
    s.insertColumnBefore(1);
    expect(s.getRange("A1:D1").getValues()).toEqual([["", "Ngày", "Nội dung", "Số người"]]);
    s.deleteColumn(1);
    expect(s.getRange("A1").getValue()).toBe("Ngày");
  });
});

describe("copies", () => {
  it("Sheet.copyTo copies values and formats into another spreadsheet under 'Bản sao của …'", () => {
    // sheet#copyTo(spreadsheet): copies the sheet to another spreadsheet, which may be the source.
    const { ss, app } = setup();
    const src = ss.insertSheet("Tổng hợp");
    src.getRange("A1:B1").setValues([["Chỉ tiêu", 0.5]]);
    src.getRange("B1").setNumberFormat("0%");
    const copy = app.create("Bản đọc - huyện");
    const dst = src.copyTo(copy);
    expect(dst.getName()).toBe("Bản sao của Tổng hợp");
    expect(dst.getRange("A1:B1").getDisplayValues()).toEqual([["Chỉ tiêu", "50%"]]);
    src.getRange("A1").setValue("đổi");
    expect(dst.getRange("A1").getValue()).toBe("Chỉ tiêu");
  });

  it("Range.copyTo copies a block, or only its values with contentsOnly", () => {
    // range#copyTo(destination, options): contentsOnly / formatOnly.
    const { ss } = setup();
    const s = ss.getActiveSheet();
    s.getRange("A1:B1")
      .setValues([[1, 2]])
      .setBackground("#d9ead3");
    s.getRange("A1:B1").copyTo(s.getRange("D5"));
    s.getRange("A1:B1").copyTo(s.getRange("D6"), { contentsOnly: true });
    expect(s.getRange("D5:E6").getValues()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(s.getRange("D5:D6").getBackgrounds()).toEqual([["#d9ead3"], ["#ffffff"]]);
  });
});

// SheetProperties.hidden (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#sheetproperties):
// "True if the sheet is hidden in the UI, false if it's visible", written by updateSheetProperties with
// the field "hidden"; the last visible sheet cannot be hidden, as with Sheet.hideSheet. Not recorded on
// Google: the add-in hides with Sheet.hideSheet; bench/least.ts hides with the API.
describe("a sheet hidden through the Sheets API", () => {
  const code = `
    function hide(title, hidden) {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const requests = [];
      if (!ss.getSheetByName(title)) requests.push({ addSheet: { properties: { sheetId: 7, title } } });
      requests.push({ updateSheetProperties: { properties: { sheetId: ss.getSheetByName(title) ? ss.getSheetByName(title).getSheetId() : 7, hidden }, fields: "hidden" } });
      Sheets.Spreadsheets.batchUpdate({ requests }, ss.getId());
      return SpreadsheetApp.getActiveSpreadsheet().getSheets().map((s) => [s.getName(), s.isSheetHidden()]);
    }`;

  it("hides a sheet added in the same batchUpdate, shows it again, and never hides the last visible one", () => {
    const env = environment(code);
    expect(env.run("hide", "Nhật ký sửa", true)).toEqual([
      ["Trang tính1", false],
      ["Nhật ký sửa", true],
    ]);
    expect(env.run("hide", "Nhật ký sửa", false)).toEqual([
      ["Trang tính1", false],
      ["Nhật ký sửa", false],
    ]);
    env.run("hide", "Nhật ký sửa", true);
    expect(() => env.run("hide", "Trang tính1", true)).toThrow(
      "You can't hide all the sheets in a document.",
    );
  });
});

describe("a sheet added through the Sheets API", () => {
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#addsheetrequest: the
  // new sheet's SheetProperties (sheetId "if set, must not conflict with any existing sheet ID", title,
  // gridProperties.rowCount/columnCount: the grid's size); AddSheetResponse returns "the properties of the
  // newly added sheet"; without an index the sheet goes to the end of the list
  // (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#SheetProperties).
  const code = `
    function add(requests) {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const reply = Sheets.Spreadsheets.batchUpdate({ requests }, ss.getId());
      return {
        replies: reply.replies.map((r) => r.addSheet.properties),
        sheets: SpreadsheetApp.getActiveSpreadsheet().getSheets().map((s) => [s.getName(), s.getSheetId(), s.getMaxRows(), s.getMaxColumns()]),
      };
    }`;

  it("takes the id, title and grid size asked for, goes to the end, and answers with its properties", () => {
    const env = environment(code);
    const got = env.run("add", [
      {
        addSheet: {
          properties: {
            sheetId: 42,
            title: "Công an xã",
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      },
      {
        addSheet: {
          properties: { sheetId: 43, title: "Nhỏ", gridProperties: { rowCount: 5, columnCount: 3 } },
        },
      },
    ]) as { replies: unknown[]; sheets: unknown[] };
    expect(got.sheets).toEqual([
      ["Trang tính1", 0, 1000, 26],
      ["Công an xã", 42, 1000, 26],
      ["Nhỏ", 43, 5, 3],
    ]);
    expect(got.replies).toEqual([
      {
        sheetId: 42,
        title: "Công an xã",
        index: 1,
        sheetType: "GRID",
        gridProperties: { rowCount: 1000, columnCount: 26 },
      },
      {
        sheetId: 43,
        title: "Nhỏ",
        index: 2,
        sheetType: "GRID",
        gridProperties: { rowCount: 5, columnCount: 3 },
      },
    ]);
  });

  it("refuses an id another sheet has and a grid without rows, adding nothing", () => {
    const env = environment(code);
    expect(() => env.run("add", [{ addSheet: { properties: { sheetId: 0, title: "Trùng" } } }])).toThrow(
      "Invalid sheetId 0",
    );
    expect(() =>
      env.run("add", [{ addSheet: { properties: { title: "Rỗng", gridProperties: { rowCount: 0 } } } }]),
    ).toThrow("Invalid grid size 0");
    expect((env.run("add", []) as { sheets: unknown[] }).sheets).toEqual([["Trang tính1", 0, 1000, 26]]);
  });
});

describe("a cell's wrap read through the Sheets API", () => {
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#CellFormat: wrapStrategy
  // (WRAP, OVERFLOW_CELL, CLIP…) is part of userEnteredFormat; a field at its default is left out.
  const code = `
    function wraps(mask) {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const sheet = ss.getActiveSheet();
      sheet.getRange("A2").setWrap(true);
      sheet.getRange("B2").setWrap(false);
      sheet.getRange("C2").setNumberFormat("@");
      SpreadsheetApp.flush();
      const got = Sheets.Spreadsheets.get(ss.getId(), { ranges: ["'Trang tính1'!A2:D2"], fields: "sheets.data.rowData.values(" + mask + ")" });
      return got.sheets[0].data[0].rowData[0].values;
    }`;

  it("gives WRAP or OVERFLOW_CELL where a cell's wrap was set, and only when the mask names it", () => {
    const env = environment(code);
    const wrap = (mask: string) =>
      (env.run("wraps", mask) as { userEnteredFormat?: { wrapStrategy?: string } }[]).map(
        (c) => c.userEnteredFormat?.wrapStrategy ?? null,
      );
    expect(wrap("userEnteredFormat.wrapStrategy")).toEqual(["WRAP", "OVERFLOW_CELL", null]);
    expect(wrap("userEnteredFormat.numberFormat")).toEqual([null, null, null]);
  });
});
