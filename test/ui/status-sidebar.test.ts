/**
 * "Tình hình báo cáo của đơn vị…" as a unit's staff see it: the real build/StatusSidebar.html in the
 * 300 px sidebar, for their own unit only (who enters for it, what is entered in the open period, what
 * needs fixing), and the periods the chairman approved. `npm test` builds first.
 */
import { describe, expect, it } from "vitest";
import { HEALTH, OFFICE, POLICE, SCHOOL } from "../gas/people";
import { approvalSheet, pageOpener, screenshot } from "./harness";

const SIDEBAR = { width: 300, height: 800 };

const openSidebar = pageOpener({
  functionName: "showStatusSidebar",
  size: SIDEBAR,
  sheet: approvalSheet,
  ready: (page) => page.locator("#page:not([hidden])"),
});

describe("status sidebar", () => {
  it("shows a unit's staff their own unit only, and who enters for it", async () => {
    const { page, errors, requests, env } = await openSidebar(POLICE);
    // 16/04/2023: the open period is tháng 5/2023, where nothing is entered yet.
    expect(await page.locator("#period").textContent()).toBe(
      "Kỳ đang mở: tháng 5/2023 (15/04/2023 – 14/05/2023), hôm nay 16/04/2023.",
    );
    const units = page.locator("section.unit");
    expect(await units.count()).toBe(1);
    expect(await units.locator("h2").textContent()).toBe("Công an xã");
    const text = (await units.textContent()) ?? "";
    expect(text).toContain("Chưa nhập dòng nào");
    expect(text).toContain(`Người nhập${POLICE}`);
    const all = (await page.locator("main").textContent()) ?? "";
    for (const other of [SCHOOL, HEALTH, OFFICE]) expect(all).not.toContain(other);
    await screenshot(page, "StatusSidebar.png", true);
    expect(env.ui.sidebars.at(-1)?.title).toBe("Tình hình báo cáo");
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("lists the approved periods, whose rows are locked", async () => {
    const emulated = approvalSheet();
    const { env } = emulated;
    env.setUser("chutich@quangkhai.example");
    const state = env.runFromClient("getApprovalState", ["2023-04"]) as { value: { fingerprint: string } };
    env.runFromClient("approveReport", [{ periodKey: "2023-04", fingerprint: state.value.fingerprint }]);
    const { page } = await openSidebar(POLICE, emulated);
    expect(await page.locator("#locked-box").isVisible()).toBe(true);
    expect(await page.locator("#locked li").allTextContents()).toEqual([
      "tháng 4/2023 (15/03/2023 – 14/04/2023) – duyệt lúc 16/04/2023 09:00",
    ]);
  });
});
