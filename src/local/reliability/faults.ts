/**
 * The monthly send under faults, through the built bundle: the trigger fired twice, the script lock held
 * past its wait, no mail quota for days, too little quota, MailApp failing once and for a whole day,
 * the properties service failing right after the email went, setup and settings run again between
 * firings, and the chairman approving twice. Each case must end with exactly one report for the period,
 * or none and a line in the send log saying why; never more than one trigger per handler, and no
 * one-off retry triggers piling up.
 */
import type { Environment } from "../emulator/index";
import { april, CHAIRMAN, officeSheet } from "./world";

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface FaultCase {
  name: string;
  /** Reports (not drafts) of tháng 4/2023 that went, and how many should have. */
  reports: number;
  expected: number;
  drafts: number;
  /** When none may go: the send log says why (quota, a doubt). */
  explained: boolean;
  /** Where the cause is the quota: the most send-log lines about it on one day (goal: one). */
  perDay: number;
  /** The most triggers any one handler has, and the one-off retry triggers. */
  perHandler: number;
  retries: number;
  ok: boolean;
}

const SEND = new Date("2023-04-15T07:00:00+07:00");

function sendLog(env: Environment): string[] {
  const log = (env.active as Ss).getSheetByName("Nhật ký gửi")!;
  const n = log.getLastRow() - 1;
  return n < 1
    ? []
    : log
        .getRange(2, 5, n, 1)
        .getDisplayValues()
        .map((r) => r[0]!);
}

/** The day (dd/mm/yyyy) of each send-log line matching `re`. */
function sendDays(env: Environment, re: RegExp): string[] {
  const log = (env.active as Ss).getSheetByName("Nhật ký gửi")!;
  const n = log.getLastRow() - 1;
  if (n < 1) return [];
  return log
    .getRange(2, 1, n, 5)
    .getDisplayValues()
    .filter((r) => re.test(r[4]!))
    .map((r) => r[0]!.slice(0, 10));
}

/** Reloads the bundle with a MailApp whose sendEmail does `wrap` around Google's. */
function wrapMail(env: Environment, code: string, wrap: (send: () => unknown) => unknown): void {
  const mail = env.globals.MailApp as Record<string, (...a: unknown[]) => unknown>;
  env.globals.MailApp = new Proxy(mail, {
    get: (target, key) =>
      key === "sendEmail"
        ? (...args: unknown[]) => wrap(() => target.sendEmail!(...args))
        : target[key as string],
  });
  env.load(code);
}

function outcome(
  name: string,
  env: Environment,
  expected: number,
  explain: RegExp | null,
  oncePerDay = false,
): FaultCase {
  const april4 = env.outbox.filter((m) => m.subject.includes("tháng 4/2023"));
  const reports = april4.filter((m) => !m.subject.startsWith("[Dự thảo")).length;
  const drafts = april4.length - reports;
  const byHandler = new Map<string, number>();
  for (const t of env.triggers) byHandler.set(t.handler, (byHandler.get(t.handler) ?? 0) + 1);
  const perHandler = Math.max(...byHandler.values());
  const retries = byHandler.get("retryMonthlyReport") ?? 0;
  const lines = explain === null ? [] : sendLog(env).filter((line) => explain.test(line));
  const explained = explain === null || lines.length > 0;
  const days = new Map<string, number>();
  for (const d of explain === null || !oncePerDay ? [] : sendDays(env, explain))
    days.set(d, (days.get(d) ?? 0) + 1);
  const perDay = Math.max(0, ...days.values());
  return {
    name,
    reports,
    expected,
    drafts,
    explained,
    perDay,
    perHandler,
    retries,
    ok: reports === expected && explained && perDay <= 1 && perHandler <= 1 && retries <= 1,
  };
}

export function sendFaults(code: string): FaultCase[] {
  const out: FaultCase[] = [];
  const direct = (opts: { mailQuota?: number } = {}) => {
    const env = officeSheet(opts.mailQuota === undefined ? {} : { mailQuota: opts.mailQuota }, {
      approval: "direct",
    });
    april(env);
    return env;
  };
  const day = (env: Environment, to: string) => env.advanceTo(new Date(to));

  {
    const env = direct();
    env.runTimeTriggers(SEND);
    env.runTimeTriggers(SEND);
    day(env, "2023-04-16T09:00:00+07:00");
    out.push(outcome("trigger fired twice", env, 1, null));
  }
  {
    const env = direct();
    const release = env.locks.hold("script", { until: new Date("2023-04-15T07:40:00+07:00") });
    env.runTimeTriggers(SEND);
    day(env, "2023-04-15T09:30:00+07:00");
    release();
    day(env, "2023-04-16T09:30:00+07:00");
    out.push(outcome("script lock held past its wait", env, 1, /khoá bị giữ/));
  }
  for (const [quota, name] of [
    [0, "mail quota 0 for four days"],
    [1, "partial quota (1 of 2 recipients) for four days"],
  ] as const) {
    const env = direct({ mailQuota: quota });
    env.runTimeTriggers(SEND);
    day(env, "2023-04-18T23:00:00+07:00");
    out.push(outcome(name, env, 0, /hạn mức email còn/, true));
  }
  {
    const env = direct();
    env.mail.failNext("Service invoked too many times in a short time: mail");
    env.runTimeTriggers(SEND);
    day(env, "2023-04-16T09:00:00+07:00");
    out.push(outcome("MailApp throwing once", env, 1, null));
  }
  {
    const env = officeSheet({}, { approval: "direct" });
    const until = new Date("2023-04-16T07:00:00+07:00").getTime();
    wrapMail(env, code, (send) => {
      if (env.now().getTime() < until) throw new Error("Service unavailable: Mail");
      return send();
    });
    april(env);
    env.runTimeTriggers(SEND);
    day(env, "2023-04-16T12:00:00+07:00");
    out.push(outcome("MailApp throwing for a day", env, 1, null));
  }
  {
    const env = officeSheet({}, { approval: "direct" });
    let armed = false;
    wrapMail(env, code, (send) => {
      const sent = send();
      if (armed) env.failNext("Properties.setProperty", "Service unavailable: Properties");
      return sent;
    });
    april(env);
    armed = true;
    env.runTimeTriggers(SEND);
    armed = false;
    day(env, "2023-04-17T12:00:00+07:00");
    out.push(outcome("properties failing after the send", env, 1, /Không rõ báo cáo tháng 4\/2023/));
  }
  {
    const env = direct();
    env.runTimeTriggers(SEND);
    env.run("setupSpreadsheet");
    env.runFromClient("saveSettings", [{ chairmanEmail: CHAIRMAN, approval: "direct" }]);
    env.runTimeTriggers(SEND);
    env.run("setupSpreadsheet");
    day(env, "2023-04-16T08:00:00+07:00");
    out.push(outcome("setup and settings run again between firings", env, 1, null));
  }
  {
    // With approval: the draft once, then the chairman approves twice (two windows) and the trigger
    // fires again: the report once.
    const env = officeSheet();
    april(env);
    env.runTimeTriggers(SEND);
    env.runTimeTriggers(SEND);
    env.setNow(new Date("2023-04-16T09:00:00+07:00"));
    env.setUser(CHAIRMAN);
    const state = env.runFromClient("getApprovalState", ["2023-04"]);
    const fingerprint = state.ok ? (state.value as { fingerprint: string }).fingerprint : "";
    for (let i = 0; i < 2; i++) env.runFromClient("approveReport", [{ periodKey: "2023-04", fingerprint }]);
    day(env, "2023-04-17T09:00:00+07:00");
    const c = outcome("approval: draft, approved twice, trigger again", env, 1, null);
    c.ok &&= c.drafts === 1;
    out.push(c);
  }
  return out;
}
