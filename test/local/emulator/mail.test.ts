import { describe, expect, it } from "vitest";
import { DISTRICT, environment, gas, OWNER, POLICE } from "./harness";

const CHAIRMAN = OWNER;

// https://developers.google.com/apps-script/reference/mail/mail-app
describe("MailApp", () => {
  it("sendEmail(recipient, subject, body) puts the message in the outbox, sent by the user the script runs as", () => {
    const env = environment();
    gas(env).MailApp.sendEmail(CHAIRMAN, "Báo cáo tháng 4/2023", "Kính gửi Chủ tịch UBND xã");
    expect(env.outbox).toHaveLength(1);
    expect(env.outbox[0]).toMatchObject({
      from: OWNER,
      to: [CHAIRMAN],
      subject: "Báo cáo tháng 4/2023",
      body: "Kính gửi Chủ tịch UBND xã",
      sentAt: env.now(),
    });
  });

  it("sendEmail with options keeps htmlBody, name, replyTo, cc, bcc, noReply and attachments", () => {
    const env = environment();
    const { MailApp, Utilities } = gas(env);
    const pdf = Utilities.newBlob("%PDF-1.4 tiny", "application/pdf", "bao-cao-thang-4.pdf");
    MailApp.sendEmail(CHAIRMAN, "Báo cáo", "Văn bản thuần", {
      htmlBody: "<h1>BÁO CÁO</h1>",
      name: "UBND xã Quang Khải",
      replyTo: "vanthu@quangkhai.example",
      cc: `${DISTRICT}, phong.ldtbxh@tuky.example`,
      bcc: "luu.tru@quangkhai.example",
      noReply: true,
      attachments: [pdf],
    });
    const m = env.outbox[0]!;
    expect(m.htmlBody).toBe("<h1>BÁO CÁO</h1>");
    expect(m.name).toBe("UBND xã Quang Khải");
    expect(m.replyTo).toBe("vanthu@quangkhai.example");
    expect(m.cc).toEqual([DISTRICT, "phong.ldtbxh@tuky.example"]);
    expect(m.bcc).toEqual(["luu.tru@quangkhai.example"]);
    expect(m.noReply).toBe(true);
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]).toMatchObject({
      name: "bao-cao-thang-4.pdf",
      contentType: "application/pdf",
      size: 13,
    });
    expect(Buffer.from(m.attachments[0]!.bytes).toString()).toBe("%PDF-1.4 tiny");
  });

  it("sendEmail(message) takes every field from one object", () => {
    const env = environment();
    gas(env).MailApp.sendEmail({
      to: CHAIRMAN,
      subject: "Nhắc nhập số liệu",
      body: "Còn 3 ngày",
      htmlBody: "<p>Còn 3 ngày</p>",
    });
    expect(env.outbox[0]).toMatchObject({
      to: [CHAIRMAN],
      subject: "Nhắc nhập số liệu",
      htmlBody: "<p>Còn 3 ngày</p>",
    });
  });

  it("sendEmail(to, replyTo, subject, body) sets the reply-to address", () => {
    const env = environment();
    gas(env).MailApp.sendEmail(POLICE, "vanthu@quangkhai.example", "Nhắc", "Nội dung");
    expect(env.outbox[0]).toMatchObject({
      to: [POLICE],
      replyTo: "vanthu@quangkhai.example",
      subject: "Nhắc",
    });
  });

  // "Returns the number of recipients you can send emails to for the rest of the day"; quotas page:
  // 100 recipients a day for consumer accounts.
  it("counts every recipient (to, cc and bcc) against the daily quota", () => {
    const env = environment();
    const { MailApp } = gas(env);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail(CHAIRMAN, "s", "b", { cc: `${DISTRICT},phong.ldtbxh@tuky.example`, bcc: POLICE });
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
  });

  it("fails with Google's message once the daily quota is used, sending nothing", () => {
    const env = environment("", { mailQuota: 3 });
    const { MailApp } = gas(env);
    MailApp.sendEmail(`${CHAIRMAN},${DISTRICT}`, "1", "b");
    expect(() => MailApp.sendEmail(`${CHAIRMAN},${DISTRICT}`, "2", "b")).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(env.outbox.map((m) => m.subject)).toEqual(["1"]);
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
  });

  // Quotas page: "Quotas are per user and reset 24 hours after the first request."
  it("gives the quota back 24 hours after the first send", () => {
    const env = environment("", { mailQuota: 2 });
    const { MailApp } = gas(env);
    MailApp.sendEmail(`${CHAIRMAN},${DISTRICT}`, "s", "b");
    env.setNow(new Date(env.now().getTime() + 23 * 3600_000));
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    env.setNow(new Date(env.now().getTime() + 3600_000));
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
  });

  it("the quota is per user: another user's sends don't use it", () => {
    const env = environment("", { mailQuota: 1500 });
    const { MailApp } = gas(env);
    MailApp.sendEmail(CHAIRMAN, "s", "b");
    env.setUser(POLICE);
    expect(MailApp.getRemainingDailyQuota()).toBe(1500);
  });

  it("refuses an invalid address with 'Invalid email: …' and sends nothing", () => {
    const env = environment();
    const { MailApp } = gas(env);
    expect(() => MailApp.sendEmail(`${CHAIRMAN}, chu tich xa`, "s", "b")).toThrow(
      "Invalid email: chu tich xa",
    );
    expect(env.outbox).toHaveLength(0);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it("refuses more than 50 recipients in one message", () => {
    const env = environment();
    const many = Array.from({ length: 51 }, (_, i) => `thon${i}@quangkhai.example`).join(",");
    expect(() => gas(env).MailApp.sendEmail(many, "s", "b")).toThrow(
      "Limit Exceeded: Email Recipients Per Message.",
    );
  });

  it("a scripted failure makes the next send throw, with nothing sent and no quota used", () => {
    const env = environment();
    const { MailApp } = gas(env);
    env.mail.failNext("Service unavailable: Mail");
    expect(() => MailApp.sendEmail(CHAIRMAN, "s", "b")).toThrow("Service unavailable: Mail");
    expect(env.outbox).toHaveLength(0);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail(CHAIRMAN, "s", "b");
    expect(env.outbox).toHaveLength(1);
  });

  // Simple triggers "cannot access services that require authorization" (guides/triggers).
  it("a simple trigger cannot send mail", () => {
    const env = environment(`function onOpen(e) { MailApp.sendEmail("${CHAIRMAN}", "s", "b"); }`);
    const [fired] = env.open();
    expect(fired?.ok).toBe(false);
    expect(fired?.error).toBe(
      "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
    );
    expect(env.outbox).toHaveLength(0);
  });
});
