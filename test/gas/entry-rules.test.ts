/**
 * Every cross-field rule of the plan, judged when a row is typed into a unit's tab: the built bundle's
 * edit trigger marks the row with the message the rollup gives, on the figure's cell, and takes the mark
 * away when the row is put right. Rows of the same period count together.
 */
import { describe, expect, it } from "vitest";
import { unitColumns } from "../../src/core/columns";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";
import { a1, bundleEnvironment, OWNER, POLICE, SCHOOL, setUpSheet, sheet } from "./harness";

type Env = ReturnType<typeof bundleEnvironment>;

function unitOf(id: string) {
  return plan.units.find((u) => u.id === id)!;
}

/** Types a row into the unit's next empty row, as its editor would; fields by column key or element id. */
function typeRow(env: Env, unitId: string, fields: Record<string, string>, user: string): number {
  const unit = unitOf(unitId);
  const tab = sheet(env, unit.tabName);
  const columns = unitColumns(plan, unit).filter((c) => !c.scriptOwned);
  const values = columns.map((c) => fields[c.key] ?? (c.elementId ? fields[c.elementId] : undefined) ?? "");
  const r = tab.getLastRow() + 1;
  env.setUser(user);
  env.userEdit(unit.tabName, `A${r}:${a1(r, values.length)}`, [values], { typed: true });
  return r;
}

function cellOf(env: Env, unitId: string, r: number, key: string) {
  const unit = unitOf(unitId);
  const at = unitColumns(plan, unit).findIndex((c) => c.key === key);
  return sheet(env, unit.tabName).getRange(r, at + 1);
}

const status = (env: Env, unitId: string, r: number) => String(cellOf(env, unitId, r, "status").getValue());

function base(unitId: string, date = "05/04/2023"): Record<string, string> {
  const unit = unitOf(unitId);
  return {
    date,
    task: unit.tasks[0]!,
    ...(unit.subUnits ? { subUnit: unit.subUnits[2]!.name } : {}),
  };
}

function ready(): Env {
  const env = bundleEnvironment();
  setUpSheet(env);
  return env;
}

/** Who types for each unit: its editor from the settings, or the owner where the settings name none. */
const TYPIST: Record<string, string> = { congAnXa: POLICE, truongHoc: SCHOOL, vhxhLdtbxh: OWNER };

const CASES: {
  rule: string;
  unitId: string;
  broken: Record<string, string>;
  fixed: Record<string, string>;
}[] = [
  {
    rule: "xuLyNhoHonTiepNhan",
    unitId: "congAnXa",
    broken: { tinTiepNhan: "7", tinXuLyKipThoi: "8" },
    fixed: { tinTiepNhan: "8", tinXuLyKipThoi: "8" },
  },
  {
    rule: "laoDongCoSoTuyenTruyenToiDa",
    unitId: "congAnXa",
    broken: { laoDongCoSo: "40", laoDongCoSoTuyenTruyen: "45" },
    fixed: { laoDongCoSo: "45", laoDongCoSoTuyenTruyen: "45" },
  },
  {
    rule: "laoDongCongTyTuyenTruyenToiDa",
    unitId: "vhxhLdtbxh",
    broken: { laoDongCongTy: "250", laoDongCongTyTuyenTruyen: "1.250" },
    fixed: { laoDongCongTy: "1.250", laoDongCongTyTuyenTruyen: "1.250" },
  },
  {
    rule: "hocSinhTuyenTruyenToiDa",
    unitId: "truongHoc",
    broken: { hocSinh: "400", hocSinhTuyenTruyen: "500" },
    fixed: { hocSinh: "500", hocSinhTuyenTruyen: "500" },
  },
  {
    rule: "canBoTapHuanToiDa",
    unitId: "vhxhLdtbxh",
    broken: { canBoLienQuan: "20", canBoTapHuan: "21" },
    fixed: { canBoLienQuan: "21", canBoTapHuan: "21" },
  },
  {
    rule: "hoTroToiDa",
    unitId: "vhxhLdtbxh",
    broken: { nguoiCanHoTro: "1", nguoiDuocHoTro: "2" },
    fixed: { nguoiCanHoTro: "2", nguoiDuocHoTro: "2" },
  },
];

describe("cross-field rules when a row is typed into a tab (built bundle, edit trigger)", () => {
  it("covers every rule of the plan", () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual(plan.rules.map((r) => r.id).sort());
  });

  for (const c of CASES) {
    it(`${c.rule}: marked at once with the rollup's message, cleared when put right`, () => {
      const env = ready();
      const rule = plan.rules.find((r) => r.id === c.rule)!;
      const r = typeRow(env, c.unitId, { ...base(c.unitId), ...c.broken }, TYPIST[c.unitId]!);
      const mark = rule.severity === "error" ? "✗ Lỗi: " : "⚠ Cảnh báo: ";
      expect(status(env, c.unitId, r)).toBe(mark + expectedMessage(c.rule, c.broken));
      const figure = cellOf(env, c.unitId, r, `el:${rule.left}`);
      expect(figure.getNote()).toBe(`[Kiểm tra] ${expectedMessage(c.rule, c.broken)}`);
      expect(figure.getBackground()).toBe(rule.severity === "error" ? "#f4cccc" : "#fff2cc");

      // The rollup of the month gives the same message (tháng 4/2023 is the plan's first month).
      env.setUser(OWNER);
      const state = env.runFromClient("getRollupState", ["2023-04"]);
      if (!state.ok) throw new Error(state.error);
      const problems = (state.value as { rollup: { problems: { kind: string; message: string }[] } }).rollup
        .problems;
      expect(problems.filter((p) => p.kind === "rule").map((p) => p.message)).toEqual([
        expectedMessage(c.rule, c.broken),
      ]);

      // Put right in the sheet: the mark goes.
      const right = cellOf(env, c.unitId, r, `el:${rule.right}`);
      env.setUser(TYPIST[c.unitId]!);
      env.userEdit(unitOf(c.unitId).tabName, right.getA1Notation(), c.fixed[rule.right]!, { typed: true });
      expect(status(env, c.unitId, r)).toBe("✓ Hợp lệ");
      expect(figure.getNote()).toBe("");
    });
  }

  it("counts the unit's rows of the same period together: 5 then 3 handled against 7 received", () => {
    const env = ready();
    env.setNow(new Date("2023-04-20T09:00:00+07:00"));
    const first = typeRow(
      env,
      "congAnXa",
      { ...base("congAnXa", "20/03/2023"), tinTiepNhan: "7", tinXuLyKipThoi: "5" },
      POLICE,
    );
    expect(status(env, "congAnXa", first)).toBe("✓ Hợp lệ");
    const second = typeRow(
      env,
      "congAnXa",
      { ...base("congAnXa", "02/04/2023"), tinXuLyKipThoi: "3" },
      POLICE,
    );
    expect(status(env, "congAnXa", second)).toBe(
      "✗ Lỗi: Số tin xử lý kịp thời không được lớn hơn số tin tiếp nhận (Tin được xử lý kịp thời: 8; Tin tố giác, tin báo, khiếu nại tiếp nhận: 7).",
    );
    // The same handled figure in the next period (from 15/04) is judged on that period alone.
    const next = typeRow(
      env,
      "congAnXa",
      { ...base("congAnXa", "16/04/2023"), tinTiepNhan: "3", tinXuLyKipThoi: "3" },
      POLICE,
    );
    expect(status(env, "congAnXa", next)).toBe("✓ Hợp lệ");
  });

  it("reads the unit's other rows only for a row with a figure the rules compare, and then judges it with them", () => {
    const env = ready();
    env.setNow(new Date("2023-04-20T09:00:00+07:00"));
    typeRow(
      env,
      "congAnXa",
      { ...base("congAnXa", "20/03/2023"), tinTiepNhan: "7", tinXuLyKipThoi: "5" },
      POLICE,
    );
    env.resetCalls();
    const r = typeRow(env, "congAnXa", base("congAnXa", "02/04/2023"), POLICE);
    expect(status(env, "congAnXa", r)).toBe("✓ Hợp lệ");
    // Each edit read its own row only (the tab has 1,000 rows of the plan's columns).
    const width = unitColumns(plan, plan.units.find((u) => u.id === "congAnXa")!).length;
    expect(env.calls.cells).toBeLessThan(100 * width);
    // The figure typed later into the same row is judged with the period's first row: 8 handled, 7 received.
    const handled = cellOf(env, "congAnXa", r, "el:tinXuLyKipThoi");
    env.resetCalls();
    env.userEdit("Công an xã", handled.getA1Notation(), "3", { typed: true });
    expect(env.calls.cells).toBeGreaterThanOrEqual(1000 * width);
    expect(status(env, "congAnXa", r)).toMatch(
      /^✗ Lỗi: Số tin xử lý kịp thời không được lớn hơn số tin tiếp nhận/,
    );
  });

  it("'Kiểm tra toàn bộ số liệu' marks the same rows with the same message", () => {
    const env = ready();
    const r = typeRow(
      env,
      "congAnXa",
      { ...base("congAnXa"), tinTiepNhan: "7", tinXuLyKipThoi: "8" },
      POLICE,
    );
    const typed = status(env, "congAnXa", r);
    // Clear the marks as a careless owner might, then check everything again.
    env.setUser(OWNER);
    cellOf(env, "congAnXa", r, "status").setValue("");
    env.run("checkAllData");
    expect(status(env, "congAnXa", r)).toBe(typed);
  });
});

describe("cross-field rules behind the roles' checks (built bundle, sidebar server)", () => {
  it("gives a person's page the rules' figures of their own units only, and refuses another unit's row before judging it", () => {
    const env = ready();
    typeRow(env, "congAnXa", { ...base("congAnXa"), tinTiepNhan: "7", tinXuLyKipThoi: "5" }, POLICE);
    const tabRows = () => sheet(env, unitOf("congAnXa").tabName).getLastRow();
    const rowsBefore = tabRows();

    env.setUser(SCHOOL);
    const state = env.runFromClient("getEntryFormState", []);
    if (!state.ok) throw new Error(state.error);
    const units = (state.value as { units: { id: string; canEdit: boolean; ruleEntries: unknown[] }[] })
      .units;
    const police = units.find((u) => u.id === "congAnXa")!;
    expect(police.canEdit).toBe(false);
    // The police's counts of denunciations stay with the police (and the office).
    expect(police.ruleEntries).toEqual([]);
    expect(units.filter((u) => u.ruleEntries.length > 0).map((u) => u.id)).toEqual([]);

    // A row that breaks a rule, sent for a unit the school may not enter: refused for the right, not judged.
    const answer = env.runFromClient("submitEntry", [
      {
        unitId: "congAnXa",
        fields: {
          date: "05/04/2023",
          task: unitOf("congAnXa").tasks[0]!,
          "el:tinTiepNhan": "1",
          "el:tinXuLyKipThoi": "9",
        },
      },
    ]);
    expect(answer.ok && answer.value).toMatchObject({ ok: false, issues: [] });
    const refusal = (answer as { value: { message: string } }).value.message;
    expect(refusal).toContain("Công an xã");
    expect(refusal).not.toContain(plan.rules.find((r) => r.id === "xuLyNhoHonTiepNhan")!.message);
    expect(tabRows()).toBe(rowsBefore);

    // The police themselves get the figures the rule needs, and the row is judged against them.
    env.setUser(POLICE);
    const own = env.runFromClient("getEntryFormState", []);
    if (!own.ok) throw new Error(own.error);
    const mine = (own.value as { units: { id: string; ruleEntries: { values: Record<string, number> }[] }[] })
      .units;
    expect(mine.find((u) => u.id === "congAnXa")!.ruleEntries.map((e) => e.values)).toEqual([
      { tinTiepNhan: 7, tinXuLyKipThoi: 5 },
    ]);
  });
});

/** The rollup's message for a broken rule, from the figures typed. */
function expectedMessage(ruleId: string, typed: Record<string, string>): string {
  const rule = plan.rules.find((r) => r.id === ruleId)!;
  const label = (id: string) => plan.elements.find((e) => e.id === id)!.label;
  return `${rule.message} (${label(rule.left)}: ${typed[rule.left]}; ${label(rule.right)}: ${typed[rule.right]}).`;
}
