/**
 * The google.script.run contract between the sidebars (src/ui) and the server (src/gas/main.ts).
 * Only plain data crosses it: Google refuses Dates and functions, so dates travel as strings.
 * The UI imports these types; main.ts checks its exports against ServerApi, so both ends move together.
 */
import * as z from "zod/mini";
import { lazySchema } from "../core/schema-kit";
import type { Column, ColumnKey } from "../core/columns";
import type { Entry, EntryIssue } from "../core/validate";
import type { PeriodRule, Plan } from "../core/plan";
import type { Rollup } from "../core/rollup";
import type { ApprovalStatus, ReturnNote } from "../core/approval";
import type { Settings } from "../core/settings";

/** One unit as the entry sidebar needs it: its columns carry labels, options and help texts. */
export interface EntryUnit {
  id: string;
  tabName: string;
  name: string;
  columns: Column[];
  canEdit: boolean;
  /** The figures the cross-field rules need from the unit's rows (core's ruleContext); [] if none. */
  ruleEntries: Entry[];
}

export interface EntryFormState {
  /** The plan, so the sidebar validates as you type with the same code the server runs. */
  plan: Plan;
  units: EntryUnit[];
  /** The unit of the active tab when it is a unit tab and the user may edit it. */
  defaultUnitId: string | null;
  /** Today in Vietnam, "YYYY-MM-DD". */
  today: string;
  /** The sheet's period rule (settings): it decides the last day of the plan year. */
  periodRule: PeriodRule;
  /** The user's email where Google gives it, else "". */
  user: string;
}

/** What the entry sidebar submits: the unit and its fields by column key, as typed (text, "" for empty). */
function buildEntrySubmissionSchema() {
  return z.object({ unitId: z.string(), fields: z.record(z.string(), z.string()) });
}
export const entrySubmissionSchema = lazySchema(buildEntrySubmissionSchema);
export type EntrySubmission = z.infer<ReturnType<typeof buildEntrySubmissionSchema>>;

export type SubmitResult =
  | { ok: true; rowNumber: number; tabName: string; warnings: EntryIssue[] }
  | { ok: false; message: string; issues: EntryIssue[] };

export interface SettingsFormState {
  settings: Settings;
  units: { id: string; name: string; tabName: string }[];
  /** Only the office reaches this page; kept for the page's read-only mode. */
  canEdit: boolean;
  /** The account that ran the first setup: always of the office, whatever the settings say. */
  setupAccount: string;
}

export type SaveSettingsResult =
  | { ok: true; message: string }
  | { ok: false; errors: { field: string; message: string }[] };

export interface PeriodOption {
  key: string;
  label: string;
}

/** "Tổng hợp tháng…": the rollup of one period, computed from one read of every unit tab. */
export interface RollupState {
  periods: PeriodOption[];
  /** The period shown: the one asked for, else the one that closed last. */
  periodKey: string;
  rollup: Rollup;
  /** Only the office may write the rollup tab and send the report. */
  canWrite: boolean;
}

/** A period's approval as the pages show it. */
export interface ApprovalView {
  status: ApprovalStatus;
  draftAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  returns: ReturnNote[];
}

export type ActionResult = { ok: true; message: string } | { ok: false; message: string };

/** "Gửi báo cáo tháng…": what would be sent, to whom, and whether the quota allows it. */
export interface SendState {
  periods: PeriodOption[];
  periodKey: string;
  periodLabel: string;
  recipients: string[];
  /** Why sending is impossible now (no recipients, bad address); empty when it can go. */
  problems: string[];
  remainingQuota: number;
  /** ISO time the period's report was sent, or null. A resend needs `resend: true`. */
  sentAt: string | null;
  canSend: boolean;
  /** "chairman": the report goes to the upper level only once the chairman approved it. */
  mode: "chairman" | "direct";
  approval: ApprovalView;
  /** What the dialog's button sends: the draft to the chairman, or the report to the upper level. */
  action: "draft" | "report";
  /** When a send of that email was interrupted and nobody knows whether it went (ISO), else null. */
  doubtSince: string | null;
  /** When the draft of the current round went to the chairman, else null. */
  draftSentAt: string | null;
}

/** "Duyệt báo cáo tháng…": the report exactly as it will go, and the period's approval. */
export interface ApprovalState {
  periods: PeriodOption[];
  periodKey: string;
  periodLabel: string;
  mode: "chairman" | "direct";
  approval: ApprovalView;
  /** When the report went to the upper level (ISO), else null. */
  reportSentAt: string | null;
  /** The email's HTML as it will go (approved by the caller, now). */
  html: string;
  /** Changes when anything the report says changes: approving sends it back. */
  fingerprint: string;
  /** The caller is the chairman and the period is not approved yet. */
  canApprove: boolean;
  chairman: string;
  upperLevelName: string;
  recipients: string[];
}

export type ApprovalResult =
  | { ok: true; message: string }
  | { ok: false; message: string; state?: ApprovalState };

/** "Tình hình báo cáo của đơn vị…": the open period for the caller's units, read-only. */
export interface UnitStatusState {
  periodLabel: string;
  start: string;
  end: string;
  today: string;
  units: {
    id: string;
    name: string;
    tabName: string;
    /** Who enters for this unit (only for the caller's own units). */
    editors: string[];
    entries: number;
    reported: boolean;
    lastEntryDate: string | null;
    errorRows: number;
    warningRows: number;
  }[];
  /** Periods approved, whose rows are locked for staff. */
  locked: { label: string; approvedAt: string }[];
}

function buildPeriodKeySchema() {
  return z.string().check(z.refine((s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s)));
}
function buildSendRequestSchema() {
  // z.custom rather than z.boolean: one schema class fewer in every execution's bundle.
  return z.object({
    periodKey: buildPeriodKeySchema(),
    resend: z.custom<boolean>((v) => typeof v === "boolean"),
    /** The office checked the sending account's "Sent" folder: an interrupted send did go. */
    markSent: z.optional(z.custom<boolean>((v) => typeof v === "boolean")),
  });
}
function buildApproveSchema() {
  return z.object({ periodKey: buildPeriodKeySchema(), fingerprint: z.string() });
}
function buildReturnSchema() {
  return z.object({
    periodKey: buildPeriodKeySchema(),
    comment: z.string().check(z.refine((s: string) => s.trim().length > 0 && s.length <= 5000)),
  });
}
export const periodKeySchema = lazySchema(buildPeriodKeySchema);
export const sendRequestSchema = lazySchema(buildSendRequestSchema);
export const approveSchema = lazySchema(buildApproveSchema);
export const returnSchema = lazySchema(buildReturnSchema);
export type SendRequestInput = z.infer<ReturnType<typeof buildSendRequestSchema>>;
export type ApproveInput = z.infer<ReturnType<typeof buildApproveSchema>>;
export type ReturnInput = z.infer<ReturnType<typeof buildReturnSchema>>;

/** "Kế hoạch: nhập, xuất, soạn từ văn bản…": the plan the sheet is set up with, as JSON. */
export interface PlanDialogState {
  title: string;
  year: number;
  json: string;
}

/** Writing the plan tab from JSON or a document's text; `problems` lists what to fix or check. */
export interface PlanWriteResult {
  ok: boolean;
  message: string;
  problems: string[];
}

/** Every google.script.run target. Keys must be exported by src/gas/main.ts (checked by the build). */
export interface ServerApi {
  getEntryFormState(): EntryFormState;
  submitEntry(input: EntrySubmission): SubmitResult;
  getSettingsState(): SettingsFormState;
  saveSettings(input: unknown): SaveSettingsResult;
  getRollupState(periodKey: string | null): RollupState;
  writeRollupToTab(periodKey: string): ActionResult;
  getSendState(periodKey: string | null): SendState;
  sendReportNow(input: SendRequestInput): ActionResult;
  getApprovalState(periodKey: string | null): ApprovalState;
  approveReport(input: ApproveInput): ApprovalResult;
  returnReport(input: ReturnInput): ActionResult;
  getUnitStatus(): UnitStatusState;
  getPlanDialogState(): PlanDialogState;
  importPlanJson(text: string): PlanWriteResult;
  draftPlanFromText(text: string): PlanWriteResult;
}

/** Used by tests and the workbench to type a client call by name. */
export type EndpointName = keyof ServerApi;
export type { ColumnKey };
