/**
 * The look shared by every report the add-in renders (the monthly email, the consolidated report for
 * the upper level): the page of an administrative document (Nghị định 30/2020/NĐ-CP: issuing body and
 * quốc hiệu side by side, place and date, title and trích yếu), its fonts, headings and status colours.
 *
 * Mail clients keep inline styles but not always a <style> block, so every piece reads well with inline
 * styles alone. Side-by-side blocks are inline-blocks as wide as the screen up to their own width: on
 * a desktop they sit in a row like table columns, on a phone they stack, with no media query. The
 * <style> block only refines narrow screens where the client keeps it (Gmail does).
 * Every value put into markup here is escaped by the caller's use of `escapeHtml` or by these helpers.
 */
import type { IndicatorStatus } from "./rollup";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** An element with inline styles; `html` must already be escaped. */
export function tag(name: string, style: string, html: string, cls?: string): string {
  const attrs = (cls ? ' class="' + cls + '"' : "") + (style ? ' style="' + style + '"' : "");
  return "<" + name + attrs + ">" + html + "</" + name + ">";
}

export const FONT = "font-family:'Times New Roman',Times,serif;color:#212121;font-size:15px;line-height:1.45";
export const SMALL = "font-size:13px;line-height:1.35";
export const MUTED = SMALL + ";color:#616161";
/** Width of the page's content on a desktop; a phone gets its own width. */
export const PAGE_WIDTH = 736;

export const STATUS_STYLE: Record<IndicatorStatus, { fg: string; bg: string; bar: string }> = {
  Đạt: { fg: "#1b5e20", bg: "#e8f5e9", bar: "#2e7d32" },
  "Chưa đạt": { fg: "#b71c1c", bg: "#ffebee", bar: "#c62828" },
  "Không phát sinh": { fg: "#37474f", bg: "#eceff1", bar: "#90a4ae" },
  "Thiếu số liệu": { fg: "#e65100", bg: "#fff3e0", bar: "#ef6c00" },
};

/**
 * Where the client keeps <style>: on a narrow screen the column headings go and each row becomes a
 * card; from 600 px the three columns of a list share the width (ks-c1…3), so a tablet shows the
 * table that a desktop does rather than two columns and a third below.
 */
const NARROW_CSS =
  "@media only screen and (max-width:599px){" +
  ".ks-head{display:none!important}" +
  ".ks-row{border:1px solid #bdbdbd!important;border-radius:6px;margin:0 0 10px!important}" +
  ".ks-cell{max-width:none!important}}" +
  "@media only screen and (min-width:600px){" +
  ".ks-c1{max-width:46%!important}.ks-c2{max-width:26%!important}.ks-c3{max-width:28%!important}}";

/** A whole HTML document: the page's content centred, as wide as the screen up to PAGE_WIDTH. */
export function documentHtml(title: string, content: string, extraCss = ""): string {
  return (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><title>' +
    escapeHtml(title) +
    "</title><style>" +
    NARROW_CSS +
    extraCss +
    '</style></head><body style="margin:0;padding:0;background:#ffffff">' +
    tag(
      "div",
      "max-width:" +
        PAGE_WIDTH +
        "px;margin:0 auto;padding:16px 12px;" +
        FONT +
        ";overflow-wrap:break-word;word-wrap:break-word",
      content,
    ) +
    "</body></html>"
  );
}

/** Blocks side by side while they fit, stacked when they do not (see the header of this file). */
export function columns(
  blocks: { width: number; html: string; style?: string; cls?: string }[],
  cls?: string,
  style?: string,
): string {
  return tag(
    "div",
    "width:100%" + (style ? ";" + style : ""),
    blocks
      .map((b) =>
        tag(
          "div",
          "display:inline-block;vertical-align:top;width:100%;max-width:" +
            b.width +
            "px" +
            (b.style ? ";" + b.style : ""),
          b.html,
          "ks-cell" + (b.cls ? " " + b.cls : ""),
        ),
      )
      .join(""),
    cls,
  );
}

/** The short rule under the headings of an administrative document. */
export function underline(width: number, margin: string): string {
  return tag(
    "div",
    "margin:" + margin + ";width:" + width + "px;border-top:1px solid #212121;font-size:0;line-height:0",
    "&nbsp;",
  );
}

/**
 * "UỶ BAN NHÂN DÂN" over "XÃ QUANG KHẢI": the issuing body's lines, from a name such as
 * "UBND huyện Tứ Kỳ" or the commune's level and name.
 */
export function issuerLines(name: string): [string, string] | [string] {
  const m = /^\s*(?:UBND|Uỷ ban nhân dân|Ủy ban nhân dân)\s+(.+)$/i.exec(name);
  return m ? ["UỶ BAN NHÂN DÂN", m[1]!.toUpperCase()] : [name.toUpperCase()];
}

/** Issuing body (left) and quốc hiệu, tiêu ngữ, place and date (right); stacked on a phone. */
export function administrativeHeader(
  issuer: readonly string[],
  numberLine: string | null,
  placeDate: string,
): string {
  const lines = issuer.map((l, i) =>
    tag("div", i === issuer.length - 1 ? "font-weight:bold" : "", escapeHtml(l)),
  );
  const left =
    lines.join("") + underline(80, "2px auto 4px") + (numberLine ? tag("div", "", numberLine) : "");
  const right =
    tag("div", "font-weight:bold", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM") +
    tag("div", "font-weight:bold", "Độc lập - Tự do - Hạnh phúc") +
    underline(200, "2px auto 6px") +
    tag("div", "font-style:italic", escapeHtml(placeDate));
  return columns(
    [
      { width: 290, html: left, style: "text-align:center;padding-bottom:8px" },
      { width: 440, html: right, style: "text-align:center" },
    ],
    undefined,
    "text-align:center",
  );
}

/** "BÁO CÁO" and its trích yếu, centred. */
export function titleBlock(kind: string, subject: string): string {
  return tag(
    "div",
    "text-align:center;padding-top:18px",
    tag("div", "font-weight:bold;font-size:17px", escapeHtml(kind)) +
      tag("div", "font-weight:bold", escapeHtml(subject)) +
      underline(160, "4px auto 0"),
  );
}

export function heading(text: string): string {
  return tag("p", "margin:16px 0 6px;font-weight:bold", escapeHtml(text));
}

export function paragraph(text: string): string {
  return tag("p", "margin:6px 0;text-align:justify", escapeHtml(text));
}

export function listItem(text: string): string {
  return tag("p", "margin:2px 0 2px 12px", "- " + escapeHtml(text));
}

export function note(text: string, style = MUTED): string {
  return tag("p", "margin:4px 0;" + style, escapeHtml(text));
}

/** A progress bar stopping at 100 % of its width (the number beside it does not stop). */
export function barHtml(percent: number, status: IndicatorStatus): string {
  const w = Math.max(0, Math.min(100, Math.round(percent)));
  const cell = (width: number, colour: string) =>
    '<td width="' +
    width +
    '%" style="background:' +
    colour +
    ';height:8px;font-size:0;line-height:0">&nbsp;</td>';
  return (
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:4px 0">' +
    "<tr>" +
    (w > 0 ? cell(w, STATUS_STYLE[status].bar) : "") +
    (w < 100 ? cell(100 - w, "#e0e0e0") : "") +
    "</tr></table>"
  );
}

/** Status words on the status colour, with the pace below when there is one. */
export function statusBox(status: IndicatorStatus, words: string, pace: string): string {
  const look = STATUS_STYLE[status];
  return tag(
    "div",
    "padding:6px 8px;background:" + look.bg + ";color:" + look.fg,
    tag("div", "font-weight:bold", escapeHtml(words)) + (pace ? tag("div", SMALL, escapeHtml(pace)) : ""),
  );
}

/** Only https links make it into a report. */
export function safeUrl(u: string | undefined): string | null {
  if (!u) return null;
  const t = u.trim();
  return /^https:\/\/[^\s"'<>]+$/i.test(t) ? t : null;
}
