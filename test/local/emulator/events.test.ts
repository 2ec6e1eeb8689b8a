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
