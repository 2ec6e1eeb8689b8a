import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { environment, gas, POLICE } from "./harness";

function htmlDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "khs-html-"));
  writeFileSync(
    join(dir, "EntrySidebar.html"),
    "<!doctype html><title>Nhập báo cáo</title><main>Biểu mẫu</main>",
  );
  return dir;
}

// https://developers.google.com/apps-script/reference/html/html-service
// https://developers.google.com/apps-script/reference/html/html-output
describe("HtmlService", () => {
  it("createHtmlOutputFromFile reads <htmlDir>/<name>.html, with or without the extension", () => {
    const { HtmlService } = gas(environment("", { htmlDir: htmlDir() }));
    expect(HtmlService.createHtmlOutputFromFile("EntrySidebar").getContent()).toContain(
      "<main>Biểu mẫu</main>",
    );
    expect(HtmlService.createHtmlOutputFromFile("EntrySidebar.html").getContent()).toContain("Biểu mẫu");
  });

  it("fails for a file the project does not have", () => {
    const { HtmlService } = gas(environment("", { htmlDir: htmlDir() }));
    expect(() => HtmlService.createHtmlOutputFromFile("Missing")).toThrow(
      "No HTML file named Missing was found.",
    );
  });

  it("HtmlOutput setters chain and getters read back title, size and content", () => {
    const { HtmlService } = gas(environment());
    const out = HtmlService.createHtmlOutput("<p>Xin chào</p>")
      .setTitle("Tổng hợp tháng")
      .setWidth(600)
      .setHeight(400)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.DEFAULT)
      .append("<p>thêm</p>");
    expect(out.getTitle()).toBe("Tổng hợp tháng");
    expect(out.getWidth()).toBe(600);
    expect(out.getHeight()).toBe(400);
    expect(out.getContent()).toBe("<p>Xin chào</p><p>thêm</p>");
  });

  it("appendUntrusted escapes markup (doc: 'the content is escaped')", () => {
    const { HtmlService } = gas(environment());
    const out = HtmlService.createHtmlOutput("").appendUntrusted(`<script>alert("x")</script>`);
    expect(out.getContent()).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});

const MENU = `
  function onOpen() {
    var ui = SpreadsheetApp.getUi();
    ui.createMenu("Kế hoạch PCMD 2023")
      .addItem("Nhập báo cáo…", "showEntry")
      .addSeparator()
      .addSubMenu(ui.createMenu("Quản trị").addItem("Thiết lập / sửa bảng tính", "setup"))
      .addToUi();
  }
  function showEntry() {
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput("<main>Biểu mẫu</main>").setTitle("Nhập báo cáo").setWidth(500));
  }
  function setup() { return Session.getActiveUser().getEmail(); }
  function sidebarOnOpen() { showEntry(); }
  function ask() {
    var ui = SpreadsheetApp.getUi();
    var sure = ui.alert("Gửi báo cáo", "Gửi báo cáo tháng 4/2023 cho 4 người nhận?", ui.ButtonSet.YES_NO);
    if (sure !== ui.Button.YES) return "huỷ";
    var r = ui.prompt("Ghi chú", "Ghi chú kèm theo:", ui.ButtonSet.OK_CANCEL);
    return r.getSelectedButton() + ":" + r.getResponseText();
  }
  function daily() { SpreadsheetApp.getUi().alert("không có ai xem"); }
  function installDaily() { ScriptApp.newTrigger("daily").timeBased().everyDays(1).atHour(7).create(); }`;

// https://developers.google.com/apps-script/reference/base/ui, .../base/menu
describe("Ui", () => {
  it("onOpen's menu is recorded with its items, separators and submenus", () => {
    const env = environment(MENU);
    env.open();
    expect(env.ui.menus).toEqual([
      {
        caption: "Kế hoạch PCMD 2023",
        addon: false,
        items: [
          { type: "item", caption: "Nhập báo cáo…", functionName: "showEntry" },
          { type: "separator" },
          {
            type: "submenu",
            caption: "Quản trị",
            items: [{ type: "item", caption: "Thiết lập / sửa bảng tính", functionName: "setup" }],
          },
        ],
      },
    ]);
  });

  it("clicking a menu item runs its function as the active user", () => {
    const env = environment(MENU);
    env.setUser(POLICE);
    env.open();
    expect(env.clickMenu("Kế hoạch PCMD 2023", "Quản trị", "Thiết lập / sửa bảng tính")).toEqual({
      ok: true,
      value: POLICE,
    });
  });

  it("showSidebar opens the HtmlOutput's content and title in a 300 px sidebar", () => {
    const env = environment(MENU);
    env.open();
    env.clickMenu("Kế hoạch PCMD 2023", "Nhập báo cáo…");
    expect(env.ui.sidebar).toMatchObject({
      kind: "sidebar",
      title: "Nhập báo cáo",
      content: "<main>Biểu mẫu</main>",
      width: 300,
    });
  });

  it("a simple onOpen cannot open a sidebar (it needs authorisation)", () => {
    const env = environment(
      `${MENU.replace("function onOpen()", "function oldOnOpen()")} function onOpen() { sidebarOnOpen(); }`,
    );
    const [f] = env.open();
    expect(f?.error).toBe(
      "You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui",
    );
    expect(env.ui.sidebar).toBeUndefined();
  });

  it("alert and prompt take the queued answers; with none queued the first button is pressed", () => {
    const env = environment(MENU);
    env.ui.respond({ button: "NO" });
    expect(env.run("ask")).toBe("huỷ");
    env.ui.respond({ button: "YES" });
    env.ui.respond({ button: "OK", text: "Thôn 3 chưa báo cáo" });
    expect(env.run("ask")).toBe("OK:Thôn 3 chưa báo cáo");
    expect(env.run("ask")).toBe("OK:");
    expect(env.ui.alerts[0]).toMatchObject({
      title: "Gửi báo cáo",
      prompt: "Gửi báo cáo tháng 4/2023 cho 4 người nhận?",
      buttons: "YES_NO",
      response: "NO",
    });
    expect(env.ui.prompts.map((p) => p.responseText)).toEqual(["Thôn 3 chưa báo cáo", ""]);
  });

  it("a time-driven trigger has no UI: getUi throws Google's message", () => {
    const env = environment(MENU);
    env.run("installDaily");
    const [f] = env.runTimeTriggers(new Date("2023-04-11T07:00:00+07:00"));
    expect(f?.error).toBe("Cannot call SpreadsheetApp.getUi() from this context.");
  });

  it("showModalDialog and showModelessDialog record the dialog with the given title", () => {
    const env = environment();
    const ui = gas(env).SpreadsheetApp.getUi();
    const { HtmlService } = gas(env);
    ui.showModalDialog(
      HtmlService.createHtmlOutput("<p>Cài đặt</p>").setWidth(480).setHeight(360),
      "Cài đặt",
    );
    ui.showModelessDialog(HtmlService.createHtmlOutput("<p>Trợ giúp</p>"), "Trợ giúp");
    expect(env.ui.dialogs.map((d) => [d.kind, d.title, d.width, d.height])).toEqual([
      ["modal", "Cài đặt", 480, 360],
      ["modeless", "Trợ giúp", null, null],
    ]);
  });

  it("opening the spreadsheet again starts from a fresh page: menus rebuilt, sidebar closed", () => {
    const env = environment(MENU);
    env.open();
    env.clickMenu("Kế hoạch PCMD 2023", "Nhập báo cáo…");
    env.open();
    expect(env.ui.menus).toHaveLength(1);
    expect(env.ui.sidebar).toBeUndefined();
  });
});
