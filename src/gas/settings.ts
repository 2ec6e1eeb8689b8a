/** The settings dialog's server side: only the owner saves; saving re-applies protections. */
import { unitColumns } from "../core/columns";
import { SYSTEM_TABS } from "../core/plan";
import { validateSettings } from "../core/settings";
import type { SaveSettingsResult, SettingsFormState } from "./api";
import { isOwner, OWNER_ONLY, ownerEmail, sheetContext, storeSettings } from "./context";
import { applyProtections } from "./protect";
import { writeSettingsView } from "./settings-view";
import { ensureTriggers } from "./triggers";

export function settingsFormState(): SettingsFormState {
  const { ss, plan, settings, user } = sheetContext();
  return {
    settings,
    units: plan.units.map((u) => ({ id: u.id, name: u.name, tabName: u.tabName })),
    canEdit: isOwner(ss, user),
  };
}

export function saveSettings(input: unknown): SaveSettingsResult {
  const { ss, plan, user } = sheetContext();
  if (!isOwner(ss, user)) {
    return { ok: false, errors: [{ field: "", message: OWNER_ONLY }] };
  }
  const checked = validateSettings(input, plan);
  if (!checked.ok) return checked;
  storeSettings(checked.settings);
  const widths = new Map(plan.units.map((u) => [u.tabName, unitColumns(plan, u).length]));
  applyProtections(ss, plan, checked.settings, ownerEmail(ss), widths);
  ensureTriggers(ss, checked.settings);
  const view = ss.getSheetByName(SYSTEM_TABS.settings);
  if (view) writeSettingsView(view, plan, checked.settings);
  return { ok: true, message: "Đã lưu cài đặt và cập nhật quyền nhập liệu của các trang." };
}
