/**
 * The commune's side of the upper level's intake. Once a period's report has gone to the upper level,
 * its aggregates (one row per indicator, core/upper.ts communeFileRows) are written into the intake file
 * the upper level made for this commune and shared with it alone (settings: upperIntake), replacing that
 * period's rows: a resend replaces, never duplicates. A constant number of Sheets calls whatever the
 * file holds: open, one read, one write. It runs in the send's execution, as the installer (the
 * account the upper level shared the file with). If it fails, the report has still gone: the rows wait
 * in a document property, the send log says why in Vietnamese (once a day), and the hourly trigger
 * tries again. No free text and no entry leaves the sheet this way. Part of build/UpperTools.html:
 * loaded by the send's execution when the settings name an intake file (send.ts).
 */
import type { CellValue } from "../core/cell";
import type { PeriodKey } from "../core/periods";
import { periodShortLabel } from "../core/periods";
import type { Rollup } from "../core/rollup";
import {
  COMMUNE_FILE_HEADER,
  COMMUNE_FILE_TAB,
  communeFileRows,
  replacePeriodRows,
} from "../core/intake-file";
import { spreadsheetIdOf } from "../core/address";
import type { SendContext } from "./send";
import { host } from "./upper-host";

const PENDING_PREFIX = "ks.push.";
const LOG_KIND = "Số liệu gửi cấp trên";

/** Rows waiting to be written, as stored: the send time as ISO (a property holds text only). */
interface Waiting {
  rows: (string | number)[][];
  sentAt: string;
}

function props() {
  return PropertiesService.getDocumentProperties();
}

/** Writes the period's rows into the intake file, or throws what Google said. */
function write(fileId: string, key: PeriodKey, rows: CellValue[][]): void {
  const file = SpreadsheetApp.openById(fileId);
  const sheet = file.getSheetByName(COMMUNE_FILE_TAB);
  if (!sheet) throw new Error(`no tab ${COMMUNE_FILE_TAB}`);
  const width = COMMUNE_FILE_HEADER.length;
  const last = sheet.getLastRow();
  const body = last > 1 ? (sheet.getRange(2, 1, last - 1, width).getValues() as CellValue[][]) : [];
  const next = replacePeriodRows(body, key, rows);
  // Rows the new block no longer reaches (blank or duplicate ones) are emptied in the same write.
  while (next.length < body.length) next.push(new Array<CellValue>(width).fill(""));
  if (next.length > 0) sheet.getRange(2, 1, next.length, width).setValues(next);
}

function why(err: unknown, c: SendContext): string {
  const text = host.messageOf(err);
  const me = host.callerEmail();
  if (/no tab /.test(text)) {
    return `Tệp nhận số liệu của cấp trên không còn trang "${COMMUNE_FILE_TAB}": hãy báo ${c.settings.upperLevelName} tạo lại tệp.`;
  }
  if (
    /permission|access|not found|unexpected error while getting the method or property openById/i.test(text)
  ) {
    return (
      `Tài khoản ${me} không mở được tệp nhận số liệu của cấp trên (chưa được chia sẻ quyền chỉnh sửa, hoặc tệp đã bị xoá). ` +
      `Hãy nhờ ${c.settings.upperLevelName} chia sẻ tệp cho ${me}, hoặc kiểm tra đường dẫn trong Cài đặt.`
    );
  }
  return host.translateError(err);
}

/** Tries to write what waits for `key`; logs the outcome. */
function attempt(c: SendContext, key: PeriodKey, waiting: Waiting): boolean {
  const fileId = spreadsheetIdOf(c.settings.upperIntake ?? "");
  if (!fileId) {
    // The office removed the link from settings: nothing to send to.
    props().deleteProperty(PENDING_PREFIX + key);
    return false;
  }
  const label = periodShortLabel(key);
  const rows: CellValue[][] = waiting.rows.map((r) =>
    r.map((v, i) => (i === 7 ? new Date(waiting.sentAt) : v)),
  );
  try {
    write(fileId, key, rows);
  } catch (err) {
    console.error(`${LOG_KIND} ${key}: ${host.messageOf(err)}`);
    if (!host.loggedToday(`push.${key}`, c.today)) {
      host.appendSendLog(
        c.ss,
        key,
        LOG_KIND,
        [],
        `Chưa ghi được số liệu ${label} vào tệp nhận số liệu của cấp trên: ${why(err, c)} Sẽ tự thử lại mỗi giờ.`,
      );
    }
    return false;
  }
  props().deleteProperty(PENDING_PREFIX + key);
  host.appendSendLog(
    c.ss,
    key,
    LOG_KIND,
    [],
    `Đã ghi số liệu ${label} (${rows.length} chỉ tiêu) vào tệp nhận số liệu của ${c.settings.upperLevelName}.`,
  );
  return true;
}

/** After the period's report went: its aggregates to the upper level's intake file, if settings name one. */
export function pushPeriod(c: SendContext, rollup: Rollup, sentAt: string, approvedBy: string | null): void {
  if (!spreadsheetIdOf(c.settings.upperIntake ?? "")) return;
  const rows = communeFileRows(c.plan.id, c.plan.commune.name, rollup, new Date(sentAt), approvedBy ?? "");
  const waiting: Waiting = {
    rows: rows.map((r) => r.map((v) => (v instanceof Date ? "" : (v as string | number)))),
    sentAt,
  };
  props().setProperty(PENDING_PREFIX + rollup.period.key, JSON.stringify(waiting));
  attempt(c, rollup.period.key, waiting);
}

/** The hourly retry: every period whose rows still wait. */
export function retryPushes(c: SendContext): void {
  const all = props().getProperties();
  for (const name of Object.keys(all).sort()) {
    if (!name.startsWith(PENDING_PREFIX)) continue;
    try {
      attempt(c, name.slice(PENDING_PREFIX.length), JSON.parse(all[name]!) as Waiting);
    } catch (err) {
      console.error(`${LOG_KIND}: ${host.messageOf(err)}`);
    }
  }
}
