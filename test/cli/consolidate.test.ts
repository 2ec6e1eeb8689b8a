import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEND_LOG_HEADER, SYSTEM_TABS } from "../../src/core";
import type { Consolidation } from "../../src/local/cli/consolidate";
import type { TabValues } from "../../src/local/xlsx/write";
import { cli, smallCommunes, type TempDir, tempDir, vn, writeWorkbook } from "./helpers";
import { WORKED_NOW, workedMonthTabs } from "./worked-month";

/**
 * Three communes, tháng 6/2023 (cut-off rule):
 * - Quang Khải: the worked month (CT2a 30/90, CT5 4/5, CT3 4/11, CT1a 2 of 3 months, CT2c 270/1045, CT6 0/0);
 * - Quang Phục: only its police tab: 10 workers, all 10 reached (100 %), 1 report received and handled,
 *   answers Có for its integrated plan;
 * - Tân Kỳ: only its police tab: 50 workers, none reached yet (0 typed), no report figures at all.
 * Their send logs, as the add-in writes them: Quang Khải sent tháng 6 on the day it was due (15/06, and
 * resent on 20/06), Quang Phục two days late (Sheets having turned the period "2023-06" into a date);
 * Tân Kỳ's workbook was filled in by hand and has no send log.
 */
function sendLog(rows: [Date, string | Date, string, string][]): TabValues {
  return {
    name: SYSTEM_TABS.sendLog,
    values: [
      [...SEND_LOG_HEADER],
      ...rows.map(([at, period, kind, result]) => [at, period, kind, "x@y.example", result]),
    ],
  };
}
let tmp: TempDir;
let result: Consolidation;

beforeAll(async () => {
  tmp = tempDir();
  await writeWorkbook(tmp.path("Quang Khải.xlsx"), [
    ...workedMonthTabs(),
    sendLog([
      [new Date("2023-05-15T07:00:00+07:00"), "2023-05", "Báo cáo tháng", "Đã gửi báo cáo tháng 5/2023."],
      [new Date("2023-06-15T07:01:00+07:00"), "2023-06", "Báo cáo tháng", "Đã gửi báo cáo tháng 6/2023."],
      [
        new Date("2023-06-20T09:00:00+07:00"),
        "2023-06",
        "Báo cáo tháng (gửi lại)",
        "Đã gửi báo cáo tháng 6/2023 (gửi lại).",
      ],
    ]),
  ]);
  const small = smallCommunes();
  await writeWorkbook(tmp.path("Quang Phục.xlsx"), [
    ...small["Quang Phục"],
    sendLog([
      [
        new Date("2023-06-15T07:00:00+07:00"),
        vn("2023-06-01"),
        "Báo cáo tháng",
        "Không gửi báo cáo: chưa có email.",
      ],
      [
        new Date("2023-06-17T08:30:00+07:00"),
        vn("2023-06-01"),
        "Báo cáo tháng",
        "Đã gửi báo cáo tháng 6/2023.",
      ],
    ]),
  ]);
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

  it("says which communes sent the period's report, and whether on time (due 15/06/2023)", () => {
    expect(result.communes.map((c) => c.report)).toEqual([
      { timeliness: "onTime", sentAt: "2023-06-15T00:01:00.000Z", due: "2023-06-15" },
      { timeliness: "late", sentAt: "2023-06-17T01:30:00.000Z", due: "2023-06-15" },
      { timeliness: "noLog", sentAt: null, due: "2023-06-15" },
    ]);
  });

  it("never writes a figure and its status as 'thiếu số liệu Thiếu số liệu'", async () => {
    const run = await cli(
      ["consolidate", "Quang Khải.xlsx", "Tân Kỳ.xlsx", "--month", "2023-06"],
      tmp.dir,
      WORKED_NOW,
    );
    expect(run.stdout).not.toMatch(/thiếu số liệu Thiếu số liệu/i);
    const ct2c = run.stdout.split("\n").find((l) => l.startsWith("CT2c "));
    expect(ct2c).toMatch(/270\/1\.045 \(25,8 %\) Chưa đạt\s+Thiếu số liệu\s+270\/1\.045/);
  });

  it("--html writes the upper level's report: titled for the communes, one column each and a total", async () => {
    // Run years later, without --now: the report is dated by its period, the day after the cut-off.
    const run = await cli(
      [
        "consolidate",
        "Quang Khải.xlsx",
        "Quang Phục.xlsx",
        "Tân Kỳ.xlsx",
        "--month",
        "2023-06",
        "--html",
        "tong-hop.html",
      ],
      tmp.dir,
      new Date("2026-11-28T10:00:00+07:00"),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Đã ghi báo cáo HTML vào");
    const html = readFileSync(tmp.path("tong-hop.html"), "utf8");
    const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("UỶ BAN NHÂN DÂN HUYỆN TỨ KỲ");
    expect(text).toContain("Tứ Kỳ, ngày 15 tháng 6 năm 2023");
    expect(text).not.toContain("ngày 28 tháng 11 năm 2026");
    expect(text).toContain("BÁO CÁO TỔNG HỢP");
    expect(text).toContain(
      "Kết quả thực hiện Kế hoạch phòng, chống mại dâm năm 2023 của 3 xã: Quang Khải, Quang Phục, Tân Kỳ, tháng 6/2023",
    );
    expect(text).not.toContain("trên địa bàn xã Quang Khải");
    // One column per commune, then the total, in the table's heading.
    expect(text).toMatch(/Chỉ tiêu Quang Khải Quang Phục Tân Kỳ Tổng cộng/);
    expect(html).toContain('data-label="Tổng cộng"');
    expect(text).toContain("40/150 (26,7 %) Chưa đạt mục tiêu năm Đúng tiến độ (cần 10 % đến kỳ này)");
    expect(text).toContain("chưa tính Tân Kỳ (thiếu mẫu số)");
    expect(text).toContain("Quang Khải: gửi lúc 15/06/2023 07:01, đúng hạn");
    expect(text).toContain("Quang Phục: gửi lúc 17/06/2023 08:30, muộn");
    expect(text).toContain("Tân Kỳ: không rõ ngày gửi (tệp không có nhật ký gửi)");
    expect(text).toContain("3 xã: 1 gửi đúng hạn, 1 gửi muộn, 0 chưa gửi, 1 không rõ ngày gửi.");
    for (const cell of html.match(/<td\b.*?<\/td>/g) ?? [])
      expect(cell.match(/số liệu/gi) ?? []).not.toHaveLength(2);
  });

  it("--html with --now is dated --now, and refuses to write over an input", async () => {
    const run = await cli(
      [
        "consolidate",
        "Quang Khải.xlsx",
        "Tân Kỳ.xlsx",
        "--month",
        "2023-06",
        "--now",
        "2023-06-25",
        "--html",
        "b.html",
      ],
      tmp.dir,
    );
    expect(run.code).toBe(0);
    expect(readFileSync(tmp.path("b.html"), "utf8")).toContain("Tứ Kỳ, ngày 25 tháng 6 năm 2023");
    const over = await cli(
      ["consolidate", "Quang Khải.xlsx", "Tân Kỳ.xlsx", "--month", "2023-06", "--html", "Tân Kỳ.xlsx"],
      tmp.dir,
    );
    expect(over.code).toBe(2);
  });

  it("stops with exit code 2 when one of the files cannot be read", async () => {
    const run = await cli(["consolidate", "Quang Khải.xlsx", "khong-co.xlsx", "--month", "2023-06"], tmp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Không tìm thấy tệp "');
    expect(run.stdout).toBe("");
  });
});
