/**
 * The world the add-in's reliability suite runs in: the built bundle in the emulator, with xã Quang
 * Khải's people in their roles (the office that set the sheet up, a second office clerk, the chairman,
 * three units' staff, the upper level, a stranger), and a seeded random source so every run can be
 * repeated exactly.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { appWorld } from "../app-world";
import { createEnvironment, type Environment, type WorldOptions } from "../emulator/index";
import { loadDefaultPlan } from "../../plans";

export const OFFICE = "vanphong@quangkhai.example";
export const CLERK = "vanthu@quangkhai.example";
export const CHAIRMAN = "chutich@quangkhai.example";
export const POLICE = "congan@quangkhai.example";
export const SCHOOL = "thcs@quangkhai.example";
export const HEALTH = "tramyte@quangkhai.example";
export const DISTRICT = "lanhdao@tuky.example";
export const STRANGER = "nguoi.la@example.com";

/** Each unit with staff, and its tab. */
export const STAFF: readonly { email: string; unitId: string; tab: string }[] = [
  { email: POLICE, unitId: "congAnXa", tab: "Công an xã" },
  { email: SCHOOL, unitId: "truongHoc", tab: "Trường học" },
  { email: HEALTH, unitId: "tramYTe", tab: "Trạm Y tế" },
];

export const SETTINGS = {
  adminEmails: [CLERK],
  chairmanEmail: CHAIRMAN,
  approval: "chairman",
  approvalReminderDays: 3,
  upperLevelName: "UBND huyện Tứ Kỳ",
  upperLevelEmails: [DISTRICT],
  unitEditors: { congAnXa: [POLICE], truongHoc: [SCHOOL], tramYTe: [HEALTH] },
  periodRule: "cutoff",
  sendDay: 15,
  sendHour: 7,
  reminderDaysBefore: 3,
};

let code: string | null = null;
/** build/Code.js, what clasp pushes (the caller builds first). */
export function bundle(): string {
  code ??= readFileSync(fileURLToPath(new URL("../../../build/Code.js", import.meta.url)), "utf8");
  return code;
}

/** The sheet set up by the office, settings saved through the dialog's endpoint (over SETTINGS). */
export function officeSheet(
  opts: Partial<WorldOptions> = {},
  settings: Record<string, unknown> = {},
): Environment {
  const env = createEnvironment(
    appWorld({ owner: OFFICE, now: new Date("2023-04-10T09:00:00+07:00"), ...opts }),
  );
  env.load(bundle());
  env.setUser(OFFICE);
  env.run("setupSpreadsheet");
  const saved = env.runFromClient("saveSettings", [{ ...SETTINGS, ...settings }]);
  if (!saved.ok || !(saved.value as { ok: boolean }).ok)
    throw new Error(`saveSettings: ${JSON.stringify(saved)}`);
  return env;
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same run. */
export function random(seed: number): {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
} {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)]! };
}

export function a1(row: number, column: number): string {
  let s = "";
  for (let x = column; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return `${s}${row}`;
}

/** April entered through the sidebar by each unit's staff (two valid rows each); the office acts next. */
export function april(env: Environment): void {
  const plan = loadDefaultPlan();
  for (const s of STAFF) {
    env.setUser(s.email);
    const task = plan.units.find((u) => u.id === s.unitId)!.tasks[0]!;
    for (const date of ["20/03/2023", "05/04/2023"]) {
      env.runFromClient("submitEntry", [{ unitId: s.unitId, fields: { date, task } }]);
    }
  }
  env.setUser(OFFICE);
}
