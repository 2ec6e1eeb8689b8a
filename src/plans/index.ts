import type { Plan } from "../core/plan";
import { quangKhai2023, quangKhai2023Plan } from "./quang-khai-2023";

export { quangKhai2023, quangKhai2023Plan };

/** The plan the add-in ships with. */
export const defaultPlan: Plan = /* @__PURE__ */ quangKhai2023Plan();

/**
 * The same, built on first use: the Apps Script bundle imports only this, so that the plan is not
 * built while the bundle loads (every edit and menu click loads it).
 */
export function loadDefaultPlan(): Plan {
  return quangKhai2023Plan();
}
