// The Apps Script emulator's public seam (see README.md beside it): create a world, act in it as people
// and triggers do, read what happened. Everything else in this folder is the emulator's own.
export { createEnvironment } from "./environment";
export type {
  Drive,
  EditResult,
  EncodedMail,
  Environment,
  EnvironmentOptions,
  EnvironmentState,
  ExecutionRecord,
  ExecutionResult,
  FiredExecution,
  LogLine,
  CallCounts,
  RestoreOptions,
  ScriptFunction,
  WorldOptions,
} from "./types";
export type { AuthMode, Execution, ExecutionKind } from "./runtime";
export type { SentMail, SentAttachment, MailControl } from "./mail";
export type { MenuEntry, MenuRecord, UiLog, PanelRecord, AlertRecord, PromptRecord } from "./ui";
export type { TriggerRecord } from "./script-app";
export type { UserFormat } from "./spreadsheet/index";
export type { LockControl, LockKind } from "./lock";
export { LOCK_TIMEOUT_MESSAGE } from "./lock";

// For showing a world (the workbench): a cell's text as Sheets shows it, a saved world's spreadsheets,
// and wall-clock time in a zone.
export { displayValue } from "./spreadsheet/format";
export type {
  EncodedCell,
  EncodedSheet,
  EncodedSpreadsheet,
  EncodedValue,
  SheetsState,
  SnapshotCells,
} from "./spreadsheet/state";
export { fromLocal, localFields } from "./timezone";
