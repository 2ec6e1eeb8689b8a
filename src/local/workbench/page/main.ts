/**
 * The workbench page: who is acting, the script's menu, the clock and the monthly run, the workbook's
 * tabs as grids, the script's sidebar and dialogs, the outbox and the run log. Everything shown comes
 * from the server; everything done goes to it.
 */
import type {
  ActionResult,
  OpenResult,
  ExecutionView,
  MailLink,
  MailView,
  MenuItemView,
  SheetView,
  StateView,
  UserChoice,
} from "../protocol";
import { ApiError, get, post } from "./api";
import { buttonsOf, showDialog } from "./dialogs";
import { byId, clear, h, hourMinute, isoFromVi, viDate } from "./dom";
import { columnLetters, Grid } from "./grid";
import { Panels } from "./panels";

type View = "book" | "outbox" | "log";

const app = {
  state: null as StateView | null,
  sheet: null as SheetView | null,
  spreadsheetId: "",
  sheetName: undefined as string | undefined,
  view: "book" as View,
  selectedMail: -1,
  /** The person changed the run's date or time: keep what they typed instead of the suggestion. */
  runTouched: false,
  busy: 0,
};

const GROUP_LABEL: Record<UserChoice["group"], string> = {
  owner: "Văn phòng UBND xã",
  editor: "Người nhập liệu của các đơn vị",
  chairman: "Lãnh đạo xã",
  upperLevel: "Cấp trên",
};

const KIND_LABEL: Record<string, string> = {
  menu: "menu",
  client: "google.script.run",
  "simple-trigger": "trình kích hoạt đơn giản",
  "installable-trigger": "trình kích hoạt cài đặt",
  "time-trigger": "trình kích hoạt theo giờ",
  editor: "trình soạn thảo",
};

function layout(): void {
  document.body.append(
    h(
      "header",
      { class: "topbar" },
      h("div", { class: "brand" }, h("strong", {}, "Bàn thử"), h("span", { id: "plan-name" }, "")),
      h(
        "label",
        { class: "who" },
        "Đang dùng với tư cách ",
        h("select", { id: "user", "aria-label": "Người dùng", onchange: () => void chooseUser() }),
      ),
      h("div", { class: "clock" }, "Giờ giả lập: ", h("output", { id: "now" }, "")),
      h("button", { type: "button", id: "reset", onclick: () => void resetDemo() }, "Làm lại từ đầu"),
    ),
    h(
      "nav",
      { class: "menubar", "aria-label": "Menu" },
      h("div", { id: "menus", class: "menus", role: "menubar", "aria-label": "Menu của tiện ích" }),
      h(
        "div",
        { class: "views", role: "tablist", "aria-label": "Chế độ xem" },
        h(
          "button",
          { type: "button", role: "tab", id: "view-book", onclick: () => void showView("book") },
          "Bảng tính",
        ),
        h(
          "button",
          { type: "button", role: "tab", id: "view-outbox", onclick: () => void showView("outbox") },
          "Hộp thư đi",
        ),
        h(
          "button",
          { type: "button", role: "tab", id: "view-log", onclick: () => void showView("log") },
          "Nhật ký chạy",
        ),
      ),
    ),
    h(
      "section",
      { class: "timebar", "aria-label": "Thời gian" },
      // Text fields, not the browser's date and time pickers: those follow the browser's language
      // (06/15/2023, 07:00 AM), and here everything is read the Vietnamese way.
      h(
        "label",
        {},
        "Ngày ",
        h("input", {
          type: "text",
          id: "run-date",
          class: "run-date",
          inputmode: "numeric",
          placeholder: "ngày/tháng/năm",
          "aria-describedby": "run-hint",
          autocomplete: "off",
          oninput: onRunDate,
          onchange: onRunDate,
        }),
      ),
      h(
        "label",
        {},
        "lúc ",
        h("input", {
          type: "text",
          id: "run-time",
          class: "run-time",
          inputmode: "numeric",
          placeholder: "giờ:phút",
          "aria-describedby": "run-hint",
          autocomplete: "off",
          oninput: onRunDate,
        }),
      ),
      h(
        "button",
        { type: "button", id: "run-triggers", class: "primary", onclick: () => void runTriggers() },
        "Chạy báo cáo tháng",
      ),
      h(
        "button",
        { type: "button", id: "set-clock", onclick: () => void setClock() },
        "Đặt làm giờ hiện tại",
      ),
      h("span", { id: "run-hint", class: "muted" }, "ngày/tháng/năm, giờ 24 giờ (07:00, 18:30)"),
      h("details", { id: "trigger-list", class: "triggers" }),
    ),
    h("div", { id: "status", class: "status", role: "status", "aria-live": "polite" }),
    h(
      "main",
      { class: "workspace" },
      h(
        "section",
        { id: "book", class: "book", "aria-label": "Bảng tính" },
        h(
          "div",
          { class: "sheetbar" },
          h("select", {
            id: "spreadsheet",
            "aria-label": "Bảng tính",
            onchange: () => void chooseSpreadsheet(),
          }),
          // Google's File → Download → Microsoft Excel (.xlsx): what the command line reads.
          h("a", { id: "download-xlsx", class: "download", hidden: true }, "Tải xuống .xlsx"),
          // A file action on the spreadsheet, as the download is: the plan's document drafted into its plan tab.
          h(
            "label",
            {
              id: "plan-doc-label",
              class: "plan-doc",
              title: "Soạn trang Kế hoạch từ văn bản kế hoạch (.txt, .docx)",
            },
            "Nhập văn bản kế hoạch…",
            h("input", {
              type: "file",
              id: "plan-doc",
              accept:
                ".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              onchange: (e: Event) => void importPlanDocument(e.target as HTMLInputElement),
            }),
          ),
        ),
        h(
          "div",
          { class: "cellbar" },
          h("span", { id: "cell-ref", class: "ref" }, ""),
          h("span", { class: "fx" }, "fx"),
          h("span", { id: "cell-text", class: "celltext" }, ""),
        ),
        h("div", { id: "cell-info", class: "cellinfo", "aria-live": "polite" }),
        h(
          "div",
          { id: "grid-wrap", class: "grid-wrap" },
          h("table", { id: "grid", class: "grid", role: "grid" }),
          h("datalist", { id: "grid-options" }),
        ),
        h("p", { id: "no-access", class: "notice", hidden: true }),
        h("div", { id: "tabs", class: "tabs", role: "tablist", "aria-label": "Các trang" }),
      ),
      h("section", { id: "outbox", class: "outbox", hidden: true, "aria-label": "Hộp thư đi" }),
      h("section", { id: "log", class: "log", hidden: true, "aria-label": "Nhật ký chạy" }),
      h("aside", { id: "sidebar", class: "sidebar", hidden: true, "aria-label": "Thanh bên" }),
    ),
    h("div", { id: "toasts", class: "toasts", "aria-live": "polite" }),
  );
}

// The DOM first: the grid and the panels below attach to it.
layout();

let statusTimer = 0;
function say(message: string, error = false): void {
  const el = byId("status");
  el.textContent = message;
  el.className = `status ${error ? "error" : "info"}`;
  window.clearTimeout(statusTimer);
  if (!error) statusTimer = window.setTimeout(() => (el.textContent = ""), 15_000);
}

function toast(title: string, message: string): void {
  const el = h("div", { class: "toast" }, title ? h("strong", {}, title) : null, h("span", {}, message));
  byId("toasts").append(el);
  window.setTimeout(() => el.remove(), 8000);
}

async function busy<T>(work: () => Promise<T>): Promise<T | undefined> {
  app.busy++;
  document.body.classList.add("busy");
  try {
    return await work();
  } catch (e) {
    say(e instanceof ApiError || e instanceof Error ? e.message : String(e), true);
    return undefined;
  } finally {
    app.busy--;
    if (app.busy === 0) document.body.classList.remove("busy");
  }
}

/** What an action did: its alerts one by one (as Sheets shows them), toasts, errors, new mail. */
async function report(result: ActionResult | null | undefined, what: string): Promise<void> {
  if (!result) return;
  for (const a of result.alerts) {
    await showDialog({ title: a.title, message: a.prompt, buttons: buttonsOf("OK") });
  }
  for (const t of result.toasts) toast(t.title, t.message);
  const failed = result.executions.filter((e) => !e.ok);
  if (result.message && !result.ok) say(result.message, true);
  else if (failed.length > 0)
    say(failed.map((e) => `Lỗi khi chạy ${e.label}: ${e.error ?? ""}`).join(" "), true);
  else if (result.message) say(result.message);
  else if (result.newMail > 0) say(`${what}: đã gửi ${result.newMail} thư (xem Hộp thư đi).`);
  // Opening a page, or an alert already shown, says enough; "xong" only for work that showed nothing.
  else if (what && !result.opened && result.alerts.length === 0 && result.toasts.length === 0)
    say(`${what}: xong.`);
  else if (result.opened) clearStatus();
}

function clearStatus(): void {
  const el = byId("status");
  el.textContent = "";
  el.className = "status";
}

// ---- state ----

async function refresh(known?: StateView, knownSheet?: SheetView): Promise<void> {
  const state = known ?? (await get<StateView>("/api/state"));
  app.state = state;
  renderTop(state);
  panels.update(state);
  if (app.view === "book") await loadSheet(knownSheet);
  if (app.view === "outbox") await loadOutbox();
  if (app.view === "log") await loadLog();
}

function renderTop(state: StateView): void {
  byId("plan-name").textContent = state.planName;
  byId("now").textContent = state.nowText;
  const select = byId<HTMLSelectElement>("user");
  clear(select);
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const u of state.users) {
    let group = groups.get(u.group);
    if (!group) {
      group = h("optgroup", { label: GROUP_LABEL[u.group] });
      groups.set(u.group, group);
      select.append(group);
    }
    group.append(h("option", { value: u.email }, `${u.email} — ${u.label}`));
  }
  select.value = state.user;

  renderMenus(state);

  const date = byId<HTMLInputElement>("run-date");
  const time = byId<HTMLInputElement>("run-time");
  if (!app.runTouched || date.value === "") {
    date.value = viDate(state.suggestedRunDate);
    time.value = state.suggestedRunTime;
  }
  onRunDate();
  renderTriggers(state);

  byId("view-outbox").textContent = `Hộp thư đi (${state.outboxCount})`;
  for (const v of ["book", "outbox", "log"] as View[]) {
    byId(`view-${v}`).setAttribute("aria-selected", String(app.view === v));
  }

  const ss = byId<HTMLSelectElement>("spreadsheet");
  clear(ss);
  for (const s of state.spreadsheets) {
    const role = s.role === "owner" ? "chủ sở hữu" : s.role === "editor" ? "được sửa" : "chỉ xem";
    ss.append(
      h("option", { value: s.id }, `${s.bound ? "Bảng tính chính" : "Bảng tính khác"}: ${s.name} (${role})`),
    );
  }
  if (!state.spreadsheets.some((s) => s.id === app.spreadsheetId)) {
    // Nothing chosen yet (a reload, another person): where this person lands.
    app.spreadsheetId = state.place?.spreadsheetId ?? state.spreadsheets[0]?.id ?? "";
    app.sheetName = state.place?.spreadsheetId === app.spreadsheetId ? state.place.sheet : undefined;
  }
  ss.value = app.spreadsheetId;
  ss.hidden = state.spreadsheets.length === 0;
  const download = byId<HTMLAnchorElement>("download-xlsx");
  const chosen = state.spreadsheets.find((s) => s.id === app.spreadsheetId);
  download.hidden = !chosen;
  // Drafting a plan writes into a spreadsheet: nothing to offer a person who has none.
  byId("plan-doc-label").hidden = !chosen;
  if (chosen) {
    download.href = `/api/xlsx?ss=${encodeURIComponent(chosen.id)}`;
    download.download = `${chosen.name}.xlsx`;
  }
}

function onRunDate(): void {
  const iso = isoFromVi(byId<HTMLInputElement>("run-date").value);
  const time = hourMinute(byId<HTMLInputElement>("run-time").value);
  byId("run-triggers").textContent =
    iso && time ? `Chạy việc tự động lúc ${time} ngày ${viDate(iso)}` : "Chạy việc tự động";
}

/** The time-driven triggers, by what they do: "Báo cáo tháng (ngày 15 hằng tháng, 07:00)". */
function renderTriggers(state: StateView): void {
  const box = byId<HTMLDetailsElement>("trigger-list");
  const wasOpen = box.open;
  clear(box);
  const clocks = state.triggers.filter((t) => t.clock);
  if (clocks.length === 0) {
    box.append(
      h("summary", {}, "Chưa có việc tự động theo giờ (văn phòng chạy Thiết lập / sửa bảng tính để cài)."),
    );
    return;
  }
  box.append(
    h("summary", {}, `Việc tự động: ${clocks.map((t) => `${t.label} (${t.when})`).join("; ")}`),
    h(
      "ul",
      {},
      clocks.map((t) =>
        h(
          "li",
          {},
          h("strong", {}, t.label),
          ` – ${t.when}: ${t.does}`,
          h("span", { class: "muted" }, ` (hàm ${t.handler}, chạy với quyền ${t.owner})`),
        ),
      ),
    ),
  );
  box.open = wasOpen;
}

// ---- menus ----

let openMenu: HTMLElement | null = null;

function closeMenus(): void {
  openMenu?.setAttribute("hidden", "");
  openMenu?.previousElementSibling?.setAttribute("aria-expanded", "false");
  openMenu = null;
}

function menuList(items: MenuItemView[], path: string[]): HTMLElement {
  const list = h("ul", { role: "menu", class: "menu-list", hidden: true });
  for (const item of items) {
    if (item.type === "separator") list.append(h("li", { role: "separator", class: "separator" }));
    else if (item.type === "submenu") {
      const sub = menuList(item.items, [...path, item.caption]);
      sub.hidden = false;
      sub.classList.add("submenu");
      list.append(
        h("li", { role: "none" }, h("span", { class: "submenu-caption" }, `${item.caption} ›`), sub),
      );
    } else {
      list.append(
        h(
          "li",
          { role: "none" },
          h(
            "button",
            {
              type: "button",
              role: "menuitem",
              onclick: () => {
                closeMenus();
                void clickMenu([...path, item.caption]);
              },
            },
            item.caption,
          ),
        ),
      );
    }
  }
  return list;
}

/** The menus last drawn, so that a refresh bringing the same ones leaves an open menu open. */
let drawnMenus = "";

function renderMenus(state: StateView): void {
  const bar = byId("menus");
  const menus = JSON.stringify(state.menus);
  if (menus === drawnMenus && bar.childElementCount > 0) return;
  drawnMenus = menus;
  clear(bar);
  openMenu = null;
  if (state.menus.length === 0) {
    bar.append(
      h(
        "span",
        { class: "muted" },
        "Không có menu của tiện ích (Google không chạy onOpen cho người chỉ được xem).",
      ),
    );
    return;
  }
  for (const menu of state.menus) {
    const list = menuList(menu.items, [menu.caption]);
    const button = h(
      "button",
      {
        type: "button",
        class: "menu-button",
        "aria-haspopup": "menu",
        "aria-expanded": "false",
        onclick: () => {
          const wasOpen = openMenu === list;
          closeMenus();
          if (!wasOpen) {
            list.hidden = false;
            button.setAttribute("aria-expanded", "true");
            openMenu = list;
            list.querySelector<HTMLElement>("[role=menuitem]")?.focus();
          }
        },
      },
      menu.caption,
    );
    list.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") {
        closeMenus();
        button.focus();
      }
    });
    bar.append(h("div", { class: "menu" }, button, list));
  }
}

document.addEventListener("mousedown", (ev) => {
  if (openMenu && !(ev.target as HTMLElement).closest(".menu")) closeMenus();
});

async function clickMenu(path: string[]): Promise<void> {
  await busy(async () => {
    let answers: { button: string; text?: string }[] = [];
    for (;;) {
      const result = await post<ActionResult>("/api/menu", { path, answers });
      if (result.question) {
        // The script asked something: answer it, then the click runs again with every answer so far.
        const q = result.question;
        const reply = await showDialog({
          title: q.title,
          message: q.prompt,
          buttons: buttonsOf(q.buttons),
          input: q.kind === "prompt",
        });
        answers = [
          ...(result.answers ?? []),
          q.kind === "prompt" ? { button: reply.value, text: reply.text } : { button: reply.value },
        ];
        continue;
      }
      await refresh();
      await report(result, path[path.length - 1] ?? "");
      return;
    }
  });
}

// ---- the acting user, the clock ----

async function chooseUser(): Promise<void> {
  const email = byId<HTMLSelectElement>("user").value;
  await busy(async () => {
    const result = await post<ActionResult>("/api/user", { email });
    // Where this person lands: the server knows where they last looked, or their own unit's tab.
    app.spreadsheetId = "";
    app.sheetName = undefined;
    await refresh();
    await report(result, "");
    say(`Đang dùng với tư cách ${email}.`);
  });
}

/** The run's date and time as typed, or a Vietnamese message saying what to type. */
function runAt(): { date: string; time: string } | string {
  const dateText = byId<HTMLInputElement>("run-date").value;
  const timeText = byId<HTMLInputElement>("run-time").value;
  const date = isoFromVi(dateText);
  if (!date)
    return `Ngày "${dateText}" không đúng: hãy gõ ngày/tháng/năm, ví dụ ${viDate(app.state?.suggestedRunDate ?? "2023-06-15")}.`;
  const time = hourMinute(timeText);
  if (!time) return `Giờ "${timeText}" không đúng: hãy gõ giờ:phút theo 24 giờ, ví dụ 07:00 hoặc 18:30.`;
  return { date, time };
}

async function runTriggers(): Promise<void> {
  const at = runAt();
  if (typeof at === "string") return say(at, true);
  const { date, time } = at;
  await busy(async () => {
    const result = await post<ActionResult>("/api/triggers", { date, time });
    // The next run the clock brings is suggested again.
    if (result.ok || result.executions.length > 0) app.runTouched = false;
    await refresh();
    const ran = result.executions.map(
      (e) => `${e.label} ${e.ok ? "✓" : `✗ ${e.error ?? ""}`} (chạy với quyền ${e.user})`,
    );
    await report(result, "");
    if (result.executions.length > 0) {
      const mail =
        result.newMail > 0
          ? ` Đã gửi ${result.newMail} thư (xem Hộp thư đi).`
          : " Không có thư nào được gửi.";
      say(
        `Đã chạy lúc ${time} ngày ${viDate(date)}: ${ran.join("; ")}.${mail}`,
        result.executions.some((e) => !e.ok),
      );
    }
  });
}

async function setClock(): Promise<void> {
  const at = runAt();
  if (typeof at === "string") return say(at, true);
  const { date, time } = at;
  await busy(async () => {
    const result = await post<ActionResult>("/api/clock", { date, time });
    if (result.ok) app.runTouched = false;
    await refresh();
    if (!result.ok) return report(result, "");
    say(`Giờ giả lập: ${time} ngày ${viDate(date)}.`);
  });
}

/** The file's bytes as base64, in chunks (a spread of a whole file would overflow the call stack). */
function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A plan document (.txt, .docx) drafted into the "Kế hoạch" tab, as the plan dialog's "Soạn từ văn bản"
 * does: the server reads it with the command line's reader, the script writes the draft; then the tab
 * is shown, its cells to complete in yellow.
 */
async function importPlanDocument(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  await busy(async () => {
    const base64 = base64Of(new Uint8Array(await file.arrayBuffer()));
    const result = await post<ActionResult>("/api/plan-document", { name: file.name, base64 });
    await refresh();
    if (result.ok && app.state?.spreadsheets.some((s) => s.bound && s.id === app.spreadsheetId)) {
      await post<ActionResult>("/api/activate", { spreadsheetId: app.spreadsheetId, sheet: "Kế hoạch" });
      app.sheetName = "Kế hoạch";
      await loadSheet();
    }
    await report(result, "Nhập văn bản kế hoạch");
  });
}

async function resetDemo(): Promise<void> {
  const answer = await showDialog({
    title: "Làm lại từ đầu",
    message: "Xoá mọi thay đổi đã làm trong bàn thử và tạo lại bảng tính mẫu?",
    buttons: [
      { label: "Làm lại", value: "YES", primary: true },
      { label: "Huỷ", value: "NO" },
    ],
  });
  if (answer.value !== "YES") return;
  await busy(async () => {
    await post<ActionResult>("/api/reset", {});
    app.sheetName = undefined;
    app.spreadsheetId = "";
    await refresh();
    say("Đã tạo lại bảng tính mẫu.");
  });
}

// ---- the workbook ----

const grid = new Grid({
  edit: async (row, column, text) => {
    const sheet = app.sheet;
    if (!sheet) return;
    await busy(async () => {
      const result = await post<ActionResult>("/api/edit", {
        spreadsheetId: sheet.spreadsheetId,
        sheet: sheet.name,
        row,
        column,
        text,
      });
      await refresh();
      await report(result, "");
      if (result.ok) say(`Đã ghi ô ${sheet.name}!${columnLetters(column)}${row}.`);
    });
  },
  say,
});

async function chooseSpreadsheet(): Promise<void> {
  app.spreadsheetId = byId<HTMLSelectElement>("spreadsheet").value;
  app.sheetName = undefined;
  await busy(refresh);
}

/** The chosen tab, drawn from `known` when that is the tab (the server sends it with the opening call). */
async function loadSheet(known?: SheetView): Promise<void> {
  const noAccess = byId("no-access");
  const wrap = byId("grid-wrap");
  if (!app.spreadsheetId) {
    app.sheet = null;
    grid.clear();
    clear(byId("tabs"));
    wrap.hidden = true;
    noAccess.hidden = false;
    noAccess.textContent =
      "Người này chưa được chia sẻ bảng tính nào. Cấp trên chỉ xem được bản xem của bảng tính, khi chủ bảng tính đã tạo và chia sẻ bản đó.";
    return;
  }
  const query = (name?: string) =>
    `/api/sheet?ss=${encodeURIComponent(app.spreadsheetId)}${name ? `&name=${encodeURIComponent(name)}` : ""}`;
  let view: SheetView;
  try {
    view =
      known?.spreadsheetId === app.spreadsheetId && (app.sheetName ?? known.name) === known.name
        ? known
        : await get<SheetView>(query(app.sheetName));
  } catch (e) {
    if (app.sheetName === undefined) throw e;
    view = await get<SheetView>(query());
  }
  wrap.hidden = false;
  noAccess.hidden = true;
  app.sheet = view;
  app.sheetName = view.name;
  if (!grid.editing) grid.render(view);
  renderTabs(view);
}

function renderTabs(view: SheetView): void {
  const tabs = byId("tabs");
  clear(tabs);
  const ordered = [...view.tabs.filter((t) => !t.hidden), ...view.tabs.filter((t) => t.hidden)];
  for (const t of ordered) {
    const button = h(
      "button",
      {
        type: "button",
        role: "tab",
        class: t.hidden ? "tab hidden-tab" : "tab",
        "aria-selected": String(t.name === view.name),
        title: t.hidden ? "Trang bị ẩn" : undefined,
        onclick: () => void openTab(t.name),
      },
      t.hidden ? `${t.name} (ẩn)` : t.name,
    );
    if (t.color && /^#[0-9a-f]{6}$/i.test(t.color)) button.style.borderBottomColor = t.color;
    tabs.append(button);
  }
}

async function openTab(name: string): Promise<void> {
  await busy(async () => {
    // The tab the person looks at is the script's getActiveSheet() (the entry form starts on its unit),
    // and where they come back to: the server knows it before the page shows the tab.
    await post<ActionResult>("/api/activate", { spreadsheetId: app.spreadsheetId, sheet: name });
    app.sheetName = name;
    await loadSheet();
  });
}

// ---- outbox and log ----

async function showView(view: View): Promise<void> {
  app.view = view;
  byId("book").hidden = view !== "book";
  byId("outbox").hidden = view !== "outbox";
  byId("log").hidden = view !== "log";
  await busy(refresh);
}

async function loadOutbox(): Promise<void> {
  const mails = await get<MailView[]>("/api/outbox");
  const box = byId("outbox");
  if (mails.length === 0) {
    clear(box);
    box.append(
      h(
        "p",
        { class: "notice" },
        "Chưa có thư nào được gửi. Thư báo cáo tháng được gửi khi chạy trình kích hoạt theo giờ hoặc từ menu.",
      ),
    );
    return;
  }
  if (app.selectedMail < 0 || app.selectedMail >= mails.length) app.selectedMail = mails.length - 1;
  // The same mail already shown stays as it is: a new frame would be blank while it loads again.
  const shown = box.querySelector<HTMLElement>(".mail-detail");
  if (shown?.dataset["index"] === String(app.selectedMail) && box.dataset["count"] === String(mails.length))
    return;
  box.dataset["count"] = String(mails.length);
  const list = h("ul", { class: "mail-list", "aria-label": "Các thư đã gửi" });
  for (const m of [...mails].reverse()) {
    list.append(
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: m.index === app.selectedMail ? "mail selected" : "mail",
            "aria-current": m.index === app.selectedMail ? "true" : undefined,
            onclick: () => {
              app.selectedMail = m.index;
              void busy(loadOutbox);
            },
          },
          h("span", { class: "mail-subject" }, m.subject || "(không có chủ đề)"),
          h("span", { class: "mail-meta" }, `${m.sentAtText} · đến ${m.to.join(", ")}`),
        ),
      ),
    );
  }
  const m = mails[app.selectedMail]!;
  const header = (label: string, value: string) => (value ? [h("dt", {}, label), h("dd", {}, value)] : []);
  const detail = h(
    "article",
    { class: "mail-detail", "aria-label": "Thư", "data-index": String(m.index) },
    h("h2", {}, m.subject || "(không có chủ đề)"),
    h(
      "dl",
      { class: "mail-headers" },
      header("Từ", m.from),
      header("Đến", m.to.join(", ")),
      header("CC", m.cc.join(", ")),
      header("BCC", m.bcc.join(", ")),
      header("Gửi lúc", m.sentAtText),
    ),
    m.attachments.length
      ? h(
          "ul",
          { class: "attachments", "aria-label": "Tệp đính kèm" },
          m.attachments.map((a) =>
            h(
              "li",
              {},
              h(
                "a",
                { href: `/mail/${m.index}/attachments/${a.index}`, download: a.name },
                `Tệp đính kèm: ${a.name}`,
              ),
              ` (${a.contentType}, ${Math.max(1, Math.round(a.size / 1024))} KB)`,
            ),
          ),
        )
      : null,
    m.links.length ? linksOf(m) : null,
    m.hasHtml
      ? h("iframe", {
          class: "mail-html",
          sandbox: "",
          src: `/mail/${m.index}/html`,
          title: `Nội dung thư: ${m.subject}`,
        })
      : null,
    h("h3", {}, "Phần văn bản thuần"),
    h("pre", { class: "mail-text" }, m.text),
  );
  clear(box);
  box.append(list, detail);
}

/**
 * The mail's links, each with a button per recipient: "what happens when this person clicks it". The
 * workbench acts as that person and opens the spreadsheet at the tab the link names, or says they may
 * not open it.
 */
function linksOf(m: MailView): HTMLElement {
  const people = [...new Set([...m.to, ...m.cc, ...m.bcc])];
  return h(
    "section",
    { class: "mail-links", "aria-label": "Liên kết trong thư" },
    h("h3", {}, "Liên kết trong thư"),
    h(
      "ul",
      {},
      m.links.map((link) =>
        h(
          "li",
          {},
          h(
            "span",
            { class: "link-text" },
            `“${link.text}”${link.sheetName ? ` (trang ${link.sheetName})` : ""}: `,
          ),
          people.map((email) =>
            h(
              "button",
              { type: "button", class: "open-link", onclick: () => void openLink(link, email) },
              `Mở với tư cách ${email}`,
            ),
          ),
          // The mail says what to choose once the sheet is open: follow the link, then that step.
          m.menuSteps.map((path) =>
            h(
              "div",
              { class: "menu-steps" },
              people.map((email) =>
                h(
                  "button",
                  {
                    type: "button",
                    class: "open-link follow",
                    onclick: () => void openLink(link, email, path),
                  },
                  `Mở với tư cách ${email} rồi chọn “${path[path.length - 1]}”`,
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

async function openLink(link: MailLink, email: string, menuPath?: string[]): Promise<void> {
  await busy(async () => {
    if (!(app.state?.users ?? []).some((u) => u.email === email)) {
      say(`${email} không có trong danh sách người dùng của bàn thử.`, true);
      return;
    }
    const result = await post<ActionResult>("/api/user", { email });
    app.view = "book";
    byId("book").hidden = false;
    byId("outbox").hidden = true;
    byId("log").hidden = true;
    app.spreadsheetId = link.spreadsheetId;
    app.sheetName = link.sheetName ?? undefined;
    await refresh();
    await report(result, "");
    if (app.spreadsheetId !== link.spreadsheetId) {
      say(`${email} mở liên kết nhưng không có quyền xem bảng tính này.`, true);
      return;
    }
    if (link.sheetName) {
      await post<ActionResult>("/api/activate", { spreadsheetId: link.spreadsheetId, sheet: link.sheetName });
    }
    say(`Đang dùng với tư cách ${email}: đã mở liên kết “${link.text}”.`);
  });
  if (menuPath) await followMenu(email, menuPath);
}

/** The menu step a mail names, as its reader would take it: refused in Vietnamese if their menu lacks it. */
async function followMenu(email: string, path: string[]): Promise<void> {
  const item = path[path.length - 1] ?? "";
  const has = (items: MenuItemView[]): boolean =>
    items.some((i) => (i.type === "item" && i.caption === item) || (i.type === "submenu" && has(i.items)));
  const menu = app.state?.menus.find((m) => m.caption === path[0]);
  if (!menu || !has(menu.items)) {
    say(`Menu của ${email} không có mục “${item}” mà thư nói tới.`, true);
    return;
  }
  const full = (items: MenuItemView[], at: string[]): string[] | undefined => {
    for (const i of items) {
      if (i.type === "item" && i.caption === item) return [...at, i.caption];
      if (i.type === "submenu") {
        const inner = full(i.items, [...at, i.caption]);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  await clickMenu(full(menu.items, [menu.caption]) ?? path);
}

async function loadLog(): Promise<void> {
  const runs = await get<ExecutionView[]>("/api/log");
  const box = byId("log");
  clear(box);
  if (runs.length === 0) {
    box.append(h("p", { class: "notice" }, "Chưa có lần chạy nào."));
    return;
  }
  const table = h(
    "table",
    { class: "runs" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["Lúc", "Việc", "Cách chạy", "Chạy với quyền", "Kết quả", "Nhật ký"].map((t) =>
          h("th", { scope: "col" }, t),
        ),
      ),
    ),
  );
  const body = h("tbody");
  for (const r of runs) {
    body.append(
      h(
        "tr",
        { class: r.ok ? "" : "failed" },
        h("td", {}, r.atText),
        h(
          "td",
          {},
          r.label,
          r.label === r.functionName ? null : h("span", { class: "muted fn" }, ` (${r.functionName})`),
          r.does ? h("div", { class: "muted does" }, r.does) : null,
        ),
        h("td", {}, KIND_LABEL[r.kind] ?? r.kind),
        h("td", {}, r.user),
        h("td", {}, r.ok ? "✓" : `✗ ${r.error ?? ""}`),
        h("td", {}, h("pre", {}, r.logs.join("\n"))),
      ),
    );
  }
  table.append(body);
  box.append(table);
}

// ---- start ----

const panels = new Panels({
  changed: (result) => {
    void busy(async () => {
      await refresh();
      if (result) await report(result, "");
    });
  },
});
for (const id of ["run-date", "run-time"])
  byId(id).addEventListener("input", () => {
    app.runTouched = true;
  });
// Loading the page is opening the spreadsheet: pages left open close, onOpen builds the menu.
void busy(async () => {
  const opened = await post<OpenResult>("/api/open", {});
  await refresh(opened.state, opened.sheet);
});
