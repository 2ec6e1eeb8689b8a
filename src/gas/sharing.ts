/**
 * Sharing follows the settings exactly: the main sheet with the office, each unit's staff and the
 * chairman, the read-only copy with the upper level and the chairman (core/roles.ts accessOf). The
 * add-in takes back only what it gave (it remembers whom it shared with); people shared by hand stay.
 * Google may refuse an address (outside the organisation, unknown): then everything done so far is
 * undone and the refusal names the address and why, in Vietnamese.
 */
import type { Access } from "../core/roles";
import { userError } from "./guard";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SHARED_KEY = "ks.shared";
const COPY_ID_KEY = "ks.copyId";

interface Shared {
  mainEditors: string[];
  mainViewers: string[];
  copyViewers: string[];
}

function readShared(): Shared {
  const empty: Shared = { mainEditors: [], mainViewers: [], copyViewers: [] };
  const raw = PropertiesService.getDocumentProperties().getProperty(SHARED_KEY);
  if (!raw) return empty;
  try {
    const v = JSON.parse(raw) as Partial<Shared>;
    const list = (x: unknown) =>
      Array.isArray(x) ? x.filter((e): e is string => typeof e === "string") : [];
    return {
      mainEditors: list(v.mainEditors),
      mainViewers: list(v.mainViewers),
      copyViewers: list(v.copyViewers),
    };
  } catch (_) {
    return empty;
  }
}

/** Why Google refused to share with an address, in Vietnamese. */
function refusalReason(message: string): string {
  if (/invalid email|invalid argument|not a valid/i.test(message)) return "Google không nhận địa chỉ này";
  if (/domain|organi[sz]ation|outside|policy/i.test(message)) {
    return "tổ chức quản lý tài khoản Google của xã không cho chia sẻ tệp với địa chỉ này (ngoài tổ chức)";
  }
  if (/not (found|exist)|no such user|unknown/i.test(message)) {
    return "địa chỉ này không có tài khoản Google";
  }
  if (/limit|quota|too many/i.test(message)) return "đã quá số lần chia sẻ Google cho phép hôm nay";
  return "Google từ chối chia sẻ";
}

interface Step {
  address: string;
  what: string;
  run: () => void;
  undo: () => void;
}

function lower(list: GoogleAppsScript.Base.User[]): string[] {
  return list.map((u) => u.getEmail().toLowerCase());
}

function plan(
  file: Spreadsheet,
  fileName: string,
  wantEditors: readonly string[],
  wantViewers: readonly string[],
  ours: { editors: string[]; viewers: string[] },
): { steps: Step[]; oursEditors: string[]; oursViewers: string[] } {
  const owner = file.getOwner();
  const ownerEmail = owner ? owner.getEmail().toLowerCase() : "";
  const editors = lower(file.getEditors());
  const viewers = lower(file.getViewers());
  const steps: Step[] = [];
  // Taken back first (only what the add-in gave), so that a move from editor to viewer works.
  for (const e of ours.editors) {
    if (wantEditors.includes(e) || !editors.includes(e) || e === ownerEmail) continue;
    steps.push({
      address: e,
      what: `bỏ quyền sửa ${fileName}`,
      run: () => file.removeEditor(e),
      undo: () => file.addEditor(e),
    });
  }
  for (const e of ours.viewers) {
    if (wantViewers.includes(e) || !viewers.includes(e)) continue;
    steps.push({
      address: e,
      what: `bỏ quyền xem ${fileName}`,
      run: () => file.removeViewer(e),
      undo: () => file.addViewer(e),
    });
  }
  for (const e of wantEditors) {
    if (editors.includes(e) || e === ownerEmail) continue;
    steps.push({
      address: e,
      what: `chia sẻ quyền sửa ${fileName}`,
      run: () => file.addEditor(e),
      undo: () => file.removeEditor(e),
    });
  }
  for (const e of wantViewers) {
    const nowEditor = editors.includes(e) && !ours.editors.includes(e);
    if (viewers.includes(e) || nowEditor || e === ownerEmail) continue;
    steps.push({
      address: e,
      what: `chia sẻ quyền xem ${fileName}`,
      run: () => file.addViewer(e),
      undo: () => file.removeViewer(e),
    });
  }
  // What the add-in will have given once the steps ran: whom it shares with now, or shared with before.
  const oursEditors = wantEditors.filter((e) => ours.editors.includes(e) || !editors.includes(e));
  const oursViewers = wantViewers.filter((e) => ours.viewers.includes(e) || !viewers.includes(e));
  return { steps, oursEditors, oursViewers };
}

/**
 * Shares both files as `access` says, or nothing at all: on the first refusal every step already taken
 * is undone, and the thrown message names the address. Returns what it did, in Vietnamese, and how to
 * take it all back if what follows fails.
 */
export function shareAsSettingsSay(ss: Spreadsheet, access: Access): { lines: string[]; undo: () => void } {
  const shared = readShared();
  const main = plan(ss, "bảng tính", access.mainEditors, access.mainViewers, {
    editors: shared.mainEditors,
    viewers: shared.mainViewers,
  });
  const steps: Step[] = [...main.steps];
  const copyId = PropertiesService.getDocumentProperties().getProperty(COPY_ID_KEY);
  let copy: Spreadsheet | null = null;
  if (copyId) {
    try {
      copy = SpreadsheetApp.openById(copyId);
    } catch (_) {
      copy = null; // Deleted: the next refresh makes a new one and shares it then.
    }
  }
  const copyPlan = copy
    ? plan(copy, "bản xem", [], access.copyViewers, { editors: [], viewers: shared.copyViewers })
    : null;
  if (copyPlan) steps.push(...copyPlan.steps);
  const done: Step[] = [];
  const undoAll = () => {
    for (const d of [...done].reverse()) {
      try {
        d.undo();
      } catch (undoErr) {
        console.error(`Hoàn tác chia sẻ (${d.what} ${d.address}): ${String(undoErr)}`);
      }
    }
  };
  for (const step of steps) {
    try {
      step.run();
      done.push(step);
    } catch (err) {
      console.error(
        `Chia sẻ: ${step.what} cho ${step.address}: ${err instanceof Error ? err.message : String(err)}`,
      );
      undoAll();
      throw userError(
        `Không lưu cài đặt: không ${step.what} cho ${step.address} được (${refusalReason(
          err instanceof Error ? err.message : String(err),
        )}). Chưa có gì thay đổi. Hãy sửa hoặc bỏ địa chỉ này rồi lưu lại.`,
      );
    }
  }
  const next: Shared = {
    mainEditors: main.oursEditors,
    mainViewers: main.oursViewers,
    copyViewers: copyPlan ? copyPlan.oursViewers : shared.copyViewers,
  };
  const props = PropertiesService.getDocumentProperties();
  const before = props.getProperty(SHARED_KEY);
  props.setProperty(SHARED_KEY, JSON.stringify(next));
  const added = done.filter((s) => s.what.startsWith("chia sẻ")).length;
  const removed = done.length - added;
  return {
    lines: done.length === 0 ? [] : [`Chia sẻ: thêm ${added}, bỏ ${removed} quyền truy cập theo cài đặt.`],
    undo: () => {
      undoAll();
      if (before === null) props.deleteProperty(SHARED_KEY);
      else props.setProperty(SHARED_KEY, before);
    },
  };
}
