/**
 * "Gửi báo cáo tháng…" as the sheet's owner uses it: the real build/SendDialog.html, served by the real
 * bundle's menu item, in headless Chromium at the dialog's 520×520, its calls going to the emulated
 * spreadsheet (realistic "tháng 4/2023" typed, test/gas/month.ts) whose outbox shows what was sent.
 * `npm test` builds first.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/local/emulator/index";
import {
  approvalSheet,
  aprilSheet,
  menuPath,
  OWNER,
  openBuiltPage,
  POLICE,
  type PageSession,
  pageOpener,
  SETTINGS,
  screenshot,
  status,
} from "./harness";
import * as PEOPLE from "../gas/people";

const DIALOG = { width: 520, height: 520 };
const RECIPIENTS = [SETTINGS.chairmanEmail, ...SETTINGS.upperLevelEmails];
const APRIL_LABEL = "tháng 4/2023 (15/03/2023 – 14/04/2023)";

/** The user clicks "Gửi báo cáo tháng…" in the sheet where April was typed; the dialog opens and loads. */
const openDialog = pageOpener({
  functionName: "showSendDialog",
  size: DIALOG,
  sheet: aprilSheet,
  check: (panel) => {
    if (panel.title !== "Gửi báo cáo tháng" || panel.kind !== "modal")
      throw new Error("no send dialog shown");
    expect({ width: panel.width, height: panel.height }).toEqual(DIALOG);
  },
  ready: (page) => page.locator("#send:not([hidden])"),
});

function sendButton(page: Page): Locator {
  return page.locator("#submit");
}

function reportsSent(env: Environment) {
  return env.outbox.filter((m) => m.subject.startsWith("Kết quả thực hiện"));
}

function sendCalls(session: PageSession): unknown[] {
  return session.calls.filter((c) => c.name === "sendReportNow").map((c) => c.args[0]);
}

function listTexts(list: Locator): Promise<string[]> {
  return list.evaluateAll((items) => items.map((i) => (i.textContent ?? "").trim()));
}

describe("send dialog", () => {
  it("shows the period, the recipients and the quota, sends once, then offers “Gửi lại” only after a confirmation", async () => {
    const session = await openDialog(OWNER);
    const { page, env } = session;
    expect(await page.getByLabel("Kỳ báo cáo").inputValue()).toBe("2023-04");
    expect(await page.locator("#period option:checked").textContent()).toBe(
      "Tháng 4/2023 (15/03/2023 – 14/04/2023)",
    );
    expect(await page.locator("#recipients-title").textContent()).toBe("Người nhận (3)");
    expect(await listTexts(page.locator("#recipients li"))).toEqual(RECIPIENTS);
    expect(await page.locator("#quota").textContent()).toBe(
      "Hạn mức email còn lại hôm nay: 100 người nhận; báo cáo này cần 3.",
    );
    expect(await page.locator("#problems").isHidden()).toBe(true);
    expect(await page.locator("#sent").isHidden()).toBe(true);
    expect(await sendButton(page).textContent()).toBe("Gửi");
    expect(await sendButton(page).isEnabled()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DIALOG.width);
    await screenshot(page, "SendDialog.png");

    // Sending: the button is disabled and says so until the answer comes.
    const release = session.holdCalls();
    await sendButton(page).click();
    await expect.poll(() => sendButton(page).textContent()).toBe("Đang gửi…");
    expect(await sendButton(page).isDisabled()).toBe(true);
    expect(await status(page).textContent()).toBe(`Đang gửi báo cáo ${APRIL_LABEL}…`);
    release();
    await expect
      .poll(() => status(page).textContent())
      .toBe(`Đã gửi báo cáo ${APRIL_LABEL} cho 3 người nhận.`);
    expect(await status(page).getAttribute("class")).toContain("ok");
    expect(await status(page).getAttribute("aria-live")).toBe("polite");

    const sent = reportsSent(env);
    expect(sent).toHaveLength(1);
    expect([...sent[0]!.to].sort()).toEqual([...RECIPIENTS].sort());
    expect(sent[0]!.subject).toContain("tháng 4/2023");

    // Now the period is sent: when, the quota left, and "Gửi lại" locked behind the checkbox.
    expect(await page.locator("#sent-text").textContent()).toMatch(
      /^Báo cáo tháng 4\/2023 \(15\/03\/2023 – 14\/04\/2023\) đã được gửi lúc 10\/04\/2023 \d\d:\d\d\.$/,
    );
    expect(await page.locator("#quota").textContent()).toContain("còn lại hôm nay: 97 người nhận");
    const confirm = page.getByLabel("Tôi muốn gửi lại báo cáo kỳ này");
    expect(await confirm.isChecked()).toBe(false);
    expect(await sendButton(page).textContent()).toBe("Gửi lại");
    expect(await sendButton(page).isDisabled()).toBe(true);
    expect(await sendButton(page).getAttribute("aria-describedby")).toBe("sent");
    await sendButton(page).click({ force: true });
    expect(sendCalls(session)).toHaveLength(1);

    // By keyboard: tick the box, then the button sends with resend: true.
    await confirm.focus();
    await page.keyboard.press("Space");
    await expect.poll(() => sendButton(page).isEnabled()).toBe(true);
    await screenshot(page, "SendDialog-resend.png");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("submit");
    await page.keyboard.press("Enter");
    await expect.poll(() => status(page).textContent()).toContain("(gửi lại)");
    expect(reportsSent(env)).toHaveLength(2);
    expect(sendCalls(session)).toEqual([
      { periodKey: "2023-04", resend: false },
      { periodKey: "2023-04", resend: true },
    ]);
    // A third send needs the box ticked again.
    expect(await confirm.isChecked()).toBe(false);
    expect(await sendButton(page).isDisabled()).toBe(true);
    expect(session.errors).toEqual([]);
    expect(session.requests).toEqual([]);
  });

  it("with no recipients in the settings, disables the button and says to fix it in Cài đặt…", async () => {
    const session = await openDialog(
      OWNER,
      aprilSheet({ settings: { chairmanEmail: "", upperLevelEmails: [] } }),
    );
    const { page } = session;
    expect(await page.locator("#recipients-title").textContent()).toBe("Người nhận (0)");
    expect(await listTexts(page.locator("#recipients li"))).toEqual(["Chưa có người nhận nào."]);
    const problems = page.locator("#problems");
    expect(await problems.isVisible()).toBe(true);
    expect(await problems.textContent()).toContain("Chưa có người nhận báo cáo");
    expect(await problems.textContent()).toContain("Cài đặt…");
    expect(await sendButton(page).textContent()).toBe("Gửi");
    expect(await sendButton(page).isDisabled()).toBe(true);
    expect(await sendButton(page).getAttribute("aria-describedby")).toBe("problems");
    await sendButton(page).click({ force: true });
    await screenshot(page, "SendDialog-no-recipients.png");
    expect(sendCalls(session)).toEqual([]);
    expect(reportsSent(session.env)).toHaveLength(0);
  });

  it("when today's mail quota is below the number of recipients, explains it and does not send", async () => {
    const session = await openDialog(OWNER, aprilSheet({ mailQuota: 2 }));
    const { page } = session;
    expect(await page.locator("#quota").textContent()).toContain("còn lại hôm nay: 2 người nhận");
    expect(await page.locator("#problems").textContent()).toContain(
      "Hạn mức email hôm nay chỉ còn 2 người nhận, báo cáo cần 3.",
    );
    expect(await sendButton(page).isDisabled()).toBe(true);
    expect(sendCalls(session)).toEqual([]);
  });

  it("is not in a unit's editor's menu, and refuses them in Vietnamese from a page already open", async () => {
    const emulated = aprilSheet();
    emulated.env.setUser(POLICE);
    emulated.env.open();
    expect(() => menuPath(emulated.env, "showSendDialog")).toThrow();
    const { page, calls } = await openBuiltPage(openDialog.browser(), emulated, POLICE, "SendDialog", DIALOG);
    await expect
      .poll(() => page.locator("#loading").textContent())
      .toContain(
        "Không tải được thông tin gửi báo cáo: Chỉ văn phòng UBND xã (" +
          OWNER +
          ") mới gửi được báo cáo tháng.",
      );
    expect(await page.locator("#send").isHidden()).toBe(true);
    expect(calls.map((c) => c.name)).toEqual(["getSendState"]);
    expect(reportsSent(emulated.env)).toHaveLength(0);
  });

  it("keeps the dialog usable after a failed call, and sends on the next try", async () => {
    const session = await openDialog(OWNER);
    const { page, env } = session;
    session.failNextCall("NetworkError: Không kết nối được với máy chủ.");
    await sendButton(page).click();
    await expect.poll(() => status(page).textContent()).toContain("Không kết nối được với máy chủ.");
    expect(await status(page).getAttribute("class")).toContain("error");
    expect(reportsSent(env)).toHaveLength(0);
    // Nothing went, so it is still a plain "Gửi", ready again.
    expect(await sendButton(page).textContent()).toBe("Gửi");
    expect(await sendButton(page).isEnabled()).toBe(true);
    await sendButton(page).click();
    await expect
      .poll(() => status(page).textContent())
      .toBe(`Đã gửi báo cáo ${APRIL_LABEL} cho 3 người nhận.`);
    expect(reportsSent(env)).toHaveLength(1);
  });

  it("switches period: one already sent shows when, one not sent offers a plain “Gửi”", async () => {
    // 20/06/2023: tháng 4, 5 and 6/2023 have closed; May went out earlier, by the same endpoint.
    const emulated = aprilSheet({ now: new Date("2023-06-20T09:00:00+07:00") });
    emulated.env.setUser(OWNER);
    const may = emulated.env.runFromClient("sendReportNow", [{ periodKey: "2023-05", resend: false }]);
    expect(may).toMatchObject({ ok: true, value: { ok: true } });
    const session = await openDialog(OWNER, emulated);
    const { page } = session;
    const period = page.getByLabel("Kỳ báo cáo");
    expect(await period.inputValue()).toBe("2023-06");
    expect(await page.locator("#sent").isHidden()).toBe(true);
    expect(await sendButton(page).textContent()).toBe("Gửi");

    await period.selectOption("2023-05");
    await expect.poll(() => sendButton(page).textContent()).toBe("Gửi lại");
    expect(await page.locator("#sent-text").textContent()).toContain(
      "Báo cáo tháng 5/2023 (15/04/2023 – 14/05/2023) đã được gửi lúc 20/06/2023",
    );
    expect(await sendButton(page).isDisabled()).toBe(true);

    // A failed switch leaves May on the page.
    session.failNextCall("NetworkError: Không kết nối được với máy chủ.");
    await period.selectOption("2023-04");
    await expect.poll(() => status(page).textContent()).toContain("Không kết nối được với máy chủ.");
    expect(await period.inputValue()).toBe("2023-05");
    expect(await page.locator("#sent-text").textContent()).toContain("tháng 5/2023");

    await period.selectOption("2023-04");
    await expect.poll(() => sendButton(page).textContent()).toBe("Gửi");
    expect(await page.locator("#sent").isHidden()).toBe(true);
    expect(await status(page).textContent()).toBe("");
    expect(session.calls.map((c) => c.args[0])).toEqual([null, "2023-05", "2023-04", "2023-04"]);
    expect(session.errors).toEqual([]);
  });

  it("while the chairman approves, sends the office's draft to him, not the report up", async () => {
    const session = await openDialog(PEOPLE.OFFICE, approvalSheet());
    const { page, env } = session;
    expect(await page.locator("#approval").textContent()).toBe(
      "Báo cáo chỉ gửi cấp trên sau khi Chủ tịch duyệt. Nút dưới đây gửi dự thảo cho Chủ tịch và văn phòng.",
    );
    expect(await listTexts(page.locator("#recipients li"))).toEqual([
      PEOPLE.CHAIRMAN,
      PEOPLE.OFFICE,
      PEOPLE.CLERK,
    ]);
    // The draft went on the 15th: sending it again needs the confirmation.
    expect(await page.locator("#sent-text").textContent()).toBe(
      "Dự thảo báo cáo tháng 4/2023 (15/03/2023 – 14/04/2023) đã được gửi lúc 15/04/2023 07:00.",
    );
    expect(await sendButton(page).textContent()).toBe("Gửi lại");
    expect(await sendButton(page).isDisabled()).toBe(true);
    await page.getByLabel("Tôi muốn gửi lại báo cáo kỳ này").check();
    await sendButton(page).click();
    await expect.poll(() => status(page).textContent()).toContain("Đã gửi dự thảo báo cáo tháng 4/2023");
    expect(env.outbox.filter((m) => m.subject.startsWith("[Dự thảo"))).toHaveLength(2);
    expect(reportsSent(env)).toHaveLength(0);
    await screenshot(page, "SendDialog-approval.png");
  });
});
