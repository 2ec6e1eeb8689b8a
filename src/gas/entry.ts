/**
 * The entry sidebar's server side. The sidebar validates as the user types; this validates again
 * (never trust the page), checks the user's right to the unit and that the row's period is still open
 * to them, and appends the row under a lock. The guard has checked that the caller may enter at all.
 */
import * as z from "zod/mini";
import type { LockContext } from "../core/approval";
import { lockOn, lockedRowMessage } from "../core/approval";
import type { CellValue } from "../core/cell";
import { unitColumns } from "../core/columns";
import { entryRow, statusText } from "../core/marks";
import type { PeriodRule } from "../core/periods";
import type { Plan, Unit } from "../core/plan";
import { enterRefusal, hasRole, mayEnter } from "../core/roles";
import { entryRuleChecker, judgedElements, ruleContext, unitHasRules } from "../core/rules";
import type { Entry, EntryInput, EntryIssue } from "../core/validate";
import { validateEntry } from "../core/validate";
import type { EntryFormState, EntrySubmission, SubmitResult } from "./api";
import { entrySubmissionSchema } from "./api";
import { lockContext } from "./approvals";
import { appendChange } from "./change-log";
import type { SheetContext } from "./context";
import { today, unitById, unitOfTab } from "./context";
import type { TabColumns } from "./tab-columns";
import { tabColumns } from "./tab-columns";
import { countedEntries, planMarks } from "./unit-tab";
import { markedRequests, readBlockCells, send } from "./edit-cells";

const ASK_FOR_SETUP = 'Hãy nhờ người quản lý chạy "Thiết lập / sửa bảng tính".';
const NOT_WRITTEN = "Báo cáo chưa được ghi: hãy sửa các lỗi được đánh dấu.";

/**
 * The entries of a unit tab that count (valid, not locked out by an approval), in one read: what the
 * cross-field rules judge a row with. Only units with rules need it.
 */
function countedOf(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  plan: Plan,
  unit: Unit,
  columns: TabColumns,
  ctx: { today: string; rule: PeriodRule },
  locks: LockContext,
): Entry[] {
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return [];
  const values = sheet.getRange(1, 1, lastRow, columns.width).getValues() as CellValue[][];
  return countedEntries(plan, unit, values, columns.indexByKey, ctx.today, ctx.rule, locks);
}

export function entryFormState(c: SheetContext): EntryFormState {
  const { ss, plan, settings, user } = c;
  const ctx = { today: today(), rule: settings.periodRule };
  const locks = lockContext(c.people, settings);
  const units = plan.units.map((unit) => {
    const canEdit = mayEnter(c.person, unit.id);
    // The rules are judged as the user types: the sidebar gets the figures they need, no free text.
    const sheet = canEdit && unitHasRules(plan, unit) ? ss.getSheetByName(unit.tabName) : null;
    const columns = sheet ? tabColumns(() => sheet, plan, unit) : null;
    const entries = sheet && columns ? countedOf(sheet, plan, unit, columns, ctx, locks) : null;
    return {
      id: unit.id,
      tabName: unit.tabName,
      name: unit.name,
      columns: unitColumns(plan, unit),
      canEdit,
      ruleEntries: entries ? ruleContext(plan, unit, entries, ctx.today, ctx.rule) : [],
    };
  });
  const active = unitOfTab(plan, ss.getActiveSheet().getName());
  const defaultUnit = active && units.find((u) => u.id === active.id && u.canEdit);
  return {
    plan,
    units,
    defaultUnitId: defaultUnit ? defaultUnit.id : (units.find((u) => u.canEdit)?.id ?? null),
    today: ctx.today,
    periodRule: settings.periodRule,
    user,
  };
}

/** A refusal: nothing was written, and the sidebar keeps what was typed. */
function refuse(message: string, issues: EntryIssue[] = []): SubmitResult {
  return { ok: false, message, issues };
}

export function submitEntry(c: SheetContext, input: unknown): SubmitResult {
  const parsed = z.safeParse(entrySubmissionSchema(), input);
  if (!parsed.success) return refuse("Dữ liệu gửi lên không đúng dạng. Hãy tải lại biểu mẫu rồi nhập lại.");
  const submission: EntrySubmission = parsed.data;
  const { ss, plan, settings, user } = c;
  const unit = unitById(plan, submission.unitId);
  if (!unit) return refuse(`Không có đơn vị "${submission.unitId}" trong kế hoạch.`);
  if (!mayEnter(c.person, unit.id)) return refuse(enterRefusal(unit.name, c.people, c.person));
  const ctx = { today: today(), rule: settings.periodRule };
  const checked = validateEntry(plan, unit, submission.fields as EntryInput, ctx);
  const entry = checked.entry;
  if (!entry) return refuse(NOT_WRITTEN, checked.issues);
  const locks = lockContext(c.people, settings);
  const lock = lockOn(entry.date, settings.periodRule, locks.locks);
  if (lock && !hasRole(c.person, "office")) {
    // Nothing is written; the sidebar keeps what was typed.
    return refuse(lockedRowMessage(lock, settings.periodRule, new Date(lock.approvedAt).toISOString()), [
      {
        severity: "error",
        column: "date",
        message: "Kỳ của ngày này đã được duyệt: hãy chọn ngày trong kỳ đang mở.",
      },
    ]);
  }
  const sheet = ss.getSheetByName(unit.tabName);
  if (!sheet) return refuse(`Chưa có trang "${unit.tabName}". ${ASK_FOR_SETUP}`);

  const docLock = LockService.getDocumentLock();
  if (!docLock.tryLock(15000)) {
    return refuse("Đang có người khác ghi vào bảng. Nội dung bạn nhập vẫn còn: hãy bấm Ghi lại sau ít giây.");
  }
  try {
    const columns = tabColumns(() => sheet, plan, unit);
    // Read under the lock: the rules judge a row with figures they compare with the unit's rows as they
    // are now (a row with none gets no rule issue: nothing to read).
    const judged = judgedElements(plan, unit);
    const rules = Object.keys(entry.values).some((id) => judged.has(id));
    const others = rules ? countedOf(sheet, plan, unit, columns, ctx, locks) : [];
    const ruleIssues = rules ? entryRuleChecker(plan, unit, [...others, entry], ctx.rule)(entry) : [];
    const issues = [...checked.issues, ...ruleIssues];
    if (ruleIssues.some((i) => i.severity === "error")) return refuse(NOT_WRITTEN, issues);
    // Writing a row the tab cannot show in full would lose what was typed: refuse instead.
    const lost = unitColumns(plan, unit).filter(
      (col) => !col.scriptOwned && columns.indexByKey[col.key] === undefined,
    );
    if (lost.length > 0) {
      const names = lost.map((c) => `"${c.header}"`).join(", ");
      return refuse(
        `Trang "${unit.tabName}" thiếu cột ${names}. Nội dung bạn nhập vẫn còn. ${ASK_FOR_SETUP}`,
      );
    }
    // The row goes in with its status, who and when: one write. Only a row with warnings needs marks
    // (a note and a colour), which the new row's notes and colours are read for.
    const row = entryRow(entry, unit, columns.indexByKey, columns.width);
    const stamp = { user, at: new Date() };
    const at = columns.indexByKey;
    if (columns.marked) {
      if (at.status !== undefined) row[at.status] = statusText(issues);
      if (at.enteredBy !== undefined) row[at.enteredBy] = user;
      if (at.updatedAt !== undefined) row[at.updatedAt] = stamp.at;
    }
    sheet.appendRow(row);
    const rowNumber = sheet.getLastRow();
    if (issues.length > 0 || !columns.marked) {
      // The script's own write fires no trigger: mark (and, by header text, stamp) the new row here.
      // Through the Sheets API, which reads what SpreadsheetApp wrote only once it is flushed.
      SpreadsheetApp.flush();
      const ssId = ss.getId();
      const cells = readBlockCells(ssId, unit.tabName, rowNumber, 1, columns.width);
      const context = rules ? { rule: ctx.rule, others } : undefined;
      const { marked } = planMarks(plan, unit, columns, [row], cells, ctx.today, stamp, locks, context);
      if (marked) send(ssId, markedRequests(cells.sheetId, rowNumber, cells, [row], marked));
    }
    appendChange(
      ss,
      {
        at: new Date(),
        user,
        tab: unit.tabName,
        a1: `A${rowNumber}`,
        oldValue: "",
        newValue: "(nhập qua biểu mẫu)",
        cells: 1,
      },
      c.people.office,
    );
    SpreadsheetApp.flush();
    return {
      ok: true,
      rowNumber,
      tabName: unit.tabName,
      warnings: issues.filter((i) => i.severity === "warning"),
    };
  } finally {
    docLock.releaseLock();
  }
}
