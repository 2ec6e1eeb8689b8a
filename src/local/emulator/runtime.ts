// What every emulated service needs from the environment: the clock, the call counter, and the current
// execution (who it runs as, in which authorisation mode, whether a UI is attached).

export type AuthMode = "NONE" | "CUSTOM_FUNCTION" | "LIMITED" | "FULL";

export type ExecutionKind =
  | "editor" // a test or the workbench calling globals directly, as if run from the script editor
  | "simple-trigger"
  | "installable-trigger"
  | "time-trigger"
  | "menu"
  | "client"; // google.script.run

export interface Execution {
  readonly id: number;
  readonly kind: ExecutionKind;
  /** Whose authority the code runs with: what the model checks permissions against. */
  readonly effectiveUser: string;
  /** What Session.getEffectiveUser reports, when not effectiveUser ("" in a simple trigger that may not see the user). */
  readonly reportedEffectiveUser?: string;
  /** What Session.getActiveUser reports ("" where Google withholds it). */
  readonly activeUser: string;
  readonly authMode: AuthMode;
  /** False for time-driven triggers: there is no browser to show a dialog in. */
  readonly hasUi: boolean;
  readonly startedAt: number;
  /** Google stops an execution after 6 minutes (30 s for simple triggers). */
  readonly limitMs: number;
  readonly functionName: string;
  readonly logs: string[];
}

export interface Runtime {
  count(name: string): void;
  nowMs(): number;
  now(): Date;
  /** Emulated time passing inside an execution (Utilities.sleep, waiting for a lock). */
  advance(ms: number): void;
  readonly timeZone: string;
  readonly owner: string;
  /** The current execution, or an "editor" one run by the active user when nothing else runs. */
  exec(): Execution;
  boundSpreadsheetId(): string;
  log(line: string): void;
}
