/**
 * The office's plan dialog through the built bundle: the plan out as the command line's JSON, a JSON
 * plan and a plan document's text into the "Kế hoạch" tab, then setup; and nobody else may do it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cell";
import { planFromJson, planToJson } from "../../src/core/plan-json";
import { planFromTabCells } from "../../src/core/plan-tab-read";
import { quangKhai2023 } from "../../src/plans/quang-khai-2023";
import { lastAlert, sheet } from "./harness";
import { CHAIRMAN, OFFICE, officeSheet, POLICE } from "./people";

type Env = ReturnType<typeof officeSheet>;

function grid(env: Env): CellValue[][] {
  return sheet(env, "Kế hoạch").getDataRange().getValues() as CellValue[][];
}

function call<T>(env: Env, name: string, args: unknown[] = []): T {
  const r = env.runFromClient(name, args);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r)}`);
  return r.value as T;
}

describe("the plan dialog", () => {
  it("gives the plan the sheet is set up with as the JSON the command line reads", () => {
    const env = officeSheet();
    const state = call<{ json: string; year: number }>(env, "getPlanDialogState");
    expect(state.year).toBe(2023);
    expect(state.json).toBe(planToJson(quangKhai2023));
  });

  it("imports a JSON plan into the tab, which setup then applies; a wrong JSON writes nothing", () => {
    const env = officeSheet();
    const before = grid(env);
    const wrong = call<{ ok: boolean; problems: string[] }>(env, "importPlanJson", [
      '{"id": "x", "year": 1999',
    ]);
    expect(wrong.ok).toBe(false);
    expect(wrong.problems.join("\n")).toMatch(/dòng 1, cột \d+/);
    const incomplete = call<{ ok: boolean; problems: string[] }>(env, "importPlanJson", ['{"id": "x"}']);
    expect(incomplete.ok).toBe(false);
    expect(incomplete.problems.length).toBeGreaterThan(3);
    expect(grid(env)).toEqual(before);

    const changed = structuredClone(quangKhai2023);
    changed.shortName = "PCMD 2023 (sửa)";
    const ct4 = changed.indicators.find((i) => i.id === "CT4");
    if (ct4?.kind !== "percentage") throw new Error("CT4 is a percentage");
    ct4.target.value = 25;
    const done = call<{ ok: boolean; message: string }>(env, "importPlanJson", [planToJson(changed)]);
    expect(done).toMatchObject({ ok: true });
    const read = planFromTabCells(grid(env));
    expect(read.ok && read.plan).toStrictEqual(JSON.parse(JSON.stringify(changed)));
    // Not applied until setup runs.
    expect(call<{ json: string }>(env, "getPlanDialogState").json).toBe(planToJson(quangKhai2023));
    env.run("setupSpreadsheet");
    expect(lastAlert(env)).toContain("Chỉ tiêu CT4: mục tiêu đổi từ ≥ 20 % thành ≥ 25 %");
    const applied = planFromJson(call<{ json: string }>(env, "getPlanDialogState").json);
    expect(applied.ok && applied.plan.shortName).toBe("PCMD 2023 (sửa)");
  });

  it("a text in a JSON string stays text in the tab: no formula comes out of an imported plan", () => {
    const env = officeSheet();
    const hostile = structuredClone(quangKhai2023);
    hostile.units[0]!.tasks[0] = '=IMPORTXML("http://example.com","//a")';
    call(env, "importPlanJson", [planToJson(hostile)]);
    const s = sheet(env, "Kế hoạch");
    const at = grid(env).findIndex((r) => r[1] === '=IMPORTXML("http://example.com","//a")');
    expect(at).toBeGreaterThan(0);
    expect(s.getRange(at + 1, 2).getFormula()).toBe("");
  });

  it("drafts the seed plan's text into the tab with the cells to complete marked; setup then lists them", () => {
    const env = officeSheet();
    const text = readFileSync(join(__dirname, "../fixtures/plan-documents/quang-khai-2023.txt"), "utf8");
    const result = call<{ ok: boolean; message: string }>(env, "draftPlanFromText", [text]);
    expect(result.ok).toBe(true);
    expect(result.message).toContain("9 chỉ tiêu, 11 đơn vị");
    const s = sheet(env, "Kế hoạch");
    const values = grid(env);
    const backgrounds = s.getRange(1, 1, values.length, values[0]!.length).getBackgrounds();
    const notes = s.getRange(1, 1, values.length, values[0]!.length).getNotes();
    const marked = backgrounds
      .flatMap((r, i) => r.map((b, j) => [b, notes[i]![j]!] as const))
      .filter(([b]) => b === "#fff2cc");
    expect(marked.length).toBeGreaterThan(10);
    for (const [, note] of marked) expect(note).not.toBe("");
    const tabsBefore =
      env.active && (env.active as GoogleAppsScript.Spreadsheet.Spreadsheet).getSheets().length;
    env.run("setupSpreadsheet");
    expect(lastAlert(env)).toMatch(/Trang "Kế hoạch" có \d+ chỗ cần sửa; chưa thay đổi gì trong bảng tính\./);
    expect((env.active as GoogleAppsScript.Spreadsheet.Spreadsheet).getSheets().length).toBe(tabsBefore);
    // A text with no plan in it writes nothing.
    const none = call<{ ok: boolean }>(env, "draftPlanFromText", ["Xin chào, đây không phải kế hoạch."]);
    expect(none.ok).toBe(false);
  });

  it("is the office's: staff and the chairman are refused in Vietnamese and nothing is written", () => {
    const env = officeSheet();
    const before = grid(env);
    for (const who of [POLICE, CHAIRMAN]) {
      env.setUser(who);
      for (const [name, args] of [
        ["getPlanDialogState", []],
        ["importPlanJson", [planToJson(quangKhai2023)]],
        ["draftPlanFromText", ["KẾ HOẠCH"]],
      ] as const) {
        const r = env.runFromClient(name, [...args]);
        expect(r.ok, `${who} ${name}`).toBe(false);
        expect(JSON.stringify(r)).toContain("văn phòng UBND xã");
      }
    }
    env.setUser(OFFICE);
    expect(grid(env)).toEqual(before);
  });
});
