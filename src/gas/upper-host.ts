/**
 * What the upper level's tools (build/UpperTools.html) use of Code.js's own modules: handed over by
 * upper-tools-loader.ts when it loads them, so that the tools run the very same functions as the rest
 * of the add-in (the roles' records, the send log, the translated errors) without carrying a second
 * copy of them, and of the bundled plan and zod they import.
 */
import type * as Context from "./context";
import type * as Guard from "./guard";
import type * as MailRecord from "./mail-record";
import type * as PlanStore from "./plan-store";
import type * as Protect from "./protect";
import type * as Send from "./send";
import type * as SendLog from "./send-log";
import type * as Setup from "./setup";
import type * as Table from "./table";
import type * as Triggers from "./triggers";

export interface UpperHost {
  driveOwner: typeof Context.driveOwner;
  recordedSetupAccount: typeof Context.recordedSetupAccount;
  recordSetupAccount: typeof Context.recordSetupAccount;
  recordUpperMode: typeof Context.recordUpperMode;
  isUpperMode: typeof Context.isUpperMode;
  setupAccount: typeof Context.setupAccount;
  recordedInstaller: typeof Context.recordedInstaller;
  recordInstaller: typeof Context.recordInstaller;
  today: typeof Context.today;
  callerEmail: typeof Context.callerEmail;
  messageOf: typeof Guard.messageOf;
  translateError: typeof Guard.translateError;
  deliverOnce: typeof MailRecord.deliverOnce;
  mailRecord: typeof MailRecord.mailRecord;
  protectOfficeOnly: typeof Protect.protectOfficeOnly;
  storedPlan: typeof PlanStore.storedPlan;
  storePlans: typeof PlanStore.storePlans;
  runsAsInstaller: typeof Send.runsAsInstaller;
  appendSendLog: typeof SendLog.appendSendLog;
  flushPendingSendLog: typeof SendLog.flushPendingSendLog;
  loggedToday: typeof SendLog.loggedToday;
  layoutLog: typeof Table.layoutLog;
  ensureSheet: typeof Setup.ensureSheet;
  localise: typeof Setup.localise;
  ensureOne: typeof Triggers.ensureOne;
  writeTable: typeof Table.writeTable;
  setWidths: typeof Table.setWidths;
  dailyHandler: string;
  hourlyHandler: string;
}

/** Set once by init, before any of the tools runs. */
export let host: UpperHost;

export function init(h: UpperHost): void {
  host = h;
}
