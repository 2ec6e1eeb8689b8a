/**
 * The upper level's side of the command line: whole folders of communes' workbooks, a progress bar on
 * a terminal only, every unreadable file named in one run, and the DHIS2 export.
 *
 * Communes (tháng 6/2023 under the cut-off rule: 15/05 – 14/06/2023):
 * - Quang Khải: the worked month; its police reached 8 workers on 20/05 (in the month) of 90;
 * - Quang Phục: police, 20/05: 10 workers, 10 reached, 1 report received and handled, plan Có;
 * - Tân Kỳ: police, 22/05: 50 workers, 0 reached, nothing else.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Consolidation } from "../../src/local/cli/consolidate";
import type { Dhis2DataValueSet } from "../../src/local/cli/dhis2";
import { cli, smallCommunes, type TempDir, tempDir, writeWorkbook } from "./helpers";
import { WORKED_NOW, workedMonthTabs } from "./worked-month";

let tmp: TempDir;
beforeAll(async () => {
  tmp = tempDir();
  mkdirSync(tmp.path("huyen/cum-2"), { recursive: true });
  await writeWorkbook(tmp.path("huyen/Quang Khải.xlsx"), workedMonthTabs());
  const small = smallCommunes();
  await writeWorkbook(tmp.path("huyen/cum-2/Quang Phục.xlsx"), small["Quang Phục"]);
  await writeWorkbook(tmp.path("Tân Kỳ.xlsx"), small["Tân Kỳ"]);
  // What a folder also holds: a spreadsheet's lock file, notes, a hidden file. None is a commune.
  writeFileSync(tmp.path("huyen/~$Quang Khải.xlsx"), "lock");
  writeFileSync(tmp.path("huyen/ghi-chu.txt"), "danh sách xã");
  writeFileSync(tmp.path("huyen/.an.xlsx"), "hidden");
});
afterAll(() => tmp.remove());

function run(argv: string[], tty = false) {
  return cli(argv, tmp.dir, WORKED_NOW, tty);
}

describe("consolidate over folders", () => {
  it("a folder gives every workbook in it and its subfolders, sorted; lock files, notes and hidden files are left out", async () => {
    const r = await run(["consolidate", "huyen", "Tân Kỳ.xlsx", "--month", "2023-06", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as Consolidation;
    expect(c.communes.map((x) => [x.name, x.file])).toEqual([
      ["Quang Khải", "huyen/Quang Khải.xlsx"],
      ["Quang Phục", "huyen/cum-2/Quang Phục.xlsx"],
      ["Tân Kỳ", "Tân Kỳ.xlsx"],
    ]);
    // The same totals as three files named one by one: (30 + 10 + 0) ÷ (90 + 10 + 50).
    const ct2a = c.totals.find((t) => t.id === "CT2a");
    expect([ct2a?.numerator, ct2a?.denominator]).toEqual([40, 150]);
  });

  it("a file named twice (here through its folder and by name) is read once, with a warning", async () => {
    const r = await run(["consolidate", "huyen", "huyen/Quang Khải.xlsx", "--month", "2023-06", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Consolidation).communes).toHaveLength(2);
    expect(r.stderr).toBe('Cảnh báo: "huyen/Quang Khải.xlsx" được ghi hai lần; chỉ đọc một lần.\n');
  });

  it("draws a progress bar on a terminal, and nothing when the output is piped", async () => {
    const tty = await run(["consolidate", "huyen", "Tân Kỳ.xlsx", "--month", "2023-06"], true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain("\rĐang đọc [");
    expect(tty.stderr).toContain("] 3/3 tệp");
    // Wiped at the end, so the table starts on a clean line.
    expect(tty.stderr.endsWith("\r\x1b[K")).toBe(true);
    const piped = await run(["consolidate", "huyen", "Tân Kỳ.xlsx", "--month", "2023-06"], false);
    expect(piped.stderr).toBe("");
    expect(piped.stdout).toBe(tty.stdout);
  });

  it("names every file that cannot be read in one run and consolidates nothing, exit code 2", async () => {
    writeFileSync(tmp.path("a.xlsx"), "not a workbook");
    mkdirSync(tmp.path("hong"), { recursive: true });
    writeFileSync(tmp.path("hong/b.xlsx"), "PK\u0003\u0004 cut");
    const r = await cli(["consolidate", "huyen", "a.xlsx", "hong", "--month", "2023-06"], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("2/4 tệp không đọc được, chưa tổng hợp:");
    expect(r.stderr).toContain('Tệp "');
    expect(r.stderr).toMatch(/a\.xlsx" không phải tệp \.xlsx/);
    expect(r.stderr).toMatch(/b\.xlsx" bị hỏng/);
  });

  it("an empty folder says so", async () => {
    mkdirSync(tmp.path("trong"), { recursive: true });
    const r = await cli(["consolidate", "trong", "--month", "2023-06"], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Thư mục "trong" không có tệp .xlsx nào.');
  });
});

/**
 * DHIS2's documented data value set, as DHIS2's own documentation gives it:
 * - dhis2/dhis2-docs, src/developer/web-api/data.md, "Sending bulks of data values": a JSON object with
 *   `dataValues`, each `{ dataElement, period, orgUnit, value }` (value a string; optional
 *   `categoryOptionCombo`, `attributeOptionCombo`, `comment`); "Identifier schemes": `dataElementIdScheme`
 *   and `orgUnitIdScheme` (uid | name | code | attribute:ID) may be given in the payload itself and take
 *   precedence over URL parameters;
 * - dhis2/dhis2-docs, src/developer/web-api/overview.md, "Date and period format": a month is `yyyyMM`,
 *   e.g. 200403 for March 2004.
 */
const idScheme = z.string().regex(/^(uid|name|code|attribute:[A-Za-z0-9]{11})$/i);
const dataValueSet = z
  .object({
    dataSet: z.string().optional(),
    completeDate: z.string().optional(),
    period: z.string().optional(),
    orgUnit: z.string().optional(),
    attributeOptionCombo: z.string().optional(),
    idScheme: idScheme.optional(),
    dataElementIdScheme: idScheme.optional(),
    orgUnitIdScheme: idScheme.optional(),
    dataValues: z.array(
      z
        .object({
          dataElement: z.string().min(1).max(50),
          period: z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/),
          orgUnit: z.string().min(1),
          categoryOptionCombo: z.string().optional(),
          attributeOptionCombo: z.string().optional(),
          value: z.string(),
          comment: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

describe("export --format dhis2", () => {
  let set: Dhis2DataValueSet;
  beforeAll(async () => {
    const r = await run(["export", "huyen", "Tân Kỳ.xlsx", "--format", "dhis2", "--month", "2023-06"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    set = JSON.parse(r.stdout) as Dhis2DataValueSet;
  });

  it("has DHIS2's documented dataValueSets shape: codes for data elements, names for org units, yyyyMM periods", () => {
    expect(dataValueSet.safeParse(set).success).toBe(true);
    expect([set.dataElementIdScheme, set.orgUnitIdScheme]).toEqual(["CODE", "NAME"]);
    expect(new Set(set.dataValues.map((v) => v.period))).toEqual(new Set(["202306"]));
    expect(new Set(set.dataValues.map((v) => v.orgUnit))).toEqual(
      new Set(["Quang Khải", "Quang Phục", "Tân Kỳ"]),
    );
  });

  it("each side of an indicator is the month's own figure: counts done in the month, levels at its end", () => {
    const of = (orgUnit: string) =>
      Object.fromEntries(
        set.dataValues.filter((v) => v.orgUnit === orgUnit).map((v) => [v.dataElement, v.value]),
      );
    expect(of("Quang Phục")).toMatchObject({
      "CT2a.TU_SO": "10",
      "CT2a.MAU_SO": "10",
      "CT5.TU_SO": "1",
      "CT5.MAU_SO": "1",
      "CT3.TU_SO": "1",
      "CT3.MAU_SO": "11",
      "CT1a.SO_LAN": "0",
    });
    // No denominator entered (no students, no company workers): no value, as DHIS2 means "missing".
    expect(of("Quang Phục")["CT2c.MAU_SO"]).toBeUndefined();
    expect(of("Tân Kỳ")).toMatchObject({ "CT2a.TU_SO": "0", "CT2a.MAU_SO": "50", "CT5.TU_SO": "0" });
    expect(of("Tân Kỳ")["CT5.MAU_SO"]).toBeUndefined();
    // Quang Khải reached 12 (T4), 10 (T5) and 8 (T6): June's value is 8, not the 30 of the year so far.
    expect(of("Quang Khải")).toMatchObject({ "CT2a.TU_SO": "8", "CT2a.MAU_SO": "90" });
  });

  it("--out writes the file (never over an input), and refuses another format", async () => {
    const exportTo = (out: string) =>
      run(["export", "Tân Kỳ.xlsx", "--format", "dhis2", "--month", "2023-06", "--out", out]);
    const r = await exportTo("dhis2.json");
    expect(r.code).toBe(0);
    // 2 frequency counts, CT2a and CT3 both sides, and 5 numerators whose denominator Tân Kỳ never gave.
    expect(r.stderr).toContain('Đã ghi 11 giá trị của 1 xã vào "');
    expect(dataValueSet.safeParse(JSON.parse(readFileSync(tmp.path("dhis2.json"), "utf8"))).success).toBe(
      true,
    );
    const again = await exportTo("Tân Kỳ.xlsx");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("không bao giờ ghi đè tệp vào");
    const csv = await run(["export", "Tân Kỳ.xlsx", "--format", "csv", "--month", "2023-06"]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--format chỉ nhận "dhis2"');
  });
});
