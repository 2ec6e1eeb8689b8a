/**
 * Who gets what and when, decided from the settings and a rollup: the monthly report's recipients, the
 * periods that can be reported on, and the reminders due before a cut-off. Pure: the Apps Script side
 * only reads, sends and logs.
 */
import type { Plan } from "./plan";
import type { IsoDate, PeriodKey } from "./periods";
import {
  addDays,
  comparePeriods,
  formatDateVi,
  lastClosedPeriod,
  openPeriod,
  periodBounds,
  planPeriods,
} from "./periods";
import type { Rollup } from "./rollup";
import type { Settings } from "./settings";
import { isEmail } from "./settings";

/** At most this many addresses in one MailApp message. */
export const MAX_RECIPIENTS = 50;

/** The monthly report's recipients (chairman and upper level), or why it cannot go. */
export function reportRecipients(settings: Settings): { recipients: string[]; problems: string[] } {
  const all = [settings.chairmanEmail, ...settings.upperLevelEmails]
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== "");
  const problems: string[] = [];
  const bad = all.filter((e) => !isEmail(e));
  if (bad.length > 0)
    problems.push(`Địa chỉ email không hợp lệ trong Cài đặt: ${bad.join(", ")}. Hãy sửa trong Cài đặt…`);
  if (all.length === 0)
    problems.push("Chưa có người nhận báo cáo: hãy nhập email Chủ tịch và cấp trên trong Cài đặt…");
  if (all.length > MAX_RECIPIENTS) {
    problems.push(`Mỗi thư gửi được tối đa ${MAX_RECIPIENTS} người nhận: hãy bớt địa chỉ trong Cài đặt…`);
  }
  return { recipients: [...new Set(all)], problems };
}

/** The plan's periods that have closed by `today`, oldest first; at least the first period. */
export function closedPeriods(plan: Plan, settings: Settings, today: IsoDate): PeriodKey[] {
  const last = lastClosedPeriod(today, settings.periodRule);
  return planPeriods(plan, settings.periodRule).filter((k, i) => i === 0 || comparePeriods(k, last) <= 0);
}

/** The open period whose reminders go out today (`reminderDaysBefore` days before its last day), or null. */
export function reminderDue(settings: Settings, today: IsoDate): PeriodKey | null {
  if (settings.reminderDaysBefore <= 0) return null;
  const key = openPeriod(today, settings.periodRule);
  const { end } = periodBounds(key, settings.periodRule);
  return addDays(end, -settings.reminderDaysBefore) === today ? key : null;
}

export interface Reminder {
  unitId: string;
  editors: string[];
  subject: string;
  body: string;
}

/**
 * One reminder per unit that has nothing in the period, has editors, and was not reminded yet. The text
 * names the unit, the period and the cut-off; it holds nothing typed in the sheet.
 */
export function remindersFor(
  plan: Plan,
  settings: Settings,
  rollup: Rollup,
  alreadyReminded: readonly string[],
  sheetUrl: string,
): Reminder[] {
  const sender = `UBND ${plan.commune.level} ${plan.commune.name}`;
  const label = rollup.period.label;
  return rollup.units
    .filter((u) => !u.reported && !alreadyReminded.includes(u.unitId))
    .map((u) => ({ unit: u, editors: (settings.unitEditors[u.unitId] ?? []).filter(isEmail) }))
    .filter(({ editors }) => editors.length > 0)
    .map(({ unit, editors }) => ({
      unitId: unit.unitId,
      editors,
      subject: `Nhắc nhập báo cáo ${label} – ${unit.name}`,
      body:
        `Kính gửi ${unit.name},\n\nĐến nay trang "${unit.tabName}" chưa có báo cáo nào cho ${label}. ` +
        `Hạn tổng hợp là hết ngày ${formatDateVi(rollup.period.end)}. Xin vui lòng nhập báo cáo tại: ${sheetUrl}\n\n${sender}`,
    }));
}
