// The spreadsheet's UI from a script: menus, alerts, sidebars and dialogs of HTML pages.
import type { ContractCase } from "../case";

const UI = "https://developers.google.com/apps-script/reference/base/ui";
const HTML = "https://developers.google.com/apps-script/reference/html/html-output";

const SCRIPT = `
function onOpen() {
  SpreadsheetApp.getUi().createMenu("Kế hoạch").addItem("Nhập báo cáo", "showPage").addSeparator()
    .addItem("Giới thiệu", "about").addToUi();
}
function showPage() {
  var page = HtmlService.createHtmlOutputFromFile("Page").setTitle("Nhập báo cáo");
  SpreadsheetApp.getUi().showSidebar(page);
}
function showDialog() {
  var page = HtmlService.createHtmlOutputFromFile("Page").setWidth(480).setHeight(320);
  SpreadsheetApp.getUi().showModalDialog(page, "Gửi báo cáo");
}
function about() {
  var ui = SpreadsheetApp.getUi();
  return String(ui.alert("Giới thiệu", "Phiên bản 1", ui.ButtonSet.OK));
}
function missing() { return HtmlService.createHtmlOutputFromFile("Missing").getContent(); }
function withSubmenu() {
  var ui = SpreadsheetApp.getUi();
  ui.createMenu("Kế hoạch").addItem("Nhập báo cáo", "showPage")
    .addSubMenu(ui.createMenu("Văn phòng").addItem("Cài đặt", "about")).addToUi();
}
function ask() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.alert("Chuyển?", "Chuyển sang tài khoản của bạn?", ui.ButtonSet.YES_NO);
  return answer === ui.Button.YES ? "YES" : "NO";
}
`;

export const uiCases: ContractCase[] = [
  {
    id: "ui.html-file-content",
    behaviour:
      "createHtmlOutputFromFile(name).getContent() gives the project file's text, which is how a script includes one file's text in another",
    source:
      "https://developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript",
    note: "The guide's include() returns createHtmlOutputFromFile(filename).getContent() and pastes it into a page unchanged. The add-in keeps a part of its server code in such a file and compiles it on first use; that Google returns a file of script text (no HTML tags) unchanged is read from the guide, not recorded.",
    covers: ["HtmlService.createHtmlOutputFromFile", "HtmlOutput.getContent"],
    script: `function content() { return HtmlService.createHtmlOutputFromFile("Tools").getContent(); }`,
    pages: { Tools: 'return { year: 2024, title: "Kế hoạch <năm> mới" };' },
    manual:
      'Add an HTML file "Tools" holding the text above to a project and log createHtmlOutputFromFile("Tools").getContent().',
    run(_gas, world) {
      const r = world.runFromClient("content", []);
      return r.ok ? (r.value as string) : r.error;
    },
    expected: 'return { year: 2024, title: "Kế hoạch <năm> mới" };',
  },
  {
    id: "ui.menu",
    behaviour:
      "createMenu/addItem/addSeparator/addToUi put a menu on the spreadsheet whose items run the named functions",
    source: "https://developers.google.com/apps-script/reference/base/menu",
    covers: ["SpreadsheetApp.getUi", "Ui.createMenu", "Menu.addItem", "Menu.addSeparator", "Menu.addToUi"],
    script: SCRIPT,
    pages: { Page: "<p>Trang</p>" },
    manual: "Open the sheet: the menu Kế hoạch has two items and a separator; clicking runs them.",
    run(_gas, world) {
      world.open();
      const menu = world.ui.menus[0]!;
      return {
        caption: menu.caption,
        items: menu.items.map((i) => (i.type === "item" ? `${i.caption} → ${i.functionName}` : i.type)),
      };
    },
    expected: { caption: "Kế hoạch", items: ["Nhập báo cáo → showPage", "separator", "Giới thiệu → about"] },
  },
  {
    id: "ui.alert",
    behaviour: "Ui.alert(title, prompt, ButtonSet.OK) shows a dialog and returns the button pressed (OK)",
    source: `${UI}#alert(String,String,ButtonSet)`,
    covers: ["Ui.alert"],
    reads: ["Ui.ButtonSet", "ButtonSet.OK"],
    script: SCRIPT,
    pages: { Page: "<p>Trang</p>" },
    manual: "Click Giới thiệu: an alert with OK; the function returns OK.",
    run(_gas, world) {
      const button = world.run("about");
      const shown = world.ui.alerts[0]!;
      return { button: button as string, title: shown.title, prompt: shown.prompt };
    },
    expected: { button: "OK", title: "Giới thiệu", prompt: "Phiên bản 1" },
  },
  {
    id: "ui.sidebar-and-dialog",
    behaviour:
      "A sidebar shows an HtmlOutput under its title, 300 px wide whatever the page asks; a modal dialog has the size set on the HtmlOutput",
    source: `${UI}#showSidebar(Object)`,
    note: `HtmlOutput.setWidth: "sets the initial width ... has no effect on sidebars" (${HTML}#setWidth(Integer)).`,
    covers: [
      "HtmlService.createHtmlOutputFromFile",
      "HtmlOutput.setTitle",
      "HtmlOutput.setWidth",
      "HtmlOutput.setHeight",
      "Ui.showSidebar",
      "Ui.showModalDialog",
    ],
    script: SCRIPT,
    pages: { Page: "<p>Trang</p>" },
    manual: "Run showPage and showDialog from the menu.",
    run(_gas, world) {
      world.run("showPage");
      world.run("showDialog");
      const s = world.ui.sidebars[0]!;
      const d = world.ui.dialogs[0]!;
      return { sidebar: [s.title, s.width, s.content], dialog: [d.title, d.width, d.height] };
    },
    expected: { sidebar: ["Nhập báo cáo", 300, "<p>Trang</p>"], dialog: ["Gửi báo cáo", 480, 320] },
  },
  {
    id: "ui.html-file-missing",
    behaviour: "createHtmlOutputFromFile of a file the project does not have throws, naming it",
    source:
      "https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutputFromFile(String)",
    covers: ["HtmlService.createHtmlOutputFromFile"],
    script: SCRIPT,
    pages: { Page: "<p>Trang</p>" },
    manual: "Call createHtmlOutputFromFile('Missing') in a project without it.",
    run(_gas, world) {
      const r = world.runFromClient("missing", []);
      return r.ok ? "found" : r.error;
    },
    expected: "No HTML file named Missing was found.",
  },
  {
    id: "ui.submenu",
    behaviour: "Menu.addSubMenu puts a menu inside another, its items under its caption",
    source: "https://developers.google.com/apps-script/reference/base/menu#addSubMenu(Menu)",
    covers: ["Ui.createMenu", "Menu.addSubMenu", "Menu.addItem", "Menu.addToUi"],
    script: SCRIPT,
    pages: { Page: "<p>Trang</p>" },
    manual: "Run withSubmenu: the menu Kế hoạch has Nhập báo cáo and a submenu Văn phòng with Cài đặt.",
    run(_gas, world) {
      world.run("withSubmenu");
      const menu = world.ui.menus[0]!;
      return menu.items.map((i) =>
        i.type === "submenu"
          ? { [i.caption]: i.items.map((x) => (x.type === "item" ? x.caption : x.type)) }
          : i.type === "item"
            ? i.caption
            : i.type,
      );
    },
    expected: ["Nhập báo cáo", { "Văn phòng": ["Cài đặt"] }],
  },
  {
    id: "ui.alert-yes-no",
    behaviour: "Ui.alert with ButtonSet.YES_NO returns the button the user pressed: Button.YES or Button.NO",
    source: `${UI}#alert(String,String,ButtonSet)`,
    covers: ["Ui.alert"],
    reads: ["Ui.ButtonSet", "ButtonSet.YES_NO", "Ui.Button", "Button.YES"],
    script: SCRIPT,
    pages: { Page: "<p>Trang</p>" },
    manual: "Run ask twice, answering Có then Không.",
    run(_gas, world) {
      world.ui.respond({ button: "YES" });
      const yes = world.run("ask");
      world.ui.respond({ button: "NO" });
      const no = world.run("ask");
      return { yes: yes as string, no: no as string, buttons: world.ui.alerts[0]!.buttons };
    },
    expected: { yes: "YES", no: "NO", buttons: "YES_NO" },
  },
  {
    id: "ui.prompt",
    behaviour:
      "Ui.prompt(title, prompt, ButtonSet.OK_CANCEL) asks for a line of text; the response gives the button pressed and the text typed",
    source: `${UI}#prompt(String,String,ButtonSet)`,
    covers: ["Ui.prompt", "PromptResponse.getSelectedButton", "PromptResponse.getResponseText"],
    reads: ["Ui.ButtonSet", "ButtonSet.OK_CANCEL", "Ui.Button", "Button.OK"],
    script: `function askMonth() {
  var ui = SpreadsheetApp.getUi();
  var r = ui.prompt("Báo cáo tổng hợp tháng", "Tháng nào?", ui.ButtonSet.OK_CANCEL);
  return [r.getSelectedButton() === ui.Button.OK ? "OK" : "other", r.getResponseText()];
}`,
    manual: "Run askMonth, type 4/2023 and press OK: it returns OK and the text.",
    run(_gas, world) {
      world.ui.respond({ button: "OK", text: "4/2023" });
      return world.run("askMonth") as string[];
    },
    expected: ["OK", "4/2023"],
  },
  {
    id: "html.output-from-string",
    behaviour:
      "HtmlService.createHtmlOutput(html) makes a page of that HTML, shown as a modal dialog of the size set",
    source: "https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutput(String)",
    covers: [
      "HtmlService.createHtmlOutput",
      "HtmlOutput.setWidth",
      "HtmlOutput.setHeight",
      "Ui.showModalDialog",
    ],
    script: `function show() {
  var page = HtmlService.createHtmlOutput("<p>Báo cáo</p>").setWidth(900).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(page, "Báo cáo tổng hợp");
}`,
    manual: "Run show: a dialog titled Báo cáo tổng hợp shows the paragraph.",
    run(_gas, world) {
      world.run("show");
      const d = world.ui.dialogs[0]!;
      return [d.title, d.content, d.width, d.height];
    },
    expected: ["Báo cáo tổng hợp", "<p>Báo cáo</p>", 900, 640],
  },
];
