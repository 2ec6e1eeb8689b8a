/**
 * The settings dialog as the sheet's owner uses it: the real build/Settings.html served by the bundle's
 * menu item, in headless Chromium at the dialog's size, saving into the emulated spreadsheet.
 */
import { describe, expect, it } from "vitest";
import type { SettingsFormState } from "../../src/gas/api";
import {
  field,
  HEALTH,
  menuPath,
  messagesOf,
  OWNER,
  openBuiltPage,
  POLICE,
  type PageSession,
  pageOpener,
  preparedEnvironment,
  screenshot,
  status,
} from "./harness";

const DIALOG = { width: 600, height: 640 };

const openSettings = pageOpener({
  functionName: "showSettingsDialog",
  size: DIALOG,
  sheet: preparedEnvironment,
  ready: (page) => page.locator("form#settings:not([hidden])"),
});

/** What the server holds now, read as the owner. */
function stored(session: PageSession): SettingsFormState["settings"] {
  const { env } = session;
  const user = env.user;
  env.setUser(OWNER);
  const result = env.runFromClient("getSettingsState", []);
  env.setUser(user);
  if (!result.ok) throw new Error(result.error);
  return (result.value as SettingsFormState).settings;
}

describe("settings dialog", () => {
  it("shows the stored settings to the owner, one address per line", async () => {
    const { page, requests, errors } = await openSettings(OWNER);
    expect(await field(page, "Email Chủ tịch UBND xã").inputValue()).toBe(OWNER);
    expect(await field(page, "Tên cấp trên").inputValue()).toBe("UBND huyện Tứ Kỳ");
    expect(await field(page, "Email cấp trên").inputValue()).toBe(
      "lanhdao@tuky.example\nconganhuyen@tuky.example",
    );
    expect(await field(page, "Công an xã").inputValue()).toBe(POLICE);
    expect(await field(page, "Trạm Y tế").inputValue()).toBe(HEALTH);
    expect(await field(page, "Kỳ báo cáo").inputValue()).toBe("cutoff");
    expect(await page.getByRole("option", { selected: true, name: /ngày 15 tháng trước/ }).count()).toBe(1);
    expect(await field(page, "Ngày gửi báo cáo").inputValue()).toBe("15");
    expect(await field(page, "Giờ gửi").inputValue()).toBe("7");
    expect(await page.getByRole("option", { name: "07:00", selected: true }).count()).toBe(1);
    await screenshot(page, "Settings.png");
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("refuses a bad email next to the field it names, and saves nothing", async () => {
    const session = await openSettings(OWNER);
    const { page, calls } = session;
    const before = stored(session);
    await field(page, "Email Chủ tịch UBND xã").fill("chutich@quangkhai");
    await expect
      .poll(() => messagesOf(page, "Email Chủ tịch UBND xã"))
      .toContain('Email Chủ tịch: "chutich@quangkhai" không phải địa chỉ email hợp lệ.');
    expect(await field(page, "Email Chủ tịch UBND xã").getAttribute("aria-invalid")).toBe("true");

    // One bad address among good ones, in a unit's list: the message is on that unit's field only.
    await field(page, "Trạm Y tế").fill(`${HEALTH}\nbac.si.lan@`);
    await expect.poll(() => messagesOf(page, "Trạm Y tế")).toContain('"bac.si.lan@" không phải');
    expect(await messagesOf(page, "Công an xã")).toBe("");

    await page.getByRole("button", { name: "Lưu cài đặt" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Chưa lưu: còn 2 lỗi");
    expect(calls.map((c) => c.name)).toEqual(["getSettingsState"]);
    expect(stored(session)).toEqual(before);
    // Focus goes to the first field to fix.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("chairmanEmail");
  });

  it("shows the office who it is and whether the chairman approves, and refuses an approval without a chairman", async () => {
    const session = await openSettings(OWNER);
    const { page, calls } = session;
    expect(await page.locator("#setup-account").textContent()).toBe(
      `Tài khoản đã thiết lập bảng tính: ${OWNER} (luôn thuộc văn phòng).`,
    );
    expect(await field(page, "Cán bộ văn phòng khác").inputValue()).toBe("");
    expect(await field(page, "Trước khi gửi cấp trên").inputValue()).toBe("direct");
    await field(page, "Trước khi gửi cấp trên").selectOption("chairman");
    await field(page, "Email Chủ tịch UBND xã").fill("");
    await page.getByRole("button", { name: "Lưu cài đặt" }).click();
    await expect
      .poll(() => messagesOf(page, "Email Chủ tịch UBND xã"))
      .toContain("Khi Chủ tịch duyệt báo cáo trước khi gửi, cần email Chủ tịch");
    expect(calls.map((c) => c.name)).toEqual(["getSettingsState"]);
    await field(page, "Email Chủ tịch UBND xã").fill("chutich@quangkhai.example");
    await field(page, "Cán bộ văn phòng khác").fill("vanthu@quangkhai.example");
    await page.getByRole("button", { name: "Lưu cài đặt" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Đã lưu cài đặt");
    expect(stored(session)).toMatchObject({
      approval: "chairman",
      chairmanEmail: "chutich@quangkhai.example",
      adminEmails: ["vanthu@quangkhai.example"],
    });
    // The chairman who approves can open the sheet (and its menu); the new clerk too.
    const id = (session.env.active as { getId(): string }).getId();
    expect(session.env.sheets.role(id, "chutich@quangkhai.example")).toBe("editor");
    expect(session.env.sheets.role(id, "vanthu@quangkhai.example")).toBe("editor");
  });

  it("names the rule a number breaks", async () => {
    const { page } = await openSettings(OWNER);
    await field(page, "Ngày gửi báo cáo").fill("31");
    await expect
      .poll(() => messagesOf(page, "Ngày gửi báo cáo"))
      .toContain("Ngày gửi báo cáo: không hợp lệ. Hãy nhập số nguyên từ 1 đến 28.");
    await field(page, "Ngày gửi báo cáo").fill("16");
    await expect.poll(() => messagesOf(page, "Ngày gửi báo cáo")).toBe("");
  });

  it("saves valid settings as stored addresses and gives a new editor the unit", async () => {
    const session = await openSettings(OWNER);
    const { page, env } = session;
    await field(page, "Email cấp trên").fill("LanhDao@TuKy.example, phongldtbxh@tuky.example");
    await field(page, "Trạm Y tế").fill(`${HEALTH}\n  Y.Si.Hoa@QuangKhai.example `);
    await field(page, "Kỳ báo cáo").selectOption("calendar");
    await field(page, "Ngày gửi báo cáo").fill("2");
    await field(page, "Giờ gửi").selectOption("8");
    await page.getByRole("button", { name: "Lưu cài đặt" }).click();
    await expect.poll(() => status(page).textContent()).toContain("Đã lưu cài đặt");

    const now = stored(session);
    expect(now.upperLevelEmails).toEqual(["lanhdao@tuky.example", "phongldtbxh@tuky.example"]);
    expect(now.unitEditors["tramYTe"]).toEqual([HEALTH, "y.si.hoa@quangkhai.example"]);
    expect(now.unitEditors["congAnXa"]).toEqual([POLICE]);
    expect(now.periodRule).toBe("calendar");
    expect(now.sendDay).toBe(2);
    expect(now.sendHour).toBe(8);
    // The form now shows them as stored.
    expect(await field(page, "Email cấp trên").inputValue()).toBe(
      "lanhdao@tuky.example\nphongldtbxh@tuky.example",
    );
    // The new address may now enter data for Trạm Y tế.
    env.setUser("y.si.hoa@quangkhai.example");
    const state = env.runFromClient("getEntryFormState", []);
    expect(state.ok).toBe(true);
    const units = (state as { value: { units: { id: string; canEdit: boolean }[] } }).value.units;
    expect(units.filter((u) => u.canEdit).map((u) => u.id)).toEqual(["tramYTe"]);
  });

  it("keeps what was typed when the call fails", async () => {
    const session = await openSettings(OWNER);
    const { page } = session;
    await field(page, "Tên cấp trên").fill("UBND thành phố Hải Phòng");
    session.failNextCall("Không kết nối được với máy chủ.");
    await page.getByRole("button", { name: "Lưu cài đặt" }).click();
    await expect
      .poll(() => status(page).textContent())
      .toContain("Không lưu được: Không kết nối được với máy chủ.");
    expect(await field(page, "Tên cấp trên").inputValue()).toBe("UBND thành phố Hải Phòng");
    expect(stored(session).upperLevelName).toBe("UBND huyện Tứ Kỳ");
  });

  it("is the office's only: no one else sees it, not even from a page already open", async () => {
    const emulated = preparedEnvironment();
    emulated.env.setUser(POLICE);
    emulated.env.open();
    expect(() => menuPath(emulated.env, "showSettingsDialog")).toThrow();
    const { page, calls } = await openBuiltPage(openSettings.browser(), emulated, POLICE, "Settings", {
      width: 620,
      height: 640,
    });
    await expect
      .poll(() => page.locator("#loading").textContent())
      .toContain(
        "Không tải được cài đặt: Chỉ văn phòng UBND xã (" + OWNER + ") mới xem và sửa được cài đặt.",
      );
    // The office is named as the contact; no one else's address is on the page.
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain(HEALTH);
    expect(text).not.toContain("truong.hoc@");
    expect(await page.locator("#settings").isHidden()).toBe(true);
    expect(calls.map((c) => c.name)).toEqual(["getSettingsState"]);
  });
});
