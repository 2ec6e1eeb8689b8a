/**
 * What people type that must not pass as data, through the built bundle: personal data in free text
 * (grouped ID numbers, phones, cells of 50,000 characters) and figures a column cannot hold (a phone
 * number in a count column), on edit, in "Kiểm tra toàn bộ", from the entry sidebar and in the rollup
 * that goes into the email. The command line's check shares the core and is checked on the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { elementHeader } from "../../src/core/columns";
import type { Plan } from "../../src/core/plan";
import { validateEntry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";
import { cli, type TempDir, tabOf, task, tempDir, vn, writeWorkbook } from "../cli/helpers";
import { CELL_MAX, PATHOLOGICAL } from "../core/pathological";
import {
  a1,
  bundleEnvironment,
  columnOf,
  lastAlert,
  OWNER,
  POLICE,
  SCHOOL,
  setUpSheet,
  sheet,
} from "./harness";

const police = plan.units.find((u) => u.id === "congAnXa")!;
const TAB = police.tabName;
const header = (elementId: string) => elementHeader(plan.elements.find((e) => e.id === elementId)!);
const RECEIVED = header("tinTiepNhan");
const HANDLED = header("tinXuLyKipThoi");
const TASK = police.tasks[5]!;
const PHONE_AS_COUNT =
  'Cột "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)": 912.345.678 vượt mức tối đa 500 của cột này ' +
  "(số tin tố giác, tin báo, khiếu nại một xã tiếp nhận trong một lần ghi). Có thể đây là số điện thoại, " +
  "số giấy tờ hoặc gõ nhầm, nên số này không được tính. Hãy nhập đúng số tin, không quá 500.";

/** The sheet set up, and the police's editor at the keyboard. */
function ready() {
  const env = bundleEnvironment();
  setUpSheet(env);
  env.setUser(POLICE);
  return env;
}
type Env = ReturnType<typeof ready>;

function cell(env: Env, row: number, header: string) {
  return sheet(env, TAB).getRange(row, columnOf(env, TAB, header));
}

/** A police row typed as a person would, by header. */
function policeRow(env: Env, fields: Record<string, string>): string[] {
  const s = sheet(env, TAB);
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
  const all: Record<string, string> = { Ngày: "05/04/2023", "Nhiệm vụ": TASK, ...fields };
  return headers.map((h) => all[h] ?? "");
}

describe("a phone number typed into a count column", () => {
  it("on edit: refused with the reason, kept as typed, marked", () => {
    const env = ready();
    const row = policeRow(env, { [RECEIVED]: "3", [HANDLED]: "3" });
    env.userEdit(TAB, `A2:${a1(2, row.length)}`, [row], { typed: true });
    const target = cell(env, 2, RECEIVED);
    env.userEdit(TAB, target.getA1Notation(), "0912345678", { typed: true });
    // Sheets reads the typed text as the number 912345678 in a number column; it stays there.
    expect(target.getValue()).toBe(912345678);
    expect(cell(env, 2, "Trạng thái").getValue()).toBe(`✗ Lỗi: ${PHONE_AS_COUNT}`);
    expect(target.getNote()).toBe(`[Kiểm tra] ${PHONE_AS_COUNT}`);
    expect(target.getBackground()).toBe("#f4cccc");
  });

  it("in check-all and in the rollup: the row is an error and its figure is not in the total", () => {
    const env = ready();
    const good = policeRow(env, { [RECEIVED]: "3", [HANDLED]: "3" });
    env.userEdit(TAB, `A2:${a1(2, good.length)}`, [good], { typed: true });
    // Written by a script (an import, a copy from another sheet): no edit trigger marks it.
    const bad = policeRow(env, { Ngày: "06/04/2023", [RECEIVED]: "912345678", [HANDLED]: "0" });
    sheet(env, TAB).getRange(3, 1, 1, bad.length).setValues([bad]);
    env.setUser(OWNER);
    env.run("checkAllData");
    expect(lastAlert(env)).toContain("1 lỗi");
    expect(cell(env, 3, "Trạng thái").getValue()).toBe(`✗ Lỗi: ${PHONE_AS_COUNT}`);
    const state = env.runFromClient("getRollupState", ["2023-04"]);
    const ct5 = (
      state as { value: { rollup: { indicators: { id: string; numerator: number; denominator: number }[] } } }
    ).value.rollup.indicators.find((i) => i.id === "CT5")!;
    expect([ct5.numerator, ct5.denominator]).toEqual([3, 3]);
  });

  it("from the entry sidebar: refused on the field, nothing written", () => {
    const env = ready();
    env.setUser(SCHOOL);
    const result = env.runFromClient("submitEntry", [
      {
        unitId: "truongHoc",
        fields: {
          date: "06/04/2023",
          task: "Tuyên truyền, giáo dục phòng, chống mại dâm cho học sinh",
          subUnit: "Trường THCS Quang Khải",
          "el:hocSinh": "0912345678",
        },
      },
    ]);
    const value = (result as { value: { ok: boolean; issues: { column: string; message: string }[] } }).value;
    expect(value.ok).toBe(false);
    expect(value.issues).toEqual([
      {
        severity: "error",
        column: "el:hocSinh",
        message:
          'Cột "Tổng số học sinh (người)": 912.345.678 vượt mức tối đa 5.000 của cột này (số học sinh của một ' +
          "trường trên địa bàn xã). Có thể đây là số điện thoại, số giấy tờ hoặc gõ nhầm, nên số này không được " +
          "tính. Hãy nhập đúng số người, không quá 5.000.",
      },
    ]);
    expect(sheet(env, "Trường học").getLastRow()).toBe(1);
  });

  it("in the sidebar as it is typed: the plan it gets carries the maximum, and the same check refuses", () => {
    const env = ready();
    env.setUser(SCHOOL);
    const state = env.runFromClient("getEntryFormState", []) as { value: { plan: Plan; today: string } };
    const sent = state.value.plan;
    expect(sent.elements.find((e) => e.id === "hocSinh")?.max?.value).toBe(5000);
    const school = sent.units.find((u) => u.id === "truongHoc")!;
    const typed = { date: "06/04/2023", task: school.tasks[0], subUnit: "Trường THCS Quang Khải" };
    const check = (v: string) =>
      validateEntry(sent, school, { ...typed, "el:hocSinh": v }, { today: state.value.today }).issues;
    expect(check("650")).toEqual([]);
    expect(check("912345678").map((i) => i.message)).toEqual([
      expect.stringContaining("vượt mức tối đa 5.000"),
    ]);
  });
});

describe("personal data in free text", () => {
  it("a CCCD written with spaces or dots is flagged, the text kept as typed", () => {
    const env = ready();
    const text = "Xác minh tin báo, người báo tin CCCD 030 198 001 234";
    const row = policeRow(env, { [RECEIVED]: "1", [HANDLED]: "1", "Ghi chú": text });
    env.userEdit(TAB, `A2:${a1(2, row.length)}`, [row], { typed: true });
    const notes = cell(env, 2, "Ghi chú");
    expect(notes.getValue()).toBe(text);
    expect(cell(env, 2, "Trạng thái").getValue()).toBe(
      '⚠ Cảnh báo: Cột "Ghi chú" có vẻ chứa số CMND/CCCD (030…). ' +
        "Bảng chỉ ghi số liệu tổng hợp: hãy xoá thông tin cá nhân khỏi ô này.",
    );
    env.userEdit(TAB, notes.getA1Notation(), "Số tiền 120.000.000 đồng, CCCD 030.198.001.234", {
      typed: true,
    });
    expect(notes.getNote()).toContain("số CMND/CCCD (030…)");
    expect(notes.getNote()).not.toContain("số điện thoại");
  });

  it("ten pasted cells of 50,000 characters: each kept whole, screened up to the limit, the note says so", () => {
    const env = ready();
    const cases = PATHOLOGICAL.filter((p) => !/space|line breaks|combining/i.test(p.name)).slice(0, 10);
    expect(cases).toHaveLength(10);
    const texts = cases.map((p, i) =>
      i === 0 ? `Gọi 0912 345 678 ${p.make(CELL_MAX - 17)}` : p.make(CELL_MAX),
    );
    const rows = texts.map((t) => policeRow(env, { [RECEIVED]: "1", [HANDLED]: "1", "Nội dung": t }));
    env.userEdit(TAB, `A2:${a1(11, rows[0]!.length)}`, rows, { typed: true });
    texts.forEach((t, i) => {
      const content = cell(env, 2 + i, "Nội dung");
      expect(content.getValue(), cases[i]!.name).toBe(t);
      const note = content.getNote();
      expect(note, cases[i]!.name).toContain(
        `dài 50.000 ký tự: chỉ 10.000 ký tự đầu được kiểm tra thông tin cá nhân`,
      );
      expect(String(cell(env, 2 + i, "Trạng thái").getValue()), cases[i]!.name).toMatch(/^⚠ Cảnh báo: /);
    });
    expect(cell(env, 2, "Nội dung").getNote()).toContain("có vẻ chứa số điện thoại (091…)");
  });
});

describe("a header of 50,000 characters", () => {
  it("is an extra column: edits are still checked, and setup names it in 30 characters", () => {
    const env = ready();
    env.setUser(OWNER);
    const s = sheet(env, TAB);
    const extra = s.getLastColumn() + 2;
    env.userEdit(TAB, a1(1, extra), "(".repeat(CELL_MAX));
    env.setUser(POLICE);
    const row = policeRow(env, { [RECEIVED]: "2", [HANDLED]: "1" });
    env.userEdit(TAB, `A2:${a1(2, row.length)}`, [row], { typed: true });
    expect(cell(env, 2, "Trạng thái").getValue()).toBe("✓ Hợp lệ");
    env.setUser(OWNER);
    env.run("setupSpreadsheet");
    const alert = lastAlert(env);
    expect(alert).toContain(`có tiêu đề "${"(".repeat(29)}…" không thuộc kế hoạch`);
    expect(alert.length).toBeLessThan(3000);
    expect(s.getRange(1, extra).getValue()).toBe("(".repeat(CELL_MAX));
  });
});

describe("the command line's check, on the same rows", () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = tempDir();
    await writeWorkbook(tmp.path("xa.xlsx"), [
      tabOf("congAnXa", [
        { date: vn("2023-04-05"), task: task("congAnXa", 5), tinTiepNhan: 3, tinXuLyKipThoi: 3 },
        { date: vn("2023-04-06"), task: task("congAnXa", 5), tinTiepNhan: 912345678, tinXuLyKipThoi: 0 },
        {
          date: vn("2023-04-07"),
          task: task("congAnXa", 5),
          tinTiepNhan: 1,
          tinXuLyKipThoi: 1,
          notes: "CCCD 030.198.001.234",
        },
      ]),
    ]);
  });
  afterAll(() => tmp.remove());

  it("refuses the phone number in the count (exit 1) and flags the dotted CCCD", async () => {
    const r = await cli(["check", "xa.xlsx", "--now", "2023-06-05"], tmp.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(PHONE_AS_COUNT);
    expect(r.stdout).toContain('Cột "Ghi chú" có vẻ chứa số CMND/CCCD (030…)');
  });

  it("leaves the refused figure out of the rollup", async () => {
    const r = await cli(["rollup", "xa.xlsx", "--month", "2023-04", "--json"], tmp.dir);
    const ct5 = JSON.parse(r.stdout).indicators.find((i: { id: string }) => i.id === "CT5");
    expect([ct5.numerator, ct5.denominator]).toEqual([4, 4]);
  });
});
