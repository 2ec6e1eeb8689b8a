/**
 * The plan as data: its types, the add-in's reserved tabs, and lookups. The schemas and validatePlan are
 * in plan-schema.ts. Adding a unit, an element or an indicator is an edit to a plan file only.
 */
import { foldText } from "./parse";
import type { DataElement, Plan, Unit } from "./plan-schema";

export type { PeriodRule } from "./periods";
export type {
  DataElement,
  FrequencyIndicator,
  Indicator,
  PercentageIndicator,
  Plan,
  Recipient,
  SubUnit,
  Target,
  Term,
  Unit,
  ValidationRule,
} from "./plan-schema";

/** Tabs the add-in writes itself; no unit may take these names. */
export const SYSTEM_TABS = {
  rollup: "Tổng hợp",
  settings: "Cài đặt",
  changeLog: "Nhật ký sửa",
  sendLog: "Nhật ký gửi",
  help: "Hướng dẫn",
  /** The plan itself, as tables the office edits (plan-tab.ts). */
  plan: "Kế hoạch",
} as const;

/** The elements a unit's tab has a column for, in plan order. */
export function unitElements(plan: Plan, unit: Unit | string): DataElement[] {
  const id = typeof unit === "string" ? unit : unit.id;
  return plan.elements.filter((e) => e.unitIds.includes(id));
}

export function findUnit(plan: Plan, unitId: string): Unit | undefined {
  return plan.units.find((u) => u.id === unitId);
}

export function findElement(plan: Plan, elementId: string): DataElement | undefined {
  return plan.elements.find((e) => e.id === elementId);
}

/** Why Google Sheets (or the add-in) would refuse a tab name, or null when it is fine. */
export function tabNameProblem(name: string): string | null {
  if (name.trim() === "") return "tên trang tính không được để trống";
  if (name.length > 100) return "tên trang tính dài quá 100 ký tự";
  if (/[:\\/?*[\]]/.test(name)) return "tên trang tính không được chứa các ký tự : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'"))
    return "tên trang tính không được bắt đầu hoặc kết thúc bằng dấu '";
  if (name !== name.trim()) return "tên trang tính không được có khoảng trắng ở đầu hoặc cuối";
  const f = foldText(name);
  for (const sys of Object.values(SYSTEM_TABS)) {
    if (foldText(sys) === f) return "tên trang tính trùng với trang riêng của tiện ích (" + sys + ")";
  }
  return null;
}
