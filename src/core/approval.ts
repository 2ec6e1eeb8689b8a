/**
 * A period's report before it leaves the commune: a draft until the chairman approves it (unless the
 * settings say "send directly"). Pure: the records are kept by the adapter in document properties, one
 * per period, and read back through `parseApproval`, which never throws on what it finds.
 *
 *   none ──draft mailed──▶ draft ──approve──▶ approved ──report sent──▶ (figures reported)
 *                           │  ▲
 *                      return  │ draft mailed again after the office's corrections
 *                           ▼  │
 *                         returned
 *
 * At approval the period's figures (each unit's element totals for the period) are kept. Every later
 * change to an approved period's figures is a correction made after approval: the next report lists
 * them ("số liệu điều chỉnh sau khi duyệt"), and once that report has gone, what it said becomes the
 * new baseline, so each correction is listed once.
 */
import type { CellValue } from "./cell";
import { formatWholeNumber } from "./parse";
import type { Plan } from "./plan";
import type { IsoDate, PeriodKey, PeriodRule } from "./periods";
import { comparePeriods, formatDateTimeVi, instantOfSerial, periodLabel, periodOf } from "./periods";
import type { Rollup } from "./rollup";
import type { UnitTabRead } from "./validate";

export type ApprovalStatus = "none" | "draft" | "returned" | "approved";

export interface ReturnNote {
  by: string;
  at: string;
  comment: string;
}

/** "unitId/elementId" → the element's total for the period (flows summed, stocks latest). */
export type Figures = Record<string, number>;

export interface ApprovalRecord {
  status: ApprovalStatus;
  /** When the draft last went to the chairman (ISO). */
  draftAt: string | null;
  returns: ReturnNote[];
  approvedBy: string | null;
  approvedAt: string | null;
  /** Figures as approved. */
  approved: Figures | null;
  /** Figures as the upper level was last told (after a report went); null until then. */
  reported: Figures | null;
  /** When the chairman was last reminded (ISO). */
  remindedAt: string | null;
  /** The approved period's rows are protected (done by the installer's next run after approval). */
  rowsLocked: boolean;
}

/** A comment is kept whole in the send log; the record keeps the start (a property holds 9 KB). */
export const COMMENT_MAX = 2000;

export function emptyApproval(): ApprovalRecord {
  return {
    status: "none",
    draftAt: null,
    returns: [],
    approvedBy: null,
    approvedAt: null,
    approved: null,
    reported: null,
    remindedAt: null,
    rowsLocked: false,
  };
}

function str(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}

function figures(v: unknown): Figures | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const out: Figures = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === "number" && Number.isFinite(x)) out[k] = x;
  }
  return out;
}

/** A stored record, whatever it holds: unknown fields are dropped, missing ones take their defaults. */
export function parseApproval(raw: string | null): ApprovalRecord {
  const out = emptyApproval();
  if (!raw) return out;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (_) {
    return out;
  }
  if (v === null || typeof v !== "object") return out;
  const o = v as Record<string, unknown>;
  if (o.status === "draft" || o.status === "returned" || o.status === "approved") out.status = o.status;
  out.draftAt = str(o.draftAt);
  out.approvedBy = str(o.approvedBy);
  out.approvedAt = str(o.approvedAt);
  out.remindedAt = str(o.remindedAt);
  out.approved = figures(o.approved);
  out.reported = figures(o.reported);
  out.rowsLocked = o.rowsLocked === true;
  if (Array.isArray(o.returns)) {
    for (const r of o.returns as unknown[]) {
      if (r === null || typeof r !== "object") continue;
      const n = r as Record<string, unknown>;
      const by = str(n.by);
      const at = str(n.at);
      if (by && at) out.returns.push({ by, at, comment: typeof n.comment === "string" ? n.comment : "" });
    }
  }
  return out;
}

/** The figures of a period's rollup that approval fixes: each unit's element totals for the period. */
export function figuresOf(rollup: Rollup): Figures {
  const out: Figures = {};
  for (const unit of rollup.units) {
    for (const t of unit.totals) {
      if (t.period !== null) out[unit.unitId + "/" + t.elementId] = t.period;
    }
  }
  return out;
}

export interface Correction {
  periodKey: PeriodKey;
  periodLabel: string;
  unitName: string;
  elementLabel: string;
  before: string;
  after: string;
}

function shown(value: number | undefined, valueType: string | undefined): string {
  if (value === undefined) return "(chưa có)";
  if (valueType === "yesno") return value > 0 ? "Có" : "Không";
  return formatWholeNumber(value);
}

/**
 * The corrections since approval (or since the last report that listed them) for every approved period
 * up to `upTo`: `now` gives each period's figures as the sheet has them now.
 */
export function correctionsSince(
  plan: Plan,
  rule: PeriodRule,
  approvals: ReadonlyMap<PeriodKey, ApprovalRecord>,
  now: (key: PeriodKey) => Figures,
  upTo: PeriodKey,
): Correction[] {
  const out: Correction[] = [];
  const keys = [...approvals.keys()].sort(comparePeriods);
  for (const key of keys) {
    const record = approvals.get(key)!;
    if (record.status !== "approved" || comparePeriods(key, upTo) > 0) continue;
    const baseline = record.reported ?? record.approved;
    if (!baseline) continue;
    const current = now(key);
    const ids = [...new Set([...Object.keys(baseline), ...Object.keys(current)])].sort();
    for (const id of ids) {
      const before = baseline[id];
      const after = current[id];
      if (before === after) continue;
      const [unitId, elementId] = id.split("/");
      const unit = plan.units.find((u) => u.id === unitId);
      const element = plan.elements.find((e) => e.id === elementId);
      out.push({
        periodKey: key,
        periodLabel: periodLabel(key, rule),
        unitName: unit?.name ?? unitId ?? id,
        elementLabel: element ? element.label : (elementId ?? id),
        before: shown(before, element?.valueType),
        after: shown(after, element?.valueType),
      });
    }
  }
  return out;
}

/** Periods the chairman has approved, with when: the rows dated in them are locked for staff. */
export interface Lock {
  periodKey: PeriodKey;
  /** Epoch milliseconds of the approval. */
  approvedAt: number;
}

export function locksOf(approvals: ReadonlyMap<PeriodKey, ApprovalRecord>): Lock[] {
  const out: Lock[] = [];
  for (const [periodKey, r] of approvals) {
    const at = r.approvedAt ? Date.parse(r.approvedAt) : Number.NaN;
    if (r.status === "approved" && Number.isFinite(at)) out.push({ periodKey, approvedAt: at });
  }
  return out;
}

/** The lock on a date, if its period is approved. */
export function lockOn(date: IsoDate, rule: PeriodRule, locks: readonly Lock[]): Lock | undefined {
  const key = periodOf(date, rule);
  return locks.find((l) => l.periodKey === key);
}

function instantOf(v: CellValue | undefined): number | null {
  if (v instanceof Date) return v.getTime();
  // Read through the Sheets API (gas/sheets-read.ts): a serial number, Vietnam wall time.
  if (typeof v === "number" && Number.isFinite(v)) return instantOfSerial(v);
  // A Date from another realm (the emulator's, a sidebar's) fails instanceof but is one all the same.
  if (Object.prototype.toString.call(v) === "[object Date]") return (v as unknown as Date).getTime();
  return null;
}

/**
 * Whether a row dated in an approved period still counts: it was last changed (the script's stamp of
 * who and when) before the approval, or by the office. A row staff typed or changed afterwards does not
 * count: it stays in the sheet, marked, until the office takes it in by editing it.
 */
export function rowCountsUnderLock(
  lock: Lock,
  stamp: { by: CellValue | undefined; at: CellValue | undefined },
  office: readonly string[],
): boolean {
  const at = instantOf(stamp.at);
  const by = typeof stamp.by === "string" ? stamp.by.trim().toLowerCase() : "";
  if (by !== "" && office.includes(by)) return true;
  // No stamp at all: a row from before the add-in stamped rows, untouched since.
  if (at === null) return by === "";
  return at <= lock.approvedAt;
}

/** The message on a row that does not count because its period was approved. */
export function lockedRowMessage(lock: Lock, rule: PeriodRule, approvedAtIso: string | null): string {
  return (
    "Báo cáo " +
    periodLabel(lock.periodKey, rule) +
    " đã được Chủ tịch duyệt" +
    (approvedAtIso ? " lúc " + formatDateTimeVi(approvedAtIso) : "") +
    ": dòng nhập hoặc sửa sau khi duyệt không được tính. Nếu nhầm ngày, hãy sửa ngày; nếu cần điều chỉnh số liệu kỳ đã duyệt, hãy báo văn phòng UBND xã."
  );
}

/** The approval dialog's "what you saw is what goes" check uses the same fingerprint. */
export { fingerprint } from "./hash";

/** Whether a draft has waited long enough for (another) reminder to the chairman. */
export function approvalReminderDue(record: ApprovalRecord, days: number, nowMs: number): boolean {
  if (days <= 0 || record.status !== "draft" || !record.draftAt) return false;
  const since = Date.parse(record.remindedAt ?? record.draftAt);
  return Number.isFinite(since) && nowMs - since >= days * 86_400_000;
}

/** What reading a tab needs to honour approved periods. */
export interface LockContext {
  locks: readonly Lock[];
  /** Office addresses, lower-cased: their changes to an approved period are corrections, and count. */
  office: readonly string[];
  rule: PeriodRule;
}

/**
 * Leaves out of the figures the rows dated in an approved period that do not count (rowCountsUnderLock),
 * each with an error saying why; the row itself stays in the sheet as typed. `values` are the rows
 * `read` was made from (header first). With `stamp`, the rows are being stamped now (an edit): that
 * stamp is the one that counts.
 */
export function applyLocks(
  read: UnitTabRead,
  values: readonly (readonly CellValue[])[],
  lc: LockContext,
  stamp?: { user: string; at: Date },
): void {
  if (lc.locks.length === 0) return;
  const by = read.indexByKey.enteredBy;
  const at = read.indexByKey.updatedAt;
  for (const row of read.rows) {
    if (!row.entry) continue;
    const lock = lockOn(row.entry.date, lc.rule, lc.locks);
    if (!lock) continue;
    const cells = values[row.rowNumber - 1] ?? [];
    const rowStamp = stamp
      ? { by: stamp.user, at: stamp.at }
      : { by: by === undefined ? undefined : cells[by], at: at === undefined ? undefined : cells[at] };
    if (rowCountsUnderLock(lock, rowStamp, lc.office)) continue;
    row.entry = null;
    row.issues.push({
      severity: "error",
      column: "date",
      message: lockedRowMessage(lock, lc.rule, new Date(lock.approvedAt).toISOString()),
    });
  }
}
