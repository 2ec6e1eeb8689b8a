import { describe, expect, it } from "vitest";
import { environment, gas, OWNER, POLICE } from "./harness";

const SHEET = "Trang tính1";

// Records each event the way a handler would see it (range and source as A1 / id).
const RECORDER = `
  function describe_(e, kind) {
    var out = { kind: kind, authMode: String(e.authMode), range: e.range.getA1Notation(), sheet: e.range.getSheet().getName(),
                source: e.source.getId(), user: e.user.getEmail() };
    if ("value" in e) out.value = e.value;
    if ("oldValue" in e) out.oldValue = e.oldValue;
    if (e.triggerUid) out.triggerUid = e.triggerUid;
    var p = PropertiesService.getScriptProperties();
    var seen = JSON.parse(p.getProperty("events") || "[]");
    seen.push(out);
    p.setProperty("events", JSON.stringify(seen));
  }
  function onEdit(e) { describe_(e, "simple"); }
  function onEntry(e) { describe_(e, "installable"); }
  function install() { return ScriptApp.newTrigger("onEntry").forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create().getUniqueId(); }
  function scriptWrites() { SpreadsheetApp.getActive().getSheetByName("${SHEET}").getRange("A1:B2").setValues([[1, 2], [3, 4]]); }
  function protectAsOwner() {
    var p = SpreadsheetApp.getActive().getSheetByName("${SHEET}").protect().setDescription("Chỉ chủ tịch");
    p.removeEditors(p.getEditors());
  }`;

function events(env: ReturnType<typeof environment>): Record<string, unknown>[] {
  return JSON.parse(gas(env).PropertiesService.getScriptProperties().getProperty("events") ?? "[]");
}

// https://developers.google.com/apps-script/guides/triggers/events (Google Sheets: Edit)
describe("user edits and onEdit(e)", () => {
  it("a single-cell edit gives value and oldValue (as strings), range, source, user, LIMITED for the simple trigger", () => {
    const env = environment(RECORDER);
    env.userEdit(SHEET, "C3", 5);
    env.setUser(OWNER);
    env.userEdit(SHEET, "C3", 12);
    const id = (gas(env).SpreadsheetApp.getActive() as GoogleAppsScript.Spreadsheet.Spreadsheet).getId();
    expect(events(env)[1]).toEqual({
      kind: "simple",
      authMode: "LIMITED",
      range: "C3",
      sheet: SHEET,
      source: id,
      user: OWNER,
      value: "12",
      oldValue: "5",
    });
  });

  it("oldValue is absent when the cell had no content (doc: 'undefined if the cell had no previous content')", () => {
    const env = environment(RECORDER);
    env.userEdit(SHEET, "A1", "Tuyên truyền");
    expect(events(env)[0]).toMatchObject({ value: "Tuyên truyền" });
    expect(events(env)[0]).not.toHaveProperty("oldValue");
  });

  it("a multi-cell edit (paste) carries neither value nor oldValue", () => {
    const env = environment(RECORDER);
    env.userEdit(SHEET, "A2:B3", [
      ["15/04/2023", 3],
      ["16/04/2023", 4],
    ]);
    const [e] = events(env);
    expect(e).toMatchObject({ range: "A2:B3" });
    expect(e).not.toHaveProperty("value");
    expect(e).not.toHaveProperty("oldValue");
  });

  it("typed text is parsed like the vi_VN Sheets UI before the event: '1.234' is the number 1234", () => {
    const env = environment(RECORDER);
    const { range } = env.userEdit(SHEET, "D4", "1.234", { typed: true });
    expect((range as GoogleAppsScript.Spreadsheet.Range).getValue()).toBe(1234);
    expect(events(env)[0]).toMatchObject({ value: "1234" });
  });

  it("an installable on-edit trigger gets the same event with FULL authMode and its triggerUid", () => {
    const env = environment(RECORDER);
    const uid = env.run("install") as string;
    env.setUser(POLICE);
    const { fired } = env.userEdit(SHEET, "E5", 7);
    expect(fired.map((f) => [f.kind, f.functionName])).toEqual([
      ["simple-trigger", "onEdit"],
      ["installable-trigger", "onEntry"],
    ]);
    expect(events(env)[1]).toMatchObject({
      kind: "installable",
      authMode: "FULL",
      triggerUid: uid,
      user: POLICE,
      value: "7",
    });
  });

  // guides/triggers: "Script executions and API requests do not cause triggers to run."
  it("a script's own writes fire no trigger", () => {
    const env = environment(RECORDER);
    env.run("install");
    const before = env.executions.length;
    env.run("scriptWrites");
    expect(env.executions.length).toBe(before + 1);
    expect(events(env)).toEqual([]);
  });

  it("an edit refused by a protection throws Google's message, changes nothing and fires nothing", () => {
    const env = environment(RECORDER);
    env.run("protectAsOwner");
    env.setUser(POLICE);
    const before = env.executions.length;
    expect(() => env.userEdit(SHEET, "A1", "không được phép")).toThrow(
      "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
    );
    expect(env.executions.length).toBe(before);
    const sheet = (
      gas(env).SpreadsheetApp.getActive() as GoogleAppsScript.Spreadsheet.Spreadsheet
    ).getSheetByName(SHEET);
    expect(sheet?.getRange("A1").getValue()).toBe("");
  });

  it("a trigger's exception does not undo the user's edit", () => {
    const env = environment(`function onEdit(e) { throw new Error("lỗi trong trình kích hoạt"); }`);
    const { fired, range } = env.userEdit(SHEET, "B2", 9);
    expect(fired[0]).toMatchObject({ ok: false, error: "lỗi trong trình kích hoạt" });
    expect((range as GoogleAppsScript.Spreadsheet.Range).getValue()).toBe(9);
  });
});

// guides/triggers/events (Google Sheets: Open)
describe("open()", () => {
  it("runs the simple onOpen with a LIMITED event carrying source and user", () => {
    const env = environment(`function onOpen(e) {
      PropertiesService.getScriptProperties().setProperty("open", String(e.authMode) + "|" + e.source.getName() + "|" + e.user.getEmail()); }`);
    env.setUser(POLICE);
    env.open();
    expect(gas(env).PropertiesService.getScriptProperties().getProperty("open")).toBe(
      `LIMITED|Kế hoạch phòng, chống mại dâm năm 2023 – xã Quang Khải|${POLICE}`,
    );
  });
});

// guides/triggers: simple and installable triggers don't run "if a file is opened in read-only (view or
// comment) mode"; guides/triggers/installable: installable triggers run as the person who created them.
describe("who may act", () => {
  const LOGGING = `
    function onOpen() { PropertiesService.getScriptProperties().setProperty("opened", Session.getActiveUser().getEmail()); }
    function setup() {
      var ss = SpreadsheetApp.getActive();
      var log = ss.insertSheet("Nhật ký");
      var p = log.protect().setDescription("Chỉ chủ tịch");
      p.removeEditors(p.getEditors());
      ScriptApp.newTrigger("logEdit").forSpreadsheet(ss).onEdit().create();
      ScriptApp.newTrigger("opened").forSpreadsheet(ss).onOpen().create();
    }
    function opened() {}
    function logEdit(e) { SpreadsheetApp.getActive().getSheetByName("Nhật ký").appendRow([e.range.getA1Notation(), e.value]); }
    function onEdit(e) { SpreadsheetApp.getActive().getSheetByName("Nhật ký").getRange("D1").setValue("simple"); }
    function writeLog() { SpreadsheetApp.getActive().getSheetByName("Nhật ký").getRange("A1").setValue("sửa tay"); }`;

  it("a view-only user's open fires neither the simple nor the installable on-open trigger", () => {
    const env = environment(LOGGING);
    env.run("setup");
    (env.active as GoogleAppsScript.Spreadsheet.Spreadsheet).addViewer("xem@tuky.example");
    env.setUser("xem@tuky.example");
    expect(env.open()).toEqual([]);
    env.setUser(POLICE);
    expect(env.open().map((f) => f.functionName)).toEqual(["onOpen", "opened"]);
  });

  it("the owner's installable trigger may write to an owner-only tab on a staff edit; the staff's own code may not", () => {
    const env = environment(LOGGING);
    env.run("setup");
    env.setUser(POLICE);
    const { fired } = env.userEdit(SHEET, "B2", 4);
    const byName = Object.fromEntries(fired.map((f) => [f.functionName, f]));
    expect(byName.logEdit?.ok).toBe(true);
    expect(byName.onEdit?.ok).toBe(false);
    expect(byName.onEdit?.error).toContain("You are trying to edit a protected cell or object.");
    expect(env.runFromClient("writeLog", [])).toMatchObject({ ok: false });
    env.setUser(OWNER);
    const log = (env.active as GoogleAppsScript.Spreadsheet.Spreadsheet).getSheetByName("Nhật ký");
    expect(log?.getRange("A1:B1").getValues()).toEqual([["B2", 4]]);
  });

  it("a user action damaging the sheet (inserting columns) is refused on a protected tab and fires on-change triggers elsewhere", () => {
    const env = environment(`${LOGGING}
      function installChange() { ScriptApp.newTrigger("changed").forSpreadsheet(SpreadsheetApp.getActive()).onChange().create(); }
      function changed(e) { PropertiesService.getScriptProperties().setProperty("change", String(e.changeType)); }`);
    env.run("setup");
    env.run("installChange");
    env.setUser(POLICE);
    expect(() => env.userInsertColumns("Nhật ký", 1, 2)).toThrow(
      "You are trying to edit a protected cell or object.",
    );
    const fired = env.userInsertColumns(SHEET, 1, 2);
    expect(fired.map((f) => [f.functionName, f.effectiveUser])).toEqual([["changed", OWNER]]);
    expect(gas(env).PropertiesService.getScriptProperties().getProperty("change")).toBe("INSERT_COLUMN");
  });
});
