// Triggers and their event objects, and who the code runs as. A person or a second account acts here,
// so these run in the emulator only; `manual` says how to check each on Google.
import { type ContractCase, EDITOR, type Json, OUTSIDER, OWNER } from "../case";

const EVENTS = "https://developers.google.com/apps-script/guides/triggers/events";
const TRIGGERS = "https://developers.google.com/apps-script/guides/triggers";
const INSTALLABLE = "https://developers.google.com/apps-script/guides/triggers/installable";
const SESSION = "https://developers.google.com/apps-script/reference/base/session#getActiveUser()";

/** Handlers that write down what they were given and who Session says they run as. */
const RECORDER = `
function note_(kind, e) {
  var p = PropertiesService.getScriptProperties();
  var seen = JSON.parse(p.getProperty("seen") || "[]");
  var out = { kind: kind, authMode: String(e.authMode), user: e.user ? e.user.getEmail() : null,
              active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail() };
  if (e.range) out.range = e.range.getA1Notation();
  if ("value" in e) out.value = e.value;
  if ("oldValue" in e) out.oldValue = e.oldValue;
  if (e.changeType) out.changeType = String(e.changeType);
  if (e.source) out.sourceIsThisFile = e.source.getId() === SpreadsheetApp.getActiveSpreadsheet().getId();
  out.triggerUid = e.triggerUid ? "set" : "none";
  seen.push(out);
  p.setProperty("seen", JSON.stringify(seen));
}
function onEdit(e) { note_("simple", e); }
function onOpen(e) { note_("open", e); }
function installed(e) { note_("installable", e); }
function changed(e) { note_("change", e); }
function installEdit() { ScriptApp.newTrigger("installed").forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create(); }
function installChange() { ScriptApp.newTrigger("changed").forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onChange().create(); }
function who() { return Session.getActiveUser().getEmail() + " | " + Session.getEffectiveUser().getEmail(); }
function daily() { ScriptApp.newTrigger("tick").timeBased().everyDays(1).atHour(7).create(); }
function tick(e) {
  var ui = "shown";
  try { SpreadsheetApp.getUi(); } catch (err) { ui = err.message; }
  var fields = {};
  for (var k in e) fields[k] = k === "triggerUid" ? "set" : String(e[k]);
  fields.who = who();
  fields.ui = ui;
  PropertiesService.getScriptProperties().setProperty("tick", JSON.stringify(fields));
}
function sendFromSimple_() { MailApp.sendEmail("${OWNER}", "x", "y"); }
`;

const TAB = "Trang tính1";
type Seen = Record<string, Json>;
const seen = (gas: Parameters<ContractCase["run"]>[0]): Seen[] =>
  JSON.parse(gas.PropertiesService.getScriptProperties().getProperty("seen") ?? "[]") as Seen[];
const WORLD = { editors: [EDITOR, OUTSIDER] };

export const triggerCases: ContractCase[] = [
  {
    id: "triggers.on-edit-single-cell",
    behaviour:
      "A one-cell edit runs the simple onEdit(e) in LIMITED mode with range, source, user, and value/oldValue as strings (a number as its digits)",
    source: `${EVENTS}#edit`,
    covers: ["Range.getA1Notation", "Spreadsheet.getId", "User.getEmail", "Properties.setProperty"],
    reads: [
      "SheetsOnEdit.range",
      "SheetsOnEdit.value",
      "SheetsOnEdit.oldValue",
      "SheetsOnEdit.source",
      "AppsScriptEvent.user",
      "AppsScriptEvent.authMode",
    ],
    world: WORLD,
    script: RECORDER,
    manual:
      "Type 5 then 12 into C3 of a sheet whose script logs onEdit(e): value '12', oldValue '5', authMode LIMITED.",
    run(gas, world) {
      world.setUser(EDITOR);
      world.userEdit(TAB, "C3", 5);
      world.userEdit(TAB, "C3", 12);
      return seen(gas)[1]!;
    },
    expected: {
      kind: "simple",
      authMode: "LIMITED",
      user: EDITOR,
      active: EDITOR,
      effective: EDITOR,
      range: "C3",
      value: "12",
      oldValue: "5",
      sourceIsThisFile: true,
      triggerUid: "none",
    },
  },
  {
    id: "triggers.on-edit-no-old-value-for-an-empty-cell",
    behaviour: "oldValue is absent when the edited cell had no content, value absent when it is cleared",
    source: `${EVENTS}#edit`,
    covers: [],
    reads: ["SheetsOnEdit.value", "SheetsOnEdit.oldValue"],
    world: WORLD,
    script: RECORDER,
    manual: "Type into an empty cell, then clear it: the first event has no oldValue, the second no value.",
    run(gas, world) {
      world.userEdit(TAB, "A1", "Tuyên truyền");
      world.userEdit(TAB, "A1", "");
      return seen(gas).map((e) => ({ value: e.value ?? "(none)", oldValue: e.oldValue ?? "(none)" }));
    },
    expected: [
      { value: "Tuyên truyền", oldValue: "(none)" },
      { value: "(none)", oldValue: "Tuyên truyền" },
    ],
  },
  {
    id: "triggers.on-edit-paste-has-no-value",
    behaviour:
      "An edit of several cells at once (a paste) carries neither value nor oldValue; range is the whole block",
    source: `${EVENTS}#edit`,
    covers: [],
    reads: ["SheetsOnEdit.range", "SheetsOnEdit.value"],
    world: WORLD,
    script: RECORDER,
    manual: "Paste a 2×2 block: the event's range is the block and it has no value.",
    run(gas, world) {
      world.userEdit(TAB, "A2:B3", [
        ["15/04/2023", 3],
        ["16/04/2023", 4],
      ]);
      const [e] = seen(gas);
      return { range: e!.range!, value: "value" in e! ? "present" : "absent" };
    },
    expected: { range: "A2:B3", value: "absent" },
  },
  {
    id: "triggers.user-of-another-domain-is-blank",
    behaviour:
      "The owner's installable on-edit trigger runs as the owner (FULL); it sees the editor of its own Workspace domain, but a user of another domain as a blank user",
    source: SESSION,
    note: "\"the user's email address is not available in any context that allows a script to run without that user's authorization ... these restrictions generally do not apply if the developer ... belongs to the same Google Workspace domain as the user\"",
    covers: [
      "ScriptApp.newTrigger",
      "TriggerBuilder.forSpreadsheet",
      "SpreadsheetTriggerBuilder.onEdit",
      "SpreadsheetTriggerBuilder.create",
      "Session.getActiveUser",
      "Session.getEffectiveUser",
    ],
    reads: ["AppsScriptEvent.user", "AppsScriptEvent.triggerUid"],
    world: WORLD,
    script: RECORDER,
    manual:
      "As the owner install an on-edit trigger; edit as a colleague (same domain) and as someone@other: e.user is the colleague, then blank.",
    run(gas, world) {
      world.run("installEdit");
      for (const user of [EDITOR, OUTSIDER]) {
        world.setUser(user);
        world.userEdit(TAB, "B2", user);
      }
      return seen(gas)
        .filter((e) => e.kind === "installable")
        .map((e) => ({
          authMode: e.authMode!,
          user: e.user!,
          active: e.active!,
          effective: e.effective!,
          triggerUid: e.triggerUid!,
        }));
    },
    expected: [
      { authMode: "FULL", user: EDITOR, active: EDITOR, effective: OWNER, triggerUid: "set" },
      { authMode: "FULL", user: "", active: "", effective: OWNER, triggerUid: "set" },
    ],
  },
  {
    id: "triggers.consumer-accounts-are-blank-to-simple-triggers",
    behaviour:
      "With consumer accounts, a simple trigger sees the developer (owner) but an editor as blank, getEffectiveUser included",
    source: SESSION,
    note: 'getEffectiveUser: "In most other scenarios, this returns the same account as getActiveUser()".',
    covers: ["Session.getActiveUser", "Session.getEffectiveUser"],
    world: { ...WORLD, workspaceDomains: [] },
    script: RECORDER,
    manual: "With gmail.com accounts: the owner's edit logs their email, a shared editor's edit logs blanks.",
    run(gas, world) {
      world.userEdit(TAB, "A1", 1);
      world.setUser(EDITOR);
      world.userEdit(TAB, "A1", 2);
      return seen(gas).map((e) => [e.user!, e.active!, e.effective!]);
    },
    expected: [
      [OWNER, OWNER, OWNER],
      ["", "", ""],
    ],
  },
  {
    id: "triggers.script-writes-fire-nothing",
    behaviour: "A script's own writes (and API writes) run no trigger; only a person's edits do",
    source: TRIGGERS,
    note: '"Script executions and API requests do not cause triggers to run."',
    covers: ["Range.setValues"],
    world: WORLD,
    script: RECORDER,
    manual: "Install an on-edit trigger, write cells from a script: nothing is logged.",
    run(gas, world) {
      world.run("installEdit");
      gas.SpreadsheetApp.getActiveSpreadsheet()
        .getSheetByName(TAB)!
        .getRange("A1:B2")
        .setValues([
          [1, 2],
          [3, 4],
        ]);
      return seen(gas).length;
    },
    expected: 0,
  },
  {
    id: "triggers.simple-trigger-cannot-use-authorised-services",
    behaviour:
      "A simple trigger cannot call services that need authorisation (send mail, install triggers); the installable one can",
    source: `${TRIGGERS}#restrictions`,
    covers: ["MailApp.sendEmail", "ScriptApp.newTrigger"],
    world: WORLD,
    script: `function onEdit(e) {
      var out = [];
      try { MailApp.sendEmail("${OWNER}", "x", "y"); out.push("sent"); } catch (err) { out.push(err.message); }
      try { ScriptApp.newTrigger("onEdit").timeBased().everyDays(1).create(); out.push("installed"); } catch (err) { out.push(err.message); }
      PropertiesService.getScriptProperties().setProperty("simple", JSON.stringify(out));
    }`,
    manual: "From onEdit(e), try MailApp.sendEmail: 'You do not have permission to call MailApp.sendEmail…'.",
    run(gas, world) {
      world.userEdit(TAB, "A1", "x");
      return JSON.parse(gas.PropertiesService.getScriptProperties().getProperty("simple") ?? "null") as Json;
    },
    expected: [
      "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
      "You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp",
    ],
  },
  {
    id: "triggers.no-open-trigger-for-a-viewer",
    behaviour:
      "Opening the file with view-only access runs neither the simple nor the installable on-open trigger",
    source: `${TRIGGERS}#restrictions`,
    note: '"They do not run if a file is opened in read-only (view or comment) mode."',
    covers: ["Spreadsheet.addViewer"],
    world: WORLD,
    script: RECORDER,
    manual: "Open the sheet as a viewer: onOpen logs nothing; as an editor it logs.",
    run(gas, world) {
      gas.SpreadsheetApp.getActiveSpreadsheet().addViewer("viewer@school.example");
      world.setUser("viewer@school.example");
      const asViewer = world.open().length;
      world.setUser(EDITOR);
      const asEditor = world.open().map((f) => f.functionName);
      return { asViewer, asEditor };
    },
    expected: { asViewer: 0, asEditor: ["onOpen"] },
  },
  {
    id: "triggers.on-change-types",
    behaviour:
      "An installable on-change trigger gets changeType INSERT_ROW, REMOVE_ROW, INSERT_COLUMN, REMOVE_COLUMN, INSERT_GRID, REMOVE_GRID, EDIT, FORMAT or OTHER for a person's changes",
    source: `${EVENTS}#change`,
    covers: ["SpreadsheetTriggerBuilder.onChange", "SpreadsheetTriggerBuilder.create"],
    reads: ["SheetsOnChange.changeType", "AppsScriptEvent.user"],
    world: WORLD,
    script: RECORDER,
    manual:
      "Install an on-change trigger; insert/delete a row and a column, add/delete a tab, type, colour a cell, rename a tab.",
    run(gas, world) {
      world.run("installChange");
      world.setUser(EDITOR);
      world.userInsertRows(TAB, 1, 1);
      world.userDeleteRows(TAB, 2, 1);
      world.userInsertColumns(TAB, 1, 1);
      world.userDeleteColumns(TAB, 2, 1);
      world.userInsertSheet("Mới");
      world.userDeleteSheet("Mới");
      world.userEdit(TAB, "A1", "x");
      world.userFormat(TAB, "A1", { background: "#ffff00" });
      world.userRenameSheet(TAB, "Đã đổi");
      return seen(gas)
        .filter((e) => e.kind === "change")
        .map((e) => `${String(e.changeType)} by ${String(e.user)}`);
    },
    expected: [
      "INSERT_ROW",
      "REMOVE_ROW",
      "INSERT_COLUMN",
      "REMOVE_COLUMN",
      "INSERT_GRID",
      "REMOVE_GRID",
      "EDIT",
      "FORMAT",
      "OTHER",
    ].map((t) => `${t} by ${EDITOR}`),
  },
  {
    id: "triggers.time-driven-event",
    behaviour:
      "A time-driven trigger runs as its installer with a FULL event carrying triggerUid and the date fields (in UTC); there is no UI to show",
    source: `${EVENTS}#time-driven_events`,
    note: "SpreadsheetApp.getUi from a time-driven trigger: https://developers.google.com/apps-script/reference/base/ui (only for an open editor).",
    covers: [
      "ClockTriggerBuilder.everyDays",
      "ClockTriggerBuilder.atHour",
      "ClockTriggerBuilder.create",
      "TriggerBuilder.timeBased",
      "SpreadsheetApp.getUi",
    ],
    reads: ["AppsScriptEvent.authMode", "AppsScriptEvent.triggerUid"],
    world: WORLD,
    script: RECORDER,
    manual: "Install a daily 07:00 trigger whose handler logs its event object and tries getUi().",
    run(gas, world) {
      world.run("daily");
      world.setUser(EDITOR);
      world.runTimeTriggers(new Date("2023-04-11T00:00:00Z")); // 07:00 in Hanoi, the script's zone
      return JSON.parse(gas.PropertiesService.getScriptProperties().getProperty("tick") ?? "null") as Json;
    },
    expected: {
      authMode: "FULL",
      "day-of-month": "11",
      "day-of-week": "2",
      hour: "0",
      minute: "0",
      month: "4",
      second: "0",
      timezone: "UTC",
      triggerUid: "set",
      "week-of-year": "15",
      year: "2023",
      who: `${OWNER} | ${OWNER}`,
      ui: "Cannot call SpreadsheetApp.getUi() from this context.",
    },
  },
  {
    id: "session.who-in-each-context",
    behaviour:
      "getActiveUser/getEffectiveUser: a menu item and google.script.run run as the person; an installable trigger as its installer; a time-driven trigger as its installer",
    source: "https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()",
    note: `With Workspace accounts of one domain; the blank cases are in triggers.user-of-another-domain-is-blank. "Installable triggers always run under the account of the person who created them" (${INSTALLABLE}).`,
    covers: ["Session.getActiveUser", "Session.getEffectiveUser", "User.getEmail"],
    world: WORLD,
    script: RECORDER,
    manual:
      "Log who() from a menu item, a sidebar (google.script.run), onEdit, the owner's on-edit trigger and a daily trigger.",
    run(gas, world) {
      world.run("installEdit");
      world.run("daily");
      world.setUser(EDITOR);
      const menu = world.run("who");
      const client = world.runFromClient("who", []);
      world.userEdit(TAB, "A1", "x");
      world.runTimeTriggers(new Date("2023-04-11T00:00:00Z"));
      const [simple, installable] = seen(gas);
      const tick = JSON.parse(
        gas.PropertiesService.getScriptProperties().getProperty("tick") ?? "{}",
      ) as Seen;
      return {
        menu: menu as string,
        client: client.ok ? (client.value as string) : client.error,
        simpleTrigger: `${String(simple!.active)} | ${String(simple!.effective)}`,
        installableTrigger: `${String(installable!.active)} | ${String(installable!.effective)}`,
        timeDriven: tick.who!,
      };
    },
    expected: {
      menu: `${EDITOR} | ${EDITOR}`,
      client: `${EDITOR} | ${EDITOR}`,
      simpleTrigger: `${EDITOR} | ${EDITOR}`,
      installableTrigger: `${EDITOR} | ${OWNER}`,
      timeDriven: `${OWNER} | ${OWNER}`,
    },
  },
  {
    id: "triggers.on-change-where",
    behaviour:
      "An on-change event names no range: the tab a person changed is the source's active sheet (the one displayed to them), and the rows they inserted or deleted are what they have selected; only the sheet's size says how many",
    source: "https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveSheet()",
    note: 'Spreadsheet.getActiveSheet: "the sheet that is being displayed in the spreadsheet UI"; SpreadsheetApp.getActiveRange: "the selected range in the active sheet" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveRange()). That Sheets selects the rows it just inserted, and keeps the position of deleted ones, is the UI\'s behaviour, to check by hand; a trigger that runs late sees the selection as it is then.',
    covers: [
      "Spreadsheet.getActiveSheet",
      "SpreadsheetApp.getActiveRange",
      "Sheet.getName",
      "Sheet.getMaxRows",
      "Range.getRow",
      "Range.getNumRows",
      "Range.getColumn",
    ],
    reads: ["SheetsOnChange.changeType", "SheetsOnChange.source"],
    world: WORLD,
    script: `
function whereChanged(e) {
  var p = PropertiesService.getScriptProperties();
  var seen = JSON.parse(p.getProperty("where") || "[]");
  var sheet = e.source.getActiveSheet();
  var selected = SpreadsheetApp.getActiveRange();
  seen.push([String(e.changeType), sheet.getName(), sheet.getMaxRows(), selected.getRow(), selected.getNumRows(), selected.getColumn()]);
  p.setProperty("where", JSON.stringify(seen));
}
function installWhere() { ScriptApp.newTrigger("whereChanged").forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onChange().create(); }
`,
    manual:
      "Install an on-change trigger logging getActiveSheet().getName(), getMaxRows() and getActiveRange(); on a second tab insert 3 rows after row 4, delete rows 2-3, then insert a column after B.",
    run(gas, world) {
      world.run("installWhere");
      world.setUser(EDITOR);
      world.userInsertSheet("Thứ hai");
      world.setActiveSheet(TAB);
      world.userInsertRows("Thứ hai", 4, 3);
      world.userDeleteRows("Thứ hai", 2, 2);
      world.userInsertColumns("Thứ hai", 2, 1);
      return JSON.parse(gas.PropertiesService.getScriptProperties().getProperty("where") ?? "[]") as Json;
    },
    expected: [
      ["INSERT_GRID", "Thứ hai", 1000, 1, 1, 1],
      ["INSERT_ROW", "Thứ hai", 1003, 5, 3, 1],
      ["REMOVE_ROW", "Thứ hai", 1001, 2, 2, 1],
      ["INSERT_COLUMN", "Thứ hai", 1001, 1, 1001, 3],
    ],
  },
];
