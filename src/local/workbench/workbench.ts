/**
 * The workbench's application layer, without HTTP: one emulated spreadsheet running the real bundle,
 * the person acting, the pages the script showed, and the file the state is kept in. Every action goes
 * through the emulator exactly as the person's action would reach Google (userEdit for typing,
 * clickMenu for the menu, runFromClient for google.script.run, runTimeTriggers for the clock), and the
 * state is written to disk after each one.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod/mini";
import { APP_TIME_ZONE } from "../app-world";
import {
  createEnvironment,
  type Environment,
  type EnvironmentState,
  type ExecutionRecord,
  type MenuEntry,
  type PanelRecord,
  type SentMail,
} from "../emulator/index";
import { fromLocal } from "../emulator/index";
import { createDemoEnvironment, DEMO_NOW } from "./demo";
import { createUpperDemo, UPPER_DEMO_NOW } from "./upper-demo";
import type {
  ActionResult,
  AlertView,
  ClockRequest,
  EditRequest,
  ExecutionView,
  MailLink,
  MailView,
  MenuRequest,
  PanelView,
  QuestionView,
  RunRequest,
  RunResponse,
  SheetView,
  SpreadsheetChoice,
  StateView,
  UserChoice,
} from "./protocol";
import { a1Of, describeTrigger, formatDateTimeVi, isoDayOf, menuItemsView, sheetView } from "./views";

export const STATE_FILE = "workbench.json";
const FILE_FORMAT = "ke-hoach-sheet-workbench";
const HISTORY_LIMIT = 200;

/** The saved file: the emulator's snapshot, wrapped so a foreign or damaged file is recognised. */
const SavedSchema = z.object({
  format: z.literal(FILE_FORMAT),
  version: z.literal(1),
  env: z.looseObject({
    version: z.literal(1),
    now: z.string(),
    owner: z.string(),
    activeUser: z.string(),
    spreadsheets: z.looseObject({ spreadsheets: z.array(z.unknown()) }),
  }),
});

export interface WorkbenchOptions {
  /** Directory of build/Code.js and the built pages. */
  buildDir: string;
  /** Directory of the saved state (created if missing). */
  dataDir: string;
  /** Where to say what happened at start (a damaged state file, a fresh demo). */
  log?: (line: string) => void;
  /** "cap-tren": an upper level's workbook with three communes (kept in a file of its own). */
  demo?: "xa" | "cap-tren";
}

interface Panel extends PanelView {
  content: string;
}

interface Mark {
  executions: number;
  alerts: number;
  prompts: number;
  sidebars: number;
  dialogs: number;
  outbox: number;
  toasts: number;
}

const GOOGLE_MESSAGES: [RegExp, string][] = [
  [/protected cell/i, "Ô này được bảo vệ: bạn không có quyền sửa."],
  [/do not have permission to edit/i, "Bạn chỉ có quyền xem bảng tính này."],
  [/do not have permission to access/i, "Bạn không có quyền mở bảng tính này."],
  [/outside the dimensions/i, "Ô nằm ngoài phạm vi của trang."],
];

/** Google's refusal, said in Vietnamese first, with Google's own words kept for reference. */
function refusal(e: unknown): string {
  const original = e instanceof Error ? e.message : String(e);
  const vi = GOOGLE_MESSAGES.find(([re]) => re.test(original))?.[1];
  return vi ? `${vi} (Google: ${original})` : original;
}

function readOnlyCall(name: string): boolean {
  const method = name.slice(name.lastIndexOf(".") + 1);
  return /^(get|is|can|has)/.test(method) || name.startsWith("Logger.") || name.startsWith("console.");
}

export class Workbench {
  readonly code: string;
  private readonly htmlDir: string;
  private readonly statePath: string;
  private readonly log: (line: string) => void;
  private env!: Environment;
  private functions: string[] = [];
  private saved!: EnvironmentState;
  private cachedUsers: UserChoice[] = [];
  private history: ExecutionView[] = [];
  private sidebar: Panel | null = null;
  private dialog: Panel | null = null;
  private panelSeq = 0;
  private readonly upper: boolean;
  version = 0;

  constructor(opts: WorkbenchOptions) {
    const codePath = join(opts.buildDir, "Code.js");
    if (!existsSync(codePath)) {
      throw new Error(`Không thấy ${codePath}. Hãy chạy "npm run build" (hoặc "npm start") trước.`);
    }
    this.code = readFileSync(codePath, "utf8");
    this.htmlDir = opts.buildDir;
    mkdirSync(opts.dataDir, { recursive: true });
    this.upper = opts.demo === "cap-tren";
    this.statePath = join(opts.dataDir, this.upper ? "workbench-cap-tren.json" : STATE_FILE);
    this.log = opts.log ?? (() => {});
    if (!this.loadSaved()) this.startDemo();
  }

  // ---- state on disk ----

  private loadSaved(): boolean {
    if (!existsSync(this.statePath)) return false;
    try {
      const parsed = SavedSchema.parse(JSON.parse(readFileSync(this.statePath, "utf8")));
      this.adopt(parsed.env as unknown as EnvironmentState);
      this.log(`Đã mở lại bảng tính đã lưu: ${this.statePath}`);
      return true;
    } catch (e) {
      // Never overwrite what cannot be read: keep it aside for whoever wants to look at it.
      const aside = `${this.statePath}.hong-${Date.now()}`;
      renameSync(this.statePath, aside);
      this.log(
        `Không đọc được ${this.statePath} (${e instanceof Error ? e.message : String(e)}); đã đổi tên thành ${aside} và tạo bảng tính mẫu mới.`,
      );
      return false;
    }
  }

  private startDemo(): void {
    this.env = this.upper
      ? createUpperDemo({ code: this.code, htmlDir: this.htmlDir })
      : createDemoEnvironment({ code: this.code, htmlDir: this.htmlDir });
    this.functions = this.publicFunctions(this.env);
    this.env.open();
    this.sidebar = null;
    this.dialog = null;
    this.history = [];
    this.commit();
    const now = this.upper ? UPPER_DEMO_NOW : DEMO_NOW;
    this.log(`Đã tạo bảng tính mẫu (giờ giả lập ${formatDateTimeVi(now, this.timeZone)}).`);
  }

  /** A fresh environment from a snapshot, the bundle loaded, opened by the acting user. */
  private adopt(state: EnvironmentState): void {
    const env = createEnvironment({ state, htmlDir: this.htmlDir });
    this.functions = this.publicFunctions(env);
    env.open();
    this.env = env;
    this.saved = env.snapshot();
    this.cachedUsers = this.computeUsers();
    this.version++;
  }

  private publicFunctions(env: Environment): string[] {
    return Object.keys(env.load(this.code)).filter((name) => !name.endsWith("_"));
  }

  /** Snapshot, write to disk (atomically: a crash leaves the old file or the new one), bump the version. */
  private commit(): void {
    this.saved = this.env.snapshot();
    const body = JSON.stringify({ format: FILE_FORMAT, version: 1, env: this.saved });
    const tmp = `${this.statePath}.tmp`;
    writeFileSync(tmp, body);
    renameSync(tmp, this.statePath);
    this.cachedUsers = this.computeUsers();
    this.version++;
  }

  get timeZone(): string {
    return this.saved?.timeZone ?? APP_TIME_ZONE;
  }

  get user(): string {
    return this.env.user;
  }

  // ---- who can act ----

  private boundId(): string {
    return this.saved.spreadsheets.boundId ?? "";
  }

  /**
   * The people of the sheet: the office (the owner who set it up, and the administrators), the
   * chairman, each unit's editors and the upper level from the stored settings (read through the
   * settings endpoint, as the owner), and anyone the files are shared with.
   */
  private computeUsers(): UserChoice[] {
    const owner = this.saved.owner;
    const office = this.upper ? "Văn phòng cấp trên" : "Văn phòng UBND xã";
    const out: UserChoice[] = [{ email: owner, label: `${office} (chủ bảng tính)`, group: "owner" }];
    const labels = new Map<string, { units: string[]; group: UserChoice["group"]; label?: string }>();
    const note = (email: string, group: UserChoice["group"], unit?: string, label?: string) => {
      const key = email.trim().toLowerCase();
      if (key === "" || key === owner.toLowerCase()) return;
      const entry = labels.get(key) ?? { units: [], group };
      if (unit && !entry.units.includes(unit)) entry.units.push(unit);
      if (label && !entry.label) entry.label = label;
      labels.set(key, entry);
    };
    const settings = this.readSettings();
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
    for (const ss of this.saved.spreadsheets.spreadsheets) {
      // The upper level's demo holds its communes' files too: only its own workbook's people act here.
      if (ss.deleted || (this.upper && ss.id !== this.boundId())) continue;
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
      });
    }
    const order: Record<UserChoice["group"], number> = { owner: 0, editor: 1, chairman: 2, upperLevel: 3 };
    return out.sort((a, b) => order[a.group] - order[b.group]);
  }

  private readSettings():
    | {
        settings: {
          unitEditors: Record<string, string[]>;
          chairmanEmail: string;
          upperLevelEmails: string[];
          upperLevelName: string;
          adminEmails?: string[] | undefined;
        };
        units: { id: string; tabName: string }[];
      }
    | undefined {
    if (!this.functions.includes("getSettingsState")) return undefined;
    const acting = this.env.user;
    try {
      this.env.setUser(this.saved.owner);
      const r = this.env.runFromClient("getSettingsState", []);
      const Shape = z.object({
        settings: z.object({
          unitEditors: z.record(z.string(), z.array(z.string())),
          chairmanEmail: z.string(),
          upperLevelEmails: z.array(z.string()),
          upperLevelName: z.string(),
          adminEmails: z.optional(z.array(z.string())),
        }),
        units: z.array(z.object({ id: z.string(), tabName: z.string() })),
      });
      const parsed = r.ok ? z.safeParse(Shape, r.value) : undefined;
      return parsed?.success ? parsed.data : undefined;
    } finally {
      // The workbench's own read: it runs between actions, so it never shows in their results.
      this.env.setUser(acting);
    }
  }

  users(): UserChoice[] {
    return this.cachedUsers;
  }

  // ---- what the page shows ----

  state(): StateView {
    const env = this.env;
    const tz = this.timeZone;
    const triggers = env.triggers.map((t) => describeTrigger(t, tz));
    return {
      version: this.version,
      planName: env.ui.menus[0]?.caption ?? "Kế hoạch",
      now: env.now().toISOString(),
      nowText: formatDateTimeVi(env.now(), tz),
      user: env.user,
      users: this.users(),
      menus: env.ui.menus.map((m) => ({ caption: m.caption || "Tiện ích", items: menuItemsView(m.items) })),
      spreadsheets: this.spreadsheetsFor(env.user),
      triggers,
      sidebar: this.sidebar ? this.panelView(this.sidebar) : null,
      dialog: this.dialog ? this.panelView(this.dialog) : null,
      outboxCount: env.outbox.length,
      suggestedRunDate: this.suggestedRunDate(),
    };
  }

  /**
   * The last day a monthly (month-day) trigger was due, on or before today (the report the demo has
   * not sent yet); today when there is no such trigger.
   */
  private suggestedRunDate(): string {
    const tz = this.timeZone;
    const today = isoDayOf(this.env.now(), tz);
    const days = this.env.triggers
      .filter((t) => t.eventType === "CLOCK" && t.clock?.kind === "monthDay")
      .map((t) => t.clock?.monthDay ?? 1);
    if (days.length === 0) return today;
    const [y, m, d] = today.split("-").map(Number) as [number, number, number];
    const day = Math.min(...days);
    const pad = (n: number) => String(n).padStart(2, "0");
    if (d >= day) return `${y}-${pad(m)}-${pad(day)}`;
    return m === 1 ? `${y - 1}-12-${pad(day)}` : `${y}-${pad(m - 1)}-${pad(day)}`;
  }

  private panelView(p: Panel): PanelView {
    return { seq: p.seq, kind: p.kind, title: p.title, width: p.width, height: p.height };
  }

  private spreadsheetsFor(user: string): SpreadsheetChoice[] {
    const out: SpreadsheetChoice[] = [];
    for (const ss of this.saved.spreadsheets.spreadsheets) {
      if (ss.deleted) continue;
      const role = this.env.sheets.role(ss.id, user);
      if (role === "none") continue;
      out.push({ id: ss.id, name: ss.name, bound: ss.id === this.boundId(), role });
    }
    return out.sort((a, b) => Number(b.bound) - Number(a.bound));
  }

  /** A tab as the acting user sees it; undefined when they may not open that spreadsheet or it has no such tab. */
  sheet(spreadsheetId: string, name: string | undefined): SheetView | undefined {
    const user = this.env.user;
    const role = this.env.sheets.role(spreadsheetId, user);
    if (role === "none") return undefined;
    const ss = this.saved.spreadsheets.spreadsheets.find((s) => s.id === spreadsheetId && !s.deleted);
    if (!ss) return undefined;
    const visible = ss.sheets.filter((s) => !s.hidden);
    const active = ss.sheets.find((s) => s.sheetId === ss.activeSheetId && !s.hidden);
    const tab = name ?? active?.name ?? visible[0]?.name ?? ss.sheets[0]?.name;
    if (tab === undefined) return undefined;
    return sheetView({
      state: this.saved.spreadsheets,
      spreadsheetId,
      sheetName: tab,
      user,
      role,
      canEdit: (row, col) => this.env.sheets.canEdit(spreadsheetId, tab, row, col, user),
    });
  }

  executions(): ExecutionView[] {
    return [...this.history].reverse();
  }

  outbox(): MailView[] {
    const tz = this.timeZone;
    return this.env.outbox.map((m, index) => ({
      index,
      from: m.from,
      to: m.to,
      cc: m.cc,
      bcc: m.bcc,
      subject: m.subject,
      sentAt: m.sentAt.toISOString(),
      sentAtText: formatDateTimeVi(m.sentAt, tz),
      hasHtml: m.htmlBody !== undefined,
      text: m.body,
      links: this.linksOf(m),
      attachments: m.attachments.map((a, k) => ({
        index: k,
        name: a.name ?? `tep-dinh-kem-${k + 1}`,
        contentType: a.contentType ?? "application/octet-stream",
        size: a.size,
      })),
    }));
  }

  /**
   * The links to emulated spreadsheets in a mail: the HTML part's anchors (built by the add-in, values
   * escaped), else the addresses in the text part; each with the tab its #gid names.
   */
  private linksOf(m: SentMail): MailLink[] {
    const out: MailLink[] = [];
    const seen = new Set<string>();
    const add = (url: string, text: string) => {
      const found =
        /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)[^#\s]*(?:#gid=(\d+))?/.exec(url);
      if (!found || seen.has(url)) return;
      seen.add(url);
      const ss = this.saved.spreadsheets.spreadsheets.find((x) => x.id === found[1] && !x.deleted);
      if (!ss) return;
      const tab = found[2] === undefined ? undefined : ss.sheets.find((t) => String(t.sheetId) === found[2]);
      out.push({ text, spreadsheetId: ss.id, sheetName: tab?.name ?? null });
    };
    const unescapeHtml = (t: string) =>
      t
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
    for (const a of (m.htmlBody ?? "").matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)) {
      add(unescapeHtml(a[1]!), unescapeHtml(a[2]!));
    }
    for (const u of m.body.matchAll(/https:\/\/docs\.google\.com\/spreadsheets\/d\/[^\s)]+/g))
      add(u[0], u[0]);
    return out;
  }

  mail(index: number): SentMail | undefined {
    return this.env.outbox[index];
  }

  panelContent(seq: number): { content: string; endpoints: string[] } | undefined {
    const p = [this.sidebar, this.dialog].find((x) => x?.seq === seq);
    return p ? { content: p.content, endpoints: this.functions } : undefined;
  }

  // ---- actions ----

  private mark(): Mark {
    const ui = this.env.ui;
    return {
      executions: this.env.executions.length,
      alerts: ui.alerts.length,
      prompts: ui.prompts.length,
      sidebars: ui.sidebars.length,
      dialogs: ui.dialogs.length,
      outbox: this.env.outbox.length,
      toasts: this.env.sheets.toasts().length,
    };
  }

  private executionView(r: ExecutionRecord): ExecutionView {
    const view: ExecutionView = {
      id: r.id,
      functionName: r.functionName,
      kind: r.kind,
      user: r.effectiveUser,
      at: r.startedAt.toISOString(),
      ok: r.ok,
      logs: this.env.logs.filter((l) => l.executionId === r.id).map((l) => l.message),
    };
    if (r.error !== undefined) view.error = r.error;
    return view;
  }

  /** What happened since `m`: the executions, alerts, toasts and mail; new pages become the open ones. */
  private since(m: Mark): ActionResult {
    const env = this.env;
    const executions = env.executions.slice(m.executions).map((r) => this.executionView(r));
    this.history.push(...executions);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    const alerts: AlertView[] = env.ui.alerts.slice(m.alerts).map((a) => ({
      title: a.title ?? "",
      prompt: a.prompt,
      buttons: a.buttons,
      response: a.response,
    }));
    const newSidebar = env.ui.sidebars.slice(m.sidebars).at(-1);
    if (newSidebar) this.sidebar = this.toPanel(newSidebar);
    const newDialog = env.ui.dialogs.slice(m.dialogs).at(-1);
    if (newDialog) this.dialog = this.toPanel(newDialog);
    const toasts = env.sheets
      .toasts()
      .slice(m.toasts)
      .map((t) => ({ title: t.title, message: t.message }));
    return {
      ok: executions.every((e) => e.ok),
      executions,
      alerts,
      toasts,
      newMail: env.outbox.length - m.outbox,
    };
  }

  private toPanel(p: PanelRecord): Panel {
    const sidebar = p.kind === "sidebar";
    return {
      seq: ++this.panelSeq,
      kind: p.kind,
      title: p.title,
      // Google's defaults when the script sets no size.
      width: sidebar ? 300 : (p.width ?? 600),
      height: sidebar ? 0 : (p.height ?? 400),
      content: p.content,
    };
  }

  /** Pick who acts; they open the spreadsheet (their menu is built by onOpen, if Google runs it for them). */
  setUser(email: string): ActionResult {
    const chosen = this.users().find((u) => u.email.toLowerCase() === email.trim().toLowerCase());
    if (!chosen) return this.refused("Người này không có trong danh sách người dùng của bảng tính.");
    const m = this.mark();
    this.env.setUser(chosen.email);
    this.sidebar = null;
    this.dialog = null;
    this.env.open();
    const result = this.since(m);
    this.commit();
    return result;
  }

  /**
   * The page was (re)loaded: in Google that is opening the spreadsheet again, so open pages close and
   * onOpen builds the acting user's menu afresh.
   */
  reopen(): ActionResult {
    const m = this.mark();
    this.sidebar = null;
    this.dialog = null;
    this.env.resetCalls();
    this.env.open();
    const wrote = Object.keys(this.env.calls.counts).some((name) => !readOnlyCall(name));
    const result = this.since(m);
    if (wrote) this.commit();
    else this.version++;
    return result;
  }

  private refused(message: string): ActionResult {
    return { ok: false, message, executions: [], alerts: [], toasts: [], newMail: 0 };
  }

  /** The acting user types `text` into one cell of the bound spreadsheet, as in Google's grid. */
  edit(req: EditRequest): ActionResult {
    if (req.spreadsheetId !== this.boundId()) {
      return this.refused("Bàn thử chỉ cho sửa trực tiếp bảng tính chính; bản này chỉ để xem.");
    }
    const m = this.mark();
    try {
      this.env.userEdit(req.sheet, a1Of(req.row, req.column), [[req.text]], { typed: true });
    } catch (e) {
      return this.refused(refusal(e));
    }
    const result = this.since(m);
    this.commit();
    return result;
  }

  /** The tab the user clicked becomes the active one (what SpreadsheetApp.getActiveSheet gives). */
  activate(spreadsheetId: string, sheet: string): ActionResult {
    const done: ActionResult = { ok: true, executions: [], alerts: [], toasts: [], newMail: 0 };
    if (spreadsheetId !== this.boundId()) return done;
    try {
      this.env.setActiveSheet(sheet);
    } catch (e) {
      return this.refused(refusal(e));
    }
    this.commit();
    return done;
  }

  private findMenuItem(path: readonly string[]): MenuEntry | undefined {
    const [caption, ...rest] = path;
    const menu = this.env.ui.menus.find((m) => (m.caption || "Tiện ích") === caption);
    if (!menu) return undefined;
    let items: MenuEntry[] = menu.items;
    let found: MenuEntry | undefined;
    for (const step of rest) {
      found = items.find((it) => it.type !== "separator" && it.caption === step);
      if (!found || found.type === "separator") return undefined;
      if (found.type === "submenu") items = found.items;
    }
    return found?.type === "item" ? found : undefined;
  }

  /**
   * A menu item, as the acting user. The emulator answers dialogs from a queue; when the script asks a
   * question nobody has answered yet, the click is undone (the state restored from the last save) and
   * the question goes to the page, which sends the click again with the answers.
   */
  clickMenu(req: MenuRequest): ActionResult {
    if (!this.findMenuItem(req.path)) return this.refused("Không có mục menu này.");
    const answers = req.answers ?? [];
    const m = this.mark();
    for (const a of answers) this.env.ui.respond(a.text === undefined ? { button: a.button } : a);
    const path = [...req.path];
    const menu = this.env.ui.menus.find((x) => (x.caption || "Tiện ích") === path[0]);
    if (menu && menu.caption === "") path.shift();
    this.env.clickMenu(...path);
    const question = this.unanswered(m, answers.length);
    if (question) {
      this.adopt(this.saved);
      return { ok: true, executions: [], alerts: [], toasts: [], newMail: 0, question, answers };
    }
    const result = this.since(m);
    this.commit();
    return result;
  }

  private unanswered(m: Mark, answered: number): QuestionView | undefined {
    const ui = this.env.ui;
    const asked: QuestionView[] = [
      ...ui.alerts
        .slice(m.alerts)
        .filter((a) => a.buttons !== "OK")
        .map((a) => ({ kind: "alert" as const, title: a.title ?? "", prompt: a.prompt, buttons: a.buttons })),
      ...ui.prompts.slice(m.prompts).map((p) => ({
        kind: "prompt" as const,
        title: p.title ?? "",
        prompt: p.prompt,
        buttons: p.buttons,
      })),
    ];
    return asked.length > answered ? asked[answered] : undefined;
  }

  /** google.script.run from the open page `panel`: only the script's public functions. */
  run(req: RunRequest): RunResponse & { result: ActionResult } {
    const open = [this.sidebar, this.dialog].some((p) => p?.seq === req.panel);
    if (!open) {
      const message = "Trang này đã đóng. Hãy mở lại từ menu.";
      return { ok: false, error: message, result: this.refused(message) };
    }
    if (!this.functions.includes(req.name)) {
      const error = `TypeError: google.script.run.${req.name} is not a function`;
      return { ok: false, error, result: this.refused(error) };
    }
    const m = this.mark();
    this.env.resetCalls();
    const r = this.env.runFromClient(req.name, req.args);
    const wrote = Object.keys(this.env.calls.counts).some((name) => !readOnlyCall(name));
    const result = this.since(m);
    if (wrote || result.newMail > 0) this.commit();
    else this.version++;
    return r.ok ? { ok: true, value: r.value, result } : { ok: false, error: r.error, result };
  }

  /** google.script.host.close(), or the ✕ of the panel. */
  closePanel(seq: number): void {
    if (this.sidebar?.seq === seq) this.sidebar = null;
    if (this.dialog?.seq === seq) this.dialog = null;
    this.version++;
  }

  private instant(req: ClockRequest): Date {
    const [y, m, d] = req.date.split("-").map(Number) as [number, number, number];
    const [hh, mm] = req.time.split(":").map(Number) as [number, number];
    return fromLocal(this.timeZone, y, m, d, hh, mm);
  }

  /**
   * The time-driven triggers due at that minute run, as whoever installed them. A later date moves the
   * clock there (time passed); an earlier one is a replay of that morning, and the clock comes back, so
   * what people typed since is not suddenly "in the future".
   */
  runTimeTriggers(req: ClockRequest): ActionResult {
    const m = this.mark();
    const before = this.env.now();
    const at = this.instant(req);
    this.env.runTimeTriggers(at);
    if (at.getTime() < before.getTime()) this.env.setNow(before);
    const result = this.since(m);
    this.commit();
    if (result.executions.length === 0) {
      const due = this.env.triggers
        .filter((t) => t.eventType === "CLOCK")
        .map((t) => describeTrigger(t, this.timeZone));
      result.message =
        `Không có trình kích hoạt theo giờ nào đến hạn lúc ${req.time} ngày ${req.date.split("-").reverse().join("/")}.` +
        (due.length > 0 ? ` Lịch chạy: ${due.map((t) => `${t.handler} – ${t.when}`).join("; ")}.` : "");
    }
    return result;
  }

  /** Set the emulator's clock without running anything. */
  setClock(req: ClockRequest): ActionResult {
    this.env.setNow(this.instant(req));
    this.commit();
    return { ok: true, executions: [], alerts: [], toasts: [], newMail: 0 };
  }

  /** "Làm lại từ đầu": the demo workbook again, as on the first start. */
  reset(): ActionResult {
    this.startDemo();
    return { ok: true, executions: [], alerts: [], toasts: [], newMail: 0 };
  }
}
