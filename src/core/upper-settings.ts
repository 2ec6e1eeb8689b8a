/**
 * The upper level's settings, kept in its workbook's "Cài đặt cấp trên" tab (the office types them; no
 * commune can open the workbook, so nothing there is secret from anyone who can): its name, the leaders
 * who get the monthly consolidated report, the other office members, when figures are due and when the
 * report goes. Each value is checked; a wrong one keeps its default and the tab's note says what to type.
 */
import type { CellValue } from "./cell";
import { foldText, normalizeForm, normalizeText } from "./parse";
import type { PeriodRule, Plan } from "./plan";
import type { People } from "./roles";
import { isEmail } from "./address";

export interface UpperSettings {
  /** The upper level issuing the consolidated report ("UBND huyện Tứ Kỳ"). */
  name: string;
  /** The leaders: they receive the monthly consolidated report and view the workbook. */
  leaders: string[];
  /** Office members besides the account that set the workbook up. */
  admins: string[];
  /** Figures are due this many days after a period's last day (1: the day after, as communes send). */
  deadlineDays: number;
  /** The hour (Vietnam) of the daily run that sends the report and the reminders when due. */
  sendHour: number;
  /** Remind communes that have not sent once a period is due. */
  remind: boolean;
  rule: PeriodRule;
}

type Key = Exclude<keyof UpperSettings, "rule">;

/** The tab's rows: what each setting is called, and what to type when it is wrong. */
const ROWS: readonly { key: Key; label: string; hint: string }[] = [
  { key: "name", label: "Tên cấp trên", hint: "Cơ quan ban hành báo cáo tổng hợp, ví dụ UBND huyện Tứ Kỳ." },
  {
    key: "leaders",
    label: "Email lãnh đạo nhận báo cáo tổng hợp",
    hint: "Các địa chỉ email, cách nhau bằng dấu phẩy; tối đa 50.",
  },
  {
    key: "admins",
    label: "Email văn phòng khác (quản trị)",
    hint: "Các địa chỉ email, cách nhau bằng dấu phẩy; tối đa 10.",
  },
  {
    key: "deadlineDays",
    label: "Hạn gửi số liệu: số ngày sau ngày cuối kỳ",
    hint: "Số nguyên từ 1 đến 20 (1: ngày hôm sau ngày cuối kỳ, ngày xã gửi báo cáo tháng).",
  },
  { key: "sendHour", label: "Giờ gửi báo cáo tổng hợp", hint: "Số nguyên từ 0 đến 23 (giờ Việt Nam)." },
  { key: "remind", label: "Nhắc xã chưa gửi số liệu", hint: 'Gõ "Có" hoặc "Không".' },
];

export function defaultUpperSettings(plan: Plan): UpperSettings {
  return {
    name: plan.upperLevel,
    leaders: [],
    admins: [],
    deadlineDays: 1,
    sendHour: 7,
    remind: true,
    rule: plan.periodRule,
  };
}

/** The tab as setup first writes it: label, value, note. */
export function upperSettingsRows(s: UpperSettings, notes: Partial<Record<Key, string>> = {}): CellValue[][] {
  const shown: Record<Key, string | number> = {
    name: s.name,
    leaders: s.leaders.join(", "),
    admins: s.admins.join(", "),
    deadlineDays: s.deadlineDays,
    sendHour: s.sendHour,
    remind: s.remind ? "Có" : "Không",
  };
  return [
    ["Cài đặt", "Giá trị", "Ghi chú"],
    ...ROWS.map((r) => [r.label, shown[r.key], notes[r.key] ?? r.hint]),
  ];
}

function emails(v: CellValue | undefined, max: number): string[] | null {
  const list = normalizeForm(normalizeText(v ?? ""), "NFC")
    .split(/[\s,;]+/)
    .map((e) => e.toLowerCase())
    .filter((e) => e !== "");
  if (list.length > max || !list.every(isEmail)) return null;
  return [...new Set(list)];
}

function whole(v: CellValue | undefined, min: number, max: number): number | null {
  const n = typeof v === "number" ? v : /^\s*\d{1,3}\s*$/.test(String(v ?? "")) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** Reads the tab (label in column A, value in B): each value checked, a wrong one noted and left default. */
export function readUpperSettings(
  values: readonly CellValue[][],
  plan: Plan,
): { settings: UpperSettings; notes: Partial<Record<Key, string>> } {
  const s = defaultUpperSettings(plan);
  const notes: Partial<Record<Key, string>> = {};
  const byLabel = new Map(values.map((r) => [foldText(r[0] ?? ""), r[1]]));
  const wrong = (key: Key, hint: string) => {
    notes[key] = `Không hợp lệ, đang dùng giá trị mặc định. ${hint}`;
  };
  for (const row of ROWS) {
    if (!byLabel.has(foldText(row.label))) continue;
    const v = byLabel.get(foldText(row.label));
    if (row.key === "name") {
      const name = normalizeText(v ?? "");
      if (name.length > 0 && name.length <= 200) s.name = name;
      else wrong("name", row.hint);
    } else if (row.key === "leaders" || row.key === "admins") {
      const list = emails(v, row.key === "leaders" ? 50 : 10);
      if (list) s[row.key] = list;
      else wrong(row.key, row.hint);
    } else if (row.key === "deadlineDays" || row.key === "sendHour") {
      const n = row.key === "sendHour" ? whole(v, 0, 23) : whole(v, 1, 20);
      if (n !== null) s[row.key] = n;
      else wrong(row.key, row.hint);
    } else {
      const f = foldText(v ?? "");
      if (f === "co" || f === "khong") s.remind = f === "co";
      else wrong("remind", row.hint);
    }
  }
  return { settings: s, notes };
}

/**
 * The people of an upper level's workbook: its office (the setup account, then the other office
 * members) and its leaders. Roles are decided in roles.ts (personOf), as for a commune's sheet.
 */
export function upperPeopleOf(s: UpperSettings, setupAccount: string): People {
  const office: string[] = [];
  for (const e of [setupAccount.trim().toLowerCase(), ...s.admins])
    if (e !== "" && !office.includes(e)) office.push(e);
  return { office, chairman: "", upperLevel: s.leaders, staff: {}, upper: s.name };
}
