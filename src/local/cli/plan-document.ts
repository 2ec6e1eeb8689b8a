/**
 * `plan-from-text`: the text of a plan document (.txt, or .docx read by mammoth, a maintained reader of
 * Word files; Node only, never in the Apps Script bundle) drafted into the plan's tables by core.
 *
 * A .docx is a zip: before mammoth opens it, its parts are inflated once here with the limits of the
 * .xlsx reader (zip.ts), so a zip bomb or a lying header stops with a Vietnamese message instead of
 * filling the memory; mammoth's XML parser (xmldom) expands no external entity.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { PlanDraft } from "../../core";
import { cellName, formatDateVi, PLAN_TAB, planToTabCells } from "../../core";
import { describeFsError } from "../xlsx/fs-errors";
import { entryChunks, ZipError, zipEntries } from "../xlsx/zip";
import { UsageError } from "./args";

/** A plan document is a few pages; a larger file is not one. */
const MAX_BYTES = 20 * 1024 * 1024;
/** All the parts of a .docx together inflate to at most this (a 300-page report with pictures fits). */
const MAX_INFLATED = 200 * 1024 * 1024;
/** A plan's text is some tens of thousands of characters; the drafting reads at most this. */
const MAX_TEXT = 2_000_000;

const SAVE_HINT =
  "Hãy mở văn bản bằng Word hoặc LibreOffice và lưu lại thành .docx, hoặc chép toàn bộ chữ vào một tệp .txt (UTF-8).";

export async function readPlanDocument(path: string): Promise<string> {
  const ext = extname(path).toLowerCase();
  const name = basename(path);
  if (ext === ".doc" || ext === ".pdf" || ext === ".odt" || ext === ".rtf") {
    throw new UsageError(`Chưa đọc được tệp ${ext}: ${SAVE_HINT}`);
  }
  if (ext !== ".txt" && ext !== ".docx") {
    throw new UsageError(`Tệp văn bản kế hoạch phải là .txt hoặc .docx, không phải "${name}".`);
  }
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`"${path}" là một thư mục, không phải tệp văn bản.`);
    if (info.size > MAX_BYTES) {
      throw new UsageError(
        `Tệp "${name}" lớn ${Math.round(info.size / 1024 / 1024)} MB, quá lớn với một văn bản kế hoạch; chương trình không đọc.`,
      );
    }
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(describeFsError(err, path, "read"));
  }
  const text = ext === ".txt" ? textOf(bytes, name) : await docxText(bytes, name);
  if (text.trim() === "") throw new UsageError(`Tệp "${name}" không có chữ nào. ${SAVE_HINT}`);
  if (text.length > MAX_TEXT) {
    throw new UsageError(
      `Tệp "${name}" dài quá mức một văn bản kế hoạch (hơn 2 triệu ký tự); chương trình không đọc.`,
    );
  }
  return text;
}

/** A .txt as UTF-8 (with or without BOM) or UTF-16 with its BOM; anything else is named, not guessed. */
function textOf(bytes: Buffer, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new UsageError(
      `Tệp "${name}" là tệp nén (có thể là .docx bị đổi đuôi), không phải chữ. Hãy đổi đuôi thành .docx.`,
    );
  }
  const text = bytes.toString("utf8").replace(/^\ufeff/, "");
  // A replacement character means bytes that are not UTF-8 (TCVN3, VNI, Windows-1258 files of old).
  if (text.includes("\ufffd")) {
    throw new UsageError(
      `Tệp "${name}" không phải chữ Unicode (UTF-8): có thể là bảng mã cũ (TCVN3, VNI) hoặc không phải tệp chữ. Hãy mở bằng Word rồi lưu thành .docx, hoặc lưu lại tệp chữ với bảng mã UTF-8.`,
    );
  }
  return text;
}

async function docxText(bytes: Buffer, name: string): Promise<string> {
  const broken = `Tệp "${name}" không đọc được như văn bản Word (.docx)`;
  // An encrypted Word file is an OLE compound file (as a .doc is), not a zip.
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new UsageError(`${broken}: tệp có đặt mật khẩu hoặc là tệp .doc cũ đổi đuôi. ${SAVE_HINT}`);
  }
  try {
    const entries = zipEntries(bytes);
    if (!entries.has("word/document.xml")) {
      throw new UsageError(
        `${broken}: trong tệp không có phần nội dung văn bản (có thể là tệp nén khác). ${SAVE_HINT}`,
      );
    }
    let total = 0;
    for (const entry of entries.values()) {
      total += entry.size;
      if (total > MAX_INFLATED) throw new ZipError("tooBig", "the parts together");
      for await (const _ of entryChunks(bytes, entry)) {
        // Inflating checks the part against its declared size; the bytes themselves are mammoth's.
      }
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if (err instanceof ZipError && err.fault === "tooBig") {
      throw new UsageError(
        `${broken}: khi giải nén lớn bất thường (có thể là tệp độc hại được nén để làm treo máy); chương trình không đọc.`,
      );
    }
    if (err instanceof ZipError && err.fault === "encrypted") {
      throw new UsageError(`${broken}: tệp có đặt mật khẩu. ${SAVE_HINT}`);
    }
    throw new UsageError(`${broken}: tệp bị hỏng hoặc không phải .docx. ${SAVE_HINT}`);
  }
  // Loaded here, for the one command that reads a .docx: loading mammoth is most of a start-up's CPU.
  const { default: mammoth } = await import("mammoth");
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw new UsageError(`${broken}: tệp bị hỏng. ${SAVE_HINT}`);
  }
}

/** The draft as JSON: what was found, the plan (the --plan format, blanks to complete), the cells to complete. */
export function draftJson(draft: PlanDraft, source: string) {
  const cells = planToTabCells(draft.plan, draft.marks);
  return {
    format: "ke-hoach-sheet/plan-draft@1",
    source,
    found: {
      header: draft.header,
      title: draft.title,
      year: draft.year,
      targets: draft.targets,
      units: draft.units,
      recipients: draft.recipients,
      signer: draft.signer,
      skipped: draft.skipped,
    },
    plan: draft.plan,
    toComplete: cells.marked.map((m) => ({
      cell: `${PLAN_TAB}!${cellName(m.row, m.col)}`,
      path: m.path,
      why: m.why,
    })),
  };
}

/** What was found, for people. */
export function formatDraftText(draft: PlanDraft, source: string): string[] {
  const h = draft.header;
  const op = (t: PlanDraft["targets"][number]) => (t.op === "=" ? "=" : t.op === ">" ? ">" : "≥");
  const lines = [
    `Bản nháp kế hoạch từ "${source}":`,
    `  Cơ quan ban hành: ${h.issuingBody || "(không thấy)"}`,
    `  Số, ký hiệu: ${h.number || "…"}/${h.symbol || "…"}; ${h.place || "…"}, ngày ${h.date ? formatDateVi(h.date) : "(không thấy)"}`,
    `  Tên: ${draft.title || "(không thấy)"}`,
    `  Năm: ${draft.year ?? "(không thấy)"}`,
    `  Chỉ tiêu (${draft.targets.length}):`,
    ...draft.targets.map(
      (t) =>
        `    ${t.id.padEnd(5)} ${op(t)} ${t.value}${t.kind === "frequency" ? " lần/tháng" : " %"}${t.ifAny ? " (nếu có)" : ""}  ${t.wording}`,
    ),
    `  Đơn vị thực hiện (${draft.units.length}): ${draft.units.map((u) => `${u.name} (${u.tasks.length} nhiệm vụ)`).join("; ") || "(không thấy)"}`,
    `  Nơi nhận (${draft.recipients.length}): ${draft.recipients.join("; ") || "(không thấy)"}`,
    `  Người ký: ${draft.signer ? `${draft.signer.title} ${draft.signer.name}` : "(không thấy)"}`,
  ];
  if (draft.skipped.length > 0) {
    lines.push("  Câu có số nhưng không thành chỉ tiêu:");
    for (const s of draft.skipped) lines.push(`    - ${s.text} (${s.why})`);
  }
  const cells = planToTabCells(draft.plan, draft.marks);
  lines.push(
    `  Văn phòng cần hoàn thiện ${cells.marked.length} ô của trang "${PLAN_TAB}" (mỗi ô có ghi chú nói cần làm gì).`,
  );
  lines.push(
    "Dùng --json để lấy bản nháp (kế hoạch đúng dạng --plan, các ô cần hoàn thiện). Trong tiện ích: menu → Nhập kế hoạch từ văn bản…",
  );
  return lines;
}
