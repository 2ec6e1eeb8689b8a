/**
 * The office's plan dialog on the server (in PlanTools.html): the plan as JSON (the command line's
 * --plan format) out of the sheet, and into the "Kế hoạch" tab from JSON or drafted from the text of a
 * plan document. Writing the tab changes nothing else: the office checks it and runs setup to apply it.
 */
import { draftPlanFromText } from "../core/plan-draft";
import { planFromJson, planToJson } from "../core/plan-json";
import type { PlanDialogState, PlanWriteResult } from "./api";
import { currentPlan } from "./plan-store";
import { writePlanTab } from "./plan-tab";
import { loadDefaultPlan } from "../plans";

/** A plan's JSON or a plan document's text is tens of kilobytes; this is far past any. */
const MAX_CHARS = 1_000_000;

function tooLong(text: unknown): string | null {
  if (typeof text !== "string") return "Không nhận được nội dung; hãy dán lại.";
  if (text.trim() === "") return "Chưa dán nội dung nào.";
  if (text.length > MAX_CHARS)
    return "Nội dung dài quá mức một kế hoạch (hơn 1 triệu ký tự); kiểm tra lại đã dán đúng chưa.";
  return null;
}

/** The plan the sheet is set up with, as JSON. */
export function planDialogState(): PlanDialogState {
  const plan = currentPlan(loadDefaultPlan);
  return { title: plan.title, year: plan.year, json: planToJson(plan) };
}

/** A plan's JSON into the tab, checked first: nothing is written unless the whole plan is right. */
export function importPlanJson(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, text: unknown): PlanWriteResult {
  const wrong = tooLong(text);
  if (wrong) return { ok: false, message: wrong, problems: [] };
  const read = planFromJson(text as string);
  if (!read.ok) {
    return {
      ok: false,
      message: "Kế hoạch JSON có chỗ sai; chưa ghi gì vào trang Kế hoạch.",
      problems: read.errors,
    };
  }
  writePlanTab(ss, read.plan);
  return {
    ok: true,
    message: `Đã ghi "${read.plan.title}" vào trang "Kế hoạch". Xem lại trang đó rồi chạy Thiết lập / sửa bảng tính để áp dụng.`,
    problems: [],
  };
}

/** A plan document's text drafted into the tab; the cells the office must complete are coloured and noted. */
export function draftIntoTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, text: unknown): PlanWriteResult {
  const wrong = tooLong(text);
  if (wrong) return { ok: false, message: wrong, problems: [] };
  const draft = draftPlanFromText(text as string);
  if (draft.units.length === 0 && draft.targets.length === 0) {
    return {
      ok: false,
      message:
        "Không tìm thấy chỉ tiêu hay đơn vị thực hiện nào trong văn bản; chưa ghi gì. Hãy dán toàn bộ văn bản kế hoạch (từ tên cơ quan đến Nơi nhận).",
      problems: [],
    };
  }
  writePlanTab(ss, draft.plan, draft.marks);
  return {
    ok: true,
    message:
      `Đã soạn bản nháp vào trang "Kế hoạch": ${draft.targets.length} chỉ tiêu, ${draft.units.length} đơn vị, ` +
      `${draft.recipients.length} nơi nhận. Các ô tô vàng cần văn phòng hoàn thiện (ghi chú ở mỗi ô nói cần làm gì); ` +
      "xong thì chạy Thiết lập / sửa bảng tính.",
    problems: draft.skipped.map((s) => `Câu có số nhưng không thành chỉ tiêu: ${s.text} (${s.why})`),
  };
}
