/**
 * The built bundle is what Google runs: every export of src/gas/main.ts is a global function there,
 * the loader's context has no Node globals, and the menu onOpen builds points only at real functions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBundle } from "../../src/local/loader";
import { bundleEnvironment, CODE, OWNER } from "./harness";

const ENTRY_EXPORTS = [
  "onOpen",
  "onEditInstalled",
  "setupSpreadsheet",
  "checkAllData",
  "showEntrySidebar",
  "showSettingsDialog",
  "showHelp",
  "showRollupSidebar",
  "showSendDialog",
  "updateReadOnlyCopy",
  "onMonthlyTrigger",
  "onDailyTrigger",
  "retryMonthlyReport",
  "getRollupState",
  "writeRollupToTab",
  "getSendState",
  "sendReportNow",
  "getEntryFormState",
  "submitEntry",
  "getSettingsState",
  "saveSettings",
];

describe("build/Code.js in a fresh V8 context", () => {
  it("declares every entry export as a top-level function and nothing of Node", () => {
    const env = bundleEnvironment();
    const { functions } = loadBundle(CODE, env.globals);
    for (const name of ENTRY_EXPORTS) expect(typeof functions[name], name).toBe("function");
    expect(CODE).not.toMatch(/\brequire\(|process\.env|setTimeout\(|new URL\(|TextEncoder/);
  });

  it("builds the plan's Vietnamese menu on open, every item naming a global function", () => {
    const env = bundleEnvironment();
    const { functions } = loadBundle(CODE, env.globals);
    env.setUser(OWNER);
    env.open();
    const menu = env.ui.menus.at(-1)!;
    expect(menu.caption).toBe("Phòng, chống mại dâm 2023");
    // Nobody set the sheet up yet: every item shows (each checks the role when clicked), what staff
    // need first, the office's actions in their submenu.
    const top = menu.items.filter((i) => i.type === "item");
    expect(top.map((i) => i.caption)).toEqual([
      "Nhập báo cáo…",
      "Tình hình báo cáo của đơn vị…",
      "Hướng dẫn",
      "Duyệt báo cáo tháng…",
      "Tổng hợp tháng…",
    ]);
    const office = menu.items.find((i) => i.type === "submenu");
    expect(office?.type === "submenu" && office.caption).toBe("Văn phòng UBND xã");
    const sub = office?.type === "submenu" ? office.items.filter((i) => i.type === "item") : [];
    expect(sub.map((i) => i.caption)).toEqual([
      "Kiểm tra toàn bộ số liệu",
      "Gửi báo cáo tháng…",
      "Cập nhật bản xem cho cấp trên",
      "Cài đặt…",
      "Thiết lập / sửa bảng tính",
      "Kế hoạch: nhập, xuất, soạn từ văn bản…",
      "Tạo kế hoạch năm mới…",
    ]);
    const items = [...top, ...sub];
    for (const item of items) expect(typeof functions[item.functionName], item.functionName).toBe("function");
  });

  it("keeps the Apps Script V8 limits: no class fields syntax, no private names in the output", () => {
    // Lowered by the build; a "#name" member or a static field would be a syntax error in older V8s.
    expect(CODE).not.toMatch(/\bstatic\s+[A-Za-z_$][\w$]*\s*=/);
    expect(CODE).not.toMatch(/[{;}]\s*#[A-Za-z_$]/);
  });

  it("ships the pages the menu opens", () => {
    for (const page of ["EntrySidebar", "Settings"]) {
      const html = readFileSync(join(__dirname, `../../build/${page}.html`), "utf8");
      expect(html).toContain("<script>");
      expect(html).not.toMatch(/<script[^>]+src=/);
    }
  });
});
