/**
 * The built bundle (build/Code.js, what clasp pushes) running in the emulator, with the people of
 * xã Quang Khải's sheet. `npm test` builds first; these tests never import src/gas directly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment, type Environment, type WorldOptions } from "../../src/local/emulator/index";

export const OWNER = "chu.tich@quangkhai.example";
export const POLICE = "cong.an@quangkhai.example";
export const SCHOOL = "truong.hoc@quangkhai.example";
export const HEALTH = "tram.yte@quangkhai.example";
export const STRANGER = "nguoi.la@example.com";

/** 10/04/2023 09:00 in Vietnam: inside period "tháng 4/2023" (15/03 – 14/04). */
export const APRIL_10 = new Date("2023-04-10T09:00:00+07:00");

export const CODE = readFileSync(join(__dirname, "../../build/Code.js"), "utf8");

export function bundleEnvironment(opts: Partial<WorldOptions> = {}): Environment {
  const env = createEnvironment(appWorld({ owner: OWNER, now: APRIL_10, ...opts }));
  env.load(CODE);
  return env;
}

/**
 * The settings most tests run with: the owner both keeps the sheet and is the chairman, and reports go
 * straight to the upper level (approval: "direct"). The approval step and separate roles are tested
 * with ROLE_SETTINGS (test/gas/roles.ts).
 */
export const SETTINGS = {
  chairmanEmail: OWNER,
  approval: "direct",
  upperLevelName: "UBND huyện Tứ Kỳ",
  upperLevelEmails: ["lanhdao@tuky.example"],
  unitEditors: { congAnXa: [POLICE], truongHoc: [SCHOOL], tramYTe: [HEALTH] },
  periodRule: "cutoff",
  sendDay: 15,
  sendHour: 7,
  reminderDaysBefore: 3,
};

/** Setup as the owner, then the settings saved through the dialog's endpoint. */
export function setUpSheet(env: Environment): void {
  env.setUser(OWNER);
  env.run("setupSpreadsheet");
  const saved = env.runFromClient("saveSettings", [SETTINGS]);
  if (!saved.ok) throw new Error(`saveSettings failed: ${JSON.stringify(saved)}`);
}

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
export function spreadsheet(env: Environment): Ss {
  return env.active as Ss;
}

export function sheet(env: Environment, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const found = spreadsheet(env).getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The header row of a tab, as text. */
export function headers(env: Environment, name: string): string[] {
  const s = sheet(env, name);
  return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
}

/** 1-based column of a header in a tab. */
export function columnOf(env: Environment, tab: string, header: string): number {
  const at = headers(env, tab).indexOf(header);
  if (at < 0) throw new Error(`no column "${header}" in ${tab}: ${headers(env, tab).join(" | ")}`);
  return at + 1;
}

export function a1(row: number, column: number): string {
  let s = "";
  for (let x = column; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return `${s}${row}`;
}

/** The last alert the user saw. */
export function lastAlert(env: Environment): string {
  const alerts = env.ui.alerts;
  const last = alerts[alerts.length - 1];
  return last ? `${last.title ?? ""}\n${last.prompt}` : "";
}
