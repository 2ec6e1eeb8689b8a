/**
 * The upper level's views and its monthly report (core/upper-report.ts): the "Tổng hợp các xã" tab for a
 * period and the "Xu hướng" tab over the year, written in one layout each (gas/table.ts, handed over by
 * the host); the consolidated report to its leaders, the same page `consolidate --html` makes from files
 * (core/consolidated-report.ts), once per period (mail-record.ts), from the installer's account.
 */
import type { Consolidation } from "../core/consolidate";
import { consolidatedSubject, renderConsolidatedHtml } from "../core/consolidated-report";
import type { PeriodKey } from "../core/periods";
import { periodShortLabel, planPeriods } from "../core/periods";
import type { IntakeRecord } from "../core/upper";
import { UPPER_TABS } from "../core/upper";
import type { CommunePeriod } from "../core/upper-report";
import {
  communesForPeriod,
  completenessLine,
  consolidationOf,
  periodTable,
  totalLine,
  trendTable,
} from "../core/upper-report";
import { host } from "./upper-host";
import type { UpperContext } from "./upper-intake";

/** Above this many communes, the email shows the totals only; each commune's results are in the tab. */
const EMAIL_COMMUNE_COLUMNS = 20;
const LOG_KIND = "Báo cáo tổng hợp";

export interface PeriodView {
  key: PeriodKey;
  consolidation: Consolidation;
  communes: CommunePeriod[];
}

/** A period's communes and their consolidation, from the intake. */
export function periodView(
  uc: UpperContext,
  records: readonly IntakeRecord[],
  names: readonly string[],
  key: PeriodKey,
): PeriodView {
  const communes = communesForPeriod(
    uc.plan,
    uc.settings.rule,
    key,
    names,
    records,
    uc.settings.deadlineDays,
  );
  const consolidation = consolidationOf(uc.plan, uc.settings.rule, key, communes, new Date().toISOString());
  return { key, consolidation, communes };
}

function sheet(uc: UpperContext, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  return uc.ss.getSheetByName(name) ?? uc.ss.insertSheet(name);
}

/** Writes the period's tab and the year's trends; returns the period's view. */
export function writeViews(
  uc: UpperContext,
  records: readonly IntakeRecord[],
  names: readonly string[],
  key: PeriodKey,
): PeriodView | null {
  if (names.length === 0) return null;
  const view = periodView(uc, records, names, key);
  const approvers = new Map(view.communes.map((c) => [c.name, c.approvedBy]));
  host.writeTable(sheet(uc, UPPER_TABS.report), periodTable(uc.plan, view.consolidation, approvers));
  const periods = planPeriods(uc.plan, uc.settings.rule).filter((k) => k <= key);
  const trends = periods.map((k) => (k === key ? view : periodView(uc, records, names, k)).consolidation);
  host.writeTable(sheet(uc, UPPER_TABS.trends), trendTable(uc.plan, trends));
  return view;
}

export interface Composed {
  subject: string;
  html: string;
  text: string;
}

/** The report as the leaders get it: every commune's column while few, the totals only beyond. */
export function composeUpperReport(uc: UpperContext, view: PeriodView): Composed {
  const c = view.consolidation;
  const link = `${uc.ss.getUrl()}`;
  const wide = c.communes.length > EMAIL_COMMUNE_COLUMNS;
  const html = renderConsolidatedHtml(uc.plan, c, {
    reportDate: uc.today,
    upperLevelName: uc.settings.name,
    communeColumns: !wide,
    detailsText: `Kết quả của từng xã: trang "${UPPER_TABS.report}" của bảng tổng hợp, ${link}`,
  });
  const missing = c.communes.filter((x) => x.report.timeliness === "notSent").map((x) => x.name);
  const late = c.communes.filter((x) => x.report.timeliness === "late").map((x) => x.name);
  const text = [
    consolidatedSubject(uc.plan, c).toUpperCase(),
    "",
    completenessLine(c),
    late.length ? `Gửi muộn: ${late.join(", ")}.` : "",
    missing.length ? `Chưa gửi: ${missing.join(", ")}.` : "",
    "",
    "Tổng cộng các xã đã gửi (cộng tử số và mẫu số rồi mới tính tỉ lệ):",
    ...c.totals.map(totalLine),
    "",
    `Bảng tổng hợp: ${link}`,
  ].filter((l, i, all) => l !== "" || all[i - 1] !== "");
  return { subject: `[${uc.settings.name}] ${consolidatedSubject(uc.plan, c)}`, html, text: text.join("\n") };
}

/**
 * Sends the period's report to the leaders, once (an explicit `again` sends anew), within the day's quota;
 * says what it did, and logs it.
 */
export function sendUpperReport(uc: UpperContext, view: PeriodView, again: boolean, by: string): string {
  const key = view.key;
  const label = periodShortLabel(key);
  const log = (recipients: readonly string[], message: string) => {
    host.appendSendLog(uc.ss, key, LOG_KIND, recipients, message);
    return message;
  };
  const previous = host.mailRecord("report", key);
  if (previous?.state === "sent" && !again) return `Báo cáo tổng hợp ${label} đã gửi lúc ${previous.at}.`;
  const recipients = uc.settings.leaders;
  if (recipients.length === 0) {
    return log(
      [],
      `Chưa gửi báo cáo tổng hợp ${label}: chưa có email lãnh đạo trong trang "${UPPER_TABS.settings}".`,
    );
  }
  if (MailApp.getRemainingDailyQuota() < recipients.length) {
    return log(
      recipients,
      `Chưa gửi báo cáo tổng hợp ${label}: hết hạn mức email hôm nay. Sẽ thử lại ngày mai.`,
    );
  }
  const composed = composeUpperReport(uc, view);
  let delivery: ReturnType<typeof host.deliverOnce>;
  try {
    delivery = host.deliverOnce("report", key, 0, { recipients: [...recipients], by }, again, () =>
      MailApp.sendEmail({
        to: recipients.join(","),
        subject: composed.subject,
        body: composed.text,
        htmlBody: composed.html,
        name: uc.settings.name,
      }),
    );
  } catch (err) {
    console.error(`${LOG_KIND}: ${host.messageOf(err)}`);
    return log(
      recipients,
      `Gửi báo cáo tổng hợp ${label} thất bại (${host.translateError(err)}). Sẽ thử lại.`,
    );
  }
  if (delivery.status === "doubt") {
    return log(
      recipients,
      `Không rõ báo cáo tổng hợp ${label} đã đi chưa (lần gửi trước bị gián đoạn): không tự gửi lại. Hãy xem thư mục "Đã gửi" rồi dùng "Gửi báo cáo tổng hợp tháng…".`,
    );
  }
  return log(
    recipients,
    `Đã gửi báo cáo tổng hợp ${label} cho ${recipients.length} lãnh đạo${again ? " (gửi lại)" : ""}.`,
  );
}
