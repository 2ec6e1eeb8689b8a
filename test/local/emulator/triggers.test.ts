import { describe, expect, it } from "vitest";
import { environment, gas, OWNER, POLICE } from "./harness";

const SCRIPT = `
  function installMonthly() {
    return ScriptApp.newTrigger("sendMonthly").timeBased().onMonthDay(15).atHour(7).nearMinute(0).create().getUniqueId();
  }
  function sendMonthly(e) {
    var p = PropertiesService.getScriptProperties();
    p.setProperty("runs", String(Number(p.getProperty("runs") || 0) + 1));
    p.setProperty("lastEvent", JSON.stringify(e));
    p.setProperty("ranAs", Session.getEffectiveUser().getEmail());
  }`;

const at = (iso: string) => new Date(iso);

// https://developers.google.com/apps-script/reference/script/clock-trigger-builder
// https://developers.google.com/apps-script/guides/triggers/events (time-driven events)
describe("ScriptApp time-driven triggers", () => {
  it("creates a monthly trigger that getProjectTriggers lists with its handler, type and id", () => {
    const env = environment(SCRIPT);
    const id = env.run("installMonthly") as string;
    const [t] = gas(env).ScriptApp.getProjectTriggers();
    expect(t?.getHandlerFunction()).toBe("sendMonthly");
    expect(String(t?.getEventType())).toBe("CLOCK");
    expect(String(t?.getTriggerSource())).toBe("CLOCK");
    expect(t?.getUniqueId()).toBe(id);
    expect(id).toMatch(/^\d+$/);
  });

  it("fires on the 15th at 07:00 in the script's zone, as its installer, whoever is using the sheet", () => {
    const env = environment(SCRIPT);
    const id = env.run("installMonthly") as string;
    env.setUser(POLICE);
    const fired = env.runTimeTriggers(at("2023-04-15T07:00:00+07:00"));
    expect(fired.map((f) => [f.functionName, f.effectiveUser, f.ok])).toEqual([["sendMonthly", OWNER, true]]);
    const props = gas(env).PropertiesService.getScriptProperties();
    expect(props.getProperty("ranAs")).toBe(OWNER);
    // The event's fields are given in UTC (events guide: timezone "UTC"): 07:00 in Vietnam is 00:00 UTC.
    expect(JSON.parse(props.getProperty("lastEvent") ?? "{}")).toEqual({
      authMode: "FULL",
      "day-of-month": 15,
      "day-of-week": 6,
      hour: 0,
      minute: 0,
      month: 4,
      second: 0,
      timezone: "UTC",
      triggerUid: id,
      "week-of-year": 15,
      year: 2023,
    });
  });

  it("does not fire on another day or hour", () => {
    const env = environment(SCRIPT);
    env.run("installMonthly");
    expect(env.runTimeTriggers(at("2023-04-14T07:00:00+07:00"))).toEqual([]);
    expect(env.runTimeTriggers(at("2023-04-15T08:00:00+07:00"))).toEqual([]);
    expect(env.runTimeTriggers(at("2023-04-15T07:00:00Z"))).toEqual([]);
  });

  it("inTimezone sets the zone the hour is read in", () => {
    const env = environment(`function install() {
      ScriptApp.newTrigger("tick").timeBased().everyDays(1).atHour(7).inTimezone("UTC").create(); }
      function tick() {}`);
    env.run("install");
    expect(env.runTimeTriggers(at("2023-04-15T07:00:00+07:00"))).toEqual([]);
    expect(env.runTimeTriggers(at("2023-04-15T14:00:00+07:00"))).toHaveLength(1);
  });

  it("everyDays(n).atHour(h) fires every n-th day at that hour; everyHours(n) every n hours", () => {
    // Created on 10/04 at 09:00: every 2 days at 08:00 counts days from the 10th (12th, 14th…).
    const env = environment(`function install() {
      ScriptApp.newTrigger("remind").timeBased().everyDays(2).atHour(8).create();
      ScriptApp.newTrigger("poll").timeBased().everyHours(6).create(); }
      function remind() {} function poll() {}`);
    env.run("install");
    const fired = env
      .advanceTo(at("2023-04-14T23:59:00+07:00"))
      .map((f) => `${f.functionName}@${f.startedAt.toISOString()}`);
    expect(fired.filter((f) => f.startsWith("remind"))).toEqual([
      "remind@2023-04-12T01:00:00.000Z",
      "remind@2023-04-14T01:00:00.000Z",
    ]);
    expect(fired.filter((f) => f.startsWith("poll"))).toHaveLength(2 + 4 * 4);
  });

  it("a one-off trigger (at or after) fires once", () => {
    const env = environment(`function install() {
      ScriptApp.newTrigger("retry").timeBased().after(30 * 60 * 1000).create();
      ScriptApp.newTrigger("once").timeBased().at(new Date("2023-04-11T07:00:00+07:00")).create(); }
      function retry() {} function once() {}`);
    env.run("install");
    const fired = env.advanceTo(at("2023-04-12T00:00:00+07:00"));
    expect(fired.map((f) => [f.functionName, f.startedAt.toISOString()])).toEqual([
      ["retry", "2023-04-10T02:30:00.000Z"],
      ["once", "2023-04-11T00:00:00.000Z"],
    ]);
    expect(env.runTimeTriggers(at("2023-04-12T07:00:00+07:00"))).toEqual([]);
  });

  it("advanceTo fires a monthly trigger once a month", () => {
    const env = environment(SCRIPT);
    env.run("installMonthly");
    env.advanceTo(at("2023-07-31T00:00:00+07:00"));
    expect(gas(env).PropertiesService.getScriptProperties().getProperty("runs")).toBe("4");
  });

  it("deleteTrigger removes a trigger so it no longer fires", () => {
    const env = environment(`${SCRIPT}
      function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }`);
    env.run("installMonthly");
    env.run("removeAll");
    expect(env.triggers).toHaveLength(0);
    expect(env.runTimeTriggers(at("2023-04-15T07:00:00+07:00"))).toEqual([]);
  });

  // guides/services/quotas: 20 triggers per user per script.
  it("refuses a 21st trigger for the same user with Google's message; another user may still add one", () => {
    const env = environment(SCRIPT);
    for (let i = 0; i < 20; i++) env.run("installMonthly");
    expect(() => env.run("installMonthly")).toThrow(
      "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
    );
    env.setUser(POLICE);
    expect(() => env.run("installMonthly")).not.toThrow();
  });

  // getProjectTriggers: "Gets all installable triggers associated with the current project and current user."
  it("getProjectTriggers lists only the current user's triggers", () => {
    const env = environment(`${SCRIPT} function count() { return ScriptApp.getProjectTriggers().length; }`);
    env.run("installMonthly");
    env.setUser(POLICE);
    expect(env.run("count")).toBe(0);
    env.setUser(OWNER);
    expect(env.run("count")).toBe(1);
  });

  it("a trigger whose handler no longer exists fails that execution with 'Script function not found'", () => {
    const env = environment(
      `function install() { ScriptApp.newTrigger("gone").timeBased().everyDays(1).atHour(7).create(); }`,
    );
    env.run("install");
    const [f] = env.runTimeTriggers(at("2023-04-11T07:00:00+07:00"));
    expect(f?.ok).toBe(false);
    expect(f?.error).toBe("Script function not found: gone");
  });

  it("rejects schedule values Google does not accept", () => {
    const { ScriptApp } = gas(environment());
    expect(() => ScriptApp.newTrigger("f").timeBased().everyMinutes(7)).toThrow();
    expect(() => ScriptApp.newTrigger("f").timeBased().atHour(24)).toThrow();
    expect(() => ScriptApp.newTrigger("f").timeBased().onMonthDay(0)).toThrow();
  });
});

// https://developers.google.com/apps-script/guides/triggers/installable
describe("ScriptApp spreadsheet triggers", () => {
  const EDIT = `
    function install() { ScriptApp.newTrigger("onEntry").forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
    function onEntry(e) { MailApp.sendEmail("${OWNER}", "Sửa " + e.range.getA1Notation(), "bởi " + Session.getActiveUser().getEmail()); }
    function mine() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).map(function (t) { return t.getHandlerFunction(); }); }`;

  it("an installable on-edit trigger runs as its installer on a user's edit, able to use services needing authorisation", () => {
    const env = environment(EDIT);
    env.run("install");
    env.setUser(POLICE);
    const { fired } = env.userEdit("Trang tính1", "B2", 5);
    expect(fired.map((f) => [f.functionName, f.kind, f.effectiveUser, f.ok])).toEqual([
      ["onEntry", "installable-trigger", OWNER, true],
    ]);
    expect(env.outbox[0]).toMatchObject({ from: OWNER, subject: "Sửa B2", body: `bởi ${POLICE}` });
  });

  it("getUserTriggers(spreadsheet) lists the current user's triggers for that spreadsheet", () => {
    const env = environment(EDIT);
    env.run("install");
    expect(env.run("mine")).toEqual(["onEntry"]);
    env.setUser(POLICE);
    expect(env.run("mine")).toEqual([]);
  });

  it("a simple trigger cannot install triggers", () => {
    const env = environment(
      `function onOpen() { ScriptApp.newTrigger("x").timeBased().everyDays(1).create(); }`,
    );
    const [f] = env.open();
    expect(f?.error).toBe(
      "You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp",
    );
    expect(env.triggers).toHaveLength(0);
  });
});
