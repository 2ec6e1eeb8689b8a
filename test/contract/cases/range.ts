// Range: values in and out, shape errors, notes, backgrounds and the other formats the add-in writes.
import { type ContractCase, fresh, json, thrown } from "../case";

const REF = "https://developers.google.com/apps-script/reference/spreadsheet/range";
const SHEETS_TEST = "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testsheets.js";

export const rangeCases: ContractCase[] = [
  {
    id: "range.font-weights",
    behaviour:
      'setFontWeights sets each cell\'s weight from a grid of "bold" or "normal" (null resets to normal); getFontWeights reads them back',
    source: `${REF}#setFontWeights(Object)`,
    covers: ["Range.setFontWeights", "Range.getFontWeights"],
    run(gas) {
      const range = fresh(gas, "font weights").getSheets()[0]!.getRange("A1:B2");
      range.setFontWeights([
        ["bold", "normal"],
        ["bold", null],
      ]);
      return json(range.getFontWeights());
    },
    expected: [
      ["bold", "normal"],
      ["bold", "normal"],
    ],
  },
  {
    id: "range.value-types",
    behaviour:
      'getValues gives numbers, strings, booleans and Dates as they are, and "" for an empty cell; getDisplayValues gives the text shown',
    source: `${REF}#getValues()`,
    note: '"Empty cells are represented by an empty string in the array." Values "may be of type Number, Boolean, Date, or String".',
    covers: [
      "Range.setValues",
      "Range.getValues",
      "Range.getDisplayValues",
      "Range.setNumberFormats",
      "Sheet.getRange",
    ],
    run(gas) {
      const ss = fresh(gas, "value types");
      ss.setSpreadsheetLocale("en_US");
      ss.setSpreadsheetTimeZone("Asia/Ho_Chi_Minh");
      const range = ss.getSheets()[0]!.getRange(1, 1, 1, 5);
      range.setNumberFormats([["0", "@", "0", "yyyy-mm-dd", "0"]]);
      range.setValues([[12, "Tuyên truyền", true, new Date("2023-04-05T00:00:00+07:00"), ""]]);
      const [row] = range.getValues();
      return {
        types: row!.map((v) =>
          Object.prototype.toString.call(v) === "[object Date]" ? "Date" : v === "" ? "empty" : typeof v,
        ),
        values: json(row),
        shown: json(range.getDisplayValues()[0]),
      };
    },
    expected: {
      types: ["number", "string", "boolean", "Date", "empty"],
      values: [12, "Tuyên truyền", true, { date: "2023-04-04T17:00:00.000Z" }, ""],
      shown: ["12", "Tuyên truyền", "TRUE", "2023-04-05", ""],
    },
  },
  {
    id: "range.set-values-shape",
    behaviour:
      "setValues refuses data whose rows or columns do not match the range, saying how many each has, and writes nothing",
    source: `${REF}#setValues(Object)`,
    note: '"The dimensions of the array must match the range."',
    covers: ["Range.setValues", "Range.getValues"],
    run(gas) {
      const range = fresh(gas, "shape").getSheets()[0]!.getRange("A1:B2");
      return {
        rows: thrown(() => range.setValues([[1, 2]])),
        columns: thrown(() =>
          range.setValues([
            [1, 2, 3],
            [4, 5, 6],
          ]),
        ),
        written: json(range.getValues()),
      };
    },
    expected: {
      rows: "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
      columns:
        "The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.",
      written: [
        ["", ""],
        ["", ""],
      ],
    },
  },
  {
    id: "range.geometry",
    behaviour: "A range knows its sheet, first row, size and A1 notation",
    source: `${REF}#getRow()`,
    covers: [
      "Sheet.getRange",
      "Range.getRow",
      "Range.getNumRows",
      "Range.getNumColumns",
      "Range.getSheet",
      "Range.getA1Notation",
      "Sheet.getName",
    ],
    run(gas) {
      const sheet = fresh(gas, "geometry").getSheets()[0]!;
      const r = sheet.getRange(3, 2, 4, 5);
      return [
        r.getRow(),
        r.getNumRows(),
        r.getNumColumns(),
        r.getSheet().getName() === sheet.getName(),
        r.getA1Notation(),
      ];
    },
    expected: [3, 4, 5, true, "B3:F6"],
  },
  {
    id: "range.notes",
    behaviour:
      'Notes are set per cell and read back as strings, "" where a cell has none; a whole number becomes "n.0"',
    source: `${SHEETS_TEST}#L770-L792`,
    note: "setNotes with an integer stores it with .0 (https://issuetracker.google.com/issues/429373214).",
    covers: ["Range.setNotes", "Range.getNotes", "Range.setNote", "Range.getNote"],
    run(gas) {
      const range = fresh(gas, "notes").getSheets()[0]!.getRange("A1:C1");
      range.setNotes([["Ngày không hợp lệ", "", 5 as unknown as string]]);
      const notes = range.getNotes()[0]!;
      range.getCell(1, 2).setNote("Ghi chú");
      return { notes: json(notes), single: range.getCell(1, 2).getNote(), after: json(range.getNotes()[0]) };
    },
    expected: {
      notes: ["Ngày không hợp lệ", "", "5.0"],
      single: "Ghi chú",
      after: ["Ngày không hợp lệ", "Ghi chú", "5.0"],
    },
  },
  {
    id: "range.backgrounds",
    behaviour:
      'Backgrounds are set per cell or for the whole range and read as lower-case hex, "#ffffff" where none is set; null resets a cell',
    source: `${REF}#getBackgrounds()`,
    note: `gas-fakes: cleared cells read "#ffffff" (${SHEETS_TEST}#L515-L519).`,
    covers: ["Range.setBackgrounds", "Range.getBackgrounds", "Range.setBackground", "Range.getCell"],
    run(gas) {
      const range = fresh(gas, "backgrounds").getSheets()[0]!.getRange("A1:C1");
      range.setBackgrounds([["#FCE8E6", "#fff2cc", null as unknown as string]]);
      const set = range.getBackgrounds()[0]!;
      range.getCell(1, 1).setBackground(null as unknown as string);
      range.getCell(1, 3).setBackground("#d9ead3");
      return { set: json(set), after: json(range.getBackgrounds()[0]) };
    },
    expected: { set: ["#fce8e6", "#fff2cc", "#ffffff"], after: ["#ffffff", "#fff2cc", "#d9ead3"] },
  },
  {
    id: "range.formats-written-by-the-add-in",
    behaviour:
      "Number formats, bold, wrapping and vertical alignment set on a range read back as set (number formats as patterns, 'General' cells as their default)",
    source: `${REF}#getNumberFormats()`,
    covers: [
      "Range.setNumberFormat",
      "Range.setNumberFormats",
      "Range.getNumberFormats",
      "Range.setFontWeight",
      "Range.getFontWeight",
      "Range.setWrap",
      "Range.getWrap",
      "Range.setVerticalAlignment",
      "Range.getVerticalAlignment",
    ],
    run(gas) {
      const sheet = fresh(gas, "formats").getSheets()[0]!;
      sheet.getRange("A1:C1").setNumberFormats([["dd/mm/yyyy", "#,##0", "@"]]);
      sheet.getRange("D1").setNumberFormat("0.0%");
      const header = sheet
        .getRange("A2:D2")
        .setFontWeight("bold")
        .setWrap(true)
        .setVerticalAlignment("middle");
      return {
        formats: json(sheet.getRange("A1:D1").getNumberFormats()[0]),
        bold: header.getFontWeight(),
        wrap: header.getWrap(),
        vertical: header.getVerticalAlignment(),
      };
    },
    expected: { formats: ["dd/mm/yyyy", "#,##0", "@", "0.0%"], bold: "bold", wrap: true, vertical: "middle" },
  },
  {
    id: "range.offset-and-grid",
    behaviour:
      "Range.offset(rows, columns, height, width) is a range of that size moved from the range's top-left cell (negative offsets go up and left); getGridId is its sheet's id; a new sheet has 26 columns whatever its content",
    source: `${REF}#offset(Integer,Integer,Integer,Integer)`,
    note: 'getGridId: https://developers.google.com/apps-script/reference/spreadsheet/range#getGridId() ("the grid ID of the range\'s parent sheet"); getMaxColumns: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getMaxColumns()',
    covers: [
      "Range.offset",
      "Range.getGridId",
      "Sheet.getMaxColumns",
      "Sheet.getSheetId",
      "Range.getA1Notation",
    ],
    run(gas) {
      const sheet = fresh(gas, "offset").getSheets()[0]!;
      const d5 = sheet.getRange("D5");
      return {
        right: sheet.getRange("A1").offset(0, 1, 3, 3).getA1Notation(),
        back: d5.offset(-3, -3, 2, 4).getA1Notation(),
        grid: d5.getGridId() === sheet.getSheetId(),
        columns: sheet.getMaxColumns(),
      };
    },
    expected: { right: "B1:D3", back: "A2:D3", grid: true, columns: 26 },
  },
];
