import { existsSync, readFileSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndicatorResult, Rollup } from "../../src/core";
import { rollupWorkbook } from "../../src/local/cli/workbook";
import { cli, plan, sha256, type TempDir, tempDir, writeWorkbook } from "./helpers";
import { WORKED_NOW, workedMonthTabs } from "./worked-month";

let tmp: TempDir;
let book: string;

beforeAll(async () => {
  tmp = tempDir();
  book = tmp.path("quang-khai.xlsx");
  await writeWorkbook(book, workedMonthTabs());
});
afterAll(() => tmp.remove());

function ind(r: Rollup, id: string): IndicatorResult {
  const x = r.indicators.find((i) => i.id === id);
  if (!x) throw new Error("no indicator " + id);
  return x;
}

describe("rollup of a worked month: tháng 6/2023, cut-off rule (15/05 – 14/06/2023)", () => {
  let r: Rollup;
  beforeAll(async () => {
    const run = await cli(["rollup", "quang-khai.xlsx", "--month", "2023-06", "--json"], tmp.dir, WORKED_NOW);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    r = JSON.parse(run.stdout) as Rollup;
  });

  it("states the period, the year to date and the months elapsed", () => {
    expect(r.period).toEqual({
      key: "2023-06",
      label: "tháng 6/2023 (15/05/2023 – 14/06/2023)",
      start: "2023-05-15",
      end: "2023-06-14",
    });
    expect(r.yearToDate).toEqual({ start: "2023-03-15", end: "2023-06-14" });
    expect([r.monthsElapsed, r.monthsTotal]).toEqual([3, 9]);
    expect(r.generatedAt).toBe(WORKED_NOW.toISOString());
  });

  it("CT1a broadcasts: T4 = 2 (đài 03/04), T5 = 0, T6 = 1 (đài 18/05) + 1 (VH-TT 05/06) → 2 of 3 months → Chưa đạt", () => {
    const x = ind(r, "CT1a");
    expect(x.months?.map((m) => [m.key, m.count, m.met])).toEqual([
      ["2023-04", 2, true],
      ["2023-05", 0, false],
      ["2023-06", 2, true],
    ]);
    expect([x.numerator, x.denominator, x.status]).toEqual([2, 3, "Chưa đạt"]);
  });

  it("CT1b website posts: 12/04 → T4, 02/05 → T5, 05/06 → T6: every month → Đạt", () => {
    expect([ind(r, "CT1b").numerator, ind(r, "CT1b").denominator, ind(r, "CT1b").status]).toEqual([
      3,
      3,
      "Đạt",
    ]);
  });

  it("CT2a: (12 + 10 + 8) ÷ 90 (latest total, 20/05) = 33,3 % → Đạt; the 20/06 row (after the period) is left out", () => {
    const x = ind(r, "CT2a");
    expect([x.numerator, x.denominator, x.status, x.pace]).toEqual([30, 90, "Đạt", "Đúng tiến độ"]);
    expect(x.percent).toBeCloseTo((30 / 90) * 100, 10);
    // Prorated target: 30 % × 3/9 months = 10 %.
    expect(x.expectedPercent).toBeCloseTo(10, 10);
  });

  it("CT2b: (60 + 30) ÷ 500 = 18 % → Chưa đạt but ahead of the prorated 10 %", () => {
    const x = ind(r, "CT2b");
    expect([x.numerator, x.denominator, x.percent, x.status, x.pace]).toEqual([
      90,
      500,
      18,
      "Chưa đạt",
      "Đúng tiến độ",
    ]);
  });

  it("CT2c: (120 + 150) ÷ (250 + 420 + 375, latest per school) = 270 ÷ 1045 = 25,8 % → Chưa đạt", () => {
    const x = ind(r, "CT2c");
    expect([x.numerator, x.denominator, x.status]).toEqual([270, 1045, "Chưa đạt"]);
    expect(x.percent).toBeCloseTo((270 / 1045) * 100, 10);
  });

  it("CT3: Có from công an, LĐTBXH, trường học (THCS changed to Có on 25/05) and đài = 4 ÷ 11; trạm y tế said Không", () => {
    const x = ind(r, "CT3");
    expect([x.numerator, x.denominator, x.status]).toEqual([4, 11, "Chưa đạt"]);
  });

  it("CT4: 2 ÷ 40 = 5 % < prorated 20 % × 3/9 = 6,7 % → Chưa đạt, Chậm tiến độ", () => {
    const x = ind(r, "CT4");
    expect([x.numerator, x.denominator, x.percent, x.status, x.pace]).toEqual([
      2,
      40,
      5,
      "Chưa đạt",
      "Chậm tiến độ",
    ]);
  });

  it("CT5: handled (1 + 1 + 2) ÷ received (1 + 2 + 2) = 4 ÷ 5 = 80 % → Chưa đạt", () => {
    const x = ind(r, "CT5");
    expect([x.numerator, x.denominator, x.percent, x.status]).toEqual([4, 5, 80, "Chưa đạt"]);
  });

  it("CT6: nobody in need (0 ÷ 0, the plan's 'nếu có') → Không phát sinh", () => {
    const x = ind(r, "CT6");
    expect([x.numerator, x.denominator, x.percent, x.status]).toEqual([0, 0, null, "Không phát sinh"]);
  });

  it("counts 2 of 9 indicators met (CT1b, CT2a) and 5 of 11 units reporting in the period", () => {
    expect(r.summary).toEqual({ indicatorsMet: 2, indicatorsTotal: 9, unitsReported: 5, unitsTotal: 11 });
    // Reported between 15/05 and 14/06: công an (20/05, 10/06), LĐTBXH (16/05, 02/06), VH-TT (05/06),
    // trường học (25/05, 01/06), đài (18/05). Trạm y tế's 10/05 belongs to tháng 5.
    expect(r.units.filter((u) => u.reported).map((u) => u.unitId)).toEqual([
      "congAnXa",
      "vhxhLdtbxh",
      "vhxhVhtt",
      "truongHoc",
      "daiTruyenThanh",
    ]);
    expect(r.units.find((u) => u.unitId === "tramYTe")?.lastEntryDate).toBe("2023-05-10");
    expect(r.problems).toEqual([]);
  });

  it("rollupWorkbook (the function behind the command) returns the same Rollup object", async () => {
    const direct = await rollupWorkbook(book, { month: "2023-06", now: WORKED_NOW, plan });
    expect(direct).toEqual(r);
  });

  it("the calendar rule moves the month to 01/06 – 30/06, where the 20/06 row now counts", async () => {
    const run = await cli(
      ["rollup", "quang-khai.xlsx", "--month", "2023-06", "--rule", "calendar", "--json"],
      tmp.dir,
      WORKED_NOW,
    );
    const cal = JSON.parse(run.stdout) as Rollup;
    expect(cal.period.start).toBe("2023-06-01");
    expect(cal.period.end).toBe("2023-06-30");
    // CT2a: (12 + 10 + 8 + 50) ÷ 10 (latest total, 20/06) = 800 % – shown as it is and flagged.
    expect([ind(cal, "CT2a").numerator, ind(cal, "CT2a").denominator]).toEqual([80, 10]);
    expect(cal.problems.some((p) => p.kind === "percentOver100")).toBe(true);
  });
});

describe("rollup as a readable table and as the email report", () => {
  it("prints the indicator table with Vietnamese figures", async () => {
    const run = await cli(["rollup", "quang-khai.xlsx", "--month", "6/2023"], tmp.dir, WORKED_NOW);
    expect(run.code).toBe(0);
    const line = (id: string) => run.stdout.split("\n").find((l) => l.startsWith(id + " "));
    expect(line("CT2a")).toMatch(/≥ 30 %\s+30\/90 \(33,3 %\)\s+Đạt\s+Đúng tiến độ \(cần 10 %\)/);
    expect(line("CT5")).toMatch(/= 100 %\s+4\/5 \(80 %\)\s+Chưa đạt/);
    expect(line("CT6")).toMatch(/0\/0\s+Không phát sinh/);
    expect(run.stdout).toContain("Đạt 2/9 chỉ tiêu; 5/11 đơn vị đã báo cáo trong kỳ.");
    expect(run.stdout).toContain("Trạm Y tế: lần cuối 10/05/2023");
  });

  it("--html writes the monthly email report and leaves the input file untouched", async () => {
    const before = sha256(book);
    const mtime = statSync(book).mtimeMs;
    const run = await cli(
      ["rollup", "quang-khai.xlsx", "--month", "2023-06", "--html", "bao-cao.html"],
      tmp.dir,
      WORKED_NOW,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("bao-cao.html");
    const html = readFileSync(tmp.path("bao-cao.html"), "utf8");
    expect(html).toContain("BÁO CÁO");
    expect(html).toContain("30/90 (33,3 %)");
    // Without --now the report is signed the day after the period's cut-off, as the add-in sends it.
    expect(html).toContain("Quang Khải, ngày 15 tháng 6 năm 2023");
    expect(sha256(book)).toBe(before);
    expect(statSync(book).mtimeMs).toBe(mtime);
  });

  it("refuses to write the report over the input file", async () => {
    const before = sha256(book);
    const run = await cli(
      ["rollup", "quang-khai.xlsx", "--month", "2023-06", "--html", "quang-khai.xlsx"],
      tmp.dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("không bao giờ ghi đè tệp vào");
    expect(sha256(book)).toBe(before);
  });

  it("says what is wrong with --month, --rule and --now (exit code 2)", async () => {
    const cases: [string[], string][] = [
      [["rollup", "quang-khai.xlsx"], "cần --month"],
      [["rollup", "quang-khai.xlsx", "--month", "2023-13"], "không phải tháng"],
      [["rollup", "quang-khai.xlsx", "--month", "2024-01"], "tháng 1/2024 không thuộc"],
      [["rollup", "quang-khai.xlsx", "--month", "2023-06", "--rule", "quarter"], '--rule chỉ nhận "cutoff"'],
      [["rollup", "quang-khai.xlsx", "--month", "2023-06", "--now", "hôm qua"], "không phải ngày"],
      [["rollup", "quang-khai.xlsx", "--month", "2023-06", "--json=yes"], "không nhận giá trị"],
      [["rollup", "--month", "2023-06"], "cần một tệp .xlsx"],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(argv, tmp.dir);
      expect({ argv, code: run.code, stdout: run.stdout }).toEqual({ argv, code: 2, stdout: "" });
      expect(run.stderr).toContain(message);
    }
    expect(existsSync(tmp.path("quang-khai.xlsx"))).toBe(true);
  });
});
