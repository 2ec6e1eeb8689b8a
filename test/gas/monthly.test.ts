/** The monthly rollup, the report by email, retries and reminders — through the built bundle. */
import { describe, expect, it } from "vitest";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment } from "../../src/local/emulator/index";
import { a1, CODE, OWNER, POLICE, SCHOOL, SETTINGS, setUpSheet, sheet, spreadsheet } from "./harness";
import { EXPECTED_APRIL, NOT_REPORTED_APRIL, typeApril } from "./month";

const DISTRICT = "lanhdao@tuky.example";
const OTHERS = "nganh.khac@quangkhai.example";
/** The day after the cut-off of tháng 4/2023, at the default hour. */
const SEND_TIME = new Date("2023-04-15T07:00:00+07:00");

function april(opts: { mailQuota?: number } = {}) {
  const env = createEnvironment(
    appWorld({ owner: OWNER, now: new Date("2023-04-10T09:00:00+07:00"), ...opts }),
  );
  env.load(CODE);
  setUpSheet(env);
  env.runFromClient("saveSettings", [
    { ...SETTINGS, unitEditors: { ...SETTINGS.unitEditors, nganhKhac: [OTHERS] } },
  ]);
  typeApril(env);
  return env;
}

function rollupTab(env: ReturnType<typeof april>): string[][] {
  const s = sheet(env, "Tổng hợp");
  return s.getRange(1, 1, s.getLastRow(), 8).getDisplayValues();
}

function reportsSent(env: ReturnType<typeof april>) {
  return env.outbox.filter((m) => m.subject.startsWith("Kết quả thực hiện"));
}

describe("the rollup", () => {
  it("gives each indicator its hand-computed figure and status in the sidebar and the rollup tab", () => {
    const env = april();
    const state = env.runFromClient("getRollupState", ["2023-04"]);
    expect(state.ok).toBe(true);
    const rollup = (
      state as {
        value: {
          rollup: {
            indicators: { id: string; status: string }[];
            units: { name: string; reported: boolean }[];
          };
        };
      }
    ).value.rollup;
    for (const ind of rollup.indicators) expect(ind.status, ind.id).toBe(EXPECTED_APRIL[ind.id]!.status);
    expect(rollup.units.filter((u) => !u.reported).map((u) => u.name)).toEqual(NOT_REPORTED_APRIL);

    const written = env.runFromClient("writeRollupToTab", ["2023-04"]);
    expect(written).toMatchObject({ ok: true, value: { ok: true } });
    const rows = rollupTab(env);
    for (const [id, expected] of Object.entries(EXPECTED_APRIL)) {
      const row = rows.find((r) => r[0] === id)!;
      // "12/40 (30 %)": numerator and denominator as numbers, the rate as a percentage.
      const [fraction, percent] = expected.figure.replace(" tháng đạt", "").split(" (");
      expect(`${row[3]}/${row[4]}`, id).toBe(fraction);
      if (percent) expect(row[5], id).toBe(percent.replace(/ %\)$/, "%").replace(/^(\d+)%$/, "$1,0%"));
      expect(row[6], id).toMatch(new RegExp(`^${expected.status}( mục tiêu năm)?$`));
    }
    expect(rows.find((r) => r[0] === "CT2b")!.slice(6)).toEqual([
      "Chưa đạt mục tiêu năm",
      "Đúng tiến độ (cần 3,3 % đến kỳ này)",
    ]);
    const flat = rows.map((r) => r.join(" ")).join("\n");
    for (const name of NOT_REPORTED_APRIL) expect(flat).toContain(name);
  });

  it("reads every unit tab with one batchGet, whatever their size", () => {
    const env = april();
    env.resetCalls();
    env.runFromClient("writeRollupToTab", ["2023-04"]);
    expect(env.calls.get("ValuesCollection.batchGet")).toBe(1);
    expect(env.calls.get("Range.getValues")).toBe(0);
    // The tab, in one batchUpdate (table-batch.ts).
    expect(env.calls.get("SpreadsheetsCollection.batchUpdate")).toBe(1);
    expect(env.calls.get("Range.setValues")).toBe(0);
  });

  it("refuses to write the rollup tab for someone who is not of the office, in Vietnamese", () => {
    const env = april();
    env.setUser(POLICE);
    const result = env.runFromClient("writeRollupToTab", ["2023-04"]);
    expect(result.ok).toBe(false);
    expect((result as { error: string }).error).toContain("Chỉ văn phòng UBND xã (" + OWNER + ")");
  });
});

describe("the monthly report by email", () => {
  it("is sent once by the monthly trigger, to the chairman and the upper level, with HTML, text and the copy's PDF", () => {
    const env = april();
    env.runTimeTriggers(SEND_TIME);
    const sent = reportsSent(env);
    expect(sent).toHaveLength(1);
    const mail = sent[0]!;
    expect(mail.to.sort()).toEqual([DISTRICT, OWNER].sort());
    expect(mail.subject).toContain("xã Quang Khải");
    expect(mail.subject).toContain("tháng 4/2023");
    expect(mail.htmlBody).toContain("BÁO CÁO");
    expect(mail.htmlBody).toContain("Quang Khải, ngày 15 tháng 4 năm 2023");
    expect(mail.htmlBody).toContain("63,6 %");
    expect(mail.body).toContain("CT2c");
    expect(mail.body).toContain("33,3 %");
    // Nothing typed leaves the sheet: not the phone number, not the formula, not the content.
    for (const text of [mail.htmlBody ?? "", mail.body]) {
      expect(text).not.toContain("0912");
      expect(text).not.toContain("IMPORTRANGE");
      expect(text).not.toContain("karaoke");
    }
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.contentType).toBe("application/pdf");
    // Every link opens for every recipient: the upper level cannot open the main sheet, so the report
    // links only the read-only copy, which the chairman and the upper level both view.
    expect(mail.htmlBody).not.toContain(spreadsheet(env).getUrl());
    expect(mail.htmlBody).toMatch(/docs\.google\.com\/spreadsheets\/d\/[^"]+"[^>]*>mở bản xem/);
  });

  it("sends nothing more when the trigger fires twice or the owner presses send again", () => {
    const env = april();
    env.runTimeTriggers(SEND_TIME);
    env.runTimeTriggers(SEND_TIME);
    env.setUser(OWNER);
    const again = env.runFromClient("sendReportNow", [{ periodKey: "2023-04", resend: false }]);
    expect((again as { value: { ok: boolean; message: string } }).value.message).toContain("đã được gửi");
    expect(reportsSent(env)).toHaveLength(1);
    const state = (env.runFromClient("getSendState", ["2023-04"]) as { value: { sentAt: string | null } })
      .value;
    expect(state.sentAt).not.toBeNull();
    const resent = env.runFromClient("sendReportNow", [{ periodKey: "2023-04", resend: true }]);
    expect((resent as { value: { ok: boolean } }).value.ok).toBe(true);
    expect(reportsSent(env)).toHaveLength(2);
  });

  it("shows the recipients, the period and the remaining quota before sending", () => {
    const env = april();
    env.setUser(OWNER);
    const state = (
      env.runFromClient("getSendState", [null]) as {
        value: { periodKey: string; recipients: string[]; remainingQuota: number; problems: string[] };
      }
    ).value;
    expect(state.recipients.sort()).toEqual([DISTRICT, OWNER].sort());
    expect(state.remainingQuota).toBe(100);
    expect(state.problems).toEqual([]);
  });

  it("with no quota left sends nothing, and while it lasts tries every hour but logs once a day", () => {
    const env = april({ mailQuota: 0 });
    env.runTimeTriggers(SEND_TIME);
    expect(reportsSent(env)).toHaveLength(0);
    const log = sheet(env, "Nhật ký gửi");
    expect(String(log.getRange(log.getLastRow(), 5).getValue())).toContain("hạn mức");
    // The hourly trigger is the retry: no one-off retry triggers pile up.
    expect(env.triggers.filter((t) => t.handler === "retryMonthlyReport")).toHaveLength(0);
    expect(env.triggers.filter((t) => t.handler === "onHourlyTrigger")).toHaveLength(1);
    env.advanceTo(new Date("2023-04-17T23:30:00+07:00"));
    expect(reportsSent(env)).toHaveLength(0);
    const lines = log
      .getRange(2, 1, log.getLastRow() - 1, 5)
      .getDisplayValues()
      .filter((r) => r[4]!.includes("hạn mức"));
    expect(lines.map((r) => r[0]!.slice(0, 10))).toEqual(["15/04/2023", "16/04/2023", "17/04/2023"]);
  });

  it("when MailApp fails sends nothing partial, logs the error and succeeds on the retry", () => {
    const env = april();
    env.mail.failNext("Service unavailable: Gmail");
    const fired = env.runTimeTriggers(SEND_TIME);
    expect(fired.find((f) => f.functionName === "onMonthlyTrigger")?.ok).toBe(true);
    const log = sheet(env, "Nhật ký gửi");
    // The office reads the log: Google's words are translated (and kept in the execution log).
    const failed = log
      .getRange(2, 5, log.getLastRow() - 1, 1)
      .getValues()
      .map((r) => String(r[0]))
      .filter((r) => r.startsWith("Gửi thất bại"));
    expect(failed).toHaveLength(1);
    const line = failed[0]!;
    expect(line).toContain("Dịch vụ của Google đang tạm gián đoạn");
    expect(line).not.toContain("Service unavailable");
    expect(env.logs.some((l) => l.message.includes("Service unavailable: Gmail"))).toBe(true);
    // The hourly trigger (here in the same minute) sent it: once.
    env.advanceTo(new Date("2023-04-15T10:30:00+07:00"));
    expect(reportsSent(env)).toHaveLength(1);
    expect(reportsSent(env)[0]!.subject).toContain("tháng 4/2023");
  });

  it("refuses, with a clear message in the log, when settings have no recipients", () => {
    const env = april();
    env.setUser(OWNER);
    env.runFromClient("saveSettings", [{ ...SETTINGS, chairmanEmail: "", upperLevelEmails: [] }]);
    expect(() => env.runTimeTriggers(SEND_TIME)).not.toThrow();
    expect(reportsSent(env)).toHaveLength(0);
    const log = sheet(env, "Nhật ký gửi");
    expect(String(log.getRange(log.getLastRow(), 5).getValue())).toContain("Chưa có người nhận");
  });
});

describe("reminders", () => {
  it("go, a few days before the cut-off, to the editors of units with nothing in the open period — once", () => {
    const env = april();
    // 14/04 is the cut-off; reminders go 3 days before, at the daily trigger's hour.
    env.runTimeTriggers(new Date("2023-04-11T07:00:00+07:00"));
    env.runTimeTriggers(new Date("2023-04-11T07:00:00+07:00"));
    const reminders = env.outbox.filter((m) => m.subject.startsWith("Nhắc nhập báo cáo"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.to).toEqual([OTHERS]);
    expect(reminders[0]!.subject).toContain("tháng 4/2023");
    // Units that reported (the school, the police) get nothing.
    expect(env.outbox.some((m) => m.to.includes(SCHOOL) || m.to.includes(POLICE))).toBe(false);
  });
});

describe("the rollup tab as text", () => {
  it("keeps a formula-like value as text", () => {
    const env = april();
    env.setUser(OWNER);
    env.runFromClient("writeRollupToTab", ["2023-04"]);
    const s = sheet(env, "Tổng hợp");
    const formulas = s.getRange(1, 1, s.getLastRow(), 7).getFormulas().flat();
    expect(formulas.every((f) => f === "")).toBe(true);
    expect(a1(1, 1)).toBe("A1");
  });
});

describe("when something fails inside a trigger", () => {
  it("sends the report without the copy when the copy cannot be made, and says so in the log", () => {
    const env = april();
    env.failNext("SpreadsheetApp.create", "Service Spreadsheets failed while accessing document");
    env.runTimeTriggers(SEND_TIME);
    const sent = reportsSent(env);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.attachments).toHaveLength(0);
    const log = sheet(env, "Nhật ký gửi");
    const results = log
      .getRange(2, 5, log.getLastRow() - 1, 1)
      .getValues()
      .map((r) => String(r[0]));
    expect(
      results.some(
        (r) =>
          r.includes("Không cập nhật được bản xem") && r.includes("Dịch vụ của Google đang tạm gián đoạn"),
      ),
    ).toBe(true);
    expect(results.join("\n")).not.toContain("Service Spreadsheets failed");
  });

  it("logs an unexpected error instead of crashing, and schedules a retry", () => {
    const env = april();
    env.failNext("LockService.getScriptLock", "Lock service unavailable");
    const fired = env.runTimeTriggers(SEND_TIME);
    expect(fired.filter((f) => f.functionName === "onMonthlyTrigger").every((f) => f.result.ok)).toBe(true);
    const log = sheet(env, "Nhật ký gửi");
    const line = log
      .getRange(2, 5, log.getLastRow() - 1, 1)
      .getValues()
      .map((r) => String(r[0]))
      .find((r) => r.startsWith("Lỗi:"))!;
    expect(line).toContain("Sẽ tự thử lại");
    expect(line).not.toContain("Lock service unavailable");
    expect(env.logs.some((l) => l.message.includes("Lock service unavailable"))).toBe(true);
    // The hourly trigger tries again, and the report goes.
    env.advanceTo(new Date("2023-04-15T08:30:00+07:00"));
    expect(reportsSent(env)).toHaveLength(1);
  });
});
