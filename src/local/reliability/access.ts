/**
 * Every exported function of the built bundle (menu items, page endpoints, trigger handlers), called
 * by every person of the sheet through google.script.run, as a page of the add-in lets anyone do, with
 * plausible arguments: a function a person may not use must change nothing (no spreadsheet, property,
 * trigger or mail), and a trigger handler must do nothing for a made-up event or for someone else's
 * trigger. Who may use what is the table of docs/design-notes.md.
 */
import type { Environment } from "../emulator/index";
import {
  april,
  bundle,
  CHAIRMAN,
  CLERK,
  DISTRICT,
  OFFICE,
  officeSheet,
  POLICE,
  STAFF,
  STRANGER,
} from "./world";

export interface AccessResult {
  people: number;
  functions: number;
  calls: number;
  refused: number;
  /** Calls not for this person that changed something anyway (and refused calls that together did): 0. */
  privileged: number;
  /** Calls a person may make that failed: must be 0. */
  failedAllowed: number;
  examples: string[];
}

const MENU = [
  "showEntrySidebar",
  "showStatusSidebar",
  "showHelp",
  "showApprovalDialog",
  "showRollupSidebar",
  "checkAllData",
  "showSendDialog",
  "updateReadOnlyCopy",
  "showSettingsDialog",
  "setupSpreadsheet",
];
const OFFICE_CALLS = [
  "getEntryFormState",
  "submitEntry",
  "getSettingsState",
  "saveSettings",
  "getRollupState",
  "writeRollupToTab",
  "getSendState",
  "sendReportNow",
  "getApprovalState",
  "getUnitStatus",
];
const ALLOWED: Record<string, string[]> = {
  [OFFICE]: [...MENU, ...OFFICE_CALLS],
  [CLERK]: [...MENU, ...OFFICE_CALLS],
  [CHAIRMAN]: [
    "showHelp",
    "showApprovalDialog",
    "showRollupSidebar",
    "getRollupState",
    "getApprovalState",
    "approveReport",
    "returnReport",
  ],
  [POLICE]: [
    "showEntrySidebar",
    "showStatusSidebar",
    "showHelp",
    "getEntryFormState",
    "submitEntry",
    "getUnitStatus",
  ],
  [DISTRICT]: ["showHelp"],
  [STRANGER]: ["showHelp"],
};

/** Calls that only read, log, lock or talk to the person: anything else is an effect. */
const HARMLESS =
  /^(Session|Logger|console|Utilities)\.|\.(get\w*|is\w*|can\w*|has\w*)$|^Ui\.(alert|showSidebar|showModalDialog)$|^Html(Service|Output)\.|^Lock\.(tryLock|releaseLock)$|^DeveloperMetadataFinder\.|^SpreadsheetApp\.flush$/;

function digest(env: Environment): string {
  const s = env.snapshot();
  return JSON.stringify([s.spreadsheets, s.properties, s.triggers, s.outbox.length]);
}

function argsFor(env: Environment, name: string, me: string): unknown[] {
  switch (name) {
    case "submitEntry":
      return [
        {
          unitId: STAFF[0]!.unitId,
          fields: { date: "05/04/2023", task: "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm" },
        },
      ];
    case "saveSettings":
      return [{ chairmanEmail: me, upperLevelEmails: [me] }];
    case "getRollupState":
    case "writeRollupToTab":
    case "getSendState":
    case "getApprovalState":
      return ["2023-04"];
    case "sendReportNow":
      return [{ periodKey: "2023-04", resend: true }];
    case "approveReport": {
      env.setUser(CHAIRMAN);
      const state = env.runFromClient("getApprovalState", ["2023-04"]);
      env.setUser(me);
      return [
        {
          periodKey: "2023-04",
          fingerprint: state.ok ? (state.value as { fingerprint: string }).fingerprint : "",
        },
      ];
    }
    case "returnReport":
      return [{ periodKey: "2023-04", comment: "Đề nghị kiểm tra lại." }];
    default:
      return [];
  }
}

/** April entered and its draft sent; the 16th, 09:00. */
function world(): Environment {
  const env = officeSheet();
  april(env);
  env.runTimeTriggers(new Date("2023-04-15T07:00:00+07:00"));
  env.setNow(new Date("2023-04-16T09:00:00+07:00"));
  return env;
}

/** As every person (or those given). */
export function everyFunction(only?: readonly string[]): AccessResult {
  const result: AccessResult = {
    people: 0,
    functions: 0,
    calls: 0,
    refused: 0,
    privileged: 0,
    failedAllowed: 0,
    examples: [],
  };
  const note = (s: string) => {
    if (result.examples.length < 12) result.examples.push(s);
  };
  const names = Object.keys(world().load(bundle())).filter((n) => !n.endsWith("_"));
  result.functions = names.length;
  const people = Object.keys(ALLOWED).filter((p) => !only || only.includes(p));
  result.people = people.length;
  for (const me of people) {
    // One world per person; refused calls first, so each is checked against a world nothing changed.
    const env = world();
    const uids = new Map(env.triggers.map((t) => [t.handler, t.id]));
    const allowed = new Set(ALLOWED[me]);
    const order = [...names.filter((n) => !allowed.has(n)), ...names.filter((n) => allowed.has(n))];
    // Each refused call must call nothing that changes anything; all of them together must leave the
    // sheet, properties, triggers and mail as they were.
    const before = digest(env);
    let refusedDone = false;
    for (const name of order) {
      const handler = /^on[A-Z]\w*(Trigger|Installed)$|^retryMonthlyReport$/.test(name);
      const mayAct = (allowed.has(name) || name === "onOpen") && !handler;
      if (mayAct && !refusedDone) {
        refusedDone = true;
        if (digest(env) !== before) {
          result.privileged++;
          note(`as ${me}: the refused calls together changed the sheet, properties, triggers or mail`);
        }
      }
      const events: unknown[][] = handler
        ? [
            [{}],
            [{ triggerUid: "4034124084959900001" }],
            ...(me === OFFICE ? [] : [[{ triggerUid: uids.get(name) ?? "" }]]),
          ]
        : [argsFor(env, name, me)];
      for (const args of events) {
        env.setUser(me);
        env.resetCalls();
        const r = env.runFromClient(name, args);
        const effects = Object.keys(env.calls.counts).filter((c) => !HARMLESS.test(c));
        result.calls++;
        if (mayAct) {
          if (!r.ok) {
            result.failedAllowed++;
            note(`${name} as ${me} failed: ${r.error}`);
          }
          continue;
        }
        result.refused++;
        if (effects.length > 0) {
          result.privileged++;
          note(`${name} as ${me} ${JSON.stringify(args)}: ${effects.join(", ")}`);
        }
      }
    }
  }
  return result;
}
