/**
 * A draft plan from the text of a plan document ("Nhập kế hoạch từ văn bản…", `ke-hoach-sheet
 * plan-from-text`): the header block, title and year, the quantitative targets of the "chỉ tiêu"
 * section (percentages and monthly frequencies, with their wording and comparison), the responsible
 * units and their tasks from "Tổ chức thực hiện", the recipients from "Nơi nhận", the signer.
 *
 * Nothing is guessed silently. What the text cannot say (which data columns measure a target, which
 * recipients get the monthly email, a comparison the add-in cannot express such as "trên 70 %") is
 * left blank or given a stated default, and marked with the reason: the marks become notes on the cells
 * of the "Kế hoạch" tab, which the office completes before setup accepts the plan. Sentences of the
 * targets section that hold a number but are no target the add-in can follow are listed as skipped.
 */
import { foldText } from "./parse";
import type { Paragraph, PlanText } from "./plan-draft-text";
import { parsePlanText } from "./plan-draft-text";
import type { Indicator, Plan, Recipient, Unit } from "./plan-schema";
import { isoOf, isValidIso } from "./periods";
import { tabNameProblem } from "./plan";

export interface DraftTarget {
  id: string;
  kind: "percentage" | "frequency";
  /** The plan's own words for this target. */
  wording: string;
  /** As the document says it: "ít nhất", "trên", "phấn đấu", "" … */
  qualifier: string;
  /** ">" is "trên N %", which the add-in cannot follow as such (marked). */
  op: ">=" | "=" | ">";
  /** Percent, or times a month. */
  value: number;
  ifAny: boolean;
}

export interface PlanDraft {
  header: {
    issuingBody: string;
    number: string;
    symbol: string;
    place: string;
    /** "YYYY-MM-DD" or "" when the text has no date. */
    date: string;
  };
  title: string;
  year: number | null;
  targets: DraftTarget[];
  units: { name: string; tasks: string[] }[];
  recipients: string[];
  signer: { title: string; name: string } | null;
  /** Sentences of the targets section with a number that are not drafted as targets, and why. */
  skipped: { text: string; why: string }[];
  /** The plan as far as the text goes; blank where the office must decide. */
  plan: Plan;
  /** Plan path (as plan-tab's marks) → what the office must do there. */
  marks: Map<string, string>;
}

const DEFAULT_FORMS = [
  "Tuyên truyền trực tiếp",
  "Hội nghị, họp",
  "Phát thanh",
  "Đăng tin trang điện tử",
  "Kiểm tra",
  "Tập huấn",
  "Văn bản, kế hoạch",
  "Khác",
];

const NUMBER_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6 };

/** "30%", "ít nhất 30 %", "trên 70%", "phấn đấu 60%", "100%". */
const PERCENT_RE =
  /(?:(ít nhất|tối thiểu|từ|trên|hơn|đạt|phấn đấu(?: đạt)?(?: trên)?|khoảng)\s+)?(\d{1,3}(?:[.,]\d+)?)\s*%/giu;
/** "ít nhất một tháng một lần", "ít nhất 2 lần/tháng", "ít nhất một lần mỗi tháng". */
const FREQUENCY_RE =
  /ít nhất\s+(\d+|một|hai|ba|bốn)\s+(?:lần\s*(?:\/|mỗi|một|trong)\s*tháng|tháng\s+(?:một|1)\s+lần)/iu;
const COUNT_RE = /(?:ít nhất|tối thiểu)\s+(?:\d+|một|hai|ba|bốn|năm)\s+\p{L}+/iu;

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentenceCase(s: string): string {
  const lower = s.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** "QUANG KHẢI" → "Quang Khải". */
function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(" ")
    .map((w) => capitalize(w))
    .join(" ");
}

function clean(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/[\s;:,.…]+$/u, "")
    .trim();
}

/** A stable code from a name: ASCII, camelCase, at most four words. */
function codeOf(name: string, taken: Set<string>, fallback: string): string {
  const words = foldText(name.replace(/\([^)]*\)/g, ""))
    .replace(/[^a-z0-9 ]/g, " ")
    .split(" ")
    .filter((w) => w !== "")
    .slice(0, 4);
  let base = words.map((w, i) => (i === 0 ? w : capitalize(w))).join("") || fallback;
  if (!/^[a-z]/.test(base)) base = fallback + capitalize(base);
  let code = base;
  for (let n = 2; taken.has(code); n++) code = base + n;
  taken.add(code);
  return code;
}

function splitOutside(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== "");
}

function opOf(qualifier: string, value: number): DraftTarget["op"] {
  const q = foldText(qualifier);
  if (/tren|hon/.test(q)) return ">";
  if (/it nhat|toi thieu|^tu$/.test(q)) return ">=";
  return value >= 100 ? "=" : ">=";
}

/** The targets of one item of the targets section; `skip` records sentences with numbers left out. */
function itemTargets(text: string, skip: (text: string, why: string) => void): Omit<DraftTarget, "id">[] {
  const out: Omit<DraftTarget, "id">[] = [];
  for (const clause of splitOutside(text, ";")) {
    const ifAny = /\(nếu có\)/iu.test(clause);
    const percents = [...clause.matchAll(PERCENT_RE)];
    if (percents.length > 0) {
      // "Ít nhất 30% A, ít nhất 30% B, ít nhất 30% C được tuyên truyền, …": one target each, with the
      // shared predicate of the last ("được tuyên truyền") added to the others.
      const starts = percents.map((m) => m.index ?? 0);
      const last = clause.slice(starts[starts.length - 1]);
      const shared = percents.length > 1 ? (/\s(được\s[^,.;]+)/u.exec(last)?.[1] ?? "") : "";
      percents.forEach((m, k) => {
        const end = k + 1 < starts.length ? starts[k + 1] : clause.length;
        let wording = clean(clause.slice(starts[k], end)).replace(/,$/, "");
        if (k + 1 < starts.length && shared) wording += " " + shared;
        else if (percents.length > 1 && shared)
          wording = clean(wording.slice(0, wording.indexOf(shared) + shared.length));
        const value = Number((m[2] as string).replace(",", "."));
        const qualifier = m[1] ?? "";
        out.push({
          kind: "percentage",
          wording: capitalize(wording.replace(/^(phấn đấu|đạt)\s+/iu, (w) => w)),
          qualifier,
          op: opOf(qualifier, value),
          value,
          ifAny,
        });
      });
      continue;
    }
    const freq = FREQUENCY_RE.exec(clause);
    if (freq) {
      const n = /^\d+$/.test(freq[1] as string) ? Number(freq[1]) : (NUMBER_WORDS[foldText(freq[1])] ?? 1);
      // "… được đăng tải trên A, B ít nhất một tháng một lần": one target a channel.
      const channels = /^(.*?\btrên\s+)(.+?)\s+(ít nhất.*)$/iu.exec(clause);
      const parts = channels ? (channels[2] as string).split(/,\s+/) : [];
      const wordings =
        channels && parts.length > 1 && parts.every((p) => p.split(" ").length >= 2)
          ? parts.map((p) => `${channels[1]}${p} ${channels[3]}`)
          : [clause];
      for (const w of wordings)
        out.push({
          kind: "frequency",
          wording: capitalize(clean(w)),
          qualifier: "ít nhất",
          op: ">=",
          value: n,
          ifAny,
        });
      continue;
    }
    if (/\d|\b(một|hai|ba)\b/iu.test(clause) && COUNT_RE.test(clause))
      skip(
        clean(clause),
        "một số lượng (không phải tỉ lệ hay số lần mỗi tháng): văn phòng thêm chỉ tiêu nếu cần theo dõi",
      );
    else if (/\d+\s*\/\s*\d+/.test(clause))
      skip(clean(clause), "một tỉ số (N/M): văn phòng thêm chỉ tiêu tỉ lệ nếu cần theo dõi");
  }
  return out;
}

/** The paragraphs of the targets: the "chỉ tiêu" subsection when there is one, else the whole section. */
function targetItems(doc: PlanText): Paragraph[] {
  const section = doc.sections.find((s) => /chi tieu|muc tieu/.test(foldText(s.title)));
  if (!section) return [];
  const items = section.items;
  const head = items.findIndex(
    (p) =>
      p.kind === "num" &&
      /^(cac |mot so )?(chi tieu|muc tieu cu the)/.test(foldText(p.text)) &&
      p.text.length < 60,
  );
  if (head < 0) return items;
  const depth = items[head]!.marker.split(".").length;
  const out: Paragraph[] = [];
  for (const p of items.slice(head + 1)) {
    if (p.kind === "num" && p.marker.split(".").length <= depth && /^\d/.test(p.marker)) break;
    out.push(p);
  }
  return out;
}

function draftTargets(doc: PlanText, skipped: PlanDraft["skipped"]): DraftTarget[] {
  const out: DraftTarget[] = [];
  let n = 0;
  for (const p of targetItems(doc)) {
    const found = itemTargets(p.text, (text, why) => skipped.push({ text, why }));
    if (found.length === 0) continue;
    n++;
    const base = "CT" + (p.kind === "num" && /^\d+$/.test(p.marker) ? p.marker : String(n));
    found.forEach((t, k) => {
      out.push({ ...t, id: found.length > 1 ? base + String.fromCharCode(97 + k) : base });
    });
  }
  return out;
}

/** Tasks of a unit: each sentence of its bullets (or of its paragraph), ";"-separated parts kept whole. */
function unitsOf(doc: PlanText): { name: string; tasks: string[] }[] {
  const section = doc.sections.find((s) => /to chuc thuc hien/.test(foldText(s.title)));
  if (!section) return [];
  const units: { name: string; tasks: string[] }[] = [];
  for (const p of section.items) {
    if (p.kind === "num" && /^\d+$/.test(p.marker)) {
      units.push({ name: clean(p.text.replace(/^Đề nghị\s+/u, "")), tasks: [] });
      continue;
    }
    const unit = units[units.length - 1];
    if (!unit) continue;
    const parts = p.kind === "bullet" ? p.text.split(/(?<=\.)\s+(?=\p{Lu})/u) : splitOutside(p.text, ";");
    for (const part of parts) if (clean(part)) unit.tasks.push(capitalize(clean(part)));
  }
  return units.filter((u) => u.name !== "");
}

const TASK_MAX = 100;

function shortTask(task: string): string {
  if (task.length <= TASK_MAX) return task;
  const cut = task.slice(0, TASK_MAX - 1);
  const at = Math.max(cut.lastIndexOf(", "), cut.lastIndexOf(" "));
  return cut.slice(0, at > TASK_MAX / 2 ? at : cut.length).replace(/[,;]$/, "") + "…";
}

function shortTabName(name: string, taken: Set<string>): string {
  let base = name
    .replace(/\([^)]*\)/g, "")
    .replace(/[:\\/?*[\]']/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (base.length > 30) {
    const cut = base.slice(0, 30);
    base = cut.slice(0, Math.max(cut.lastIndexOf(" "), 10)).trim();
  }
  if (tabNameProblem(base)) base = "Đơn vị";
  let tab = base;
  for (let n = 2; taken.has(foldText(tab)); n++) tab = `${base} ${n}`;
  taken.add(foldText(tab));
  return tab;
}

/** "Phòng, chống mại dâm 2023" from the trích yếu, at most 40 characters, cut between words. */
function shortNameOf(trich: string): string {
  const name = clean(trich.replace(/\s+trên địa bàn.*$/iu, "").replace(/\bnăm\s+(\d{4})/iu, "$1"));
  if (name.length <= 40) return name;
  const cut = name.slice(0, 40);
  return clean(cut.slice(0, cut.lastIndexOf(" ")));
}

function roleOf(label: string): Recipient["role"] {
  const f = foldText(label);
  if (/^luu\b/.test(f)) return "internal";
  if (/huyen|tinh|thanh pho|^so |^phong |cap tren/.test(f)) return "upperLevel";
  if (/chu tich/.test(f)) return "chairman";
  return "internal";
}

export function draftPlanFromText(text: string): PlanDraft {
  const doc = parsePlanText(text);
  const marks = new Map<string, string>();
  const mark = (path: (string | number)[], why: string) => marks.set(path.join("."), why);
  const head = doc.header.join(" ");

  // Header block.
  const bodyLines: string[] = [];
  for (const l of doc.header) {
    if (/^(cong|doc lap|so\b)/.test(foldText(l))) break;
    bodyLines.push(l);
  }
  const issuingBody = bodyLines.join(" ").replace(/\s+/g, " ").trim();
  const numberMatch = /Số\s*:?\s*(\d*)\s*\/\s*([\p{Lu}\d&-]+(?:\/[\p{Lu}\d-]+)*)/u.exec(head);
  const dateMatch =
    /(?<![\p{L}\d/-])((?:\p{Lu}\p{Ll}+\s+){0,3}\p{Lu}\p{Ll}+),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(
      head,
    );
  const dateIso = dateMatch ? isoOf(Number(dateMatch[4]), Number(dateMatch[3]), Number(dateMatch[2])) : "";
  const date = isValidIso(dateIso) ? dateIso : "";
  const place = dateMatch?.[1] ?? "";

  // Title and year.
  const rawTitle = doc.title;
  const upperTitle = rawTitle !== "" && rawTitle === rawTitle.toUpperCase();
  const trich = upperTitle ? sentenceCase(rawTitle) : rawTitle;
  const title = trich ? "Kế hoạch " + trich.charAt(0).toLowerCase() + trich.slice(1) : "";
  const yearIn = /\bnăm\s+(\d{4})\b/u.exec(rawTitle.toLowerCase());
  const span = /giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/u.exec(rawTitle.toLowerCase());
  const year = yearIn ? Number(yearIn[1]) : span ? Number(span[1]) : date ? Number(date.slice(0, 4)) : null;

  // Commune: from the issuing body ("UBND XÃ VẠN THẮNG"), else the place.
  const level = /(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|TỈNH|THÀNH PHỐ)\s+(.+?)(?=\s+BAN\b|$)/u.exec(issuingBody);
  const commune = level
    ? { level: (level[1] as string).toLowerCase(), name: titleCase(level[2] as string) }
    : { level: "", name: place };
  const preamble = doc.preamble.map((p) => p.text).join(" ");
  // The upper level named in the căn cứ: for a commune the district (or province) whose plan it follows.
  const uppers = [
    ...preamble.matchAll(
      // No "i" flag: with it \p{Lu} would match small letters too.
      /của\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+([Hh]uyện|[Tt]ỉnh|[Tt]hành phố|[Qq]uận|[Tt]hị xã)\s+((?:\p{Lu}\p{Ll}*\s?){1,3})/gu,
    ),
  ].map((m) => ({ level: (m[1] as string).toLowerCase(), name: (m[2] as string).trim() }));
  const upperMatch =
    commune.level === "xã" || commune.level === "phường"
      ? (uppers.find((u) => u.level !== "tỉnh") ?? uppers[0])
      : uppers.find((u) => u.level === "tỉnh" && foldText(u.name) !== foldText(commune.name));
  const province = /tỉnh\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)?)/u
    .exec(preamble + " " + rawTitle)?.[1]
    ?.trim();

  const skipped: PlanDraft["skipped"] = [];
  const targets = draftTargets(doc, skipped);
  const units = unitsOf(doc);
  const y = year ?? 2000;

  const codes = new Set<string>();
  const tabs = new Set<string>();
  const planUnits: Unit[] = units.map((u, i) => {
    const tasks: string[] = [];
    const seen = new Set<string>();
    u.tasks.forEach((t) => {
      const short = shortTask(t);
      if (seen.has(foldText(short))) return;
      seen.add(foldText(short));
      if (short !== t)
        mark(["units", i, "tasks", tasks.length], "Rút gọn từ văn bản, hãy sửa cho gọn. Nguyên văn: " + t);
      tasks.push(short);
    });
    const tabName = shortTabName(u.name, tabs);
    if (tabName !== u.name) mark(["units", i, "tabName"], "Tên trang rút ngắn từ tên đơn vị; sửa nếu muốn.");
    return {
      id: codeOf(u.name, codes, "donVi"),
      tabName,
      name: u.name,
      tasks,
      source: "Tổ chức thực hiện " + (i + 1),
    };
  });

  const indicators: Indicator[] = targets.map((t, i) => {
    const shortLabel = t.wording
      .replace(/^(ít nhất|tối thiểu|trên|phấn đấu(?: đạt)?|đạt)\s+/iu, "")
      .replace(/^\d+(?:[.,]\d+)?\s*%\s*/u, "")
      .split(/\s+/)
      .slice(0, 8)
      .join(" ");
    if (t.kind === "frequency") {
      mark(
        ["indicators", i, "elementId"],
        "Chọn cột số liệu (mã trong bảng CỘT SỐ LIỆU) đếm việc này mỗi tháng.",
      );
      return {
        kind: "frequency",
        id: t.id,
        label: t.wording,
        shortLabel: capitalize(shortLabel),
        elementId: "",
        minPerMonth: t.value,
      };
    }
    mark(["indicators", i, "numerator", "elementId"], "Chọn cột số liệu đếm những gì đã làm được (tử số).");
    mark(["indicators", i, "denominator", "elementId"], "Chọn cột số liệu của tổng số (mẫu số).");
    if (t.op === ">")
      mark(
        ["indicators", i, "target", "op"],
        `Văn bản ghi "${t.qualifier} ${t.value}%" (lớn hơn); tiện ích chỉ có ≥ và =: hãy chọn, có thể ≥ ${t.value}.`,
      );
    if (!t.ifAny)
      mark(
        ["indicators", i, "onZeroDenominator"],
        'Văn bản không ghi "nếu có": để Thiếu số liệu; sửa nếu cần.',
      );
    mark(
      ["indicators", i, "prorate"],
      "Mục tiêu cả năm thì Có (xét theo tiến độ); mục tiêu phải đạt ngay thì Không.",
    );
    return {
      kind: "percentage",
      id: t.id,
      label: t.wording,
      shortLabel: capitalize(shortLabel),
      numerator: { kind: "sum", elementId: "" },
      denominator: { kind: "sum", elementId: "" },
      target: { op: t.op === "=" ? "=" : ">=", value: t.value },
      onZeroDenominator: t.ifAny ? "notApplicable" : "missingData",
      prorate: t.op !== "=",
    };
  });

  const recipients: Recipient[] = doc.recipients.map((label, i) => {
    const role = roleOf(label);
    if (!/^luu\b/.test(foldText(label)))
      mark(
        ["recipients", i, "role"],
        "Đoán theo tên: Chủ tịch và Cấp trên nhận báo cáo tháng; hãy kiểm tra.",
      );
    return { label, role };
  });

  const plan: Plan = {
    id:
      (foldText(commune.name)
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "ke-hoach") +
      "-" +
      y,
    title,
    shortName: shortNameOf(trich),
    commune,
    ...(province ? { province } : {}),
    upperLevel: upperMatch ? `UBND ${upperMatch.level} ${upperMatch.name}` : "",
    year: y,
    startDate: date?.startsWith(String(y)) ? date : `${y}-01-01`,
    document: { number: numberMatch?.[1] ?? "", symbol: numberMatch?.[2] ?? "", date },
    chairman: doc.signer ?? { title: "", name: "" },
    timeZone: "Asia/Ho_Chi_Minh",
    periodRule: "cutoff",
    forms: [...DEFAULT_FORMS],
    recipients,
    units: planUnits,
    elements: [],
    indicators,
    rules: [],
  };

  if (!title) mark(["title"], "Không thấy tên kế hoạch sau chữ KẾ HOẠCH: hãy nhập.");
  else if (upperTitle)
    mark(["title"], "Văn bản viết hoa cả tên; đã viết thường: hãy kiểm tra chữ hoa của tên riêng.");
  if (!yearIn)
    mark(
      ["year"],
      year === null
        ? "Không thấy năm: hãy nhập."
        : "Tên kế hoạch không ghi năm: lấy năm đầu (hoặc năm ban hành), hãy kiểm tra.",
    );
  mark(["startDate"], "Luỹ kế tính từ ngày này; đang để ngày ban hành (hoặc 01/01): hãy kiểm tra.");
  if (!level) mark(["commune", "level"], "Văn bản không ghi cấp (xã, phường…) ở đầu: hãy nhập.");
  mark(
    ["upperLevel"],
    upperMatch
      ? "Lấy từ phần căn cứ của văn bản; từ 1/7/2025 không còn cấp huyện: hãy kiểm tra (sửa được ở Cài đặt)."
      : "Không thấy cấp trên trong phần căn cứ: hãy nhập.",
  );
  if (province) mark(["province"], "Lấy từ phần căn cứ: hãy kiểm tra.");
  if (!numberMatch) mark(["document", "symbol"], "Không thấy số, ký hiệu văn bản: hãy nhập.");
  if (!date) mark(["document", "date"], "Không thấy ngày ban hành: hãy nhập.");
  if (!doc.signer) mark(["chairman", "name"], "Không thấy người ký: hãy nhập.");
  mark(["periodRule"], "Mặc định theo Nghị định 09/2019/NĐ-CP; sửa nếu báo cáo theo tháng dương lịch.");
  mark(["forms"], "Danh sách mặc định; sửa theo các hình thức của kế hoạch.");
  mark(
    ["elements"],
    "Văn bản không nói cột nào đo chỉ tiêu nào: thêm các cột số liệu cho từng đơn vị, rồi ghi mã của chúng ở bảng CHỈ TIÊU.",
  );
  if (planUnits.length === 0) mark(["units"], "Không thấy mục Tổ chức thực hiện: hãy thêm các đơn vị.");
  if (targets.length === 0)
    mark(["indicators"], "Không thấy chỉ tiêu có tỉ lệ % hay số lần mỗi tháng: hãy thêm nếu có.");

  return {
    header: { issuingBody, number: numberMatch?.[1] ?? "", symbol: numberMatch?.[2] ?? "", place, date },
    title,
    year,
    targets,
    units,
    recipients: doc.recipients,
    signer: doc.signer,
    skipped,
    plan,
    marks,
  };
}
