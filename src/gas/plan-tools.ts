/**
 * Entry of build/PlanTools.html: what only setup and the office's plan dialogs need (the plan tab,
 * its checks, the bundled plan, setup itself, the settings a new year's copy carries, saving the
 * settings dialog and the sharing it and a new year do (shareAsSettingsSay): setup always
 * loads this file for the plan tab, so nothing of it needs to be in Code.js, which every execution
 * loads). Loaded by plan-tools-loader.ts; never imported by Code.js's modules. The gas modules hold
 * no module-level state, so a module bundled here and in Code.js behaves the same from either.
 */
import type { Plan } from "../core/plan";
import { loadDefaultPlan } from "../plans";

export { draftIntoTab, importPlanJson, planDialogState } from "./plan-io";
export { createNextYear, madeNextYear, nextYearQuestion } from "./new-year";
export { applyPlanTab } from "./plan-setup";
export { adoptCarriedSettings } from "./carried-settings";
export { setupSpreadsheet } from "./setup";
export { writePlanTab } from "./plan-tab";
export { saveSettings } from "./settings";
export { shareAsSettingsSay } from "./sharing";

/** The plan the add-in ships with, for a sheet not set up yet. */
export function defaultPlan(): Plan {
  return loadDefaultPlan();
}
