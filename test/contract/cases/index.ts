// Every contract case, by service. A new behaviour the add-in relies on gets a case in the file of its
// service (named like Google's reference) and is listed here.
import type { ContractCase } from "../case";
import { clientCases } from "./client";
import { developerMetadataCases } from "./developer-metadata";
import { driveCases } from "./drive";
import { localeCases } from "./locale";
import { triggerCases } from "./triggers";

export const CASES: ContractCase[] = [
  ...driveCases,
  ...localeCases,
  ...developerMetadataCases,
  ...triggerCases,
  ...clientCases,
];
