// Contract tests: Range values, A1 notation and getRange, as Google documents them.
// Reference pages: https://developers.google.com/apps-script/reference/spreadsheet/range
//                  https://developers.google.com/apps-script/reference/spreadsheet/sheet
import { describe, expect, it } from "vitest";
import { errorOf, setup, vnDate } from "./helpers";

describe("Range values", () => {
  it("getValues gives numbers, strings, booleans, Dates, and '' for empty cells", () => {
    // range#getValues: a two-dimensional array of Number, Boolean, Date or String; empty cells are "".
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange("A1:D1").setValues([[12, "Tuyên truyền tại thôn Đông", true, vnDate(2023, 4, 15)]]);
    const row = sheet.getRange("A1:E1").getValues()[0]!;
    expect(row[0]).toBe(12);
    expect(row[1]).toBe("Tuyên truyền tại thôn Đông");
    expect(row[2]).toBe(true);
    expect(Object.prototype.toString.call(row[3])).toBe("[object Date]");
    expect((row[3] as Date).getTime()).toBe(vnDate(2023, 4, 15).getTime());
    expect(row[4]).toBe("");
  });

  it("returns copies: changing a Date from getValues does not change the cell", () => {
    // Values are returned by value (a new array each call), not as live references.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1");
    r.setValue(vnDate(2023, 4, 15));
    (r.getValue() as Date).setFullYear(1999);
    expect((r.getValue() as Date).getTime()).toBe(vnDate(2023, 4, 15).getTime());
  });

  it("setValues refuses data whose row count differs from the range, with Google's message", () => {
    // range#setValues: the array's dimensions must match the range.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A2:F10");
    expect(errorOf(() => r.setValues([[1, 2, 3, 4, 5, 6]]))).toBe(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 9.",
    );
  });

  it("setValues refuses a row whose length differs from the range's columns", () => {
    // range#setValues: each inner array must have as many values as the range has columns.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1:C2");
    expect(
      errorOf(() =>
        r.setValues([
          [1, 2, 3],
          [4, 5],
        ]),
      ),
    ).toBe(
      "The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.",
    );
    expect(r.getValues()).toEqual([
      ["", "", ""],
      ["", "", ""],
    ]);
  });

  it("setValue writes the same value into every cell of a multi-cell range", () => {
    // range#setValue: sets the value of the range.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("B2:C3");
    r.setValue("Có");
    expect(r.getValues()).toEqual([
      ["Có", "Có"],
      ["Có", "Có"],
    ]);
  });

  it("a string starting with '=' becomes a formula; formulas are not computed (#ERROR!)", () => {
    // range#setValue: "If the value begins with '=' it is interpreted as a formula."
    // Emulator limit: formulas are stored but not evaluated; getValues reports "#ERROR!".
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1:B1");
    r.setValues([["=SUM(C1:C9)", "tổng"]]);
    expect(r.getFormulas()).toEqual([["=SUM(C1:C9)", ""]]);
    expect(r.getValues()).toEqual([["#ERROR!", "tổng"]]);
  });

  it("a cell formatted as plain text '@' keeps '=…' and numbers-as-text as strings", () => {
    // Sheets: the plain-text number format stores what is entered as text, formulas included.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1:B1");
    r.setNumberFormat("@");
    r.setValues([['=HYPERLINK("x")', "0912345678"]]);
    expect(r.getFormulas()).toEqual([["", ""]]);
    expect(r.getValues()).toEqual([['=HYPERLINK("x")', "0912345678"]]);
  });

  it("strings written by a script are read like typed text in a vi_VN spreadsheet", () => {
    // range#setValue behaves as if the value were entered by a user, in the spreadsheet's locale:
    // vi_VN groups thousands with "." and marks decimals with ",", and writes dates day/month/year.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1:F1");
    r.setValues([["1.234", "12,5", "15/04/2023", "'0912345678", "0912345678", "TRUE"]]);
    const row = r.getValues()[0]!;
    expect(row.slice(0, 2)).toEqual([1234, 12.5]);
    expect((row[2] as Date).getTime()).toBe(vnDate(2023, 4, 15).getTime());
    expect(row[3]).toBe("0912345678"); // a leading apostrophe forces text, and is not kept
    expect(row[4]).toBe(912345678); // without it Sheets drops the leading zero
    expect(row[5]).toBe(true);
  });

  it("setValue(null) and setValue('') empty the cell", () => {
    // range#setValue: an empty value clears the cell's content.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1:B1");
    r.setValues([[5, "x"]]);
    r.getCell(1, 1).setValue(null);
    r.getCell(1, 2).setValue("");
    expect(r.getValues()).toEqual([["", ""]]);
    expect(ss.getActiveSheet().getLastRow()).toBe(0);
  });

  it("refuses values that are not a number, string, boolean or Date", () => {
    // range#setValues: the values must be of the types the cells can hold.
    const { ss } = setup();
    expect(
      errorOf(() =>
        ss
          .getActiveSheet()
          .getRange("A1")
          .setValues([[{ a: 1 }]]),
      ),
    ).toMatch(/don't match the method signature for SpreadsheetApp\.Range\.setValues/);
  });
});

describe("getRange and A1 notation", () => {
  it("getRange(row, column, numRows, numColumns) is 1-based", () => {
    // sheet#getRange(row, column, numRows, numColumns): the top-left cell is (1, 1).
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    const r = sheet.getRange(2, 3, 4, 5);
    expect(r.getA1Notation()).toBe("C2:G5");
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 3, 4, 5]);
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([5, 7]);
    expect(sheet.getRange(1, 1).getA1Notation()).toBe("A1");
    expect(sheet.getRange(1, 1, 3).getA1Notation()).toBe("A1:A3");
  });

  it("getRange throws on a zero or negative position or size", () => {
    // sheet#getRange: row and column start at 1; a range has at least one row and one column.
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect(errorOf(() => sheet.getRange(0, 1))).toBe("The starting row of the range is too small.");
    expect(errorOf(() => sheet.getRange(1, -2))).toBe("The starting column of the range is too small.");
    expect(errorOf(() => sheet.getRange(1, 1, 0, 1))).toBe(
      "The number of rows in the range must be at least 1.",
    );
    expect(errorOf(() => sheet.getRange(1, 1, 1, 0))).toBe(
      "The number of columns in the range must be at least 1.",
    );
  });

  it("getRange throws outside the sheet's grid", () => {
    // A new sheet has 1000 rows and 26 columns; a range must lie inside them.
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect(errorOf(() => sheet.getRange(1001, 1))).toBe(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(errorOf(() => sheet.getRange(1, 27))).toBe(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
  });

  it("accepts A1 ranges, whole columns 'A:C', whole rows '2:5' and open ends 'A2:C'", () => {
    // sheet#getRange(a1Notation): A1 or R1C1-style notation; whole columns/rows span the sheet.
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect(sheet.getRange("A2:F10").getA1Notation()).toBe("A2:F10");
    const cols = sheet.getRange("A:C");
    expect([cols.getRow(), cols.getNumRows(), cols.getNumColumns()]).toEqual([1, 1000, 3]);
    const rows = sheet.getRange("2:5");
    expect([rows.getRow(), rows.getNumRows(), rows.getColumn(), rows.getNumColumns()]).toEqual([2, 4, 1, 26]);
    const open = sheet.getRange("A2:C");
    expect([open.getRow(), open.getLastRow(), open.getLastColumn()]).toEqual([2, 1000, 3]);
    expect(sheet.getRange("$B$3").getA1Notation()).toBe("B3");
  });

  it("open-ended ranges keep their open ends in getA1Notation and report them as unbounded", () => {
    // range#isEndRowBounded: "Determines whether the end of the range is bound to a particular row."
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    const cols = sheet.getRange("A:C");
    expect([cols.getA1Notation(), cols.isEndRowBounded(), cols.isEndColumnBounded()]).toEqual([
      "A:C",
      false,
      true,
    ]);
    expect(sheet.getRange("2:5").getA1Notation()).toBe("2:5");
    expect(sheet.getRange("A2:C").getA1Notation()).toBe("A2:C");
    expect(sheet.getRange(2, 1, 3, 3).isEndRowBounded()).toBe(true);
  });

  it("Spreadsheet.getRange takes 'Sheet!A1', quoted names included", () => {
    // spreadsheet#getRange(a1Notation): "Sheet1!A1:B2" names the sheet; without it the active sheet.
    const { ss } = setup();
    ss.insertSheet("Công an xã").getRange("B2").setValue(7);
    ss.insertSheet("Data");
    expect(ss.getRange("'Công an xã'!B2").getValue()).toBe(7);
    expect(ss.getRange("'Công an xã'!B2").getSheet().getName()).toBe("Công an xã");
    expect(ss.getRange("Data!A1:B2").getSheet().getName()).toBe("Data");
  });

  it("an invalid A1 string throws 'Range not found'", () => {
    // Google reports an unparseable reference as "Range not found".
    const { ss } = setup();
    expect(errorOf(() => ss.getActiveSheet().getRange("hàng 1"))).toBe("Range not found");
  });

  it("offset and getCell move relative to the range", () => {
    // range#offset: a new range shifted by rows/columns, optionally resized; range#getCell is 1-based.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("B2:C3");
    expect(r.offset(1, 2).getA1Notation()).toBe("D3:E4");
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe("B2");
    expect(r.getCell(2, 2).getA1Notation()).toBe("C3");
  });
});

describe("getLastRow, getLastColumn, getDataRange, appendRow", () => {
  it("the sheet's last row/column are those with content, 0 when empty; notes and formats do not count", () => {
    // sheet#getLastRow: "the position of the last row that has content"; same for columns.
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange("A20").setBackground("#ffcccc").setNote("chỉ là ghi chú");
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange("D7").setValue(3);
    sheet.getRange("B9").setValue("x");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([9, 4]);
  });

  it("getDataRange spans A1 to the last row and column with content", () => {
    // sheet#getDataRange: the range bounded by A1 and (getLastColumn(), getLastRow()).
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
    sheet.getRange("C4").setValue(1);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:C4");
  });

  it("appendRow writes after the last row with content and interprets '=' as a formula", () => {
    // sheet#appendRow: appends a row at the bottom of the data; "=..." content is a formula.
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange("A1:C1").setValues([["Ngày", "Nội dung", "Số người"]]);
    sheet.getRange("E1").setNote("không tính là nội dung");
    sheet.appendRow(["15/04/2023", "Tuyên truyền", 35]);
    sheet.appendRow(["16/04/2023", "=A2", 12]);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getRange("B2:C2").getValues()).toEqual([["Tuyên truyền", 35]]);
    expect(sheet.getRange("B3").getFormula()).toBe("=A2");
  });

  it("appendRow past the last grid row grows the sheet", () => {
    // sheet#appendRow adds the row even when the grid is full (the sheet gets a new row).
    const { ss } = setup();
    const sheet = ss.insertSheet("Nhỏ");
    sheet.deleteRows(3, 998);
    sheet.getRange("A1:A2").setValues([[1], [2]]);
    sheet.appendRow([3]);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getRange("A3").getValue()).toBe(3);
  });

  it("Range.getLastRow is the range's end, not the data's", () => {
    // range#getLastRow: "Returns the end row position."
    const { ss } = setup();
    expect(ss.getActiveSheet().getRange("A2:B40").getLastRow()).toBe(40);
  });
});
