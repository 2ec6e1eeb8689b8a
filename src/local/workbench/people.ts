/**
 * The people of the workbook, to act as: the office (the account that set it up and the administrators
 * in settings), the chairman, each unit's editors and the upper level, read from the stored settings
 * through the bundle's own settings endpoint (as the office), and anyone the files are shared with.
 */
import * as z from "zod/mini";
import type { Environment, SheetsState } from "../emulator/index";
import type { UserChoice } from "./protocol";

export interface Person extends UserChoice {
  /** The tabs of the units they enter for (their own tab first). */
  units: string[];
}

const SettingsShape = z.object({
  settings: z.object({
    unitEditors: z.record(z.string(), z.array(z.string())),
    chairmanEmail: z.string(),
    upperLevelEmails: z.array(z.string()),
    upperLevelName: z.string(),
    adminEmails: z.optional(z.array(z.string())),
  }),
  units: z.array(z.object({ id: z.string(), tabName: z.string() })),
});
type SettingsState = z.infer<typeof SettingsShape>;

/** The settings as the office sees them; undefined before setup or with a bundle that has no such endpoint. */
function readSettings(
  env: Environment,
  functions: readonly string[],
  owner: string,
): SettingsState | undefined {
  if (!functions.includes("getSettingsState")) return undefined;
  const acting = env.user;
  try {
    env.setUser(owner);
    const r = env.runFromClient("getSettingsState", []);
    const parsed = r.ok ? z.safeParse(SettingsShape, r.value) : undefined;
    return parsed?.success ? parsed.data : undefined;
  } finally {
    env.setUser(acting);
  }
}

/**
 * Everyone to act as, the office first (`owner`: the account that set the workbook up); `runs` gets the
 * ids of the executions this read caused, which are the workbench's doing, not the person's.
 */
export function readPeople(
  env: Environment,
  functions: readonly string[],
  sheets: SheetsState,
  owner: string,
  runs: Set<number>,
  /** An upper level's workbook: its office's label, and only its own file's people (not the communes'). */
  upper = false,
): Person[] {
  const before = env.executions.length;
  const settings = readSettings(env, functions, owner);
  for (const r of env.executions.slice(before)) runs.add(r.id);

  const out: Person[] = [
    {
      email: owner,
      label: `${upper ? "Văn phòng cấp trên" : "Văn phòng UBND xã"} (chủ bảng tính)`,
      group: "owner",
      units: [],
    },
  ];
  const labels = new Map<string, { units: string[]; group: UserChoice["group"]; label?: string }>();
  const note = (email: string, group: UserChoice["group"], unit?: string, label?: string) => {
    const key = email.trim().toLowerCase();
    if (key === "" || key === owner.toLowerCase()) return;
    const entry = labels.get(key) ?? { units: [], group };
    if (unit && !entry.units.includes(unit)) entry.units.push(unit);
    if (label && !entry.label) entry.label = label;
    labels.set(key, entry);
  };
  if (settings) {
    for (const email of settings.settings.adminEmails ?? [])
      note(email, "owner", undefined, "Văn phòng UBND xã");
    for (const unit of settings.units) {
      for (const email of settings.settings.unitEditors[unit.id] ?? []) note(email, "editor", unit.tabName);
    }
    if (settings.settings.chairmanEmail)
      note(settings.settings.chairmanEmail, "chairman", undefined, "Chủ tịch UBND xã");
    for (const email of settings.settings.upperLevelEmails) {
      note(email, "upperLevel", undefined, `Cấp trên: ${settings.settings.upperLevelName}`);
    }
  }
  for (const ss of sheets.spreadsheets) {
    // The upper level's demo holds its communes' files too: only its own workbook's people act there.
    if (ss.deleted || (upper && ss.id !== sheets.boundId)) continue;
    for (const email of ss.editors) note(email, "editor");
    for (const email of ss.viewers) note(email, "upperLevel", undefined, `Chỉ xem: ${ss.name}`);
  }
  for (const [email, v] of labels) {
    const label =
      v.units.length > 0 ? `Nhập liệu: ${v.units.join(", ")}` : (v.label ?? "Người được chia sẻ bảng tính");
    const group =
      v.group === "owner" || v.group === "chairman" ? v.group : v.units.length > 0 ? "editor" : v.group;
    out.push({
      email,
      label: group === "owner" || group === "chairman" ? (v.label ?? label) : label,
      group,
      units: v.units,
    });
  }
  const order: Record<UserChoice["group"], number> = { owner: 0, editor: 1, chairman: 2, upperLevel: 3 };
  return out.sort((a, b) => order[a.group] - order[b.group]);
}
