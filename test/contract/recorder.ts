/**
 * The contract cases as an Apps Script project, for the day Google is reachable: `npm run
 * contract:record` bundles this file into build-contract/Code.js. Pushed with clasp into a script bound
 * to a spreadsheet named "Contract" (see the README), `recordContract` runs every case a script can check
 * alone on fresh spreadsheets, writes what Google returned as JSON to the log and to a file in the
 * user's Drive, and lists the cases a person has to check by hand. `npm run contract:results -- <file>`
 * then puts the recorded values into test/contract/results.json, where the emulator must reproduce them.
 */
import type { Gas, Json } from "./case";
import { CASES } from "./cases/index";

export interface Recording {
  format: "contract-results@1";
  recordedAt: string;
  /** The account's settings that shape some results. */
  account: { locale: string; scriptTimeZone: string };
  results: Record<string, { origin: "recorded"; value: Json }>;
  manual: string[];
}

function messageOf(e: unknown): string {
  return e !== null && typeof e === "object" && "message" in e ? String(e.message) : String(e);
}

export function recordContract(): string {
  const gas: Gas = {
    SpreadsheetApp,
    PropertiesService,
    LockService,
    CacheService,
    MailApp,
    ScriptApp,
    Session,
    Utilities,
    HtmlService,
    // Enabled by the recorder's manifest (scripts/contract-record.mjs).
    Sheets: Sheets!,
  };
  const recording: Recording = {
    format: "contract-results@1",
    recordedAt: new Date().toISOString(),
    account: { locale: Session.getActiveUserLocale(), scriptTimeZone: Session.getScriptTimeZone() },
    results: {},
    manual: [],
  };
  for (const c of CASES) {
    if (c.manual !== undefined) {
      recording.manual.push(`${c.id}: ${c.manual}`);
      continue;
    }
    let value: Json;
    try {
      // Recordable cases never touch the emulator's world.
      value = c.run(gas, undefined as never);
    } catch (e) {
      value = { thrown: messageOf(e) };
    }
    recording.results[c.id] = { origin: "recorded", value };
  }
  // The cases' spreadsheets go to the bin.
  const made = DriveApp.searchFiles('title contains "contract: " and trashed = false');
  while (made.hasNext()) made.next().setTrashed(true);
  const json = JSON.stringify(recording, null, 2);
  console.log(json);
  const file = DriveApp.createFile(
    `contract-results-${recording.recordedAt.slice(0, 10)}.json`,
    json,
    "application/json",
  );
  return file.getUrl();
}
