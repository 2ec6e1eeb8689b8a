/**
 * The upper level's part of the server, kept out of Code.js (build/UpperTools.html, see
 * scripts/build.mjs): compiled the first time an execution of an upper level's workbook needs it, once
 * per execution, and handed the functions of Code.js it uses (upper-host.ts). A commune's executions
 * load it only to write a sent period's figures into its intake file at the upper level (push.ts).
 */
import { driveOwner, isUpperMode, recordedInstaller, recordedSetupAccount, recordInstaller } from "./context";
import { callerEmail, recordSetupAccount, recordUpperMode, setupAccount, today } from "./context";
import { messageOf, translateError } from "./guard";
import { deliverOnce, mailRecord } from "./mail-record";
import { storedPlan, storePlans } from "./plan-store";
import { protectOfficeOnly } from "./protect";
import { runsAsInstaller } from "./send";
import { appendSendLog, flushPendingSendLog, loggedToday } from "./send-log";
import { ensureSheet, localise } from "./setup";
import { layoutLog, setWidths, writeTable } from "./table";
import { DAILY_HANDLER, ensureOne, HOURLY_HANDLER } from "./triggers";
import type * as Tools from "./upper-tools";

export type UpperTools = typeof Tools;

let tools: UpperTools | null = null;

export function upperTools(): UpperTools {
  if (!tools) {
    const loaded = new Function(
      HtmlService.createHtmlOutputFromFile("UpperTools").getContent(),
    )() as UpperTools;
    loaded.init({
      driveOwner,
      recordedSetupAccount,
      recordSetupAccount,
      recordUpperMode,
      isUpperMode,
      setupAccount,
      recordedInstaller,
      recordInstaller,
      today,
      callerEmail,
      messageOf,
      translateError,
      deliverOnce,
      mailRecord,
      protectOfficeOnly,
      storedPlan,
      storePlans,
      runsAsInstaller,
      appendSendLog,
      flushPendingSendLog,
      loggedToday,
      layoutLog,
      ensureSheet,
      localise,
      ensureOne,
      writeTable,
      setWidths,
      dailyHandler: DAILY_HANDLER,
      hourlyHandler: HOURLY_HANDLER,
    });
    tools = loaded;
  }
  return tools;
}
