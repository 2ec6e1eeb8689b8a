/**
 * The upper level's read-only copy: a separate spreadsheet owned by the sheet's owner, its id in
 * document properties (recreated if deleted), shared as viewer with the upper level's addresses from
 * settings. Aggregates only, laid out in core and written in batched calls per tab, every tab protected.
 */
import { copyViewersOf } from "../core/roles";
import { isEmail } from "../core/settings";
import type { Plan } from "../core/plan";
import type { Rollup } from "../core/rollup";
import type { Settings } from "../core/settings";
import { copyTabs } from "../core/tables";
import { writeTable } from "./table";

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
  const wanted = new Set(tabs.map((t) => t.name));
  const existing = copy.getSheets();
  tabs.forEach((tab, i) => {
    let sheet = copy.getSheetByName(tab.name);
    if (!sheet) {
      // A new spreadsheet's first sheet ("Sheet1") becomes the first tab rather than lingering empty.
      const spare = i === 0 ? existing.find((s) => !wanted.has(s.getName())) : undefined;
      sheet = spare ? spare.setName(tab.name) : copy.insertSheet(tab.name);
    }
    writeTable(sheet, tab.layout);
    if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
      sheet.protect().setDescription("ke-hoach-sheet: bản xem chỉ đọc");
    }
  });
  for (const sheet of copy.getSheets()) {
    if (!wanted.has(sheet.getName())) copy.deleteSheet(sheet);
  }
  syncViewers(copy, settings, messages);
  SpreadsheetApp.flush();
  const pdf = copy.getAs("application/pdf").setName(`${copyName(plan)} – ${rollup.period.key}.pdf`);
  return { url: copy.getUrl(), pdf, messages };
}
