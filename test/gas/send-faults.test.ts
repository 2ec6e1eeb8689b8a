/**
 * One email per period, whatever fails around the monthly send (issue 12.5), through the built bundle:
 * the properties service failing right after the email went, the script lock held past its wait, no
 * mail quota for days, setup and settings run again between firings. In every case exactly one report
 * goes, or none and the send log says why; no retry triggers pile up.
 */
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/local/emulator/index";
import { CODE, sheet } from "./harness";
import { CHAIRMAN, OFFICE, officeSheet, typeAprilByStaff, vietnameseOnly } from "./people";

const SEND_TIME = new Date("2023-04-15T07:00:00+07:00");

function reports(env: Environment) {
  return env.outbox.filter((m) => m.subject.startsWith("Kết quả thực hiện"));
}

/** The send log as the office reads it: a cell cut to three lines has its whole text in its note. */
function sendLog(env: Environment): string[][] {
  const log = sheet(env, "Nhật ký gửi");
  const range = log.getRange(2, 1, log.getLastRow() - 1, 5);
  const notes = range.getNotes();
  return range.getDisplayValues().map((r, i) => r.map((v, c) => notes[i]![c] || v));
}

function retryTriggers(env: Environment): number {
  return env.triggers.filter((t) => t.handler === "retryMonthlyReport").length;
}

/** April typed, reports going directly (the faults are the send's, not the approval's). */
function april(opts: { mailQuota?: number } = {}): Environment {
  const env = officeSheet(opts.mailQuota === undefined ? {} : { mailQuota: opts.mailQuota }, {
    approval: "direct",
  });
  typeAprilByStaff(env);
  return env;
}

describe("the monthly send under faults", () => {
  it("does not send twice when recording 'sent' fails after the email went, and says why in the log", () => {
    const env = officeSheet({}, { approval: "direct" });
    // Reload the bundle with a MailApp whose successful send is followed by a failing properties service.
    let armed = false;
    const mail = env.globals.MailApp as Record<string, (...a: unknown[]) => unknown>;
    env.globals.MailApp = new Proxy(mail, {
      get(target, key) {
        if (key !== "sendEmail") return target[key as string];
        return (...args: unknown[]) => {
          const sent = target.sendEmail!(...args);
          if (armed) env.failNext("Properties.setProperty", "Service unavailable: Properties");
          return sent;
        };
      },
    });
    env.load(CODE);
    typeAprilByStaff(env);
    armed = true;
    env.runTimeTriggers(SEND_TIME);
    armed = false;
    expect(reports(env)).toHaveLength(1);
    // The hourly trigger (the retry) comes, and comes again: it knows the email may have gone.
    env.advanceTo(new Date("2023-04-16T12:00:00+07:00"));
    expect(reports(env)).toHaveLength(1);
    const doubts = sendLog(env).filter((r) => r[4]!.startsWith("Không rõ báo cáo tháng 4/2023"));
    expect(doubts).toHaveLength(1);
    expect(vietnameseOnly(doubts[0]![4]!)).toContain("tiện ích không tự gửi lại");
    expect(doubts[0]![4]).toContain(`thư mục "Đã gửi" của tài khoản ${OFFICE}`);
    expect(retryTriggers(env)).toBe(0);
    // The dialog shows the doubt; the office, having looked in the Sent folder, settles it.
    env.setUser(OFFICE);
    const state = env.runFromClient("getSendState", ["2023-04"]) as { value: { doubtSince: string | null } };
    expect(state.value.doubtSince).not.toBeNull();
    const marked = env.runFromClient("sendReportNow", [
      { periodKey: "2023-04", resend: false, markSent: true },
    ]);
    expect((marked as { value: { message: string } }).value.message).toContain("Đã ghi nhận báo cáo");
    const after = env.runFromClient("getSendState", ["2023-04"]) as {
      value: { doubtSince: string | null; sentAt: string | null };
    };
    expect(after.value.doubtSince).toBeNull();
    expect(after.value.sentAt).not.toBeNull();
    expect(reports(env)).toHaveLength(1);
  });

  it("retries when another execution holds the lock past its wait, logs it, and sends once", () => {
    const env = april();
    const release = env.locks.hold("script", { until: new Date("2023-04-15T07:40:00+07:00") });
    env.runTimeTriggers(SEND_TIME);
    expect(reports(env)).toHaveLength(0);
    const lines = sendLog(env).filter((r) => r[4]!.includes("khoá bị giữ quá 30 giây"));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(vietnameseOnly(lines[0]![4]!)).toContain("sẽ tự thử lại trong vòng một giờ");
    env.advanceTo(new Date("2023-04-15T09:30:00+07:00"));
    release();
    env.advanceTo(new Date("2023-04-16T09:30:00+07:00"));
    expect(reports(env)).toHaveLength(1);
    expect(retryTriggers(env)).toBe(0);
  });

  it("with no quota for days sends nothing, and logs it once a day; with too little, the same", () => {
    for (const quota of [0, 1]) {
      const env = april({ mailQuota: quota });
      env.runTimeTriggers(SEND_TIME);
      env.advanceTo(new Date("2023-04-18T23:00:00+07:00"));
      expect(reports(env), `quota ${quota}`).toHaveLength(0);
      const days = sendLog(env)
        .filter((r) => r[4]!.includes("hạn mức email còn"))
        .map((r) => r[0]!.slice(0, 10));
      expect(days).toEqual(["15/04/2023", "16/04/2023", "17/04/2023", "18/04/2023"]);
      expect(retryTriggers(env)).toBe(0);
    }
    // About 200 hourly executions through the bundle: 36–42 s alone at load 8, past the default 60 s
    // once in a full run at load 9.
  }, 120_000);

  it("sends once when the trigger fires twice and setup and settings are run again between firings", () => {
    const env = april();
    env.setUser(OFFICE);
    env.runTimeTriggers(SEND_TIME);
    env.run("setupSpreadsheet");
    env.runFromClient("saveSettings", [{ chairmanEmail: CHAIRMAN }]);
    env.runTimeTriggers(SEND_TIME);
    env.advanceTo(new Date("2023-04-16T08:00:00+07:00"));
    expect(reports(env)).toHaveLength(1);
    expect(env.triggers.filter((t) => t.handler === "onMonthlyTrigger")).toHaveLength(1);
    expect(env.triggers.filter((t) => t.handler === "onHourlyTrigger")).toHaveLength(1);
  });
});
