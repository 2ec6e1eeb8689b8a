/**
 * Setting up an upper level's workbook ("cấp trên" mode): its tabs (the communes table, the intake, the
 * consolidated views, its settings, the send log), each protected for its office; Vietnamese locale and
 * time zone; the workbook shared with its leaders as viewers; the hourly read of the communes' files
 * and the daily report and reminders as installable triggers of the installer. Idempotent: a value the
 * office typed is never changed. No commune is ever given access to this workbook (design notes).
 */
import { SYSTEM_TABS } from "../core/plan";
import type { Plan } from "../core/plan";
import { SEND_LOG_LAYOUT } from "../core/tables";
import { COMMUNES_HEADER, INTAKE_HEADER, INTAKE_WIDTHS, UPPER_TABS } from "../core/upper";
import type { UpperSettings } from "../core/upper-settings";
import { defaultUpperSettings, readUpperSettings, upperSettingsRows } from "../core/upper-settings";
import type { SetupReport } from "./setup";
import { host } from "./upper-host";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = "#d9e2f3";
const SCHEDULE_KEY = "ks.upperSchedule";
const SHARED_KEY = "ks.upperShared";

/** A header row written where row 1 is empty, bold and frozen. */
function header(sheet: Sheet, names: readonly string[]): void {
  const range = sheet.getRange(1, 1, 1, names.length);
  if ((range.getValues()[0] ?? []).every((v) => v === "")) range.setValues([[...names]]);
  range.setFontWeight("bold").setBackground(HEADER_BACKGROUND).setWrap(true);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
}

/** Text columns stay text ("2023-04" is a period, not a date); dates show with the hour. */
function formats(sheet: Sheet, byColumn: Record<number, string>): void {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  for (const [column, format] of Object.entries(byColumn)) {
    sheet.getRange(2, Number(column), rows, 1).setNumberFormat(format);
  }
}

/** The upper level's settings from its tab (defaults while the tab is missing), with notes on wrong values. */
export function upperSettingsOf(ss: Spreadsheet, plan: Plan): ReturnType<typeof readUpperSettings> {
  const sheet = ss.getSheetByName(UPPER_TABS.settings);
  if (!sheet || sheet.getLastRow() === 0) return { settings: defaultUpperSettings(plan), notes: {} };
  return readUpperSettings(sheet.getRange(1, 1, sheet.getLastRow(), 2).getValues(), plan);
}

const DATE_TIME = "dd/MM/yyyy HH:mm";

/** What each column of the communes table holds: the first three are typed, the rest are the add-in's. */
const COMMUNES_NOTES = [
  "Tên xã, như sẽ hiện trong báo cáo tổng hợp. Mỗi xã một dòng.",
  "Email của văn phòng UBND xã: tài khoản chạy các việc tự động của bảng tính xã. Tệp nhận số liệu được chia sẻ cho địa chỉ này.",
  "Mã kế hoạch xã dùng; để trống là kế hoạch của bảng tổng hợp này.",
  "Tiện ích ghi: đường dẫn tệp nhận số liệu của xã (gửi cho xã qua email).",
  "Tiện ích ghi: địa chỉ đã được chia sẻ tệp. Đổi email ở cột B thì tệp được chia sẻ lại.",
  "Tiện ích ghi: lần đọc tệp của xã gần nhất.",
  "Tiện ích ghi: kỳ gần nhất đã nhắc xã gửi số liệu.",
  "Tiện ích ghi: kết quả lần đọc gần nhất.",
] as const;

export function setupUpperWorkbook(ss: Spreadsheet, plan: Plan, office: readonly string[]): SetupReport {
  const report: SetupReport = { created: [], repaired: [], problems: [] };
  host.localise(ss, report);
  const communes = host.ensureSheet(ss, UPPER_TABS.communes, report);
  header(communes, COMMUNES_HEADER);
  formats(communes, { 2: "@", 3: "@", 4: "@", 5: "@", 6: DATE_TIME, 7: "@", 8: "@" });
  host.setWidths(communes, [150, 230, 130, 260, 230, 130, 90, 420]);
  communes.getRange(1, 1, 1, COMMUNES_NOTES.length).setNotes([[...COMMUNES_NOTES]]);
  communes.getRange(2, 8, Math.max(communes.getMaxRows() - 1, 1), 1).setWrap(true);
  const intake = host.ensureSheet(ss, UPPER_TABS.intake, report);
  header(intake, INTAKE_HEADER);
  formats(intake, { 1: "@", 2: "@", 3: "@", 4: "@", 7: "@", 8: DATE_TIME, 9: "@", 10: DATE_TIME });
  host.setWidths(intake, INTAKE_WIDTHS);
  // A long plan code, commune name or approver's address wraps rather than being cut.
  intake.getRange(2, 1, Math.max(intake.getMaxRows() - 1, 1), INTAKE_HEADER.length).setWrap(true);
  const settings = host.ensureSheet(ss, UPPER_TABS.settings, report);
  if (settings.getLastRow() === 0) {
    const rows = upperSettingsRows(upperSettingsOf(ss, plan).settings);
    settings.getRange(1, 1, rows.length, 3).setNumberFormat("@").setValues(rows);
    settings.getRange(1, 1, 1, 3).setFontWeight("bold").setBackground(HEADER_BACKGROUND);
  }
  // Label, value and what to type: the hint wraps in its column instead of being cut at the edge.
  host.setWidths(settings, [270, 260, 430]);
  settings.getRange(1, 1, Math.max(settings.getLastRow(), 1), 3).setWrap(true).setVerticalAlignment("top");
  host.ensureSheet(ss, UPPER_TABS.report, report);
  host.ensureSheet(ss, UPPER_TABS.trends, report);
  // Laid out as a commune's send log is: the period as text ("2023-04", not a date), widths, wrap.
  host.layoutLog(host.ensureSheet(ss, SYSTEM_TABS.sendLog, report), SEND_LOG_LAYOUT);
  for (const name of [...Object.values(UPPER_TABS), SYSTEM_TABS.sendLog]) {
    const sheet = ss.getSheetByName(name);
    if (sheet) host.protectOfficeOnly(sheet, office);
  }
  return report;
}

/** The hourly read of the communes' files, and the daily report and reminders at the settings' hour. */
export function ensureUpperTriggers(settings: UpperSettings): string[] {
  const done: string[] = [];
  const props = PropertiesService.getDocumentProperties();
  const hour = String(settings.sendHour);
  const changed = props.getProperty(SCHEDULE_KEY) !== hour;
  const daily = () =>
    ScriptApp.newTrigger(host.dailyHandler)
      .timeBased()
      .everyDays(1)
      .atHour(settings.sendHour)
      .inTimezone("Asia/Ho_Chi_Minh")
      .create();
  if (host.ensureOne(host.dailyHandler, daily, changed)) {
    done.push(`Cài việc hằng ngày lúc ${settings.sendHour}:00: báo cáo tổng hợp và nhắc xã khi đến hạn.`);
  }
  props.setProperty(SCHEDULE_KEY, hour);
  const hourly = () => ScriptApp.newTrigger(host.hourlyHandler).timeBased().everyHours(1).create();
  if (host.ensureOne(host.hourlyHandler, hourly, false)) done.push("Cài việc hằng giờ: nhận số liệu các xã.");
  host.recordInstaller(Session.getEffectiveUser().getEmail());
  return done;
}

/**
 * The leaders view the workbook (their report links to it). The add-in takes back only the viewers it
 * added; a refused address is said, and the others are still shared.
 */
export function shareWithLeaders(ss: Spreadsheet, leaders: readonly string[]): string[] {
  const props = PropertiesService.getDocumentProperties();
  const ours = JSON.parse(props.getProperty(SHARED_KEY) || "[]") as string[];
  const owner = ss.getOwner()?.getEmail().toLowerCase() ?? "";
  const has = new Set([
    owner,
    ...[...ss.getEditors(), ...ss.getViewers()].map((u) => u.getEmail().toLowerCase()),
  ]);
  const lines: string[] = [];
  const kept: string[] = [];
  for (const e of ours) {
    if (leaders.includes(e)) kept.push(e);
    else if (has.has(e)) ss.removeViewer(e);
  }
  for (const e of leaders) {
    if (has.has(e)) continue;
    try {
      ss.addViewer(e);
      kept.push(e);
    } catch (err) {
      lines.push(`Không chia sẻ được bảng tổng hợp cho lãnh đạo ${e}: ${host.translateError(err)}`);
    }
  }
  props.setProperty(SHARED_KEY, JSON.stringify(kept));
  return lines;
}
