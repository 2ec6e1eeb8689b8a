/**
 * "Tạo kế hoạch năm mới…" (in PlanTools.html): next year's spreadsheet made from this one, and this one
 * kept as the read-only archive of its year.
 *
 * The copy is made with Spreadsheet.copy, so the container-bound script goes with it; but the copy's
 * script is another project, and document properties do not travel ("Properties cannot be shared
 * between scripts", PropertiesService reference; contract case drive.copy-has-its-own-script-properties).
 * So the plan goes as the copy's "Kế hoạch" tab (next year's, targets marked to confirm), and the
 * settings, the office and the sharing as developer metadata on the copy, which its first setup takes
 * up (carried-settings.ts, in Code.js) and then deletes. Until that setup the copy is shared with no one but the
 * office member who made it, so nobody else can have written that metadata.
 */
import type { CellValue } from "../core/cell";
import { matchHeaders, unitColumns } from "../core/columns";
import type { CarriedStock } from "../core/next-year";
import { carriedStocks, nextYearPlan } from "../core/next-year";
import { formatDateVi, instantOfCivilDate } from "../core/periods";
import type { Plan } from "../core/plan";
import { SYSTEM_TABS } from "../core/plan";
import type { Access } from "../core/roles";
import { accessOf, copyViewersOf } from "../core/roles";
import type { Entry } from "../core/validate";
import { type Carried, CARRIED_KEY, VOUCH_KEY } from "./carried-settings";
import type { SheetContext } from "./context";
import { TRIGGER_HANDLERS } from "./manifest";
import { MARKED_BACKGROUND, writePlanTab } from "./plan-tab";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** This sheet's next year, once made: the old sheet answers with it instead of making a second one. */
const NEXT_KEY = "ks.nextYear";
const ARCHIVE_COLOR = "#999999";
/** Rows an emptied unit tab keeps: as many as a new sheet has. */
const EMPTY_ROWS = 1000;

/**
 * What Code.js already has and lends, so that PlanTools does not carry a second copy: this year's
 * entries (one read of the unit tabs), sharing as settings say, the archive's protection.
 */
export interface NewYearHost {
  entries: readonly Entry[];
  share(ss: Spreadsheet, access: Access): string[];
  protectArchived(sheet: GoogleAppsScript.Spreadsheet.Sheet, office: readonly string[]): void;
}

export interface NextYearDone {
  id: string;
  url: string;
  year: number;
}

/** The spreadsheet made earlier for next year, if any. */
export function madeNextYear(): NextYearDone | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(NEXT_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as NextYearDone;
  } catch (_) {
    return null;
  }
}

/** What the office is asked before anything happens. */
export function nextYearQuestion(plan: Plan): string {
  const to = plan.year + 1;
  return (
    `Tạo bảng tính cho kế hoạch năm ${to} từ bảng tính này: cùng các đơn vị, cột và chỉ tiêu, năm đổi thành ${to}, ` +
    `chưa có số liệu; mục tiêu các chỉ tiêu giữ như năm ${plan.year} và được tô vàng để văn phòng xác nhận; ` +
    "số liệu tồn (số cơ sở, số học sinh…) cuối năm được đưa sang làm số đầu năm để các đơn vị xác nhận.\n\n" +
    `Bảng tính năm ${plan.year} này sau đó chỉ còn để xem (lưu trữ): các đơn vị không nhập thêm được, ` +
    "các việc tự động (gửi báo cáo, nhắc nhở) dừng. Chỉ làm việc này khi đã gửi xong báo cáo kỳ cuối năm.\n\n" +
    "Tiếp tục?"
  );
}

/** The copy's name: this one's with the year moved on, or the new plan's title. */
function nextName(ss: Spreadsheet, from: number, next: Plan): string {
  const name = ss.getName();
  const moved = name.replace(new RegExp(`(^|\\D)${from}(?!\\d)`, "g"), `$1${from + 1}`);
  return moved !== name ? moved : next.title;
}

/** Rows offering last year's stocks as this year's starting values: the task left for the unit to pick. */
function offerStocks(ss: Spreadsheet, next: Plan, stocks: readonly CarriedStock[], fromYear: number): number {
  let offered = 0;
  for (const unit of next.units) {
    const mine = stocks.filter((s) => s.unitId === unit.id);
    if (mine.length === 0) continue;
    const sheet = ss.getSheetByName(unit.tabName);
    if (!sheet) continue;
    const width = sheet.getLastColumn();
    const header = sheet.getRange(1, 1, 1, width).getValues()[0] as CellValue[];
    const columns = unitColumns(next, unit);
    const { indexByKey } = matchHeaders(columns, header);
    const dateAt = indexByKey.date;
    if (dateAt === undefined) continue;
    // One row per sub-unit (or one for the unit), holding each stock's latest figure.
    const bySub = new Map<string, CarriedStock[]>();
    for (const s of mine) bySub.set(s.subUnit ?? "", [...(bySub.get(s.subUnit ?? "") ?? []), s]);
    const rows: CellValue[][] = [];
    const notes: string[][] = [];
    for (const [sub, list] of bySub) {
      const row: CellValue[] = new Array(width).fill("");
      row[dateAt] = instantOfCivilDate(next.startDate);
      const subAt = indexByKey.subUnit;
      const subName = (unit.subUnits ?? []).find((x) => x.id === sub)?.name ?? "";
      if (subAt !== undefined) row[subAt] = subName;
      const asOf = list.map((s) => s.asOf).sort();
      for (const s of list) {
        const at = indexByKey[`el:${s.elementId}`];
        if (at !== undefined) row[at] = typeof s.value === "boolean" ? (s.value ? "Có" : "Không") : s.value;
      }
      const contentAt = indexByKey.content;
      if (contentAt !== undefined)
        row[contentAt] =
          `Số đầu năm ${next.year}, chuyển từ số liệu năm ${fromYear} (đến ngày ${formatDateVi(asOf[asOf.length - 1]!)}).`;
      rows.push(row);
      const note = row.map(() => "");
      note[dateAt] =
        `Số liệu tồn cuối năm ${fromYear}, đưa sang làm số đầu năm ${next.year}. Nếu còn đúng: chọn Nhiệm vụ ` +
        "cho dòng này để xác nhận (dòng chưa có nhiệm vụ không được tính). Nếu đã khác: sửa số, hoặc xoá dòng.";
      notes.push(note);
    }
    const at = sheet.getLastRow() + 1;
    const range = sheet.getRange(at, 1, rows.length, width);
    range.setValues(rows);
    range.setNotes(notes);
    range.setBackground(MARKED_BACKGROUND);
    offered += rows.length;
  }
  return offered;
}

/** The copy made ready for next year: no data, no logs, the new plan; what was ours re-made by setup. */
function prepareCopy(copy: Spreadsheet, plan: Plan, next: Plan, marks: ReadonlyMap<string, string>): void {
  const units = new Set(next.units.map((u) => u.tabName));
  const keep = new Set<string>([...units, SYSTEM_TABS.help]);
  // Every protection of ours goes: setup re-makes them for next year's people.
  for (const p of copy.getProtections(SpreadsheetApp.ProtectionType.RANGE)) p.remove();
  for (const p of copy.getProtections(SpreadsheetApp.ProtectionType.SHEET)) p.remove();
  for (const sheet of copy.getSheets()) {
    const name = sheet.getName();
    if (name === SYSTEM_TABS.plan) continue;
    // The rollup, logs, settings view and tabs of units no longer in the plan: setup makes what it needs.
    if (!keep.has(name) && (Object.values(SYSTEM_TABS) as string[]).includes(name)) {
      copy.deleteSheet(sheet);
      continue;
    }
    if (!units.has(name)) {
      if (plan.units.some((u) => u.tabName === name) || name === SYSTEM_TABS.help) continue;
      // An archived unit's tab (its unit left the plan earlier) has no place in next year.
      if (!next.units.some((u) => u.tabName === name) && sheetIsOurs(sheet)) copy.deleteSheet(sheet);
      continue;
    }
    const last = sheet.getLastRow();
    if (last <= 1) continue;
    // A tab full to its last row (appendRow grows it exactly): Sheets refuses to delete every
    // non-frozen row, so empty rows are added first; the emptied tab keeps a new sheet's 1,000 rows.
    const max = sheet.getMaxRows();
    if (last + EMPTY_ROWS > max) sheet.insertRowsAfter(max, last + EMPTY_ROWS - max);
    sheet.deleteRows(2, last - 1);
  }
  writePlanTab(copy, next, marks);
}

/** A tab the add-in made: a unit tab of an earlier plan carries our header ("Ngày", "Nhiệm vụ" …). */
function sheetIsOurs(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  if (sheet.getLastColumn() < 2) return false;
  const head = sheet.getRange(1, 1, 1, 2).getValues()[0] as CellValue[];
  return head[0] === "Ngày" && head[1] === "Nhiệm vụ";
}

/** This sheet as the archive of its year: every tab office-only, greyed and noted; staff view only. */
function archive(c: SheetContext, done: NextYearDone, host: NewYearHost): string[] {
  const lines: string[] = [];
  const note =
    `LƯU TRỮ kế hoạch năm ${c.plan.year}: chỉ để xem, không nhập thêm. ` +
    `Năm ${done.year} nhập vào bảng tính mới: ${done.url}`;
  for (const sheet of c.ss.getSheets()) {
    host.protectArchived(sheet, c.people.office);
    sheet.setTabColor(ARCHIVE_COLOR);
    sheet.getRange(1, 1).setNote(note);
  }
  lines.push(
    `Mọi trang của bảng tính năm ${c.plan.year} chỉ văn phòng sửa được; mỗi trang có ghi chú lưu trữ ở ô A1.`,
  );
  // Staff and the chairman keep their view of the archive, no longer an editor's access.
  const access = accessOf(c.settings, c.people.office);
  const viewers = [...new Set([...access.mainEditors, ...access.mainViewers])].filter(
    (e) => !c.people.office.includes(e),
  );
  lines.push(
    ...host.share(c.ss, {
      mainEditors: [...c.people.office],
      mainViewers: viewers,
      copyViewers: copyViewersOf(c.settings),
    }),
  );
  // The automatic jobs of this year stop: they belong to the installer, who alone sees them.
  let stopped = 0;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (!TRIGGER_HANDLERS.includes(t.getHandlerFunction())) continue;
    ScriptApp.deleteTrigger(t);
    stopped++;
  }
  if (stopped > 0) lines.push(`Dừng ${stopped} việc tự động của bảng tính năm ${c.plan.year}.`);
  return lines;
}

/** Makes next year's spreadsheet and archives this one; returns what was done, in Vietnamese. */
export function createNextYear(c: SheetContext, host: NewYearHost): string {
  const made = madeNextYear();
  if (made) {
    return `Bảng tính kế hoạch năm ${made.year} đã được tạo trước đây: ${made.url}\nKhông tạo thêm bảng tính nào.`;
  }
  const { plan: next, marks } = nextYearPlan(c.plan);
  const stocks = carriedStocks(c.plan, host.entries);
  const copy = c.ss.copy(nextName(c.ss, c.plan.year, next));
  prepareCopy(copy, c.plan, next, marks);
  const offered = offerStocks(copy, next, stocks, c.plan.year);
  const token = Utilities.getUuid();
  const carried: Carried = {
    fromId: c.ss.getId(),
    fromYear: c.plan.year,
    toId: copy.getId(),
    token,
    settings: c.settings,
    office: [...c.people.office],
  };
  copy.addDeveloperMetadata(CARRIED_KEY, JSON.stringify(carried));
  c.ss.addDeveloperMetadata(VOUCH_KEY, JSON.stringify({ toId: copy.getId(), token }));
  const done: NextYearDone = { id: copy.getId(), url: copy.getUrl(), year: next.year };
  PropertiesService.getDocumentProperties().setProperty(NEXT_KEY, JSON.stringify(done));
  const lines = archive(c, done, host);
  return [
    `Đã tạo bảng tính kế hoạch năm ${next.year}: ${done.url}`,
    `Việc tiếp theo: mở bảng tính đó, chọn menu "${next.shortName}" > Văn phòng UBND xã > Thiết lập / sửa bảng tính. ` +
      "Thiết lập lần đầu áp dụng cài đặt và chia sẻ của năm cũ (người nhận, người nhập liệu của từng đơn vị) rồi cài các việc tự động.",
    `Trang "Kế hoạch" có ${marks.size} ô tô vàng cần văn phòng xác nhận (mục tiêu các chỉ tiêu, số và ngày văn bản).`,
    offered > 0
      ? `Đã đưa ${offered} dòng số liệu tồn cuối năm ${c.plan.year} sang làm số đầu năm (tô vàng): đơn vị chọn Nhiệm vụ để xác nhận.`
      : "",
    ...lines,
  ]
    .filter((l) => l !== "")
    .join("\n");
}
