/**
 * The Apps Script entry. Every export becomes a global function in build/Code.js
 * (the build generates the delegating stubs), which is how Google finds onOpen, trigger
 * handlers, menu items and google.script.run targets.
 */
import { MENU_ENTRIES } from "./manifest";

const MENU_TITLE = "Kế hoạch PCMD";

/** Simple trigger: builds the plan's menu each time the spreadsheet opens. */
export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const entry of MENU_ENTRIES) {
    if (entry) menu.addItem(entry.caption, entry.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** Runs when the add-on is installed from the Marketplace: same menu as on open. */
export function onInstall(): void {
  onOpen();
}

/** "Hướng dẫn": a short how-to, in Vietnamese. */
export function showHelp(): void {
  SpreadsheetApp.getUi().alert(
    "Hướng dẫn",
    "Mỗi đơn vị nhập báo cáo vào tab của mình (mỗi dòng một hoạt động). " +
      "Ô sai sẽ được tô màu và ghi chú cách sửa; số liệu bạn nhập không bao giờ bị xoá.",
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}
