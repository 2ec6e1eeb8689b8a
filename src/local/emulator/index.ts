// The Apps Script emulator: an in-memory stand-in for Google's Apps Script services, behaving as Google
// documents them, so a script bundle runs (and is tested) where Google cannot be reached. It knows no
// application: whoever creates a world says who owns it, what it is called, the clock and the zones.
//
//   const env = createEnvironment({ owner: "owner@school.example", now: new Date("2023-04-10T02:00:00Z"),
//     timeZone: "Asia/Ho_Chi_Minh", locale: "vi_VN", spreadsheetName: "Plan", htmlDir: "build" });
//   env.load(readFileSync("build/Code.js", "utf8"));   // loadBundle + attach
//   env.open();                                         // simple onOpen as the active user
//   env.clickMenu("My menu", "Set up…");                // a menu item, as the active user
//   env.setUser("editor@school.example");
//   env.userEdit("Sheet1", "E5", "12", { typed: true }); // refused like Google, or fires onEdit(e)
//   env.runFromClient("submit", [payload]);              // google.script.run, with its serialisation
//   env.runTimeTriggers(new Date("2023-04-15T00:00:00Z"));
//   env.outbox, env.ui, env.calls, env.logs, env.snapshot()
//
// Who acts: user edits, menu items and google.script.run run as the active user; simple triggers as the
// active user in AuthMode.LIMITED (no mail, no triggers, no sidebars; 30 s); installable triggers as
// whoever installed them. A script's own writes never fire a trigger: only the user actions here do.
// Every method call on an Apps Script object is counted as "Service.method" in `calls`.
// The spreadsheet model (Spreadsheet/Sheet/Range…) lives in ./spreadsheet, behind the SheetsHost seam.

import { createHash } from "node:crypto";
import vm from "node:vm";
import { loadBundle } from "../loader";
import { makeBlob } from "./blob";
import { IllegalValueError, serialiseArgs, serialiseResult } from "./bridge";
import { type CachesState, createCacheService } from "./cache";
import { notImplemented } from "./errors";
import { expose } from "./expose";
import { createHtmlService } from "./html";
import { createLockService, type LockControl } from "./lock";
import { createMailApp, type MailControl, type MailQuotaState, type SentMail } from "./mail";
import { createPropertiesService, type PropertiesState } from "./properties";
import type { AuthMode, Execution, ExecutionKind, Runtime } from "./runtime";
import { clockEvent, createScriptApp, type EventType, isDue, type TriggerRecord } from "./script-app";
import { createSession } from "./session";
import {
  createSheetsModel,
  type SheetsHost,
  type SheetsModel,
  type SheetsState,
  type UserFormat,
} from "./spreadsheet/index";
import { localFields, zoneOffsetMinutes } from "./timezone";
import { localeRules } from "./spreadsheet/locale";
import { createUi, type MenuEntry, type UiLog } from "./ui";
import { createUtilities } from "./utilities";
import { isDate } from "./realm";

export type { AuthMode, Execution, ExecutionKind } from "./runtime";
export type { SentMail, SentAttachment } from "./mail";
export type { MenuEntry, MenuRecord, UiLog, PanelRecord, AlertRecord, PromptRecord } from "./ui";
export type { TriggerRecord } from "./script-app";
export type { UserFormat } from "./spreadsheet/index";
export type { LockControl, LockKind } from "./lock";
export type { MailControl } from "./mail";
export { LOCK_TIMEOUT_MESSAGE } from "./lock";

const RUN_LIMIT_MS = 6 * 60 * 1000;
const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;

/** Consumer Google accounts: never a Workspace domain. */
const CONSUMER_DOMAINS = ["gmail.com", "googlemail.com"];
const domainOf = (email: string): string => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

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
  state?: undefined;
}

/** A world continued from a snapshot (the html directory is where this machine keeps the pages). */
export interface RestoreOptions {
  state: EnvironmentState;
  htmlDir?: string;
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
}

export interface EditResult {
  /** The edited Range (an Apps Script object of the model). */
  range: unknown;
  /** The triggers that ran: the simple onEdit, then each installable on-edit trigger. */
  fired: FiredExecution[];
}

type ScriptFunction = (...args: unknown[]) => unknown;

/** Optional model capabilities beyond the seam's minimum (used when the model provides them). */
interface ModelExtras {
  role?(spreadsheetId: string, user: string): "owner" | "editor" | "viewer" | "none";
  userInsertRows?(sheetName: string, afterRow: number, count: number, user: string): void;
  userDeleteRows?(sheetName: string, row: number, count: number, user: string): void;
  userDeleteColumns?(sheetName: string, column: number, count: number, user: string): void;
  userRenameSheet?(oldName: string, newName: string, user: string): void;
  userDeleteSheet?(sheetName: string, user: string): void;
  userInsertSheet?(sheetName: string, user: string): void;
}

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

  snapshot(): EnvironmentState;
}

function messageOf(e: unknown): string {
  if (e !== null && typeof e === "object" && "message" in e)
    return String((e as { message: unknown }).message);
  return String(e);
}

/** A Date constructor whose "now" is the emulated clock; its instances are ordinary (host) Dates. */
function emulatedDate(nowMs: () => number): DateConstructor {
  const HostDate = Date;
  function EmulatedDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new HostDate(nowMs()).toString();
    return Reflect.construct(HostDate, args.length === 0 ? [nowMs()] : args, new.target);
  }
  EmulatedDate.prototype = HostDate.prototype;
  EmulatedDate.now = () => nowMs();
  EmulatedDate.parse = HostDate.parse;
  EmulatedDate.UTC = HostDate.UTC;
  return EmulatedDate as unknown as DateConstructor;
}

/** Google's edit event gives value/oldValue as strings; a date is its spreadsheet serial number. */
function eventString(v: unknown, timeZone: string): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isDate(v)) {
    const f = localFields(v, timeZone);
    const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
    return String((wall - Date.UTC(1899, 11, 30)) / 86_400_000);
  }
  return String(v);
}

function encodeMail(m: SentMail): EncodedMail {
  return {
    ...m,
    sentAt: m.sentAt.toISOString(),
    attachments: m.attachments.map((a) => ({
      name: a.name,
      contentType: a.contentType,
      size: a.size,
      base64: Buffer.from(a.bytes).toString("base64"),
    })),
  };
}

function decodeMail(m: EncodedMail): SentMail {
  return {
    ...m,
    sentAt: new Date(m.sentAt),
    attachments: m.attachments.map((a) => {
      const bytes = new Uint8Array(Buffer.from(a.base64, "base64"));
      return { name: a.name, contentType: a.contentType, bytes, size: bytes.length };
    }),
  };
}

/** Stubs for services the add-in does not use: any call says so instead of a ReferenceError. */
const UNUSED_SERVICES = [
  "DriveApp",
  "GmailApp",
  "UrlFetchApp",
  "DocumentApp",
  "SlidesApp",
  "FormApp",
  "CalendarApp",
  "ContactsApp",
  "ContentService",
  "XmlService",
  "Charts",
  "Maps",
  "LanguageApp",
  "Jdbc",
  "CardService",
  "Browser",
];

/** A Drive-like script id, the same for the same world. */
function makeScriptId(owner: string, name: string): string {
  const hash = createHash("sha256").update(`${owner}\n${name}`).digest("base64url");
  return `1${hash}${hash}`.slice(0, 57);
}

export function createEnvironment(options: EnvironmentOptions): Environment {
  const st = options.state;
  const opts: Partial<WorldOptions> = options.state === undefined ? options : {};
  const world = (key: "owner" | "timeZone" | "locale" | "spreadsheetName"): string => {
    const v = opts[key];
    if (typeof v !== "string") throw new Error(`createEnvironment: a new world needs its ${key}`);
    return v;
  };
  const owner = st?.owner ?? world("owner");
  const timeZone = st?.timeZone ?? world("timeZone");
  // States saved before locales existed were Vietnamese spreadsheets.
  const locale = st ? (st.locale ?? "vi_VN") : (opts.locale ?? world("locale"));
  const spreadsheetTimeZone = st?.spreadsheetTimeZone ?? opts.spreadsheetTimeZone ?? timeZone;
  const scriptId = st?.scriptId ?? opts.scriptId ?? makeScriptId(owner, st ? "" : world("spreadsheetName"));
  // Unknown ones fail here, not at the first date typed.
  localeRules(locale);
  zoneOffsetMinutes(spreadsheetTimeZone);
  zoneOffsetMinutes(timeZone);
  const ownerDomains = CONSUMER_DOMAINS.includes(domainOf(owner)) ? [] : [domainOf(owner)];
  const workspaceDomains = (
    st?.workspaceDomains ??
    (st?.identity === "consumer" ? [] : undefined) ??
    opts.workspaceDomains ??
    ownerDomains
  ).map((d) => d.toLowerCase());
  const mailQuota = st?.mailQuota ?? opts.mailQuota ?? 100;
  const htmlDir = options.htmlDir;
  if (!st && !(opts.now instanceof Date))
    throw new Error("createEnvironment: a new world needs its clock (now)");
  let clock = st ? Date.parse(st.now) : (opts.now as Date).getTime();
  let activeUser = st?.activeUser ?? owner;

  const properties: PropertiesState = st
    ? structuredClone(st.properties)
    : { script: {}, document: {}, user: {} };
  const caches: CachesState = st ? structuredClone(st.caches) : {};
  const triggers: TriggerRecord[] = st ? structuredClone(st.triggers) : [];
  let triggerSeq = st?.nextTriggerSeq ?? 1;
  const outbox: SentMail[] = st ? st.outbox.map(decodeMail) : [];
  const mailUsage: MailQuotaState = st ? structuredClone(st.mailUsage) : {};

  const counts: Record<string, number> = {};
  let total = 0;
  let silent = 0;
  /** Failures armed by the tests: the next script call of "Service.method" throws this message. */
  const armed = new Map<string, string>();
  const count = (name: string): void => {
    if (silent > 0) return;
    counts[name] = (counts[name] ?? 0) + 1;
    total++;
    const failure = armed.get(name);
    if (failure !== undefined) {
      armed.delete(name);
      throw new Error(failure);
    }
  };
  /** Run emulator-internal reads of Apps Script objects without counting them as the script's calls. */
  const quietly = <T>(fn: () => T): T => {
    silent++;
    try {
      return fn();
    } finally {
      silent--;
    }
  };

  const logs: LogLine[] = [];
  const executions: ExecutionRecord[] = [];
  const stack: Execution[] = [];
  let executionSeq = 0;
  const editorLogs: string[] = [];

  const editorExecution = (): Execution => ({
    id: 0,
    kind: "editor",
    effectiveUser: activeUser,
    activeUser,
    authMode: "FULL",
    hasUi: true,
    startedAt: clock,
    limitMs: Number.POSITIVE_INFINITY,
    functionName: "",
    logs: editorLogs,
  });
  const exec = (): Execution => stack[stack.length - 1] ?? editorExecution();

  let model: SheetsModel | undefined;
  const sheets = (): SheetsModel => {
    if (!model) throw new Error("The spreadsheet model is not ready yet");
    return model;
  };

  const rt: Runtime = {
    count,
    nowMs: () => clock,
    now: () => new Date(clock),
    advance(ms) {
      clock += Math.max(0, ms);
      const e = exec();
      if (clock - e.startedAt > e.limitMs) throw new Error("Exceeded maximum execution time");
    },
    timeZone,
    owner,
    exec,
    boundSpreadsheetId: () => quietly(() => (sheets().active() as { getId(): string }).getId()),
    log(line) {
      const e = exec();
      e.logs.push(line);
      logs.push({ at: new Date(clock), executionId: e.id, functionName: e.functionName, message: line });
    },
  };

  const propertiesService = createPropertiesService(rt, properties);
  const cacheService = createCacheService(rt, caches);
  const { service: lockService, control: locks } = createLockService(rt);
  const { service: mailApp, control: mail } = createMailApp(rt, {
    limit: mailQuota,
    outbox,
    quota: mailUsage,
  });
  const scriptApp = createScriptApp(rt, {
    triggers,
    nextId: () => String(4034124084959900000n + BigInt(triggerSeq++)),
    spreadsheetId: (ss) => quietly(() => (ss as { getId(): string }).getId()),
    scriptId,
  });
  const { service: session, user: userObject } = createSession(rt, {
    scriptId,
    realUser: () => activeUser,
    // The user's language, as Session.getActiveUserLocale gives it ("vi", "en").
    locale: locale.split("_")[0] ?? locale,
  });
  const { utilities, logger, console: consoleObj } = createUtilities(rt);
  const htmlService = createHtmlService(rt, htmlDir);
  const { ui, log: uiLog } = createUi(rt);

  const host: SheetsHost = {
    count,
    actingUser: () => exec().effectiveUser,
    now: () => new Date(clock),
    newFiles: { locale, timeZone: spreadsheetTimeZone },
    getUi() {
      if (!exec().hasUi) throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
      return ui;
    },
    newBlob: (bytes, contentType, name) => makeBlob(count, bytes, contentType, name),
  };
  model = createSheetsModel(host, st?.spreadsheets);
  if (!st) {
    const place = {
      ...(opts.sharedDrive === undefined ? {} : { sharedDrive: opts.sharedDrive }),
      ...(opts.editors === undefined ? {} : { editors: opts.editors }),
      ...(opts.viewers === undefined ? {} : { viewers: opts.viewers }),
    };
    model.createBound(world("spreadsheetName"), owner, place);
  }
  const extras = model as SheetsModel & ModelExtras;

  const globals: Record<string, unknown> = {
    SpreadsheetApp: model.spreadsheetApp,
    HtmlService: htmlService,
    PropertiesService: propertiesService,
    LockService: lockService,
    CacheService: cacheService,
    MailApp: mailApp,
    ScriptApp: scriptApp,
    Session: session,
    Utilities: utilities,
    Logger: logger,
    console: consoleObj,
    Date: emulatedDate(() => clock),
  };
  for (const name of UNUSED_SERVICES) globals[name] = expose(name, {}, count);

  let functions: Record<string, ScriptFunction> = {};
  /** The loaded bundle's JSON, so client arguments arrive as the script realm's own objects. */
  let scriptJson: JSON | undefined;
  const boundId = (): string => rt.boundSpreadsheetId();

  interface RunAs {
    kind: ExecutionKind;
    functionName: string;
    effectiveUser: string;
    reportedEffectiveUser?: string;
    activeUser: string;
    authMode: AuthMode;
    args: unknown[];
    triggerUid?: string;
  }

  function execute(r: RunAs): FiredExecution {
    const e: Execution = {
      id: ++executionSeq,
      kind: r.kind,
      effectiveUser: r.effectiveUser,
      ...(r.reportedEffectiveUser === undefined ? {} : { reportedEffectiveUser: r.reportedEffectiveUser }),
      activeUser: r.activeUser,
      authMode: r.authMode,
      hasUi: r.kind !== "time-trigger",
      startedAt: clock,
      limitMs: r.kind === "simple-trigger" ? SIMPLE_TRIGGER_LIMIT_MS : RUN_LIMIT_MS,
      functionName: r.functionName,
      logs: [],
    };
    const record: ExecutionRecord = {
      id: e.id,
      kind: e.kind,
      functionName: r.functionName,
      effectiveUser: r.effectiveUser,
      activeUser: r.activeUser,
      startedAt: new Date(clock),
      ok: true,
    };
    if (r.triggerUid !== undefined) record.triggerUid = r.triggerUid;
    executions.push(record);
    const fn = functions[r.functionName];
    let result: ExecutionResult;
    if (typeof fn !== "function") {
      result = { ok: false, error: `Script function not found: ${r.functionName}` };
    } else {
      stack.push(e);
      try {
        result = { ok: true, value: fn(...r.args) };
      } catch (err) {
        result = { ok: false, error: messageOf(err) };
        lastError = err;
      } finally {
        stack.pop();
        // Google releases an execution's locks when it ends.
        locks.releaseExecution(e.id);
      }
    }
    if (!result.ok) {
      record.ok = false;
      record.error = result.error;
    }
    return { ...record, result };
  }
  let lastError: unknown;

  /**
   * What Session.getActiveUser shows of the user at the keyboard to code running as `authority`
   * (whoever installed the trigger; for a simple trigger, the developer: nobody authorized it).
   */
  const shownTo = (authority: string): string => {
    const same = activeUser.toLowerCase() === authority.toLowerCase();
    const domain = domainOf(activeUser);
    const workspace = workspaceDomains.includes(domain) && domain === domainOf(authority);
    return same || workspace ? activeUser : "";
  };

  const fireInstallable = (
    eventType: EventType,
    sourceId: string,
    event: Record<string, unknown>,
  ): FiredExecution[] =>
    triggers
      .filter((t) => t.eventType === eventType && t.sourceId === sourceId)
      .map((t) =>
        execute({
          kind: "installable-trigger",
          functionName: t.handler,
          effectiveUser: t.owner,
          activeUser: shownTo(t.owner),
          authMode: "FULL",
          args: [{ ...event, authMode: "FULL", triggerUid: t.id, user: userObject(shownTo(t.owner)) }],
          triggerUid: t.id,
        }),
      );

  const fireSimple = (name: string, event: Record<string, unknown>): FiredExecution[] => {
    if (typeof functions[name] !== "function") return [];
    const shown = shownTo(owner);
    return [
      execute({
        kind: "simple-trigger",
        functionName: name,
        effectiveUser: activeUser,
        // getEffectiveUser: "In most other scenarios, this returns the same account as getActiveUser()."
        reportedEffectiveUser: shown,
        activeUser: shown,
        authMode: "LIMITED",
        args: [{ ...event, authMode: "LIMITED", user: userObject(shown) }],
      }),
    ];
  };

  const canEditFile = (): boolean => {
    const role = extras.role?.(boundId(), activeUser);
    if (role !== undefined) return role === "owner" || role === "editor";
    return quietly(() => {
      const ss = sheets().active();
      const same = (u: { getEmail(): string } | null) =>
        u?.getEmail().toLowerCase() === activeUser.toLowerCase();
      return same(ss.getOwner()) || ss.getEditors().some(same);
    });
  };

  const fireChange = (changeType: string): FiredExecution[] =>
    fireInstallable("ON_CHANGE", boundId(), { changeType, source: sheets().active() });

  const userAction = (changeType: string, act: () => void): FiredExecution[] => {
    act();
    return fireChange(changeType);
  };

  const need = <K extends keyof ModelExtras>(name: K): NonNullable<ModelExtras[K]> => {
    const f = extras[name];
    if (typeof f !== "function") return notImplemented(`user action ${name}`);
    return (f as (...a: unknown[]) => unknown).bind(model) as NonNullable<ModelExtras[K]>;
  };

  const findMenuItem = (path: string[]): string => {
    const [caption, ...rest] = path;
    const menu = uiLog.menus.find((m) => m.caption === caption) ?? uiLog.menus.find((m) => m.addon);
    if (!menu) throw new Error(`No menu "${caption}" in the UI (was onOpen run?)`);
    let items: MenuEntry[] = menu.items;
    const steps = menu.caption === caption ? rest : path;
    for (let i = 0; i < steps.length; i++) {
      const entry = items.find((it) => it.type !== "separator" && it.caption === steps[i]);
      if (!entry || entry.type === "separator")
        throw new Error(`No menu item "${steps[i]}" under "${caption}"`);
      if (entry.type === "item") {
        if (i !== steps.length - 1) throw new Error(`"${steps[i]}" is an item, not a submenu`);
        return entry.functionName;
      }
      items = entry.items;
    }
    throw new Error(`Menu path ${path.join(" > ")} names a submenu, not an item`);
  };

  const fireClock = (atMs: number): FiredExecution[] => {
    const fired: FiredExecution[] = [];
    const due = triggers.filter((t) => t.eventType === "CLOCK" && isDue(t, atMs));
    for (const t of due) {
      if (t.clock?.kind === "at") t.done = true;
      fired.push(
        execute({
          kind: "time-trigger",
          functionName: t.handler,
          effectiveUser: t.owner,
          activeUser: t.owner,
          authMode: "FULL",
          args: [clockEvent(new Date(atMs), t.id)],
          triggerUid: t.id,
        }),
      );
    }
    return fired;
  };

  const env: Environment = {
    globals,
    load(code) {
      const { functions: fns, context } = loadBundle(code, globals);
      scriptJson = vm.runInContext("JSON", context) as JSON;
      env.attach(fns);
      return fns;
    },
    attach(fns) {
      functions = { ...fns };
    },
    get user() {
      return activeUser;
    },
    setUser(email) {
      activeUser = email;
    },
    now: () => new Date(clock),
    setNow(date) {
      clock = date.getTime();
    },

    open() {
      uiLog.reload();
      // Simple and installable open triggers don't run for someone who can only view the file.
      if (!canEditFile()) return [];
      const source = sheets().active();
      return [...fireSimple("onOpen", { source }), ...fireInstallable("ON_OPEN", boundId(), { source })];
    },

    clickMenu(...path) {
      const fn = findMenuItem(path);
      return execute({
        kind: "menu",
        functionName: fn,
        effectiveUser: activeUser,
        activeUser,
        authMode: "FULL",
        args: [],
      }).result;
    },

    run(functionName, ...args) {
      const r = execute({
        kind: "menu",
        functionName,
        effectiveUser: activeUser,
        activeUser,
        authMode: "FULL",
        args,
      });
      if (!r.result.ok) {
        if (typeof functions[functionName] !== "function") throw new Error(r.result.error);
        throw lastError;
      }
      return r.result.value;
    },

    runFromClient(functionName, args = []) {
      // Private functions (name ending in "_") and missing ones have no client stub.
      if (functionName.endsWith("_") || typeof functions[functionName] !== "function") {
        return { ok: false, error: `TypeError: google.script.run.${functionName} is not a function` };
      }
      let sent: unknown[];
      try {
        sent = serialiseArgs(args);
        // What reaches the server was parsed there: arrays and objects of the script's own realm.
        if (scriptJson) sent = scriptJson.parse(JSON.stringify(sent)) as unknown[];
      } catch (e) {
        if (e instanceof IllegalValueError) return { ok: false, error: e.message };
        throw e;
      }
      const r = execute({
        kind: "client",
        functionName,
        effectiveUser: activeUser,
        activeUser,
        authMode: "FULL",
        args: sent,
      });
      if (!r.result.ok) return r.result;
      try {
        return { ok: true, value: serialiseResult(r.result.value) };
      } catch (e) {
        if (e instanceof IllegalValueError) return { ok: false, error: e.message };
        throw e;
      }
    },

    userEdit(sheetName, a1, values, editOpts) {
      const grid =
        Array.isArray(values) && values.every((row) => Array.isArray(row))
          ? (values as unknown[][])
          : [[values]];
      const edit = sheets().userEdit(sheetName, a1, grid, activeUser, editOpts?.typed === true);
      const event: Record<string, unknown> = { range: edit.range, source: sheets().active() };
      if (edit.singleCell) {
        // Only a single-cell edit carries value and oldValue; an empty cell gives none.
        const value = eventString(edit.value, timeZone);
        const oldValue = eventString(edit.oldValue, timeZone);
        if (value !== undefined) event.value = value;
        if (oldValue !== undefined) event.oldValue = oldValue;
      }
      const fired = [
        ...fireSimple("onEdit", event),
        ...fireInstallable("ON_EDIT", boundId(), event),
        ...fireChange("EDIT"),
      ];
      return { range: edit.range, fired };
    },
    userInsertColumns: (sheetName, afterColumn, n) =>
      userAction("INSERT_COLUMN", () => sheets().userInsertColumns(sheetName, afterColumn, n, activeUser)),
    userInsertRows: (sheetName, afterRow, n) =>
      userAction("INSERT_ROW", () => need("userInsertRows")(sheetName, afterRow, n, activeUser)),
    userDeleteRows: (sheetName, row, n) =>
      userAction("REMOVE_ROW", () => need("userDeleteRows")(sheetName, row, n, activeUser)),
    userDeleteColumns: (sheetName, column, n) =>
      userAction("REMOVE_COLUMN", () => need("userDeleteColumns")(sheetName, column, n, activeUser)),
    userRenameSheet: (oldName, newName) =>
      userAction("OTHER", () => need("userRenameSheet")(oldName, newName, activeUser)),
    userDeleteSheet: (sheetName) =>
      userAction("REMOVE_GRID", () => need("userDeleteSheet")(sheetName, activeUser)),
    userInsertSheet: (sheetName) =>
      userAction("INSERT_GRID", () => sheets().userInsertSheet(sheetName, activeUser)),
    userFormat: (sheetName, a1, format) =>
      userAction("FORMAT", () => sheets().userFormat(sheetName, a1, format, activeUser)),
    setActiveSheet(sheetName) {
      sheets().setActiveSheet(sheetName);
    },

    runTimeTriggers(at) {
      clock = at.getTime();
      return fireClock(Math.floor(clock / 60_000) * 60_000);
    },
    advanceTo(to) {
      const end = to.getTime();
      if (end - clock > 400 * 86_400_000) throw new Error("advanceTo: at most 400 days at a time");
      const fired: FiredExecution[] = [];
      for (let m = Math.floor(clock / 60_000) * 60_000 + 60_000; m <= end; m += 60_000) {
        if (!triggers.some((t) => t.eventType === "CLOCK" && isDue(t, m))) continue;
        clock = Math.max(clock, m);
        fired.push(...fireClock(m));
      }
      clock = Math.max(clock, end);
      return fired;
    },
    get triggers() {
      return triggers;
    },

    outbox,
    mail,
    locks,
    ui: uiLog,
    calls: {
      get counts() {
        return { ...counts };
      },
      get total() {
        return total;
      },
      get: (name) => counts[name] ?? 0,
    },
    resetCalls() {
      for (const k of Object.keys(counts)) delete counts[k];
      total = 0;
    },
    failNext(name, message) {
      armed.set(name, message);
    },
    logs,
    executions,

    get sheets() {
      return sheets();
    },
    spreadsheets: {
      all: () => sheets().all(),
      byId: (id) => sheets().byId(id),
    },
    get active() {
      return sheets().active();
    },

    snapshot() {
      return structuredClone({
        version: 1 as const,
        now: new Date(clock).toISOString(),
        owner,
        timeZone,
        locale,
        spreadsheetTimeZone,
        scriptId,
        activeUser,
        workspaceDomains,
        mailQuota,
        spreadsheets: sheets().snapshot(),
        properties,
        caches,
        triggers,
        nextTriggerSeq: triggerSeq,
        outbox: outbox.map(encodeMail),
        mailUsage,
      });
    },
  };
  return env;
}
