/**
 * A downloaded workbook carries its own plan in the "Kế hoạch" tab: check, rollup and export-plan read
 * it (through the streaming reader) when no --plan is given.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { CellValue, Plan } from "../../src/core";
import { planFromJson, planToJson, planToTabCells } from "../../src/core";
import type { TabValues } from "../../src/local/xlsx/write";
import { cli, plan, POLICE_ROWS, tabOf, tempDir, writeWorkbook } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

function planTab(p: Plan, edit?: (grid: CellValue[][]) => void): TabValues {
  const values = planToTabCells(p).values.map((r) => [...r]);
  edit?.(values);
  return { name: "Kế hoạch", values };
}

/** Every unit's tab, empty but for the police rows; the police tab may carry another name. */
function unitTabs(policeName = "Công an xã"): TabValues[] {
  return plan.units.map((u) =>
    u.id === "congAnXa" ? { ...tabOf("congAnXa", POLICE_ROWS), name: policeName } : tabOf(u.id, []),
  );
}

function ct5(stdout: string) {
  const rollup = JSON.parse(stdout) as { indicators: { id: string; targetText: string; status: string }[] };
  return rollup.indicators.find((i) => i.id === "CT5");
}

describe("the workbook's own plan", () => {
  it("is what check and rollup use without --plan: a target changed in the tab changes the verdict", async () => {
    const changed = structuredClone(plan);
    const target = changed.indicators.find((i) => i.id === "CT5");
    if (target?.kind !== "percentage") throw new Error("CT5 is a percentage");
    target.target = { op: ">=", value: 50 };
    await writeWorkbook(tmp.path("own.xlsx"), [...unitTabs(), planTab(changed)]);
    const own = await cli(["rollup", "own.xlsx", "--month", "2023-06", "--json"], tmp.dir);
    expect(own.code).toBe(0);
    expect(own.stderr).toContain(
      'Dùng kế hoạch trong trang "Kế hoạch" của tệp: Kế hoạch phòng, chống mại dâm',
    );
    // 2 handled in time of 3 received: 66.7 %, met against ≥ 50 %, not against the shipped = 100 %.
    expect(ct5(own.stdout)).toMatchObject({ targetText: "≥ 50 %", status: "Đạt" });
    writeFileSync(tmp.path("shipped.json"), planToJson(plan));
    const shipped = await cli(
      ["rollup", "own.xlsx", "--month", "2023-06", "--json", "--plan", "shipped.json"],
      tmp.dir,
    );
    expect(shipped.stderr).toBe("");
    expect(ct5(shipped.stdout)).toMatchObject({ targetText: "= 100 %", status: "Chưa đạt" });
  });

  it("follows a unit's tab renamed in the plan tab, matched by the unit's code", async () => {
    const renamed = structuredClone(plan);
    renamed.units[0]!.tabName = "CA xã";
    await writeWorkbook(tmp.path("renamed.xlsx"), [...unitTabs("CA xã"), planTab(renamed)]);
    const run = await cli(["check", "renamed.xlsx"], tmp.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("Không tìm thấy trang");
    // The shipped plan looks for "Công an xã" and does not find it.
    writeFileSync(tmp.path("shipped.json"), planToJson(plan));
    const shipped = await cli(["check", "renamed.xlsx", "--plan", "shipped.json"], tmp.dir);
    expect(shipped.stdout).toContain('Không tìm thấy trang "Công an xã"');
  });

  it("stops with every problem of a broken plan tab, each at its cell, and exit code 2", async () => {
    const tab = planTab(plan, (grid) => {
      const year = grid.findIndex((r) => r[0] === "Năm");
      grid[year]![1] = "hai nghìn";
      const ct2a = grid.findIndex((r) => r[0] === "CT2a");
      grid[ct2a]![4] = "tongLaoDong";
    });
    await writeWorkbook(tmp.path("broken.xlsx"), [...unitTabs(), tab]);
    const run = await cli(["check", "broken.xlsx"], tmp.dir);
    expect(run.code).toBe(2);
    const year = tab.values.findIndex((r) => r[0] === "Năm") + 1;
    const ct2a = tab.values.findIndex((r) => r[0] === "CT2a") + 1;
    expect(run.stderr).toContain(`Kế hoạch!B${year}: "hai nghìn" không phải năm, hãy nhập năm, ví dụ 2024.`);
    expect(run.stderr).toContain(`Kế hoạch!E${ct2a}: Chỉ tiêu "CT2a" nói đến chỉ số nhập "tongLaoDong"`);
    expect(run.stderr).toContain("hoặc chỉ định kế hoạch bằng --plan TỆP");
    // --plan still works on that file.
    writeFileSync(tmp.path("shipped.json"), planToJson(plan));
    expect((await cli(["check", "broken.xlsx", "--plan", "shipped.json"], tmp.dir)).code).toBe(0);
  });

  it("export-plan gives the workbook's plan as the JSON --plan reads, the same plan again", async () => {
    const made = await cli(["template", "mau.xlsx"], tmp.dir);
    expect(made.code).toBe(0);
    const out = await cli(["export-plan", "mau.xlsx", "--out", "ke-hoach.json"], tmp.dir);
    expect(out.code).toBe(0);
    const text = readFileSync(tmp.path("ke-hoach.json"), "utf8");
    expect(text).toBe(planToJson(plan));
    const back = planFromJson(text);
    expect(back.ok && back.plan).toStrictEqual(JSON.parse(text));
    expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(plan)));
    const again = await cli(["export-plan", "--plan", "ke-hoach.json"], tmp.dir);
    expect(again.stdout).toBe(text);
    const refused = await cli(["export-plan", "mau.xlsx", "--out", "mau.xlsx"], tmp.dir);
    expect(refused.code).toBe(2);
  });
});
