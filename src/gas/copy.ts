/**
 * The upper level's read-only copy: a separate spreadsheet owned by the sheet's owner, its id in
 * document properties (recreated if deleted), shared as viewer with the upper level's addresses from
 * settings. Aggregates only, laid out in core and written with one batchUpdate, every tab protected.
 */
import { copyViewersOf } from "../core/roles";
import { isEmail } from "../core/settings";
import type { Plan } from "../core/plan";
import type { Rollup } from "../core/rollup";
import type { Settings } from "../core/settings";
import { copyTabs } from "../core/tables";
import { readTabs, sendBatch } from "./sheets-batch";
import { tableRequests } from "./table-batch";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const COPY_ID_KEY = "ks.copyId";

export interface CopyResult {
  url: string | null;
  pdf: GoogleAppsScript.Base.Blob | null;
  messages: string[];
}

export function copyName(plan: Plan): string {
  return `Bản xem – ${plan.shortName} – ${plan.commune.name}`;
}

function openOrCreate(plan: Plan, messages: string[]): Spreadsheet {
  const props = PropertiesService.getDocumentProperties();
  const id = props.getProperty(COPY_ID_KEY);
  if (id) {
    try {
      return SpreadsheetApp.openById(id);
    } catch (_) {
      messages.push("Bản xem cũ không còn (có thể đã bị xoá): đã tạo bản mới.");
    }
  }
  const copy = SpreadsheetApp.create(copyName(plan));
  props.setProperty(COPY_ID_KEY, copy.getId());
  return copy;
}

/** Viewers become exactly the upper level's valid addresses; bad settings skip sharing, with a message. */
function syncViewers(copy: Spreadsheet, settings: Settings, messages: string[]): void {
  // The upper level and the chairman: every link in the report opens for every recipient (the copy's
  // owner opens it anyway).
  const owner = copy.getOwner()?.getEmail().toLowerCase() ?? "";
  const wanted = copyViewersOf(settings).filter((e) => e !== owner);
  const bad = wanted.filter((e) => !isEmail(e));
  if (wanted.length === 0) {
    messages.push("Chưa có email cấp trên trong Cài đặt: bản xem đã cập nhật nhưng chưa chia sẻ cho ai.");
    return;
  }
  if (bad.length > 0) {
    messages.push(
      `Email cấp trên không hợp lệ (${bad.join(", ")}): bản xem đã cập nhật, bỏ qua bước chia sẻ. Hãy sửa trong Cài đặt…`,
    );
    return;
  }
  const current = copy.getViewers().map((u) => u.getEmail().toLowerCase());
  const add = wanted.filter((e) => !current.includes(e));
  const remove = current.filter((e) => !wanted.includes(e));
  if (add.length > 0) copy.addViewers(add);
  for (const e of remove) copy.removeViewer(e);
  if (add.length + remove.length > 0) {
    messages.push(`Chia sẻ bản xem: thêm ${add.length}, bỏ ${remove.length} người xem.`);
  }
}

/**
 * Every tab of the copy written in one batchUpdate (table-batch.ts), after one spreadsheets.get of its
 * tabs: a missing tab added, each table written, an unprotected tab protected, a tab the copy no longer
 * has deleted.
 */
export function refreshReadOnlyCopy(
  ss: Spreadsheet,
  plan: Plan,
  settings: Settings,
  rollup: Rollup,
  history: Rollup[],
): CopyResult {
  const messages: string[] = [];
  const copy = openOrCreate(plan, messages);
  const tabs = copyTabs(plan, rollup, history, {
    refreshedAt: new Date().toISOString(),
    sourceName: ss.getName(),
    sourceUrl: ss.getUrl(),
  });
  const existing = readTabs(copy);
  const kept = new Set<number>();
  let nextId = Math.max(0, ...[...existing.values()].map((e) => e.sheetId)) + 1;
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [];
  for (const tab of tabs) {
    // A new tab: an id the script chooses, so that the same batch writes it; Google's size, 1,000 rows.
    const sheet = existing.get(tab.name) ?? { sheetId: nextId++, frozen: 0, rows: 1000, protections: [] };
    if (!existing.has(tab.name))
      requests.push({ addSheet: { properties: { sheetId: sheet.sheetId, title: tab.name } } });
    kept.add(sheet.sheetId);
    requests.push(...tableRequests(sheet.sheetId, sheet.rows ?? 1000, tab.layout));
    // A whole-tab protection's range is its sheet id alone.
    if (
      !sheet.protections.some(
        (p) => p.range?.startRowIndex === undefined && p.range?.endRowIndex === undefined,
      )
    )
      requests.push({
        addProtectedRange: {
          protectedRange: {
            range: { sheetId: sheet.sheetId },
            description: "ke-hoach-sheet: bản xem chỉ đọc",
          },
        },
      });
  }
  // What the copy no longer has goes, a new spreadsheet's empty first sheet with it.
  for (const e of existing.values())
    if (!kept.has(e.sheetId)) requests.push({ deleteSheet: { sheetId: e.sheetId } });
  sendBatch(copy, requests);
  syncViewers(copy, settings, messages);
  SpreadsheetApp.flush();
  const pdf = copy.getAs("application/pdf").setName(`${copyName(plan)} – ${rollup.period.key}.pdf`);
  return { url: copy.getUrl(), pdf, messages };
}
