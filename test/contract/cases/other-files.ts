// Files other than the bound spreadsheet: what a script may open, read and write in a file of another
// account as far as sharing and protections allow (the upper level's intake files); growing a tab.
import { type ContractCase, EDITOR, fresh, type Json, OUTSIDER, OWNER } from "../case";

const APP = "https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app";
const SHEET = "https://developers.google.com/apps-script/reference/spreadsheet/sheet";

/** A script each account runs as itself: make a file shared with one editor, then read and write it. */
const SCRIPT = `
function make() {
  var ss = SpreadsheetApp.create("Nhận số liệu");
  var sheet = ss.getSheets()[0];
  sheet.getRange("A1:B2").setValues([["Kỳ", "Tử số"], ["x", 1]]);
  var p = sheet.getRange("A1:B1").protect();
  p.removeEditors(p.getEditors());
  ss.addEditor("${EDITOR}");
  return ss.getId();
}
function read(id) {
  try { return SpreadsheetApp.openById(id).getSheets()[0].getDataRange().getValues().length + " rows"; }
  catch (e) { return e.message; }
}
function write(id, a1) {
  try { SpreadsheetApp.openById(id).getSheets()[0].getRange(a1).setValue(2); return "written"; }
  catch (e) { return e.message; }
}
`;

export const otherFilesCases: ContractCase[] = [
  {
    id: "files.shared-with-one-account",
    behaviour:
      "A file shared with one account as editor opens for that account's scripts (every tab readable, protected ranges refuse writes) and for nobody else's",
    source: `${APP}#openById(String)`,
    note:
      'openById: "Throws an exception if the ID is invalid or the user doesn\'t have permission"; protections restrict ' +
      "editing, not reading (Protection: a protected range can be edited only by its editors).",
    covers: ["SpreadsheetApp.openById", "Spreadsheet.addEditor", "Sheet.getDataRange", "Range.protect"],
    world: { editors: [EDITOR, OUTSIDER] },
    script: SCRIPT,
    manual:
      "As owner@ create a file, protect A1:B1 for yourself, share it with editor@ only. From a script of editor@: " +
      "openById reads both rows, setValue in A1 is refused, in A2 allowed. From a script of someone@other: openById throws.",
    run(_gas, world) {
      world.setUser(OWNER);
      const id = world.run("make") as string;
      world.setUser(EDITOR);
      const editor = [world.run("read", id), world.run("write", id, "A1"), world.run("write", id, "B2")];
      world.setUser(OUTSIDER);
      const outsider = [world.run("read", id), world.run("write", id, "B2")];
      return { editor, outsider } as Json;
    },
    expected: {
      editor: [
        "2 rows",
        "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
        "written",
      ],
      outsider: [
        "You do not have permission to access the requested document.",
        "You do not have permission to access the requested document.",
      ],
    },
  },
  {
    id: "sheet.insert-rows-after",
    behaviour:
      "insertRowsAfter(last row, n) adds n empty rows at the end, growing getMaxRows; the data range stays",
    source: `${SHEET}#insertRowsAfter(Integer,Integer)`,
    covers: ["Sheet.insertRowsAfter", "Sheet.getMaxRows", "Sheet.getDataRange", "Range.getA1Notation"],
    run(gas) {
      const sheet = fresh(gas, "data range").getSheets()[0]!;
      sheet.getRange("B3").setValue(5);
      const before = sheet.getMaxRows();
      sheet.insertRowsAfter(before, 500);
      return [sheet.getDataRange().getA1Notation(), before, sheet.getMaxRows()];
    },
    expected: ["A1:B3", 1000, 1500],
  },
];
