import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/plan";
import { SYSTEM_TABS, tabNameProblem } from "../../src/core/plan";
import { validatePlan } from "../../src/core/plan-schema";
import { quangKhai2023 } from "../../src/plans/quang-khai-2023";

/** A deep copy to break without touching the shipped plan. */
function copy(): Plan {
  return JSON.parse(JSON.stringify(quangKhai2023)) as Plan;
}

function errorsOf(input: unknown): string[] {
  const r = validatePlan(input);
  if (r.ok) throw new Error("expected the plan to be refused");
  return r.errors;
}

describe("validatePlan refuses broken plans, naming what is wrong", () => {
  it("a unit repeated", () => {
    const p = copy();
    p.units.push({ ...p.units[0]!, tabName: "Công an xã 2" });
    expect(errorsOf(p)).toContain('Mã đơn vị "congAnXa" bị trùng.');
  });

  it("a tab name repeated, even in another case", () => {
    const p = copy();
    p.units[1]!.tabName = "CÔNG AN XÃ";
    expect(errorsOf(p)).toContain(
      'Tên trang tính "CÔNG AN XÃ" bị trùng (đơn vị "congAnXa" và "vhxhLdtbxh").',
    );
  });

  it.each([
    ["", "không được để trống"],
    ["a".repeat(101), "dài quá 100 ký tự"],
    ["Công an: xã", "không được chứa"],
    ["VH/TT", "không được chứa"],
    ["Tin [mới]", "không được chứa"],
    ["Ai?", "không được chứa"],
    ["'Tư pháp", "dấu '"],
    ["Tư pháp'", "dấu '"],
    [SYSTEM_TABS.rollup, "trang riêng của tiện ích"],
    ["cài đặt", "trang riêng của tiện ích"],
  ])("a tab name Sheets or the add-in refuses: %j", (name, why) => {
    const p = copy();
    p.units[6]!.tabName = name;
    const errs = errorsOf(p);
    expect(errs.some((e) => e.includes('Đơn vị "tuPhap"') && e.includes(why))).toBe(true);
    expect(tabNameProblem(name)).toContain(why);
  });

  it("an element given to an unknown unit", () => {
    const p = copy();
    p.elements[1]!.unitIds = ["congAnHuyen"];
    expect(errorsOf(p)).toContain(
      'Chỉ số nhập "coSoKinhDoanh" nói đến đơn vị "congAnHuyen" không có trong kế hoạch.',
    );
  });

  it("an element repeated", () => {
    const p = copy();
    p.elements.push({ ...p.elements[2]!, unitIds: ["tuPhap"] });
    expect(errorsOf(p)).toContain('Mã chỉ số nhập "laoDongCoSo" bị trùng.');
  });

  it("an indicator that refers to an unknown element, or repeats an id", () => {
    const p = copy();
    const ct2a = p.indicators[2]!;
    if (ct2a.kind !== "percentage") throw new Error("CT2a should be a percentage");
    ct2a.denominator = { kind: "sum", elementId: "tongLaoDong" };
    p.indicators.push({ ...p.indicators[0]! });
    const errs = errorsOf(p);
    expect(errs).toContain('Chỉ tiêu "CT2a" nói đến chỉ số nhập "tongLaoDong" không có trong kế hoạch.');
    expect(errs).toContain('Mã chỉ tiêu "CT1a" bị trùng.');
  });

  it("a frequency indicator on a stock, a sum of a yes/no element", () => {
    const p = copy();
    const ct1a = p.indicators[0]!;
    if (ct1a.kind !== "frequency") throw new Error("CT1a should be a frequency");
    ct1a.elementId = "hocSinh";
    const ct3 = p.indicators.find((i) => i.id === "CT3");
    if (ct3?.kind !== "percentage") throw new Error("CT3 should be a percentage");
    ct3.numerator = { kind: "sum", elementId: "coKeHoachLongGhep" };
    const errs = errorsOf(p);
    expect(errs.some((e) => e.startsWith('Chỉ tiêu "CT1a": chỉ số nhập "hocSinh"'))).toBe(true);
    expect(errs.some((e) => e.startsWith('Chỉ tiêu "CT3": chỉ số nhập "coKeHoachLongGhep"'))).toBe(true);
  });

  it("a rule on an unknown element, or on elements no unit enters together", () => {
    const p = copy();
    p.rules[0]!.right = "tinDaNhan";
    p.rules[1]!.right = "hocSinh";
    const errs = errorsOf(p);
    expect(errs).toContain(
      'Quy tắc kiểm tra "xuLyNhoHonTiepNhan" nói đến chỉ số nhập "tinDaNhan" không có trong kế hoạch.',
    );
    expect(
      errs.some(
        (e) =>
          e.startsWith('Quy tắc kiểm tra "laoDongCoSoTuyenTruyenToiDa"') && e.includes("không cùng đơn vị"),
      ),
    ).toBe(true);
  });

  it("repeated tasks or sub-units inside a unit", () => {
    const p = copy();
    p.units[0]!.tasks.push("tham muu, xay dung va to chuc thuc hien ke hoach");
    p.units[5]!.subUnits!.push({ id: "thcs", name: "Trường THCS mới" });
    const errs = errorsOf(p);
    expect(errs.some((e) => e.startsWith('Đơn vị "congAnXa": nhiệm vụ'))).toBe(true);
    expect(errs).toContain('Đơn vị "truongHoc": mã "thcs" bị trùng.');
  });

  it("a wrong shape, naming the item by its id", () => {
    const p = copy() as unknown as { units: Record<string, unknown>[]; year: unknown };
    p.year = "2023";
    delete p.units[3]!.tasks;
    const errs = errorsOf(p);
    expect(errs.some((e) => e.includes("year"))).toBe(true);
    expect(errs.some((e) => e.includes('units › "taiChinh" › tasks'))).toBe(true);
  });

  it("not a plan at all", () => {
    expect(errorsOf(null).length).toBeGreaterThan(0);
    expect(errorsOf("kế hoạch").length).toBeGreaterThan(0);
    expect(errorsOf({}).length).toBeGreaterThan(5);
  });

  it("a maximum on a yes/no element, or one that is not a whole number ≥ 1 with a reason", () => {
    const p = copy();
    const yesNo = p.elements.find((e) => e.valueType === "yesno")!;
    yesNo.max = { value: 1, reason: "một đơn vị" };
    const students = p.elements.find((e) => e.id === "hocSinh")!;
    students.max = { value: 0.5, reason: " " };
    const errs = errorsOf(p);
    expect(errs).toContain(
      'Kế hoạch: mục elements › "hocSinh" › max › value: phải là số nguyên từ 1 đến 9007199254740991.',
    );
    expect(errs).toContain('Kế hoạch: mục elements › "hocSinh" › max › reason: không được để trống.');
    delete students.max;
    expect(errorsOf(p)).toEqual([
      'Chỉ số nhập "' + yesNo.id + '" là Có/Không nên không có mức tối đa (max).',
    ]);
  });

  it("a start date outside the plan's year", () => {
    const p = copy();
    p.startDate = "2022-12-01";
    expect(errorsOf(p)).toContain('Ngày bắt đầu "2022-12-01" không thuộc năm 2023 của kế hoạch.');
  });
});
