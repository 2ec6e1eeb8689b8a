/**
 * The plan's cross-field rules as a row is judged when it is entered: every rule of the 2023 plan, on a
 * row alone and with the unit's other rows of the row's period, with the message the rollup gives.
 */
import { describe, expect, it } from "vitest";
import { computeRollup } from "../../src/core/rollup";
import { entryRuleChecker, ruleContext, unitHasRules, validateNewEntry } from "../../src/core/rules";
import type { Entry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

function unit(id: string) {
  const u = plan.units.find((x) => x.id === id);
  if (!u) throw new Error(id);
  return u;
}

function row(unitId: string, date: string, values: Entry["values"], subUnit: string | null = null): Entry {
  return { unitId, date, task: "t", form: null, subUnit, values, content: "gọi 0912345678", notes: "" };
}

function judge(entries: Entry[], judged: Entry = entries[entries.length - 1]!) {
  return entryRuleChecker(plan, unit(judged.unitId), entries, "cutoff")(judged);
}

/** Each rule of the plan, a row that breaks it on its own, and the message the rollup prints for it. */
const BROKEN_ALONE: { rule: string; entry: Entry; severity: string; message: string }[] = [
  {
    rule: "xuLyNhoHonTiepNhan",
    entry: row("congAnXa", "2023-04-05", { tinTiepNhan: 7, tinXuLyKipThoi: 8 }),
    severity: "error",
    message:
      "Số tin xử lý kịp thời không được lớn hơn số tin tiếp nhận (Tin được xử lý kịp thời: 8; Tin tố giác, tin báo, khiếu nại tiếp nhận: 7).",
  },
  {
    rule: "laoDongCoSoTuyenTruyenToiDa",
    entry: row("congAnXa", "2023-04-05", { laoDongCoSo: 40, laoDongCoSoTuyenTruyen: 45 }),
    severity: "warning",
    message:
      "Số người lao động tại cơ sở được tuyên truyền lớn hơn tổng số người lao động tại cơ sở (Người lao động tại cơ sở được tuyên truyền: 45; Tổng số người lao động tại cơ sở kinh doanh dịch vụ: 40).",
  },
  {
    rule: "laoDongCongTyTuyenTruyenToiDa",
    entry: row("vhxhLdtbxh", "2023-04-05", { laoDongCongTy: 250, laoDongCongTyTuyenTruyen: 1250 }),
    severity: "warning",
    message:
      "Số người lao động trong công ty được tuyên truyền lớn hơn tổng số người lao động trong công ty (Người lao động trong công ty được tuyên truyền: 1.250; Tổng số người lao động trong các công ty: 250).",
  },
  {
    rule: "hocSinhTuyenTruyenToiDa",
    entry: row("truongHoc", "2023-04-05", { hocSinh: 400, hocSinhTuyenTruyen: 500 }, "thcs"),
    severity: "warning",
    message:
      "Số học sinh được tuyên truyền lớn hơn tổng số học sinh (Học sinh được tuyên truyền: 500; Tổng số học sinh: 400).",
  },
  {
    rule: "canBoTapHuanToiDa",
    entry: row("vhxhLdtbxh", "2023-04-05", { canBoLienQuan: 20, canBoTapHuan: 21 }),
    severity: "warning",
    message:
      "Số cán bộ, công chức được tập huấn lớn hơn tổng số cán bộ, công chức liên quan (Cán bộ, công chức được tập huấn: 21; Tổng số cán bộ, công chức liên quan: 20).",
  },
  {
    rule: "hoTroToiDa",
    entry: row("vhxhLdtbxh", "2023-04-05", { nguoiCanHoTro: 1, nguoiDuocHoTro: 2 }),
    severity: "warning",
    message:
      "Số người được tiếp cận dịch vụ hỗ trợ lớn hơn số người có nhu cầu, đủ điều kiện (Người bán dâm được tiếp cận dịch vụ hỗ trợ: 2; Người bán dâm có nhu cầu, đủ điều kiện hỗ trợ: 1).",
  },
];

describe("the plan's rules judged on the row being entered", () => {
  it("covers every rule of the plan", () => {
    expect(BROKEN_ALONE.map((b) => b.rule).sort()).toEqual(plan.rules.map((r) => r.id).sort());
  });

  for (const b of BROKEN_ALONE) {
    it(`${b.rule}: a row breaking it alone gets the rollup's message on the left figure's column`, () => {
      const issues = judge([b.entry]);
      const left = plan.rules.find((r) => r.id === b.rule)!.left;
      expect(issues).toEqual([{ severity: b.severity, column: `el:${left}`, message: b.message }]);
      // The rollup of the period (the plan's first month: year to date is the period) says the same.
      const rollup = computeRollup(plan, [b.entry], "2023-04", { rule: "cutoff", generatedAt: "x" });
      expect(rollup.problems.filter((p) => p.kind === "rule").map((p) => p.message)).toEqual([b.message]);
    });
  }

  it("judges a row with the unit's other rows of its period: 5 + 3 handled against 7 received", () => {
    const first = row("congAnXa", "2023-03-20", { tinTiepNhan: 7, tinXuLyKipThoi: 5 });
    const second = row("congAnXa", "2023-04-02", { tinXuLyKipThoi: 3 });
    expect(judge([first])).toEqual([]);
    const issues = judge([first, second]);
    expect(issues.map((i) => i.message)).toEqual([
      "Số tin xử lý kịp thời không được lớn hơn số tin tiếp nhận (Tin được xử lý kịp thời: 8; Tin tố giác, tin báo, khiếu nại tiếp nhận: 7).",
    ]);
    // The same rows read again mark the first row too: it has a figure of the broken rule.
    expect(judge([first, second], first)).toEqual(issues);
    // A row of the next period starts again: 15/04 belongs to tháng 5 under the cut-off rule.
    expect(
      judge([first, second, row("congAnXa", "2023-04-15", { tinTiepNhan: 1, tinXuLyKipThoi: 1 })]),
    ).toEqual([]);
  });

  it("takes a stock from an earlier period: 300 students, then 120 + 200 reached in May", () => {
    const entries = [
      row("truongHoc", "2023-03-20", { hocSinh: 300 }, "thcs"),
      row("truongHoc", "2023-04-20", { hocSinhTuyenTruyen: 120 }, "thcs"),
      row("truongHoc", "2023-05-02", { hocSinhTuyenTruyen: 200 }, "thcs"),
    ];
    expect(judge(entries.slice(0, 2))).toEqual([]);
    expect(judge(entries)[0]?.message).toBe(
      "Số học sinh được tuyên truyền lớn hơn tổng số học sinh (Học sinh được tuyên truyền: 320; Tổng số học sinh: 300).",
    );
  });

  it("leaves a row alone that has no figure of the broken rule, and units without rules", () => {
    const broken = row("congAnXa", "2023-04-05", { tinTiepNhan: 1, tinXuLyKipThoi: 2 });
    const other = row("congAnXa", "2023-04-06", { laoDongCoSo: 10 });
    expect(judge([broken, other], other)).toEqual([]);
    expect(unitHasRules(plan, unit("congAnXa"))).toBe(true);
    expect(unitHasRules(plan, unit("tramYTe"))).toBe(false);
    expect(judge([row("tramYTe", "2023-04-05", { coKeHoachLongGhep: true })])).toEqual([]);
  });

  it("refuses an entry the sidebar would refuse: an 'error' rule makes an error, a 'warning' rule a warning", () => {
    const fields = {
      date: "05/04/2023",
      task: unit("congAnXa").tasks[0],
      "el:tinTiepNhan": "7",
      "el:tinXuLyKipThoi": "8",
    };
    const res = validateNewEntry(plan, unit("congAnXa"), fields, { today: "2023-04-10", rule: "cutoff" }, []);
    expect(res.entry).not.toBeNull();
    expect(res.issues.map((i) => [i.severity, i.column])).toEqual([["error", "el:tinXuLyKipThoi"]]);
    // With 2 received earlier in the period, 8 of 9 is fine.
    const earlier = [row("congAnXa", "2023-03-25", { tinTiepNhan: 2 })];
    const ok = validateNewEntry(
      plan,
      unit("congAnXa"),
      fields,
      { today: "2023-04-10", rule: "cutoff" },
      earlier,
    );
    expect(ok.issues).toEqual([]);
  });
});

describe("what the sidebar receives to judge the rules", () => {
  it("keeps the rules' figures from the last two periods and each stock's latest earlier value, no free text", () => {
    const entries = [
      row("truongHoc", "2023-03-20", { hocSinh: 300, coKeHoachLongGhep: true }, "thcs"),
      row("truongHoc", "2023-03-21", { hocSinh: 310 }, "thcs"),
      row("truongHoc", "2023-03-22", { hocSinh: 200, hocSinhTuyenTruyen: 50 }, "tieuHoc"),
      row("truongHoc", "2023-05-20", { hocSinhTuyenTruyen: 120 }, "thcs"),
      row("truongHoc", "2023-06-02", { hocSinhTuyenTruyen: 40 }, "thcs"),
    ];
    // 10/06/2023: the open period is tháng 6 (15/05 – 14/06), the one before starts on 15/04.
    const context = ruleContext(plan, unit("truongHoc"), entries, "2023-06-10", "cutoff");
    expect(context.map((e) => [e.date, e.subUnit, e.values])).toEqual([
      ["2023-03-21", "thcs", { hocSinh: 310 }],
      ["2023-03-22", "tieuHoc", { hocSinh: 200 }],
      ["2023-05-20", "thcs", { hocSinhTuyenTruyen: 120 }],
      ["2023-06-02", "thcs", { hocSinhTuyenTruyen: 40 }],
    ]);
    expect(context.every((e) => e.content === "" && e.notes === "" && e.task === "")).toBe(true);
    // Judged with the context, a new row reaches the same verdict as with every row.
    const next = row("truongHoc", "2023-06-05", { hocSinhTuyenTruyen: 400 }, "thcs");
    expect(judge([...context, next])).toEqual(judge([...entries, next]));
    expect(judge([...context, next])).toHaveLength(1);
  });
});
