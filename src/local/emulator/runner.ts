// Executions: each run of a script function (menu item, google.script.run, trigger) with who it runs
// as, its authorisation mode and time limit, its logs and its result; and the Runtime every service reads
// the current execution and the clock from.
import type { AuthMode, Execution, ExecutionKind, Runtime } from "./runtime";
import type { ExecutionRecord, ExecutionResult, FiredExecution, LogLine, ScriptFunction } from "./types";
import type { Live, Settings } from "./world";

/** Google stops an execution after 6 minutes, a simple trigger after 30 seconds. */
const RUN_LIMIT_MS = 6 * 60 * 1000;
const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;

export interface RunAs {
  kind: ExecutionKind;
  functionName: string;
  effectiveUser: string;
  /** What Session.getEffectiveUser says, when not effectiveUser. */
  reportedEffectiveUser?: string;
  activeUser: string;
  authMode: AuthMode;
  args: unknown[];
  triggerUid?: string;
}

export interface Runner {
  rt: Runtime;
  execute(r: RunAs): FiredExecution;
  /** What the last failed execution threw, to rethrow it as it was. */
  lastError(): unknown;
  readonly logs: LogLine[];
  readonly executions: ExecutionRecord[];
}

function messageOf(e: unknown): string {
  if (e !== null && typeof e === "object" && "message" in e)
    return String((e as { message: unknown }).message);
  return String(e);
}

export function createRunner(deps: {
  live: Live;
  settings: Settings;
  count(name: string): void;
  boundSpreadsheetId(): string;
  functions(): Record<string, ScriptFunction>;
  /** Called when an execution ends (Google releases its locks). */
  ended(executionId: number): void;
}): Runner {
  const { live } = deps;
  const logs: LogLine[] = [];
  const executions: ExecutionRecord[] = [];
  const stack: Execution[] = [];
  let executionSeq = 0;
  let lastError: unknown;
  const editorLogs: string[] = [];

  // Outside any execution, code runs as from the script editor, by the active user.
  const editorExecution = (): Execution => ({
    id: 0,
    kind: "editor",
    effectiveUser: live.activeUser,
    activeUser: live.activeUser,
    authMode: "FULL",
    hasUi: true,
    startedAt: live.clock,
    limitMs: Number.POSITIVE_INFINITY,
    functionName: "",
    logs: editorLogs,
  });
  const exec = (): Execution => stack[stack.length - 1] ?? editorExecution();

  const rt: Runtime = {
    count: deps.count,
    nowMs: () => live.clock,
    now: () => new Date(live.clock),
    advance(ms) {
      live.clock += Math.max(0, ms);
      const e = exec();
      if (live.clock - e.startedAt > e.limitMs) throw new Error("Exceeded maximum execution time");
    },
    timeZone: deps.settings.timeZone,
    owner: deps.settings.owner,
    exec,
    boundSpreadsheetId: deps.boundSpreadsheetId,
    log(line) {
      const e = exec();
      e.logs.push(line);
      logs.push({ at: new Date(live.clock), executionId: e.id, functionName: e.functionName, message: line });
    },
  };

  function execute(r: RunAs): FiredExecution {
    const e: Execution = {
      id: ++executionSeq,
      kind: r.kind,
      effectiveUser: r.effectiveUser,
      ...(r.reportedEffectiveUser === undefined ? {} : { reportedEffectiveUser: r.reportedEffectiveUser }),
      activeUser: r.activeUser,
      authMode: r.authMode,
      hasUi: r.kind !== "time-trigger",
      startedAt: live.clock,
      limitMs: r.kind === "simple-trigger" ? SIMPLE_TRIGGER_LIMIT_MS : RUN_LIMIT_MS,
      functionName: r.functionName,
      logs: [],
    };
    const record: ExecutionRecord = {
      id: e.id,
      kind: e.kind,
      functionName: r.functionName,
      effectiveUser: r.effectiveUser,
      activeUser: r.activeUser,
      startedAt: new Date(live.clock),
      ok: true,
    };
    if (r.triggerUid !== undefined) record.triggerUid = r.triggerUid;
    executions.push(record);
    const fn = deps.functions()[r.functionName];
    let result: ExecutionResult;
    if (typeof fn !== "function") {
      result = { ok: false, error: `Script function not found: ${r.functionName}` };
    } else {
      stack.push(e);
      try {
        result = { ok: true, value: fn(...r.args) };
      } catch (err) {
        result = { ok: false, error: messageOf(err) };
        lastError = err;
      } finally {
        stack.pop();
        deps.ended(e.id);
      }
    }
    if (!result.ok) {
      record.ok = false;
      record.error = result.error;
    }
    return { ...record, result };
  }

  return { rt, execute, lastError: () => lastError, logs, executions };
}
