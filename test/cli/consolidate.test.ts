import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Consolidation } from "../../src/local/cli/consolidate";
import { cli, smallCommunes, type TempDir, tempDir, writeWorkbook } from "./helpers";
import { WORKED_NOW, workedMonthTabs } from "./worked-month";

/**
 * Three communes, tháng 6/2023 (cut-off rule):
 * - Quang Khải: the worked month (CT2a 30/90, CT5 4/5, CT3 4/11, CT1a 2 of 3 months, CT2c 270/1045, CT6 0/0);
 * - Quang Phục: only its police tab: 10 workers, all 10 reached (100 %), 1 report received and handled,
 *   answers Có for its integrated plan;
 * - Tân Kỳ: only its police tab: 50 workers, none reached yet (0 typed), no report figures at all.
 */
let tmp: TempDir;
let result: Consolidation;

beforeAll(async () => {
  tmp = tempDir();
  await writeWorkbook(tmp.path("Quang Khải.xlsx"), workedMonthTabs());
  const small = smallCommunes();
  await writeWorkbook(tmp.path("Quang Phục.xlsx"), small["Quang Phục"]);
  await writeWorkbook(tmp.path("Tân Kỳ.xlsx"), small["Tân Kỳ"]);
  const run = await cli(
    ["consolidate", "Quang Khải.xlsx", "Quang Phục.xlsx", "Tân Kỳ.xlsx", "--month", "2023-06", "--json"],
    tmp.dir,
    WORKED_NOW,
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  result = JSON.parse(run.stdout) as Consolidation;
});
afterAll(() => tmp.remove());

function total(id: string) {
  const t = result.totals.find((x) => x.id === id);
  if (!t) throw new Error("no total " + id);
  return t;
}

describe("consolidating three communes' workbooks", () => {
  it("names the communes after their files and keeps each one's indicators", () => {
    expect(result.format).toBe("ke-hoach-sheet/consolidation@1");
    expect(result.communes.map((c) => c.name)).toEqual(["Quang Khải", "Quang Phục", "Tân Kỳ"]);
    const ct2a = result.communes.map((c) => c.indicators.find((i) => i.id === "CT2a"));
    expect(ct2a.map((i) => [i?.numerator, i?.denominator, i?.status])).toEqual([
      [30, 90, "Đạt"],
      [10, 10, "Đạt"],
      [0, 50, "Chưa đạt"],
    ]);
  });

  it("CT2a total sums numerators and denominators: (30 + 10 + 0) ÷ (90 + 10 + 50) = 40 ÷ 150 = 26,7 % → Chưa đạt", () => {
    const t = total("CT2a");
    expect([t.numerator, t.denominator, t.status, t.communesCounted]).toEqual([40, 150, "Chưa đạt", 3]);
    expect(t.percent).toBeCloseTo((40 / 150) * 100, 10);
    // Averaging the three percentages would have said (33,3 + 100 + 0) ÷ 3 = 44,4 % and "Đạt".
    expect(t.percent).toBeLessThan(30);
    // Still ahead of the prorated 30 % × 3/9 = 10 %.
    expect([t.pace, t.expectedPercent]).toEqual(["Đúng tiến độ", 10]);
  });

  it("CT5 leaves out a commune with no denominator: (4 + 1) ÷ (5 + 1) = 83,3 %, Tân Kỳ named as missing", () => {
    const t = total("CT5");
    expect([t.numerator, t.denominator, t.status, t.communesCounted]).toEqual([5, 6, "Chưa đạt", 2]);
    expect(t.percent).toBeCloseTo((5 / 6) * 100, 10);
    expect(t.communesMissingData).toEqual(["Tân Kỳ"]);
  });

  it("CT3 counts units with Có over units asked in every commune: (4 + 1 + 0) ÷ (11 + 11 + 11) = 5 ÷ 33", () => {
    const t = total("CT3");
    expect([t.numerator, t.denominator, t.status]).toEqual([5, 33, "Chưa đạt"]);
  });

  it("CT1a counts commune-months: 2 of 3 + 0 of 3 + 0 of 3 = 2 of 9 months met", () => {
    const t = total("CT1a");
    expect([t.numerator, t.denominator, t.status]).toEqual([2, 9, "Chưa đạt"]);
  });

  it("CT2c only Quang Khải has students: 270 ÷ 1045, the two others missing; CT6 0 ÷ 0 → Không phát sinh", () => {
    expect([total("CT2c").numerator, total("CT2c").denominator]).toEqual([270, 1045]);
    expect(total("CT2c").communesMissingData).toEqual(["Quang Phục", "Tân Kỳ"]);
    expect([total("CT6").numerator, total("CT6").denominator, total("CT6").status]).toEqual([
      0,
      0,
      "Không phát sinh",
    ]);
  });

  it("prints the communes side by side with a total column", async () => {
    const run = await cli(
      ["consolidate", "Quang Khải.xlsx", "Quang Phục.xlsx", "Tân Kỳ.xlsx", "--month", "2023-06"],
      tmp.dir,
      WORKED_NOW,
    );
    expect(run.code).toBe(0);
    const header = run.stdout.split("\n").find((l) => l.startsWith("Mã "));
    expect(header).toMatch(/Quang Khải\s+Quang Phục\s+Tân Kỳ\s+Tổng cộng/);
    const ct2a = run.stdout.split("\n").find((l) => l.startsWith("CT2a "));
    expect(ct2a).toMatch(
      /30\/90 \(33,3 %\) Đạt\s+10\/10 \(100 %\) Đạt\s+0\/50 \(0 %\) Chưa đạt\s+40\/150 \(26,7 %\) Chưa đạt/,
    );
    expect(run.stdout).toContain("chưa tính Tân Kỳ (thiếu mẫu số)");
  });

  it("stops with exit code 2 when one of the files cannot be read", async () => {
    const run = await cli(["consolidate", "Quang Khải.xlsx", "khong-co.xlsx", "--month", "2023-06"], tmp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Không tìm thấy tệp "');
    expect(run.stdout).toBe("");
  });
});
