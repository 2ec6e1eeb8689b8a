/**
 * The entry sidebar's server side. The sidebar validates as the user types; this validates again
 * (never trust the page), checks the user's right to the unit and that the row's period is still open
 * to them, and appends the row under a lock. The guard has checked that the caller may enter at all.
 */
import * as z from "zod/mini";
import { unitColumns } from "../core/columns";
import { entryRow, statusText } from "../core/marks";
import type { EntryInput, EntryIssue } from "../core/validate";
import { validateEntry } from "../core/validate";
import { lockOn, lockedRowMessage } from "../core/approval";
import { enterRefusal, hasRole, mayEnter } from "../core/roles";
import type { EntryFormState, EntrySubmission, SubmitResult } from "./api";
import { entrySubmissionSchema } from "./api";
import { lockContext } from "./approvals";
import { appendChange } from "./change-log";
import type { SheetContext } from "./context";
import { today, unitById, unitOfTab } from "./context";
import { tabColumns } from "./tab-columns";
import { markBlock } from "./unit-tab";

const ASK_FOR_SETUP = 'Hãy nhờ người quản lý chạy "Thiết lập / sửa bảng tính".';

export function entryFormState(c: SheetContext): EntryFormState {
  const { ss, plan, settings, user } = c;
  const units = plan.units.map((unit) => ({
    id: unit.id,
    tabName: unit.tabName,
    name: unit.name,
    columns: unitColumns(plan, unit),
    canEdit: mayEnter(c.person, unit.id),
  }));
  const active = unitOfTab(plan, ss.getActiveSheet().getName());
  const defaultUnit = active && units.find((u) => u.id === active.id && u.canEdit);
  return {
    plan,
    units,
    defaultUnitId: defaultUnit ? defaultUnit.id : (units.find((u) => u.canEdit)?.id ?? null),
    today: today(),
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
  const checked = validateEntry(plan, unit, submission.fields as EntryInput, {
    today: today(),
    rule: settings.periodRule,
  });
  if (!checked.entry) return refuse("Báo cáo chưa được ghi: hãy sửa các lỗi được đánh dấu.", checked.issues);
  const locks = lockContext(c.people, settings);
  const lock = lockOn(checked.entry.date, settings.periodRule, locks.locks);
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
    const row = entryRow(checked.entry, unit, columns.indexByKey, columns.width);
    const stamp = { user, at: new Date() };
    const warned = checked.issues.length > 0;
    const at = columns.indexByKey;
    if (columns.marked) {
      if (at.status !== undefined) row[at.status] = statusText(checked.issues);
      if (at.enteredBy !== undefined) row[at.enteredBy] = user;
      if (at.updatedAt !== undefined) row[at.updatedAt] = stamp.at;
    }
    sheet.appendRow(row);
    const rowNumber = sheet.getLastRow();
    if (warned || !columns.marked) {
      // The script's own write fires no trigger: mark (and, by header text, stamp) the new row here.
      const block = sheet.getRange(rowNumber, 1, 1, columns.width);
      markBlock(plan, unit, block, columns, [row], today(), stamp, locks);
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
      warnings: checked.issues.filter((i) => i.severity === "warning"),
    };
  } finally {
    docLock.releaseLock();
  }
}
