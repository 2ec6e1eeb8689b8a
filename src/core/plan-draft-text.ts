/**
 * The structure of a Vietnamese administrative plan's text (Nghị định 30/2020/NĐ-CP layout), as it
 * comes out of a Word document, a PDF or a web page: the header block (issuing body, number and
 * symbol, place and date), the title after "KẾ HOẠCH", the body's paragraphs grouped under their
 * Roman-numbered sections, "Nơi nhận" and the signer.
 *
 * Text copied from a PDF or a page breaks lines anywhere, even with a blank line in mid-sentence, and
 * pages render the header's table with "|": a paragraph therefore starts only at a marker (I., 1., a),
 * a dash or bullet), or after a complete numbered heading when the next line starts with a capital.
 */
import { foldText } from "./parse";

export interface Paragraph {
  kind: "roman" | "num" | "bullet" | "text";
  /** "II", "2", "2.1", "a" or "" for bullets and text. */
  marker: string;
  text: string;
}

export interface Section {
  marker: string;
  title: string;
  items: Paragraph[];
}

export interface PlanText {
  /** Header lines before "KẾ HOẠCH", one a line, table cells split. */
  header: string[];
  /** The trích yếu after "KẾ HOẠCH", joined; "" when the text has none. */
  title: string;
  /** Paragraphs before the first Roman section (căn cứ, thực hiện …). */
  preamble: Paragraph[];
  sections: Section[];
  recipients: string[];
  signer: { title: string; name: string } | null;
}

const ROMAN_RE = /^(X{0,2}(?:IX|IV|V?I{0,3}))\s*[.)]\s*(\S.*)$/u;
const NUM_RE = /^(\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(\S.*)$/u;
const LETTER_RE = /^([a-zđ])\)\s*(\S.*)$/u;
/** A dash then a letter, or a dash, a space and anything ("- 10/10 huyện"); not "-2025" cut from a range. */
const BULLET_RE = /^(?:[-–•+*]\s+|[-–•+*](?=\p{L}))(\S.*)$/u;
const SIGN_RE =
  /^(?:(?:KT|TM|TL|Q)\.\s*)?(?:PHÓ\s+)?(?:CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|BAN CHỈ ĐẠO)\b/u;

/** NFC lines, table cells split, no-break spaces plain, rules ("-----") dropped, trimmed. */
export function textLines(text: string): string[] {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2002-\u200b\ufeff]/g, " ")
    .split(/\n|\|/)
    .map((l) => l.replace(/[ \t]+/g, " ").trim())
    .filter((l) => !/^[-_=.*]{3,}$/.test(l));
}

function isUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters === letters.toUpperCase();
}

/** Parentheses and quotes closed, and not ending on a comma or dash: a heading that is whole. */
function complete(text: string): boolean {
  const open = (text.match(/\(/g) ?? []).length;
  const close = (text.match(/\)/g) ?? []).length;
  return open <= close && !/[,\-–]$/.test(text);
}

export function parsePlanText(text: string): PlanText {
  const lines = textLines(text);
  const titleAt = lines.findIndex((l) => foldText(l) === "ke hoach");
  const header = lines.slice(0, titleAt >= 0 ? titleAt : Math.min(lines.length, 12)).filter((l) => l !== "");
  let i = titleAt >= 0 ? titleAt + 1 : 0;
  const title: string[] = [];
  if (titleAt >= 0) {
    for (; i < lines.length; i++) {
      const l = lines[i] as string;
      if (l === "") {
        if (title.length > 0 && !/^(trên|về|năm|giai|nhiệm)/iu.test(nextText(lines, i))) break;
        continue;
      }
      if (
        /^(Căn cứ|Thực hiện\s+(?:Kế hoạch|Quyết định|Công văn|Chỉ thị|Nghị|Luật|Pháp)|Để|Nhằm|Theo|\(Ban hành)/u.test(
          l,
        )
      )
        break;
      if (ROMAN_RE.test(l) && title.length > 0) break;
      title.push(l);
    }
  }
  const body: string[] = [];
  let recipientsAt = -1;
  for (; i < lines.length; i++) {
    if (/^nơi nhận\s*:?/iu.test(lines[i] as string)) {
      recipientsAt = i;
      break;
    }
    body.push(lines[i] as string);
  }
  const paragraphs = toParagraphs(body);
  const preamble: Paragraph[] = [];
  const sections: Section[] = [];
  for (const p of paragraphs) {
    if (/^Trên đây là/u.test(p.text)) break;
    if (p.kind === "roman") sections.push({ marker: p.marker, title: p.text, items: [] });
    else if (sections.length > 0) sections[sections.length - 1]!.items.push(p);
    else preamble.push(p);
  }
  const tail = recipientsAt >= 0 ? lines.slice(recipientsAt) : lines.slice(Math.max(0, lines.length - 20));
  return {
    header,
    title: title.join(" ").replace(/\s+/g, " ").trim(),
    preamble,
    sections,
    recipients: recipientsAt >= 0 ? recipientLines(lines.slice(recipientsAt + 1)) : [],
    signer: signerOf(tail),
  };
}

function nextText(lines: string[], from: number): string {
  for (let j = from + 1; j < lines.length; j++) if (lines[j] !== "") return lines[j] as string;
  return "";
}

function toParagraphs(lines: string[]): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  const start = (p: Paragraph) => {
    cur = p;
    out.push(p);
  };
  for (const line of lines) {
    if (line === "") continue;
    const roman = ROMAN_RE.exec(line);
    const num = NUM_RE.exec(line);
    const letter = LETTER_RE.exec(line);
    const bullet = BULLET_RE.exec(line);
    const c = cur as Paragraph | null;
    if (/^Trên đây là/u.test(line)) start({ kind: "text", marker: "", text: line });
    else if (roman?.[1] && isUpper(roman[2] ?? ""))
      start({ kind: "roman", marker: roman[1], text: roman[2] as string });
    else if (num) start({ kind: "num", marker: num[1] as string, text: num[2] as string });
    else if (letter) start({ kind: "num", marker: letter[1] as string, text: letter[2] as string });
    else if (bullet) start({ kind: "bullet", marker: "", text: bullet[1] as string });
    else if (
      c &&
      (c.kind === "num" || c.kind === "roman") &&
      complete(c.text) &&
      /^\p{Lu}/u.test(line) &&
      !(c.kind === "roman" && isUpper(line))
    )
      start({ kind: "text", marker: "", text: line });
    else if (c) c.text += " " + line;
    else start({ kind: "text", marker: "", text: line });
  }
  for (const p of out) p.text = p.text.replace(/\s+/g, " ").trim();
  return out;
}

function recipientLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l === "") continue;
    const m = /^[-–•+]\s*(.+)$/u.exec(l);
    if (!m) {
      if (out.length > 0) break;
      continue;
    }
    const label = (m[1] as string)
      .replace(/[;.,\s]+$/u, "")
      .replace(/\s*\/\.?$/, "")
      .trim();
    if (label) out.push(label);
    if (/^Lưu\b/iu.test(label)) break;
  }
  return out;
}

function signerOf(lines: string[]): { title: string; name: string } | null {
  let title = "";
  let name = "";
  for (let j = 0; j < lines.length; j++) {
    const l = lines[j] as string;
    if (SIGN_RE.test(l) && isUpper(l)) {
      title = l.replace(/^(?:KT|TM|TL|Q)\.\s*/u, "");
      name = "";
      continue;
    }
    if (title && !name && /^(?:\p{Lu}\p{Ll}*\s+){1,5}\p{Lu}\p{Ll}*$/u.test(l)) name = l;
  }
  if (!title || !name) return null;
  const lower = title.toLowerCase();
  return { title: lower.charAt(0).toUpperCase() + lower.slice(1), name };
}
