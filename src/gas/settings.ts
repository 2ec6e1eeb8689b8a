/**
 * The settings dialog's server side (office only, checked by the guard before these run). Saving checks
 * everything first, then applies protections, shares the files, and only then stores: a refusal from
 * Google leaves the sheet as it was and names the address. Saving runs from PlanTools (plan-tools.ts):
 * with the sharing it needs it is an office's rare action, kept out of Code.js, which every execution loads.
 */
import { unitColumns } from "../core/columns";
import type { Unit } from "../core/plan";
import { SYSTEM_TABS } from "../core/plan";
import { accessOf, peopleOf } from "../core/roles";
import type { Settings } from "../core/settings";
import { settingsConflicts, validateSettings } from "../core/settings";
import type { SaveSettingsResult, SettingsFormState } from "./api";
import type { SheetContext } from "./context";
import { recordedInstaller, setupAccount, storeSettings } from "./context";
import { applyProtections } from "./protect";
import { writeSettingsView } from "./settings-view";
import { shareAsSettingsSay } from "./sharing";
import { ensureTriggers } from "./triggers";

export function settingsFormState(c: SheetContext): SettingsFormState {
  return {
    settings: c.settings,
    units: c.plan.units.map((u) => ({ id: u.id, name: u.name, tabName: u.tabName })),
    canEdit: true,
    setupAccount: setupAccount(c.ss),
  };
}

function protect(c: SheetContext, settings: Settings): void {
  const office = peopleOf(settings, setupAccount(c.ss)).office;
  // A header lock covers the plan's columns and any the office added after them.
  const width = (u: Unit) =>
    Math.max(unitColumns(c.plan, u).length, c.ss.getSheetByName(u.tabName)?.getLastColumn() ?? 0);
  const widths = new Map(c.plan.units.map((u) => [u.tabName, width(u)]));
  applyProtections(c.ss, c.plan, settings, office, widths);
}

export function saveSettings(c: SheetContext, input: unknown): SaveSettingsResult {
  // A page from before a setting existed sends without it: the stored value stays.
  const merged =
    input !== null && typeof input === "object" && !Array.isArray(input)
      ? { ...c.settings, ...input }
      : input;
  const checked = validateSettings(merged, c.plan);
  if (!checked.ok) return checked;
  const conflicts = settingsConflicts(checked.settings);
  if (conflicts.length > 0) return { ok: false, errors: conflicts };
  const next = checked.settings;
  const office = peopleOf(next, setupAccount(c.ss)).office;
  // Shared first (a protection's editor must have the file), then protected, then stored; a failure
  // on the way takes the sharing back and leaves the protections as the stored settings have them.
  const shared = shareAsSettingsSay(c.ss, accessOf(next, office));
  try {
    protect(c, next);
    storeSettings(next, c.plan);
  } catch (err) {
    shared.undo();
    try {
      protect(c, c.settings);
    } catch (again) {
      console.error(`Cài đặt: đặt lại quyền các trang: ${String(again)}`);
    }
    throw err;
  }
  const lines = ["Đã lưu cài đặt và cập nhật quyền sửa của các trang.", ...shared.lines];
  const installer = recordedInstaller();
  if (installer === "" || installer === c.user) ensureTriggers(c.ss, next);
  else if (next.sendDay !== c.settings.sendDay || next.sendHour !== c.settings.sendHour) {
    lines.push(
      `Lịch gửi mới có hiệu lực khi ${installer} (tài khoản chạy các việc tự động) chạy "Thiết lập / sửa bảng tính".`,
    );
  }
  const view = c.ss.getSheetByName(SYSTEM_TABS.settings);
  if (view) writeSettingsView(view, c.plan, next);
  return { ok: true, message: lines.join(" ") };
}
