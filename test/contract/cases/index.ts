// Every contract case, by service. A new behaviour the add-in relies on gets a case in the file of its
// service (named like Google's reference) and is listed here.
import type { ContractCase } from "../case";
import { cellLayoutCases } from "./cell-layout";
import { clientCases } from "./client";
import { dataValidationCases } from "./data-validation";
import { protectionCases } from "./protection";
import { rangeCases } from "./range";
import { scriptAppCases } from "./script-app";
import { serviceCases } from "./services";
import { sheetCases } from "./sheet";
import { spreadsheetCases } from "./spreadsheet";
import { uiCases } from "./ui";
import { developerMetadataCases } from "./developer-metadata";
import { driveCases } from "./drive";
import { localeCases } from "./locale";
import { otherFilesCases } from "./other-files";
import { triggerCases } from "./triggers";
import { sheetsApiCases } from "./sheets-api";

export const CASES: ContractCase[] = [
  ...rangeCases,
  ...sheetCases,
  ...spreadsheetCases,
  ...protectionCases,
  ...dataValidationCases,
  ...driveCases,
  ...localeCases,
  ...developerMetadataCases,
  ...triggerCases,
  ...clientCases,
  ...scriptAppCases,
  ...serviceCases,
  ...uiCases,
  ...cellLayoutCases,
  ...otherFilesCases,
  ...sheetsApiCases,
];
