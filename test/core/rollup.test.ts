import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/plan";
import type { IndicatorResult, Rollup } from "../../src/core/rollup";
import { computeRollup } from "../../src/core/rollup";
import type { Entry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";
import { periodBounds, planPeriods, yearToDate } from "../../src/core/periods";
import { elementTotal } from "../../src/core/totals";

function entry(unitId: string, date: string, values: Entry["values"], subUnit: string | null = null): Entry {
  const unit = plan.units.find((u) => u.id === unitId);
  if (!unit) throw new Error("no unit " + unitId);
  return { unitId, date, task: unit.tasks[0]!, form: null, subUnit, values, content: "", notes: "" };
}

function ind(r: Rollup, id: string): IndicatorResult {
  const x = r.indicators.find((i) => i.id === id);
  if (!x) throw new Error("no indicator " + id);
  return x;
}

/**
 * A worked month: tháng 6/2023 under the cut-off rule = 15/05/2023 – 14/06/2023; year to date
 * 15/03/2023 – 14/06/2023; 3 of the plan's 9 months (4/2023 … 12/2023) have run.
 */
const worked: Entry[] = [
  // Công an xã
  entry("congAnXa", "2023-03-20", {
    coKeHoachLongGhep: true,
    coSoKinhDoanh: 6,
    laoDongCoSo: 80,
    laoDongCoSoTuyenTruyen: 12,
    tinTiepNhan: 1,
    tinXuLyKipThoi: 1,
  }),
  entry("congAnXa", "2023-04-28", { laoDongCoSoTuyenTruyen: 10, tinTiepNhan: 2, tinXuLyKipThoi: 1 }),
  entry("congAnXa", "2023-05-20", { laoDongCoSo: 90, laoDongCoSoTuyenTruyen: 8 }),
  entry("congAnXa", "2023-06-10", { tinTiepNhan: 1, tinXuLyKipThoi: 2 }),
  // After the period's end: must not count in June's report.
  entry("congAnXa", "2023-06-20", { laoDongCoSoTuyenTruyen: 50, laoDongCoSo: 10 }),
  // Công chức VH-XH (LĐTBXH)
  entry("vhxhLdtbxh", "2023-04-10", { coKeHoachLongGhep: true, laoDongCongTy: 500, canBoLienQuan: 40 }),
  entry("vhxhLdtbxh", "2023-05-16", { laoDongCongTyTuyenTruyen: 60, canBoTapHuan: 2 }),
  entry("vhxhLdtbxh", "2023-06-02", { laoDongCongTyTuyenTruyen: 30, nguoiCanHoTro: 0, nguoiDuocHoTro: 0 }),
  // Trường học, per school
  entry("truongHoc", "2023-03-25", { hocSinh: 250, coKeHoachLongGhep: true }, "mamNon"),
  entry("truongHoc", "2023-03-25", { hocSinh: 420, coKeHoachLongGhep: true }, "tieuHoc"),
  entry("truongHoc", "2023-03-25", { hocSinh: 380, coKeHoachLongGhep: false }, "thcs"),
  entry("truongHoc", "2023-05-05", { hocSinhTuyenTruyen: 120 }, "thcs"),
  entry("truongHoc", "2023-05-25", { hocSinhTuyenTruyen: 150 }, "tieuHoc"),
  entry("truongHoc", "2023-05-25", { coKeHoachLongGhep: true }, "thcs"),
  entry("truongHoc", "2023-06-01", { hocSinh: 375 }, "thcs"),
  // Đài truyền thanh xã and VH-TT
  entry("daiTruyenThanh", "2023-04-03", { tinBaiTruyenThanh: 2, coKeHoachLongGhep: true }),
  entry("daiTruyenThanh", "2023-05-18", { tinBaiTruyenThanh: 1 }),
  entry("vhxhVhtt", "2023-04-12", { tinBaiTrangDienTu: 1 }),
  entry("vhxhVhtt", "2023-05-02", { tinBaiTrangDienTu: 1 }),
  entry("vhxhVhtt", "2023-06-05", { tinBaiTrangDienTu: 1, tinBaiTruyenThanh: 1 }),
  // Trạm Y tế answers Không and reports in May's period only
  entry("tramYTe", "2023-05-10", { coKeHoachLongGhep: false, luotKhamSucKhoe: 15 }),
];

describe("a worked month of the 2023 plan: tháng 6/2023, cut-off rule", () => {
  const r = computeRollup(plan, worked, "2023-06", {
    rule: "cutoff",
    generatedAt: "2023-06-15T07:00:00+07:00",
  });

  it("states the period, the year to date and the months", () => {
    expect(r.period).toEqual({
      key: "2023-06",
      label: "tháng 6/2023 (15/05/2023 – 14/06/2023)",
      start: "2023-05-15",
      end: "2023-06-14",
    });
    expect(r.yearToDate).toEqual({ start: "2023-03-15", end: "2023-06-14" });
    expect(r.monthsElapsed).toBe(3);
    expect(r.monthsTotal).toBe(9);
  });

  it("CT1a: broadcasts per month – 4/2023: 2, 5/2023: 0, 6/2023: 1 + 1 → Chưa đạt (2 of 3 months)", () => {
    const x = ind(r, "CT1a");
    // 4/2023 (15/03–14/04): đài 2 on 03/04. 5/2023 (15/04–14/05): none. 6/2023 (15/05–14/06): đài 1 on 18/05, VH-TT 1 on 05/06.
    expect(x.months).toEqual([
      { key: "2023-04", label: "tháng 4/2023", count: 2, met: true },
      { key: "2023-05", label: "tháng 5/2023", count: 0, met: false },
      { key: "2023-06", label: "tháng 6/2023", count: 2, met: true },
    ]);
    expect([x.numerator, x.denominator, x.status, x.periodCount]).toEqual([2, 3, "Chưa đạt", 2]);
    expect(x.percent).toBeCloseTo((2 / 3) * 100, 10);
    expect(x.targetText).toBe("≥ 1 lần/tháng");
  });

  it("CT1b: website posts 1 (12/04), 1 (02/05), 1 (05/06) → every month met → Đạt", () => {
    const x = ind(r, "CT1b");
    expect(x.months?.map((m) => m.count)).toEqual([1, 1, 1]);
    expect([x.numerator, x.denominator, x.status]).toEqual([3, 3, "Đạt"]);
  });

  it("CT2a: (12 + 10 + 8) ÷ 90 (latest total, 20/05) = 33,3 % ≥ 30 % → Đạt; the 20/06 row is ignored", () => {
    const x = ind(r, "CT2a");
    expect([x.numerator, x.denominator]).toEqual([30, 90]);
    expect(x.percent).toBeCloseTo((30 / 90) * 100, 10);
    expect(x.status).toBe("Đạt");
    // Prorated: 30 % × 3/9 = 10 %.
    expect(x.expectedPercent).toBeCloseTo(10, 10);
    expect(x.pace).toBe("Đúng tiến độ");
  });

  it("CT2b: (60 + 30) ÷ 500 = 18 % < 30 % → Chưa đạt, but ahead of the prorated 10 % → Đúng tiến độ", () => {
    const x = ind(r, "CT2b");
    expect([x.numerator, x.denominator, x.status, x.pace]).toEqual([90, 500, "Chưa đạt", "Đúng tiến độ"]);
    expect(x.percent).toBeCloseTo(18, 10);
  });

  it("CT2c: (120 + 150) ÷ (250 + 420 + 375, latest per school) = 270 ÷ 1045 = 25,8 % → Chưa đạt", () => {
    const x = ind(r, "CT2c");
    expect([x.numerator, x.denominator, x.status, x.pace]).toEqual([270, 1045, "Chưa đạt", "Đúng tiến độ"]);
    expect(x.percent).toBeCloseTo((270 / 1045) * 100, 10);
  });

  it("CT3: units answering Có – công an, LĐTBXH, trường học (all three schools by 25/05), đài – 4 ÷ 11 = 36,4 %", () => {
    const x = ind(r, "CT3");
    expect([x.numerator, x.denominator, x.status, x.pace]).toEqual([4, 11, "Chưa đạt", null]);
    expect(x.percent).toBeCloseTo((4 / 11) * 100, 10);
  });

  it("CT4: 2 ÷ 40 = 5 % < prorated 20 % × 3/9 = 6,7 % → Chưa đạt, Chậm tiến độ", () => {
    const x = ind(r, "CT4");
    expect([x.numerator, x.denominator, x.status, x.pace]).toEqual([2, 40, "Chưa đạt", "Chậm tiến độ"]);
    expect(x.percent).toBeCloseTo(5, 10);
    expect(x.expectedPercent).toBeCloseTo((20 * 3) / 9, 10);
  });

  it("CT5: handled (1 + 1 + 2) ÷ received (1 + 2 + 1) = 4 ÷ 4 = 100 % → Đạt", () => {
    const x = ind(r, "CT5");
    expect([x.numerator, x.denominator, x.percent, x.status, x.pace]).toEqual([4, 4, 100, "Đạt", null]);
  });

  it("CT6: nobody in need (0 ÷ 0, 'nếu có') → Không phát sinh, no percentage", () => {
    const x = ind(r, "CT6");
    expect([x.numerator, x.denominator, x.percent, x.status]).toEqual([0, 0, null, "Không phát sinh"]);
  });

  it("knows who reported in the period and who did not", () => {
    const reported = r.units.filter((u) => u.reported).map((u) => [u.unitId, u.entryCount]);
    expect(reported).toEqual([
      ["congAnXa", 2],
      ["vhxhLdtbxh", 2],
      ["vhxhVhtt", 1],
      ["truongHoc", 3],
      ["daiTruyenThanh", 1],
    ]);
    const tramYTe = r.units.find((u) => u.unitId === "tramYTe");
    expect(tramYTe).toMatchObject({ reported: false, entryCount: 0, lastEntryDate: "2023-05-10" });
    expect(r.summary).toEqual({ indicatorsMet: 3, indicatorsTotal: 9, unitsReported: 5, unitsTotal: 11 });
  });

  it("gives each unit's figures for the period and the year to date", () => {
    const police = r.units.find((u) => u.unitId === "congAnXa");
    const t = Object.fromEntries((police?.totals ?? []).map((x) => [x.elementId, [x.period, x.yearToDate]]));
    expect(t.laoDongCoSoTuyenTruyen).toEqual([8, 30]);
    expect(t.tinTiepNhan).toEqual([1, 4]);
    expect(t.laoDongCoSo).toEqual([90, 90]);
    expect(t.coKeHoachLongGhep).toEqual([1, 1]);
    const schools = r.units.find((u) => u.unitId === "truongHoc");
    const s = Object.fromEntries((schools?.totals ?? []).map((x) => [x.elementId, [x.period, x.yearToDate]]));
    expect(s.hocSinh).toEqual([1045, 1045]);
    expect(s.coKeHoachLongGhep).toEqual([3, 3]);
  });

  it("finds no data problem in consistent data, and is plain serialisable data", () => {
    expect(r.problems).toEqual([]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("gives the same June figures when computed later with more entries", () => {
    const later = computeRollup(
      plan,
      [...worked, entry("congAnXa", "2023-07-01", { tinTiepNhan: 5 })],
      "2023-06",
      {
        rule: "cutoff",
        generatedAt: "2023-07-20T07:00:00+07:00",
      },
    );
    expect(later.indicators).toEqual(r.indicators);
  });
});

describe("every status", () => {
  const opts = { rule: "cutoff" as const, generatedAt: "2023-04-15T07:00:00+07:00" };

  it("Thiếu số liệu when the denominator was never entered", () => {
    const r = computeRollup(
      plan,
      [entry("vhxhLdtbxh", "2023-04-01", { laoDongCongTyTuyenTruyen: 20 })],
      "2023-04",
      opts,
    );
    expect(ind(r, "CT2b")).toMatchObject({
      numerator: 20,
      denominator: null,
      percent: null,
      status: "Thiếu số liệu",
      pace: null,
    });
    expect(ind(r, "CT6").status).toBe("Thiếu số liệu");
  });

  it("Thiếu số liệu for a zero that cannot be true (no students), Không phát sinh for one that can", () => {
    const r = computeRollup(
      plan,
      [
        entry("truongHoc", "2023-04-01", { hocSinh: 0 }, "thcs"),
        entry("congAnXa", "2023-04-01", { laoDongCoSo: 0, tinTiepNhan: 0, tinXuLyKipThoi: 0 }),
      ],
      "2023-04",
      opts,
    );
    expect(ind(r, "CT2c")).toMatchObject({ denominator: 0, percent: null, status: "Thiếu số liệu" });
    expect(ind(r, "CT2a")).toMatchObject({ denominator: 0, percent: null, status: "Không phát sinh" });
    expect(ind(r, "CT5")).toMatchObject({ denominator: 0, percent: null, status: "Không phát sinh" });
  });

  it("Chưa đạt for a zero denominator when the plan says so", () => {
    const strict: Plan = {
      ...plan,
      indicators: plan.indicators.map((i) =>
        i.id === "CT6" && i.kind === "percentage" ? { ...i, onZeroDenominator: "notMet" } : i,
      ),
    };
    const r = computeRollup(
      strict,
      [entry("vhxhLdtbxh", "2023-04-01", { nguoiCanHoTro: 0 })],
      "2023-04",
      opts,
    );
    expect(ind(r, "CT6")).toMatchObject({ denominator: 0, percent: null, status: "Chưa đạt" });
  });

  it("over 100 %: shown as it is, judged against the target, and flagged as a data problem", () => {
    const r = computeRollup(
      plan,
      [
        // 45 workers reached out of 30: 150 %.
        entry("congAnXa", "2023-04-01", {
          laoDongCoSo: 30,
          laoDongCoSoTuyenTruyen: 45,
          tinTiepNhan: 2,
          tinXuLyKipThoi: 3,
        }),
      ],
      "2023-04",
      opts,
    );
    const ct2a = ind(r, "CT2a");
    expect(ct2a.percent).toBeCloseTo(150, 10);
    // "≥ 30 %" is met by 150 %…
    expect(ct2a.status).toBe("Đạt");
    // …but "= 100 %" is not met by 3 handled out of 2 received (150 %).
    expect(ind(r, "CT5")).toMatchObject({ numerator: 3, denominator: 2, percent: 150, status: "Chưa đạt" });
    const kinds = r.problems.map((p) => [p.kind, p.severity, p.unitId]);
    expect(kinds).toEqual([
      ["percentOver100", "warning", null],
      ["percentOver100", "warning", null],
      ["rule", "error", "congAnXa"],
      ["rule", "warning", "congAnXa"],
    ]);
    expect(r.problems[0]?.message).toBe(
      "Chỉ tiêu CT2a: tỉ lệ 150 % vượt 100 % (45/30). Hãy kiểm tra lại số liệu đã nhập.",
    );
  });

  it("Chưa đạt with 0 % when nothing was done but the denominator is known; CT3 counts a Không", () => {
    const r = computeRollup(
      plan,
      [entry("tuPhap", "2023-04-01", { coKeHoachLongGhep: false })],
      "2023-04",
      opts,
    );
    expect(ind(r, "CT3")).toMatchObject({ numerator: 0, denominator: 11, percent: 0, status: "Chưa đạt" });
  });

  it("passes through the problems read from the tabs", () => {
    const problem = {
      kind: "entry" as const,
      severity: "error" as const,
      unitId: "tuPhap",
      rowNumber: 7,
      column: "date" as const,
      message: 'Cột "Ngày": "31/02/2023" không có trong lịch.',
    };
    const r = computeRollup(plan, [], "2023-04", { ...opts, problems: [problem] });
    expect(r.problems).toEqual([problem]);
    expect(r.summary.unitsReported).toBe(0);
  });
});

describe("both period rules", () => {
  it("calendar months: April 2023 is 01/04 – 30/04, the plan's months start in March", () => {
    const entries = [
      entry("daiTruyenThanh", "2023-03-20", { tinBaiTruyenThanh: 1 }),
      entry("daiTruyenThanh", "2023-04-30", { tinBaiTruyenThanh: 1 }),
    ];
    const r = computeRollup(plan, entries, "2023-04", {
      rule: "calendar",
      generatedAt: "2023-05-01T07:00:00+07:00",
    });
    expect(r.period).toMatchObject({ start: "2023-04-01", end: "2023-04-30" });
    expect(r.monthsElapsed).toBe(2);
    expect(r.monthsTotal).toBe(10);
    expect(ind(r, "CT1a").months?.map((m) => [m.key, m.count])).toEqual([
      ["2023-03", 1],
      ["2023-04", 1],
    ]);
    // Under the cut-off rule the 30/04 broadcast belongs to May.
    const c = computeRollup(plan, entries, "2023-04", {
      rule: "cutoff",
      generatedAt: "2023-04-15T07:00:00+07:00",
    });
    expect(ind(c, "CT1a").months?.map((m) => [m.key, m.count])).toEqual([["2023-04", 1]]);
  });

  it("December under the cut-off rule ends on 14/12; a December 20 row is outside the plan year", () => {
    const entries = [
      entry("daiTruyenThanh", "2023-12-10", { tinBaiTruyenThanh: 1 }),
      entry("daiTruyenThanh", "2023-12-20", { tinBaiTruyenThanh: 1 }),
    ];
    const dec = computeRollup(plan, entries, "2023-12", {
      rule: "cutoff",
      generatedAt: "2023-12-15T07:00:00+07:00",
    });
    expect(dec.period).toMatchObject({ start: "2023-11-15", end: "2023-12-14" });
    expect(ind(dec, "CT1a").periodCount).toBe(1);
    expect(dec.monthsElapsed).toBe(9);
    const cal = computeRollup(plan, entries, "2023-12", {
      rule: "calendar",
      generatedAt: "2024-01-01T07:00:00+07:00",
    });
    expect(ind(cal, "CT1a").periodCount).toBe(2);
    // January 2024 under the cut-off rule is past the plan: the year to date stops at 14/12/2023.
    const jan = computeRollup(plan, entries, "2024-01", {
      rule: "cutoff",
      generatedAt: "2024-01-15T07:00:00+07:00",
    });
    expect(jan.yearToDate).toEqual({ start: "2023-03-15", end: "2023-12-14" });
    expect(jan.period.label).toBe("tháng 1/2024 (15/12/2023 – 14/01/2024)");
  });
});

describe("a history: the 9 periods computed from the same entries", () => {
  // Two rows of the same day for the same school: the later row is the figure (as typed last).
  const entries: Entry[] = [
    ...worked,
    entry("truongHoc", "2023-07-03", { hocSinh: 400 }, "thcs"),
    entry("truongHoc", "2023-07-03", { hocSinh: 410 }, "thcs"),
    entry("congAnXa", "2023-09-01", { laoDongCoSo: 95, laoDongCoSoTuyenTruyen: 7 }),
    entry("daiTruyenThanh", "2023-11-20", { tinBaiTruyenThanh: 3 }),
  ];
  const history = planPeriods(plan, "cutoff").map((k) =>
    computeRollup(plan, entries, k, { rule: "cutoff", generatedAt: "2023-12-15T07:00:00+07:00" }),
  );

  it("gives every unit's figures of every period as totals.ts does for that period's entries alone", () => {
    for (const r of history) {
      const end = periodBounds(r.period.key, "cutoff").end;
      const ytd = yearToDate(plan, r.period.key, "cutoff");
      for (const u of r.units) {
        const own = entries.filter((e) => e.unitId === u.unitId && e.date <= end);
        for (const t of u.totals) {
          const el = plan.elements.find((e) => e.id === t.elementId)!;
          expect(t.period, `${r.period.key} ${u.unitId} ${t.elementId}`).toBe(
            elementTotal(own, el, { start: r.period.start, end }),
          );
          expect(t.yearToDate, `${r.period.key} ${u.unitId} ${t.elementId}`).toBe(elementTotal(own, el, ytd));
        }
      }
    }
  });

  it("takes the later of two rows of the same day (03/07, in July's period) for a school's students", () => {
    const students = (key: string) =>
      history
        .find((r) => r.period.key === key)!
        .units.find((u) => u.unitId === "truongHoc")!
        .totals.find((t) => t.elementId === "hocSinh")!.period;
    expect(students("2023-06")).toBe(250 + 420 + 375);
    expect(students("2023-07")).toBe(250 + 420 + 410);
    expect(students("2023-08")).toBe(250 + 420 + 410);
  });

  it("gives June the same figures as June computed alone", () => {
    const alone = computeRollup(plan, [...entries], "2023-06", {
      rule: "cutoff",
      generatedAt: "2023-12-15T07:00:00+07:00",
    });
    expect(history.find((r) => r.period.key === "2023-06")).toEqual(alone);
  });
});
