/**
 * The workbench's second demo (`WORKBENCH_DEMO=cap-tren npm start`): the upper level's workbook with
 * three communes side by side, through the real bundle, as the workbench shows it; kept in its own file.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Workbench } from "../../src/local/workbench/workbench";
import { ROOT, tempDataDir } from "./harness";

describe("the upper level's demo in the workbench", () => {
  const data = tempDataDir();
  afterAll(() => data.remove());
  const wb = new Workbench({ buildDir: join(ROOT, "build"), dataDir: data.dir, demo: "cap-tren" });

  it("opens the upper level's workbook with its own menu and people, saved apart from the commune's demo", () => {
    const state = wb.state();
    expect(state.menus.map((m) => m.caption)).toEqual(["Phòng, chống mại dâm 2023 – cấp trên"]);
    expect(state.users.map((u) => [u.email, u.label])).toEqual([
      ["vanphong@tuky.example", "Văn phòng cấp trên (chủ bảng tính)"],
      ["chutich@tuky.example", "Chỉ xem: Tổng hợp phòng, chống mại dâm 2023 – huyện Tứ Kỳ"],
    ]);
    expect(existsSync(join(data.dir, "cap-tren", "workbench.json"))).toBe(true);
    expect(existsSync(join(data.dir, "workbench.json"))).toBe(false);
    // The office owns the three intake files; the communes' own sheets are not its to open.
    const files = state.spreadsheets.map((s) => s.name);
    expect(files.filter((n) => n.startsWith("Số liệu "))).toEqual([
      "Số liệu Quang Khải gửi UBND huyện Tứ Kỳ",
      "Số liệu Quang Phục gửi UBND huyện Tứ Kỳ",
      "Số liệu Tân Kỳ gửi UBND huyện Tứ Kỳ",
    ]);
    expect(files.some((n) => n.startsWith("Kế hoạch PCMD"))).toBe(false);
  });

  it("shows the three communes side by side: one on time, one late, one missing, and the total", () => {
    const bound = wb.state().spreadsheets.find((s) => s.bound)!;
    const view = wb.sheet(bound.id, "Tổng hợp các xã")!;
    const text = view.rows.map((r) => r.map((c) => c.d ?? ""));
    const row = (name: string) => text.find((r) => r[0] === name) ?? [];
    expect(row("Tổng cộng").slice(0, 2)).toEqual(["Tổng cộng", "2 xã"]);
    expect(row("Tổng cộng")[6]).toBe("22/90 (24,4 %) Chưa đạt");
    expect(row("Quang Khải")[1]).toBe("Đúng hạn");
    expect(row("Quang Phục")[1]).toBe("Muộn");
    expect(row("Tân Kỳ")[1]).toBe("Chưa gửi");
  });
});
