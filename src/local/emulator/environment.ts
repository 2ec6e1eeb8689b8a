// createEnvironment: a world composed of Google's services (one module each), the spreadsheet model, the
// runner of executions and what a person's actions fire. Who acts: user edits, menu items and
// google.script.run run as the active user; simple triggers as the active user in AuthMode.LIMITED (no
// mail, no triggers, no sidebars; 30 s); installable triggers as whoever installed them. A script's own
// writes never fire a trigger: only the user actions here do.
import vm from "node:vm";
import { loadBundle } from "../loader";
import { makeBlob } from "./blob";
import { IllegalValueError, serialiseArgs, serialiseResult } from "./bridge";
import { createCacheService } from "./cache";
import { createCounter } from "./counter";
import { expose } from "./expose";
import { createFiring } from "./firing";
import { createHtmlService } from "./html";
import { createLockService } from "./lock";
import { createMailApp } from "./mail";
import { createPropertiesService } from "./properties";
import { createRunner } from "./runner";
import { createScriptApp, isDue } from "./script-app";
import { createSession } from "./session";
import { encodeMail, storesOf } from "./snapshot";
import {
  createSheetsModel,
  type SheetsHost,
  type SheetsModel,
  type SpreadsheetData,
} from "./spreadsheet/index";
import type {
  Drive,
  Environment,
  EnvironmentOptions,
  ExecutionResult,
  FiredExecution,
  ScriptFunction,
} from "./types";
import { createUi, type MenuEntry, type UiLog } from "./ui";
import { createUtilities } from "./utilities";
import { resolveWorld } from "./world";

/** Services the emulator does not implement: any call says so instead of a ReferenceError. */
const UNIMPLEMENTED_SERVICES = [
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

/** The files behind each Drive handle a world gives out. */
const DRIVES = new WeakMap<Drive, Map<string, SpreadsheetData>>();

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

/** The function a menu item runs: menu caption, then item captions down to the item. */
function menuItem(uiLog: UiLog, path: string[]): string {
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
}

export function createEnvironment(options: EnvironmentOptions): Environment {
  const { settings, live, bound } = resolveWorld(options);
  const st = options.state;
  const stores = storesOf(st);
  const counter = createCounter();
  const { count, quietly } = counter;

  let functions: Record<string, ScriptFunction> = {};
  /** The loaded bundle's JSON, so client arguments arrive as the script realm's own objects. */
  let scriptJson: JSON | undefined;
  let model: SheetsModel | undefined;
  const sheets = (): SheetsModel => {
    if (!model) throw new Error("The spreadsheet model is not ready yet");
    return model;
  };
  const boundId = (): string => quietly(() => sheets().active().getId());

  let releaseLocks = (_executionId: number): void => {};
  const runner = createRunner({
    live,
    settings,
    count,
    boundSpreadsheetId: boundId,
    functions: () => functions,
    // Google releases an execution's locks when it ends.
    ended: (id) => releaseLocks(id),
  });
  const { rt, execute } = runner;

  // The services, each in its own module, on the same runtime.
  const { service: lockService, control: locks } = createLockService(rt);
  releaseLocks = (id) => locks.releaseExecution(id);
  const { service: mailApp, control: mail } = createMailApp(rt, {
    limit: settings.mailQuota,
    outbox: stores.outbox,
    quota: stores.mailUsage,
  });
  const scriptApp = createScriptApp(rt, {
    triggers: stores.triggers,
    nextId: () => String(4034124084959900000n + BigInt(stores.nextTriggerSeq++)),
    spreadsheetId: (ss) => quietly(() => (ss as { getId(): string }).getId()),
    scriptId: settings.scriptId,
  });
  const { service: session, user: userObject } = createSession(rt, {
    scriptId: settings.scriptId,
    realUser: () => live.activeUser,
    // The user's language, as Session.getActiveUserLocale gives it ("vi", "en").
    locale: settings.locale.split("_")[0] ?? settings.locale,
  });
  const { utilities, logger, console: consoleObj } = createUtilities(rt, options.uuid);
  const { ui, log: uiLog } = createUi(rt);

  const host: SheetsHost = {
    count,
    actingUser: () => rt.exec().effectiveUser,
    now: () => new Date(live.clock),
    newFiles: { locale: settings.locale, timeZone: settings.spreadsheetTimeZone },
    getUi() {
      if (!rt.exec().hasUi) throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
      return ui;
    },
    newBlob: (bytes, contentType, name) => makeBlob(count, bytes, contentType, name),
  };
  const shared = options.state === undefined ? options.drive : undefined;
  const files = shared ? DRIVES.get(shared) : new Map<string, SpreadsheetData>();
  if (!files) throw new Error("createEnvironment: drive must come from another world's env.drive");
  const drive: Drive = shared ?? { files: "drive" };
  DRIVES.set(drive, files);
  model = createSheetsModel(host, st?.spreadsheets, files);
  if (bound) model.createBound(bound.name, settings.owner, bound.place);

  const globals: Record<string, unknown> = {
    SpreadsheetApp: model.spreadsheetApp,
    // The Sheets advanced service (appsscript.json enables it): each call is one API request, counted
    // by its class in Google's types ("SpreadsheetsCollection.get" is Sheets.Spreadsheets.get,
    // "ValuesCollection.batchGet" Sheets.Spreadsheets.Values.batchGet).
    Sheets: expose(
      "Sheets",
      {
        Spreadsheets: expose(
          "SpreadsheetsCollection",
          { ...model.sheetsApi, Values: expose("ValuesCollection", model.valuesApi, count) },
          count,
        ),
      },
      count,
    ),
    HtmlService: createHtmlService(rt, settings.htmlDir),
    PropertiesService: createPropertiesService(rt, stores.properties),
    LockService: lockService,
    CacheService: createCacheService(rt, stores.caches),
    MailApp: mailApp,
    ScriptApp: scriptApp,
    Session: session,
    Utilities: utilities,
    Logger: logger,
    console: consoleObj,
    Date: emulatedDate(() => live.clock),
  };
  for (const name of UNIMPLEMENTED_SERVICES) globals[name] = expose(name, {}, count);

  const fire = createFiring({
    live,
    settings,
    runner,
    triggers: stores.triggers,
    model: sheets,
    functions: () => functions,
    userObject,
  });
  const asUser = (kind: "menu" | "client", functionName: string, args: unknown[]): FiredExecution =>
    execute({
      kind,
      functionName,
      effectiveUser: live.activeUser,
      activeUser: live.activeUser,
      authMode: "FULL",
      args,
    });
  const userAction = (changeType: string, act: () => void): FiredExecution[] => {
    act();
    return fire.change(changeType);
  };
  const serialised = (f: () => ExecutionResult): ExecutionResult => {
    try {
      return f();
    } catch (e) {
      if (e instanceof IllegalValueError) return { ok: false, error: e.message };
      throw e;
    }
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
      return live.activeUser;
    },
    setUser(email) {
      live.activeUser = email;
    },
    now: () => new Date(live.clock),
    setNow(date) {
      live.clock = date.getTime();
    },

    open() {
      uiLog.reload();
      // Simple and installable open triggers don't run for someone who can only view the file.
      const role = sheets().role(boundId(), live.activeUser);
      if (role !== "owner" && role !== "editor") return [];
      const source = sheets().active();
      return [...fire.simple("onOpen", { source }), ...fire.installable("ON_OPEN", { source })];
    },
    clickMenu: (...path) => asUser("menu", menuItem(uiLog, path), []).result,
    run(functionName, ...args) {
      const r = asUser("menu", functionName, args);
      if (!r.result.ok) {
        if (typeof functions[functionName] !== "function") throw new Error(r.result.error);
        throw runner.lastError();
      }
      return r.result.value;
    },
    runFromClient(functionName, args = []) {
      // Private functions (name ending in "_") and missing ones have no client stub.
      if (functionName.endsWith("_") || typeof functions[functionName] !== "function") {
        return { ok: false, error: `TypeError: google.script.run.${functionName} is not a function` };
      }
      let sent: unknown[] = [];
      const refused = serialised(() => {
        sent = serialiseArgs(args);
        // What reaches the server was parsed there: arrays and objects of the script's own realm.
        if (scriptJson) sent = scriptJson.parse(JSON.stringify(sent)) as unknown[];
        return { ok: true, value: undefined };
      });
      if (!refused.ok) return refused;
      const r = asUser("client", functionName, sent);
      if (!r.result.ok) return r.result;
      const value = r.result.value;
      return serialised(() => ({ ok: true, value: serialiseResult(value) }));
    },

    userEdit(sheetName, a1, values, editOpts) {
      const grid =
        Array.isArray(values) && values.every((row) => Array.isArray(row))
          ? (values as unknown[][])
          : [[values]];
      const edit = sheets().userEdit(sheetName, a1, grid, live.activeUser, editOpts?.typed === true);
      const event: Record<string, unknown> = { range: edit.range, source: sheets().active() };
      // Only a single-cell edit carries value and oldValue (Google's strings); an empty cell gives none.
      if (edit.singleCell) {
        if (edit.value !== undefined) event.value = edit.value;
        if (edit.oldValue !== undefined) event.oldValue = edit.oldValue;
      }
      const fired = [
        ...fire.simple("onEdit", event),
        ...fire.installable("ON_EDIT", event),
        ...fire.change("EDIT"),
      ];
      return { range: edit.range, fired };
    },
    userInsertColumns: (sheetName, after, n) =>
      userAction("INSERT_COLUMN", () => sheets().userInsertColumns(sheetName, after, n, live.activeUser)),
    userInsertRows: (sheetName, after, n) =>
      userAction("INSERT_ROW", () => sheets().userInsertRows(sheetName, after, n, live.activeUser)),
    userDeleteRows: (sheetName, row, n) =>
      userAction("REMOVE_ROW", () => sheets().userDeleteRows(sheetName, row, n, live.activeUser)),
    userDeleteColumns: (sheetName, column, n) =>
      userAction("REMOVE_COLUMN", () => sheets().userDeleteColumns(sheetName, column, n, live.activeUser)),
    userRenameSheet: (oldName, newName) =>
      userAction("OTHER", () => sheets().userRenameSheet(oldName, newName, live.activeUser)),
    userDeleteSheet: (sheetName) =>
      userAction("REMOVE_GRID", () => sheets().userDeleteSheet(sheetName, live.activeUser)),
    userInsertSheet: (sheetName) =>
      userAction("INSERT_GRID", () => sheets().userInsertSheet(sheetName, live.activeUser)),
    userFormat: (sheetName, a1, format) =>
      userAction("FORMAT", () => sheets().userFormat(sheetName, a1, format, live.activeUser)),
    setActiveSheet(sheetName) {
      sheets().setActiveSheet(sheetName);
    },

    runTimeTriggers(at) {
      live.clock = at.getTime();
      return fire.clock(Math.floor(live.clock / 60_000) * 60_000);
    },
    advanceTo(to) {
      const end = to.getTime();
      if (end - live.clock > 400 * 86_400_000) throw new Error("advanceTo: at most 400 days at a time");
      const fired: FiredExecution[] = [];
      for (let m = Math.floor(live.clock / 60_000) * 60_000 + 60_000; m <= end; m += 60_000) {
        if (!stores.triggers.some((t) => t.eventType === "CLOCK" && isDue(t, m))) continue;
        live.clock = Math.max(live.clock, m);
        fired.push(...fire.clock(m));
      }
      live.clock = Math.max(live.clock, end);
      return fired;
    },
    get triggers() {
      return stores.triggers;
    },

    outbox: stores.outbox,
    mail,
    locks,
    ui: uiLog,
    calls: counter.calls,
    resetCalls: () => counter.reset(),
    failNext: (name, message) => counter.failNext(name, message),
    logs: runner.logs,
    executions: runner.executions,

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
    drive,

    boundCopy(spreadsheetId) {
      const state = env.snapshot();
      if (!state.spreadsheets.spreadsheets.some((s) => s.id === spreadsheetId && !s.deleted))
        throw new Error(`boundCopy: no spreadsheet ${spreadsheetId}`);
      state.spreadsheets.boundId = spreadsheetId;
      state.scriptId = `${settings.scriptId}-copy-${spreadsheetId.slice(-6)}`;
      state.properties = { script: {}, document: {}, user: {} };
      state.caches = {};
      state.triggers = [];
      state.outbox = [];
      return createEnvironment({
        state,
        ...(settings.htmlDir ? { htmlDir: settings.htmlDir } : {}),
        ...(options.uuid ? { uuid: options.uuid } : {}),
      });
    },

    snapshot() {
      // The sheets' snapshot is made of new objects already: cloning it again cost as much as making it.
      const spreadsheets = sheets().snapshot();
      return {
        ...structuredClone({
          version: 1 as const,
          now: new Date(live.clock).toISOString(),
          owner: settings.owner,
          timeZone: settings.timeZone,
          locale: settings.locale,
          spreadsheetTimeZone: settings.spreadsheetTimeZone,
          scriptId: settings.scriptId,
          activeUser: live.activeUser,
          workspaceDomains: settings.workspaceDomains,
          mailQuota: settings.mailQuota,
          properties: stores.properties,
          caches: stores.caches,
          triggers: stores.triggers,
          nextTriggerSeq: stores.nextTriggerSeq,
          outbox: stores.outbox.map(encodeMail),
          mailUsage: stores.mailUsage,
        }),
        spreadsheets,
      };
    },
  };
  return env;
}
