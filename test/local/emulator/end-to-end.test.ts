import { describe, expect, it } from "vitest";
import { environment, gas, OWNER, POLICE } from "./harness";

// A tiny add-in, run end to end through the loader and the environment: onOpen builds a menu, a menu
// item installs the triggers, an installable onEdit writes a change log, and a monthly time trigger
// mails the chairman a PDF of the sheet.
const ADDIN = `
  function onOpen() {
    SpreadsheetApp.getUi().createMenu("Kế hoạch PCMD 2023")
      .addItem("Thiết lập", "setup")
      .addItem("Gửi báo cáo tháng", "sendMonthly")
      .addToUi();
  }
  function setup() {
    var ss = SpreadsheetApp.getActive();
    var log = ss.getSheetByName("Nhật ký") || ss.insertSheet("Nhật ký");
    log.getRange("A1:D1").setValues([["Thời điểm", "Người sửa", "Ô", "Giá trị mới"]]);
    ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
    ScriptApp.newTrigger("logEdit").forSpreadsheet(ss).onEdit().create();
    ScriptApp.newTrigger("sendMonthly").timeBased().onMonthDay(15).atHour(7).create();
  }
  function logEdit(e) {
    if (e.range.getSheet().getName() === "Nhật ký") return;
    var lock = LockService.getScriptLock();
    lock.waitLock(10000);
    SpreadsheetApp.getActive().getSheetByName("Nhật ký").appendRow([
      Utilities.formatDate(new Date(), Session.getScriptTimeZone(), "dd/MM/yyyy HH:mm"),
      e.user.getEmail(), e.range.getA1Notation(), e.value === undefined ? "(nhiều ô)" : e.value]);
    lock.releaseLock();
  }
  function sendMonthly() {
    var ss = SpreadsheetApp.getActive();
    var rows = ss.getSheetByName("Nhật ký").getLastRow() - 1;
    MailApp.sendEmail("${OWNER}", "Báo cáo tháng: " + rows + " lần cập nhật", "Xem tệp đính kèm.", {
      attachments: [ss.getAs("application/pdf").setName("bao-cao.pdf")],
      name: "UBND xã Quang Khải"
    });
  }`;

describe("end to end through the loader", () => {
  it("menu from onOpen, triggers installed from the menu, an edit logged, the monthly mail sent once", () => {
    const env = environment(ADDIN);
    env.open();
    expect(env.ui.menus[0]?.items.map((i) => (i.type === "item" ? i.functionName : i.type))).toEqual([
      "setup",
      "sendMonthly",
    ]);
    expect(env.clickMenu("Kế hoạch PCMD 2023", "Thiết lập")).toMatchObject({ ok: true });
    expect(env.triggers.map((t) => [t.handler, t.eventType])).toEqual([
      ["logEdit", "ON_EDIT"],
      ["sendMonthly", "CLOCK"],
    ]);

    env.setUser(POLICE);
    env.setNow(new Date("2023-04-12T14:30:00+07:00"));
    env.userEdit("Trang tính1", "B2", "35", { typed: true });
    env.userEdit("Trang tính1", "A3:B3", [["x", "y"]]);
    const log = (
      gas(env).SpreadsheetApp.getActive() as GoogleAppsScript.Spreadsheet.Spreadsheet
    ).getSheetByName("Nhật ký");
    // appendRow reads strings as typed text, as Sheets does: the stamp becomes a Date, "35" a number.
    const at = new Date("2023-04-12T14:30:00+07:00");
    expect(log?.getRange("A2:D3").getValues()).toEqual([
      [at, POLICE, "B2", 35],
      [at, POLICE, "A3:B3", "(nhiều ô)"],
    ]);

    const fired = env.runTimeTriggers(new Date("2023-04-15T07:00:00+07:00"));
    expect(fired.map((f) => [f.functionName, f.effectiveUser, f.ok])).toEqual([["sendMonthly", OWNER, true]]);
    expect(env.outbox).toHaveLength(1);
    const mail = env.outbox[0]!;
    expect(mail).toMatchObject({ from: OWNER, to: [OWNER], subject: "Báo cáo tháng: 2 lần cập nhật" });
    expect(mail.attachments[0]?.name).toBe("bao-cao.pdf");
    expect(Buffer.from(mail.attachments[0]!.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    expect(env.runTimeTriggers(new Date("2023-04-16T07:00:00+07:00"))).toEqual([]);
  });
});
