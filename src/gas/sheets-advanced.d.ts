/**
 * The part of the Sheets advanced service (Sheets API v4, appsscript.json enables it) the add-in uses;
 * @types/google-apps-script has no types for advanced services. Shapes as in the REST reference:
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets
 */
declare namespace SheetsAdvanced {
  interface GridRange {
    sheetId?: number;
    startRowIndex?: number;
    endRowIndex?: number;
    startColumnIndex?: number;
    endColumnIndex?: number;
  }
  interface ProtectedRange {
    protectedRangeId?: number;
    range?: GridRange;
    description?: string;
    warningOnly?: boolean;
    requestingUserCanEdit?: boolean;
    editors?: { users?: string[]; domainUsersCanEdit?: boolean };
  }
  interface Sheet {
    properties?: {
      sheetId?: number;
      title?: string;
      index?: number;
      gridProperties?: { rowCount?: number; columnCount?: number; frozenRowCount?: number };
    };
    protectedRanges?: ProtectedRange[];
  }
  interface Spreadsheet {
    spreadsheetId?: string;
    sheets?: Sheet[];
  }
  interface DimensionRange {
    sheetId?: number;
    dimension: "ROWS" | "COLUMNS";
    startIndex?: number;
    endIndex?: number;
  }
  /** One request of a batchUpdate: exactly one kind. */
  type Request =
    | { addProtectedRange: { protectedRange: ProtectedRange } }
    | { updateProtectedRange: { protectedRange: ProtectedRange; fields: string } }
    | { deleteProtectedRange: { protectedRangeId: number } }
    | {
        updateDimensionProperties: {
          range: DimensionRange;
          properties: { pixelSize: number };
          fields: string;
        };
      }
    | {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: string;
            metadataValue?: string;
            location: { dimensionRange: DimensionRange };
            visibility: "DOCUMENT" | "PROJECT";
          };
        };
      }
    | {
        updateSheetProperties: {
          properties: { sheetId?: number; gridProperties: { frozenRowCount: number } };
          fields: string;
        };
      };
  interface Service {
    Spreadsheets: {
      get(spreadsheetId: string, optionalArgs?: { fields?: string }): Spreadsheet;
      batchUpdate(resource: { requests: Request[] }, spreadsheetId: string): { replies?: object[] };
    };
  }
}
declare const Sheets: SheetsAdvanced.Service;
