/**
 * The entry sidebar as a commune officer uses it: the real build/EntrySidebar.html, served by the real
 * bundle's menu item, in headless Chromium at the sidebar's 300 px, its calls going to the emulated
 * spreadsheet. `npm test` builds first.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  field,
  HEALTH,
  messagesOf,
  OWNER,
  POLICE,
  type PageSession,
  pageOpener,
  preparedEnvironment,
  SCHOOL,
  SETTINGS,
  screenshot,
  status,
} from "./harness";

const SIDEBAR = { width: 300, height: 760 };

const HEADER = {
  yesNo: "Đã có kế hoạch lồng ghép (Có/Không)",
  businesses: "Cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn (cơ sở)",
  workers: "Tổng số người lao động tại cơ sở kinh doanh dịch vụ (người)",
  reached: "Người lao động tại cơ sở được tuyên truyền (người)",
  received: "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)",
  handled: "Tin được xử lý kịp thời (tin)",
};

/** The emulated sheet, the user, and the sidebar they opened from the menu. */
const openSidebar = pageOpener({
  functionName: "showEntrySidebar",
  size: SIDEBAR,
  sheet: preparedEnvironment,
  ready: (page) => page.getByRole("button", { name: "Ghi báo cáo" }),
});

/** The data rows of a tab as getValues gives them, with the header row's names as keys. */
function rowsOf(session: PageSession, tab: string): Record<string, unknown>[] {
  const ss = session.env.active as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheet = ss.getSheetByName(tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  const values = sheet.getRange(1, 1, Math.max(sheet.getLastRow(), 1), sheet.getLastColumn()).getValues();
  const header = (values[0] ?? []).map(String);
  return values.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

/** What a police officer fills in for one inspection visit. */
async function fillInspection(page: Page): Promise<void> {
  await field(page, "Ngày").fill("05/04/2023");
  await field(page, "Nhiệm vụ").selectOption("Kiểm tra, xử lý vi phạm về phòng, chống mại dâm");
  await field(page, "Hình thức").selectOption("Kiểm tra");
  await field(page, HEADER.yesNo).selectOption("Có");
  await field(page, HEADER.businesses).fill("12");
  await field(page, HEADER.workers).fill("1.234");
  await field(page, HEADER.reached).fill("450");
  await field(page, "Nội dung").fill("Kiểm tra 12 cơ sở karaoke, nhà nghỉ trên địa bàn thôn 2 và thôn 5.");
}

describe("entry sidebar", () => {
  it("opens on the user's own unit with today's date, self-contained and readable at 300 px", async () => {
    const { page, requests, errors } = await openSidebar(POLICE);
    await expect.poll(() => field(page, "Đơn vị").inputValue()).toBe("congAnXa");
    expect(await field(page, "Ngày").inputValue()).toBe("10/04/2023");
    // Units the officer may not edit are listed but cannot be chosen.
    const school = page.locator('option[value="truongHoc"]');
    expect(await school.isDisabled()).toBe(true);
    expect(await school.textContent()).toContain("không có quyền nhập");
    // Help texts come with the fields.
    expect(await page.getByText("Nhập số nguyên không âm, ví dụ 25.").count()).toBeGreaterThan(0);
    // Nothing wider than the sidebar: no horizontal scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(SIDEBAR.width);
    await screenshot(page, "EntrySidebar.png");
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("shows the Vietnamese message under a field as the user types an invalid value", async () => {
    const { page, calls } = await openSidebar(POLICE);
    const workers = field(page, HEADER.workers);
    await workers.fill("12,5");
    await expect.poll(() => messagesOf(page, HEADER.workers)).toContain('"12,5" không phải số nguyên');
    expect(await messagesOf(page, HEADER.workers)).toContain("Hãy nhập số nguyên không âm");
    expect(await workers.getAttribute("aria-invalid")).toBe("true");

    // A date after today is refused with today's date in the message.
    await field(page, "Ngày").fill("20/04/2023");
    await expect.poll(() => messagesOf(page, "Ngày")).toContain("chưa đến (hôm nay là 10/04/2023)");

    // Fixed values clear their messages; a field never visited shows none.
    await workers.fill("1.234");
    await expect.poll(() => workers.getAttribute("aria-invalid")).toBe(null);
    expect(await messagesOf(page, HEADER.workers)).toBe("");
    expect(await messagesOf(page, "Nhiệm vụ")).toBe("");
    // Checking as you type is local: nothing went to the server but the initial load.
    expect(calls.map((c) => c.name)).toEqual(["getEntryFormState"]);
  });

  it("shows typed markup back as plain text", async () => {
    const { page, requests } = await openSidebar(POLICE);
    const hostile = '<img src="x" onerror="window.__pwned=1">';
    await field(page, HEADER.businesses).fill(hostile);
    await expect.poll(() => messagesOf(page, HEADER.businesses)).toContain("<img");
    expect(await page.locator("img").count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as Record<string, unknown>)["__pwned"]),
    ).toBeUndefined();
    expect(requests).toEqual([]);
  });

  it("writes a valid entry into the unit's tab and reports the row number", async () => {
    const session = await openSidebar(POLICE);
    const { page } = session;
    await fillInspection(page);
    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Đã ghi vào dòng 2 của trang Công an xã.");

    const rows = rowsOf(session, "Công an xã");
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const date = row["Ngày"] as Date;
    expect(date.toLocaleDateString("en-CA", { timeZone: "Asia/Ho_Chi_Minh" })).toBe("2023-04-05");
    expect(row["Nhiệm vụ"]).toBe("Kiểm tra, xử lý vi phạm về phòng, chống mại dâm");
    expect(row["Hình thức"]).toBe("Kiểm tra");
    expect(row[HEADER.yesNo]).toBe("Có");
    expect(row[HEADER.businesses]).toBe(12);
    expect(row[HEADER.workers]).toBe(1234);
    expect(row[HEADER.reached]).toBe(450);
    expect(row[HEADER.received]).toBe("");
    expect(row["Nội dung"]).toBe("Kiểm tra 12 cơ sở karaoke, nhà nghỉ trên địa bàn thôn 2 và thôn 5.");
    expect(row["Người nhập"]).toBe(POLICE);
    // Nothing else got the row.
    expect(rowsOf(session, "Trạm Y tế")).toHaveLength(0);

    // Ready for the next activity: figures cleared, unit, date and task kept.
    expect(await field(page, HEADER.workers).inputValue()).toBe("");
    expect(await field(page, "Nội dung").inputValue()).toBe("");
    expect(await field(page, "Ngày").inputValue()).toBe("05/04/2023");
    expect(await field(page, "Nhiệm vụ").inputValue()).toBe(
      "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm",
    );

    // The second entry goes under the first; Enter in a field sends it.
    await field(page, HEADER.received).fill("3");
    await field(page, HEADER.handled).fill("3");
    await field(page, HEADER.handled).press("Enter");
    await expect.poll(() => status(page).textContent()).toContain("Đã ghi vào dòng 3 của trang Công an xã.");
    const after = rowsOf(session, "Công an xã");
    expect(after).toHaveLength(2);
    expect(after[1]![HEADER.received]).toBe(3);
    expect(after[1]![HEADER.workers]).toBe("");
    expect(session.errors).toEqual([]);
  });

  it("sends what the user typed, as typed, and shows personal-data warnings without blocking", async () => {
    const session = await openSidebar(POLICE);
    const { page, calls } = session;
    await fillInspection(page);
    await field(page, "Ghi chú").fill("Liên hệ chủ cơ sở: 0912345678");
    await expect.poll(() => messagesOf(page, "Ghi chú")).toContain("Lưu ý");
    expect(await field(page, "Ghi chú").getAttribute("aria-invalid")).toBe(null);
    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Đã ghi vào dòng 2");
    expect(await status(page).textContent()).toContain("Lưu ý");

    const sent = calls.find((c) => c.name === "submitEntry")!;
    const fields = (sent.args[0] as { unitId: string; fields: Record<string, unknown> }).fields;
    expect((sent.args[0] as { unitId: string }).unitId).toBe("congAnXa");
    expect(fields["date"]).toBe("05/04/2023");
    expect(fields["el:laoDongCoSo"]).toBe("1.234");
    expect(fields["status"]).toBeUndefined();
  });

  it("keeps an invalid entry on the page and sends nothing", async () => {
    const { page, calls } = await openSidebar(POLICE);
    await field(page, HEADER.received).fill("5");
    await field(page, HEADER.handled).fill("-2");
    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Chưa gửi: còn 2 lỗi");
    // The task was never visited; on submit its message shows too, and focus goes to the first problem.
    expect(await messagesOf(page, "Nhiệm vụ")).toContain("Chưa nhập: đây là ô bắt buộc.");
    expect(await messagesOf(page, HEADER.handled)).toContain("là số âm");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("task");
    expect(calls.map((c) => c.name)).toEqual(["getEntryFormState"]);
    expect(await field(page, HEADER.received).inputValue()).toBe("5");
    await screenshot(page, "EntrySidebar-errors.png");
  });

  it("disables the button while sending", async () => {
    const session = await openSidebar(POLICE);
    const { page } = session;
    await fillInspection(page);
    const release = session.holdCalls();
    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    const button = page.locator("#submit");
    await expect.poll(() => button.textContent()).toBe("Đang gửi…");
    expect(await button.isDisabled()).toBe(true);
    // A second press (Enter) while sending sends nothing more.
    await page.keyboard.press("Enter");
    release();
    await expect.poll(() => status(page).textContent()).toContain("Đã ghi vào dòng 2");
    expect(await button.isDisabled()).toBe(false);
    expect(session.calls.filter((c) => c.name === "submitEntry")).toHaveLength(1);
    expect(rowsOf(session, "Công an xã")).toHaveLength(1);
  });

  it("reports why the server refuses a unit the user may no longer edit, and keeps the entry", async () => {
    const emulated = preparedEnvironment();
    const session = await openSidebar(POLICE, emulated);
    const { page } = session;
    await fillInspection(page);
    // Meanwhile the office gives Công an xã to someone else, and this person the schools.
    emulated.env.setUser(OWNER);
    const saved = emulated.env.runFromClient("saveSettings", [
      {
        ...SETTINGS,
        unitEditors: {
          ...SETTINGS.unitEditors,
          congAnXa: ["pho.truong.ca@quangkhai.example"],
          truongHoc: [SCHOOL, POLICE],
        },
      },
    ]);
    expect(saved.ok).toBe(true);
    emulated.env.setUser(POLICE);

    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect
      .poll(() => status(page).textContent())
      .toContain(`Tài khoản ${POLICE} không được giao nhập liệu cho "Công an xã"`);
    expect(await status(page).getAttribute("class")).toContain("error");
    expect(rowsOf(session, "Công an xã")).toHaveLength(0);
    expect(await field(page, HEADER.workers).inputValue()).toBe("1.234");
  });

  it("goes through the form with Tab in reading order, with a visible focus ring", async () => {
    const { page } = await openSidebar(POLICE);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("unit");
    const order: string[] = [];
    for (let i = 0; i < 20; i++) {
      const now = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return {
          name: a?.getAttribute("name") || a?.id || "",
          outline: a ? getComputedStyle(a).outlineStyle : "none",
        };
      });
      expect(now.outline).not.toBe("none");
      order.push(now.name);
      if (now.name === "close") break;
      await page.keyboard.press("Tab");
    }
    expect(order).toEqual([
      "unit",
      "date",
      "task",
      "form",
      "el:coKeHoachLongGhep",
      "el:coSoKinhDoanh",
      "el:laoDongCoSo",
      "el:laoDongCoSoTuyenTruyen",
      "el:luotKiemTra",
      "el:tinTiepNhan",
      "el:tinXuLyKipThoi",
      "content",
      "notes",
      "submit",
      "close",
    ]);
  });

  it("does not let a unit's editor pick another unit", async () => {
    const { page } = await openSidebar(HEALTH);
    expect(await field(page, "Đơn vị").inputValue()).toBe("tramYTe");
    const options = await page.locator('select[name="unit"] option').evaluateAll((list) =>
      list.map((o) => ({
        value: (o as HTMLOptionElement).value,
        disabled: (o as HTMLOptionElement).disabled,
      })),
    );
    expect(options.filter((o) => !o.disabled).map((o) => o.value)).toEqual(["tramYTe"]);
    expect(options.length).toBeGreaterThan(5);
  });

  it("shows a failed call's message and keeps everything typed for another try", async () => {
    const session = await openSidebar(POLICE);
    const { page } = session;
    await fillInspection(page);
    session.failNextCall("NetworkError: Không kết nối được với máy chủ.");
    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Không kết nối được với máy chủ.");
    expect(await status(page).textContent()).toContain("vẫn còn nguyên");
    expect(await field(page, HEADER.workers).inputValue()).toBe("1.234");
    expect(await field(page, "Nội dung").inputValue()).toContain("karaoke");
    expect(rowsOf(session, "Công an xã")).toHaveLength(0);

    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Đã ghi vào dòng 2 của trang Công an xã.");
  });

  it("follows the sheet's period rule for the last day of the plan year", async () => {
    // Under calendar months the 2023 plan runs to 31/12/2023 (under the cut-off rule, to 14/12).
    const emulated = preparedEnvironment();
    emulated.env.setUser(OWNER);
    expect(emulated.env.runFromClient("saveSettings", [{ ...SETTINGS, periodRule: "calendar" }]).ok).toBe(
      true,
    );
    emulated.env.setNow(new Date("2023-12-28T10:00:00+07:00"));
    const session = await openSidebar(POLICE, emulated);
    const { page } = session;
    await fillInspection(page);
    await field(page, "Ngày").fill("20/12/2023");
    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Đã ghi vào dòng 2 của trang Công an xã.");
    expect(await messagesOf(page, "Ngày")).toBe("");

    // A date after the plan year is refused under its field, whichever side finds it.
    await field(page, HEADER.received).fill("1");
    await field(page, "Ngày").fill("02/01/2024");
    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect.poll(() => messagesOf(page, "Ngày")).toContain("sau ngày cuối của kế hoạch năm 2023");
    expect(await messagesOf(page, "Ngày")).toContain("đến 31/12/2023");
    expect(rowsOf(session, "Công an xã")).toHaveLength(1);
  });

  it("asks a school for its school and writes the school's name", async () => {
    const session = await openSidebar(SCHOOL);
    const { page } = session;
    expect(await field(page, "Đơn vị").inputValue()).toBe("truongHoc");
    await field(page, "Nhiệm vụ").selectOption("Tuyên truyền, giáo dục phòng, chống mại dâm cho học sinh");
    await field(page, "Tổng số học sinh (người)").fill("412");
    await field(page, "Học sinh được tuyên truyền (người)").fill("380");
    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect.poll(() => messagesOf(page, "Trường")).toContain("Chưa nhập");
    await field(page, "Trường").selectOption("Trường THCS Quang Khải");
    await page.getByRole("button", { name: "Ghi báo cáo" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Đã ghi vào dòng 2 của trang Trường học.");
    const row = rowsOf(session, "Trường học")[0]!;
    expect(row["Trường"]).toBe("Trường THCS Quang Khải");
    expect(row["Tổng số học sinh (người)"]).toBe(412);
  });
});
