/**
 * The upper level reads its communes' figures (design notes, "The upper level"). For each commune in its
 * table it makes, once, a small intake file that it owns and shares with that commune's office alone
 * (editor of that one file, of nothing else of the upper level's); then, as itself, it reads each file
 * and merges what it finds into its own intake tab (core/upper.ts): one row per commune, period and
 * indicator, a resend replacing the row. A constant number of Sheets calls per commune (open, find the
 * tab, read), one read and one write of the intake whatever the number of communes, and the files read
 * longest ago first, within a time budget: what is left is read by the next hourly run.
 */
import type { CellValue } from "../core/cell";
import { formatDateTimeVi, periodShortLabel } from "../core/periods";
import type { Plan } from "../core/plan";
import type { CommuneEntry, Intake, IntakeRecord } from "../core/upper";
import { COMMUNE_FILE_HEADER, COMMUNE_FILE_TAB } from "../core/intake-file";
import {
  COMMUNES_HEADER,
  COMMUNES_OWN_FROM,
  createIntake,
  INTAKE_HEADER,
  intakeRows,
  mergeIntake,
  periodsReceived,
  readCommuneFile,
  readCommunes,
  readIntake,
  UPPER_TABS,
} from "../core/upper";
import type { UpperSettings } from "../core/upper-settings";
import { host } from "./upper-host";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Reading stops after this long, well inside Apps Script's 6 minutes; the rest waits for the next run. */
const BUDGET_MS = 4 * 60 * 1000;
const OWN_WIDTH = COMMUNES_HEADER.length - COMMUNES_OWN_FROM;

export interface UpperContext {
  ss: Spreadsheet;
  plan: Plan;
  settings: UpperSettings;
  today: string;
}

export interface SyncResult {
  /** Communes whose file was read this run. */
  read: number;
  /** Communes with new or replaced rows, with what arrived. */
  changed: string[];
  /** Communes whose file could not be read or made, with why. */
  failed: string[];
  /** Communes whose intake file was made this run. */
  created: string[];
  /** Communes left for the next run (the time budget ran out). */
  left: number;
  records: IntakeRecord[];
  communes: CommuneEntry[];
}

function tab(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`Thiếu trang "${name}": hãy chạy "Thiết lập / sửa bảng tính".`);
  return sheet;
}

function allValues(sheet: Sheet, width: number): CellValue[][] {
  const last = sheet.getLastRow();
  return last === 0 ? [] : (sheet.getRange(1, 1, last, width).getValues() as CellValue[][]);
}

/** A commune's intake file: its one tab, the header protected for the upper level, shared with the commune. */
function makeFile(c: UpperContext, entry: CommuneEntry): Spreadsheet {
  const file = SpreadsheetApp.create(`Số liệu ${entry.name} gửi ${c.settings.name}`);
  const sheet = file.getSheets()[0]!.setName(COMMUNE_FILE_TAB);
  const width = COMMUNE_FILE_HEADER.length;
  sheet
    .getRange(1, 1, 1, width)
    .setValues([[...COMMUNE_FILE_HEADER]])
    .setFontWeight("bold");
  sheet.setFrozenRows(1);
  // Plan code, commune, period, indicator, status and approver are text ("2023-04" is not a date).
  sheet
    .getRange(2, 1, sheet.getMaxRows() - 1, width)
    .setNumberFormats(
      Array.from({ length: sheet.getMaxRows() - 1 }, () =>
        COMMUNE_FILE_HEADER.map((_, i) => (i === 4 || i === 5 ? "0" : i === 7 ? "dd/MM/yyyy HH:mm:ss" : "@")),
      ),
    );
  const header = sheet.getRange(1, 1, 1, width).protect().setDescription("ke-hoach-sheet: tiêu đề");
  header.removeEditors(header.getEditors());
  return file;
}

function noticeBody(c: UpperContext, entry: CommuneEntry, url: string): string {
  return [
    `Kính gửi văn phòng UBND ${entry.name},`,
    "",
    `${c.settings.name} đã tạo tệp nhận số liệu tổng hợp của ${entry.name} và chia sẻ cho tài khoản ${entry.email} (quyền chỉnh sửa tệp này, không có quyền gì với các tệp khác của ${c.settings.name}):`,
    url,
    "",
    'Việc cần làm một lần: mở bảng tính kế hoạch của xã, chọn menu của tiện ích → Văn phòng UBND xã → Cài đặt…, dán đường dẫn trên vào ô "Tệp nhận số liệu của cấp trên" rồi bấm Lưu cài đặt. Từ đó, mỗi khi báo cáo tháng được duyệt và gửi, tiện ích tự ghi số tổng hợp của kỳ vào tệp này (chỉ số liệu, không có chữ nhập tay, không có dữ liệu cá nhân); gửi lại thì thay số cũ.',
    "",
    `Tài khoản ${entry.email} phải là tài khoản chạy các việc tự động của bảng tính xã (tài khoản đã chạy Thiết lập). Nếu không phải, hãy báo ${c.settings.name} để chia sẻ cho đúng tài khoản.`,
  ].join("\n");
}

/** Makes and shares the file of a commune that has none, or shares it again with a changed address. */
function ensureFile(c: UpperContext, entry: CommuneEntry, own: CellValue[], result: SyncResult): void {
  if (entry.fileId && entry.sharedWith === entry.email) return;
  try {
    if (!entry.fileId) {
      const file = makeFile(c, entry);
      file.addEditor(entry.email);
      entry.fileId = file.getId();
      own[0] = file.getUrl();
      result.created.push(entry.name);
      let notice = "đã gửi thư báo đường dẫn cho xã";
      if (MailApp.getRemainingDailyQuota() < 1)
        notice = "chưa gửi được thư báo (hết hạn mức email hôm nay): hãy gửi đường dẫn cho xã";
      else {
        MailApp.sendEmail({
          to: entry.email,
          subject: `[${c.settings.name}] Tệp nhận số liệu của ${entry.name}`,
          body: noticeBody(c, entry, file.getUrl()),
          name: c.settings.name,
        });
      }
      own[4] = `Đã tạo tệp nhận số liệu, chia sẻ cho ${entry.email}; ${notice}.`;
    } else {
      const file = SpreadsheetApp.openById(entry.fileId);
      file.addEditor(entry.email);
      if (entry.sharedWith) file.removeEditor(entry.sharedWith);
      own[4] = `Đã chia sẻ tệp cho ${entry.email}${entry.sharedWith ? ` thay ${entry.sharedWith}` : ""}.`;
    }
    entry.sharedWith = entry.email;
    own[1] = entry.email;
  } catch (err) {
    console.error(`Tệp nhận số liệu ${entry.name}: ${host.messageOf(err)}`);
    own[4] = `Chưa tạo hoặc chia sẻ được tệp cho ${entry.email}: ${host.translateError(err)}`;
    result.failed.push(`${entry.name}: ${own[4]}`);
  }
}

/** Reads one commune's file and merges it; returns what the status column says. */
function readOne(
  c: UpperContext,
  entry: CommuneEntry,
  intake: Intake,
  now: string,
): { status: string; changed: string | null } {
  const file = SpreadsheetApp.openById(entry.fileId!);
  const sheet = file.getSheetByName(COMMUNE_FILE_TAB);
  if (!sheet) return { status: `Tệp không còn trang "${COMMUNE_FILE_TAB}".`, changed: null };
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const { received, problems } = readCommuneFile(values, c.plan, c.settings.rule, entry.planCode);
  const merged = mergeIntake(intake, entry.name, entry.planCode, received, c.plan, c.settings.rule, {
    at: now,
    previous: entry.lastRead,
  });
  const periods = periodsReceived(intake, entry.name, c.plan, c.settings.rule);
  const got = periods.length ? `đã nhận ${periods.map(periodShortLabel).join(", ")}` : "chưa có số liệu";
  const news =
    merged.added + merged.replaced > 0
      ? `${merged.added} dòng mới, ${merged.replaced} dòng gửi lại thay số cũ`
      : "không có gì mới";
  return {
    status: [`Đọc lúc ${formatDateTimeVi(now)}: ${news}; ${got}.`, ...problems].join(" "),
    changed: merged.added + merged.replaced > 0 ? `${entry.name} (${news})` : null,
  };
}

/**
 * Makes the files of new communes, reads the files read longest ago first within the time budget, and
 * writes the intake and the table's own columns back, one write each.
 */
export function syncCommunes(c: UpperContext): SyncResult {
  const started = Date.now();
  const now = new Date().toISOString();
  const table = tab(c.ss, UPPER_TABS.communes);
  const tableValues = allValues(table, COMMUNES_HEADER.length);
  const communes = readCommunes(tableValues, c.plan.id);
  const intakeTab = tab(c.ss, UPPER_TABS.intake);
  const intakeValues = allValues(intakeTab, INTAKE_HEADER.length);
  const intake = createIntake(readIntake(intakeValues));
  const result: SyncResult = {
    read: 0,
    changed: [],
    failed: [],
    created: [],
    left: 0,
    records: intake.records,
    communes,
  };
  const own = new Map<number, CellValue[]>();
  for (const e of communes) {
    const row = tableValues[e.row - 1]!;
    own.set(
      e.row,
      Array.from({ length: OWN_WIDTH }, (_, i) => row[COMMUNES_OWN_FROM + i] ?? ""),
    );
  }
  const readable: CommuneEntry[] = [];
  for (const e of communes) {
    const mine = own.get(e.row)!;
    if (e.problem) {
      mine[4] = e.problem;
      continue;
    }
    ensureFile(c, e, mine, result);
    if (e.fileId && e.sharedWith === e.email) readable.push(e);
  }
  readable.sort((a, b) => (a.lastRead ?? "").localeCompare(b.lastRead ?? ""));
  for (const e of readable) {
    if (Date.now() - started > BUDGET_MS) {
      result.left++;
      continue;
    }
    const mine = own.get(e.row)!;
    try {
      const one = readOne(c, e, intake, now);
      mine[2] = new Date(now);
      e.lastRead = now;
      mine[4] = one.status;
      if (one.changed) result.changed.push(one.changed);
      result.read++;
    } catch (err) {
      console.error(`Đọc tệp của ${e.name}: ${host.messageOf(err)}`);
      mine[4] = `Không đọc được tệp lúc ${formatDateTimeVi(now)}: ${host.translateError(err)}`;
      result.failed.push(`${e.name}: ${mine[4]}`);
    }
  }
  // Written back only when something arrived (the hourly run of an ordinary day writes nothing there).
  const rows =
    result.changed.length > 0
      ? intakeRows(
          intake.records,
          c.plan,
          communes.map((e) => e.name),
        )
      : [];
  const old = Math.max(intakeValues.length - 1, 0);
  while (rows.length > 0 && rows.length < old) rows.push(new Array<CellValue>(INTAKE_HEADER.length).fill(""));
  if (rows.length > 0) {
    const missing = rows.length + 1 - intakeTab.getMaxRows();
    if (missing > 0) intakeTab.insertRowsAfter(intakeTab.getMaxRows(), missing);
    intakeTab.getRange(2, 1, rows.length, INTAKE_HEADER.length).setValues(rows);
  }
  if (tableValues.length > 1) {
    const block = tableValues
      .slice(1)
      .map((_, i) => own.get(i + 2) ?? tableValues[i + 1]!.slice(COMMUNES_OWN_FROM));
    table.getRange(2, COMMUNES_OWN_FROM + 1, block.length, OWN_WIDTH).setValues(block);
  }
  return result;
}

/** The communes and the intake as they are, without reading any file (to show a report). */
export function readIntakeOnly(c: UpperContext): Pick<SyncResult, "records" | "communes"> {
  return {
    communes: readCommunes(allValues(tab(c.ss, UPPER_TABS.communes), COMMUNES_HEADER.length), c.plan.id),
    records: readIntake(allValues(tab(c.ss, UPPER_TABS.intake), INTAKE_HEADER.length)),
  };
}
