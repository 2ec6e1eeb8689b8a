/**
 * The office's work on the plan, around setup: what setup says, the settings kept in step with the plan.
 */
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import { markStoredSettings, storeSettings } from "./context";
import type { SetupReport } from "./setup";

/** At most this many problems in one alert; the rest are counted. */
const SHOWN = 40;

export function planProblemsText(problems: readonly string[]): string {
  const head =
    `Trang "Kế hoạch" có ${problems.length} chỗ cần sửa; chưa thay đổi gì trong bảng tính. ` +
    "Sửa các ô dưới đây rồi chạy lại Thiết lập:";
  const more = problems.length > SHOWN ? [`… và ${problems.length - SHOWN} chỗ khác.`] : [];
  return [head, ...problems.slice(0, SHOWN), ...more].join("\n");
}

export function setupReportText(report: SetupReport): string {
  const parts = [
    report.created.length ? `Đã tạo:\n${report.created.join("\n")}` : "",
    report.repaired.length ? `Đã sửa:\n${report.repaired.join("\n")}` : "",
    report.problems.length
      ? `Cần xem lại (không tự sửa để không mất số liệu):\n${report.problems.join("\n")}`
      : "",
  ].filter((p) => p !== "");
  return parts.length ? parts.join("\n\n") : "Bảng tính đã đúng cấu trúc, không có gì phải sửa.";
}

/**
 * The settings for a changed plan: the editors of units the plan no longer has are dropped (their
 * tabs are the office's now), so the stored settings stay valid for the plan; stored when changed, or
 * when the stored ones are valid but not marked as validated for this plan (stored before markers
 * existed: core/settings-mark.ts), so that edits load them without zod from now on.
 */
export function settingsForPlan(settings: Settings, plan: Plan): Settings {
  const ids = new Set(plan.units.map((u) => u.id));
  const stale = Object.keys(settings.unitEditors).filter((id) => !ids.has(id));
  if (stale.length === 0) {
    markStoredSettings(plan);
    return settings;
  }
  const unitEditors: Record<string, string[]> = {};
  for (const [id, list] of Object.entries(settings.unitEditors)) if (ids.has(id)) unitEditors[id] = list;
  const kept = { ...settings, unitEditors };
  storeSettings(kept, plan);
  return kept;
}
