/**
 * "Nhập báo cáo…": the entry sidebar. One server call fills it (getEntryFormState); the form is built
 * from the chosen unit's columns; every change is checked with the same core code the server runs
 * again on submit (the row's fields, and the plan's cross-field rules over the unit's rows of the row's
 * period), so what the sidebar accepts the server accepts too.
 */
import type { Column, ColumnKey } from "../../../core/columns";
import { blankMessage } from "../../../core/parse";
import { formatDateVi } from "../../../core/periods";
import { findUnit } from "../../../core/plan";
import { validateNewEntry } from "../../../core/rules";
import type { EntryIssue } from "../../../core/validate";
import type { EntryFormState, EntryUnit, ServerApi, SubmitResult } from "../../../gas/api";
import { byId, debounce, el, errorText, markBusy, replaceChildren, selectOptions } from "../../lib/dom";
import type { Control, Field, FieldMessage } from "../../lib/field";
import { CHECK_DELAY_MS, createField, focusFirstInvalid } from "../../lib/field";
import { loadPage, wireClose } from "../../lib/page";
import { serverCaller } from "../../lib/server";
import { clearStatus, setStatus } from "../../lib/status";

const call = serverCaller<ServerApi>();

const form = byId<HTMLFormElement>("entry");
const body = byId<HTMLFieldSetElement>("body");
const fieldsSlot = byId("fields");
const statusRegion = byId("status");
const submitButton = byId<HTMLButtonElement>("submit");
const SUBMIT_LABEL = "Ghi báo cáo";

let state: EntryFormState;
let unit: EntryUnit;
let unitField: Field;
/** What the user typed, by column key; kept across unit switches so nothing typed is lost. */
const typed = new Map<ColumnKey, string>();
let fields = new Map<ColumnKey, Field>();
/** Fields the user has been in: only their messages show, until a submit shows all. */
const touched = new Set<ColumnKey>();
let showAll = false;
let sending = false;

function inputColumns(u: EntryUnit): Column[] {
  return u.columns.filter((c) => !c.scriptOwned && c.kind !== "script");
}

/**
 * Under its own field, 'Cột "Ngày": ngày …' reads better without the column name in front, and a
 * missing value needs no repeat of the help text shown just below.
 */
function messageFor(message: string, column: Column): string {
  if (message === blankMessage(column.header, column.helpText)) return "Chưa nhập: đây là ô bắt buộc.";
  const prefix = 'Cột "' + column.header + '": ';
  if (!message.startsWith(prefix)) return message;
  const rest = message.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function controlFor(c: Column): Control {
  switch (c.kind) {
    case "list":
    case "yesno": {
      const select = el("select", { name: c.key });
      const options = c.options ?? (c.kind === "yesno" ? ["Có", "Không"] : []);
      selectOptions(select, options, c.required || c.kind === "yesno" ? "— Chọn —" : "(Không chọn)");
      return select;
    }
    case "whole":
    case "money":
      return el("input", {
        type: "text",
        name: c.key,
        inputmode: "numeric",
        autocomplete: "off",
        placeholder: c.kind === "money" ? "ví dụ 1.500.000" : "ví dụ 25",
      });
    case "date":
      return el("input", {
        type: "text",
        name: c.key,
        autocomplete: "off",
        placeholder: "dd/mm/yyyy",
        maxlength: 20,
      });
    default:
      return el("textarea", { name: c.key, rows: c.key === "content" ? 3 : 2 });
  }
}

function collect(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of inputColumns(unit)) out[c.key] = typed.get(c.key) ?? "";
  return out;
}

function check(): EntryIssue[] {
  const planUnit = findUnit(state.plan, unit.id);
  if (!planUnit) return [];
  // The same checks as the server: the row's fields, then the rules with the unit's rows of its period.
  return validateNewEntry(
    state.plan,
    planUnit,
    collect(),
    { today: state.today, rule: state.periodRule },
    unit.ruleEntries,
  ).issues;
}

/** Shows each issue under its field; issues without a field of their own go to the status line. */
function showIssues(issues: readonly EntryIssue[]): EntryIssue[] {
  const columns = new Map(inputColumns(unit).map((c) => [c.key, c]));
  const byKey = new Map<ColumnKey, FieldMessage[]>();
  const loose: EntryIssue[] = [];
  for (const issue of issues) {
    const column = issue.column ? columns.get(issue.column) : undefined;
    if (!issue.column || !column || !fields.has(issue.column)) {
      loose.push(issue);
      continue;
    }
    const list = byKey.get(issue.column) ?? [];
    list.push({ severity: issue.severity, text: messageFor(issue.message, column) });
    byKey.set(issue.column, list);
  }
  for (const [key, field] of fields) {
    field.setMessages(showAll || touched.has(key) ? (byKey.get(key) ?? []) : []);
  }
  return loose;
}

const checkSoon = debounce(() => {
  if (!sending) showIssues(check());
}, CHECK_DELAY_MS);

function addField(parent: Node, c: Column): void {
  const field = createField({
    id: c.key,
    label: c.header,
    control: controlFor(c),
    help: c.helpText,
    required: c.required,
  });
  const control = field.control;
  const previous = typed.get(c.key);
  if (previous !== undefined) control.value = previous;
  else if (c.key === "date") control.value = formatDateVi(state.today);
  // A select drops a value it has no option for (another unit's task): keep what it really shows.
  typed.set(c.key, control.value);
  control.addEventListener("input", () => {
    typed.set(c.key, control.value);
    touched.add(c.key);
    checkSoon();
  });
  control.addEventListener("change", () => {
    typed.set(c.key, control.value);
    touched.add(c.key);
    checkSoon.cancel();
    showIssues(check());
  });
  control.addEventListener("blur", () => {
    if (!control.value && !touched.has(c.key)) return;
    touched.add(c.key);
    checkSoon.cancel();
    showIssues(check());
  });
  fields.set(c.key, field);
  parent.appendChild(field.root);
}

function renderUnitFields(): void {
  fields = new Map();
  const root = document.createDocumentFragment();
  let numbers: HTMLFieldSetElement | null = null;
  for (const c of inputColumns(unit)) {
    if (c.elementId) {
      if (!numbers) {
        numbers = el("fieldset", {}, el("legend", {}, "Số liệu của đơn vị"));
        root.appendChild(numbers);
      }
      addField(numbers, c);
    } else {
      addField(root, c);
    }
  }
  replaceChildren(fieldsSlot, root);
  const planUnit = findUnit(state.plan, unit.id);
  unitField.setMessages(
    unit.canEdit
      ? []
      : [
          {
            severity: "error",
            text: "Bạn không có quyền nhập cho đơn vị này. Hãy chọn đơn vị của mình.",
          },
        ],
  );
  const help = unitField.root.querySelector(".help");
  if (help) help.textContent = planUnit && planUnit.name !== unit.tabName ? planUnit.name : "";
  showIssues(check());
}

function renderForm(): void {
  const units = state.units;
  const editable = units.filter((u) => u.canEdit);
  const initial =
    units.find((u) => u.id === state.defaultUnitId && u.canEdit) ?? editable[0] ?? units[0] ?? null;
  if (!initial) {
    setStatus(byId("loading"), "error", ["Kế hoạch chưa có đơn vị nào."]);
    return;
  }
  unit = initial;

  const select = el("select", { name: "unit" });
  replaceChildren(
    select,
    ...units.map((u) =>
      el(
        "option",
        { value: u.id, disabled: !u.canEdit && u.id !== initial.id },
        u.canEdit ? u.tabName : u.tabName + " (không có quyền nhập)",
      ),
    ),
  );
  select.value = initial.id;
  unitField = createField({ id: "unit", label: "Đơn vị", control: select, help: " ", required: true });
  select.addEventListener("change", () => {
    const next = units.find((u) => u.id === select.value);
    if (!next || next.id === unit.id) return;
    unit = next;
    clearStatus(statusRegion);
    renderUnitFields();
  });
  replaceChildren(byId("unit-slot"), unitField.root);

  if (state.user) byId("who").textContent = "Tài khoản: " + state.user;
  if (editable.length === 0) {
    const notice = byId("no-rights");
    notice.textContent =
      "Bạn chưa được phân quyền nhập cho đơn vị nào. Hãy nhờ chủ bảng tính thêm email của bạn trong “Cài đặt…”.";
    notice.hidden = false;
  }
  renderUnitFields();
  byId("loading").hidden = true;
  form.hidden = false;
  select.focus();
}

function setSending(on: boolean): void {
  sending = on;
  body.disabled = on;
  submitButton.disabled = on;
  submitButton.textContent = on ? "Đang gửi…" : SUBMIT_LABEL;
  markBusy(form, on);
}

/** After a row is written, the next entry usually shares unit, date, task, form and sub-unit. */
function clearForNextEntry(): void {
  for (const c of inputColumns(unit)) {
    if (!c.elementId && c.key !== "content" && c.key !== "notes") continue;
    typed.delete(c.key);
    const field = fields.get(c.key);
    if (field) field.control.value = "";
    typed.set(c.key, "");
  }
  touched.clear();
  showAll = false;
  showIssues(check());
}

function showResult(result: SubmitResult): void {
  if (result.ok) {
    clearForNextEntry();
    const warnings = result.warnings.map((w) => w.message);
    setStatus(
      statusRegion,
      "ok",
      ["Đã ghi vào dòng " + result.rowNumber + " của trang " + result.tabName + "."],
      warnings.length ? warnings.map((w) => "Lưu ý: " + w) : [],
    );
    const first = inputColumns(unit).find((c) => c.elementId || c.key === "content");
    if (first) fields.get(first.key)?.control.focus();
    return;
  }
  showAll = true;
  const loose = showIssues(result.issues);
  setStatus(
    statusRegion,
    "error",
    [result.message || "Máy chủ không nhận dòng này."],
    loose.map((i) => i.message),
  );
  focusFirstInvalid(fields.values());
}

async function submit(): Promise<void> {
  if (sending) return;
  checkSoon.cancel();
  showAll = true;
  const issues = check();
  const loose = showIssues(issues);
  const errors = issues.filter((i) => i.severity === "error");
  if (!unit.canEdit) {
    setStatus(statusRegion, "error", ["Bạn không có quyền nhập cho đơn vị " + unit.tabName + "."]);
    unitField.control.focus();
    return;
  }
  if (errors.length > 0) {
    setStatus(
      statusRegion,
      "error",
      [
        errors.length === 1
          ? "Chưa gửi: còn 1 lỗi. Hãy sửa ô được đánh dấu đỏ."
          : "Chưa gửi: còn " + errors.length + " lỗi. Hãy sửa các ô được đánh dấu đỏ.",
      ],
      loose.filter((i) => i.severity === "error").map((i) => i.message),
    );
    focusFirstInvalid(fields.values());
    return;
  }
  setStatus(statusRegion, "info", ["Đang gửi…"]);
  setSending(true);
  let result: SubmitResult | null = null;
  try {
    result = await call("submitEntry", { unitId: unit.id, fields: collect() });
  } catch (err) {
    setSending(false);
    setStatus(statusRegion, "error", [
      "Không gửi được: " + errorText(err),
      "Số liệu bạn nhập vẫn còn nguyên; hãy thử gửi lại.",
    ]);
    submitButton.focus();
    return;
  }
  setSending(false);
  showResult(result);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void submit();
});
wireClose();

void loadPage(
  () => call("getEntryFormState"),
  (loaded) => {
    state = loaded;
    renderForm();
  },
  { failed: "Không tải được biểu mẫu: ", retrying: "Đang tải biểu mẫu…" },
);
