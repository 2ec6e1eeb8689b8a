import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitColumns } from "../../src/core";
import { cli, plan, type TempDir, tempDir } from "./helpers";

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

describe("plan", () => {
  it("prints every unit with its tab name and columns, and every indicator with its target", async () => {
    const run = await cli(["plan"], tmp.dir);
    expect(run.code).toBe(0);
    for (const unit of plan.units) expect(run.stdout).toContain(`Trang "${unit.tabName}" – ${unit.name}`);
    expect(run.stdout).toMatch(
      /Tổng số người lao động tại cơ sở kinh doanh dịch vụ \(người\)\s+laoDongCoSo\s+số hiện có\s+số nguyên/,
    );
    expect(run.stdout).toMatch(/Kinh phí đã bố trí \(đồng\)\s+kinhPhi\s+cộng dồn\s+số tiền \(đồng\)/);
    expect(run.stdout).toMatch(
      /CT2a\s+Lao động tại cơ sở KDDV được tuyên truyền\s+≥ 30 %\s+Người lao động tại cơ sở được tuyên truyền ÷ Tổng số người lao động tại cơ sở kinh doanh dịch vụ/,
    );
    expect(run.stdout).toMatch(/CT1a\s+.*≥ 1 lần\/tháng/);
    expect(run.stdout).toContain("9 kỳ (2023-04 … 2023-12)");
  });

  it("--json gives the stable shape: tabs with their columns as the add-in writes them, indicators with targets", async () => {
    const run = await cli(["plan", "--json"], tmp.dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.format).toBe("ke-hoach-sheet/plan@1");
    expect(json.id).toBe("quang-khai-2023");
    expect(json.periods).toEqual([
      "2023-04",
      "2023-05",
      "2023-06",
      "2023-07",
      "2023-08",
      "2023-09",
      "2023-10",
      "2023-11",
      "2023-12",
    ]);
    expect(json.units.map((u: { tabName: string }) => u.tabName)).toEqual(plan.units.map((u) => u.tabName));
    const police = json.units[0];
    expect(police.columns.map((c: { header: string }) => c.header)).toEqual(
      unitColumns(plan, plan.units[0]!).map((c) => c.header),
    );
    expect(police.columns.find((c: { elementId: string }) => c.elementId === "laoDongCoSo")).toMatchObject({
      kind: "whole",
      elementKind: "stock",
      valueType: "whole",
      measure: "người",
      required: false,
      scriptOwned: false,
    });
    expect(police.columns[0]).toMatchObject({ key: "date", kind: "date", required: true, elementId: null });
    expect(json.units.find((u: { id: string }) => u.id === "truongHoc").subUnits).toHaveLength(3);
    expect(json.indicators.find((i: { id: string }) => i.id === "CT5")).toMatchObject({
      kind: "percentage",
      targetText: "= 100 %",
      target: { op: "=", value: 100 },
      numerator: { kind: "sum", elementId: "tinXuLyKipThoi" },
      denominator: { kind: "sum", elementId: "tinTiepNhan" },
      onZeroDenominator: "notApplicable",
    });
    expect(json.indicators.find((i: { id: string }) => i.id === "CT1b")).toMatchObject({
      kind: "frequency",
      elementId: "tinBaiTrangDienTu",
      minPerMonth: 1,
      targetText: "≥ 1 lần/tháng",
    });
  });

  it("--plan loads a plan file, and refuses one that does not validate, in Vietnamese (exit code 2)", async () => {
    const other = structuredClone(plan);
    other.title = "Kế hoạch phòng, chống mại dâm năm 2024 của xã Tân Kỳ";
    writeFileSync(tmp.path("tot.json"), JSON.stringify(other));
    const ok = await cli(["plan", "--plan", "tot.json"], tmp.dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split("\n")[0]).toBe("KẾ HOẠCH PHÒNG, CHỐNG MẠI DÂM NĂM 2024 CỦA XÃ TÂN KỲ");

    const broken = structuredClone(plan) as unknown as {
      indicators: { numerator?: { elementId: string } }[];
    };
    broken.indicators[2]!.numerator!.elementId = "khongCo";
    writeFileSync(tmp.path("hong.json"), JSON.stringify(broken));
    const bad = await cli(["plan", "--plan", "hong.json"], tmp.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Tệp kế hoạch "');
    expect(bad.stderr).toContain('Chỉ tiêu "CT2a" nói đến chỉ số nhập "khongCo" không có trong kế hoạch.');

    writeFileSync(tmp.path("khong-phai-json.json"), "{ id: ");
    const notJson = await cli(["plan", "--plan", "khong-phai-json.json"], tmp.dir);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain("không phải JSON hợp lệ");
    expect((await cli(["plan", "--plan", "khong-co.json"], tmp.dir)).stderr).toContain(
      "Tệp kế hoạch: Không tìm thấy tệp",
    );
  });
});

describe("usage", () => {
  it("prints Vietnamese help, exit code 0 for --help and 2 with no command", async () => {
    const help = await cli(["--help"], tmp.dir);
    expect(help.code).toBe(0);
    for (const name of ["plan", "template", "check", "rollup", "consolidate", "export"])
      expect(help.stdout).toContain(`  ${name} `);
    expect(help.stdout).toContain(
      "Mã thoát: 0 xong; 1 lệnh check thấy lỗi; 2 gọi lệnh sai hoặc không đọc được tệp;\n3 lỗi của chính chương trình",
    );
    expect((await cli([], tmp.dir)).code).toBe(2);
    const rollupHelp = await cli(["rollup", "--help"], tmp.dir);
    expect(rollupHelp.code).toBe(0);
    expect(rollupHelp.stdout).toContain("--month YYYY-MM");
    expect(rollupHelp.stdout).toContain("từ ngày 15 tháng trước đến ngày 14 tháng báo cáo");
  });

  it("names an unknown command or option and where to look (exit code 2)", async () => {
    const unknown = await cli(["tong-hop"], tmp.dir);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('không có lệnh "tong-hop"')]);
    const option = await cli(["check", "a.xlsx", "--thang", "6"], tmp.dir);
    expect([option.code, option.stderr]).toEqual([2, expect.stringContaining('không có tuỳ chọn "--thang"')]);
    const twoFiles = await cli(["check", "a.xlsx", "b.xlsx"], tmp.dir);
    expect([twoFiles.code, twoFiles.stderr]).toEqual([2, expect.stringContaining("chỉ nhận một tệp")]);
  });
});
