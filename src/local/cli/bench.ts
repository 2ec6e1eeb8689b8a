/**
 * Benchmark of the command line's rollup: a workbook of 11 unit tabs is built in memory (1,000 to
 * 20,000 rows per tab of valid, realistic entries), written to .xlsx bytes, then read back and rolled
 * up as `ke-hoach-sheet rollup` does. Only reading and computing are timed, not building the file.
 */
import { performance } from "node:perf_hooks";
import type { CellValue, Plan } from "../../core";
import { addDays, dayNumber, instantOfCivilDate, planSpan, unitColumns } from "../../core";
import { defaultPlan } from "../../plans";
import { openXlsx } from "../xlsx/read";
import type { TabValues } from "../xlsx/write";
import { workbookBytes, workbookFromTabs } from "../xlsx/write";
import { readPlanWorkbook, rollupBook } from "./workbook";

/** Rows of one unit tab: dates spread over the plan's year, every column filled as staff would. */
export function benchTab(plan: Plan, unitIndex: number, rows: number): TabValues {
  const unit = plan.units[unitIndex]!;
  const columns = unitColumns(plan, unit);
  const span = planSpan(plan, plan.periodRule);
  const days = dayNumber(span.end) - dayNumber(span.start) + 1;
  const values: CellValue[][] = [columns.map((c) => c.header)];
  const subUnits = unit.subUnits ?? [];
  for (let i = 0; i < rows; i++) {
    // Rows in date order, as a tab filled month after month.
    const date = instantOfCivilDate(addDays(span.start, Math.floor((i * days) / rows)));
    values.push(
      columns.map((c): CellValue => {
        switch (c.kind) {
          case "date":
            return date;
          case "list":
            return c.key === "subUnit"
              ? (subUnits[i % subUnits.length]?.name ?? null)
              : (c.options?.[i % c.options.length] ?? null);
          case "yesno":
            return i % 50 === 0 ? "Có" : null;
          case "whole":
          case "money": {
            const el = plan.elements.find((e) => e.id === c.elementId);
            // Stocks are re-entered now and then; flows are small counts on every row.
            if (el?.kind === "stock") return i % 100 === 0 ? 1000 + (i % 7) : null;
            return c.kind === "money" ? 500_000 : (i % 3) + (el?.id === "tinTiepNhan" ? 1 : 0);
          }
          case "text":
            return c.key === "content" ? `Tuyên truyền tại thôn ${(i % 6) + 1}, hội nghị tháng` : null;
          default:
            return null;
        }
      }),
    );
  }
  return { name: unit.tabName, values };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2) + " s";
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Markdown lines for BENCHMARKS.md. `sizes` are rows per tab (default 1,000, 5,000 and 20,000). */
export async function benchCliRollup(sizes: readonly number[] = [1000, 5000, 20000]): Promise<string[]> {
  const plan = defaultPlan;
  const lines = [
    "## Command line: rollup of an .xlsx workbook",
    "",
    `\`ke-hoach-sheet rollup\` on a workbook of ${plan.units.length} unit tabs of valid entries spread over the plan's year: ` +
      "reading the .xlsx (exceljs, then cells to values) and computing the rollup (core's validation, collection and rollup).",
    "",
    "| rows per tab | rows | file | read .xlsx | validate + roll up | total |",
    "|---:|---:|---:|---:|---:|---:|",
  ];
  for (const rows of sizes) {
    const tabs = plan.units.map((_, i) => benchTab(plan, i, rows));
    const bytes = await workbookBytes(workbookFromTabs(tabs));
    const t0 = performance.now();
    const book = await readPlanWorkbook(plan, await openXlsx(bytes, "bench.xlsx"));
    const t1 = performance.now();
    const rollup = rollupBook(book, {
      plan,
      month: "2023-12",
      now: new Date("2023-12-20T09:00:00+07:00"),
    });
    const t2 = performance.now();
    const entries = rollup.units.reduce((n, u) => n + u.entryCount, 0);
    if (rollup.problems.some((p) => p.severity === "error") || entries === 0) {
      throw new Error("Bench workbook did not read as valid entries");
    }
    lines.push(
      `| ${thousands(rows)} | ${thousands(rows * plan.units.length)} | ${(bytes.length / 1024 / 1024).toFixed(1)} MB | ${seconds(t1 - t0)} | ${seconds(t2 - t1)} | ${seconds(t2 - t0)} |`,
    );
  }
  return lines;
}
