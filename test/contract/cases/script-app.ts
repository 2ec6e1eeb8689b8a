// ScriptApp: installing, listing and deleting triggers, and when time-driven ones fire.
import { type ContractCase, OWNER } from "../case";

const CLOCK = "https://developers.google.com/apps-script/reference/script/clock-trigger-builder";

const SCRIPT = `
function monthly() {
  return ScriptApp.newTrigger("report").timeBased().onMonthDay(15).atHour(7).inTimezone("Asia/Tokyo").create().getUniqueId();
}
function retry() { return ScriptApp.newTrigger("report").timeBased().after(10 * 60 * 1000).create().getUniqueId(); }
function report() {
  var p = PropertiesService.getScriptProperties();
  p.setProperty("runs", (p.getProperty("runs") || "") + new Date().toISOString() + " ");
}
function list() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction() + ":" + String(t.getEventType()); }); }
function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
function hourly() { return ScriptApp.newTrigger("tick").timeBased().everyHours(1).create().getUniqueId(); }
function tick(e) {
  var p = PropertiesService.getScriptProperties();
  var mine = ScriptApp.getProjectTriggers().some(function (t) { return t.getUniqueId() === e.triggerUid; });
  p.setProperty("ticks", (p.getProperty("ticks") || "") + new Date().toISOString() + (mine ? ":mine " : ":other "));
}
`;

export const scriptAppCases: ContractCase[] = [
  {
    id: "script-app.monthly-trigger",
    behaviour:
      "A trigger built with onMonthDay(15).atHour(7).inTimezone(zone) fires on the 15th at 7 o'clock on that zone's clock, as its installer",
    source: `${CLOCK}#onMonthDay(Integer)`,
    note: "atHour: the trigger runs within the hour given (Google adds up to ±15 minutes; the emulator fires at the hour's start).",
    covers: [
      "ScriptApp.newTrigger",
      "TriggerBuilder.timeBased",
      "ClockTriggerBuilder.onMonthDay",
      "ClockTriggerBuilder.atHour",
      "ClockTriggerBuilder.inTimezone",
      "ClockTriggerBuilder.create",
    ],
    script: SCRIPT,
    manual: "Install it and look at the trigger's next run in the script editor's Triggers page.",
    run(gas, world) {
      world.run("monthly");
      world.setUser("editor@school.example");
      const fired = world.advanceTo(new Date("2023-06-01T00:00:00Z"));
      return {
        runs: (gas.PropertiesService.getScriptProperties().getProperty("runs") ?? "").trim().split(" "),
        as: fired.map((f) => f.effectiveUser),
      };
    },
    expected: { runs: ["2023-04-14T22:00:00.000Z", "2023-05-14T22:00:00.000Z"], as: [OWNER, OWNER] },
  },
  {
    id: "script-app.one-off-after",
    behaviour: "A trigger built with after(ms) fires once, that long after it was created",
    source: `${CLOCK}#after(Integer)`,
    covers: ["ClockTriggerBuilder.after", "ClockTriggerBuilder.create"],
    script: SCRIPT,
    manual: "Install a retry 10 minutes later; it runs once.",
    run(gas, world) {
      world.run("retry");
      world.advanceTo(new Date(world.now().getTime() + 60 * 60 * 1000));
      return (gas.PropertiesService.getScriptProperties().getProperty("runs") ?? "").trim().split(" ");
    },
    expected: ["2023-04-10T02:10:00.000Z"],
  },
  {
    id: "script-app.list-and-delete",
    behaviour:
      "getProjectTriggers lists the current user's triggers (handler, event type); deleteTrigger removes one so it never fires",
    source: "https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()",
    covers: [
      "ScriptApp.getProjectTriggers",
      "Trigger.getHandlerFunction",
      "Trigger.getEventType",
      "ScriptApp.deleteTrigger",
    ],
    script: SCRIPT,
    manual: "Install two triggers, list them, delete them all, list again.",
    run(_gas, world) {
      world.run("monthly");
      world.run("retry");
      const before = world.run("list") as string[];
      world.setUser("editor@school.example");
      const others = world.run("list") as string[];
      world.setUser(OWNER);
      world.run("removeAll");
      return { before, others, after: world.run("list") as string[] };
    },
    expected: { before: ["report:CLOCK", "report:CLOCK"], others: [], after: [] },
  },
  {
    id: "script-app.hourly-trigger-and-its-uid",
    behaviour:
      "everyHours(1) fires once an hour, as its installer; the event's triggerUid is the unique id of one of the installer's own project triggers",
    source: `${CLOCK}#everyHours(Integer)`,
    note: "triggerUid: https://developers.google.com/apps-script/guides/triggers/events#time-driven_events (ID of trigger that produced this event); Trigger.getUniqueId: https://developers.google.com/apps-script/reference/script/trigger#getUniqueId()",
    covers: ["ClockTriggerBuilder.everyHours", "ClockTriggerBuilder.create", "Trigger.getUniqueId"],
    script: SCRIPT,
    manual:
      "Install an hourly trigger whose handler compares e.triggerUid with getProjectTriggers' ids; wait three hours.",
    run(gas, world) {
      const uid = world.run("hourly") as string;
      world.advanceTo(new Date("2023-04-10T05:30:00Z"));
      return {
        uidIsText: typeof uid === "string" && uid.length > 0,
        ticks: (gas.PropertiesService.getScriptProperties().getProperty("ticks") ?? "").trim().split(" "),
      };
    },
    expected: {
      uidIsText: true,
      ticks: [
        "2023-04-10T03:00:00.000Z:mine",
        "2023-04-10T04:00:00.000Z:mine",
        "2023-04-10T05:00:00.000Z:mine",
      ],
    },
  },
];
