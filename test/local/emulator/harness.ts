// Shared set-up for the emulator's contract tests: realistic users of xã Quang Khải's sheet and a
// small script evaluated by the real loader, as the built bundle would be.
import { appWorld } from "../../../src/local/app-world";
import {
  createEnvironment,
  type Environment,
  type RestoreOptions,
  type WorldOptions,
} from "../../../src/local/emulator/index";

export const OWNER = "chu.tich@quangkhai.example";
export const POLICE = "cong.an@quangkhai.example";
export const CULTURE = "vhxh@quangkhai.example";
export const DISTRICT = "lanhdao@tuky.example";

/** 10/04/2023 09:00 in Vietnam. */
export const APRIL_10 = new Date("2023-04-10T09:00:00+07:00");

/** An environment whose bound spreadsheet the owner has shared with the commune staff as editors. */
export function environment(code = "", opts: Partial<WorldOptions> | RestoreOptions = {}): Environment {
  const env = createEnvironment(opts.state ? opts : appWorld({ owner: OWNER, now: APRIL_10, ...opts }));
  if (!opts.state) {
    (env.active as GoogleAppsScript.Spreadsheet.Spreadsheet).addEditors([POLICE, CULTURE]);
    env.resetCalls();
  }
  if (code) env.load(code);
  return env;
}

/** Apps Script globals typed as the script sees them. */
export function gas(env: Environment) {
  const g = env.globals;
  return {
    SpreadsheetApp: g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    PropertiesService: g.PropertiesService as GoogleAppsScript.Properties.PropertiesService,
    LockService: g.LockService as GoogleAppsScript.Lock.LockService,
    CacheService: g.CacheService as GoogleAppsScript.Cache.CacheService,
    MailApp: g.MailApp as GoogleAppsScript.Mail.MailApp,
    ScriptApp: g.ScriptApp as GoogleAppsScript.Script.ScriptApp,
    Session: g.Session as GoogleAppsScript.Base.Session,
    Utilities: g.Utilities as GoogleAppsScript.Utilities.Utilities,
    Logger: g.Logger as GoogleAppsScript.Base.Logger,
    HtmlService: g.HtmlService as GoogleAppsScript.HTML.HtmlService,
  };
}
