// The Sheets advanced service (Sheets API v4 in Apps Script), for what setup reads and writes with it:
// one spreadsheets.get with a field mask, one batchUpdate. What it writes, SpreadsheetApp reads, and the
// other way round: both work on the same spreadsheet.
import { type ContractCase, EDITOR, fresh, type Json, json, OWNER, thrown } from "../case";

const REST = "https://developers.google.com/sheets/api/reference/rest/v4";
const REQUEST = `${REST}/spreadsheets/request`;

export const sheetsApiCases: ContractCase[] = [
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
];
