/**
 * Entry of build/PlanTools.html: what only setup and the office's plan dialogs need (the plan tab,
 * its checks, the bundled plan). Loaded by plan-tools-loader.ts; never imported by Code.js's modules.
 */
import type { Plan } from "../core/plan";
import { loadDefaultPlan } from "../plans";

export { draftIntoTab, importPlanJson, planDialogState } from "./plan-io";
export { createNextYear, madeNextYear, nextYearQuestion } from "./new-year";
export { applyPlanTab } from "./plan-setup";
export { writePlanTab } from "./plan-tab";

/** The plan the add-in ships with, for a sheet not set up yet. */
export function defaultPlan(): Plan {
  return loadDefaultPlan();
}
