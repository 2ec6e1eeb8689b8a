/**
 * What travels between the workbench page and its server. The page imports the types only; the
 * server validates every request body against the schemas here before anything reaches the emulator.
 */
import * as z from "zod/mini";
import { isValidIso } from "../../core/periods";

// ---- responses (server → page) ----

export interface UserChoice {
  email: string;
  /** Vietnamese: who this is ("Văn phòng UBND xã", "Nhập liệu: Trường học", "Chủ tịch UBND xã"). */
  label: string;
  /** "owner": the office (the setup account and the administrators in settings). */
  group: "owner" | "editor" | "chairman" | "upperLevel";
}

export type MenuItemView =
  | { type: "item"; caption: string }
  | { type: "separator" }
  | { type: "submenu"; caption: string; items: MenuItemView[] };

export interface MenuView {
  caption: string;
  items: MenuItemView[];
}

export interface SpreadsheetChoice {
  id: string;
  name: string;
  bound: boolean;
  role: "owner" | "editor" | "viewer";
}

export interface TriggerView {
  /** The script's function name (onMonthlyTrigger). */
  handler: string;
  /** Vietnamese: what people call it ("Báo cáo tháng") and what it does. */
  label: string;
  does: string;
  /** Vietnamese: when it runs ("ngày 15 hằng tháng, 07:00", "khi sửa bảng tính"). */
  when: string;
  owner: string;
  clock: boolean;
}

export interface PanelView {
  /** Changes each time the script shows a page; the iframe loads /panel/<seq>. */
  seq: number;
  kind: "sidebar" | "modal" | "modeless";
  title: string;
  width: number;
  height: number;
}

export interface AlertView {
  title: string;
  prompt: string;
  buttons: string;
  /** The answer the script got (OK when only OK was offered). */
  response: string;
}

export interface QuestionView {
  kind: "alert" | "prompt";
  title: string;
  prompt: string;
  /** Google's button set: OK, OK_CANCEL, YES_NO, YES_NO_CANCEL. */
  buttons: string;
}

export interface ToastView {
  title: string;
  message: string;
}

export interface StateView {
  /** Bumped by every change, so the page knows when to reload what it shows. */
  version: number;
  planName: string;
  /** The emulator's clock, ISO, and as people in Vietnam read it. */
  now: string;
  nowText: string;
  user: string;
  users: UserChoice[];
  menus: MenuView[];
  spreadsheets: SpreadsheetChoice[];
  triggers: TriggerView[];
  sidebar: PanelView | null;
  dialog: PanelView | null;
  outboxCount: number;
  /**
   * When the next monthly report is due, never before the clock (ISO day, "HH:MM"): the run picker's
   * default. Time only moves forward in the workbench, as it does for Google.
   */
  suggestedRunDate: string;
  suggestedRunTime: string;
  /** The tab the acting user lands on: where they last looked, else their own (the unit they enter for). */
  place: { spreadsheetId: string; sheet: string } | null;
}

export interface CellView {
  /** Display value (what Sheets shows). */
  d?: string;
  /** Edit text (what the cell editor starts with). */
  e?: string;
  note?: string;
  bg?: string;
  fc?: string;
  bold?: boolean;
  italic?: boolean;
  align?: string;
  /** Vertical alignment ("top", "middle", "bottom"), when set. */
  valign?: string;
  wrap?: boolean;
  /** Index into SheetView.lists: a dropdown. */
  list?: number;
  /** Index into SheetView.helps: the validation's help text. */
  help?: number;
  /** Index into SheetView.locks: why the acting user cannot edit the cell. */
  lock?: number;
  /** Number format, when set. */
  nf?: string;
}

export interface TabView {
  name: string;
  hidden: boolean;
  color: string | null;
}

export interface SheetView {
  spreadsheetId: string;
  spreadsheetName: string;
  bound: boolean;
  name: string;
  tabs: TabView[];
  frozenRows: number;
  frozenCols: number;
  /** Pixel width of each shown column (index 0 = column A). */
  widths: number[];
  /** Rows (1-based) whose height the script set, in px; the others fit their content, as in Sheets. */
  heights: Record<number, number>;
  /** Merged blocks, 1-based, within the shown rows and columns. */
  merges: { row: number; col: number; numRows: number; numCols: number }[];
  /** rows[r][c] for sheet row r + 1, column c + 1; trailing empty cells omitted. */
  rows: CellView[][];
  maxRows: number;
  maxCols: number;
  lists: string[][];
  helps: string[];
  locks: string[];
}

export interface ExecutionView {
  id: number;
  functionName: string;
  /** Vietnamese: the trigger's name or the menu item's caption; the function name for a page's call. */
  label: string;
  /** Vietnamese: what a trigger does ("" for other runs). */
  does: string;
  kind: string;
  user: string;
  at: string;
  /** "15/06/2023 07:00" in the spreadsheet's zone (not the browser's language or zone). */
  atText: string;
  ok: boolean;
  error?: string;
  logs: string[];
}

/** What an action did, for the page to show: results, alerts, new mail, a question to answer. */
/** Opening the page: the state comes with the answer (one round trip fewer before the page is usable). */
export interface OpenResult extends ActionResult {
  state: StateView;
}

export interface ActionResult {
  ok: boolean;
  /** Vietnamese, when the action was refused or failed. */
  message?: string;
  executions: ExecutionView[];
  alerts: AlertView[];
  toasts: ToastView[];
  newMail: number;
  /** The title of the page (sidebar or dialog) the action opened, if it opened one. */
  opened?: string;
  /** The script asked something: answer it and send the action again with the answers so far. */
  question?: QuestionView;
  answers?: Answer[];
}

export interface MailView {
  index: number;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  sentAt: string;
  sentAtText: string;
  hasHtml: boolean;
  text: string;
  attachments: { index: number; name: string; contentType: string; size: number }[];
  /** The links to spreadsheets the mail carries, so each recipient can be tried on them. */
  links: MailLink[];
  /**
   * Menu items the mail tells its reader to choose once the sheet is open (`menu "…" → "…"`), as
   * paths from the menu's caption: the workbench can follow a link and then that step.
   */
  menuSteps: string[][];
}

export interface MailLink {
  /** The link's words in the mail ("mở bảng tính"), or the address when the text part has it bare. */
  text: string;
  spreadsheetId: string;
  /** The tab the link opens (its #gid), when it names one that exists. */
  sheetName: string | null;
}

export interface RunResponse {
  ok: boolean;
  value?: unknown;
  error?: string;
}

// ---- requests (page → server), validated on the server ----

const Email = z.string().check(z.minLength(3), z.maxLength(320));
const ShortText = z.string().check(z.maxLength(500));

export const AnswerSchema = z.object({
  button: z.enum(["OK", "CANCEL", "YES", "NO", "CLOSE"]),
  text: z.optional(z.string().check(z.maxLength(10_000))),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const UserRequestSchema = z.object({ email: Email });

export const EditRequestSchema = z.object({
  spreadsheetId: ShortText,
  sheet: ShortText,
  row: z.int().check(z.minimum(1), z.maximum(100_000)),
  column: z.int().check(z.minimum(1), z.maximum(1_000)),
  /** What the person typed; "" clears the cell. */
  text: z.string().check(z.maxLength(50_000)),
});
export type EditRequest = z.infer<typeof EditRequestSchema>;

export const MenuRequestSchema = z.object({
  path: z.array(ShortText).check(z.minLength(2), z.maxLength(5)),
  answers: z.optional(z.array(AnswerSchema).check(z.maxLength(20))),
});
export type MenuRequest = z.infer<typeof MenuRequestSchema>;

/** JSON as the panel's shim sends it: google.script.run arguments already checked by Google's rules. */
const Json: z.ZodMiniType<unknown> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(Json), z.record(z.string(), Json)]),
);

export const RunRequestSchema = z.object({
  panel: z.int().check(z.minimum(1)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  args: z.array(Json).check(z.maxLength(50)),
});
export type RunRequest = z.infer<typeof RunRequestSchema>;

/** A plan document the person picked (.txt or .docx), to draft the "Kế hoạch" tab from. */
export const PlanDocumentRequestSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  base64: z.string().check(z.maxLength(3_000_000), z.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});
export type PlanDocumentRequest = z.infer<typeof PlanDocumentRequestSchema>;

export const PanelRequestSchema = z.object({ panel: z.int().check(z.minimum(1)) });

/** A day of the calendar (no 30/02), in the years a plan can have. */
const IsoDay = z
  .string()
  .check(
    z.refine(
      (s: string) => isValidIso(s) && s >= "2000" && s < "2101",
      "ngày không có trong lịch; hãy chọn một ngày từ năm 2000 đến 2100",
    ),
  );
const HourMinute = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

export const ClockRequestSchema = z.object({ date: IsoDay, time: HourMinute });
export type ClockRequest = z.infer<typeof ClockRequestSchema>;
