/**
 * Every cross-field rule of the plan in the entry sidebar (the real build/EntrySidebar.html in
 * Chromium, its calls going to the built bundle in the emulator): the rule's message shows under the
 * figure as the user types, with the message the rollup gives, judged with the unit's rows of the
 * period already in the tab; a rule of severity "error" keeps the row out (the server refuses it too),
 * a "warning" lets it in with the warning shown and marked in the tab.
 */
import { describe, expect, it } from "vitest";
import { elementHeader, unitColumns } from "../../src/core/columns";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";
import {
  field,
  messagesOf,
  OWNER,
  POLICE,
  type PageSession,
  pageOpener,
  preparedEnvironment,
  status,
} from "./harness";

const SIDEBAR = { width: 300, height: 760 };

const openSidebar = pageOpener({
  functionName: "showEntrySidebar",
  size: SIDEBAR,
  sheet: preparedEnvironment,
  ready: (page) => page.getByRole("button", { name: "Ghi báo cáo" }),
});

const header = (elementId: string) => elementHeader(plan.elements.find((e) => e.id === elementId)!);
const unitOf = (id: string) => plan.units.find((u) => u.id === id)!;

/** Each rule, the unit it belongs to, and figures that break it on a row of their own. */
const CASES: { rule: string; unitId: string; broken: Record<string, string> }[] = [
  { rule: "xuLyNhoHonTiepNhan", unitId: "congAnXa", broken: { tinTiepNhan: "7", tinXuLyKipThoi: "8" } },
  {
    rule: "laoDongCoSoTuyenTruyenToiDa",
    unitId: "congAnXa",
    broken: { laoDongCoSo: "40", laoDongCoSoTuyenTruyen: "45" },
  },
  {
    rule: "laoDongCongTyTuyenTruyenToiDa",
    unitId: "vhxhLdtbxh",
    broken: { laoDongCongTy: "250", laoDongCongTyTuyenTruyen: "1.250" },
  },
  {
    rule: "hocSinhTuyenTruyenToiDa",
    unitId: "truongHoc",
    broken: { hocSinh: "400", hocSinhTuyenTruyen: "500" },
  },
  { rule: "canBoTapHuanToiDa", unitId: "vhxhLdtbxh", broken: { canBoLienQuan: "20", canBoTapHuan: "21" } },
  { rule: "hoTroToiDa", unitId: "vhxhLdtbxh", broken: { nguoiCanHoTro: "1", nguoiDuocHoTro: "2" } },
];

function message(ruleId: string, typed: Record<string, string>): string {
  const rule = plan.rules.find((r) => r.id === ruleId)!;
  const label = (id: string) => plan.elements.find((e) => e.id === id)!.label;
  return `${rule.message} (${label(rule.left)}: ${typed[rule.left]}; ${label(rule.right)}: ${typed[rule.right]}).`;
}

/** Unit, date, task (and school) as the user picks them; the figures are typed by each test. */
async function startRow(session: PageSession, unitId: string): Promise<void> {
  const { page } = session;
  await field(page, "Đơn vị").selectOption(unitId);
  const unit = unitOf(unitId);
  await field(page, "Ngày").fill("05/04/2023");
  await field(page, "Nhiệm vụ").selectOption(unit.tasks[0]!);
  if (unit.subUnits) await field(page, unit.subUnitLabel ?? "Trường").selectOption(unit.subUnits[2]!.name);
}

/** The status cell of a tab's last row. */
function lastStatus(session: PageSession, unitId: string): string {
  const unit = unitOf(unitId);
  const ss = session.env.active as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const tab = ss.getSheetByName(unit.tabName)!;
  const at = unitColumns(plan, unit).findIndex((c) => c.key === "status") + 1;
  return String(tab.getRange(tab.getLastRow(), at).getValue());
}

describe("cross-field rules in the entry sidebar", () => {
  it("covers every rule of the plan", () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual(plan.rules.map((r) => r.id).sort());
  });

  it("shows each rule's message as the figures are typed, then keeps out an error and lets a warning in", async () => {
    // One sidebar, as the office would use it, unit after unit: each rule touches figures of its own.
    const session = await openSidebar(OWNER);
    const { page, calls } = session;
    for (const c of CASES) {
      const rule = plan.rules.find((r) => r.id === c.rule)!;
      await startRow(session, c.unitId);
      await field(page, header(rule.right)).fill(c.broken[rule.right]!);
      await field(page, header(rule.left)).fill(c.broken[rule.left]!);
      const expected = message(c.rule, c.broken);
      await expect.poll(() => messagesOf(page, header(rule.left))).toContain(expected);
      // Judged in the page with the core code, not by asking the server.
      expect(calls.filter((x) => x.name !== "getEntryFormState" && x.name !== "submitEntry")).toEqual([]);

      const submitted = calls.filter((x) => x.name === "submitEntry").length;
      await page.getByRole("button", { name: "Ghi báo cáo" }).click();
      if (rule.severity === "error") {
        await expect.poll(() => status(page).textContent()).toContain("Chưa gửi: còn 1 lỗi");
        expect(calls.filter((x) => x.name === "submitEntry")).toHaveLength(submitted);
        // The server refuses the same row if it is sent anyway.
        const fields: Record<string, string> = {
          date: "05/04/2023",
          task: unitOf(c.unitId).tasks[0]!,
          ...Object.fromEntries(Object.entries(c.broken).map(([k, v]) => [`el:${k}`, v])),
        };
        const answer = session.env.runFromClient("submitEntry", [{ unitId: c.unitId, fields }]);
        expect(answer.ok && answer.value).toMatchObject({
          ok: false,
          issues: [{ severity: "error", message: expected }],
        });
        // Put right, so the next unit starts from a clean form.
        await field(page, header(rule.left)).fill(c.broken[rule.right]!);
      } else {
        await expect.poll(() => status(page).textContent()).toContain("Đã ghi vào dòng");
        expect(await status(page).textContent()).toContain(`Lưu ý: ${expected}`);
        expect(lastStatus(session, c.unitId)).toBe(`⚠ Cảnh báo: ${expected}`);
      }
    }
  });

  it("judges the row with the unit's rows of the period already in the tab: 3 more handled of 7 received", async () => {
    const emulated = preparedEnvironment();
    // The police typed 7 received and 5 handled on 20/03 (period tháng 4/2023).
    const { env } = emulated;
    const unit = unitOf("congAnXa");
    const columns = unitColumns(plan, unit).filter((x) => !x.scriptOwned);
    const typed: Record<string, string> = {
      date: "20/03/2023",
      task: unit.tasks[0]!,
      "el:tinTiepNhan": "7",
      "el:tinXuLyKipThoi": "5",
    };
    env.setUser(POLICE);
    const end = String.fromCharCode(64 + columns.length);
    env.userEdit(unit.tabName, `A2:${end}2`, [columns.map((x) => typed[x.key] ?? "")], { typed: true });

    const session = await openSidebar(POLICE, emulated);
    const { page } = session;
    await field(page, "Ngày").fill("02/04/2023");
    await field(page, "Nhiệm vụ").selectOption(unit.tasks[0]!);
    await field(page, header("tinXuLyKipThoi")).fill("3");
    await expect
      .poll(() => messagesOf(page, header("tinXuLyKipThoi")))
      .toContain(message("xuLyNhoHonTiepNhan", { tinXuLyKipThoi: "8", tinTiepNhan: "7" }));
    // Two handled is within the 7 received: the message goes as the figure is corrected.
    await field(page, header("tinXuLyKipThoi")).fill("2");
    await expect.poll(() => messagesOf(page, header("tinXuLyKipThoi"))).toBe("");
    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Đã ghi vào dòng 3");
    expect(lastStatus(session, "congAnXa")).toBe("✓ Hợp lệ");
  });
});
