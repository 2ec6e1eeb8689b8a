/**
 * The second plan shipped as data (src/plans/quang-khai-2024.json, next year's plan made from 2023's)
 * end to end through the built bundle: imported into a sheet's "Kế hoạch" tab, applied by setup, a
 * month typed by the units, and the rollup of that month worked out as for 2023.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unitColumns } from "../../src/core/columns";
import { planFromJson } from "../../src/core/plan-json";
import { a1, headers, lastAlert, sheet } from "./harness";
import { APRIL_ROWS, EXPECTED_APRIL } from "./month";
import { OFFICE, officeSheet } from "./people";

const json = readFileSync(join(__dirname, "../../src/plans/quang-khai-2024.json"), "utf8");
const read = planFromJson(json);
if (!read.ok) throw new Error(read.errors.join("\n"));
const plan2024 = read.plan;

describe("the 2024 plan, shipped as JSON", () => {
  it("is set up from the plan dialog, lays out the same tabs, and rolls up April 2024 as April 2023", () => {
    const env = officeSheet({ now: new Date("2024-04-10T09:00:00+07:00") });
    const imported = env.runFromClient("importPlanJson", [json]);
    expect(imported).toMatchObject({ ok: true, value: { ok: true } });
    env.run("setupSpreadsheet");
    expect(lastAlert(env)).not.toContain("Cần xem lại");
    const state = env.runFromClient("getPlanDialogState", []);
    expect(state).toMatchObject({ ok: true, value: { year: 2024, title: plan2024.title } });
    for (const unit of plan2024.units)
      expect(headers(env, unit.tabName)).toEqual(unitColumns(plan2024, unit).map((c) => c.header));

    env.setUser(OFFICE);
    for (const [tab, rows] of Object.entries(APRIL_ROWS)) {
      const s = sheet(env, tab);
      const hs = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
      for (const row of rows) {
        const r = s.getLastRow() + 1;
        const values = hs.map((h) => (row[h] ?? "").replace(/\/2023$/, "/2024"));
        env.userEdit(tab, `A${r}:${a1(r, hs.length)}`, [values], { typed: true });
      }
    }
    env.setNow(new Date("2024-04-20T09:00:00+07:00"));
    const rollup = env.runFromClient("getRollupState", ["2024-04"]);
    if (!rollup.ok) throw new Error(JSON.stringify(rollup));
    const indicators = (
      rollup.value as { rollup: { indicators: { id: string; kind: string; status: string }[] } }
    ).rollup.indicators;
    // The rates are year to date from 1/1/2024, so they are April's figures of 2023; the monthly
    // frequencies now count January to April, of which only April had a broadcast.
    for (const ind of indicators.filter((i) => !i.id.startsWith("CT1")))
      expect(ind.status, ind.id).toBe(EXPECTED_APRIL[ind.id]!.status);
    for (const ind of indicators.filter((i) => i.id.startsWith("CT1")))
      expect(ind.status, ind.id).toBe("Chưa đạt");
  });
});
