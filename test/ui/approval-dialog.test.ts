/**
 * "Duyệt báo cáo tháng…" as the chairman uses it: the real build/ApprovalDialog.html, served by the
 * real bundle's menu item, in headless Chromium at the dialog's 860×640 and at a phone's 390 px, its
 * calls going to the emulated sheet where April's draft went to him on the 15th (test/gas/people.ts).
 * `npm test` builds first.
 */
import { describe, expect, it } from "vitest";
import { CHAIRMAN, OFFICE, POLICE, typeRow } from "../gas/people";
import { approvalSheet, type PageSession, pageOpener, screenshot, status } from "./harness";

const DIALOG = { width: 860, height: 640 };
const PHONE = { width: 390, height: 780 };

const openDialog = pageOpener({
  functionName: "showApprovalDialog",
  size: DIALOG,
  sheet: approvalSheet,
  check: (panel) => {
    expect(panel.title).toBe("Duyệt báo cáo tháng");
    expect({ width: panel.width, height: panel.height }).toEqual(DIALOG);
  },
  ready: (page) => page.locator("#approval:not([hidden])"),
});

function reports(session: PageSession) {
  return session.env.outbox.filter((m) => m.subject.startsWith("Kết quả thực hiện"));
}

describe("approval dialog", () => {
  it("shows the chairman the report exactly as it will go, and approves it only once he confirms", async () => {
    const session = await openDialog(CHAIRMAN);
    const { page, env, errors, requests } = session;
    expect(await page.getByLabel("Kỳ báo cáo").inputValue()).toBe("2023-04");
    expect(await page.locator("#state").textContent()).toBe("Chờ duyệt (dự thảo gửi lúc 15/04/2023 07:00).");
    const report = page.frameLocator("#report").locator("body");
    await expect.poll(() => report.textContent()).toContain("CT2c");
    expect(await report.textContent()).toContain(`Đã duyệt: ${CHAIRMAN}, lúc 16/04/2023 09:00`);
    // The frame runs nothing: the report is shown, never executed.
    expect(await page.locator("#report").getAttribute("sandbox")).toBe("");
    expect(await page.locator("#recipients").textContent()).toBe(
      "Khi duyệt, báo cáo gửi UBND huyện Tứ Kỳ: chutich@quangkhai.example, lanhdao@tuky.example.",
    );
    const approve = page.getByRole("button", { name: "Duyệt và gửi" });
    expect(await approve.isDisabled()).toBe(true);
    await screenshot(page, "ApprovalDialog.png");

    await page.getByLabel("Tôi đã xem báo cáo và đồng ý gửi cấp trên").check();
    await approve.click();
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^Đã duyệt báo cáo tháng 4\/2023 .*lúc 16\/04\/2023 09:00\./);
    expect(await status(page).textContent()).toContain(`trong vòng một giờ, từ tài khoản ${OFFICE}`);
    expect(await page.locator("#state").textContent()).toContain(`bởi ${CHAIRMAN}`);
    expect(await approve.isHidden()).toBe(true);
    env.advanceTo(new Date("2023-04-16T10:30:00+07:00"));
    expect(reports(session)).toHaveLength(1);
    expect(session.calls.map((c) => c.name)).toEqual([
      "getApprovalState",
      "approveReport",
      "getApprovalState",
    ]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("fits a phone's width", async () => {
    const session = await openDialog(CHAIRMAN);
    await session.page.setViewportSize(PHONE);
    const { page } = session;
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    const box = await page.locator("#report").boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await screenshot(page, "ApprovalDialog-390.png", true);
  });

  it("returns the draft with the chairman's comment, which he must write, and keeps it on failure", async () => {
    const session = await openDialog(CHAIRMAN);
    const { page, env } = session;
    const back = page.getByRole("button", { name: "Trả lại văn phòng…" });
    await back.click();
    const comment = page.getByLabel("Góp ý cho văn phòng (cần sửa gì)");
    expect(await comment.isVisible()).toBe(true);
    const send = page.getByRole("button", { name: "Gửi góp ý, trả lại" });
    expect(await send.isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Duyệt và gửi" }).isDisabled()).toBe(true);
    const text = "CT5: số tin tiếp nhận chưa khớp sổ theo dõi, đề nghị công an xã kiểm tra lại.";
    await comment.fill(text);
    session.failNextCall("NetworkError: mất kết nối.");
    await send.click();
    await expect
      .poll(() => status(page).textContent())
      .toContain("Chưa trả lại được: NetworkError: mất kết nối.");
    expect(await comment.inputValue()).toBe(text);
    await send.click();
    await expect.poll(() => status(page).textContent()).toContain("Đã trả lại dự thảo báo cáo tháng 4/2023");
    expect(await page.locator("#state").textContent()).toMatch(
      /^Đã trả lại văn phòng lúc 16\/04\/2023 09:00/,
    );
    expect(await page.locator("#returns li").allTextContents()).toEqual([
      `16/04/2023 09:00 – ${CHAIRMAN}: ${text}`,
    ]);
    expect(env.outbox.at(-1)!.body).toContain(text);
  });

  it("refuses to approve figures that changed since he opened it, and shows the new report", async () => {
    const session = await openDialog(CHAIRMAN);
    const { page, env } = session;
    // Meanwhile the police add a denunciation received in April.
    typeRow(env, POLICE, "Công an xã", {
      Ngày: "14/04/2023",
      "Nhiệm vụ": "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo",
      "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)": "2",
      "Tin được xử lý kịp thời (tin)": "1",
    });
    env.setUser(CHAIRMAN);
    await page.getByLabel("Tôi đã xem báo cáo và đồng ý gửi cấp trên").check();
    await page.getByRole("button", { name: "Duyệt và gửi" }).click();
    await expect
      .poll(() => status(page).textContent())
      .toContain("Số liệu đã thay đổi từ khi bạn mở báo cáo");
    expect(await page.locator("#state").textContent()).toContain("Chờ duyệt");
    const report = page.frameLocator("#report").locator("body");
    await expect.poll(() => report.textContent()).toContain("4/5 (80 %)");
    // A second look, a second confirmation, and it goes.
    expect(await page.getByLabel("Tôi đã xem báo cáo và đồng ý gửi cấp trên").isChecked()).toBe(false);
    await page.getByLabel("Tôi đã xem báo cáo và đồng ý gửi cấp trên").check();
    await page.getByRole("button", { name: "Duyệt và gửi" }).click();
    await expect.poll(() => status(page).textContent()).toMatch(/^Đã duyệt báo cáo tháng 4\/2023/);
  });

  it("shows the office the same report, read-only", async () => {
    const { page, calls } = await openDialog(OFFICE);
    expect(await page.locator("#view-only").textContent()).toBe(
      `Chỉ Chủ tịch UBND xã (${CHAIRMAN}) duyệt được. Bạn đang xem báo cáo ở chế độ chỉ đọc.`,
    );
    expect(await page.getByRole("button", { name: "Duyệt và gửi" }).isHidden()).toBe(true);
    expect(await page.getByRole("button", { name: "Trả lại văn phòng…" }).isHidden()).toBe(true);
    expect(calls.map((c) => c.name)).toEqual(["getApprovalState"]);
  });
});
