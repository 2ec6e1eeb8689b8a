/**
 * Settings kept by the sheet (never in code): who receives the report, who may edit which unit, who
 * administers the sheet besides the setup account, whether the chairman approves each report, when to
 * send. Email addresses are trimmed and lower-cased; empty lists mean "not set yet".
 */
import * as z from "zod/mini";
import { normalizeForm } from "./parse";
import type { Plan } from "./plan";
import { isEmail, spreadsheetIdOf } from "./address";
import { intIn, lazySchema, periodRuleSchema } from "./schema-kit";

export { isEmail, spreadsheetIdOf };

/**
 * The settings schema's version: BUMP IT whenever buildSettingsSchema or validateSettings changes what
 * they accept (a field added, a check tightened). Stored settings carry it in their "validated" marker
 * (core/settings-mark.ts); a marker of another version is not trusted, so settings saved under the old
 * rules go through validation again at their next load.
 */
export const SETTINGS_SCHEMA_VERSION = 1;

function buildSettingsSchema() {
  const Email = z.string().check(z.refine(isEmail, "địa chỉ email không hợp lệ"));
  return z.object({
    /** "" until someone sets it. */
    chairmanEmail: z
      .string()
      .check(z.refine((s: string) => s === "" || isEmail(s), "địa chỉ email không hợp lệ")),
    upperLevelName: z
      .string()
      .check(z.refine((s: string) => s.length > 0 && s.length <= 200, "từ 1 đến 200 ký tự")),
    upperLevelEmails: z
      .array(Email)
      .check(z.refine((a: string[]) => a.length <= 50, "tối đa 50 địa chỉ (giới hạn mỗi thư)")),
    /**
     * The link of the intake file the upper level made for this commune ("" or absent until it sends
     * one): on approval and send, the period's aggregates go there too (gas/push.ts).
     */
    upperIntake: z.optional(
      z
        .string()
        .check(
          z.refine((s: string) => s === "" || spreadsheetIdOf(s) !== null, "không phải đường dẫn bảng tính"),
        ),
    ),
    /** unit id → addresses allowed to edit that unit's tab. */
    unitEditors: z.record(z.string(), z.array(Email)),
    /** Office administrators besides the account that ran the first setup. */
    adminEmails: z.array(Email).check(z.refine((a: string[]) => a.length <= 10, "tối đa 10 địa chỉ")),
    /**
     * "chairman": each report is a draft until the chairman approves it in the sheet (he is then shared
     * the file as an editor with every tab locked against him, so that he has the menu);
     * "direct": the report goes straight to the upper level, and the chairman only views the sheet.
     */
    approval: z.custom<"chairman" | "direct">(
      (v) => v === "chairman" || v === "direct",
      'phải là "chairman" (Chủ tịch duyệt) hoặc "direct" (gửi thẳng)',
    ),
    /** A reminder goes to the chairman when a draft has waited this many days; 0: none. */
    approvalReminderDays: intIn(0, 20),
    periodRule: periodRuleSchema(),
    /** Day of the month the report goes out; 1–28 so that it exists in every month. */
    sendDay: intIn(1, 28),
    sendHour: intIn(0, 23),
    /** Reminders go this many days before the cut-off; 0 turns them off. */
    reminderDaysBefore: intIn(0, 20),
  });
}

/** The settings' schema, shared by the dialog and the server (built on first use). */
export const settingsSchema = /* @__PURE__ */ lazySchema(buildSettingsSchema);

export type Settings = z.infer<ReturnType<typeof buildSettingsSchema>>;

/** Defaults: send the day after the cut-off (the 15th, or the 1st for calendar months) at 07:00. */
export function defaultSettings(plan: Plan): Settings {
  const unitEditors: Record<string, string[]> = {};
  for (const u of plan.units) unitEditors[u.id] = [];
  return {
    chairmanEmail: "",
    upperLevelName: plan.upperLevel,
    upperLevelEmails: [],
    upperIntake: "",
    unitEditors,
    periodRule: plan.periodRule,
    sendDay: plan.periodRule === "cutoff" ? 15 : 1,
    sendHour: 7,
    reminderDaysBefore: 3,
    adminEmails: [],
    approval: "chairman",
    approvalReminderDays: 3,
  };
}

/** Each setting's name as users read it (dialog errors, the settings tab). */
export const SETTINGS_LABELS: Record<keyof Settings, string> = {
  chairmanEmail: "Email Chủ tịch",
  upperLevelName: "Tên cấp trên",
  upperLevelEmails: "Email cấp trên",
  upperIntake: "Tệp nhận số liệu của cấp trên",
  unitEditors: "Người được nhập liệu",
  periodRule: "Cách tính kỳ báo cáo",
  sendDay: "Ngày gửi báo cáo",
  sendHour: "Giờ gửi báo cáo",
  reminderDaysBefore: "Số ngày nhắc trước",
  adminEmails: "Văn phòng (quản trị thêm)",
  approval: "Duyệt trước khi gửi",
  approvalReminderDays: "Nhắc Chủ tịch duyệt sau",
};

const FIELD_HINT: Record<string, string> = {
  chairmanEmail: "Hãy nhập một địa chỉ email, ví dụ chutich@example.com, hoặc để trống.",
  upperLevelName: "Hãy nhập tên cơ quan cấp trên, ví dụ UBND huyện Tứ Kỳ.",
  upperLevelEmails: "Hãy nhập các địa chỉ email, mỗi địa chỉ một dòng hoặc cách nhau bằng dấu phẩy.",
  upperIntake:
    "Hãy dán đường dẫn cấp trên gửi (dạng https://docs.google.com/spreadsheets/d/…), hoặc để trống.",
  unitEditors: "Hãy nhập email của người được nhập liệu cho đơn vị.",
  periodRule: 'Hãy chọn "cutoff" (15 tháng trước – 14 tháng này) hoặc "calendar" (tháng dương lịch).',
  sendDay: "Hãy nhập số nguyên từ 1 đến 28.",
  sendHour: "Hãy nhập số nguyên từ 0 đến 23.",
  reminderDaysBefore: "Hãy nhập số nguyên từ 0 đến 20 (0 là không nhắc).",
  adminEmails: "Hãy nhập email của cán bộ văn phòng được quản trị bảng tính, mỗi địa chỉ một dòng.",
  approval: 'Hãy chọn "Chủ tịch duyệt rồi mới gửi" hoặc "Gửi thẳng, không cần duyệt".',
  approvalReminderDays: "Hãy nhập số nguyên từ 0 đến 20 (0 là không nhắc).",
};

/** Splits a list typed as one string ("a@x.vn, b@y.vn" or one per line); trims and lower-cases each. */
function normalizeEmails(v: unknown): unknown {
  // A pasted list is normalized in one pass, before it is split (separators are untouched by NFC).
  const list = typeof v === "string" ? normalizeForm(v, "NFC").split(/[\s,;]+/) : v;
  if (!Array.isArray(list)) return list;
  // A set, not out.includes: a pasted list of thousands must not cost thousands squared.
  const out = new Set<unknown>();
  for (const x of list) {
    const nfc = typeof x === "string" && typeof v !== "string" ? normalizeForm(x, "NFC") : x;
    const s = typeof nfc === "string" ? nfc.trim().toLowerCase() : nfc;
    if (s !== "") out.add(s);
  }
  return [...out];
}

function normalizeInt(v: unknown): unknown {
  if (typeof v === "string" && /^\s*\d+\s*$/.test(v)) return Number(v);
  return v;
}

function normalize(input: unknown): unknown {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return input;
  const o = { ...(input as Record<string, unknown>) };
  if (typeof o.chairmanEmail === "string")
    o.chairmanEmail = normalizeForm(o.chairmanEmail, "NFC").trim().toLowerCase();
  if (typeof o.upperLevelName === "string") o.upperLevelName = normalizeForm(o.upperLevelName, "NFC").trim();
  if (typeof o.upperIntake === "string") o.upperIntake = o.upperIntake.trim();
  if ("upperLevelEmails" in o) o.upperLevelEmails = normalizeEmails(o.upperLevelEmails);
  if ("adminEmails" in o) o.adminEmails = normalizeEmails(o.adminEmails);
  if (o.unitEditors !== null && typeof o.unitEditors === "object" && !Array.isArray(o.unitEditors)) {
    const ed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o.unitEditors as Record<string, unknown>)) ed[k] = normalizeEmails(v);
    o.unitEditors = ed;
  }
  for (const k of ["sendDay", "sendHour", "reminderDaysBefore", "approvalReminderDays"]) {
    o[k] = normalizeInt(o[k]);
  }
  return o;
}

/**
 * Validates settings from the sheet or the sidebar. With a plan, unit editors must name its units.
 * Errors name the field in Vietnamese and say what to type.
 */
export function validateSettings(
  input: unknown,
  plan?: Plan,
): { ok: true; settings: Settings } | { ok: false; errors: { field: string; message: string }[] } {
  const normalized = normalize(input);
  const parsed = z.safeParse(settingsSchema(), normalized);
  const errors: { field: string; message: string }[] = [];
  if (!parsed.success) {
    for (const iss of parsed.error.issues) {
      const top = String(iss.path[0] ?? "");
      const field = iss.path.map(String).join(".");
      const label = SETTINGS_LABELS[top as keyof Settings] ?? "Cài đặt";
      let detail = "";
      if (
        top === "upperLevelEmails" ||
        top === "unitEditors" ||
        top === "chairmanEmail" ||
        top === "adminEmails"
      ) {
        const bad = pathValue(normalized, iss.path);
        if (typeof bad === "string") detail = ' "' + bad + '" không phải địa chỉ email hợp lệ.';
        else if (top === "unitEditors" && iss.path.length === 2) detail = " danh sách email không hợp lệ.";
      }
      if (!detail)
        detail =
          iss.code === "invalid_type" && pathValue(normalized, iss.path) === undefined
            ? " chưa nhập."
            : " không hợp lệ.";
      errors.push({
        field: field || top || "settings",
        message: label + ":" + detail + " " + (FIELD_HINT[top] ?? ""),
      });
    }
  }
  if (plan && normalized !== null && typeof normalized === "object") {
    const ed = (normalized as Record<string, unknown>).unitEditors;
    if (ed !== null && typeof ed === "object") {
      for (const k of Object.keys(ed)) {
        if (!plan.units.some((u) => u.id === k)) {
          errors.push({
            field: "unitEditors." + k,
            message: 'Người được nhập liệu: đơn vị "' + k + '" không có trong kế hoạch.',
          });
        }
      }
    }
  }
  if (errors.length || !parsed.success) return { ok: false, errors };
  return { ok: true, settings: parsed.data };
}

function pathValue(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/**
 * Checks across fields, run before settings are saved (stored settings stay readable without them):
 * what would make the monthly report impossible to approve.
 */
export function settingsConflicts(settings: Settings): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (settings.approval === "chairman" && settings.chairmanEmail === "") {
    out.push({
      field: "chairmanEmail",
      message:
        SETTINGS_LABELS.chairmanEmail +
        ': chưa nhập. Khi Chủ tịch duyệt báo cáo trước khi gửi, cần email Chủ tịch để gửi dự thảo và để Chủ tịch mở được menu duyệt. Hãy nhập email, hoặc chọn "Gửi thẳng, không cần duyệt".',
    });
  }
  return out;
}
