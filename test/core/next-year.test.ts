/**
 * Next year's plan from this year's, and the second plan shipped as data: src/plans/quang-khai-2024.json
 * is exactly what nextYearPlan makes of the 2023 plan, and it passes the same checks and round trips.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { carriedStocks, nextYearPlan } from "../../src/core/next-year";
import { planFromJson, planToJson } from "../../src/core/plan-json";
import { planToTabCells } from "../../src/core/plan-tab";
import { planFromTabCells } from "../../src/core/plan-tab-read";
import { readUnitTab } from "../../src/core/validate";
import { unitColumns } from "../../src/core/columns";
import { quangKhai2023 } from "../../src/plans/quang-khai-2023";

const shipped2024 = readFileSync(join(import.meta.dirname, "../../src/plans/quang-khai-2024.json"), "utf8");

describe("next year's plan", () => {
  const next = nextYearPlan(quangKhai2023);

  it("moves the year on and keeps units, tasks, columns, indicators and rules", () => {
    expect(next.plan.year).toBe(2024);
    expect(next.plan.title).toBe("Kế hoạch phòng, chống mại dâm năm 2024 trên địa bàn xã Quang Khải");
    expect(next.plan.shortName).toBe("Phòng, chống mại dâm 2024");
    expect(next.plan.startDate).toBe("2024-01-01");
    expect(next.plan.document).toEqual({ number: "", symbol: "KH-UBND", date: "2024-01-01" });
    for (const k of ["units", "elements", "indicators", "rules", "forms", "recipients"] as const)
      expect(next.plan[k]).toEqual(quangKhai2023[k]);
    // Nothing of the 2023 plan itself changed.
    expect(quangKhai2023.year).toBe(2023);
  });

  it("marks every target for the office to confirm, with last year's target in the note", () => {
    const cells = planToTabCells(next.plan, next.marks);
    const targets = cells.marked.filter((m) => m.path.startsWith("indicators."));
    expect(targets.map((m) => cells.values[m.row]![0])).toEqual(quangKhai2023.indicators.map((i) => i.id));
    const ct6 = targets.find((m) => cells.values[m.row]![0] === "CT6")!;
    expect(ct6.why).toBe("Mục tiêu năm 2023 là ≥ 60 %: hãy xác nhận hoặc sửa theo kế hoạch năm 2024.");
    expect(cells.marked.map((m) => m.path)).toEqual(expect.arrayContaining(["document.date", "startDate"]));
  });

  it("is the plan shipped as src/plans/quang-khai-2024.json, which checks and round-trips like the 2023 one", () => {
    // The same data (the file is laid out by the formatter, so compared parsed).
    expect(JSON.parse(shipped2024)).toStrictEqual(JSON.parse(planToJson(next.plan)));
    const read = planFromJson(shipped2024);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const tab = planFromTabCells(planToTabCells(read.plan).values);
    if (!tab.ok) throw new Error(tab.errors.join("\n"));
    expect(tab.plan).toStrictEqual(JSON.parse(shipped2024));
    expect(JSON.parse(planToJson(tab.plan))).toStrictEqual(JSON.parse(shipped2024));
  });

  it("offers each unit's and school's latest stock of the year as next year's starting value", () => {
    const unit = quangKhai2023.units.find((u) => u.id === "truongHoc")!;
    const columns = unitColumns(quangKhai2023, unit);
    const at = (key: string) => columns.findIndex((c) => c.key === key);
    const row = (date: string, school: string, students: number | "") => {
      const r: (string | number)[] = columns.map(() => "");
      r[at("date")] = date;
      r[at("task")] = unit.tasks[0]!;
      r[at("subUnit")] = school;
      r[at("el:hocSinh")] = students;
      return r;
    };
    const [a, b] = unit.subUnits!;
    const read = readUnitTab(
      quangKhai2023,
      unit,
      [
        columns.map((c) => c.header),
        row("20/03/2023", a!.name, 400),
        row("10/09/2023", a!.name, 420),
        row("12/04/2023", b!.name, 330),
        row("01/10/2023", b!.name, ""),
      ],
      { today: "2023-12-31" },
    );
    const entries = read.rows.flatMap((r) => (r.entry ? [r.entry] : []));
    expect(entries).toHaveLength(4);
    const stocks = carriedStocks(quangKhai2023, entries).filter((s) => s.elementId === "hocSinh");
    expect(stocks).toEqual(
      expect.arrayContaining([
        { unitId: "truongHoc", subUnit: a!.id, elementId: "hocSinh", value: 420, asOf: "2023-09-10" },
        { unitId: "truongHoc", subUnit: b!.id, elementId: "hocSinh", value: 330, asOf: "2023-04-12" },
      ]),
    );
    expect(stocks).toHaveLength(2);
  });
});
