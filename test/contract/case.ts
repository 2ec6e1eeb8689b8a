/**
 * A contract case: one behaviour of Google's Apps Script services that the add-in relies on, the
 * source that states it, and a function that exercises it through the Apps Script API only.
 *
 * The same `run` runs in two places:
 * - in the emulator, by test/contract/contract.test.ts, which checks the result against `expected`
 *   and against test/contract/results.json;
 * - on Google, by the recorder (npm run contract:record builds it; see the README), which writes what
 *   Google returned into results.json.
 * So `run` must use nothing but the Apps Script globals it is given (no Node API, no import), return
 * plain JSON (dates as strings), and not depend on the current time.
 *
 * Cases that need a person or a second account (a user typing, another domain, a shared drive) use
 * `world`: they run in the emulator only and carry `manual`, the steps to check them by hand. The
 * recorder is bound to a spreadsheet named "Contract" (the emulator's world has the same), so cases
 * about the bound file's properties and locks are recorded too.
 */
import type { Environment, WorldOptions } from "../../src/local/emulator/index";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The Apps Script globals a case may use, typed as Google's reference types them. */
export interface Gas {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  MailApp: GoogleAppsScript.Mail.MailApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  /** The Sheets advanced service (@types/google-apps-script apis/sheets_v4.d.ts). */
  Sheets: GoogleAppsScript.Sheets;
}

export interface ContractCase {
  /** Stable key in results.json: "<service>.<behaviour>". */
  id: string;
  /** The behaviour, in one sentence, as the source states it. */
  behaviour: string;
  /**
   * Where it comes from: a page of Google's Apps Script reference or guides, or a test of the public
   * gas-fakes project (whose tests run unchanged on live Apps Script and on Node), with the line.
   */
  source: string;
  /** Apps Script methods this case calls, as "Class.method" ("Range.getValues"). */
  covers: string[];
  /** Apps Script properties it reads: enum values and event fields ("SheetsOnEdit.value"). */
  reads?: string[];
  /** Where the source does not state the behaviour in so many words: how it was read from it. */
  note?: string;
  /** What the source says `run` returns. */
  expected: Json;
  /** Runs through the Apps Script API and returns what it saw. */
  run(gas: Gas, world: World): Json;
  /** The world the case needs (emulator options), when a script cannot make it by itself. */
  world?: Partial<WorldOptions>;
  /** A script to load before `run` (trigger handlers, functions for google.script.run). */
  script?: string;
  /** The script project's HTML files, by name (without .html). */
  pages?: Record<string, string>;
  /** For cases a script cannot check alone: how a person checks it on Google. */
  manual?: string;
}

/** What an emulator-only case may do besides calling Apps Script: act as people in the world. */
export type World = Environment;

// People of the contract worlds: app-neutral, two Workspace domains and a consumer account.
export const OWNER = "owner@school.example";
export const EDITOR = "editor@school.example";
export const OUTSIDER = "someone@other.example";
export const CONSUMER = "someone@gmail.com";
/** A fixed clock for every world: 10 April 2023, 09:00 in Hanoi. */
export const NOW = new Date("2023-04-10T02:00:00Z");

/** A fresh spreadsheet for one case (on Google, the recorder trashes it afterwards). */
export function fresh(gas: Gas, name: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return gas.SpreadsheetApp.create(`contract: ${name}`);
}

/** A value as JSON: a Date becomes { date: ISO string } so results keep their type. */
export function json(v: unknown): Json {
  if (Object.prototype.toString.call(v) === "[object Date]") return { date: (v as Date).toISOString() };
  if (Array.isArray(v)) return v.map(json);
  if (v === undefined) return null;
  if (v !== null && typeof v === "object") {
    const out: { [key: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) out[k] = json(x);
    return out;
  }
  return v as Json;
}

/** The message of what `fn` throws, or "no error". */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e !== null && typeof e === "object" && "message" in e ? String(e.message) : String(e);
  }
  return "no error";
}
