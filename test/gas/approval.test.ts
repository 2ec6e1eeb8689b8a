/**
 * Each person's month, through the built bundle in the emulator, as issue 11 tells it: staff enter
 * April; the draft goes to the chairman and the office only; the chairman opens his link and returns it
 * with a comment, the office corrects and sends the draft again, the chairman approves the corrected
 * version; exactly one report goes to the upper level, who opens the copy; staff then try to change an
 * approved row and are refused; the office's correction appears in the next report, once.
 */
import { describe, expect, it } from "vitest";
import type { Environment, SentMail } from "../../src/local/emulator/index";
import { columnOf, sheet, spreadsheet } from "./harness";
import { EXPECTED_APRIL } from "./month";
import {
  CHAIRMAN,
  CLERK,
  DISTRICT,
  OFFICE,
  officeSheet,
  POLICE,
  typeAprilByStaff,
  typeRow,
  vietnameseOnly,
} from "./people";

const DRAFT = "[Dự thảo – chờ duyệt]";
const APRIL_15 = new Date("2023-04-15T07:00:00+07:00");

function drafts(env: Environment): SentMail[] {
  return env.outbox.filter((m) => m.subject.startsWith(DRAFT));
}

function reports(env: Environment): SentMail[] {
  return env.outbox.filter((m) => m.subject.startsWith("Kết quả thực hiện"));
}

function client<T>(env: Environment, user: string, name: string, args: unknown[] = []): T {
  env.setUser(user);
  const r = env.runFromClient(name, args);
  if (!r.ok) throw new Error(`${name} as ${user}: ${r.error}`);
  return r.value as T;
}

interface ApprovalState {
  periodKey: string;
  html: string;
  fingerprint: string;
  canApprove: boolean;
  approval: { status: string; returns: { by: string; comment: string }[] };
}

/** The send log's lines as the office reads them: a cut cell has its whole text in its note. */
function sendLog(env: Environment): string[] {
  const log = sheet(env, "Nhật ký gửi");
  const range = log.getRange(2, 1, log.getLastRow() - 1, 5);
  const notes = range.getNotes();
  return range.getDisplayValues().map((r, i) => r.map((v, c) => notes[i]![c] || v).join(" | "));
}

/** The "Tin tố giác … tiếp nhận" cell of the police's first April row with one. */
function receivedCell(env: Environment): { row: number; column: number } {
  const s = sheet(env, "Công an xã");
  const column = columnOf(env, "Công an xã", "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)");
  const values = s.getRange(1, column, s.getLastRow(), 1).getValues();
  const row = values.findIndex((r, i) => i > 0 && r[0] !== "") + 1;
  return { row, column };
}

describe("each person's month, in the emulator", () => {
  const env = officeSheet();
  typeAprilByStaff(env);
  let approvalHtml = "";

  it("sends the draft, the day after the cut-off, to the chairman and the office only, with the figures and the sheet's link", () => {
    env.runTimeTriggers(APRIL_15);
    expect(env.outbox).toHaveLength(1);
    const draft = drafts(env)[0]!;
    // The office is the setup account and the clerk named in settings.
    expect([...draft.to].sort()).toEqual([CHAIRMAN, CLERK, OFFICE].sort());
    expect(draft.subject).toContain("tháng 4/2023");
    for (const [id, { figure }] of Object.entries(EXPECTED_APRIL)) expect(draft.body, id).toContain(figure);
    expect(draft.htmlBody).toContain("DỰ THẢO – CHỜ CHỦ TỊCH DUYỆT");
    // Its one link opens the sheet at the rollup tab, which both recipients may open; no copy yet.
    const rollup = sheet(env, "Tổng hợp");
    expect(draft.htmlBody).toContain(`${spreadsheet(env).getUrl()}#gid=${rollup.getSheetId()}`);
    expect(draft.attachments).toHaveLength(0);
    for (const who of draft.to) expect(env.sheets.role(spreadsheet(env).getId(), who)).not.toBe("none");
    // The upper level has nothing yet, and no copy was made for them.
    expect(reports(env)).toHaveLength(0);
    expect(env.spreadsheets.all()).toHaveLength(1);
  });

  it("shows the chairman, from his menu, the report exactly as it will go, stamped with his approval", () => {
    env.setUser(CHAIRMAN);
    env.open();
    const menu = env.ui.menus.at(-1)!;
    const captions = menu.items.flatMap((i) => (i.type === "item" ? [i.caption] : []));
    expect(captions).toEqual(["Hướng dẫn", "Duyệt báo cáo tháng…", "Tổng hợp tháng…"]);
    expect(menu.items.some((i) => i.type === "submenu")).toBe(false);
    const shown = env.clickMenu(menu.caption, "Duyệt báo cáo tháng…");
    expect(shown.ok).toBe(true);
    expect(env.ui.dialogs.at(-1)?.title).toBe("Duyệt báo cáo tháng");
    const state = client<ApprovalState>(env, CHAIRMAN, "getApprovalState", [null]);
    expect(state.periodKey).toBe("2023-04");
    expect(state.canApprove).toBe(true);
    expect(state.html).toContain(`Đã duyệt: ${CHAIRMAN}, lúc 15/04/2023 07:00`);
    // The office may look at it, not approve it.
    const office = client<ApprovalState>(env, OFFICE, "getApprovalState", ["2023-04"]);
    expect(office.canApprove).toBe(false);
    env.setUser(OFFICE);
    const refused = env.runFromClient("approveReport", [
      { periodKey: "2023-04", fingerprint: office.fingerprint },
    ]);
    expect(refused.ok).toBe(false);
    expect(vietnameseOnly((refused as { error: string }).error)).toContain(
      `Chỉ Chủ tịch UBND xã (${CHAIRMAN}) mới duyệt được báo cáo tháng.`,
    );
  });

  it("returns the draft with a comment that reaches the office by email and stays in the send log", () => {
    const comment = "Tin tố giác tiếp nhận tháng này là 4, không phải 3. Đề nghị kiểm tra lại.";
    const result = client<{ ok: boolean; message: string }>(env, CHAIRMAN, "returnReport", [
      { periodKey: "2023-04", comment },
    ]);
    expect(result.ok).toBe(true);
    const mail = env.outbox.at(-1)!;
    expect(mail.to).toEqual([OFFICE, CLERK]);
    expect(mail.subject).toBe("Chủ tịch trả lại dự thảo báo cáo tháng 4/2023 (15/03/2023 – 14/04/2023)");
    expect(mail.body).toContain(comment);
    // The chairman may not write the office's log: the line waits, and the next hourly run writes it.
    env.advanceTo(new Date("2023-04-15T08:05:00+07:00"));
    expect(sendLog(env).some((l) => l.includes("Trả lại dự thảo") && l.includes(comment))).toBe(true);
    expect(reports(env)).toHaveLength(0);
  });

  it("lets the office correct the figure and send the draft again, which the chairman approves", () => {
    const { row, column } = receivedCell(env);
    env.setUser(OFFICE);
    env.userEdit("Công an xã", sheet(env, "Công an xã").getRange(row, column).getA1Notation(), "4", {
      typed: true,
    });
    const handled = columnOf(env, "Công an xã", "Tin được xử lý kịp thời (tin)");
    env.userEdit("Công an xã", sheet(env, "Công an xã").getRange(row, handled).getA1Notation(), "4", {
      typed: true,
    });
    const sent = client<{ ok: boolean; message: string }>(env, OFFICE, "sendReportNow", [
      { periodKey: "2023-04", resend: false },
    ]);
    expect(sent.message).toContain("Đã gửi dự thảo báo cáo tháng 4/2023");
    expect(drafts(env)).toHaveLength(2);
    expect(drafts(env)[1]!.body).toContain(
      "CT5 – Tin tố giác, tin báo được xử lý kịp thời\n   Kết quả luỹ kế: 4/4 (100 %)",
    );

    const state = client<ApprovalState>(env, CHAIRMAN, "getApprovalState", ["2023-04"]);
    expect(state.approval.status).toBe("draft");
    expect(state.approval.returns).toHaveLength(1);
    approvalHtml = state.html;
    const approved = client<{ ok: boolean; message: string }>(env, CHAIRMAN, "approveReport", [
      { periodKey: "2023-04", fingerprint: state.fingerprint },
    ]);
    expect(approved.ok).toBe(true);
    expect(approved.message).toContain(`trong vòng một giờ, từ tài khoản ${OFFICE}`);
  });

  it("sends exactly one report to the upper level, from the office's account, as the chairman saw it", () => {
    env.advanceTo(new Date("2023-04-15T10:30:00+07:00"));
    expect(reports(env)).toHaveLength(1);
    const report = reports(env)[0]!;
    expect(report.from).toBe(OFFICE);
    expect([...report.to].sort()).toEqual([CHAIRMAN, DISTRICT].sort());
    expect(report.body).toMatch(
      new RegExp(`Đã duyệt: ${CHAIRMAN.replace(/\./g, "\\.")}, lúc 15/04/2023 08:\\d\\d`),
    );
    // What the chairman saw is what went: the same HTML but for the copy's link and the stamp's minute.
    const normalise = (html: string) =>
      html
        .replace(/lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/g, "lúc …")
        .replace(/<p style="margin:12px 0 0;[^"]*">.*?<\/p>/, "");
    expect(normalise(report.htmlBody ?? "")).toBe(normalise(approvalHtml));
    expect(report.attachments[0]!.contentType).toBe("application/pdf");
    // Every link opens for every recipient: only the copy's, which both may view; not the main sheet.
    expect(report.htmlBody).not.toContain(spreadsheet(env).getUrl());
    const copy = env.spreadsheets
      .all()
      .find((s) => (s as { getId(): string }).getId() !== spreadsheet(env).getId()) as {
      getId(): string;
      getUrl(): string;
    };
    expect(report.htmlBody).toContain(copy.getUrl());
    expect(env.sheets.role(copy.getId(), DISTRICT)).toBe("viewer");
    expect(env.sheets.role(copy.getId(), CHAIRMAN)).toBe("viewer");
    expect(env.sheets.role(spreadsheet(env).getId(), DISTRICT)).toBe("none");
    // Another morning's trigger or a second approval sends nothing more.
    env.runTimeTriggers(new Date("2023-04-16T07:00:00+07:00"));
    const again = client<{ ok: boolean; message: string }>(env, CHAIRMAN, "approveReport", [
      { periodKey: "2023-04", fingerprint: "x" },
    ]);
    expect(again.message).toContain("đã được duyệt lúc");
    env.advanceTo(new Date("2023-04-16T12:00:00+07:00"));
    expect(reports(env)).toHaveLength(1);
  });

  it("refuses staff a change to an approved row, and does not count a row they add to the approved period", () => {
    const { row, column } = receivedCell(env);
    env.setUser(POLICE);
    const cell = sheet(env, "Công an xã").getRange(row, column);
    expect(() => env.userEdit("Công an xã", cell.getA1Notation(), "9", { typed: true })).toThrow(/protected/);
    expect(cell.getValue()).toBe(4);

    const late = typeRow(env, POLICE, "Công an xã", {
      Ngày: "12/04/2023",
      "Nhiệm vụ": "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo",
      "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)": "2",
      "Tin được xử lý kịp thời (tin)": "2",
    });
    const status = sheet(env, "Công an xã")
      .getRange(late, columnOf(env, "Công an xã", "Trạng thái"))
      .getValue();
    expect(String(status)).toMatch(/^✗ Lỗi: Báo cáo tháng 4\/2023 .*đã được Chủ tịch duyệt/);
    // The row stays as typed, marked, and out of the figures.
    expect(sheet(env, "Công an xã").getRange(late, column).getValue()).toBe(2);
    const state = client<{ rollup: { indicators: { id: string; numerator: number }[] } }>(
      env,
      OFFICE,
      "getRollupState",
      ["2023-04"],
    );
    expect(state.rollup.indicators.find((i) => i.id === "CT5")!.numerator).toBe(4);
  });

  it("lists the office's correction after approval in the next report, once", () => {
    const { row, column } = receivedCell(env);
    env.setUser(OFFICE);
    env.userEdit("Công an xã", sheet(env, "Công an xã").getRange(row, column).getA1Notation(), "5", {
      typed: true,
    });
    env.runTimeTriggers(new Date("2023-05-15T07:00:00+07:00"));
    const may = drafts(env).at(-1)!;
    expect(may.subject).toContain("tháng 5/2023");
    const section = may.body.slice(may.body.indexOf("IV. SỐ LIỆU ĐIỀU CHỈNH SAU KHI DUYỆT"));
    expect(section).toContain(
      "tháng 4/2023 (15/03/2023 – 14/04/2023) – Công an xã – Tin tố giác, tin báo, khiếu nại tiếp nhận: 4 → 5",
    );
    const state = client<ApprovalState>(env, CHAIRMAN, "getApprovalState", ["2023-05"]);
    client(env, CHAIRMAN, "approveReport", [{ periodKey: "2023-05", fingerprint: state.fingerprint }]);
    env.advanceTo(new Date("2023-05-15T09:30:00+07:00"));
    expect(reports(env).at(-1)!.body).toContain("Tin tố giác, tin báo, khiếu nại tiếp nhận: 4 → 5");
    // Once told, no longer a correction: June's draft does not list it again.
    env.runTimeTriggers(new Date("2023-06-15T07:00:00+07:00"));
    expect(drafts(env).at(-1)!.body).not.toContain("SỐ LIỆU ĐIỀU CHỈNH SAU KHI DUYỆT");
  });
});

describe("a draft that waits", () => {
  it("reminds the chairman every N days (settings), and no more once he approved", () => {
    const env = officeSheet({}, { approvalReminderDays: 2 });
    typeAprilByStaff(env);
    env.runTimeTriggers(APRIL_15);
    const reminders = () => env.outbox.filter((m) => m.subject.startsWith("Nhắc duyệt báo cáo"));
    env.advanceTo(new Date("2023-04-16T23:00:00+07:00"));
    expect(reminders()).toHaveLength(0);
    env.advanceTo(new Date("2023-04-19T23:00:00+07:00"));
    // 17/04 07:00 (two days after the draft) and 19/04 07:00 (two days after that reminder).
    expect(reminders().map((m) => m.sentAt.toISOString())).toEqual([
      "2023-04-17T00:00:00.000Z",
      "2023-04-19T00:00:00.000Z",
    ]);
    expect(reminders().every((m) => m.to.join() === CHAIRMAN)).toBe(true);
    expect(reminders()[0]!.body).toContain('"Duyệt báo cáo tháng…"');
    const state = client<ApprovalState>(env, CHAIRMAN, "getApprovalState", ["2023-04"]);
    client(env, CHAIRMAN, "approveReport", [{ periodKey: "2023-04", fingerprint: state.fingerprint }]);
    env.advanceTo(new Date("2023-04-25T23:00:00+07:00"));
    expect(reminders()).toHaveLength(2);
  });
});
