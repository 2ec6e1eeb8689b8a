// Sheet: content, structure and looks of one tab.
import { type ContractCase, fresh, json, thrown } from "../case";

const REF = "https://developers.google.com/apps-script/reference/spreadsheet/sheet";
const SHEETS_TEST = "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testsheets.js";
const TEXT_TEST = "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testsheetstext.js";

export const sheetCases: ContractCase[] = [
  {
    id: "sheet.data-range",
    behaviour:
      "getDataRange is the range from A1 to the last row and the last column with content, blanks inside included",
    source: `${REF}#getDataRange()`,
    note: '"functionally equivalent to creating a Range bounded by A1 and (Sheet.getLastColumn(), Sheet.getLastRow())"',
    covers: ["Sheet.getDataRange", "Range.getA1Notation", "Range.getValues"],
    run(gas) {
      const sheet = fresh(gas, "data range").getSheets()[0]!;
      sheet.getRange("A1").setValue("Thông tin chung");
      sheet.getRange("C4").setValue("Năm");
      const range = sheet.getDataRange();
      return { a1: range.getA1Notation(), values: json(range.getValues()) };
    },
    expected: {
      a1: "A1:C4",
      values: [
        ["Thông tin chung", "", ""],
        ["", "", ""],
        ["", "", ""],
        ["", "", "Năm"],
      ],
    },
  },
  {
    id: "sheet.get-sheet-values",
    behaviour:
      "getSheetValues(row, column, numRows, numColumns) gives the same grid as getRange(…).getValues(), blanks as empty strings, numbers as numbers",
    source: `${REF}#getSheetValues(Integer,Integer,Integer,Integer)`,
    note: '"Returns the rectangular grid of values for this range starting at the given coordinates."',
    covers: ["Sheet.getSheetValues", "Sheet.getRange", "Range.setValues"],
    run(gas) {
      const sheet = fresh(gas, "sheet values").getSheets()[0]!;
      sheet.getRange("A1:C1").setValues([["Ngày", "", 12]]);
      return json(sheet.getSheetValues(1, 1, 1, 4));
    },
    expected: [["Ngày", "", 12, ""]],
  },
  {
    id: "sheet.tab-color",
    behaviour:
      "A new tab has no colour (getTabColor is null); setTabColor sets one in CSS hex notation; null resets it",
    source: `${REF}#setTabColor(String)`,
    note: 'getTabColor: "Gets the sheet tab color, or null if the sheet tab has no color." Kept to lower-case hex in and out, the notation the reference gives.',
    covers: ["Sheet.getTabColor", "Sheet.setTabColor"],
    run(gas) {
      const sheet = fresh(gas, "tab colour").getSheets()[0]!;
      const before = sheet.getTabColor();
      sheet.setTabColor("#999999");
      const set = sheet.getTabColor();
      sheet.setTabColor(null as unknown as string);
      return [before, set, sheet.getTabColor()];
    },
    expected: [null, "#999999", null],
  },
  {
    id: "sheet.append-row-and-last-row",
    behaviour:
      "appendRow writes after the last row with content (strings read as typed); getLastRow/getLastColumn are the last row and column with content",
    source: `${TEXT_TEST}#L149-L154`,
    covers: [
      "Sheet.appendRow",
      "Sheet.getLastRow",
      "Sheet.getLastColumn",
      "Sheet.getRange",
      "Range.getValues",
    ],
    run(gas) {
      const sheet = fresh(gas, "append").getSheets()[0]!;
      const empty = [sheet.getLastRow(), sheet.getLastColumn()];
      sheet.getRange("A1:C1").setValues([["Ngày", "Nội dung", "Số"]]);
      sheet.appendRow(["'05/04/2023", "Tuyên truyền", 12]);
      sheet.getRange("E7").setValue("x");
      sheet.getRange("E7").setValue("");
      return {
        empty,
        last: [sheet.getLastRow(), sheet.getLastColumn()],
        row2: json(sheet.getRange("A2:C2").getValues()[0]),
      };
    },
    expected: { empty: [0, 0], last: [2, 3], row2: ["05/04/2023", "Tuyên truyền", 12] },
  },
  {
    id: "sheet.clear-and-clear-contents",
    behaviour:
      "Sheet.clear() removes values and formats but keeps notes and data validation; clearContents() removes only values",
    source: `${SHEETS_TEST}#L505-L555`,
    covers: [
      "Sheet.clear",
      "Sheet.clearContents",
      "Range.getBackgrounds",
      "Range.getNotes",
      "Range.getDataValidations",
    ],
    run(gas) {
      const sheet = fresh(gas, "clear").getSheets()[0]!;
      const fill = () => {
        const r = sheet.getRange("A1:B1");
        r.setValues([[1, "a"]])
          .setBackgrounds([["#ff0000", "#00ff00"]])
          .setNotes([["n1", "n2"]]);
        r.setDataValidation(gas.SpreadsheetApp.newDataValidation().requireNumberEqualTo(5).build());
        return r;
      };
      const state = (r: GoogleAppsScript.Spreadsheet.Range) => ({
        values: json(r.getValues()[0]),
        backgrounds: json(r.getBackgrounds()[0]),
        notes: json(r.getNotes()[0]),
        validated: r.getDataValidations()[0]!.every((v) => v !== null),
      });
      sheet.clear();
      const cleared = state(fill());
      sheet.clear();
      const afterClear = state(sheet.getRange("A1:B1"));
      fill();
      sheet.clearContents();
      const afterClearContents = state(sheet.getRange("A1:B1"));
      return { cleared, afterClear, afterClearContents };
    },
    expected: {
      cleared: {
        values: [1, "a"],
        backgrounds: ["#ff0000", "#00ff00"],
        notes: ["n1", "n2"],
        validated: true,
      },
      afterClear: {
        values: ["", ""],
        backgrounds: ["#ffffff", "#ffffff"],
        notes: ["n1", "n2"],
        validated: true,
      },
      afterClearContents: {
        values: ["", ""],
        backgrounds: ["#ff0000", "#00ff00"],
        notes: ["n1", "n2"],
        validated: true,
      },
    },
  },
  {
    id: "sheet.structure-the-add-in-sets",
    behaviour:
      "Frozen rows, column widths, a tab's name and hidden state read back as set; getMaxRows is the grid's size, 1000 rows in a new sheet",
    source: REF,
    covers: [
      "Sheet.setFrozenRows",
      "Sheet.getFrozenRows",
      "Sheet.setColumnWidth",
      "Sheet.setColumnWidths",
      "Sheet.getColumnWidth",
      "Sheet.getMaxRows",
      "Sheet.setName",
      "Sheet.getName",
      "Sheet.hideSheet",
      "Sheet.isSheetHidden",
      "Sheet.getParent",
    ],
    run(gas) {
      const ss = fresh(gas, "structure");
      const sheet = ss.insertSheet("Tạm");
      sheet.setFrozenRows(1);
      sheet.setColumnWidth(1, 120).setColumnWidths(2, 2, 200);
      sheet.setName("Công an xã");
      const visible = sheet.isSheetHidden();
      sheet.hideSheet();
      return {
        frozen: sheet.getFrozenRows(),
        widths: [1, 2, 3].map((c) => sheet.getColumnWidth(c)),
        name: sheet.getName(),
        maxRows: sheet.getMaxRows(),
        hidden: [visible, sheet.isSheetHidden()],
        parent: sheet.getParent().getId() === ss.getId(),
      };
    },
    expected: {
      frozen: 1,
      widths: [120, 200, 200],
      name: "Công an xã",
      maxRows: 1000,
      hidden: [false, true],
      parent: true,
    },
  },
  {
    id: "sheet.insert-rows-after-the-last",
    behaviour:
      "insertRowsAfter(getMaxRows(), n) grows the grid by n rows below its last, which can then be written and read; the rows above keep their values",
    source: `${REF}#insertRowsAfter(Integer,Integer)`,
    note: '"Inserts a number of rows after the given row position." What a log grows by before a write of many lines past its last row.',
    covers: [
      "Sheet.insertRowsAfter",
      "Sheet.getMaxRows",
      "Sheet.getRange",
      "Range.setValues",
      "Range.getValues",
    ],
    run(gas) {
      const sheet = fresh(gas, "rows after").getSheets()[0]!;
      const before = sheet.getMaxRows();
      sheet.getRange(before, 1).setValues([["cuối"]]);
      sheet.insertRowsAfter(before, 3);
      sheet.getRange(before + 1, 1, 3, 1).setValues([["a"], ["b"], ["c"]]);
      return {
        grown: sheet.getMaxRows() - before,
        values: json(sheet.getRange(before, 1, 4, 1).getValues()),
      };
    },
    expected: { grown: 3, values: [["cuối"], ["a"], ["b"], ["c"]] },
  },
  {
    id: "sheet.names-are-unique",
    behaviour: "A spreadsheet refuses a second tab with a name it already has, whatever the case",
    source: "https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)",
    covers: ["Spreadsheet.insertSheet", "Spreadsheet.getSheetByName", "Sheet.getName"],
    run(gas) {
      const ss = fresh(gas, "names");
      ss.insertSheet("Nhật ký");
      return {
        again: thrown(() => ss.insertSheet("NHẬT KÝ")),
        found: ss.getSheetByName("nhật ký")?.getName() ?? null,
        missing: ss.getSheetByName("Không có") === null,
      };
    },
    expected: {
      again: 'A sheet with the name "NHẬT KÝ" already exists. Please enter another name.',
      found: "Nhật ký",
      missing: true,
    },
  },
  {
    id: "sheet.id-stays-with-the-sheet",
    behaviour:
      "getSheetId is an id unique in the spreadsheet, given when the sheet is made and independent of its position and name",
    source: `${REF}#getSheetId()`,
    covers: ["Sheet.getSheetId", "Spreadsheet.insertSheet", "Sheet.setName", "Spreadsheet.getSheetByName"],
    run(gas) {
      const ss = fresh(gas, "sheet ids");
      const first = ss.getSheets()[0]!;
      const id = first.getSheetId();
      const other = ss.insertSheet("Khác", 0);
      first.setName("Đổi tên");
      return {
        same: ss.getSheetByName("Đổi tên")!.getSheetId() === id,
        distinct: other.getSheetId() !== id,
        integer: Number.isInteger(id) && Number.isInteger(other.getSheetId()),
      };
    },
    expected: { same: true, distinct: true, integer: true },
  },
];
