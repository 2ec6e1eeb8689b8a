/**
 * Settings carried from last year's sheet to the one "Tạo kế hoạch năm mới" made (new-year.ts): the
 * copy's script is another project without last year's document properties, so they travel as the
 * copy's developer metadata, taken up here by the copy's first setup and then deleted. Until that setup
 * the copy is shared with nobody but the office member who made it, the only one who may claim its
 * first setup. In case it was shared by hand meanwhile, what it carries must also be vouched for by the
 * year before: that sheet (office-only once archived) holds the same one-off token naming this copy.
 * In Code.js: settings and sharing are here.
 */
import type { Plan } from "../core/plan";
import { findUnit } from "../core/plan";
import type { People } from "../core/roles";
import { accessOf } from "../core/roles";
import type { Settings } from "../core/settings";
import { defaultSettings, validateSettings } from "../core/settings";
import { storedSettingsRaw, storeSettings } from "./context";
import { shareAsSettingsSay } from "./sharing";

/** Developer metadata on the copy (DOCUMENT visibility: a PROJECT one is invisible to the copy's project). */
export const CARRIED_KEY = "ks.carriedSettings";
/** Developer metadata on the year before: the copy it made and the token only the two files share. */
export const VOUCH_KEY = "ks.nextYearToken";

export interface Carried {
  fromId: string;
  fromYear: number;
  toId: string;
  token: string;
  settings: Settings;
  office: string[];
}

/** Whether the year before (fromId) vouches for what this copy carries. */
function vouched(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, carried: Carried): boolean {
  if (carried.toId !== ss.getId() || typeof carried.token !== "string" || carried.token.length < 16)
    return false;
  try {
    const before = SpreadsheetApp.openById(carried.fromId);
    return before
      .createDeveloperMetadataFinder()
      .withKey(VOUCH_KEY)
      .find()
      .some((m) => m.getValue() === JSON.stringify({ toId: carried.toId, token: carried.token }));
  } catch (err) {
    console.warn(`Bảng tính năm trước không mở được: ${String(err)}`);
    return false;
  }
}

/**
 * At a copy's first setup: the settings and office of its year before, checked against the copy's
 * plan, stored, and the file shared as they say; what was done, in Vietnamese. Null when there is
 * nothing to take up or settings are stored already. The metadata is deleted once read.
 */
export function adoptCarriedSettings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: Plan,
  people: People,
): string[] | null {
  const found = ss.createDeveloperMetadataFinder().withKey(CARRIED_KEY).find();
  if (found.length === 0) return null;
  const raw = found[0]!.getValue();
  for (const m of found) m.remove();
  if (storedSettingsRaw() !== null || !raw) return null;
  let carried: Carried;
  try {
    carried = JSON.parse(raw) as Carried;
  } catch (_) {
    return ["Không đọc được cài đặt chuyển từ năm trước; hãy nhập lại trong Cài đặt…"];
  }
  if (!vouched(ss, carried)) {
    return [
      "Không áp dụng cài đặt kèm theo bảng tính: bảng tính năm trước không xác nhận (đã bị xoá, không mở được, hoặc cài đặt không do tiện ích tạo). Hãy nhập trong Cài đặt…",
    ];
  }
  const admins = [...(carried.settings?.adminEmails ?? []), ...(carried.office ?? [])].filter(
    (e) => !people.office.includes(e.trim().toLowerCase()),
  );
  const merged = { ...defaultSettings(plan), ...carried.settings, adminEmails: [...new Set(admins)] };
  // Units of the old plan that this one no longer has lose their editors rather than fail the check.
  const unitEditors: Record<string, string[]> = {};
  for (const [id, list] of Object.entries(merged.unitEditors ?? {}))
    if (findUnit(plan, id)) unitEditors[id] = list;
  const checked = validateSettings({ ...merged, unitEditors }, plan);
  if (!checked.ok) {
    return [
      "Cài đặt chuyển từ năm trước có chỗ không hợp với kế hoạch mới; hãy mở Cài đặt… để nhập lại:",
      ...checked.errors.map((e) => e.message),
    ];
  }
  storeSettings(checked.settings, plan);
  const office = [...new Set([...people.office, ...checked.settings.adminEmails])];
  const shared = shareAsSettingsSay(ss, accessOf(checked.settings, office));
  return [
    `Áp dụng cài đặt của bảng tính năm ${carried.fromYear} (người nhận báo cáo, người nhập liệu, văn phòng).`,
    ...shared.lines,
  ];
}
