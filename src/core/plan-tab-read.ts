/**
 * Reading the "Kế hoạch" tab (laid out in plan-tab.ts) back into a plan, checked by the same schema as
 * a plan file (plan-schema.ts): every problem at once, each with its cell and what to type instead,
 * "Kế hoạch!C14: …, hãy nhập …". Nothing is guessed: a word the tab does not know is a problem.
 */
import type { CellValue } from "./cell";
import { isBlankCell } from "./cell";
import { foldText, normalizeText, parseDate, parseWholeNumber, parseYesNo } from "./parse";
import type { Plan, PlanIssue, Term } from "./plan-schema";
import { checkPlan, crossCheckPlan } from "./plan-schema";
import type { GeneralRow, SectionKey, SectionSpec } from "./plan-tab";
import {
  GENERAL,
  INDICATOR_WORDS,
  KIND_WORDS,
  PERIOD_WORDS,
  PLAN_TAB,
  pathKey,
  ROLE_WORDS,
  RULE_OPS,
  SECTIONS,
  SEVERITY_WORDS,
  TYPE_WORDS,
  UNITS_EXPECTED,
  UNITS_YES,
  ZERO_WORDS,
} from "./plan-tab";

/** A problem of the tab, with its cell (0-based) and the message shown to the office. */
export interface PlanTabProblem {
  row: number;
  col: number;
  /** "Kế hoạch!C14: …". */
  message: string;
}

export type PlanTabRead =
  | { ok: true; plan: Plan }
  | { ok: false; problems: PlanTabProblem[]; errors: string[] };

/** "C14" for 0-based row 13, column 2. */
export function cellName(row: number, col: number): string {
  let s = "";
  for (let x = col + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s + (row + 1);
}

/** What to type, by the last key of a plan path, added to a schema message that does not say it. */
const HINTS: Record<string, string> = {
  id: "hãy nhập một mã khác",
  tabName: "hãy nhập một tên trang ngắn, không trùng, không có : \\ / ? * [ ]",
  unitIds: "hãy nhập mã các đơn vị trong bảng ĐƠN VỊ THỰC HIỆN, cách nhau bằng dấu phẩy",
  elementId: "hãy nhập mã một cột trong bảng CỘT SỐ LIỆU",
  left: "hãy nhập mã một cột số (không phải Có/Không) trong bảng CỘT SỐ LIỆU",
  right: "hãy nhập mã một cột số cùng đơn vị nhập với vế trái",
  year: "hãy nhập năm, ví dụ 2024",
  startDate: "hãy nhập một ngày trong năm của kế hoạch, dạng ngày/tháng/năm",
  date: "hãy nhập ngày dạng ngày/tháng/năm, ví dụ 15/03/2024",
  tasks: "hãy thêm nhiệm vụ cho đơn vị này ở bảng NHIỆM VỤ",
  subUnitLabel: "hãy nhập tên cột đơn vị con, ví dụ Trường hoặc Thôn",
  minPerMonth: "hãy nhập số lần mỗi tháng, ví dụ 1",
  value: "hãy nhập tỉ lệ phần trăm, ví dụ 30",
  units: "hãy thêm ít nhất một đơn vị",
  forms: "hãy nhập hình thức khác hoặc xoá dòng trùng",
  label: "hãy nhập nội dung cho ô này",
  max: "hãy để trống mức tối đa và lý do (cột Có/Không không có mức tối đa)",
};

function hintFor(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const k = path[i];
    if (typeof k === "string" && HINTS[k]) return HINTS[k] as string;
  }
  return "hãy nhập nội dung đúng cho ô này";
}

function sentence(at: string, message: string, hint: string): string {
  const m = message.replace(/[.\s]+$/, "");
  return `${PLAN_TAB}!${at}: ${m}${/hãy /i.test(m) ? "" : ", " + hint}.`;
}

interface Section {
  spec: SectionSpec;
  titleRow: number;
  headerRow: number;
  /** Column index of each column key. */
  cols: Map<string, number>;
  rows: number[];
}

/** A title cell as a key: folded, without a leading "1." or "I." and a trailing ":". */
function titleKey(v: CellValue | undefined): string {
  return foldText(v)
    .replace(/^(?:[ivx]+|\d+)[.)]\s*/, "")
    .replace(/[:\s]+$/, "");
}

function headerKey(v: CellValue | undefined): string {
  return foldText(v).replace(/\*/g, "").replace(/\s+/g, " ").trim();
}

/**
 * Reads the tab back into a plan and checks it completely. Every problem is listed, each with its cell
 * and what to type instead; nothing is guessed.
 */
export function planFromTabCells(values: readonly (readonly CellValue[])[]): PlanTabRead {
  const reader = new TabReader(values);
  const loose = reader.read();
  const problems = reader.problems;
  const taken = new Set([...problems.map((p) => p.row + ":" + p.col), ...reader.quietCells()]);
  const checked = checkPlan(loose);
  if (checked.ok && problems.length === 0) return { ok: true, plan: checked.plan };
  if (!checked.ok) {
    const issues: PlanIssue[] = [...checked.issues];
    if (checked.shape) {
      // The references too, so that one reading lists everything. The reader gives every field its
      // type, so this holds; should a future field break that, the shape problems still stand alone.
      try {
        issues.push(...crossCheckPlan(loose));
      } catch (_) {
        // Nothing more to add.
      }
    }
    const seen = new Set<string>();
    for (const iss of issues) {
      const [row, col] = reader.cellOf(iss.path);
      const key = row + ":" + col;
      if (taken.has(key)) continue;
      const message = sentence(cellName(row, col), iss.message, hintFor(iss.path));
      if (seen.has(message)) continue;
      seen.add(message);
      problems.push({ row, col, message });
    }
  }
  problems.sort((a, b) => a.row - b.row || a.col - b.col);
  return { ok: false, problems, errors: problems.map((p) => p.message) };
}

class TabReader {
  readonly problems: PlanTabProblem[] = [];
  /** Plan path → 0-based [row, col] of the cell it came from. */
  private readonly at = new Map<string, [number, number]>();
  private readonly values: readonly (readonly CellValue[])[];

  constructor(values: readonly (readonly CellValue[])[]) {
    this.values = values;
    this.at.set("", [0, 0]);
  }

  cellOf(path: readonly (string | number)[]): [number, number] {
    for (let n = path.length; n >= 0; n--) {
      const hit = this.at.get(pathKey(path.slice(0, n)));
      if (hit) return hit;
    }
    return [0, 0];
  }

  private cell(row: number, col: number): CellValue {
    return this.values[row]?.[col] ?? "";
  }

  /** Header cells of tables that lack a column: one problem says so, not one a row. */
  private readonly quiet = new Set<string>();

  quietCells(): Iterable<string> {
    return this.quiet;
  }

  private problem(row: number, col: number, message: string): void {
    if (this.quiet.has(row + ":" + col)) return;
    this.problems.push({ row, col, message: `${PLAN_TAB}!${cellName(row, col)}: ${message}` });
  }

  private mark(path: (string | number)[], row: number, col: number): void {
    this.at.set(pathKey(path), [row, col]);
  }

  private sections(): Map<SectionKey, Section> {
    const byTitle = new Map(SECTIONS.map((s) => [titleKey(s.title), s]));
    const found = new Map<SectionKey, Section>();
    let current = null as Section | null;
    for (let r = 0; r < this.values.length; r++) {
      const spec = byTitle.get(titleKey(this.cell(r, 0)));
      // "Hình thức" and "Nơi nhận" are both a title and the header below it.
      const isOwnHeader = spec && current?.spec === spec && current.headerRow < 0;
      if (spec && !isOwnHeader) {
        if (found.has(spec.key)) {
          this.problem(r, 0, `bảng "${spec.title}" có hai lần, hãy gộp thành một bảng.`);
          current = null;
          continue;
        }
        current = { spec, titleRow: r, headerRow: -1, cols: new Map(), rows: [] };
        found.set(spec.key, current);
        continue;
      }
      if (!current || (this.values[r] ?? []).every((v) => isBlankCell(v))) continue;
      if (current.headerRow < 0) {
        current.headerRow = r;
        const headers = (this.values[r] ?? []).map(headerKey);
        for (const col of current.spec.columns) {
          const i = headers.indexOf(headerKey(col.header));
          if (i >= 0) current.cols.set(col.key, i);
          else if (!col.optional) {
            this.problem(
              r,
              0,
              `bảng "${current.spec.title}" thiếu cột "${col.header}", hãy thêm lại cột có đúng tiêu đề đó.`,
            );
            this.quiet.add(r + ":0");
          }
        }
      } else current.rows.push(r);
    }
    for (const spec of SECTIONS) {
      if (!found.has(spec.key) && spec.key !== "subUnits" && spec.key !== "rules")
        this.problem(
          0,
          0,
          `không thấy bảng "${spec.title}", hãy thêm lại dòng tiêu đề "${spec.title}" ở cột A và bảng bên dưới.`,
        );
    }
    return found;
  }

  read(): Plan {
    const found = this.sections();
    const plan = {
      timeZone: "Asia/Ho_Chi_Minh",
      forms: [] as string[],
      recipients: [] as unknown[],
      units: [] as Record<string, unknown>[],
      elements: [] as unknown[],
      indicators: [] as unknown[],
      rules: [] as unknown[],
      commune: {},
      document: {},
      chairman: {},
    } as Record<string, unknown>;
    const sec = (k: SectionKey) => found.get(k);
    // Every field typed even when its line or table is missing: the checks below then read it safely.
    for (const g of GENERAL) if (g.kind !== "optionalText") setPath(plan, g.path, g.kind === "year" ? 0 : "");
    const general = sec("general");
    if (general) this.readGeneral(general, plan);
    for (const k of ["units", "elements", "indicators", "rules", "forms", "recipients"] as const) {
      const s = sec(k);
      if (s) this.mark([k], s.titleRow, 0);
    }
    const units = plan["units"] as Record<string, unknown>[];
    const s = (
      k: SectionKey,
      fn: (sec: Section, get: (r: number, key: string) => CellValue, r: number) => void,
    ) => {
      const section = sec(k);
      if (!section) return;
      const get = (r: number, key: string) => {
        const col = section.cols.get(key);
        return col === undefined ? "" : this.cell(r, col);
      };
      for (const r of section.rows) fn(section, get, r);
    };
    /** Where a key's cell is: in its column, or at the header when the column is missing. */
    const pos = (section: Section, r: number, key: string): [number, number] => {
      const col = section.cols.get(key);
      return col === undefined ? [section.headerRow, 0] : [r, col];
    };

    s("units", (section, get, r) => {
      const i = units.length;
      const u: Record<string, unknown> = {
        id: text(get(r, "id")),
        tabName: text(get(r, "tabName")),
        name: text(get(r, "name")),
        tasks: [],
      };
      const label = text(get(r, "subUnitLabel"));
      if (label) u["subUnitLabel"] = label;
      const source = text(get(r, "source"));
      if (source) u["source"] = source;
      for (const k of ["id", "tabName", "name", "subUnitLabel", "source"])
        this.mark(["units", i, k], ...pos(section, r, k));
      // A unit without tasks is reported at its code.
      this.mark(["units", i, "tasks"], ...pos(section, r, "id"));
      this.mark(["units", i, "subUnits"], ...pos(section, r, "subUnitLabel"));
      units.push(u);
    });
    const unitIndex = new Map<string, number>();
    units.forEach((u, i) => {
      if (!unitIndex.has(u["id"] as string)) unitIndex.set(u["id"] as string, i);
    });
    const ownerOf = (section: Section, get: (r: number, key: string) => CellValue, r: number) => {
      const code = text(get(r, "unit"));
      const i = unitIndex.get(code);
      if (i === undefined)
        this.problem(
          ...pos(section, r, "unit"),
          code === ""
            ? "chưa ghi mã đơn vị, hãy nhập mã một đơn vị trong bảng ĐƠN VỊ THỰC HIỆN."
            : `không có đơn vị mã "${code}" trong bảng ĐƠN VỊ THỰC HIỆN, hãy nhập mã đúng.`,
        );
      return i;
    };
    s("tasks", (section, get, r) => {
      const i = ownerOf(section, get, r);
      if (i === undefined) return;
      const tasks = units[i]!["tasks"] as string[];
      this.mark(["units", i, "tasks", tasks.length], ...pos(section, r, "task"));
      tasks.push(text(get(r, "task")));
    });
    s("subUnits", (section, get, r) => {
      const i = ownerOf(section, get, r);
      if (i === undefined) return;
      const unit = units[i]!;
      if (!unit["subUnits"]) unit["subUnits"] = [];
      const subs = unit["subUnits"] as unknown[];
      const j = subs.length;
      this.mark(["units", i, "subUnits", j, "id"], ...pos(section, r, "id"));
      this.mark(["units", i, "subUnits", j, "name"], ...pos(section, r, "name"));
      subs.push({ id: text(get(r, "id")), name: text(get(r, "name")) });
    });
    s("elements", (section, get, r) => {
      const list = plan["elements"] as unknown[];
      const i = list.length;
      const at = (k: string) => [...pos(section, r, k)] as const;
      const e: Record<string, unknown> = {
        id: text(get(r, "id")),
        label: text(get(r, "label")),
        measure: text(get(r, "measure")),
        kind: this.word(get(r, "kind"), KIND_WORDS, ...at("kind"), "Loại"),
        valueType: this.word(get(r, "valueType"), TYPE_WORDS, ...at("valueType"), "Kiểu"),
        unitIds: splitCodes(get(r, "unitIds")),
        helpText: text(get(r, "helpText")),
      };
      const maxRaw = get(r, "maxValue");
      const reason = text(get(r, "maxReason"));
      if (!isBlankCell(maxRaw) || reason !== "") {
        const whole = parseWholeNumber(maxRaw, "Tối đa một dòng");
        if (!whole.ok || whole.value < 1)
          this.problem(
            ...at("maxValue"),
            isBlankCell(maxRaw)
              ? "có lý do nhưng chưa có mức tối đa, hãy nhập một số nguyên dương, hoặc xoá lý do."
              : `"${text(maxRaw)}" không phải số nguyên dương, hãy nhập mức tối đa, ví dụ 5000.`,
          );
        e["max"] = { value: whole.ok ? whole.value : 1, reason };
      }
      const source = text(get(r, "source"));
      if (source) e["source"] = source;
      for (const k of ["id", "label", "measure", "kind", "valueType", "unitIds", "helpText", "source"])
        this.mark(["elements", i, k], ...at(k));
      this.mark(["elements", i, "max"], ...at("maxValue"));
      this.mark(["elements", i, "max", "value"], ...at("maxValue"));
      this.mark(["elements", i, "max", "reason"], ...at("maxReason"));
      list.push(e);
    });
    s("indicators", (section, get, r) => this.readIndicator(plan, section, get, r));
    s("rules", (section, get, r) => {
      const list = plan["rules"] as unknown[];
      const i = list.length;
      const at = (k: string) => [...pos(section, r, k)] as const;
      list.push({
        id: text(get(r, "id")),
        left: text(get(r, "left")),
        op: this.word(get(r, "op"), RULE_OPS, ...at("op"), "So sánh"),
        right: text(get(r, "right")),
        severity: this.word(get(r, "severity"), SEVERITY_WORDS, ...at("severity"), "Mức"),
        message: text(get(r, "message")),
      });
      for (const k of ["id", "left", "op", "right", "severity", "message"])
        this.mark(["rules", i, k], ...at(k));
    });
    s("forms", (section, get, r) => {
      const list = plan["forms"] as string[];
      this.mark(["forms", list.length], ...pos(section, r, "form"));
      list.push(text(get(r, "form")));
    });
    s("recipients", (section, get, r) => {
      const list = plan["recipients"] as unknown[];
      const i = list.length;
      this.mark(["recipients", i, "label"], ...pos(section, r, "label"));
      this.mark(["recipients", i, "role"], ...pos(section, r, "role"));
      list.push({
        label: text(get(r, "label")),
        role: this.word(get(r, "role"), ROLE_WORDS, ...pos(section, r, "role"), "Vai trò"),
      });
    });
    return plan as unknown as Plan;
  }

  private readGeneral(section: Section, plan: Record<string, unknown>): void {
    const labelCol = section.cols.get("label") ?? 0;
    const valueCol = section.cols.get("value") ?? 1;
    const byLabel = new Map<string, number>();
    for (const r of section.rows) {
      const k = headerKey(this.cell(r, labelCol));
      if (!byLabel.has(k)) byLabel.set(k, r);
    }
    for (const g of GENERAL) {
      const r = byLabel.get(headerKey(g.label));
      if (r === undefined) {
        this.problem(
          section.titleRow,
          0,
          `bảng THÔNG TIN CHUNG thiếu dòng "${g.label}", hãy thêm dòng có "${g.label}" ở cột Mục và nội dung bên cạnh.`,
        );
        this.mark(g.path, section.titleRow, 0);
        continue;
      }
      this.mark(g.path, r, valueCol);
      const raw = this.cell(r, valueCol);
      const value = this.generalValue(g, raw, r, valueCol);
      if (value === undefined) continue;
      setPath(plan, g.path, value);
    }
  }

  private generalValue(g: GeneralRow, raw: CellValue, r: number, col: number): unknown {
    switch (g.kind) {
      case "optionalText":
        return text(raw) || undefined;
      case "year": {
        const n = typeof raw === "number" ? raw : /^\d{4}$/.test(text(raw)) ? Number(text(raw)) : Number.NaN;
        if (!Number.isInteger(n)) {
          this.problem(r, col, `"${text(raw)}" không phải năm, hãy nhập năm, ví dụ 2024.`);
          return 0;
        }
        return n;
      }
      case "date": {
        const d = parseDate(raw, g.label);
        if (d.ok) return d.value;
        this.problem(r, col, `"${text(raw)}" không phải ngày, hãy nhập ngày/tháng/năm, ví dụ 15/03/2024.`);
        return "";
      }
      case "periodRule": {
        const f = foldText(raw);
        if (f === "cutoff" || f.includes("15")) return "cutoff";
        if (f === "calendar" || f.includes("duong lich")) return "calendar";
        this.problem(
          r,
          col,
          `"${text(raw)}" không phải cách tính kỳ, hãy nhập "${PERIOD_WORDS.cutoff}" hoặc "${PERIOD_WORDS.calendar}".`,
        );
        return "cutoff";
      }
      default:
        return text(raw);
    }
  }

  /** A word of a fixed list, in any case or without diacritics; a problem (and the raw text) otherwise. */
  private word<T extends string>(
    raw: CellValue,
    words: Readonly<Record<T, string>>,
    r: number,
    col: number,
    header: string,
    /** Other ways to say a value, folded (see foldText). */
    aliases: Readonly<Record<string, T>> = {},
  ): T | string {
    const f = foldText(raw);
    for (const [value, w] of Object.entries(words) as [T, string][])
      if (foldText(w) === f || value === f) return value;
    const alias = aliases[f];
    if (alias) return alias;
    const list = [...new Set(Object.values(words) as string[])].map((w) => `"${w}"`).join(", ");
    this.problem(
      r,
      col,
      isBlankCell(raw)
        ? `cột ${header} chưa nhập, hãy nhập một trong: ${list}.`
        : `"${text(raw)}" không dùng được ở cột ${header}, hãy nhập một trong: ${list}.`,
    );
    return text(raw);
  }

  private readIndicator(
    plan: Record<string, unknown>,
    section: Section,
    get: (r: number, key: string) => CellValue,
    r: number,
  ): void {
    const list = plan["indicators"] as unknown[];
    const i = list.length;
    const at = (k: string): [number, number] => {
      const col = section.cols.get(k);
      return col === undefined ? [section.headerRow, 0] : [r, col];
    };
    const m = (path: string[], k: string) => this.mark(["indicators", i, ...path], ...at(k));
    const kind = this.word(get(r, "kind"), INDICATOR_WORDS, ...at("kind"), "Cách tính", {
      "ty le %": "percentage",
      "ty le": "percentage",
      "ti le": "percentage",
    });
    const base: Record<string, unknown> = {
      kind,
      id: text(get(r, "id")),
      label: text(get(r, "label")),
      shortLabel: text(get(r, "shortLabel")),
    };
    for (const k of ["kind", "id", "label", "shortLabel"]) m([k], k);
    const source = text(get(r, "source"));
    m(["source"], "source");
    const target = this.number(get(r, "target"), ...at("target"));
    if (kind === "frequency") {
      const op = text(get(r, "op"));
      if (op !== "" && !["≥", ">="].includes(op) && foldText(op) !== "it nhat")
        this.problem(...at("op"), `chỉ tiêu số lần mỗi tháng chỉ so sánh "≥" (ít nhất), hãy nhập ≥.`);
      list.push({
        ...base,
        elementId: text(get(r, "numerator")),
        minPerMonth: target,
        ...(source ? { source } : {}),
      });
      m(["elementId"], "numerator");
      m(["minPerMonth"], "target");
      return;
    }
    const zero = this.word(get(r, "onZero"), ZERO_WORDS, ...at("onZero"), "Khi mẫu số bằng 0");
    const prorateRaw = get(r, "prorate");
    const prorate = parseYesNo(prorateRaw, "Theo tiến độ");
    if (!prorate.ok) this.problem(...at("prorate"), `cột Theo tiến độ: hãy nhập Có hoặc Không.`);
    list.push({
      ...base,
      numerator: this.term(get(r, "numerator"), ...at("numerator")),
      denominator: this.term(get(r, "denominator"), ...at("denominator")),
      target: {
        op: this.word(get(r, "op"), { ">=": "≥", "=": "=" }, ...at("op"), "So sánh", {
          "it nhat": ">=",
          bang: "=",
          "dung bang": "=",
        }),
        value: target,
      },
      onZeroDenominator: zero,
      prorate: prorate.ok ? prorate.value : false,
      ...(source ? { source } : {}),
    });
    for (const side of ["numerator", "denominator"]) {
      m([side], side);
      m([side, "elementId"], side);
      m([side, "kind"], side);
    }
    m(["target"], "target");
    m(["target", "value"], "target");
    m(["target", "op"], "op");
    m(["onZeroDenominator"], "onZero");
    m(["prorate"], "prorate");
  }

  /** "maCot", "số đơn vị Có: maCot" or "số đơn vị: maCot". */
  private term(raw: CellValue, r: number, col: number): Term {
    const s = text(raw);
    const colon = s.indexOf(":");
    if (colon < 0) return { kind: "sum", elementId: s };
    const head = foldText(s.slice(0, colon));
    const elementId = s.slice(colon + 1).trim();
    if (head === foldText(UNITS_YES.replace(":", ""))) return { kind: "unitsYes", elementId };
    if (head === foldText(UNITS_EXPECTED.replace(":", ""))) return { kind: "unitsExpected", elementId };
    this.problem(
      r,
      col,
      `"${s}" không hiểu được, hãy nhập mã một cột số liệu, hoặc "${UNITS_YES}mã" để đếm đơn vị trả lời Có, hoặc "${UNITS_EXPECTED}mã" để đếm đơn vị được hỏi.`,
    );
    return { kind: "sum", elementId };
  }

  private number(raw: CellValue, r: number, col: number): number {
    if (typeof raw === "number" && Number.isFinite(raw)) return raw;
    const s = text(raw).replace(/\s*%$/, "");
    if (/^\d+(?:[.,]\d+)?$/.test(s)) return Number(s.replace(",", "."));
    this.problem(
      r,
      col,
      isBlankCell(raw)
        ? "chưa nhập mục tiêu, hãy nhập một số, ví dụ 30."
        : `"${text(raw)}" không phải số, hãy nhập một số, ví dụ 30.`,
    );
    return Number.NaN;
  }
}

function text(v: CellValue | undefined): string {
  return normalizeText(v);
}

/** Codes written "a, b; c" or one a line. */
function splitCodes(v: CellValue): string[] {
  return text(v)
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function setPath(obj: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let cur = obj;
  for (const k of path.slice(0, -1)) {
    if (!cur[k]) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[path[path.length - 1] as string] = value;
}
