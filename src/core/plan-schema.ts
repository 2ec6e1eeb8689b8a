/**
 * The plan's schemas (zod/mini) and the cross-reference checks a schema cannot express. Kept apart from
 * plan.ts so that code which only reads a plan (the Apps Script bundle) does not carry them.
 */
import * as z from "zod/mini";
import { foldText } from "./parse";
import { isValidIso } from "./periods";
import { tabNameProblem } from "./plan";
import { intIn, nonEmpty, periodRuleSchema } from "./schema-kit";

const ID_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;

const Id = z
  .string()
  .check(
    z.refine((s: string) => ID_RE.test(s), "mã chỉ gồm chữ cái không dấu, số, _ hoặc -, bắt đầu bằng chữ"),
  );
const Text = z.string().check(z.refine((s: string) => s.trim() !== "", "không được để trống"));
const IsoDateSchema = z.string().check(z.refine(isValidIso, "ngày phải có dạng YYYY-MM-DD và có trong lịch"));

export const SubUnitSchema = z.object({
  id: Id,
  name: Text,
});

export const UnitSchema = z.object({
  id: Id,
  /** The sheet tab: short, unique, acceptable to Google Sheets. */
  tabName: z.string(),
  /** The plan's own name for the unit (section V). */
  name: Text,
  /** Short task labels from the bullet points of the unit's part of section V. */
  tasks: nonEmpty(Text, "mỗi đơn vị cần ít nhất một nhiệm vụ"),
  /** Header of the sub-unit column, e.g. "Trường" or "Thôn". */
  subUnitLabel: z.optional(Text),
  subUnits: z.optional(z.array(SubUnitSchema)),
  /** Where in the source document this unit comes from, e.g. "V.1". */
  source: z.optional(z.string()),
});

export const DataElementSchema = z.object({
  id: Id,
  label: Text,
  /** Unit of measure shown in the header: "người", "tin, bài", "đồng", … */
  measure: Text,
  /** flow: summed over a period; stock: latest value on or before the period's end. */
  kind: z.enum(["flow", "stock"]),
  valueType: z.enum(["whole", "money", "yesno"]),
  /** Units whose tab has a column for this element. */
  unitIds: nonEmpty(Id, "cần ít nhất một đơn vị nhập"),
  helpText: Text,
  /**
   * Whole and money elements: the largest figure one row can plausibly hold. A larger one is refused
   * (a phone or ID number typed into a count column must not reach the totals); `reason`, in Vietnamese,
   * names what bounds it and is quoted in the message ("số học sinh của một trường trên địa bàn xã").
   */
  max: z.optional(z.object({ value: intIn(1, Number.MAX_SAFE_INTEGER), reason: Text })),
  source: z.optional(z.string()),
});

/**
 * One side of a percentage:
 * - sum: the element summed over all units reporting it (flows over year to date, stocks latest);
 * - unitsYes: how many units answer Có to a yes/no element (a unit with sub-units: all its answering
 *   sub-units say Có);
 * - unitsExpected: how many units are asked the element.
 */
export const TermSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sum"), elementId: Id }),
  z.object({ kind: z.literal("unitsYes"), elementId: Id }),
  z.object({ kind: z.literal("unitsExpected"), elementId: Id }),
]);

export const TargetSchema = z.object({
  /** ">=": at least the value; "=": exactly the value (a "100 %" target). */
  op: z.enum([">=", "="]),
  value: z.number().check(z.refine((n: number) => n >= 0, "không được âm")),
});

export const PercentageIndicatorSchema = z.object({
  kind: z.literal("percentage"),
  id: Id,
  /** The plan's wording. */
  label: Text,
  /** A few words for tables and sidebars. */
  shortLabel: Text,
  numerator: TermSchema,
  denominator: TermSchema,
  target: TargetSchema,
  /**
   * What a zero denominator means: notApplicable → "Không phát sinh" (the plan's "nếu có"),
   * missingData → "Thiếu số liệu", notMet → "Chưa đạt".
   */
  onZeroDenominator: z.enum(["notApplicable", "missingData", "notMet"]),
  /** A yearly target reached cumulatively, so the pace is judged against a prorated target. */
  prorate: z.boolean(),
  source: z.optional(z.string()),
});

export const FrequencyIndicatorSchema = z.object({
  kind: z.literal("frequency"),
  id: Id,
  label: Text,
  shortLabel: Text,
  /** A flow element counted per month. */
  elementId: Id,
  minPerMonth: intIn(1, 1000),
  source: z.optional(z.string()),
});

export const IndicatorSchema = z.discriminatedUnion("kind", [
  PercentageIndicatorSchema,
  FrequencyIndicatorSchema,
]);

/** Across fields, over a unit's totals: left op right (e.g. handled in time ≤ received). */
export const ValidationRuleSchema = z.object({
  id: Id,
  left: Id,
  op: z.enum(["<=", "<", "=", ">=", ">"]),
  right: Id,
  severity: z.enum(["error", "warning"]),
  message: Text,
});

export const RecipientSchema = z.object({
  label: Text,
  /** chairman and upperLevel get the monthly email; internal ones only appear under "Nơi nhận". */
  role: z.enum(["chairman", "upperLevel", "internal"]),
});

export const PlanSchema = z.object({
  id: Id,
  title: Text,
  /** For the menu. */
  shortName: Text,
  commune: z.object({ level: Text, name: Text }),
  province: z.optional(z.string()),
  /** Default name of the upper level; the settings can override it. */
  upperLevel: Text,
  year: intIn(2000, 2100),
  /** The plan applies from this date; year to date starts here. */
  startDate: IsoDateSchema,
  document: z.object({
    /** Blank when the source leaves the number to be filled in by hand. */
    number: z.string(),
    symbol: Text,
    date: IsoDateSchema,
  }),
  chairman: z.object({ title: Text, name: Text }),
  timeZone: z.literal("Asia/Ho_Chi_Minh"),
  periodRule: periodRuleSchema(),
  /** Hình thức: the list in the "form" column. */
  forms: nonEmpty(Text, "cần ít nhất một hình thức"),
  recipients: z.array(RecipientSchema),
  units: nonEmpty(UnitSchema, "kế hoạch cần ít nhất một đơn vị"),
  elements: z.array(DataElementSchema),
  indicators: z.array(IndicatorSchema),
  rules: z.array(ValidationRuleSchema),
});

export type Plan = z.infer<typeof PlanSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type SubUnit = z.infer<typeof SubUnitSchema>;
export type DataElement = z.infer<typeof DataElementSchema>;
export type Term = z.infer<typeof TermSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type PercentageIndicator = z.infer<typeof PercentageIndicatorSchema>;
export type FrequencyIndicator = z.infer<typeof FrequencyIndicatorSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type ValidationRule = z.infer<typeof ValidationRuleSchema>;
export type Recipient = z.infer<typeof RecipientSchema>;

const ISSUE_TEXT: Record<string, string> = {
  invalid_type: "sai kiểu dữ liệu",
  invalid_value: "giá trị không được phép",
  invalid_union: "không khớp dạng nào được phép",
  unrecognized_keys: "có khoá không được phép",
  too_small: "quá nhỏ hoặc quá ngắn",
  too_big: "quá lớn hoặc quá dài",
  invalid_format: "sai định dạng",
  not_multiple_of: "sai bội số",
};

/** Turns a zod path into a readable place that names the item by its id when it has one. */
function describePath(input: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let cur: unknown = input;
  for (const key of path) {
    const next: unknown =
      cur !== null && typeof cur === "object" ? (cur as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === "number") {
      const id =
        next !== null && typeof next === "object" ? (next as Record<string, unknown>)["id"] : undefined;
      parts.push(typeof id === "string" && id !== "" ? '"' + id + '"' : "#" + (key + 1));
    } else {
      parts.push(String(key));
    }
    cur = next;
  }
  return parts.join(" › ") || "(gốc)";
}

/**
 * Checks a plan: shape first, then the references a schema cannot see. Errors are Vietnamese and
 * name the offending id or tab.
 */
export function validatePlan(input: unknown): { ok: true; plan: Plan } | { ok: false; errors: string[] } {
  const parsed = z.safeParse(PlanSchema, input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((iss) => {
      const own =
        iss.message && !/^(Invalid|Too|Expected|Unrecognized)/.test(iss.message) ? iss.message : null;
      return (
        "Kế hoạch: mục " +
        describePath(input, iss.path) +
        ": " +
        (own ?? ISSUE_TEXT[iss.code] ?? iss.code) +
        "."
      );
    });
    return { ok: false, errors };
  }
  const plan = parsed.data;
  const errors = crossCheck(plan);
  return errors.length ? { ok: false, errors } : { ok: true, plan };
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function crossCheck(plan: Plan): string[] {
  const errors: string[] = [];
  const unitIds = new Set(plan.units.map((u) => u.id));
  const elements = new Map(plan.elements.map((e) => [e.id, e]));

  for (const d of duplicates(plan.units.map((u) => u.id))) errors.push('Mã đơn vị "' + d + '" bị trùng.');
  for (const d of duplicates(plan.elements.map((e) => e.id)))
    errors.push('Mã chỉ số nhập "' + d + '" bị trùng.');
  for (const d of duplicates(plan.indicators.map((i) => i.id)))
    errors.push('Mã chỉ tiêu "' + d + '" bị trùng.');
  for (const d of duplicates(plan.rules.map((r) => r.id)))
    errors.push('Mã quy tắc kiểm tra "' + d + '" bị trùng.');
  for (const d of duplicates(plan.forms.map(foldText))) errors.push('Hình thức "' + d + '" bị trùng.');

  const tabByFold = new Map<string, string>();
  for (const u of plan.units) {
    const problem = tabNameProblem(u.tabName);
    if (problem)
      errors.push(
        'Đơn vị "' + u.id + '": tên trang tính "' + u.tabName + '" không dùng được: ' + problem + ".",
      );
    // Sheets compares tab names without regard to case.
    const f = u.tabName.normalize("NFC").toLowerCase();
    const other = tabByFold.get(f);
    if (other !== undefined) {
      errors.push('Tên trang tính "' + u.tabName + '" bị trùng (đơn vị "' + other + '" và "' + u.id + '").');
    } else tabByFold.set(f, u.id);
    for (const d of duplicates(u.tasks.map(foldText)))
      errors.push('Đơn vị "' + u.id + '": nhiệm vụ "' + d + '" bị trùng.');
    const subs = u.subUnits ?? [];
    for (const d of duplicates(subs.map((s) => s.id)))
      errors.push('Đơn vị "' + u.id + '": mã "' + d + '" bị trùng.');
    for (const d of duplicates(subs.map((s) => foldText(s.name)))) {
      errors.push('Đơn vị "' + u.id + '": tên "' + d + '" bị trùng.');
    }
    if (subs.length > 0 && !u.subUnitLabel)
      errors.push('Đơn vị "' + u.id + '" có đơn vị con nhưng thiếu subUnitLabel.');
    const labels = plan.elements.filter((e) => e.unitIds.includes(u.id)).map((e) => foldText(e.label));
    for (const d of duplicates(labels))
      errors.push('Đơn vị "' + u.id + '": hai chỉ số nhập cùng tên "' + d + '".');
  }

  for (const e of plan.elements) {
    if (e.max && e.valueType === "yesno")
      errors.push('Chỉ số nhập "' + e.id + '" là Có/Không nên không có mức tối đa (max).');
    for (const d of duplicates(e.unitIds))
      errors.push('Chỉ số nhập "' + e.id + '": đơn vị "' + d + '" ghi hai lần.');
    for (const uid of e.unitIds) {
      if (!unitIds.has(uid))
        errors.push('Chỉ số nhập "' + e.id + '" nói đến đơn vị "' + uid + '" không có trong kế hoạch.');
    }
  }

  const needElement = (
    owner: string,
    id: string,
    check?: (e: (typeof plan.elements)[number]) => string | null,
  ) => {
    const e = elements.get(id);
    if (!e) {
      errors.push(owner + ' nói đến chỉ số nhập "' + id + '" không có trong kế hoạch.');
      return;
    }
    const problem = check?.(e);
    if (problem) errors.push(owner + ': chỉ số nhập "' + id + '" ' + problem + ".");
  };
  for (const ind of plan.indicators) {
    const owner = 'Chỉ tiêu "' + ind.id + '"';
    if (ind.kind === "frequency") {
      needElement(owner, ind.elementId, (e) =>
        e.kind !== "flow" || e.valueType !== "whole" ? "phải là số nguyên cộng dồn theo kỳ (flow)" : null,
      );
    } else {
      for (const t of [ind.numerator, ind.denominator]) {
        needElement(owner, t.elementId, (e) => {
          if (t.kind === "sum" && e.valueType === "yesno") return "là Có/Không, không cộng được";
          if (t.kind === "unitsYes" && e.valueType !== "yesno") return "phải là Có/Không để đếm đơn vị";
          return null;
        });
      }
    }
  }
  for (const r of plan.rules) {
    const owner = 'Quy tắc kiểm tra "' + r.id + '"';
    const numeric = (e: (typeof plan.elements)[number]) =>
      e.valueType === "yesno" ? "là Có/Không, không so sánh được" : null;
    needElement(owner, r.left, numeric);
    needElement(owner, r.right, numeric);
    const l = elements.get(r.left);
    const rr = elements.get(r.right);
    if (l && rr && !l.unitIds.some((u) => rr.unitIds.includes(u))) {
      errors.push(
        owner + ': "' + r.left + '" và "' + r.right + '" không cùng đơn vị nào nhập nên không kiểm tra được.',
      );
    }
  }
  if (Number(plan.startDate.slice(0, 4)) !== plan.year) {
    errors.push('Ngày bắt đầu "' + plan.startDate + '" không thuộc năm ' + plan.year + " của kế hoạch.");
  }
  return errors;
}
