// Developer metadata: how the add-in can mark its own columns with something a person cannot type.
import { type ContractCase, fresh, json, thrown } from "../case";

const TEST = "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testsheetsdeveloper.js";
const RESOURCE = "https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata";

export const developerMetadataCases: ContractCase[] = [
  {
    id: "developer-metadata.only-whole-rows-or-columns",
    behaviour:
      "Range.addDeveloperMetadata refuses a cell or a block (only the spreadsheet, a sheet, or an entire row or column carry metadata)",
    source: `${TEST}#L110`,
    covers: ["Range.addDeveloperMetadata"],
    run(gas) {
      const sheet = fresh(gas, "metadata ranges").getSheets()[0]!;
      return ["A1", "B2:D4", "B6:D6", "F2:F5"].map((a1) =>
        thrown(() => sheet.getRange(a1).addDeveloperMetadata("k", "v")),
      );
    },
    expected: Array(4).fill(
      "Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.",
    ),
  },
  {
    id: "developer-metadata.on-a-column",
    behaviour:
      "Metadata added to a whole column is found on that column (key, value, visibility, COLUMN location) and not on a cell of it",
    source: `${TEST}#L122-L133`,
    covers: [
      "Range.addDeveloperMetadata",
      "Range.getDeveloperMetadata",
      "DeveloperMetadata.getKey",
      "DeveloperMetadata.getValue",
      "DeveloperMetadata.getVisibility",
      "DeveloperMetadata.getLocation",
      "DeveloperMetadataLocation.getLocationType",
      "DeveloperMetadataLocation.getColumn",
      "DeveloperMetadataLocation.getRow",
      "Range.getA1Notation",
    ],
    reads: ["DeveloperMetadataVisibility.PROJECT", "SpreadsheetApp.DeveloperMetadataVisibility"],
    run(gas) {
      const sheet = fresh(gas, "metadata column").getSheets()[0]!;
      const column = sheet.getRange("G:G");
      const returned = column.addDeveloperMetadata(
        "colKey",
        "colValue",
        gas.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
      );
      const [m] = column.getDeveloperMetadata();
      return {
        returned: returned.getA1Notation(),
        found: column.getDeveloperMetadata().length,
        key: m!.getKey(),
        value: m!.getValue(),
        visibility: String(m!.getVisibility()),
        location: String(m!.getLocation().getLocationType()),
        column: m!.getLocation().getColumn()!.getA1Notation(),
        row: m!.getLocation().getRow() === null,
        onACell: sheet.getRange("G3").getDeveloperMetadata().length,
      };
    },
    expected: {
      returned: "G:G",
      found: 1,
      key: "colKey",
      value: "colValue",
      visibility: "PROJECT",
      location: "COLUMN",
      column: "G:G",
      row: true,
      onACell: 0,
    },
  },
  {
    id: "developer-metadata.on-a-sheet",
    behaviour:
      "Sheet.addDeveloperMetadata returns the sheet; without a visibility the metadata is DOCUMENT-visible; a key alone has a null value",
    source: `${TEST}#L146-L154`,
    covers: ["Sheet.addDeveloperMetadata", "Sheet.getDeveloperMetadata", "DeveloperMetadata.getValue"],
    run(gas) {
      const sheet = fresh(gas, "metadata sheet").getSheets()[0]!;
      const returned = sheet.addDeveloperMetadata("sheetKey", "sheetValue").addDeveloperMetadata("tag");
      const found = sheet.getDeveloperMetadata();
      return {
        sameSheet: returned.getSheetId() === sheet.getSheetId(),
        found: found.map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())]),
        location: String(found[0]!.getLocation().getLocationType()),
      };
    },
    expected: {
      sameSheet: true,
      found: [
        ["sheetKey", "sheetValue", "DOCUMENT"],
        ["tag", null, "DOCUMENT"],
      ],
      location: "SHEET",
    },
  },
  {
    id: "developer-metadata.finder",
    behaviour:
      "A spreadsheet's finder finds metadata anywhere in it by key, by key and value, and by location type",
    source: `${TEST}#L158-L170`,
    covers: [
      "Spreadsheet.createDeveloperMetadataFinder",
      "DeveloperMetadataFinder.withKey",
      "DeveloperMetadataFinder.withValue",
      "DeveloperMetadataFinder.withLocationType",
      "DeveloperMetadataFinder.find",
      "DeveloperMetadata.getId",
    ],
    reads: ["DeveloperMetadataLocationType.COLUMN"],
    run(gas) {
      const ss = fresh(gas, "metadata finder");
      const sheet = ss.getSheets()[0]!;
      sheet.getRange("C:C").addDeveloperMetadata("column", "entered-by");
      sheet.getRange("E:E").addDeveloperMetadata("column", "status");
      sheet.addDeveloperMetadata("column", "status");
      const byKey = ss.createDeveloperMetadataFinder().withKey("column").find();
      const byBoth = ss.createDeveloperMetadataFinder().withKey("column").withValue("status").find();
      const columns = ss
        .createDeveloperMetadataFinder()
        .withKey("column")
        .withLocationType(gas.SpreadsheetApp.DeveloperMetadataLocationType.COLUMN)
        .find();
      return {
        byKey: byKey.length,
        byBoth: byBoth.length,
        idsDiffer: byBoth[0]!.getId() !== byBoth[1]!.getId(),
        columns: columns.map((m) => m.getLocation().getColumn()!.getA1Notation()),
      };
    },
    expected: { byKey: 3, byBoth: 2, idsDiffer: true, columns: ["C:C", "E:E"] },
  },
  {
    id: "developer-metadata.range-finder-scope",
    behaviour:
      "A range's finder sees metadata wholly inside the range (row 3 is inside 1:5, not inside A1:D5); onIntersectingLocations also sees what crosses it",
    source:
      "https://developers.google.com/apps-script/reference/spreadsheet/range#createDeveloperMetadataFinder()",
    covers: [
      "Range.createDeveloperMetadataFinder",
      "DeveloperMetadataFinder.onIntersectingLocations",
      "DeveloperMetadataFinder.find",
    ],
    run(gas) {
      const sheet = fresh(gas, "metadata scope").getSheets()[0]!;
      sheet.getRange("3:3").addDeveloperMetadata("row");
      const count = (a1: string, intersecting: boolean) => {
        const finder = sheet.getRange(a1).createDeveloperMetadataFinder();
        return (intersecting ? finder.onIntersectingLocations() : finder).find().length;
      };
      return {
        rows1to5: count("1:5", false),
        blockA1D5: count("A1:D5", false),
        blockA1D5Intersecting: count("A1:D5", true),
        rows4to5Intersecting: count("4:5", true),
      };
    },
    expected: { rows1to5: 1, blockA1D5: 0, blockA1D5Intersecting: 1, rows4to5Intersecting: 0 },
  },
  {
    id: "developer-metadata.update-move-remove",
    behaviour:
      "Metadata's key and value can be changed, it can be moved to a column, a row, a sheet or the spreadsheet, and removed",
    source: `${TEST}#L172-L207`,
    covers: [
      "DeveloperMetadata.setValue",
      "DeveloperMetadata.setKey",
      "DeveloperMetadata.moveToColumn",
      "DeveloperMetadata.moveToRow",
      "DeveloperMetadata.moveToSheet",
      "DeveloperMetadata.moveToSpreadsheet",
      "DeveloperMetadata.remove",
      "DeveloperMetadataLocation.getSheet",
      "DeveloperMetadataLocation.getSpreadsheet",
    ],
    run(gas) {
      const ss = fresh(gas, "metadata moves");
      const sheet = ss.getSheets()[0]!;
      const other = ss.insertSheet("Other");
      sheet.getRange("8:8").addDeveloperMetadata("rowKey", "rowValue");
      const [m] = sheet.getRange("8:8").getDeveloperMetadata();
      m!.setValue("updated").setKey("renamed");
      const steps: string[] = [];
      m!.moveToColumn(sheet.getRange("J:J"));
      steps.push(m!.getLocation().getColumn()!.getA1Notation());
      m!.moveToRow(sheet.getRange("9:9"));
      steps.push(m!.getLocation().getRow()!.getA1Notation());
      m!.moveToSheet(other);
      steps.push(m!.getLocation().getSheet()!.getName());
      m!.moveToSpreadsheet();
      steps.push(String(m!.getLocation().getSpreadsheet()!.getId() === ss.getId()));
      const found = ss.getDeveloperMetadata().map((x) => [x.getKey(), x.getValue()]);
      m!.remove();
      return { steps, found: json(found), afterRemove: ss.getDeveloperMetadata().length };
    },
    expected: { steps: ["J:J", "9:9", "Other", "true"], found: [["renamed", "updated"]], afterRemove: 0 },
  },
  {
    id: "developer-metadata.moves-with-its-column",
    behaviour:
      "Column metadata stays with its column when columns are inserted or deleted before it, and is deleted with its column",
    source: RESOURCE,
    note: '"if developer metadata is associated with row 5 and another row is then subsequently inserted above row 5, that original metadata is still associated with the row it was first associated with (what is now row 6). If the associated object is deleted its metadata is deleted too."',
    covers: [
      "Sheet.insertColumnsBefore",
      "Sheet.deleteColumn",
      "Sheet.insertRowsBefore",
      "Sheet.deleteRows",
      "Sheet.createDeveloperMetadataFinder",
    ],
    run(gas) {
      const sheet = fresh(gas, "metadata follows").getSheets()[0]!;
      sheet.getRange("C:C").addDeveloperMetadata("status");
      sheet.getRange("5:5").addDeveloperMetadata("header");
      const where = () =>
        sheet
          .createDeveloperMetadataFinder()
          .find()
          .map((m) => (m.getLocation().getColumn() ?? m.getLocation().getRow())!.getA1Notation());
      const seen = [where()];
      sheet.insertColumnsBefore(1, 2);
      sheet.insertRowsBefore(2, 1);
      seen.push(where());
      sheet.deleteColumn(1);
      sheet.deleteRows(1, 2);
      seen.push(where());
      sheet.deleteColumn(4);
      sheet.deleteRows(4, 1);
      seen.push(where());
      return seen;
    },
    expected: [["C:C", "5:5"], ["E:E", "6:6"], ["D:D", "4:4"], []],
  },
  {
    id: "developer-metadata.a-person-moving-columns",
    behaviour:
      "When a person inserts or deletes columns before it, column metadata still marks the same column",
    source: RESOURCE,
    covers: ["Range.addDeveloperMetadata", "Spreadsheet.createDeveloperMetadataFinder"],
    manual:
      "Add metadata to column C from a script, insert two columns before A and delete column A by hand, then find it: column D.",
    run(gas, world) {
      const ss = gas.SpreadsheetApp.getActiveSpreadsheet();
      const sheet = ss.getSheets()[0]!;
      sheet.getRange("C1").setValue("Trạng thái");
      sheet.getRange("C:C").addDeveloperMetadata("status");
      world.userInsertColumns(sheet.getName(), 0, 2);
      world.userDeleteColumns(sheet.getName(), 1, 1);
      const [m] = ss.createDeveloperMetadataFinder().withKey("status").find();
      const column = m!.getLocation().getColumn()!;
      return { column: column.getA1Notation(), header: String(column.getCell(1, 1).getValue()) };
    },
    expected: { column: "D:D", header: "Trạng thái" },
  },
  {
    id: "developer-metadata.columns-of-a-range-list",
    behaviour:
      "Sheet.getRangeList gives the ranges of its A1 notations, in order; whole columns from it carry column metadata like getRange's",
    source: "https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)",
    note: "RangeList.getRanges: https://developers.google.com/apps-script/reference/spreadsheet/range-list#getRanges()",
    covers: [
      "Sheet.getRangeList",
      "RangeList.getRanges",
      "Range.addDeveloperMetadata",
      "Sheet.createDeveloperMetadataFinder",
    ],
    run(gas) {
      const sheet = fresh(gas, "metadata range list").getSheets()[0]!;
      const ranges = sheet.getRangeList(["D:D", "B:B", "C2:E4"]).getRanges();
      ranges[0]!.addDeveloperMetadata("column", "d");
      ranges[1]!.addDeveloperMetadata("column", "b");
      return {
        ranges: ranges.map((r) => r.getA1Notation()),
        marked: sheet
          .createDeveloperMetadataFinder()
          .withKey("column")
          .find()
          .map((m) => `${m.getValue()}@${m.getLocation().getColumn()!.getA1Notation()}`),
      };
    },
    expected: { ranges: ["D:D", "B:B", "C2:E4"], marked: ["d@D:D", "b@B:B"] },
  },
];
