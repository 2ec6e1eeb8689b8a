/**
 * Benchmarks of the command line, for BENCHMARKS.md:
 * - `rollup` of a workbook of 11 unit tabs (1,000 to 20,000 rows per tab): its .xlsx reading beside
 *   the least a reader can do with the same sheets' XML (inflate + a streaming XML parser, saxes, doing
 *   nothing with what it parses), measured in the same run, with the ratio; then validation and rollup;
 * - memory: a tab of 100,000 rows with one value in XFD1 read through the plan;
 * - `consolidate` and `export --format dhis2` of 300 communes' workbooks of about 1,000 rows a year.
 * Wall time is shown with CPU time beside it: the machine is shared, and wall time grows with its load.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { inflateRawSync } from "node:zlib";
import { SaxesParser } from "saxes";
import type { CellValue, Plan } from "../../core";
import { addDays, dayNumber, instantOfCivilDate, planSpan, unitColumns } from "../../core";
import { defaultPlan } from "../../plans";
import { rawWorkbookBytes, rowXml } from "../xlsx/raw";
import { openXlsx } from "../xlsx/read";
import { columnLetter, MAX_COLUMNS } from "../xlsx/sheet";
import type { TabValues } from "../xlsx/write";
import { workbookBytes, workbookFromTabs } from "../xlsx/write";
import { zipEntries } from "../xlsx/zip";
import { runCli } from "./main";
import { readPlanWorkbook, rollupBook } from "./workbook";

/** Rows of one unit tab: dates spread over the plan's year, every column filled as staff would. */
export function benchTab(plan: Plan, unitIndex: number, rows: number, seed = 0): TabValues {
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
              ? (subUnits[(i + seed) % subUnits.length]?.name ?? null)
              : (c.options?.[(i + seed) % c.options.length] ?? null);
          case "yesno":
            return i % 50 === 0 ? "Có" : null;
          case "whole":
          case "money": {
            const el = plan.elements.find((e) => e.id === c.elementId);
            // Stocks are re-entered now and then; flows are small counts on every row. Within the plan's maximum.
            if (el?.kind === "stock")
              return i % 100 === 0 ? Math.min(1000 + ((i + seed) % 7), el.max?.value ?? 1e9) : null;
            return c.kind === "money" ? 500_000 : ((i + seed) % 3) + (el?.id === "tinTiepNhan" ? 1 : 0);
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Wall and CPU milliseconds of `fn`. */
async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

/**
 * The least work with the same XML: inflate each sheet the plan reads (and the shared strings) and run
 * it through saxes, a streaming parser, with a handler that only counts elements.
 */
export function bareScan(bytes: Uint8Array): number {
  let elements = 0;
  for (const [name, e] of zipEntries(bytes)) {
    if (!name.startsWith("xl/worksheets/") && name !== "xl/sharedStrings.xml") continue;
    const xml = inflateRawSync(Buffer.from(bytes.buffer, bytes.byteOffset + e.dataStart, e.compressedSize));
    const parser = new SaxesParser();
    parser.on("opentag", () => {
      elements++;
    });
    parser.write(xml.toString("utf8")).close();
  }
  return elements;
}

const NOW = new Date("2023-12-20T09:00:00+07:00");

/** Markdown lines for BENCHMARKS.md. `sizes` are rows per tab (default 1,000, 5,000 and 20,000). */
export async function benchCliRollup(sizes: readonly number[] = [1000, 5000, 20000]): Promise<string[]> {
  const plan = defaultPlan;
  const lines = [
    "## Command line: rollup of an .xlsx workbook",
    "",
    `\`ke-hoach-sheet rollup\` on a workbook of ${plan.units.length} unit tabs of valid entries spread over the plan's year (written by exceljs, ` +
      "as the bench's stand-in for Google's download). **Bare scan**: the least work with the same XML, measured in the same run " +
      "(inflate each sheet and the shared strings, parse them with saxes, a streaming XML parser, doing nothing but count elements). " +
      "**Read**: the command's own reading (its zip and XML reader, the plan's tabs and columns into values). " +
      "**Roll up**: core's validation, collection and rollup. Median of 3 runs; wall time, CPU time in brackets. " +
      `Goals (issue 17): reading within 2× of the bare scan; 11 × 20,000 rows ≤ 4 s. Load average when measured: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores shared with other work.`,
    "",
    "| rows per tab | rows | file | bare scan | read | read ÷ bare (goal ≤ 2) | roll up | total (goal ≤ 4 s at 20,000) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const rows of sizes) {
    const tabs = plan.units.map((_, i) => benchTab(plan, i, rows));
    const bytes = await workbookBytes(workbookFromTabs(tabs));
    const runs: { bare: number; read: number; readCpu: number; roll: number; rollCpu: number }[] = [];
    for (let k = 0; k < 3; k++) {
      const bare = await timed(() => bareScan(bytes));
      const read = await timed(async () => readPlanWorkbook(plan, await openXlsx(bytes, "bench.xlsx")));
      const roll = await timed(() => rollupBook(read.value, { plan, month: "2023-12", now: NOW }));
      const entries = roll.value.units.reduce((n, u) => n + u.entryCount, 0);
      if (roll.value.problems.some((p) => p.severity === "error") || entries === 0) {
        throw new Error("Bench workbook did not read as valid entries");
      }
      runs.push({ bare: bare.wall, read: read.wall, readCpu: read.cpu, roll: roll.wall, rollCpu: roll.cpu });
    }
    const m = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
    const ratio = m((r) => r.read / r.bare);
    const total = m((r) => r.read + r.roll);
    const totalCpu = m((r) => r.readCpu + r.rollCpu);
    const goal = rows === 20000 ? (total <= 4000 ? " ok" : totalCpu <= 4000 ? " (CPU ok)" : " **OVER**") : "";
    lines.push(
      `| ${thousands(rows)} | ${thousands(rows * plan.units.length)} | ${(bytes.length / 1024 / 1024).toFixed(1)} MB | ${seconds(m((r) => r.bare))} | ` +
        `${seconds(m((r) => r.read))} (${seconds(m((r) => r.readCpu))}) | ${ratio.toFixed(2)}${ratio <= 2 ? " ok" : " **OVER**"} | ` +
        `${seconds(m((r) => r.roll))} (${seconds(m((r) => r.rollCpu))}) | ${seconds(total)} (${seconds(totalCpu)})${goal} |`,
    );
  }
  return [...lines, "", ...(await benchFarCell())];
}

/** A 100,000-row tab with one value in XFD1: what reading it keeps, and the heap it costs. */
async function benchFarCell(): Promise<string[]> {
  const plan = defaultPlan;
  const header = unitColumns(plan, plan.units[0]!).map((c) => c.header);
  const rows = [rowXml(1, header).replace("</row>", '<c r="XFD1"><v>1</v></c></row>')];
  for (let r = 2; r <= 100_000; r++)
    rows.push(
      `<row r="${r}"><c r="A${r}" s="1"><v>${45000 + (r % 200)}</v></c><c r="Z${r}"><v>${r}</v></c></row>`,
    );
  const bytes = rawWorkbookBytes({ sheets: [{ name: plan.units[0]!.tabName, rows: rows.join("") }] });
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const { value: book, wall } = await timed(async () =>
    readPlanWorkbook(plan, await openXlsx(bytes, "far.xlsx")),
  );
  const heap = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  const tab = book.tabs[0]!;
  const kept = (tab.values ?? []).reduce(
    (n, r) => n + r.filter((v) => v !== undefined && v !== null).length,
    0,
  );
  return [
    "**Memory bounded by the plan's columns** (issue 12, point 7): a tab of 100,000 rows, a date in column A of each and a number " +
      "in column Z (no plan column), plus one value in XFD1. Its used range is 100,000 × 16,384 = 1.6 billion cells; the reader keeps " +
      `${thousands(kept)} values (the header and the dates), the heap grows by about ${heap.toFixed(0)} MB, in ${seconds(wall)}; ` +
      `one warning reports the cell past column ${columnLetter(MAX_COLUMNS)} (${book.notes.length} note).`,
  ];
}

/** Writes `count` communes' workbooks (about `rowsPerYear` rows each, over the 11 tabs) into `dir`. */
export async function writeCommunes(dir: string, count: number, rowsPerYear = 1000): Promise<void> {
  const plan = defaultPlan;
  const distinct: Uint8Array[] = [];
  // Ten different workbooks, each written by exceljs, reused in turn: the files differ in name only
  // past the tenth, which costs the reader nothing less.
  for (let v = 0; v < Math.min(10, count); v++) {
    const perTab = Math.round((rowsPerYear * (0.8 + v * 0.04)) / plan.units.length);
    distinct.push(
      await workbookBytes(workbookFromTabs(plan.units.map((_, i) => benchTab(plan, i, perTab, v)))),
    );
  }
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `Xã ${String(i + 1).padStart(3, "0")}.xlsx`), distinct[i % distinct.length]!);
  }
}

/** `consolidate` and `export --format dhis2` of 300 generated communes, through the command itself. */
export async function benchConsolidate(count = 300): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "ke-hoach-bench-"));
  try {
    await writeCommunes(join(dir, "tinh"), count);
    const lines = [
      "## Command line: consolidating a province",
      "",
      `${count} communes' workbooks (about 1,000 rows a year each over the 11 tabs, ~90 KB each) in one folder, read with ` +
        "`ke-hoach-sheet consolidate tinh --month 2023-12 --html bao-cao.html` (the upper level's report, as its workbook " +
        "sends it) and `export tinh --format dhis2 --month 2023-12`, in process " +
        "(the command's own start-up through tsx adds about a second). Goal (issue 16): consolidate ≤ 30 s. Wall time, CPU time in brackets.",
      "",
      "| command | communes | time | goal |",
      "|---|---:|---:|---|",
    ];
    for (const argv of [
      ["consolidate", "tinh", "--month", "2023-12", "--html", "bao-cao.html"],
      ["export", "tinh", "--format", "dhis2", "--month", "2023-12"],
    ]) {
      let out = "";
      const {
        value: code,
        wall,
        cpu,
      } = await timed(() =>
        runCli(argv, {
          cwd: dir,
          now: () => NOW,
          stderrIsTTY: false,
          stdout: (s) => {
            out += s;
          },
          stderr: () => undefined,
        }),
      );
      if (code !== 0 || out.length === 0) throw new Error(`bench: ${argv[0]} failed (${code})`);
      if (
        argv.includes("--html") &&
        !readFileSync(join(dir, "bao-cao.html"), "utf8").includes("BÁO CÁO TỔNG HỢP")
      )
        throw new Error("bench: consolidate wrote no report");
      const goal = argv[0] === "consolidate" ? (wall <= 30_000 ? "≤ 30 s ok" : "≤ 30 s **OVER**") : "";
      lines.push(`| ${argv[0]} | ${count} | ${seconds(wall)} (${seconds(cpu)}) | ${goal} |`);
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
