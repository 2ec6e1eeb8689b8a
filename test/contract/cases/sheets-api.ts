// The Sheets advanced service (Sheets API v4 in Apps Script), for what setup reads and writes with it:
// one spreadsheets.get with a field mask, one batchUpdate. What it writes, SpreadsheetApp reads, and the
// other way round: both work on the same spreadsheet.
import { type ContractCase, EDITOR, fresh, type Json, json, OWNER, thrown } from "../case";

const REST = "https://developers.google.com/sheets/api/reference/rest/v4";
const REQUEST = `${REST}/spreadsheets/request`;

export const sheetsApiCases: ContractCase[] = [
  {
    id: "sheets-api.get-hidden-sheets",
    behaviour:
      "spreadsheets.get with the mask sheets.properties(title,hidden) gives hidden: true on a sheet hidden with SpreadsheetApp's hideSheet and leaves it out on a shown one (its default, false)",
    source: `${REST}/spreadsheets/sheets#SheetProperties`,
    note: 'SheetProperties.hidden: "True if the sheet is hidden in the UI, false if it\'s visible." Proto3 JSON leaves default values out (https://protobuf.dev/programming-guides/proto3/#json). Not recorded on Google.',
    reads: ["SheetProperties.hidden", "SheetProperties.title"],
    covers: ["SpreadsheetsCollection.get", "Spreadsheet.insertSheet", "Sheet.hideSheet", "Spreadsheet.getId"],
    run(gas) {
      const ss = fresh(gas, "sheets api hidden");
      ss.insertSheet("Nhật ký sửa").hideSheet();
      ss.insertSheet("Nhật ký gửi");
      const got = gas.Sheets.Spreadsheets.get(ss.getId(), { fields: "sheets.properties(title,hidden)" });
      return { sheets: (got.sheets ?? []).map((sh) => json(sh.properties)) };
    },
    expected: {
      sheets: [{ title: "Trang tính1" }, { title: "Nhật ký sửa", hidden: true }, { title: "Nhật ký gửi" }],
    },
  },
  {
    id: "sheets-api.get-protected-ranges-with-a-field-mask",
    behaviour:
      "spreadsheets.get with a field mask gives only the fields asked for; protections made with SpreadsheetApp are there as protectedRanges: a whole-sheet one's range is its sheetId alone, a range's has 0-based half-open indexes, editors list the owner and the protection's editors; fields at their default (the first sheet's id 0, a zero index or frozen count) are left out",
    source: `${REST}/spreadsheets/get`,
    note:
      "Field masks: https://developers.google.com/sheets/api/guides/field-masks. ProtectedRange, GridRange and Editors: " +
      `${REST}/spreadsheets/sheets#protectedrange and #gridrange ("Missing indexes indicate the range is unbounded on that side"). ` +
      "Proto3 JSON leaves default values out (https://protobuf.dev/programming-guides/proto3/#json).",
    reads: [
      "Sheets.Spreadsheets",
      "Spreadsheet.sheets",
      "Sheet.properties",
      "Sheet.protectedRanges",
      "SheetProperties.gridProperties",
      "SheetProperties.sheetId",
      "SheetProperties.title",
      "GridProperties.frozenRowCount",
      "GridProperties.rowCount",
      "ProtectedRange.description",
      "ProtectedRange.editors",
      "ProtectedRange.protectedRangeId",
      "ProtectedRange.range",
      "GridRange.endColumnIndex",
      "GridRange.endRowIndex",
      "GridRange.startColumnIndex",
      "GridRange.startRowIndex",
      "Editors.domainUsersCanEdit",
      "Editors.users",
    ],
    covers: [
      "SpreadsheetsCollection.get",
      "Sheet.protect",
      "Range.protect",
      "Protection.setDescription",
      "Protection.addEditors",
      "Spreadsheet.getId",
    ],
    run(gas) {
      const ss = fresh(gas, "sheets api get");
      const sheet = ss.getSheets()[0]!;
      sheet.protect().setDescription("cả trang").addEditors([EDITOR]);
      sheet.getRange("A1:C1").protect().setDescription("tiêu đề").addEditors([EDITOR]);
      const got = gas.Sheets.Spreadsheets.get(ss.getId(), {
        fields:
          "sheets(properties(sheetId,title,gridProperties(rowCount,frozenRowCount)),protectedRanges(protectedRangeId,range,description,editors))",
      });
      // Ids are Google's to choose: only their type is compared.
      const sheets = (got.sheets ?? []).map((sh) => ({
        properties: json(sh.properties),
        protectedRanges: (sh.protectedRanges ?? []).map((p) => ({
          ...(json(p) as { [key: string]: Json }),
          protectedRangeId: typeof p.protectedRangeId,
        })),
      }));
      return { sheets };
    },
    expected: {
      sheets: [
        {
          properties: { title: "Trang tính1", gridProperties: { rowCount: 1000 } },
          protectedRanges: [
            {
              protectedRangeId: "number",
              range: {},
              description: "cả trang",
              editors: { users: [OWNER, EDITOR] },
            },
            {
              protectedRangeId: "number",
              range: { endRowIndex: 1, endColumnIndex: 3 },
              description: "tiêu đề",
              editors: { users: [OWNER, EDITOR] },
            },
          ],
        },
      ],
    },
  },
  {
    id: "sheets-api.add-protected-range",
    behaviour:
      "batchUpdate addProtectedRange protects a whole sheet (a range with its sheetId alone) or a range, with the description and editors given, and replies with the new protectedRangeId; SpreadsheetApp sees both",
    source: `${REQUEST}#addprotectedrangerequest`,
    covers: [
      "SpreadsheetsCollection.batchUpdate",
      "Sheet.getProtections",
      "Protection.getDescription",
      "Protection.getEditors",
      "Protection.getRange",
      "Protection.canDomainEdit",
      "Range.getA1Notation",
      "User.getEmail",
      "Sheet.getSheetId",
    ],
    reads: ["ProtectionType.SHEET", "ProtectionType.RANGE", "SpreadsheetApp.ProtectionType"],
    run(gas) {
      const ss = fresh(gas, "sheets api add protection");
      const sheet = ss.getSheets()[0]!;
      const sheetId = sheet.getSheetId();
      const editors = { users: [EDITOR], domainUsersCanEdit: false };
      const reply = gas.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              addProtectedRange: { protectedRange: { range: { sheetId }, description: "cả trang", editors } },
            },
            {
              addProtectedRange: {
                protectedRange: {
                  range: {
                    sheetId,
                    startRowIndex: 0,
                    endRowIndex: 1,
                    startColumnIndex: 0,
                    endColumnIndex: 4,
                  },
                  description: "tiêu đề",
                  editors,
                },
              },
            },
          ],
        },
        ss.getId(),
      );
      const ids = (
        reply.replies as { addProtectedRange: { protectedRange: { protectedRangeId: unknown } } }[]
      ).map((r) => typeof r.addProtectedRange.protectedRange.protectedRangeId);
      const P = gas.SpreadsheetApp.ProtectionType;
      const seen = (p: GoogleAppsScript.Spreadsheet.Protection) => ({
        description: p.getDescription(),
        editors: p.getEditors().map((u) => u.getEmail()),
        domain: p.canDomainEdit(),
        range: p.getRange().getA1Notation(),
      });
      return {
        ids,
        sheet: sheet.getProtections(P.SHEET).map(seen),
        range: sheet.getProtections(P.RANGE).map(seen),
      };
    },
    expected: {
      ids: ["number", "number"],
      sheet: [{ description: "cả trang", editors: [OWNER, EDITOR], domain: false, range: "" }],
      range: [{ description: "tiêu đề", editors: [OWNER, EDITOR], domain: false, range: "A1:D1" }],
    },
  },
  {
    id: "sheets-api.update-and-delete-protected-range",
    behaviour:
      "batchUpdate updateProtectedRange with fields 'editors' sets the editors (the owner stays one), and deleteProtectedRange removes a protection by its id",
    source: `${REQUEST}#updateprotectedrangerequest`,
    note: `deleteProtectedRange: ${REQUEST}#deleteprotectedrangerequest. The owner "is always able to edit" (https://developers.google.com/apps-script/reference/spreadsheet/protection#removeEditors(String)).`,
    covers: [
      "SpreadsheetsCollection.batchUpdate",
      "SpreadsheetsCollection.get",
      "Sheet.getProtections",
      "Protection.getEditors",
    ],
    reads: ["ProtectionType.SHEET", "ProtectionType.RANGE", "SpreadsheetApp.ProtectionType"],
    run(gas) {
      const ss = fresh(gas, "sheets api update protection");
      const sheet = ss.getSheets()[0]!;
      sheet.protect().setDescription("cả trang").addEditors([EDITOR]);
      sheet.getRange("A1:B1").protect().setDescription("tiêu đề");
      const ranges = gas.Sheets.Spreadsheets.get(ss.getId(), {
        fields: "sheets.protectedRanges(protectedRangeId,description)",
      }).sheets![0]!.protectedRanges!;
      const id = (d: string) => ranges.find((r) => r.description === d)!.protectedRangeId!;
      gas.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              updateProtectedRange: {
                protectedRange: { protectedRangeId: id("cả trang"), editors: { users: [] } },
                fields: "editors",
              },
            },
            { deleteProtectedRange: { protectedRangeId: id("tiêu đề") } },
          ],
        },
        ss.getId(),
      );
      const P = gas.SpreadsheetApp.ProtectionType;
      return {
        editors: sheet.getProtections(P.SHEET).map((p) => p.getEditors().map((u) => u.getEmail())),
        ranges: sheet.getProtections(P.RANGE).length,
      };
    },
    expected: { editors: [[OWNER]], ranges: 0 },
  },
  {
    id: "sheets-api.column-widths",
    behaviour:
      "batchUpdate updateDimensionProperties (COLUMNS, startIndex inclusive, endIndex exclusive, properties.pixelSize, fields 'pixelSize') sets those columns' widths, as Sheet.getColumnWidth reads them",
    source: `${REQUEST}#updatedimensionpropertiesrequest`,
    covers: ["SpreadsheetsCollection.batchUpdate", "Sheet.getColumnWidth"],
    run(gas) {
      const ss = fresh(gas, "sheets api widths");
      const sheet = ss.getSheets()[0]!;
      gas.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              updateDimensionProperties: {
                range: { sheetId: sheet.getSheetId(), dimension: "COLUMNS", startIndex: 1, endIndex: 3 },
                properties: { pixelSize: 250 },
                fields: "pixelSize",
              },
            },
          ],
        },
        ss.getId(),
      );
      return [1, 2, 3, 4].map((c) => sheet.getColumnWidth(c));
    },
    expected: [100, 250, 250, 100],
  },
  {
    id: "sheets-api.column-developer-metadata",
    behaviour:
      "batchUpdate createDeveloperMetadata on a dimensionRange of one column puts metadata on that whole column, found there by SpreadsheetApp with its key, value and visibility",
    source: `${REQUEST}#createdevelopermetadatarequest`,
    note: `DeveloperMetadataLocation.dimensionRange: ${REST}/spreadsheets.developerMetadata#developermetadatalocation`,
    covers: [
      "SpreadsheetsCollection.batchUpdate",
      "Sheet.createDeveloperMetadataFinder",
      "DeveloperMetadataFinder.withKey",
      "DeveloperMetadataFinder.find",
      "DeveloperMetadata.getValue",
      "DeveloperMetadata.getVisibility",
      "DeveloperMetadata.getLocation",
      "DeveloperMetadataLocation.getColumn",
    ],
    run(gas) {
      const ss = fresh(gas, "sheets api metadata");
      const sheet = ss.getSheets()[0]!;
      gas.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              createDeveloperMetadata: {
                developerMetadata: {
                  metadataKey: "ks.column",
                  metadataValue: "status",
                  location: {
                    dimensionRange: {
                      sheetId: sheet.getSheetId(),
                      dimension: "COLUMNS",
                      startIndex: 2,
                      endIndex: 3,
                    },
                  },
                  visibility: "PROJECT",
                },
              },
            },
          ],
        },
        ss.getId(),
      );
      return sheet
        .createDeveloperMetadataFinder()
        .withKey("ks.column")
        .find()
        .map((m) => ({
          value: m.getValue(),
          visibility: String(m.getVisibility()),
          column: m.getLocation().getColumn()!.getA1Notation(),
        }));
    },
    expected: [{ value: "status", visibility: "PROJECT", column: "C:C" }],
  },
  {
    id: "sheets-api.repeat-cell-header-style",
    behaviour:
      "batchUpdate repeatCell with fields naming userEnteredFormat's textFormat.bold, backgroundColorStyle, wrapStrategy and verticalAlignment sets them on every cell of the range (colour components 0–1), as Range's getters read them",
    source: `${REQUEST}#repeatcellrequest`,
    note: `CellFormat: ${REST}/cells#cellformat; Color: ${REST}/other#color ("in the range [0, 1]").`,
    covers: [
      "SpreadsheetsCollection.batchUpdate",
      "Range.getFontWeights",
      "Range.getBackgrounds",
      "Range.getWraps",
      "Range.getVerticalAlignments",
    ],
    run(gas) {
      const ss = fresh(gas, "sheets api repeat cell");
      const sheet = ss.getSheets()[0]!;
      gas.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              repeatCell: {
                range: {
                  sheetId: sheet.getSheetId(),
                  startRowIndex: 0,
                  endRowIndex: 1,
                  startColumnIndex: 0,
                  endColumnIndex: 2,
                },
                cell: {
                  userEnteredFormat: {
                    textFormat: { bold: true },
                    backgroundColorStyle: { rgbColor: { red: 217 / 255, green: 226 / 255, blue: 243 / 255 } },
                    wrapStrategy: "WRAP",
                    verticalAlignment: "MIDDLE",
                  },
                },
                fields:
                  "userEnteredFormat(textFormat.bold,backgroundColorStyle,wrapStrategy,verticalAlignment)",
              },
            },
          ],
        },
        ss.getId(),
      );
      const r = sheet.getRange("A1:C1");
      return {
        weights: r.getFontWeights(),
        backgrounds: r.getBackgrounds(),
        wraps: r.getWraps(),
        vertical: r.getVerticalAlignments(),
      };
    },
    expected: {
      weights: [["bold", "bold", "normal"]],
      backgrounds: [["#d9e2f3", "#d9e2f3", "#ffffff"]],
      wraps: [[true, true, false]],
      vertical: [["middle", "middle", "bottom"]],
    },
  },
  {
    id: "sheets-api.frozen-rows",
    behaviour:
      "batchUpdate updateSheetProperties with fields 'gridProperties.frozenRowCount' freezes rows, as Sheet.getFrozenRows and spreadsheets.get read them",
    source: `${REQUEST}#updatesheetpropertiesrequest`,
    covers: ["SpreadsheetsCollection.batchUpdate", "SpreadsheetsCollection.get", "Sheet.getFrozenRows"],
    run(gas) {
      const ss = fresh(gas, "sheets api frozen");
      const sheet = ss.getSheets()[0]!;
      gas.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              updateSheetProperties: {
                properties: { sheetId: sheet.getSheetId(), gridProperties: { frozenRowCount: 1 } },
                fields: "gridProperties.frozenRowCount",
              },
            },
          ],
        },
        ss.getId(),
      );
      const got = gas.Sheets.Spreadsheets.get(ss.getId(), {
        fields: "sheets.properties.gridProperties.frozenRowCount",
      });
      return { sheet: sheet.getFrozenRows(), api: json(got) };
    },
    expected: { sheet: 1, api: { sheets: [{ properties: { gridProperties: { frozenRowCount: 1 } } }] } },
  },
  {
    id: "sheets-api.get-grid-data-of-ranges",
    behaviour:
      "spreadsheets.get with ranges and a field mask naming sheets.data gives only the sheets the ranges are on, one GridData per range with its cells row by row: userEnteredValue (stringValue, numberValue, boolValue, formulaValue), userEnteredFormat.numberFormat (type and pattern), dataValidation (condition type and values, inputMessage, strict, showCustomUi) as SpreadsheetApp set them, and columnMetadata with the developer metadata of each column",
    source: `${REST}/spreadsheets/get`,
    note:
      `GridData, RowData: ${REST}/spreadsheets/sheets#griddata ("one entry per row, starting with the row in startRow"); ` +
      `CellData, ExtendedValue, CellFormat: ${REST}/cells#celldata; NumberFormat and its types: ${REST}/cells#numberformat; ` +
      `DataValidationRule, BooleanCondition and ConditionType (ONE_OF_LIST, NUMBER_GREATER_THAN_EQ, DATE_IS_VALID): ${REST}/other#conditiontype; ` +
      `DimensionProperties.developerMetadata: ${REST}/spreadsheets/sheets#dimensionproperties. ` +
      "How SpreadsheetApp's requireValueInList(…, true) and setAllowInvalid(true) read back (showCustomUi true, strict left out as false) " +
      "and that trailing empty cells and rows are left out are read from the reference, not recorded on Google.",
    reads: [
      "Sheet.data",
      "GridData.rowData",
      "GridData.columnMetadata",
      "RowData.values",
      "CellData.userEnteredValue",
      "CellData.userEnteredFormat",
      "CellData.dataValidation",
      "CellFormat.numberFormat",
      "NumberFormat.pattern",
      "ExtendedValue.stringValue",
      "ExtendedValue.numberValue",
      "ExtendedValue.boolValue",
      "ExtendedValue.formulaValue",
      "DataValidationRule.condition",
      "BooleanCondition.type",
      "BooleanCondition.values",
      "DataValidationRule.inputMessage",
      "DataValidationRule.strict",
      "DataValidationRule.showCustomUi",
      "ConditionValue.userEnteredValue",
      "DimensionProperties.developerMetadata",
      "DeveloperMetadata.metadataKey",
      "DeveloperMetadata.metadataValue",
      "GridProperties.columnCount",
      "SheetProperties.title",
    ],
    covers: [
      "SpreadsheetsCollection.get",
      "Range.setValues",
      "Range.setNumberFormat",
      "Range.setDataValidation",
      "SpreadsheetApp.newDataValidation",
      "DataValidationBuilder.requireValueInList",
      "DataValidationBuilder.requireNumberGreaterThanOrEqualTo",
      "DataValidationBuilder.setAllowInvalid",
      "DataValidationBuilder.setHelpText",
      "DataValidationBuilder.build",
      "Range.addDeveloperMetadata",
      "Spreadsheet.insertSheet",
    ],
    run(gas) {
      const ss = fresh(gas, "sheets api grid data");
      const sheet = ss.getSheets()[0]!;
      ss.insertSheet("Khác").getRange("A1").setValue("không hỏi");
      sheet.getRange("A1:D1").setValues([["Ngày", 12, true, "=1+1"]]);
      sheet.getRange("B2:B3").setNumberFormat("#,##0");
      const list = gas.SpreadsheetApp.newDataValidation()
        .requireValueInList(["Có", "Không"], true)
        .setAllowInvalid(true)
        .setHelpText("Chọn Có hoặc Không")
        .build();
      sheet.getRange("C2:C3").setDataValidation(list);
      const number = gas.SpreadsheetApp.newDataValidation()
        .requireNumberGreaterThanOrEqualTo(0)
        .setAllowInvalid(false)
        .build();
      sheet.getRange("B3").setDataValidation(number);
      sheet
        .getRange("B:B")
        .addDeveloperMetadata("ks.column", "count", gas.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
      const got = gas.Sheets.Spreadsheets.get(ss.getId(), {
        ranges: [`'${sheet.getName()}'!A1:D4`],
        fields:
          "sheets(properties(title,gridProperties.columnCount),data(rowData.values(userEnteredValue,userEnteredFormat.numberFormat,dataValidation),columnMetadata.developerMetadata(metadataKey,metadataValue)))",
      });
      return json(got);
    },
    expected: {
      sheets: [
        {
          properties: { title: "Trang tính1", gridProperties: { columnCount: 26 } },
          data: [
            {
              rowData: [
                {
                  values: [
                    { userEnteredValue: { stringValue: "Ngày" } },
                    { userEnteredValue: { numberValue: 12 } },
                    { userEnteredValue: { boolValue: true } },
                    { userEnteredValue: { formulaValue: "=1+1" } },
                  ],
                },
                {
                  values: [
                    {},
                    { userEnteredFormat: { numberFormat: { type: "NUMBER", pattern: "#,##0" } } },
                    {
                      dataValidation: {
                        condition: {
                          type: "ONE_OF_LIST",
                          values: [{ userEnteredValue: "Có" }, { userEnteredValue: "Không" }],
                        },
                        inputMessage: "Chọn Có hoặc Không",
                        showCustomUi: true,
                      },
                    },
                  ],
                },
                {
                  values: [
                    {},
                    {
                      userEnteredFormat: { numberFormat: { type: "NUMBER", pattern: "#,##0" } },
                      dataValidation: {
                        condition: { type: "NUMBER_GREATER_THAN_EQ", values: [{ userEnteredValue: "0" }] },
                        strict: true,
                      },
                    },
                    {
                      dataValidation: {
                        condition: {
                          type: "ONE_OF_LIST",
                          values: [{ userEnteredValue: "Có" }, { userEnteredValue: "Không" }],
                        },
                        inputMessage: "Chọn Có hoặc Không",
                        showCustomUi: true,
                      },
                    },
                  ],
                },
              ],
              columnMetadata: [
                {},
                { developerMetadata: [{ metadataKey: "ks.column", metadataValue: "count" }] },
                {},
                {},
              ],
            },
          ],
        },
      ],
    },
  },
  {
    id: "sheets-api.get-grid-data-sub-fields-of-cells",
    behaviour:
      "a field mask naming sub-fields of CellData gives only those: userEnteredFormat.numberFormat.pattern without the type, dataValidation(condition,strict,showCustomUi) without the inputMessage; a cell with none of them is {} and a range that does not start at A1 has its startRow and startColumn",
    source: "https://developers.google.com/sheets/api/guides/field-masks",
    note:
      '"multiple different fields are comma-separated and subfields are dot-separated … multiple subfields from the same type can be listed within parentheses"; ' +
      `CellData: ${REST}/cells#celldata; GridData.startRow/startColumn: ${REST}/spreadsheets/sheets#griddata. ` +
      "That a cell with no field asked for is {} in its row (not left out, which would move the cells after it) is read from the reference, not recorded on Google.",
    reads: [
      "Sheet.data",
      "GridData.startRow",
      "GridData.startColumn",
      "GridData.rowData",
      "RowData.values",
      "CellData.userEnteredFormat",
      "CellData.dataValidation",
      "CellFormat.numberFormat",
      "NumberFormat.pattern",
      "DataValidationRule.condition",
      "BooleanCondition.type",
      "BooleanCondition.values",
      "DataValidationRule.strict",
      "DataValidationRule.showCustomUi",
      "ConditionValue.userEnteredValue",
    ],
    covers: [
      "SpreadsheetsCollection.get",
      "Range.setNumberFormat",
      "Range.setDataValidation",
      "SpreadsheetApp.newDataValidation",
      "DataValidationBuilder.requireValueInList",
      "DataValidationBuilder.requireNumberGreaterThanOrEqualTo",
      "DataValidationBuilder.setAllowInvalid",
      "DataValidationBuilder.setHelpText",
      "DataValidationBuilder.build",
    ],
    run(gas) {
      const ss = fresh(gas, "sheets api cell sub-fields");
      const sheet = ss.getSheets()[0]!;
      sheet.getRange("D2:D3").setNumberFormat("#,##0");
      const list = gas.SpreadsheetApp.newDataValidation()
        .requireValueInList(["Có", "Không"], true)
        .setAllowInvalid(true)
        .setHelpText("Chọn Có hoặc Không")
        .build();
      sheet.getRange("B2:B3").setDataValidation(list);
      const number = gas.SpreadsheetApp.newDataValidation()
        .requireNumberGreaterThanOrEqualTo(0)
        .setAllowInvalid(true)
        .setHelpText("Số nguyên, không âm")
        .build();
      sheet.getRange("D3").setDataValidation(number);
      const got = gas.Sheets.Spreadsheets.get(ss.getId(), {
        ranges: [`'${sheet.getName()}'!B2:D3`],
        fields:
          "sheets(data(startRow,startColumn,rowData.values(userEnteredFormat.numberFormat.pattern,dataValidation(condition,strict,showCustomUi))))",
      });
      return json(got);
    },
    expected: {
      sheets: [
        {
          data: [
            {
              startRow: 1,
              startColumn: 1,
              rowData: [
                {
                  values: [
                    {
                      dataValidation: {
                        condition: {
                          type: "ONE_OF_LIST",
                          values: [{ userEnteredValue: "Có" }, { userEnteredValue: "Không" }],
                        },
                        showCustomUi: true,
                      },
                    },
                    {},
                    { userEnteredFormat: { numberFormat: { pattern: "#,##0" } } },
                  ],
                },
                {
                  values: [
                    {
                      dataValidation: {
                        condition: {
                          type: "ONE_OF_LIST",
                          values: [{ userEnteredValue: "Có" }, { userEnteredValue: "Không" }],
                        },
                        showCustomUi: true,
                      },
                    },
                    {},
                    {
                      userEnteredFormat: { numberFormat: { pattern: "#,##0" } },
                      dataValidation: {
                        condition: { type: "NUMBER_GREATER_THAN_EQ", values: [{ userEnteredValue: "0" }] },
                      },
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  },
  {
    id: "sheets-api.get-grid-data-of-two-ranges-on-one-sheet",
    behaviour:
      "spreadsheets.get with two ranges on one sheet gives that sheet once, with one GridData per range in the order asked; a GridData's startRow and startColumn are 0-based and left out at 0",
    source: `${REST}/spreadsheets/sheets#sheet`,
    note: 'Sheet.data: "if this is representing Sheet1, and the spreadsheet was requested with ranges Sheet1!A1:C10 and Sheet1!D15:E20, then the first GridData will have a startRow/startColumn of 0, while the second one will have startRow 14 (zero-based row 15), and startColumn 3 (zero-based column D)".',
    reads: [
      "Sheet.data",
      "GridData.startRow",
      "GridData.rowData",
      "RowData.values",
      "CellData.userEnteredValue",
    ],
    covers: ["SpreadsheetsCollection.get", "Range.setValues"],
    run(gas) {
      const ss = fresh(gas, "sheets api two ranges");
      const sheet = ss.getSheets()[0]!;
      sheet.getRange("A1:B4").setValues([
        ["a", "b"],
        ["c", "d"],
        ["e", "f"],
        ["g", "h"],
      ]);
      const name = sheet.getName();
      const got = gas.Sheets.Spreadsheets.get(ss.getId(), {
        ranges: [`'${name}'!A1:B2`, `'${name}'!B3:B4`],
        fields: "sheets(data(startRow,startColumn,rowData.values.userEnteredValue))",
      });
      return json(got);
    },
    expected: {
      sheets: [
        {
          data: [
            {
              rowData: [
                {
                  values: [
                    { userEnteredValue: { stringValue: "a" } },
                    { userEnteredValue: { stringValue: "b" } },
                  ],
                },
                {
                  values: [
                    { userEnteredValue: { stringValue: "c" } },
                    { userEnteredValue: { stringValue: "d" } },
                  ],
                },
              ],
            },
            {
              startRow: 2,
              startColumn: 1,
              rowData: [
                { values: [{ userEnteredValue: { stringValue: "f" } }] },
                { values: [{ userEnteredValue: { stringValue: "h" } }] },
              ],
            },
          ],
        },
      ],
    },
  },
  {
    id: "sheets-api.set-data-validation-and-number-format",
    behaviour:
      "batchUpdate setDataValidation sets a rule on every cell of its range (DATE_IS_VALID, or ONE_OF_LIST with showCustomUi, not strict: invalid data is kept) and, without a rule, clears the range's; repeatCell with fields 'userEnteredFormat.numberFormat' sets the format (type and pattern); SpreadsheetApp reads both",
    source: `${REQUEST}#setdatavalidationrequest`,
    note:
      '"To clear validation in a range, call this with no rule specified." repeatCell: ' +
      `${REQUEST}#repeatcellrequest; NumberFormat.type "When writing, this field must be set": ${REST}/cells#numberformat. ` +
      "SpreadsheetApp's names for the API's conditions (DATE_IS_VALID_DATE, VALUE_IN_LIST) are read from the two references, not recorded on Google.",
    covers: [
      "SpreadsheetsCollection.batchUpdate",
      "Range.getDataValidations",
      "DataValidation.getCriteriaType",
      "DataValidation.getCriteriaValues",
      "DataValidation.getAllowInvalid",
      "DataValidation.getHelpText",
      "Range.getNumberFormats",
    ],
    run(gas) {
      const ss = fresh(gas, "sheets api set validation");
      const sheet = ss.getSheets()[0]!;
      const sheetId = sheet.getSheetId();
      const at = (row: number, column: number, rows = 1) => ({
        sheetId,
        startRowIndex: row,
        endRowIndex: row + rows,
        startColumnIndex: column,
        endColumnIndex: column + 1,
      });
      gas.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              setDataValidation: {
                range: at(1, 0, 3),
                rule: { condition: { type: "DATE_IS_VALID" }, inputMessage: "Ngày" },
              },
            },
            {
              setDataValidation: {
                range: at(1, 1, 3),
                rule: {
                  condition: {
                    type: "ONE_OF_LIST",
                    values: [{ userEnteredValue: "Có" }, { userEnteredValue: "Không" }],
                  },
                  showCustomUi: true,
                },
              },
            },
            { setDataValidation: { range: at(2, 1) } },
            {
              repeatCell: {
                range: at(1, 0, 3),
                cell: { userEnteredFormat: { numberFormat: { type: "DATE", pattern: "dd/MM/yyyy" } } },
                fields: "userEnteredFormat.numberFormat",
              },
            },
          ],
        },
        ss.getId(),
      );
      const rules = sheet
        .getRange("A2:B4")
        .getDataValidations()
        .map((row) =>
          row.map((v) =>
            v
              ? [
                  String(v.getCriteriaType()),
                  v
                    .getCriteriaValues()
                    .map((x) => JSON.stringify(x))
                    .join(" "),
                  v.getAllowInvalid(),
                  v.getHelpText(),
                ]
              : null,
          ),
        );
      return { rules, formats: sheet.getRange("A2:A4").getNumberFormats() };
    },
    expected: {
      rules: [
        [
          ["DATE_IS_VALID_DATE", "", true, "Ngày"],
          ["VALUE_IN_LIST", '["Có","Không"] true', true, ""],
        ],
        [["DATE_IS_VALID_DATE", "", true, "Ngày"], null],
        [
          ["DATE_IS_VALID_DATE", "", true, "Ngày"],
          ["VALUE_IN_LIST", '["Có","Không"] true', true, ""],
        ],
      ],
      formats: [["dd/MM/yyyy"], ["dd/MM/yyyy"], ["dd/MM/yyyy"]],
    },
  },
  {
    id: "sheets-api.batch-is-all-or-nothing",
    behaviour:
      "A batchUpdate with one invalid request (a protection on a sheet id that does not exist) fails and applies none of its requests",
    source: `${REST}/spreadsheets/batchUpdate`,
    note: 'The page: "if any request is not valid, the entire request will fail and nothing will be applied".',
    covers: ["SpreadsheetsCollection.batchUpdate", "Sheet.getColumnWidth", "Sheet.getProtections"],
    run(gas) {
      const ss = fresh(gas, "sheets api atomic");
      const sheet = ss.getSheets()[0]!;
      const failed =
        thrown(() =>
          gas.Sheets.Spreadsheets.batchUpdate(
            {
              requests: [
                {
                  updateDimensionProperties: {
                    range: { sheetId: sheet.getSheetId(), dimension: "COLUMNS", startIndex: 0, endIndex: 1 },
                    properties: { pixelSize: 300 },
                    fields: "pixelSize",
                  },
                },
                {
                  addProtectedRange: { protectedRange: { range: { sheetId: 987654321 }, description: "x" } },
                },
              ],
            },
            ss.getId(),
          ),
        ) !== "no error";
      return {
        failed,
        width: sheet.getColumnWidth(1),
        protections: sheet.getProtections(gas.SpreadsheetApp.ProtectionType.SHEET).length,
      };
    },
    reads: ["ProtectionType.SHEET", "SpreadsheetApp.ProtectionType"],
    expected: { failed: true, width: 100, protections: 0 },
  },
  {
    id: "sheets-api.values-batch-get-unformatted",
    behaviour:
      "spreadsheets.values.batchGet with valueRenderOption UNFORMATTED_VALUE and dateTimeRenderOption SERIAL_NUMBER gives one ValueRange per range asked, in order: numbers, text and booleans as they are, a date as its serial number (days since 30/12/1899, the time as the fraction, in the spreadsheet's time zone), an empty cell inside a row as \"\", a row's trailing empty cells and the range's trailing empty rows left out (no values at all for an empty range), and the range given back as the whole range asked, bounded by the grid",
    source: `${REST}/spreadsheets.values/batchGet`,
    note:
      `ValueRange: ${REST}/spreadsheets.values#ValueRange ("For output, empty trailing rows and columns will not be included"; the range "indicates the entire requested range"). ` +
      `DateTimeRenderOption: ${REST}/DateTimeRenderOption. Not recorded on Google: the range's spelling given back (the sheet name quoted, whole columns bounded to the grid's 1,000 rows) is read from the reference.`,
    covers: [
      "ValuesCollection.batchGet",
      "Spreadsheet.getId",
      "Spreadsheet.setSpreadsheetTimeZone",
      "Range.setValues",
    ],
    reads: ["SpreadsheetsCollection.Values", "BatchGetValuesResponse.valueRanges", "ValueRange.values"],
    run(gas) {
      const ss = fresh(gas, "sheets api batchGet");
      ss.setSpreadsheetTimeZone("Asia/Ho_Chi_Minh");
      const sheet = ss.getSheets()[0]!;
      // 15/4/2023 at noon in Hanoi.
      const noon = new Date(Date.UTC(2023, 3, 15, 5, 0));
      sheet.getRange("A1:C4").setValues([
        ["Ngày", "Số", "Ghi chú"],
        [noon, 7, ""],
        ["", "", "có"],
        [true, "", ""],
      ]);
      const got = gas.Sheets.Spreadsheets.Values.batchGet(ss.getId(), {
        ranges: ["'Trang tính1'!A:C", "'Trang tính1'!B2:B3", "'Trang tính1'!E1:F2"],
        valueRenderOption: "UNFORMATTED_VALUE",
        dateTimeRenderOption: "SERIAL_NUMBER",
      });
      return (got.valueRanges ?? []).map((v) => json(v));
    },
    expected: [
      {
        range: "'Trang tính1'!A1:C1000",
        majorDimension: "ROWS",
        values: [["Ngày", "Số", "Ghi chú"], [45031.5, 7], ["", "", "có"], [true]],
      },
      { range: "'Trang tính1'!B2:B3", majorDimension: "ROWS", values: [[7]] },
      { range: "'Trang tính1'!E1:F2", majorDimension: "ROWS" },
    ],
  },
  {
    id: "sheets-api.update-cells-writes-a-table",
    behaviour:
      "One batchUpdate adds a sheet with the id asked for and, in later requests of the same batch, writes its cells with updateCells (text as text, never parsed: '=1+1' and '05/04' stay text; a number with a percent format; bold, background, wrap, vertical alignment and a note), merges each row of a block with mergeCells MERGE_ROWS and freezes a row; SpreadsheetApp reads all of it",
    source: `${REQUEST}#updatecellsrequest`,
    note:
      `addSheet: ${REQUEST}#addsheetrequest ("sheetId … if set, must not conflict with any existing sheet ID"); requests are applied in the order given (${REST}/spreadsheets/batchUpdate). ` +
      `CellData and ExtendedValue.stringValue: ${REST}/spreadsheets/cells#CellData (a string value is text; formulaValue is the formula). mergeCells: ${REQUEST}#mergecellsrequest, MERGE_ROWS "create a merge for each row in the range". Not recorded on Google.`,
    covers: [
      "SpreadsheetsCollection.batchUpdate",
      "Spreadsheet.getId",
      "Spreadsheet.getSheetByName",
      "Sheet.getSheetId",
      "Sheet.getRange",
      "Sheet.getFrozenRows",
      "Range.getValues",
      "Range.getFormulas",
      "Range.getFontWeights",
      "Range.getBackgrounds",
      "Range.getWraps",
      "Range.getVerticalAlignments",
      "Range.getNotes",
      "Range.getNumberFormats",
      "Range.getMergedRanges",
      "Range.getA1Notation",
    ],
    reads: [
      "CellData.userEnteredValue",
      "CellData.userEnteredFormat",
      "CellData.note",
      "CellFormat.numberFormat",
      "CellFormat.textFormat",
      "CellFormat.backgroundColorStyle",
      "CellFormat.wrapStrategy",
      "CellFormat.verticalAlignment",
    ],
    run(gas) {
      const ss = fresh(gas, "sheets api update cells");
      const sheetId = 123456;
      const style = {
        textFormat: { bold: true },
        backgroundColorStyle: { rgbColor: { red: 217 / 255, green: 226 / 255, blue: 243 / 255 } },
        wrapStrategy: "WRAP",
        verticalAlignment: "TOP",
      };
      gas.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { addSheet: { properties: { sheetId, title: "Bảng" } } },
            {
              updateCells: {
                start: { sheetId, rowIndex: 0, columnIndex: 0 },
                rows: [
                  {
                    values: [
                      {
                        userEnteredValue: { stringValue: "=1+1" },
                        userEnteredFormat: style,
                        note: "ghi chú",
                      },
                      {
                        userEnteredValue: { numberValue: 0.25 },
                        userEnteredFormat: { numberFormat: { type: "PERCENT", pattern: "0.0%" } },
                      },
                      {},
                    ],
                  },
                  { values: [{ userEnteredValue: { stringValue: "05/04" } }, {}, {}] },
                  { values: [{ userEnteredValue: { stringValue: "dòng gộp" } }, {}, {}] },
                ],
                fields: "userEnteredValue,userEnteredFormat,note",
              },
            },
            {
              mergeCells: {
                range: { sheetId, startRowIndex: 1, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 3 },
                mergeType: "MERGE_ROWS",
              },
            },
            {
              updateSheetProperties: {
                properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
                fields: "gridProperties.frozenRowCount",
              },
            },
          ],
        },
        ss.getId(),
      );
      const sheet = ss.getSheetByName("Bảng")!;
      const range = sheet.getRange("A1:B2");
      return {
        sheetId: sheet.getSheetId(),
        values: json(range.getValues()),
        formulas: range.getFormulas(),
        weights: range.getFontWeights(),
        backgrounds: range.getBackgrounds(),
        wraps: range.getWraps(),
        vertical: range.getVerticalAlignments(),
        notes: range.getNotes(),
        formats: range.getNumberFormats()[0]![1]!,
        merged: sheet
          .getRange("A1:C3")
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        frozen: sheet.getFrozenRows(),
      };
    },
    expected: {
      sheetId: 123456,
      values: [
        ["=1+1", 0.25],
        ["05/04", ""],
      ],
      formulas: [
        ["", ""],
        ["", ""],
      ],
      weights: [
        ["bold", "normal"],
        ["normal", "normal"],
      ],
      backgrounds: [
        ["#d9e2f3", "#ffffff"],
        ["#ffffff", "#ffffff"],
      ],
      wraps: [
        [true, false],
        [false, false],
      ],
      vertical: [
        ["top", "bottom"],
        ["bottom", "bottom"],
      ],
      notes: [
        ["ghi chú", ""],
        ["", ""],
      ],
      formats: "0.0%",
      merged: ["A2:C2", "A3:C3"],
      frozen: 1,
    },
  },
  {
    id: "sheets-api.update-cells-clears-a-sheet",
    behaviour:
      "updateCells over a sheet's whole range (its sheetId alone) with fields but no rows clears those fields of every cell: values, formats and notes go; unmergeCells over the sheet breaks every merged block; autoResizeDimensions on ROWS fits rows again (a height set earlier is gone); updateSheetProperties renames; deleteSheet removes a sheet",
    source: `${REQUEST}#updatecellsrequest`,
    note:
      `UpdateCellsRequest: "fields … Every field in CellData that is not set here is cleared"; the sample "Clear a sheet of all values while preserving formats" is updateCells with range {sheetId} and fields userEnteredValue (https://developers.google.com/sheets/api/samples/sheet#clear_a_sheet_of_all_values_while_preserving_formats). ` +
      `unmergeCells: ${REQUEST}#unmergecellsrequest ("if the range spans multiple merges, all will be unmerged"); autoResizeDimensions: ${REQUEST}#autoresizedimensionsrequest; deleteSheet: ${REQUEST}#deletesheetrequest. Not recorded on Google.`,
    covers: [
      "SpreadsheetsCollection.batchUpdate",
      "Spreadsheet.getId",
      "Spreadsheet.insertSheet",
      "Spreadsheet.getSheets",
      "Sheet.getSheetId",
      "Sheet.getName",
      "Sheet.getRange",
      "Sheet.setRowHeight",
      "Sheet.getRowHeight",
      "Range.setValues",
      "Range.setBackground",
      "Range.setNote",
      "Range.mergeAcross",
      "Range.getValues",
      "Range.getBackgrounds",
      "Range.getNotes",
      "Range.isPartOfMerge",
    ],
    run(gas) {
      const ss = fresh(gas, "sheets api clear");
      const sheet = ss.getSheets()[0]!;
      const other = ss.insertSheet("Thừa");
      sheet.getRange("A1:C2").setValues([
        ["Tiêu đề", "", ""],
        [1, 2, 3],
      ]);
      sheet.getRange("A1:C1").mergeAcross().setBackground("#d9e2f3").setNote("cũ");
      sheet.setRowHeight(2, 60);
      const sheetId = sheet.getSheetId();
      gas.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { unmergeCells: { range: { sheetId } } },
            { updateCells: { range: { sheetId }, fields: "userEnteredValue,userEnteredFormat,note" } },
            {
              autoResizeDimensions: {
                dimensions: { sheetId, dimension: "ROWS", startIndex: 0, endIndex: 10 },
              },
            },
            { updateSheetProperties: { properties: { sheetId, title: "Mới" }, fields: "title" } },
            { deleteSheet: { sheetId: other.getSheetId() } },
          ],
        },
        ss.getId(),
      );
      const range = sheet.getRange("A1:C2");
      return {
        values: json(range.getValues()),
        backgrounds: range.getBackgrounds()[0]!,
        notes: range.getNotes()[0]!,
        merged: range.isPartOfMerge(),
        height: sheet.getRowHeight(2),
        sheets: ss.getSheets().map((s) => s.getName()),
      };
    },
    expected: {
      values: [
        ["", "", ""],
        ["", "", ""],
      ],
      backgrounds: ["#ffffff", "#ffffff", "#ffffff"],
      notes: ["", "", ""],
      merged: false,
      height: 21,
      sheets: ["Mới"],
    },
  },
  {
    id: "sheets-api.get-grid-data-notes-and-backgrounds",
    behaviour:
      "spreadsheets.get with `ranges` and a field mask naming sheets.data gives only the sheets the ranges are on, each range's cells row by row (rowData[].values[]) with their note and background (userEnteredFormat.backgroundColorStyle.rgbColor, components 0–1), as SpreadsheetApp wrote them; a cell without a background has none; the spreadsheet's timeZone and locale and the sheet's rowCount come in the same request",
    source: `${REST}/spreadsheets/get`,
    note:
      '"Limiting the range returns only the portions of the spreadsheet that intersect the requested ranges." ' +
      `GridData, RowData: ${REST}/sheets#griddata; CellData.note, userEnteredFormat: ${REST}/cells#celldata; ` +
      `CellFormat.backgroundColorStyle, ColorStyle.rgbColor: ${REST}/cells#cellformat, ${REST}/other#colorstyle. ` +
      "Colours are compared as #rrggbb: the API's components are floats. Not recorded on Google.",
    reads: [
      "Spreadsheet.properties",
      "SpreadsheetProperties.timeZone",
      "SpreadsheetProperties.locale",
      "Sheet.data",
      "GridData.rowData",
      "RowData.values",
      "CellData.note",
      "CellData.userEnteredFormat",
      "CellFormat.backgroundColorStyle",
      "ColorStyle.rgbColor",
    ],
    covers: [
      "SpreadsheetsCollection.get",
      "Range.setNotes",
      "Range.setBackgrounds",
      "Spreadsheet.insertSheet",
      "Spreadsheet.setSpreadsheetTimeZone",
      "Spreadsheet.setSpreadsheetLocale",
    ],
    run(gas) {
      const ss = fresh(gas, "sheets api grid data");
      ss.setSpreadsheetTimeZone("Asia/Ho_Chi_Minh");
      // The edit warns of month-first dates when the sheet is not vi_VN: the locale comes in this read.
      ss.setSpreadsheetLocale("en_US");
      const sheet = ss.getSheets()[0]!;
      ss.insertSheet("Nhật ký");
      sheet.setName("Công an xã");
      const r = sheet.getRange("A2:C3");
      r.setNotes([
        ["", "ghi chú của người nhập", "x"],
        ["[Kiểm tra] Nhập số nguyên", "", "y"],
      ]);
      r.setBackgrounds([
        ["#ffffff", "#f4cccc", "#fff2cc"],
        ["#f4cccc", "#ffffff", "#fff2cc"],
      ]);
      const got = gas.Sheets.Spreadsheets.get(ss.getId(), {
        ranges: ["'Công an xã'!A2:C3"],
        fields:
          "properties(timeZone,locale),sheets(properties(title,gridProperties.rowCount),data(rowData(values(note,userEnteredFormat.backgroundColorStyle))))",
      });
      const hex = (c?: GoogleAppsScript.Sheets.Schema.Color) =>
        c
          ? `#${[c.red, c.green, c.blue].map((x) => (256 + Math.round((x ?? 0) * 255)).toString(16).slice(1)).join("")}`
          : null;
      return {
        timeZone: got.properties?.timeZone ?? null,
        locale: got.properties?.locale ?? null,
        sheets: (got.sheets ?? []).map((sh) => ({
          title: sh.properties?.title ?? null,
          rowCount: sh.properties?.gridProperties?.rowCount ?? null,
          cells: (sh.data?.[0]?.rowData ?? []).map((row) =>
            (row.values ?? []).map((c) => [
              c.note ?? "",
              hex(c.userEnteredFormat?.backgroundColorStyle?.rgbColor),
            ]),
          ),
        })),
      };
    },
    expected: {
      timeZone: "Asia/Ho_Chi_Minh",
      locale: "en_US",
      sheets: [
        {
          title: "Công an xã",
          rowCount: 1000,
          cells: [
            [
              ["", null],
              ["ghi chú của người nhập", "#f4cccc"],
              ["x", "#fff2cc"],
            ],
            [
              ["[Kiểm tra] Nhập số nguyên", "#f4cccc"],
              ["", null],
              ["y", "#fff2cc"],
            ],
          ],
        },
      ],
    },
  },
  {
    id: "sheets-api.update-cells-and-append-cells",
    behaviour:
      "batchUpdate updateCells from a start cell writes only the fields named, cell by cell (a note leaves the value; a stringValue '=1+1' stays that text, never a formula; a numberValue with a DATE_TIME numberFormat is a date Apps Script reads as a Date); appendCells writes after the last row with data",
    source: `${REQUEST}#updatecellsrequest`,
    note:
      `AppendCellsRequest: ${REQUEST}#appendcellsrequest ("Appends new cells after the last row with data in a sheet"). ` +
      `ExtendedValue: ${REST}/other#extendedvalue; a date is a serial number of days since 30/12/1899 (${REST}/other#datetimerenderoption). ` +
      "Not recorded on Google.",
    covers: [
      "SpreadsheetsCollection.batchUpdate",
      "Range.getValues",
      "Range.getNotes",
      "Range.getFormulas",
      "Range.getDisplayValues",
      "Sheet.getLastRow",
    ],
    run(gas) {
      const ss = fresh(gas, "sheets api update cells");
      ss.setSpreadsheetTimeZone("Asia/Ho_Chi_Minh");
      const sheet = ss.getSheets()[0]!;
      sheet.getRange("A1:B2").setValues([
        ["Ngày", "Trạng thái"],
        ["người gõ", ""],
      ]);
      const sheetId = sheet.getSheetId();
      gas.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              updateCells: {
                start: { sheetId, rowIndex: 1, columnIndex: 0 },
                rows: [{ values: [{ note: "[Kiểm tra] sai" }] }],
                fields: "note",
              },
            },
            {
              updateCells: {
                start: { sheetId, rowIndex: 1, columnIndex: 1 },
                rows: [{ values: [{ userEnteredValue: { stringValue: "=1+1" } }] }],
                fields: "userEnteredValue",
              },
            },
            {
              appendCells: {
                sheetId,
                rows: [
                  {
                    values: [
                      // 45021.5 is 05/04/2023 12:00 on the spreadsheet's clock.
                      {
                        userEnteredValue: { numberValue: 45021.5 },
                        userEnteredFormat: {
                          numberFormat: { type: "DATE_TIME", pattern: "dd/MM/yyyy HH:mm:ss" },
                        },
                      },
                      { userEnteredValue: { stringValue: "'05/04" } },
                    ],
                  },
                ],
                fields: "userEnteredValue,userEnteredFormat.numberFormat",
              },
            },
          ],
        },
        ss.getId(),
      );
      const r = sheet.getRange("A2:B3");
      return {
        values: json(r.getValues()),
        notes: r.getNotes(),
        formulas: r.getFormulas(),
        shown: sheet.getRange("A3").getDisplayValues(),
        last: sheet.getLastRow(),
      };
    },
    expected: {
      values: [
        ["người gõ", "=1+1"],
        [{ date: "2023-04-05T05:00:00.000Z" }, "'05/04"],
      ],
      notes: [
        ["[Kiểm tra] sai", ""],
        ["", ""],
      ],
      formulas: [
        ["", ""],
        ["", ""],
      ],
      shown: [["05/04/2023 12:00:00"]],
      last: 3,
    },
  },
];
