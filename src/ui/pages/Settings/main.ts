/**
 * "Cài đặt…" (the office only): who administers the sheet, who receives the monthly report and whether
 * the chairman approves it first, who may enter data for which unit, and when the report goes out.
 * Checked as the user types with validateSettings and settingsConflicts, the functions the server runs
 * again before it shares or stores anything.
 */
import type { Settings } from "../../../core/settings";
import { settingsConflicts, validateSettings } from "../../../core/settings";
import type { ServerApi, SettingsFormState } from "../../../gas/api";
import { byId, debounce, el, errorText, markBusy, replaceChildren, selectOptions } from "../../lib/dom";
import type { Control, Field } from "../../lib/field";
import { CHECK_DELAY_MS, createField, focusFirstInvalid } from "../../lib/field";
import { loadPage, wireClose } from "../../lib/page";
import { serverCaller } from "../../lib/server";
import { clearStatus, setStatus } from "../../lib/status";

const call = serverCaller<ServerApi>();

const form = byId<HTMLFormElement>("settings");
const body = byId<HTMLFieldSetElement>("body");
const statusRegion = byId("status");
const saveButton = byId<HTMLButtonElement>("save");
const SAVE_LABEL = "Lưu cài đặt";

type FieldError = { field: string; message: string };

let state: SettingsFormState;
/** Field key ("chairmanEmail", "unitEditors.congAnXa", …) → its field on the page. */
const fields = new Map<string, Field>();
const touched = new Set<string>();
let showAll = false;
let saving = false;

const APPROVAL_MODES: { value: Settings["approval"]; label: string }[] = [
  { value: "chairman", label: "Chủ tịch duyệt rồi mới gửi cấp trên" },
  { value: "direct", label: "Gửi thẳng, không cần duyệt" },
];

const PERIOD_RULES: { value: Settings["periodRule"]; label: string }[] = [
  { value: "cutoff", label: "Từ ngày 15 tháng trước đến ngày 14 tháng báo cáo (chế độ báo cáo nhà nước)" },
  { value: "calendar", label: "Theo tháng dương lịch (từ ngày 1 đến cuối tháng)" },
];

function textInput(name: string, type: "text" | "email" = "text", numeric = false): HTMLInputElement {
  return el("input", {
    type,
    name,
    autocomplete: "off",
    spellcheck: "false",
    inputmode: numeric ? "numeric" : null,
  });
}

function emailList(name: string, rows: number): HTMLTextAreaElement {
  return el("textarea", { name, rows, spellcheck: "false", autocapitalize: "off" });
}

function addField(
  parent: HTMLElement,
  key: string,
  label: string,
  control: Control,
  help: string,
  opts: { required?: boolean; wide?: boolean } = {},
): Field {
  const field = createField({ id: key, label, control, help, required: opts.required ?? false });
  if (opts.wide) field.root.classList.add("wide");
  control.addEventListener("input", () => {
    touched.add(key);
    checkSoon();
  });
  control.addEventListener("change", () => {
    touched.add(key);
    checkSoon.cancel();
    showErrors(check());
  });
  control.addEventListener("blur", () => {
    touched.add(key);
    checkSoon.cancel();
    showErrors(check());
  });
  fields.set(key, field);
  parent.appendChild(field.root);
  return field;
}

function value(key: string): string {
  return fields.get(key)?.control.value ?? "";
}

/** The form as typed; validateSettings splits the email lists and reads the numbers. */
function collect(): Record<string, unknown> {
  const unitEditors: Record<string, string> = {};
  for (const u of state.units) unitEditors[u.id] = value("unitEditors." + u.id);
  return {
    adminEmails: value("adminEmails"),
    approval: value("approval"),
    approvalReminderDays: value("approvalReminderDays"),
    chairmanEmail: value("chairmanEmail"),
    upperLevelName: value("upperLevelName"),
    upperLevelEmails: value("upperLevelEmails"),
    upperIntake: value("upperIntake"),
    unitEditors,
    periodRule: value("periodRule"),
    sendDay: value("sendDay"),
    sendHour: value("sendHour"),
    reminderDaysBefore: value("reminderDaysBefore"),
  };
}

function check(): ReturnType<typeof validateSettings> {
  const result = validateSettings(collect());
  if (!result.ok) return result;
  const conflicts = settingsConflicts(result.settings);
  return conflicts.length > 0 ? { ok: false, errors: conflicts } : result;
}

/** "upperLevelEmails.2" belongs to the upperLevelEmails field, "unitEditors.x.0" to unit x's. */
function fieldKeyOf(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "unitEditors" && parts.length > 1) return "unitEditors." + parts[1];
  return parts[0] ?? path;
}

/** Puts each error next to the field it names; returns the ones that name no field on the page. */
function showErrors(result: ReturnType<typeof validateSettings>): FieldError[] {
  const errors = result.ok ? [] : result.errors;
  const byKey = new Map<string, string[]>();
  const loose: FieldError[] = [];
  for (const e of errors) {
    const key = fieldKeyOf(e.field);
    if (!fields.has(key)) {
      loose.push(e);
      continue;
    }
    const list = byKey.get(key) ?? [];
    if (!list.includes(e.message)) list.push(e.message);
    byKey.set(key, list);
  }
  for (const [key, field] of fields) {
    const shown = showAll || touched.has(key) ? (byKey.get(key) ?? []) : [];
    field.setMessages(shown.map((text) => ({ severity: "error" as const, text })));
  }
  return loose;
}

const checkSoon = debounce(() => {
  if (!saving) showErrors(check());
}, CHECK_DELAY_MS);

function fill(settings: Settings): void {
  const set = (key: string, v: string) => {
    const f = fields.get(key);
    if (f) f.control.value = v;
  };
  set("adminEmails", settings.adminEmails.join("\n"));
  set("approval", settings.approval);
  set("approvalReminderDays", String(settings.approvalReminderDays));
  set("chairmanEmail", settings.chairmanEmail);
  set("upperLevelName", settings.upperLevelName);
  set("upperLevelEmails", settings.upperLevelEmails.join("\n"));
  set("upperIntake", settings.upperIntake ?? "");
  for (const u of state.units) set("unitEditors." + u.id, (settings.unitEditors[u.id] ?? []).join("\n"));
  set("periodRule", settings.periodRule);
  set("sendDay", String(settings.sendDay));
  set("sendHour", String(settings.sendHour));
  set("reminderDaysBefore", String(settings.reminderDaysBefore));
}

function renderForm(): void {
  byId("setup-account").textContent = state.setupAccount
    ? "Tài khoản đã thiết lập bảng tính: " + state.setupAccount + " (luôn thuộc văn phòng)."
    : "";
  addField(
    byId("office"),
    "adminEmails",
    "Cán bộ văn phòng khác",
    emailList("adminEmails", 2),
    "Được làm mọi việc của văn phòng: cài đặt, thiết lập, gửi báo cáo, sửa số liệu kỳ đã duyệt. Mỗi địa chỉ một dòng.",
  );
  const recipients = byId("recipients");
  addField(
    recipients,
    "chairmanEmail",
    "Email Chủ tịch UBND xã",
    textInput("chairmanEmail", "email"),
    "Nhận dự thảo để duyệt và báo cáo tháng. Khi Chủ tịch duyệt, bảng tính được chia sẻ cho Chủ tịch quyền sửa tệp (để có menu Duyệt) nhưng mọi trang đều khoá với Chủ tịch; khi gửi thẳng, Chủ tịch chỉ được xem.",
  );
  addField(
    recipients,
    "upperLevelName",
    "Tên cấp trên",
    textInput("upperLevelName"),
    "Cơ quan nhận báo cáo, ví dụ UBND huyện Tứ Kỳ.",
    { required: true },
  );
  addField(
    recipients,
    "upperLevelEmails",
    "Email cấp trên",
    emailList("upperLevelEmails", 3),
    "Mỗi địa chỉ một dòng, hoặc cách nhau bằng dấu phẩy. Những người này nhận báo cáo tháng và được xem bản sao chỉ đọc.",
  );
  addField(
    recipients,
    "upperIntake",
    "Tệp nhận số liệu của cấp trên",
    textInput("upperIntake"),
    "Đường dẫn cấp trên gửi cho xã (nếu có). Khi báo cáo tháng được gửi, số tổng hợp của kỳ cũng được ghi vào tệp này, chỉ số liệu, không có chữ nhập tay. Tệp phải được chia sẻ cho tài khoản chạy các việc tự động của xã.",
  );

  const editors = byId("editors");
  for (const u of state.units) {
    addField(
      editors,
      "unitEditors." + u.id,
      u.name,
      emailList("unitEditors." + u.id, 2),
      u.tabName !== u.name ? "Trang “" + u.tabName + "”." : "",
    );
  }

  const approval = byId("approval");
  const mode = el("select", { name: "approval" });
  replaceChildren(mode, ...APPROVAL_MODES.map((m) => el("option", { value: m.value }, m.label)));
  addField(
    approval,
    "approval",
    "Trước khi gửi cấp trên",
    mode,
    "Khi Chủ tịch duyệt: ngày sau ngày chốt, dự thảo gửi Chủ tịch và văn phòng; báo cáo chỉ gửi cấp trên sau khi Chủ tịch duyệt trong bảng tính (cần máy tính: ứng dụng trên điện thoại không có menu).",
    { wide: true },
  );
  addField(
    approval,
    "approvalReminderDays",
    "Nhắc Chủ tịch sau (ngày)",
    textInput("approvalReminderDays", "text", true),
    "Dự thảo chờ duyệt quá số ngày này thì nhắc Chủ tịch qua email; 0 là không nhắc.",
    { required: true },
  );

  const schedule = byId("schedule");
  const rule = el("select", { name: "periodRule" });
  replaceChildren(rule, ...PERIOD_RULES.map((r) => el("option", { value: r.value }, r.label)));
  addField(
    schedule,
    "periodRule",
    "Kỳ báo cáo",
    rule,
    "Số liệu của một tháng được tính trong khoảng ngày này.",
    { wide: true },
  );
  addField(
    schedule,
    "sendDay",
    "Ngày gửi báo cáo",
    textInput("sendDay", "text", true),
    "Ngày trong tháng, từ 1 đến 28.",
    { required: true },
  );
  const hour = el("select", { name: "sendHour" });
  selectOptions(
    hour,
    Array.from({ length: 24 }, (_, h) => String(h)),
    null,
  );
  for (const option of Array.from(hour.options)) option.textContent = option.value.padStart(2, "0") + ":00";
  addField(schedule, "sendHour", "Giờ gửi", hour, "Giờ Việt Nam.");
  addField(
    schedule,
    "reminderDaysBefore",
    "Nhắc trước (ngày)",
    textInput("reminderDaysBefore", "text", true),
    "Nhắc đơn vị chưa nhập số liệu trước ngày chốt số ngày này; 0 là không nhắc.",
    { required: true, wide: true },
  );

  fill(state.settings);
  if (!state.canEdit) {
    body.disabled = true;
    saveButton.hidden = true;
    byId("read-only").hidden = false;
  }
  byId("loading").hidden = true;
  form.hidden = false;
  (state.canEdit ? fields.get("adminEmails")?.control : byId("close"))?.focus();
}

function setSaving(on: boolean): void {
  saving = on;
  body.disabled = on || !state.canEdit;
  saveButton.disabled = on;
  saveButton.textContent = on ? "Đang lưu…" : SAVE_LABEL;
  markBusy(form, on);
}

function refuse(errors: FieldError[], lead: string): void {
  showAll = true;
  const shown = showErrors({ ok: false, errors });
  setStatus(
    statusRegion,
    "error",
    [lead],
    shown.map((e) => e.message),
  );
  focusFirstInvalid(fields.values());
}

async function save(): Promise<void> {
  if (saving || !state.canEdit) return;
  checkSoon.cancel();
  showAll = true;
  const checked = check();
  if (!checked.ok) {
    const n = checked.errors.length;
    refuse(checked.errors, "Chưa lưu: còn " + n + " lỗi. Hãy sửa các ô được đánh dấu đỏ.");
    return;
  }
  showErrors(checked);
  setStatus(statusRegion, "info", ["Đang lưu…"]);
  setSaving(true);
  let result: Awaited<ReturnType<ServerApi["saveSettings"]>>;
  try {
    result = await call("saveSettings", checked.settings);
  } catch (err) {
    setSaving(false);
    setStatus(statusRegion, "error", [
      "Không lưu được: " + errorText(err),
      "Những gì bạn nhập vẫn còn nguyên; hãy thử lại.",
    ]);
    saveButton.focus();
    return;
  }
  setSaving(false);
  if (!result.ok) {
    refuse(result.errors, "Máy chủ chưa lưu cài đặt:");
    return;
  }
  // Show the addresses as they are stored: trimmed, lower-cased, one per line.
  state.settings = checked.settings;
  fill(checked.settings);
  touched.clear();
  showAll = false;
  showErrors(check());
  setStatus(statusRegion, "ok", [result.message || "Đã lưu cài đặt."]);
  saveButton.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void save();
});
wireClose();
form.addEventListener("input", () => {
  if (statusRegion.classList.contains("ok")) clearStatus(statusRegion);
});

void loadPage(
  () => call("getSettingsState"),
  (loaded) => {
    state = loaded;
    renderForm();
  },
  { failed: "Không tải được cài đặt: ", retrying: "Đang tải cài đặt…" },
);
