// The emulator's public types: how a world is made (WorldOptions) or continued (RestoreOptions), what it
// can do (Environment), and what it records (executions, logs, calls, its JSON state).
import type { CachesState } from "./cache";
import type { LockControl } from "./lock";
import type { MailControl, MailQuotaState, SentMail } from "./mail";
import type { PropertiesState } from "./properties";
import type { ExecutionKind } from "./runtime";
import type { TriggerRecord } from "./script-app";
import type { SheetsModel, SheetsState, UserFormat } from "./spreadsheet/index";
import type { UiLog } from "./ui";

/**
 * A new world. Whoever creates it chooses who owns the bound spreadsheet, what it is called, the clock,
 * the script's and the spreadsheet's zone and locale, and where HtmlService finds its pages: the
 * emulator knows Google's behaviour, not any application.
 */
export interface WorldOptions {
  /** Who owns the bound spreadsheet (in a shared drive: who created it) and wrote the script. */
  owner: string;
  now: Date;
  /** The script's time zone (appsscript.json): Session.getScriptTimeZone, triggers, Utilities. */
  timeZone: string;
  /**
   * Locale of the bound spreadsheet and of every spreadsheet the script creates, and of its users.
   * Google gives a new file the locale and time zone of the account that creates it.
   */
  locale: string;
  /** Time zone of those spreadsheets (default: the script's). */
  spreadsheetTimeZone?: string;
  spreadsheetName: string;
  /** Where createHtmlOutputFromFile reads `<name>.html`; without it there are no HTML files. */
  htmlDir?: string;
  /** ScriptApp.getScriptId (default: an id made from the owner and the spreadsheet's name). */
  scriptId?: string;
  /** Email recipients per day: 100 for consumer accounts (the default), 1,500 for Workspace. */
  mailQuota?: number;
  /**
   * The bound spreadsheet is in a shared drive: Spreadsheet.getOwner() is null (Google: "Gets the
   * owner of the file, or null for files in a shared drive") and `owner` is one of its editors.
   */
  sharedDrive?: boolean;
  /** People the bound spreadsheet is shared with as editors / viewers from the start. */
  editors?: string[];
  viewers?: string[];
  /**
   * Email domains that are Google Workspace domains (default: the owner's, unless a consumer one such
   * as gmail.com). Session.getActiveUser is "blank if security policies do not allow access to the
   * user's identity": code running without the user's own authorization (a simple trigger, someone
   * else's installable trigger) sees the user only if they are the developer (the owner) or of the
   * same Workspace domain as whoever the code runs as. Consumer accounts and other domains are blank.
   */
  workspaceDomains?: string[];
  /** Where Utilities.getUuid's values come from (default: random, like Google's). */
  uuid?: () => string;
  /**
   * Another world's Drive, shared: its spreadsheets are this world's too, and this world's bound
   * spreadsheet joins them. Each world keeps its own script, bound file, properties, triggers, clock and
   * mail, like scripts bound to different spreadsheets; sharing and protections decide who opens what.
   */
  drive?: Drive;
  state?: undefined;
}

/** A world's Drive, to share with another world (WorldOptions.drive). */
export interface Drive {
  readonly files: "drive";
}

/** A world continued from a snapshot (the html directory is where this machine keeps the pages). */
export interface RestoreOptions {
  state: EnvironmentState;
  htmlDir?: string;
  /** As in WorldOptions: a tool replaying recorded actions wants the same ids each time. */
  uuid?: () => string;
}

export type EnvironmentOptions = WorldOptions | RestoreOptions;

export interface EncodedMail extends Omit<SentMail, "sentAt" | "attachments"> {
  sentAt: string;
  attachments: { name: string | null; contentType: string | null; base64: string; size: number }[];
}

/** Everything needed to continue later: JSON-serialisable (Dates as ISO strings, bytes as base64). */
export interface EnvironmentState {
  version: 1;
  now: string;
  owner: string;
  timeZone: string;
  /** Absent in states saved before locales existed: vi_VN and the script's zone. */
  locale?: string;
  spreadsheetTimeZone?: string;
  scriptId?: string;
  activeUser: string;
  workspaceDomains?: string[];
  /** States saved before workspaceDomains: "consumer" had none, "same-domain" the owner's. */
  identity?: "same-domain" | "consumer";
  mailQuota: number;
  spreadsheets: SheetsState;
  properties: PropertiesState;
  caches: CachesState;
  triggers: TriggerRecord[];
  nextTriggerSeq: number;
  outbox: EncodedMail[];
  mailUsage: MailQuotaState;
}

export type ExecutionResult = { ok: true; value: unknown } | { ok: false; error: string };

export interface ExecutionRecord {
  id: number;
  kind: ExecutionKind;
  functionName: string;
  effectiveUser: string;
  activeUser: string;
  startedAt: Date;
  ok: boolean;
  error?: string;
  triggerUid?: string;
}

export interface FiredExecution extends ExecutionRecord {
  result: ExecutionResult;
}

export interface LogLine {
  at: Date;
  executionId: number;
  functionName: string;
  message: string;
}

export interface CallCounts {
  /** Calls per "Service.method" since the last resetCalls(). */
  readonly counts: Readonly<Record<string, number>>;
  readonly total: number;
  get(name: string): number;
  /**
   * Milliseconds the emulator itself spent serving those calls (copying cells, checking protections):
   * Google's side of the work, which a benchmark takes out of the script's own time.
   */
  readonly serviceMs: number;
  /** Cells the script's range reads and writes moved (values, notes, colours, formats…). */
  readonly cells: number;
}

export interface EditResult {
  /** The edited Range (an Apps Script object of the model). */
  range: unknown;
  /** The triggers that ran: the simple onEdit, then each installable on-edit trigger. */
  fired: FiredExecution[];
}

/** A global function of the loaded script. */
export type ScriptFunction = (...args: unknown[]) => unknown;

export interface Environment {
  /** The Apps Script globals to evaluate the bundle with. */
  readonly globals: Record<string, unknown>;
  /** Evaluate a bundle in a fresh context with `globals`, attach its functions and return them. */
  load(code: string): Record<string, ScriptFunction>;
  /** The script's global functions, so triggers, menu items and client calls find them by name. */
  attach(fns: Record<string, ScriptFunction>): void;

  readonly user: string;
  setUser(email: string): void;
  now(): Date;
  setNow(date: Date): void;

  /** The user opens the spreadsheet: fresh UI, then simple onOpen and installable on-open triggers. */
  open(): FiredExecution[];
  /** The user clicks a menu item: menu caption, then item captions down to the item. */
  clickMenu(...path: string[]): ExecutionResult;
  /** Run a global function as the active user (as from the script editor); throws its error. */
  run(functionName: string, ...args: unknown[]): unknown;
  /** google.script.run: serialised like Google's, run as the active user. */
  runFromClient(functionName: string, args?: unknown[]): ExecutionResult;

  /** The active user types or pastes into a range; refused (throws, nothing changed) like Google. */
  userEdit(sheetName: string, a1: string, values: unknown, opts?: { typed?: boolean }): EditResult;
  userInsertColumns(sheetName: string, afterColumn: number, count: number): FiredExecution[];
  userInsertRows(sheetName: string, afterRow: number, count: number): FiredExecution[];
  userDeleteRows(sheetName: string, row: number, count: number): FiredExecution[];
  userDeleteColumns(sheetName: string, column: number, count: number): FiredExecution[];
  userRenameSheet(oldName: string, newName: string): FiredExecution[];
  userDeleteSheet(sheetName: string): FiredExecution[];
  userInsertSheet(sheetName: string): FiredExecution[];
  /** The user changes how cells look (background, number format, bold): on-change FORMAT. */
  userFormat(sheetName: string, a1: string, format: UserFormat): FiredExecution[];
  /** What the user is looking at (SpreadsheetApp.getActiveSheet). */
  setActiveSheet(sheetName: string): void;

  /** Set the clock to `at` and fire, as their installers, the time-driven triggers due then. */
  runTimeTriggers(at: Date): FiredExecution[];
  /** Let time pass minute by minute up to `to`, firing every time-driven trigger that falls due. */
  advanceTo(to: Date): FiredExecution[];
  readonly triggers: readonly TriggerRecord[];

  readonly outbox: readonly SentMail[];
  readonly mail: MailControl;
  readonly locks: LockControl;
  readonly ui: UiLog;
  readonly calls: CallCounts;
  resetCalls(): void;
  /**
   * The script's next call of "Service.method" (as counted in `calls`) throws `message`, the way a
   * Google service fails now and then ("Service Spreadsheets failed while accessing document…").
   */
  failNext(name: string, message: string): void;
  readonly logs: readonly LogLine[];
  readonly executions: readonly ExecutionRecord[];

  /** The spreadsheet model (for deleting a copy "in Drive", etc.). */
  readonly sheets: SheetsModel;
  readonly spreadsheets: { all(): object[]; byId(id: string): object | undefined };
  /** The spreadsheet the script is bound to. */
  readonly active: object;
  /** This world's Drive, for a world that shares it (WorldOptions.drive). */
  readonly drive: Drive;

  snapshot(): EnvironmentState;
  /**
   * The world seen from a copy of the bound spreadsheet (Spreadsheet.copy): the copy's bound script is
   * a new project, so it starts with no properties of any kind, no triggers and no cache, and runs the
   * code it is given with `load`. The two worlds go on separately from here (a simplification: in
   * Google both files live in one Drive).
   */
  boundCopy(spreadsheetId: string): Environment;
}
