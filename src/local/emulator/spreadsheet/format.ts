// Display values: what a cell shows for its number format, in its spreadsheet's locale (vi_VN: "."
// groups thousands, "," is the decimal mark; en_US the other way round, see ./locale). Covers the Sheets number-format grammar the add-in uses:
// digit placeholders 0 # ?, grouping ",", decimals ".", percent, scientific E+, quoted literals,
// backslash escapes, [$…] currency literals, [Color] tags, up to four ";" sections, "@" text, and
// date/time tokens (yyyy yy MMMM MMM MM M dd d dddd ddd HH H hh h mm m ss s AM/PM).
import { type LocaleRules, localeRules, type Where } from "./locale";
import { toSerial, toWallTime } from "./time";
import { isDate } from "./values";

/** What Range.getNumberFormat reports for a cell whose format was never set ("Automatic"). */
export const AUTOMATIC_FORMAT = "0.###############";

interface Token {
  kind: "lit" | "code";
  text: string;
}

/** Splits a section into literal text and format codes. */
function tokenize(section: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const lit = (t: string): void => {
    out.push({ kind: "lit", text: t });
  };
  while (i < section.length) {
    const ch = section[i] ?? "";
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      lit(section.slice(i + 1, stop));
      i = stop + 1;
    } else if (ch === "\\") {
      lit(section[i + 1] ?? "");
      i += 2;
    } else if (ch === "_") {
      lit(" "); // "_x" leaves the width of x: a space is close enough for text output
      i += 2;
    } else if (ch === "*") {
      i += 2; // fill character: nothing in a plain-text rendering
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      if (inner.startsWith("$")) lit(inner.slice(1).split("-")[0] ?? "");
      i = end < 0 ? section.length : end + 1;
    } else {
      out.push({ kind: "code", text: ch });
      i++;
    }
  }
  return out;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? "";
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      cur += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(cur);
      cur = "";
    } else cur += ch;
  }
  sections.push(cur);
  return sections;
}

function isDateSection(tokens: Token[]): boolean {
  return (
    tokens.some((t) => t.kind === "code" && /[yYdDhHsS]/.test(t.text)) ||
    (tokens.some((t) => t.kind === "code" && /[mM]/.test(t.text)) &&
      !tokens.some((t) => t.kind === "code" && /[0#?]/.test(t.text)))
  );
}

/** Whether a number format shows a date or time (its first section has date or time codes). */
export function isDateFormat(format: string): boolean {
  return isDateSection(tokenize(splitSections(format)[0] ?? ""));
}

/** Rounds half away from zero, as Sheets does, without binary-fraction surprises. */
function roundTo(n: number, decimals: number): number {
  const shifted = Number(`${Math.abs(n)}e${decimals}`);
  const r = Number(`${Math.round(shifted)}e-${decimals}`);
  return n < 0 ? -r : r;
}

function groupDigits(digits: string, group: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += group;
    out += digits[i];
  }
  return out;
}

function formatNumberSection(n: number, tokens: Token[], withSign: boolean, l: LocaleRules): string {
  // Locate the digit block: from the first to the last placeholder.
  const isPh = (t: Token): boolean => t.kind === "code" && /[0#?.,]/.test(t.text);
  const isDigit = (t: Token): boolean => t.kind === "code" && /[0#?]/.test(t.text);
  const first = tokens.findIndex(isDigit);
  let last = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t && isDigit(t)) {
      last = i;
      break;
    }
  }
  const percent = tokens.filter((t) => t.kind === "code" && t.text === "%").length;
  let value = Math.abs(n) * 100 ** percent;
  const render = (tok: Token): string => (tok.kind === "lit" ? tok.text : tok.text === "%" ? "%" : tok.text);
  if (first < 0) {
    // No digit placeholder: the section is all literal ("Không", "-").
    return tokens.map(render).join("");
  }
  // Extend the block over adjacent "." and "," (e.g. trailing "." in "0.").
  let end = last;
  while (end + 1 < tokens.length && tokens[end + 1] && isPh(tokens[end + 1] as Token)) end++;
  const block = tokens.slice(first, end + 1).filter((t) => t.kind === "code");
  const blockText = block.map((t) => t.text).join("");
  const expIdx = tokens.findIndex((t, i) => i > last && t.kind === "code" && /[eE]/.test(t.text));
  const dot = blockText.indexOf(".");
  const intPat = dot < 0 ? blockText : blockText.slice(0, dot);
  const fracPat = dot < 0 ? "" : blockText.slice(dot + 1).replace(/,/g, "");
  const grouped = intPat.includes(",") && /[0#?],+[0#?]/.test(intPat);
  const minInt = (intPat.match(/0/g) ?? []).length;
  const maxDec = (fracPat.match(/[0#?]/g) ?? []).length;
  const minDec = (fracPat.match(/0/g) ?? []).length;

  let exponentText = "";
  if (expIdx >= 0) {
    const exp = value === 0 ? 0 : Math.floor(Math.log10(value));
    value = value / 10 ** exp;
    const expDigits = tokens.slice(expIdx + 1).filter((t) => t.kind === "code" && t.text === "0").length || 1;
    const sign = exp < 0 ? "-" : tokens[expIdx + 1]?.text === "+" ? "+" : "";
    exponentText = "E" + sign + String(Math.abs(exp)).padStart(expDigits, "0");
  }

  const rounded = roundTo(value, maxDec);
  const fixed = rounded.toFixed(maxDec);
  let [intDigits = "0", fracDigits = ""] = fixed.split(".");
  intDigits = intDigits.replace(/^0+/, "");
  if (intDigits.length < minInt) intDigits = intDigits.padStart(minInt, "0");
  while (fracDigits.length > minDec && fracDigits.endsWith("0")) fracDigits = fracDigits.slice(0, -1);
  let body = grouped ? groupDigits(intDigits, l.group) : intDigits;
  if (fracDigits.length > 0 || (dot >= 0 && minDec > 0)) body += l.decimal + fracDigits;
  else if (dot >= 0 && maxDec === 0) body += l.decimal; // "0." shows a trailing mark
  const negative = withSign && n < 0 && Number(body.replace(/\D/g, "")) !== 0;

  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (i === first) out += (negative ? "-" : "") + body;
    if (i >= first && i <= end) continue;
    if (expIdx >= 0 && i >= expIdx) {
      if (i === expIdx) out += exponentText;
      if (t.kind === "code" && /[eE+\-0]/.test(t.text)) continue;
    }
    out += render(t);
  }
  return out;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function formatDateSection(at: number, tokens: Token[], timeZone: string, l: LocaleRules): string {
  const w = toWallTime(at, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  // Group identical consecutive code letters into runs ("dd", "MMMM").
  const runs: { kind: "lit" | "code"; text: string }[] = [];
  for (const t of tokens) {
    const prev = runs[runs.length - 1];
    if (
      t.kind === "code" &&
      prev &&
      prev.kind === "code" &&
      prev.text[0]?.toLowerCase() === t.text.toLowerCase()
    ) {
      prev.text += t.text;
    } else runs.push({ kind: t.kind, text: t.text });
  }
  const ampm =
    runs.some((r) => r.kind === "code" && /^a$/i.test(r.text)) ||
    /AM\/PM/i.test(runs.map((r) => r.text).join(""));
  const codeIdx = runs
    .map((r, i) => (r.kind === "code" && /[ymdhs]/i.test(r.text) ? i : -1))
    .filter((i) => i >= 0);
  let out = "";
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i] as { kind: string; text: string };
    if (r.kind === "lit") {
      out += r.text;
      continue;
    }
    const low = r.text.toLowerCase();
    const c = low[0];
    if (c === "y") out += low.length <= 2 ? pad2(w.year % 100) : String(w.year);
    else if (c === "d") {
      if (low.length >= 4) out += l.daysLong[weekday];
      else if (low.length === 3) out += l.daysShort[weekday];
      else out += low.length === 2 ? pad2(w.day) : String(w.day);
    } else if (c === "h") {
      const h = ampm ? ((w.hour + 11) % 12) + 1 : w.hour;
      out += low.length >= 2 ? pad2(h) : String(h);
    } else if (c === "s") out += low.length >= 2 ? pad2(w.second) : String(w.second);
    else if (c === "m") {
      // "m" is minutes right after an hour or right before seconds, otherwise the month.
      const pos = codeIdx.indexOf(i);
      const before = pos > 0 ? runs[codeIdx[pos - 1] as number]?.text.toLowerCase()[0] : undefined;
      const after =
        pos >= 0 && pos + 1 < codeIdx.length
          ? runs[codeIdx[pos + 1] as number]?.text.toLowerCase()[0]
          : undefined;
      const minutes = low.length <= 2 && (before === "h" || after === "s");
      if (minutes) out += low.length === 2 ? pad2(w.minute) : String(w.minute);
      else if (low.length >= 4) out += l.monthsLong[w.month - 1];
      else if (low.length === 3) out += l.monthsShort[w.month - 1];
      else out += low.length === 2 ? pad2(w.month) : String(w.month);
    } else if (c === "a" || c === "p") {
      // AM/PM written as code letters "A", "M", "/", "P", "M".
      out += r.text;
    } else out += r.text;
  }
  if (ampm) out = out.replace(/AM\/PM|am\/pm|A\/P|a\/p/, w.hour < 12 ? l.am : l.pm);
  return out;
}

/** General ("Automatic") display of a number: up to 10 significant decimals, the locale's marks. */
export function formatGeneralNumber(n: number, decimal: string): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (Math.abs(n) >= 1e15 || (Math.abs(n) < 1e-9 && n !== 0)) {
    const [m = "0", e = "0"] = n.toExponential(2).split("e");
    const exp = Number(e);
    return m.replace(".", decimal) + "E" + (exp < 0 ? "-" : "+") + pad2(Math.abs(exp));
  }
  const s = String(Number(n.toPrecision(10)));
  return s.replace(".", decimal);
}

/** The text a cell shows. `value` undefined is an empty cell. */
export function displayValue(value: unknown, format: string | undefined, where: Where): string {
  if (value === undefined || value === null || value === "") return "";
  const { timeZone } = where;
  const l = localeRules(where.locale);
  const fmt = format === undefined || format === AUTOMATIC_FORMAT || format === "" ? undefined : format;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    if (fmt === undefined) return value;
    const sections = splitSections(fmt);
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes("@"));
    if (textSection === undefined) return value;
    return tokenize(textSection)
      .map((t) => (t.kind === "code" && t.text === "@" ? value : t.text))
      .join("");
  }
  if (fmt === "@")
    return isDate(value)
      ? displayValue(value, l.dateTimeFormat, where)
      : typeof value === "number"
        ? formatGeneralNumber(value, l.decimal)
        : String(value);
  const isD = isDate(value);
  if (!isD && typeof value !== "number") return String(value);
  if (fmt === undefined) {
    if (isD) return displayValue(value, l.dateTimeFormat, where);
    return formatGeneralNumber(value as number, l.decimal);
  }
  const sections = splitSections(fmt);
  const n = isD ? toSerial((value as Date).getTime(), timeZone) : (value as number);
  let section = sections[0] ?? "";
  let withSign = true;
  if (n < 0 && sections.length >= 2) {
    section = sections[1] ?? "";
    withSign = false;
  } else if (n === 0 && sections.length >= 3) section = sections[2] ?? "";
  const tokens = tokenize(section);
  if (isDateSection(tokens)) {
    const at = isD ? (value as Date).getTime() : serialToInstant(n, timeZone);
    return formatDateSection(at, tokens, timeZone, l);
  }
  if (tokens.every((t) => t.kind === "lit" || t.text === "@")) return tokens.map((t) => t.text).join("");
  if (section.trim().toLowerCase() === "general") return formatGeneralNumber(n, l.decimal);
  return formatNumberSection(n, tokens, withSign, l);
}

/** The instant of a serial number read as wall time in `timeZone` (how Sheets keeps dates). */
export function serialToInstant(serial: number, timeZone: string): number {
  // Serial days are local wall time; find the instant whose local serial matches.
  const approx = Date.UTC(1899, 11, 30) + Math.round(serial * 86400000);
  const offset = toSerial(approx, timeZone) - toSerial(approx, "UTC");
  return approx - Math.round(offset * 86400000);
}
