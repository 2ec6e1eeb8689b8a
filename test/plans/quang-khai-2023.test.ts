import { describe, expect, it } from "vitest";
import { unitColumns } from "../../src/core/columns";
import { tabNameProblem, unitElements } from "../../src/core/plan";
import { validatePlan } from "../../src/core/plan-schema";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

describe("the 2023 plan of xã Quang Khải", () => {
  it("passes the plan validator", () => {
    const r = validatePlan(plan);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it("has the eleven units of section V with short, valid, unique tab names", () => {
    expect(plan.units.map((u) => u.tabName)).toEqual([
      "Công an xã",
      "VH-XH LĐTBXH",
      "Trạm Y tế",
      "Tài chính",
      "VH-TT",
      "Trường học",
      "Tư pháp",
      "Đài truyền thanh",
      "Ngành khác",
      "MTTQ-Đoàn thể",
      "Trưởng thôn",
    ]);
    for (const u of plan.units) {
      expect(tabNameProblem(u.tabName)).toBeNull();
      expect(u.tasks.length).toBeGreaterThan(0);
    }
    expect(plan.units.map((u) => u.source)).toEqual(Array.from({ length: 11 }, (_, i) => "V." + (i + 1)));
  });

  it("has the indicators CT1a … CT6 of section II.2 with the plan's targets", () => {
    const summary = plan.indicators.map((i) =>
      i.kind === "frequency" ? [i.id, "≥", i.minPerMonth, "per month"] : [i.id, i.target.op, i.target.value],
    );
    expect(summary).toEqual([
      ["CT1a", "≥", 1, "per month"],
      ["CT1b", "≥", 1, "per month"],
      ["CT2a", ">=", 30],
      ["CT2b", ">=", 30],
      ["CT2c", ">=", 30],
      ["CT3", "=", 100],
      ["CT4", ">=", 20],
      ["CT5", "=", 100],
      ["CT6", ">=", 60],
    ]);
    const ct6 = plan.indicators.find((i) => i.id === "CT6");
    expect(ct6?.kind === "percentage" && ct6.onZeroDenominator).toBe("notApplicable");
  });

  it("asks every unit whether it has an integrated plan (CT3)", () => {
    for (const u of plan.units) {
      expect(unitElements(plan, u).map((e) => e.id)).toContain("coKeHoachLongGhep");
    }
  });

  it("gives schools and villages their sub-units and others none", () => {
    const withSubs = plan.units
      .filter((u) => (u.subUnits ?? []).length > 0)
      .map((u) => [u.tabName, u.subUnitLabel]);
    expect(withSubs).toEqual([
      ["Trường học", "Trường"],
      ["Trưởng thôn", "Thôn"],
    ]);
    const school = plan.units.find((u) => u.id === "truongHoc");
    expect(school?.subUnits?.map((s) => s.name)).toEqual([
      "Trường Mầm non Quang Khải",
      "Trường Tiểu học Quang Khải",
      "Trường THCS Quang Khải",
    ]);
  });

  it("puts the police's figures on the police tab (V.1) and the students on the schools' tab (V.6)", () => {
    const police = plan.units.find((u) => u.id === "congAnXa");
    const schools = plan.units.find((u) => u.id === "truongHoc");
    if (!police || !schools) throw new Error("units missing");
    const headers = unitColumns(plan, police).map((c) => c.header);
    expect(headers).toContain("Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)");
    expect(headers).toContain("Tin được xử lý kịp thời (tin)");
    expect(unitElements(plan, schools).map((e) => e.id)).toEqual([
      "coKeHoachLongGhep",
      "hocSinh",
      "hocSinhTuyenTruyen",
    ]);
  });

  it("keeps the document's facts: chairman, upper level, dates, Nơi nhận", () => {
    expect(plan.chairman.name).toBe("Nguyễn Đức Thuận");
    expect(plan.upperLevel).toBe("UBND huyện Tứ Kỳ");
    expect(plan.startDate).toBe("2023-03-15");
    expect(plan.document.date).toBe("2023-03-15");
    expect(plan.periodRule).toBe("cutoff");
    expect(plan.recipients.filter((r) => r.role === "upperLevel").map((r) => r.label)).toEqual([
      "Lãnh đạo UBND huyện",
      "Công an huyện",
      "Phòng Lao động - Thương binh và Xã hội",
    ]);
    expect(plan.recipients.filter((r) => r.role === "chairman")).toHaveLength(1);
    expect(plan.recipients).toHaveLength(10);
  });

  it("bounds every count and amount, above any phone number read as a figure for the counts", () => {
    for (const e of plan.elements) {
      if (e.valueType === "yesno") continue;
      expect(e.max, e.id).toBeDefined();
      expect(e.max!.reason.length, e.id).toBeGreaterThan(10);
      // Every mobile number without its 0 (032… to 099…) is at least 320 million: refused everywhere.
      expect(e.max!.value, e.id).toBeLessThan(320_000_000);
    }
    // A part ("handled ≤ received", "reached ≤ all") is never allowed more than its whole.
    for (const rule of plan.rules) {
      const [l, r] = [rule.left, rule.right].map((id) => plan.elements.find((e) => e.id === id)!);
      if (rule.op === "<=") expect(l!.max!.value, rule.id).toBeLessThanOrEqual(r!.max!.value);
    }
  });

  it("contains no element that asks for a name", () => {
    for (const e of plan.elements) expect(e.label.toLowerCase()).not.toMatch(/họ tên|họ và tên/);
  });
});
