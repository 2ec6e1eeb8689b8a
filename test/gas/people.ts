/**
 * The people of xã Quang Khải's sheet, each in their own role: the commune office (who sets the sheet
 * up and runs its automatic jobs), a second office clerk, the chairman, three units' staff, the upper
 * level, and a stranger. The chairman approves each report (the default). Realistic April is typed by
 * each unit's own staff where the unit has staff, by the office otherwise.
 */
import type { Environment, WorldOptions } from "../../src/local/emulator/index";
import { a1, bundleEnvironment, sheet } from "./harness";
import { APRIL_ROWS } from "./month";

// One definition of the commune's people and their settings, shared with the reliability suite.
export {
  CHAIRMAN,
  CLERK,
  DISTRICT,
  HEALTH,
  OFFICE,
  POLICE,
  SCHOOL,
  SETTINGS as ROLE_SETTINGS,
  STRANGER,
} from "../../src/local/reliability/world";
import { HEALTH, OFFICE, POLICE, SCHOOL, SETTINGS as ROLE_SETTINGS } from "../../src/local/reliability/world";

/** Whose tab is whose: the staff who type into it. */
export const STAFF_OF_TAB: Record<string, string> = {
  "Công an xã": POLICE,
  "Trường học": SCHOOL,
  "Trạm Y tế": HEALTH,
};

/** The sheet after the office set it up and saved ROLE_SETTINGS (with `settings` over them). */
export function officeSheet(
  opts: Partial<WorldOptions> = {},
  settings: Record<string, unknown> = {},
): Environment {
  const env = bundleEnvironment({ owner: OFFICE, ...opts });
  env.setUser(OFFICE);
  env.run("setupSpreadsheet");
  const saved = env.runFromClient("saveSettings", [{ ...ROLE_SETTINGS, ...settings }]);
  if (!saved.ok || !(saved.value as { ok: boolean }).ok) {
    throw new Error(`saveSettings failed: ${JSON.stringify(saved)}`);
  }
  return env;
}

/** Types one row into a tab as `user`, by header; returns its row number. */
export function typeRow(env: Environment, user: string, tab: string, row: Record<string, string>): number {
  env.setUser(user);
  const s = sheet(env, tab);
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
  for (const header of Object.keys(row)) {
    if (!headers.includes(header)) throw new Error(`${tab}: no column "${header}"`);
  }
  const r = s.getLastRow() + 1;
  env.userEdit(tab, `A${r}:${a1(r, headers.length)}`, [headers.map((h) => row[h] ?? "")], { typed: true });
  return r;
}

/** April (test/gas/month.ts), each row typed by its unit's staff, or by the office for units without. */
export function typeAprilByStaff(env: Environment): void {
  for (const [tab, rows] of Object.entries(APRIL_ROWS)) {
    for (const row of rows) typeRow(env, STAFF_OF_TAB[tab] ?? OFFICE, tab, row);
  }
}

/** Words of Google's (English) that must never reach a person. */
const ENGLISH =
  /\b(the|you|your|is|are|not|cannot|error|exception|permission|protected|service|invalid|function|script|failed|denied|access|please|lock|timeout|quota|unavailable)\b/i;

/** The text as a person reads it, or a failure naming the English words in it. */
export function vietnameseOnly(text: string): string {
  const found = ENGLISH.exec(text);
  if (found) throw new Error(`English reached a person ("${found[0]}"): ${text}`);
  return text;
}
