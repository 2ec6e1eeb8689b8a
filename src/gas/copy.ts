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
import { api } from "./sheets-batch";
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

function openOrCreate(plan: Plan, messages: string[]): { copy: Spreadsheet; id: string } {
  const props = PropertiesService.getDocumentProperties();
  const id = props.getProperty(COPY_ID_KEY);
  if (id) {
    try {
      return { copy: SpreadsheetApp.openById(id), id };
    } catch (_) {
      messages.push("Bản xem cũ không còn (có thể đã bị xoá): đã tạo bản mới.");
    }
  }
  const copy = SpreadsheetApp.create(copyName(plan));
  const made = copy.getId();
  props.setProperty(COPY_ID_KEY, made);
  return { copy, id: made };
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
 * tabs: a missing tab added (a new spreadsheet's first sheet becomes the first tab rather than lingering
 * empty), each table written, an unprotected tab protected, a tab the copy no longer has deleted.
 */
export function refreshReadOnlyCopy(
  ss: Spreadsheet,
  plan: Plan,
  settings: Settings,
  rollup: Rollup,
  history: Rollup[],
): CopyResult {
  const messages: string[] = [];
  const { copy, id } = openOrCreate(plan, messages);
  const tabs = copyTabs(plan, rollup, history, {
    refreshedAt: new Date().toISOString(),
    sourceName: ss.getName(),
    sourceUrl: ss.getUrl(),
  });
  const wanted = new Set(tabs.map((t) => t.name));
  const got = api().Spreadsheets.get(id, {
    fields: "sheets(properties(sheetId,title,gridProperties.rowCount),protectedRanges.range)",
  });
  // Fields at their default are left out of the API's JSON: the first sheet's id 0.
  const existing = (got.sheets ?? []).map((s) => ({
    sheetId: s.properties?.sheetId ?? 0,
    title: s.properties?.title ?? "",
    rows: s.properties?.gridProperties?.rowCount ?? 0,
    // A whole-tab protection's range is its sheet id alone.
    locked: (s.protectedRanges ?? []).some((p) => {
      const g = p.range ?? {};
      return [g.startRowIndex, g.endRowIndex, g.startColumnIndex, g.endColumnIndex].every(
        (x) => x === undefined,
      );
    }),
  }));
  const kept = new Set<number>();
  let nextId = Math.max(0, ...existing.map((e) => e.sheetId)) + 1;
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [];
  tabs.forEach((tab, i) => {
    let sheet = existing.find((e) => e.title === tab.name);
    if (!sheet) {
      const spare = i === 0 ? existing.find((e) => !wanted.has(e.title)) : undefined;
      if (spare) {
        requests.push({
          updateSheetProperties: { properties: { sheetId: spare.sheetId, title: tab.name }, fields: "title" },
        });
        sheet = spare;
      } else {
        // A new sheet of Google's default size, 1,000 rows.
        sheet = { sheetId: nextId++, title: tab.name, rows: 1000, locked: false };
        requests.push({ addSheet: { properties: { sheetId: sheet.sheetId, title: tab.name } } });
      }
    }
    kept.add(sheet.sheetId);
    requests.push(...tableRequests(sheet.sheetId, sheet.rows, tab.layout));
    if (!sheet.locked) {
      requests.push({
        addProtectedRange: {
          protectedRange: {
            range: { sheetId: sheet.sheetId },
            description: "ke-hoach-sheet: bản xem chỉ đọc",
          },
        },
      });
    }
  });
  for (const e of existing) if (!kept.has(e.sheetId)) requests.push({ deleteSheet: { sheetId: e.sheetId } });
  api().Spreadsheets.batchUpdate({ requests }, id);
  syncViewers(copy, settings, messages);
  SpreadsheetApp.flush();
  const pdf = copy.getAs("application/pdf").setName(`${copyName(plan)} – ${rollup.period.key}.pdf`);
  return { url: copy.getUrl(), pdf, messages };
}
