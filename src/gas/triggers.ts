/**
 * Installable triggers, installed by setup and re-installed when the schedule in settings changes:
 * exactly one per handler, however often setup runs. Installable (not simple) so the handlers run as
 * the office account that installed them: they can write protected cells, know the user, and send
 * mail. That account is recorded; handlers run by anyone else do nothing (guard.ts authenticTrigger).
 */
import type { Settings } from "../core/settings";
import { recordInstaller } from "./context";

export const EDIT_HANDLER = "onEditInstalled";
export const CHANGE_HANDLER = "onChangeInstalled";
export const MONTHLY_HANDLER = "onMonthlyTrigger";
export const DAILY_HANDLER = "onDailyTrigger";
export const HOURLY_HANDLER = "onHourlyTrigger";
const SCHEDULE_KEY = "ks.monthlySchedule";
const TIME_ZONE = "Asia/Ho_Chi_Minh";

function byHandler(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

/** Keeps one trigger for `handler`, creating it when there is none; says what it did. */
export function ensureOne(handler: string, create: () => void, recreate: boolean): boolean {
  const existing = byHandler(handler);
  const drop = recreate ? existing : existing.slice(1);
  for (const t of drop) ScriptApp.deleteTrigger(t);
  if (existing.length === 0 || recreate) {
    create();
    return true;
  }
  return false;
}

export function ensureTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): string[] {
  const done: string[] = [];
  if (
    ensureOne(
      EDIT_HANDLER,
      () => ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create(),
      false,
    )
  ) {
    done.push("Cài trình kiểm tra khi sửa ô.");
  }
  const change = () => ScriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(ss).onChange().create();
  if (ensureOne(CHANGE_HANDLER, change, false))
    done.push("Cài trình ghi nhật ký khi chèn, xoá dòng, cột, trang.");
  const props = PropertiesService.getDocumentProperties();
  const schedule = `${settings.sendDay}@${settings.sendHour}`;
  const changed = props.getProperty(SCHEDULE_KEY) !== schedule && byHandler(MONTHLY_HANDLER).length > 0;
  const monthly = () =>
    ScriptApp.newTrigger(MONTHLY_HANDLER)
      .timeBased()
      .onMonthDay(settings.sendDay)
      .atHour(settings.sendHour)
      .inTimezone(TIME_ZONE)
      .create();
  if (ensureOne(MONTHLY_HANDLER, monthly, changed)) {
    done.push(`Cài lịch gửi báo cáo tháng: ngày ${settings.sendDay} lúc ${settings.sendHour}:00.`);
  }
  props.setProperty(SCHEDULE_KEY, schedule);
  const daily = () =>
    ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(7).inTimezone(TIME_ZONE).create();
  if (ensureOne(DAILY_HANDLER, daily, false)) done.push("Cài lịch nhắc các đơn vị chưa báo cáo.");
  const hourly = () => ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
  if (ensureOne(HOURLY_HANDLER, hourly, false)) {
    done.push("Cài việc hằng giờ: gửi những gì đang chờ (báo cáo đã duyệt, lần gửi lại).");
  }
  recordInstaller(Session.getEffectiveUser().getEmail());
  return done;
}
