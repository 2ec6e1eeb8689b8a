/**
 * The plan's schemas (zod/mini) and the cross-reference checks a schema cannot express. Kept apart from
 * plan.ts so that code which only reads a plan (the Apps Script bundle) does not carry them.
 */
import * as z from "zod/mini";
import { foldText } from "./parse";
import { isValidIso } from "./periods";
import { tabNameProblem } from "./plan";
import { intIn, lazySchema, nonEmpty, periodRuleSchema } from "./schema-kit";

const ID_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * The schemas, built on first use: Apps Script evaluates the whole bundle on every edit and menu click,
 * and most executions never check a plan (see schema-kit's lazySchema).
 */
function buildSchemas() {
  const Id = z
    .string()
    .check(
      z.refine((s: string) => ID_RE.test(s), "mã chỉ gồm chữ cái không dấu, số, _ hoặc -, bắt đầu bằng chữ"),
    );
  const Text = z.string().check(z.refine((s: string) => s.trim() !== "", "không được để trống"));
  const IsoDateSchema = z
    .string()
    .check(z.refine(isValidIso, "ngày phải có dạng YYYY-MM-DD và có trong lịch"));

  const SubUnitSchema = z.object({
    id: Id,
    name: Text,
  });

  const UnitSchema = z.object({
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

  const DataElementSchema = z.object({
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
     * (a phone or ID number typed into a count column must not reach the totals); `reason`, in
     * Vietnamese, names what bounds it and is quoted in the message ("số học sinh của một trường trên
     * địa bàn xã").
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
  const TermSchema = z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("sum"), elementId: Id }),
    z.object({ kind: z.literal("unitsYes"), elementId: Id }),
    z.object({ kind: z.literal("unitsExpected"), elementId: Id }),
  ]);

  const TargetSchema = z.object({
    /** ">=": at least the value; "=": exactly the value (a "100 %" target). */
    op: z.enum([">=", "="]),
    value: z.number().check(z.refine((n: number) => n >= 0, "không được âm")),
  });

  const PercentageIndicatorSchema = z.object({
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

  const FrequencyIndicatorSchema = z.object({
    kind: z.literal("frequency"),
    id: Id,
    label: Text,
    shortLabel: Text,
    /** A flow element counted per month. */
    elementId: Id,
    minPerMonth: intIn(1, 1000),
    source: z.optional(z.string()),
  });

  const IndicatorSchema = z.discriminatedUnion("kind", [PercentageIndicatorSchema, FrequencyIndicatorSchema]);

  /** Across fields, over a unit's totals: left op right (e.g. handled in time ≤ received). */
  const ValidationRuleSchema = z.object({
    id: Id,
    left: Id,
    op: z.enum(["<=", "<", "=", ">=", ">"]),
    right: Id,
    severity: z.enum(["error", "warning"]),
    message: Text,
  });

  const RecipientSchema = z.object({
    label: Text,
    /** chairman and upperLevel get the monthly email; internal ones only appear under "Nơi nhận". */
    role: z.enum(["chairman", "upperLevel", "internal"]),
  });

  return z.object({
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
}

export const planSchema = lazySchema(buildSchemas);

export type Plan = z.infer<ReturnType<typeof buildSchemas>>;
export type Unit = Plan["units"][number];
export type SubUnit = NonNullable<Unit["subUnits"]>[number];
export type DataElement = Plan["elements"][number];
export type Indicator = Plan["indicators"][number];
export type PercentageIndicator = Extract<Indicator, { kind: "percentage" }>;
export type FrequencyIndicator = Extract<Indicator, { kind: "frequency" }>;
export type Term = PercentageIndicator["numerator"];
export type Target = PercentageIndicator["target"];
export type ValidationRule = Plan["rules"][number];
export type Recipient = Plan["recipients"][number];

/** One problem of a plan: where (a path into the plan, as zod gives it) and what, in Vietnamese. */
export interface PlanIssue {
  path: (string | number)[];
  message: string;
}

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

/** A zod issue in Vietnamese: its own message when it has one, else the code's usual meaning. */
function issueText(iss: { message?: string; code: string }): string {
  const own = iss.message && !/^(Invalid|Too|Expected|Unrecognized)/.test(iss.message) ? iss.message : null;
  return own ?? ISSUE_TEXT[iss.code] ?? iss.code;
}

/**
 * Checks a plan: shape first, then the references a schema cannot see. Each issue carries its path, so
 * that a reader of the plan tab can name the cell.
 */
export function checkPlan(
  input: unknown,
): { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[]; shape: boolean } {
  const parsed = z.safeParse(planSchema(), input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((iss) => ({
      path: iss.path.filter((k): k is string | number => typeof k !== "symbol"),
      message: issueText(iss),
    }));
    return { ok: false, issues, shape: true };
  }
  const issues = crossCheckPlan(parsed.data);
  return issues.length ? { ok: false, issues, shape: false } : { ok: true, plan: parsed.data };
}

/**
 * Checks a plan: shape first, then the references a schema cannot see. Errors are Vietnamese and
 * name the offending id or tab.
 */
export function validatePlan(input: unknown): { ok: true; plan: Plan } | { ok: false; errors: string[] } {
  const checked = checkPlan(input);
  if (checked.ok) return checked;
  const errors = checked.issues.map((iss) =>
    !checked.shape
      ? iss.message
      : "Kế hoạch: mục " + describePath(input, iss.path) + ": " + iss.message + ".",
  );
  return { ok: false, errors };
}

/** Indices of the values that repeat an earlier one, with the value. */
function repeats(values: readonly string[]): { index: number; value: string }[] {
  const seen = new Set<string>();
  const out: { index: number; value: string }[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) out.push({ index, value });
    else seen.add(value);
  });
  return out;
}

/**
 * The references a schema cannot see, on a plan whose shape is right (the plan tab's reader also runs
 * it on a plan whose values failed the shape, since the tab always gives the right structure, so that
 * every problem is listed at once).
 */
export function crossCheckPlan(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const unitIds = new Set(plan.units.map((u) => u.id));
  const elements = new Map(plan.elements.map((e) => [e.id, e]));

  for (const d of repeats(plan.units.map((u) => u.id)))
    add(["units", d.index, "id"], 'Mã đơn vị "' + d.value + '" bị trùng.');
  for (const d of repeats(plan.elements.map((e) => e.id)))
    add(["elements", d.index, "id"], 'Mã chỉ số nhập "' + d.value + '" bị trùng.');
  for (const d of repeats(plan.indicators.map((i) => i.id)))
    add(["indicators", d.index, "id"], 'Mã chỉ tiêu "' + d.value + '" bị trùng.');
  for (const d of repeats(plan.rules.map((r) => r.id)))
    add(["rules", d.index, "id"], 'Mã quy tắc kiểm tra "' + d.value + '" bị trùng.');
  for (const d of repeats(plan.forms.map(foldText)))
    add(["forms", d.index], 'Hình thức "' + d.value + '" bị trùng.');

  const tabByFold = new Map<string, string>();
  plan.units.forEach((u, ui) => {
    const problem = tabNameProblem(u.tabName);
    if (problem)
      add(
        ["units", ui, "tabName"],
        'Đơn vị "' + u.id + '": tên trang tính "' + u.tabName + '" không dùng được: ' + problem + ".",
      );
    // Sheets compares tab names without regard to case.
    const f = u.tabName.normalize("NFC").toLowerCase();
    const other = tabByFold.get(f);
    if (other !== undefined) {
      add(
        ["units", ui, "tabName"],
        'Tên trang tính "' + u.tabName + '" bị trùng (đơn vị "' + other + '" và "' + u.id + '").',
      );
    } else tabByFold.set(f, u.id);
    for (const d of repeats(u.tasks.map(foldText)))
      add(["units", ui, "tasks", d.index], 'Đơn vị "' + u.id + '": nhiệm vụ "' + d.value + '" bị trùng.');
    const subs = u.subUnits ?? [];
    for (const d of repeats(subs.map((s) => s.id)))
      add(["units", ui, "subUnits", d.index, "id"], 'Đơn vị "' + u.id + '": mã "' + d.value + '" bị trùng.');
    for (const d of repeats(subs.map((s) => foldText(s.name))))
      add(
        ["units", ui, "subUnits", d.index, "name"],
        'Đơn vị "' + u.id + '": tên "' + d.value + '" bị trùng.',
      );
    if (subs.length > 0 && !u.subUnitLabel)
      add(["units", ui, "subUnitLabel"], 'Đơn vị "' + u.id + '" có đơn vị con nhưng thiếu subUnitLabel.');
    const own = plan.elements.map((e, ei) => ({ e, ei })).filter(({ e }) => e.unitIds.includes(u.id));
    for (const d of repeats(own.map(({ e }) => foldText(e.label))))
      add(
        ["elements", own[d.index]!.ei, "label"],
        'Đơn vị "' + u.id + '": hai chỉ số nhập cùng tên "' + d.value + '".',
      );
  });

  plan.elements.forEach((e, ei) => {
    if (e.max && e.valueType === "yesno")
      add(["elements", ei, "max"], 'Chỉ số nhập "' + e.id + '" là Có/Không nên không có mức tối đa (max).');
    for (const d of repeats(e.unitIds))
      add(
        ["elements", ei, "unitIds", d.index],
        'Chỉ số nhập "' + e.id + '": đơn vị "' + d.value + '" ghi hai lần.',
      );
    e.unitIds.forEach((uid, k) => {
      if (!unitIds.has(uid))
        add(
          ["elements", ei, "unitIds", k],
          'Chỉ số nhập "' + e.id + '" nói đến đơn vị "' + uid + '" không có trong kế hoạch.',
        );
    });
  });

  const needElement = (
    path: (string | number)[],
    owner: string,
    id: string,
    check?: (e: DataElement) => string | null,
  ) => {
    const e = elements.get(id);
    if (!e) {
      add(path, owner + ' nói đến chỉ số nhập "' + id + '" không có trong kế hoạch.');
      return;
    }
    const problem = check?.(e);
    if (problem) add(path, owner + ': chỉ số nhập "' + id + '" ' + problem + ".");
  };
  plan.indicators.forEach((ind, ii) => {
    const owner = 'Chỉ tiêu "' + ind.id + '"';
    if (ind.kind === "frequency") {
      needElement(["indicators", ii, "elementId"], owner, ind.elementId, (e) =>
        e.kind !== "flow" || e.valueType !== "whole" ? "phải là số nguyên cộng dồn theo kỳ (flow)" : null,
      );
    } else {
      for (const side of ["numerator", "denominator"] as const) {
        const t = ind[side];
        needElement(["indicators", ii, side, "elementId"], owner, t.elementId, (e) => {
          if (t.kind === "sum" && e.valueType === "yesno") return "là Có/Không, không cộng được";
          if (t.kind === "unitsYes" && e.valueType !== "yesno") return "phải là Có/Không để đếm đơn vị";
          return null;
        });
      }
    }
  });
  plan.rules.forEach((r, ri) => {
    const owner = 'Quy tắc kiểm tra "' + r.id + '"';
    const numeric = (e: DataElement) => (e.valueType === "yesno" ? "là Có/Không, không so sánh được" : null);
    needElement(["rules", ri, "left"], owner, r.left, numeric);
    needElement(["rules", ri, "right"], owner, r.right, numeric);
    const l = elements.get(r.left);
    const rr = elements.get(r.right);
    if (l && rr && !l.unitIds.some((u) => rr.unitIds.includes(u))) {
      add(
        ["rules", ri, "right"],
        owner + ': "' + r.left + '" và "' + r.right + '" không cùng đơn vị nào nhập nên không kiểm tra được.',
      );
    }
  });
  if (Number(plan.startDate.slice(0, 4)) !== plan.year) {
    add(
      ["startDate"],
      'Ngày bắt đầu "' + plan.startDate + '" không thuộc năm ' + plan.year + " của kế hoạch.",
    );
  }
  return issues;
}
