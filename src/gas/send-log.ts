/**
 * The send log ("Nhật ký gửi"): one row per attempt to send anything (report, draft, reminder), per
 * approval and return, and per reason something could not go. The office reads it, so it holds only
 * Vietnamese: Google's own words go to the execution log. It is an office-only tab: a line from
 * someone else's execution (the chairman approving) waits in document properties, one property each,
 * and the next office execution writes it, in order. Created protected when missing.
 */
import { SYSTEM_TABS } from "../core/plan";
import { SEND_LOG_HEADER, SEND_LOG_LAYOUT } from "../core/tables";
import { currentPeople, getPlan, loadSettings } from "./context";
import { protectOfficeOnly } from "./protect";
import { appendLogRows, layoutLog } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// The header lives in core: the command line reads other communes' send logs with it.
export { SEND_LOG_HEADER };
const PENDING_PREFIX = "ks.pendingSendLog.";

type Line = [string, string, string, string, string];

function office(ss: Spreadsheet): readonly string[] {
  return currentPeople(ss, loadSettings(getPlan())).office;
}

function runsAsOffice(list: readonly string[]): boolean {
  return list.includes(Session.getEffectiveUser().getEmail().toLowerCase());
}

function logSheet(ss: Spreadsheet, list: readonly string[]): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = ss.getSheetByName(SYSTEM_TABS.sendLog);
  if (!sheet) {
    sheet = ss.insertSheet(SYSTEM_TABS.sendLog);
    layoutLog(sheet, SEND_LOG_LAYOUT);
    protectOfficeOnly(sheet, list);
  }
  return sheet;
}

/** A line as the log's cells; the layout fits each to its column and keeps text as text. */
function row(line: Line): (string | Date)[] {
  return [new Date(line[0]), line[1], line[2], line[3], line[4]];
}

/** Writes the lines that waited for an office execution; does nothing in anyone else's. */
export function flushPendingSendLog(ss: Spreadsheet, list: readonly string[] = office(ss)): void {
  if (!runsAsOffice(list)) return;
  const props = PropertiesService.getDocumentProperties();
  const all = props.getProperties();
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(PENDING_PREFIX))
    .sort();
  if (keys.length === 0) return;
  const sheet = logSheet(ss, list);
  appendLogRows(
    sheet,
    SEND_LOG_LAYOUT,
    keys.map((k) => row(JSON.parse(all[k]!) as Line)),
  );
  for (const k of keys) props.deleteProperty(k);
}

export function appendSendLog(
  ss: Spreadsheet,
  period: string,
  kind: string,
  recipients: readonly string[],
  result: string,
): void {
  const line: Line = [new Date().toISOString(), period, kind, recipients.join(", "), result];
  const list = office(ss);
  if (!runsAsOffice(list)) {
    const key = `${PENDING_PREFIX}${line[0]}.${Utilities.getUuid().slice(0, 8)}`;
    PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(line));
    return;
  }
  flushPendingSendLog(ss, list);
  appendLogRows(logSheet(ss, list), SEND_LOG_LAYOUT, [row(line)]);
}

/** Whether a line was already logged today for `key` (a once-a-day log while the quota is out). */
export function loggedToday(key: string, today: string): boolean {
  const props = PropertiesService.getDocumentProperties();
  const prop = `ks.loggedToday.${key}`;
  if (props.getProperty(prop) === today) return true;
  props.setProperty(prop, today);
  return false;
}
