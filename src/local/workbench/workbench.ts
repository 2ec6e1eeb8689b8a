/**
 * The workbench's application layer, without HTTP: one emulated spreadsheet running the real bundle,
 * the person acting, the pages the script showed, and the state kept on disk. Every action goes
 * through the emulator exactly as the person's action would reach Google (userEdit for typing,
 * clickMenu for the menu, runFromClient for google.script.run, runTimeTriggers for the clock).
 *
 * Each action that changes anything is one line of a journal (store.ts), applied by `apply`, the one
 * function both a live action and the replay at start go through: what is replayed is what was done.
 * The emulator's random ids are drawn from the action's number, so a replay gives the same workbook.
 */
import { createHash } from "node:crypto";
import { mkdirSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue } from "../../core/cell";
import { APP_TIME_ZONE } from "../app-world";
import {
  createEnvironment,
  type Environment,
  type EnvironmentState,
  type ExecutionRecord,
  fromLocal,
  type MenuEntry,
  type PanelRecord,
  type SentMail,
  type SheetsState,
} from "../emulator/index";
import { DEMO_NOW } from "./demo";
import { demoState } from "./demo-cache";
import { type Person, readPeople } from "./people";
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
import { type Base, type Line, type Op, type Places, Store } from "./store";
import {
  a1Of,
  describeTrigger,
  formatDateTimeVi,
  menuItemsView,
  nextMonthlyRun,
  sheetView,
  TRIGGER_WORK,
} from "./views";

export { JOURNAL_FILE, STATE_FILE } from "./store";

const HISTORY_LIMIT = 200;

export interface DownloadTab {
  name: string;
  hidden: boolean;
  /** Row 1 first; dates as instants, null where a row has a gap. */
  values: CellValue[][];
}

export interface WorkbenchOptions {
  /** Directory of build/Code.js and the built pages. */
  buildDir: string;
  /** Directory of the saved state (created if missing). */
  dataDir: string;
  /** Where to say what happened at start (a damaged state file, a fresh demo). */
  log?: (line: string) => void;
  /** Quiet time after an action before the base is rewritten (default 2 s; 0: only on close or by count). */
  compactAfterMs?: number;
  /** Actions after which the base is rewritten at once (default 100): a replay after a kill stays short. */
  compactEvery?: number;
  /** "cap-tren": an upper level's workbook with three communes, kept in a folder of its own (cap-tren/). */
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

/** `chọn menu "Phòng, chống mại dâm 2023" → "Duyệt báo cáo tháng…"` → the path, once per path. */
export function menuStepsOf(text: string): string[][] {
  const out: string[][] = [];
  for (const m of text.matchAll(/menu\s+"([^"\n]{1,200})"((?:\s*→\s*"[^"\n]{1,200}")+)/g)) {
    const path = [m[1]!, ...[...m[2]!.matchAll(/"([^"\n]+)"/g)].map((x) => x[1]!)];
    if (!out.some((p) => p.join("\u0000") === path.join("\u0000"))) out.push(path);
  }
  return out;
}

/** The bundle's Code.js in `buildDir`, or what to run when it is missing. */
export function requireCode(buildDir: string): string {
  const codePath = join(buildDir, "Code.js");
  if (!existsSync(codePath)) {
    throw new Error(`Không thấy ${codePath}. Hãy chạy "npm run build" (hoặc "npm start") trước.`);
  }
  return codePath;
}

const done = (): ActionResult => ({ ok: true, executions: [], alerts: [], toasts: [], newMail: 0 });

export class Workbench {
  readonly code: string;
  private readonly htmlDir: string;
  private readonly store: Store;
  private readonly log: (line: string) => void;
  private readonly compactAfterMs: number;
  private readonly compactEvery: number;
  private readonly upper: boolean;
  private env!: Environment;
  private functions: string[] = [];
  /** The base on disk (as written: a rebuild parses it afresh) and the journal's actions since. */
  private baseText = "";
  private lines: Line[] = [];
  /** Number of the last action applied; the emulator's ids of an action are drawn from it. */
  private seq = 0;
  private uuidCount = 0;
  private places: Places = {};
  private people: Person[] = [];
  /** The account that set the workbook up (the emulator world's owner). */
  private owner = "";
  /** Executions the workbench ran for itself (reading the settings), left out of what people see. */
  private readonly ownRuns = new Set<number>();
  private history: ExecutionView[] = [];
  private sidebar: Panel | null = null;
  private dialog: Panel | null = null;
  private panelSeq = 0;
  private meta: { version: number; state: SheetsState } | null = null;
  private timer: NodeJS.Timeout | undefined;
  timeZone = APP_TIME_ZONE;
  version = 0;

  constructor(opts: WorkbenchOptions) {
    this.code = readFileSync(requireCode(opts.buildDir), "utf8");
    this.htmlDir = opts.buildDir;
    this.compactAfterMs = opts.compactAfterMs ?? 2000;
    this.compactEvery = opts.compactEvery ?? 100;
    this.upper = opts.demo === "cap-tren";
    // The upper level's demo is another workbook: its base and journal never mix with the commune's.
    const dataDir = this.upper ? join(opts.dataDir, "cap-tren") : opts.dataDir;
    mkdirSync(dataDir, { recursive: true });
    this.log = opts.log ?? (() => {});
    this.store = new Store(dataDir, this.log);
    if (!this.loadSaved()) this.startDemo();
  }

  // ---- state on disk ----

  /** A uuid from the action's number and its count within the action: the same on every replay. */
  private uuid = (): string => {
    const h = createHash("sha1")
      .update(`${this.seq}:${this.uuidCount++}`)
      .digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };

  private loadSaved(): boolean {
    const loaded = this.store.load();
    if (!loaded) return false;
    this.baseText = loaded.text;
    this.rebuild(loaded.base, loaded.lines);
    const replayed = loaded.lines.length;
    this.log(
      `Đã mở lại bảng tính đã lưu: ${this.store.basePath}` +
        (replayed > 0 ? ` (và ${replayed} thao tác từ nhật ký ${this.store.journalPath}).` : "."),
    );
    return true;
  }

  /** The base's world, then every action of the journal after it, as they were done. */
  private rebuild(base: Base, lines: Line[]): void {
    this.places = { ...base.places };
    this.seq = base.seq;
    this.adopt(base.env);
    this.lines = [];
    for (const line of lines) {
      this.seq = line.seq;
      try {
        this.apply(line.op);
      } catch (e) {
        this.log(`Không chạy lại được thao tác ${line.seq} (${line.op.op}): ${String(e)}; dừng ở đó.`);
        break;
      }
      this.lines.push(line);
    }
  }

  private startDemo(): void {
    this.seq = 0;
    const state = this.upper
      ? createUpperDemo({ code: this.code, htmlDir: this.htmlDir }).snapshot()
      : demoState(this.code, this.htmlDir, this.uuid);
    this.places = {};
    this.sidebar = null;
    this.dialog = null;
    this.history = [];
    this.adopt(state);
    clearTimeout(this.timer);
    this.baseText = this.store.writeBase({ seq: 0, places: {}, env: state });
    this.lines = [];
    const now = this.upper ? UPPER_DEMO_NOW : DEMO_NOW;
    this.log(`Đã tạo bảng tính mẫu (giờ giả lập ${formatDateTimeVi(now, this.timeZone)}).`);
  }

  /** A fresh environment from a snapshot, the bundle loaded, opened by the acting user. */
  private adopt(state: EnvironmentState): void {
    const env = createEnvironment({ state, htmlDir: this.htmlDir, uuid: this.uuid });
    this.timeZone = state.timeZone ?? APP_TIME_ZONE;
    this.owner = state.owner;
    this.functions = this.publicFunctions(env);
    env.open();
    this.env = env;
    // Execution ids start again in a new environment: ids of the old one's own runs would hide its runs.
    this.ownRuns.clear();
    this.changed();
  }

  private publicFunctions(env: Environment): string[] {
    return Object.keys(env.load(this.code)).filter((name) => !name.endsWith("_"));
  }

  /** Something changed: views computed before are stale, and the people may have changed. */
  private changed(): void {
    this.version++;
    this.meta = null;
    this.people = readPeople(
      this.env,
      this.functions,
      this.metaState(),
      this.owner,
      this.ownRuns,
      this.upper,
    );
  }

  /** After an action that changed something: its journal line, then the base when it is time. */
  private record(op: Op): void {
    const line: Line = { seq: this.seq, at: this.env.now().toISOString(), op };
    this.store.append(line);
    this.lines.push(line);
    if (this.lines.length >= this.compactEvery) this.compact();
    else if (this.compactAfterMs > 0) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        try {
          this.compact();
        } catch (e) {
          // The journal still holds every action: nothing is lost, the next start replays it.
          this.log(`Chưa ghi được bản lưu đầy đủ (${e instanceof Error ? e.message : String(e)}).`);
        }
      }, this.compactAfterMs);
      this.timer.unref();
    }
  }

  /** Writes the whole state as the new base; the journal starts again empty. */
  compact(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lines.length === 0 && this.baseText !== "") return;
    this.baseText = this.store.writeBase({ seq: this.seq, places: this.places, env: this.env.snapshot() });
    this.lines = [];
  }

  /** Journal lines since the last base (for tests and the bench). */
  get journalLength(): number {
    return this.lines.length;
  }

  /** A clean stop: everything into the base, so the next start replays nothing. */
  close(): void {
    this.compact();
  }

  /** The whole state now (for tests: a replay must give exactly this). */
  snapshot(): EnvironmentState {
    return this.env.snapshot();
  }

  /**
   * The one way the workbook changes. Deterministic: the same action on the same state gives the same
   * state, live or replayed. Throws when the emulator refuses (nothing changed then).
   */
  private apply(op: Op): unknown {
    this.uuidCount = 0;
    const env = this.env;
    let result: unknown;
    switch (op.op) {
      case "user": {
        env.setUser(op.email);
        const place = this.placeOf(op.email);
        if (place && place.spreadsheetId === this.boundId()) env.setActiveSheet(place.sheet);
        result = env.open();
        break;
      }
      case "open":
        result = env.open();
        break;
      case "edit":
        result = env.userEdit(op.req.sheet, a1Of(op.req.row, op.req.column), [[op.req.text]], {
          typed: true,
        });
        break;
      case "activate":
        if (op.spreadsheetId === this.boundId()) env.setActiveSheet(op.sheet);
        this.places[env.user.toLowerCase()] = { spreadsheetId: op.spreadsheetId, sheet: op.sheet };
        break;
      case "menu": {
        for (const a of op.answers) env.ui.respond(a.text === undefined ? { button: a.button } : a);
        const path = [...op.path];
        const menu = env.ui.menus.find((x) => (x.caption || "Tiện ích") === path[0]);
        if (menu && menu.caption === "") path.shift();
        result = env.clickMenu(...path);
        break;
      }
      case "run":
        result = env.runFromClient(op.name, op.args);
        break;
      case "triggers":
        result = env.runTimeTriggers(this.instant(op.at));
        break;
      case "clock":
        env.setNow(this.instant(op.at));
        break;
    }
    this.changed();
    return result;
  }

  // ---- who can act ----

  get user(): string {
    return this.env.user;
  }

  private metaState(): SheetsState {
    if (this.meta?.version !== this.version) {
      this.meta = { version: this.version, state: this.env.sheets.snapshot("none") };
    }
    return this.meta.state;
  }

  private boundId(): string {
    return this.metaState().boundId ?? "";
  }

  users(): UserChoice[] {
    return this.people.map(({ email, label, group }) => ({ email, label, group }));
  }

  /**
   * Where a person lands: the tab they last looked at (if they still may), else their own unit's tab,
   * else the first tab they can see of the first spreadsheet they can open.
   */
  private placeOf(user: string): { spreadsheetId: string; sheet: string } | null {
    const state = this.metaState();
    const open = state.spreadsheets.filter((s) => !s.deleted && this.env.sheets.role(s.id, user) !== "none");
    const has = (id: string, sheet: string) =>
      open.some((s) => s.id === id && s.sheets.some((t) => t.name === sheet && !t.hidden));
    const remembered = this.places[user.toLowerCase()];
    if (remembered && has(remembered.spreadsheetId, remembered.sheet)) return remembered;
    const bound = open.find((s) => s.id === state.boundId);
    const own = this.people.find((p) => p.email.toLowerCase() === user.toLowerCase())?.units[0];
    if (bound && own && has(bound.id, own)) return { spreadsheetId: bound.id, sheet: own };
    const first = bound ?? open[0];
    const tab = first?.sheets.find((t) => !t.hidden);
    return first && tab ? { spreadsheetId: first.id, sheet: tab.name } : null;
  }

  // ---- what the page shows ----

  state(): StateView {
    const env = this.env;
    const tz = this.timeZone;
    const next = nextMonthlyRun(env.triggers, env.now(), tz);
    return {
      version: this.version,
      planName: env.ui.menus[0]?.caption ?? "Kế hoạch",
      now: env.now().toISOString(),
      nowText: formatDateTimeVi(env.now(), tz),
      user: env.user,
      users: this.users(),
      menus: env.ui.menus.map((m) => ({ caption: m.caption || "Tiện ích", items: menuItemsView(m.items) })),
      spreadsheets: this.spreadsheetsFor(env.user),
      triggers: env.triggers.map((t) => describeTrigger(t, tz)),
      sidebar: this.sidebar ? this.panelView(this.sidebar) : null,
      dialog: this.dialog ? this.panelView(this.dialog) : null,
      outboxCount: env.outbox.length,
      suggestedRunDate: next.date,
      suggestedRunTime: next.time,
      place: this.placeOf(env.user),
    };
  }

  private panelView(p: Panel): PanelView {
    return { seq: p.seq, kind: p.kind, title: p.title, width: p.width, height: p.height };
  }

  private spreadsheetsFor(user: string): SpreadsheetChoice[] {
    const out: SpreadsheetChoice[] = [];
    const bound = this.boundId();
    for (const ss of this.metaState().spreadsheets) {
      if (ss.deleted) continue;
      const role = this.env.sheets.role(ss.id, user);
      if (role === "none") continue;
      out.push({ id: ss.id, name: ss.name, bound: ss.id === bound, role });
    }
    return out.sort((a, b) => Number(b.bound) - Number(a.bound));
  }

  /**
   * A tab as the acting user sees it (without a name: where they land); undefined when they may not
   * open that spreadsheet or it has no such tab. Only that tab's cells are read from the model.
   */
  sheet(spreadsheetId: string, name: string | undefined): SheetView | undefined {
    const user = this.env.user;
    const role = this.env.sheets.role(spreadsheetId, user);
    if (role === "none") return undefined;
    const ss = this.metaState().spreadsheets.find((s) => s.id === spreadsheetId && !s.deleted);
    if (!ss) return undefined;
    const place = this.placeOf(user);
    const wanted = name ?? (place?.spreadsheetId === spreadsheetId ? place.sheet : undefined);
    const tab =
      (wanted === undefined
        ? undefined
        : (ss.sheets.find((s) => s.name === wanted) ??
          ss.sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase()))) ??
      (name === undefined ? (ss.sheets.find((s) => !s.hidden) ?? ss.sheets[0]) : undefined);
    if (!tab) return undefined;
    return sheetView({
      state: this.env.sheets.snapshot({ spreadsheetId, sheetName: tab.name }),
      spreadsheetId,
      sheetName: tab.name,
      user,
      role,
      canEdit: this.env.sheets.editable(spreadsheetId, tab.name, user),
    });
  }

  /**
   * A spreadsheet's tabs as values (what Google's File → Download → .xlsx holds), for whoever may open
   * it; undefined otherwise. Hidden tabs come too, marked hidden, as in Google's file.
   */
  download(spreadsheetId: string): { name: string; tabs: DownloadTab[] } | undefined {
    if (this.env.sheets.role(spreadsheetId, this.env.user) === "none") return undefined;
    const ss = this.metaState().spreadsheets.find((s) => s.id === spreadsheetId && !s.deleted);
    if (!ss) return undefined;
    const tabs = ss.sheets.map((tab) => {
      const state = this.env.sheets.snapshot({ spreadsheetId, sheetName: tab.name });
      const cells = state.spreadsheets
        .find((s) => s.id === spreadsheetId)!
        .sheets.find((t) => t.name === tab.name)!.cells;
      const values: CellValue[][] = [];
      for (const c of cells) {
        if (c.v === undefined || c.v === "") continue;
        values[c.r - 1] ??= [];
        const row = values[c.r - 1]!;
        while (row.length < c.c - 1) row.push(null);
        row[c.c - 1] = typeof c.v === "object" ? new Date(c.v.$date) : c.v;
      }
      for (let r = 0; r < values.length; r++) values[r] ??= [];
      return { name: tab.name, hidden: tab.hidden, values };
    });
    return { name: ss.name, tabs };
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
      menuSteps: menuStepsOf(m.body),
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
    const all = this.metaState().spreadsheets;
    const add = (url: string, text: string) => {
      const found =
        /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)[^#\s]*(?:#gid=(\d+))?/.exec(url);
      if (!found || seen.has(url)) return;
      seen.add(url);
      const ss = all.find((x) => x.id === found[1] && !x.deleted);
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

  /** What a run is called in the log: a trigger's Vietnamese name, a menu item's caption. */
  private labelOf(r: ExecutionRecord): string {
    const trigger = TRIGGER_WORK[r.functionName];
    if (trigger && r.kind !== "client" && r.kind !== "menu") return trigger.label;
    if (r.kind === "menu") {
      const find = (items: readonly MenuEntry[]): string | undefined => {
        for (const it of items) {
          if (it.type === "item" && it.functionName === r.functionName) return it.caption;
          if (it.type === "submenu") {
            const inner = find(it.items);
            if (inner) return inner;
          }
        }
        return undefined;
      };
      for (const m of this.env.ui.menus) {
        const caption = find(m.items);
        if (caption) return `Menu: ${caption}`;
      }
    }
    if (r.kind === "client") return `Trang của tiện ích gọi ${r.functionName}`;
    return r.functionName;
  }

  private executionView(r: ExecutionRecord): ExecutionView {
    const view: ExecutionView = {
      id: r.id,
      functionName: r.functionName,
      label: this.labelOf(r),
      does: r.kind === "client" || r.kind === "menu" ? "" : (TRIGGER_WORK[r.functionName]?.does ?? ""),
      kind: r.kind,
      user: r.effectiveUser,
      at: r.startedAt.toISOString(),
      atText: formatDateTimeVi(r.startedAt, this.timeZone),
      ok: r.ok,
      logs: this.env.logs.filter((l) => l.executionId === r.id).map((l) => l.message),
    };
    if (r.error !== undefined) view.error = r.error;
    return view;
  }

  /** What happened since `m`: the executions, alerts, toasts and mail; new pages become the open ones. */
  private since(m: Mark): ActionResult {
    const env = this.env;
    // The workbench's own reads of the settings (people.ts) are not the person's doing.
    const executions = env.executions
      .slice(m.executions)
      .filter((r) => !this.ownRuns.has(r.id))
      .map((r) => this.executionView(r));
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
    const result: ActionResult = {
      ok: executions.every((e) => e.ok),
      executions,
      alerts,
      toasts,
      newMail: env.outbox.length - m.outbox,
    };
    const opened = newDialog ?? newSidebar;
    if (opened) result.opened = opened.title || (opened.kind === "sidebar" ? "Thanh bên" : "Hộp thoại");
    return result;
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

  /** A live action: applied, then recorded when it changed something (always, unless `wrote` says). */
  private act(op: Op, wrote?: () => boolean): unknown {
    this.seq++;
    this.env.resetCalls();
    let value: unknown;
    try {
      value = this.apply(op);
    } catch (e) {
      this.seq--;
      throw e;
    }
    if (wrote && !wrote()) this.seq--;
    else this.record(op);
    return value;
  }

  private wroteSomething = (): boolean =>
    Object.keys(this.env.calls.counts).some((name) => !readOnlyCall(name));

  /** Pick who acts; they open the spreadsheet at their tab (their menu is built by onOpen, if Google runs it for them). */
  setUser(email: string): ActionResult {
    const chosen = this.users().find((u) => u.email.toLowerCase() === email.trim().toLowerCase());
    if (!chosen) return this.refused("Người này không có trong danh sách người dùng của bảng tính.");
    const m = this.mark();
    this.sidebar = null;
    this.dialog = null;
    this.act({ op: "user", email: chosen.email });
    return this.since(m);
  }

  /**
   * The page was (re)loaded: in Google that is opening the spreadsheet again, so open pages close and
   * onOpen builds the acting user's menu afresh.
   */
  reopen(): ActionResult {
    const m = this.mark();
    this.sidebar = null;
    this.dialog = null;
    this.act({ op: "open" }, this.wroteSomething);
    return this.since(m);
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
      this.act({ op: "edit", req });
    } catch (e) {
      return this.refused(refusal(e));
    }
    return this.since(m);
  }

  /** The tab the user clicked: the script's getActiveSheet in the bound spreadsheet, and where they come back to. */
  activate(spreadsheetId: string, sheet: string): ActionResult {
    const ss = this.metaState().spreadsheets.find((s) => s.id === spreadsheetId && !s.deleted);
    if (!ss || this.env.sheets.role(spreadsheetId, this.env.user) === "none")
      return this.refused("Bạn không mở được bảng tính này.");
    if (!ss.sheets.some((s) => s.name === sheet)) return this.refused(`Không có trang "${sheet}".`);
    const place = this.places[this.env.user.toLowerCase()];
    if (place?.spreadsheetId === spreadsheetId && place.sheet === sheet) return done();
    try {
      this.act({ op: "activate", spreadsheetId, sheet });
    } catch (e) {
      return this.refused(refusal(e));
    }
    return done();
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
   * question nobody has answered yet, the click is undone (the world rebuilt from the base and the
   * journal, which the click is not in) and the question goes to the page, which sends the click again
   * with the answers.
   */
  clickMenu(req: MenuRequest): ActionResult {
    if (!this.findMenuItem(req.path)) return this.refused("Không có mục menu này.");
    const answers = req.answers ?? [];
    const m = this.mark();
    this.seq++;
    this.env.resetCalls();
    this.apply({ op: "menu", path: req.path, answers });
    const question = this.unanswered(m, answers.length);
    if (question) {
      this.seq--;
      const saved = JSON.parse(this.baseText) as { seq: number; places: Places; env: EnvironmentState };
      const history = this.history;
      this.rebuild({ seq: saved.seq, places: saved.places, env: saved.env }, this.lines);
      this.history = history;
      return { ...done(), question, answers };
    }
    this.record({ op: "menu", path: req.path, answers });
    return this.since(m);
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
    const before = this.env.outbox.length;
    const r = this.act(
      { op: "run", name: req.name, args: req.args },
      () => this.wroteSomething() || this.env.outbox.length > before,
    ) as { ok: true; value: unknown } | { ok: false; error: string };
    const result = this.since(m);
    return r.ok ? { ok: true, value: r.value, result } : { ok: false, error: r.error, result };
  }

  /**
   * A plan document's text drafted into the "Kế hoạch" tab by the plan dialog's own endpoint
   * (draftPlanFromText), as the acting user: the office may, anyone else is refused as in the sheet.
   */
  draftPlanDocument(text: string): ActionResult {
    const m = this.mark();
    const r = this.act({ op: "run", name: "draftPlanFromText", args: [text] }, this.wroteSomething) as
      | { ok: true; value: unknown }
      | { ok: false; error: string };
    const result = this.since(m);
    if (!r.ok) return { ...result, ok: false, message: r.error };
    const v = r.value as { ok: boolean; message: string; problems: string[] };
    const more = v.problems.length > 5 ? [`… và ${v.problems.length - 5} câu khác.`] : [];
    return { ...result, ok: v.ok, message: [v.message, ...v.problems.slice(0, 5), ...more].join("\n") };
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

  /** Time moves forward only, as it does for Google: an earlier minute would make today's entries "future". */
  private backwards(req: ClockRequest): ActionResult | undefined {
    const at = this.instant(req);
    const now = this.env.now();
    if (Math.floor(at.getTime() / 60_000) >= Math.floor(now.getTime() / 60_000)) return undefined;
    return this.refused(
      `Giờ giả lập đang là ${formatDateTimeVi(now, this.timeZone)}: thời gian không lùi lại được (trên Google cũng vậy). ` +
        "Hãy chọn từ lúc đó trở đi, hoặc bấm Làm lại từ đầu để về bảng tính mẫu.",
    );
  }

  /** The time-driven triggers due at that minute run, as whoever installed them; the clock moves there. */
  runTimeTriggers(req: ClockRequest): ActionResult {
    const refused = this.backwards(req);
    if (refused) return refused;
    const m = this.mark();
    this.act({ op: "triggers", at: req });
    const result = this.since(m);
    if (result.executions.length === 0) {
      const due = this.env.triggers
        .filter((t) => t.eventType === "CLOCK")
        .map((t) => describeTrigger(t, this.timeZone));
      result.message =
        `Không có trình kích hoạt theo giờ nào đến hạn lúc ${req.time} ngày ${req.date.split("-").reverse().join("/")}.` +
        (due.length > 0 ? ` Lịch chạy: ${due.map((t) => `${t.label} – ${t.when}`).join("; ")}.` : "");
    }
    return result;
  }

  /** Set the emulator's clock without running anything. */
  setClock(req: ClockRequest): ActionResult {
    const refused = this.backwards(req);
    if (refused) return refused;
    this.act({ op: "clock", at: req });
    return done();
  }

  /** "Làm lại từ đầu": the demo workbook again, as on the first start. */
  reset(): ActionResult {
    this.startDemo();
    return done();
  }
}
