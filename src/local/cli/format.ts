/**
 * What the command line prints: plain-text tables in Vietnamese for people, and the stable JSON shapes
 * documented in the README for programs.
 */
import type { Column, Indicator, IndicatorResult, Plan, Rollup, Term } from "../../core";
import {
  expectedText,
  findElement,
  formatDateVi,
  formatPercent,
  formatWholeNumber,
  indicatorFigure,
  periodLabel,
  planPeriods,
  resultCellText,
  unitColumns,
} from "../../core";
import type { CheckReport } from "./check";
import type { Consolidation, ConsolidatedIndicator } from "./consolidate";

/** Characters as a terminal shows them (text is NFC, so a Vietnamese letter is one code point). */
function width(s: string): number {
  return [...s.normalize("NFC")].length;
}

function clipCell(s: string, max: number): string {
  const chars = [...s.normalize("NFC")];
  return chars.length <= max ? s : chars.slice(0, max - 1).join("") + "…";
}

/** A left-aligned text table; `maxWidths` caps a column (longer cells end with "…"). */
export function textTable(header: string[], rows: string[][], maxWidths: number[] = []): string[] {
  const all = [header, ...rows].map((r) => r.map((c, i) => clipCell(c, maxWidths[i] ?? 1000)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ""))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c)))))
      .join("  ")
      .trimEnd();
  const [head, ...body] = all;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
}

const KIND_TEXT: Record<Column["kind"], string> = {
  date: "ngày",
  list: "danh sách",
  whole: "số nguyên",
  money: "số tiền (đồng)",
  yesno: "Có/Không",
  text: "chữ",
  script: "tiện ích tự ghi",
};

function targetTextOf(ind: Indicator): string {
  if (ind.kind === "frequency") return "≥ " + formatWholeNumber(ind.minPerMonth) + " lần/tháng";
  return (ind.target.op === ">=" ? "≥ " : "= ") + formatPercent(ind.target.value);
}

function termText(plan: Plan, t: Term): string {
  const label = findElement(plan, t.elementId)?.label ?? t.elementId;
  if (t.kind === "sum") return label;
  if (t.kind === "unitsYes") return `số đơn vị trả lời Có ở "${label}"`;
  return `số đơn vị phải trả lời "${label}"`;
}

export function formatPlanText(plan: Plan): string[] {
  const rule =
    plan.periodRule === "cutoff" ? "từ ngày 15 tháng trước đến ngày 14 tháng báo cáo" : "tháng dương lịch";
  const periods = planPeriods(plan, plan.periodRule);
  const out: string[] = [
    plan.title.toUpperCase(),
    `Mã kế hoạch: ${plan.id}. ${plan.commune.level} ${plan.commune.name}${plan.province ? ", " + plan.province : ""}; cấp trên: ${plan.upperLevel}.`,
    `Áp dụng từ ${formatDateVi(plan.startDate)}; kỳ báo cáo hằng tháng ${rule}; ${periods.length} kỳ (${periods[0] ?? ""} … ${periods[periods.length - 1] ?? ""}).`,
    "",
    `ĐƠN VỊ VÀ CÁC CỘT CỦA TRANG TÍNH (${plan.units.length} trang)`,
  ];
  plan.units.forEach((unit, i) => {
    out.push(
      "",
      `${i + 1}. Trang "${unit.tabName}" – ${unit.name}${unit.source ? ` (mục ${unit.source})` : ""}`,
    );
    if (unit.subUnits?.length) {
      out.push(`   ${unit.subUnitLabel ?? "Đơn vị con"}: ${unit.subUnits.map((s) => s.name).join("; ")}`);
    }
    const rows = unitColumns(plan, unit).map((c, ci) => {
      const el = c.elementId ? findElement(plan, c.elementId) : undefined;
      return [
        String(ci + 1),
        c.header + (c.required ? " *" : ""),
        c.elementId ?? "",
        el ? (el.kind === "flow" ? "cộng dồn" : "số hiện có") : "",
        KIND_TEXT[c.kind],
      ];
    });
    out.push(
      ...textTable(["#", "Tiêu đề cột", "Mã chỉ số", "Loại", "Kiểu"], rows, [3, 70]).map((l) => "   " + l),
    );
  });
  out.push("", `CHỈ TIÊU (${plan.indicators.length})`, "");
  const rows = plan.indicators.map((ind) => [
    ind.id,
    ind.shortLabel,
    targetTextOf(ind),
    ind.kind === "frequency"
      ? `số lần "${findElement(plan, ind.elementId)?.label ?? ind.elementId}" mỗi tháng`
      : `${termText(plan, ind.numerator)} ÷ ${termText(plan, ind.denominator)}`,
  ]);
  out.push(...textTable(["Mã", "Chỉ tiêu", "Mục tiêu", "Cách tính"], rows, [6, 45, 16]));
  out.push("", 'Cột có dấu * là bắt buộc. Cột "tiện ích tự ghi" do tiện ích ghi, không cần nhập.');
  return out;
}

/** `plan --json`: a stable, documented description of the plan and its tabs. */
export function planJson(plan: Plan) {
  return {
    format: "ke-hoach-sheet/plan@1",
    id: plan.id,
    title: plan.title,
    shortName: plan.shortName,
    commune: plan.commune,
    upperLevel: plan.upperLevel,
    year: plan.year,
    startDate: plan.startDate,
    periodRule: plan.periodRule,
    periods: planPeriods(plan, plan.periodRule),
    units: plan.units.map((unit) => ({
      id: unit.id,
      tabName: unit.tabName,
      name: unit.name,
      source: unit.source ?? null,
      tasks: unit.tasks,
      subUnitLabel: unit.subUnitLabel ?? null,
      subUnits: unit.subUnits ?? [],
      columns: unitColumns(plan, unit).map((c) => {
        const el = c.elementId ? findElement(plan, c.elementId) : undefined;
        return {
          header: c.header,
          key: c.key,
          kind: c.kind,
          required: c.required,
          scriptOwned: c.scriptOwned,
          options: c.options ?? null,
          elementId: c.elementId ?? null,
          elementKind: el?.kind ?? null,
          valueType: el?.valueType ?? null,
          measure: el?.measure ?? null,
          helpText: c.helpText,
        };
      }),
    })),
    indicators: plan.indicators.map((ind) => ({
      id: ind.id,
      kind: ind.kind,
      label: ind.label,
      shortLabel: ind.shortLabel,
      targetText: targetTextOf(ind),
      target: ind.kind === "percentage" ? ind.target : { op: ">=", value: ind.minPerMonth },
      numerator: ind.kind === "percentage" ? ind.numerator : null,
      denominator: ind.kind === "percentage" ? ind.denominator : null,
      elementId: ind.kind === "frequency" ? ind.elementId : null,
      minPerMonth: ind.kind === "frequency" ? ind.minPerMonth : null,
      onZeroDenominator: ind.kind === "percentage" ? ind.onZeroDenominator : null,
      prorate: ind.kind === "percentage" ? ind.prorate : null,
    })),
    rules: plan.rules,
  };
}

function paceText(r: { pace: string | null; expectedPercent: number | null }): string {
  if (!r.pace) return "";
  return r.expectedPercent === null ? r.pace : `${r.pace} (cần ${formatPercent(r.expectedPercent)})`;
}

export function formatRollupText(plan: Plan, rollup: Rollup, file: string): string[] {
  const out: string[] = [
    `TỔNG HỢP KẾT QUẢ – ${plan.title.toUpperCase()}`,
    `Tệp: ${file}`,
    `Kỳ báo cáo: ${rollup.period.label}; luỹ kế từ ${formatDateVi(rollup.yearToDate.start)} đến ${formatDateVi(rollup.yearToDate.end)} (${rollup.monthsElapsed}/${rollup.monthsTotal} tháng của kế hoạch).`,
    `Đạt ${rollup.summary.indicatorsMet}/${rollup.summary.indicatorsTotal} chỉ tiêu; ${rollup.summary.unitsReported}/${rollup.summary.unitsTotal} đơn vị đã báo cáo trong kỳ.`,
    "",
  ];
  const rows = rollup.indicators.map((r) => [
    r.id,
    r.shortLabel,
    r.targetText,
    indicatorFigure(r),
    r.status,
    r.pace ? `${r.pace}${expectedText(r) ? ` (cần ${expectedText(r)})` : ""}` : "",
  ]);
  out.push(
    ...textTable(["Mã", "Chỉ tiêu", "Mục tiêu", "Kết quả luỹ kế", "Đánh giá", "Tiến độ"], rows, [6, 42]),
  );
  for (const r of rollup.indicators) {
    if (r.months && r.months.length > 0) {
      out.push(
        `  ${r.id} theo tháng: ` +
          r.months
            .map(
              (m) => `${m.label.replace("tháng ", "T")}: ${formatWholeNumber(m.count)}${m.met ? " ✓" : " ✗"}`,
            )
            .join("; "),
      );
    }
  }
  const missing = rollup.units.filter((u) => !u.reported);
  out.push("", `Đơn vị chưa báo cáo trong kỳ (${missing.length}):`);
  if (missing.length === 0) out.push("  Tất cả đơn vị đã báo cáo.");
  for (const u of missing) {
    out.push(
      `  - ${u.name}: ${u.lastEntryDate ? `lần cuối ${formatDateVi(u.lastEntryDate)}` : "chưa nhập lần nào"}`,
    );
  }
  const problems = rollup.problems;
  const errors = problems.filter((p) => p.severity === "error").length;
  out.push("", `Vấn đề về số liệu: ${errors} lỗi, ${problems.length - errors} cảnh báo.`);
  const tabOf = (id: string | null) => plan.units.find((u) => u.id === id)?.tabName;
  for (const p of problems.slice(0, 50)) {
    const where = [tabOf(p.unitId), p.rowNumber ? `dòng ${p.rowNumber}` : ""].filter(Boolean).join(", ");
    out.push(`  - ${p.severity === "error" ? "Lỗi" : "Cảnh báo"}${where ? ` (${where})` : ""}: ${p.message}`);
  }
  if (problems.length > 50) out.push(`  … và ${problems.length - 50} vấn đề khác (xem lệnh check).`);
  if (errors > 0) out.push("Các dòng có lỗi không được tính vào kết quả; chạy lệnh check để xem từng ô.");
  return out;
}

export function formatCheckText(report: CheckReport, file: string): string[] {
  const out: string[] = [`Kiểm tra tệp: ${file}`, ""];
  for (const p of report.problems) {
    const where = p.cell ? `${p.tab}, ô ${p.cell}` : p.row ? `${p.tab}, dòng ${p.row}` : p.tab;
    out.push(`${p.severity === "error" ? "Lỗi     " : "Cảnh báo"}  ${where}: ${p.message}`);
  }
  if (report.problems.length > 0) out.push("");
  out.push(
    `Đã kiểm tra ${formatWholeNumber(report.rowsChecked)} dòng có dữ liệu ở ${report.tabsFound}/${report.tabsTotal} trang: ` +
      (report.problems.length === 0
        ? "không có vấn đề nào."
        : `${formatWholeNumber(report.errors)} lỗi, ${formatWholeNumber(report.warnings)} cảnh báo.`),
  );
  return out;
}

function cellOf(r: IndicatorResult | ConsolidatedIndicator | undefined): string {
  return r ? resultCellText(r) : "";
}

export function formatConsolidationText(c: Consolidation): string[] {
  const out: string[] = [
    `TỔNG HỢP NHIỀU XÃ – ${c.planTitle.toUpperCase()}`,
    `Kỳ báo cáo: ${periodLabel(c.period.key, c.rule)}; luỹ kế từ ${formatDateVi(c.yearToDate.start)} đến ${formatDateVi(c.yearToDate.end)}.`,
    `${c.communes.length} xã: ` +
      c.communes
        .map(
          (x) =>
            `${x.name} (${x.summary.unitsReported}/${x.summary.unitsTotal} đơn vị đã báo cáo` +
            (x.problems.errors ? `, ${formatWholeNumber(x.problems.errors)} lỗi số liệu` : "") +
            ")",
        )
        .join("; ") +
      ".",
    "Cột Tổng cộng: cộng tử số và mẫu số của các xã rồi mới tính tỉ lệ (không lấy trung bình các tỉ lệ).",
    "",
  ];
  const header = ["Mã", "Mục tiêu", ...c.communes.map((x) => x.name), "Tổng cộng"];
  const rows = c.totals.map((t) => [
    t.id,
    t.targetText,
    ...c.communes.map((x) => cellOf(x.indicators.find((r) => r.id === t.id))),
    cellOf(t),
  ]);
  out.push(...textTable(header, rows));
  out.push("");
  for (const t of c.totals) {
    const notes: string[] = [];
    if (t.pace) notes.push(paceText(t));
    if (t.communesMissingData.length)
      notes.push(`chưa tính ${t.communesMissingData.join(", ")} (thiếu mẫu số)`);
    out.push(`${t.id} ${t.shortLabel}${notes.length ? ": " + notes.join("; ") : ""}`);
  }
  out.push("", `Toàn bộ: đạt ${c.summary.indicatorsMet}/${c.summary.indicatorsTotal} chỉ tiêu.`);
  return out;
}
