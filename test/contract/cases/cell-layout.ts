// How cells are laid out: merged blocks, row heights fitted to their content, what clearing keeps.
// The add-in writes its tables with these (src/gas/table.ts): titles merged across the table, rows
// fitted again after an earlier, longer table, and notes cleared by themselves.
import { type ContractCase, fresh } from "../case";

const SHEETS_TEST = "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testsheets.js";
const VALUES_TEST = "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testsheetsvalues.js";
const SHEET = "https://developers.google.com/apps-script/reference/spreadsheet/sheet";
const RANGE = "https://developers.google.com/apps-script/reference/spreadsheet/range";

/** Ten rows of "R1C1"… so a block shows which cell it takes its value from. */
function labelled(gas: Parameters<ContractCase["run"]>[0], name: string) {
  const sheet = fresh(gas, name).getSheets()[0]!;
  sheet
    .getRange("A1:F10")
    .setValues(
      Array.from({ length: 10 }, (_, r) => Array.from({ length: 6 }, (_, c) => `R${r + 1}C${c + 1}`)),
    );
  return sheet;
}

export const cellLayoutCases: ContractCase[] = [
  {
    id: "cell-layout.merge-and-break-apart",
    behaviour:
      "Range.merge makes one block: each of its cells is part of a merge, a cell outside is not, the block shows its top-left value and getMergedRanges finds it from a range it overlaps; breakApart leaves no merge",
    source: `${SHEETS_TEST}#L363-L412`,
    covers: [
      "Range.merge",
      "Range.isPartOfMerge",
      "Range.getMergedRanges",
      "Range.breakApart",
      "Range.getDisplayValue",
    ],
    run(gas) {
      const sheet = labelled(gas, "merge");
      const block = sheet.getRange("A1:B2");
      block.merge();
      const merged = {
        a1: sheet.getRange("A1").isPartOfMerge(),
        b2: sheet.getRange("B2").isPartOfMerge(),
        c3: sheet.getRange("C3").isPartOfMerge(),
        shown: block.getDisplayValue(),
        found: sheet
          .getRange("A1:C3")
          .getMergedRanges()
          .map((r) => r.getA1Notation()),
      };
      block.breakApart();
      return {
        ...merged,
        afterBreak: sheet.getRange("A1").isPartOfMerge(),
        left: sheet.getDataRange().getMergedRanges().length,
      };
    },
    expected: { a1: true, b2: true, c3: false, shown: "R1C1", found: ["A1:B2"], afterBreak: false, left: 0 },
  },
  {
    id: "cell-layout.merge-across",
    behaviour:
      "Range.mergeAcross merges each row of a range across its columns: two rows give two blocks, both found from the sheet's data range",
    source: `${SHEETS_TEST}#L414-L439`,
    covers: ["Range.mergeAcross", "Range.getMergedRanges", "Range.getDisplayValue", "Sheet.getDataRange"],
    run(gas) {
      const sheet = labelled(gas, "mergeAcross");
      sheet.getRange("D1:F2").mergeAcross();
      return {
        blocks: sheet
          .getDataRange()
          .getMergedRanges()
          .map((r) => r.getA1Notation())
          .sort(),
        d1: sheet.getRange("D1").getDisplayValue(),
        d2: sheet.getRange("D2").getDisplayValue(),
      };
    },
    expected: { blocks: ["D1:F1", "D2:F2"], d1: "R1C4", d2: "R2C4" },
  },
  {
    id: "cell-layout.merge-vertically",
    behaviour:
      "Range.mergeVertically merges each column of a range down its rows: two columns give two blocks",
    source: `${SHEETS_TEST}#L441-L466`,
    covers: ["Range.mergeVertically", "Range.getMergedRanges"],
    run(gas) {
      const sheet = labelled(gas, "mergeVertically");
      sheet.getRange("A5:B7").mergeVertically();
      return sheet
        .getDataRange()
        .getMergedRanges()
        .map((r) => r.getA1Notation())
        .sort();
    },
    expected: ["A5:A7", "B5:B7"],
  },
  {
    id: "cell-layout.clear-notes",
    behaviour:
      "Sheet.clearNotes clears the notes that Sheet.clear keeps (see sheet.clear-and-clear-contents)",
    source: `${SHEETS_TEST}#L505-L529`,
    note: "clearNotes: the same test file, lines 579–597.",
    covers: ["Sheet.clear", "Sheet.clearNotes", "Range.setNotes", "Range.getNotes", "Range.getValues"],
    run(gas) {
      const sheet = fresh(gas, "clear").getSheets()[0]!;
      const range = sheet.getRange("A1:B1");
      range.setValues([["a", "b"]]);
      range.setNotes([["note a", "note b"]]);
      sheet.clear();
      const afterClear = { values: range.getValues(), notes: range.getNotes() };
      sheet.clearNotes();
      return { ...afterClear, afterClearNotes: range.getNotes() };
    },
    expected: {
      values: [["", ""]],
      notes: [["note a", "note b"]],
      afterClearNotes: [["", ""]],
    },
  },
  {
    id: "cell-layout.wraps-per-cell",
    behaviour:
      "Range.setWraps sets each cell's wrapping from a grid of booleans; getWraps gives the grid back",
    source: `${SHEETS_TEST}#L1936-L1941`,
    covers: ["Range.setWraps", "Range.getWraps"],
    run(gas) {
      const range = fresh(gas, "setWraps").getSheets()[0]!.getRange("A1:B2");
      range.setWraps([
        [true, false],
        [false, true],
      ]);
      return range.getWraps();
    },
    expected: [
      [true, false],
      [false, true],
    ],
  },
  {
    id: "cell-layout.font-weights-per-cell",
    behaviour:
      "Range.setFontWeights sets each cell's weight from a grid of 'bold' and 'normal'; getFontWeights gives it back",
    source: `${RANGE}#setFontWeights(Object)`,
    covers: ["Range.setFontWeights", "Range.getFontWeights"],
    run(gas) {
      const range = fresh(gas, "setFontWeights").getSheets()[0]!.getRange("A1:C1");
      range.setFontWeights([["bold", "normal", "bold"]]);
      return range.getFontWeights();
    },
    expected: [["bold", "normal", "bold"]],
  },
  {
    id: "cell-layout.row-heights",
    behaviour: "Sheet.setRowHeights(start, count, height) gives each of those rows that height",
    source: `${VALUES_TEST}#L116-L124`,
    covers: ["Sheet.setRowHeights", "Sheet.getRowHeight"],
    run(gas) {
      const sheet = fresh(gas, "setRowHeights").getSheets()[0]!;
      sheet.setRowHeights(3, 4, 37);
      return [2, 3, 4, 5, 6, 7].map((r) => sheet.getRowHeight(r));
    },
    expected: [21, 37, 37, 37, 37, 21],
  },
  {
    id: "cell-layout.auto-resize-rows",
    behaviour:
      "Sheet.autoResizeRows sets the height of the rows given to fit their contents: a row set to 60 px that holds one line of text is back to a one-line row",
    source: `${SHEET}#autoResizeRows(Integer,Integer)`,
    note: "A row of one line of 10 pt text fitted to its content is Sheets' default row height, 21 px, what getRowHeight gives a new sheet's row.",
    covers: ["Sheet.setRowHeight", "Sheet.getRowHeight", "Sheet.autoResizeRows"],
    run(gas) {
      const sheet = fresh(gas, "autoResizeRows").getSheets()[0]!;
      sheet.getRange("A2").setValue("một dòng");
      const fresh21 = sheet.getRowHeight(2);
      sheet.setRowHeight(2, 60);
      const set = sheet.getRowHeight(2);
      sheet.autoResizeRows(1, 3);
      return { fresh: fresh21, set, fitted: sheet.getRowHeight(2) };
    },
    expected: { fresh: 21, set: 60, fitted: 21 },
  },
];
