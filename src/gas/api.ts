/**
 * The google.script.run contract between the sidebars (src/ui) and the server (src/gas/main.ts).
 * Only plain data crosses it: Google refuses Dates and functions, so dates travel as strings.
 * The UI imports these types; main.ts checks its exports against ServerApi, so both ends move together.
 */
import * as z from "zod/mini";
import { lazySchema } from "../core/schema-kit";
import type { Column, ColumnKey } from "../core/columns";
import type { EntryIssue } from "../core/validate";
import type { PeriodRule, Plan } from "../core/plan";
import type { Rollup } from "../core/rollup";
import type { Settings } from "../core/settings";

/** One unit as the entry sidebar needs it: its columns carry labels, options and help texts. */
export interface EntryUnit {
  id: string;
  tabName: string;
  name: string;
  columns: Column[];
  canEdit: boolean;
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
  /** Only the owner may change settings; others see them read-only. */
  canEdit: boolean;
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
  /** Only the owner may write the rollup tab and send the report. */
  canWrite: boolean;
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
}

function buildPeriodKeySchema() {
  return z.string().check(z.refine((s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s)));
}
function buildSendRequestSchema() {
  // z.custom rather than z.boolean: one schema class fewer in every execution's bundle.
  return z.object({
    periodKey: buildPeriodKeySchema(),
    resend: z.custom<boolean>((v) => typeof v === "boolean"),
  });
}
export const periodKeySchema = lazySchema(buildPeriodKeySchema);
export const sendRequestSchema = lazySchema(buildSendRequestSchema);
export type SendRequestInput = z.infer<ReturnType<typeof buildSendRequestSchema>>;

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
}

/** Used by tests and the workbench to type a client call by name. */
export type EndpointName = keyof ServerApi;
export type { ColumnKey };
