// MailApp: an outbox instead of SMTP, with Google's daily recipient quota and per-message limits.
// https://developers.google.com/apps-script/reference/mail/mail-app
// https://developers.google.com/apps-script/guides/services/quotas

import { blobOf } from "./blob";
import { permissionError } from "./errors";
import { expose } from "./expose";
import { isArrayLike, isPlainObject } from "./realm";
import type { Runtime } from "./runtime";

export interface SentAttachment {
  name: string | null;
  contentType: string | null;
  bytes: Uint8Array;
  size: number;
}

export interface SentMail {
  from: string;
  name?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  noReply: boolean;
  subject: string;
  body: string;
  htmlBody?: string;
  attachments: SentAttachment[];
  sentAt: Date;
}

export interface MailQuotaState {
  /** Per user: when the current 24-hour window started (ms) and how many recipients it used. */
  [user: string]: { windowStart: number; used: number };
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_BODY_BYTES = 200 * 1024;
export const MAX_ATTACHMENTS_BYTES = 25 * 1024 * 1024;

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[A-Za-z]{2,}$/;

function addresses(list: unknown): string[] {
  if (list === undefined || list === null || list === "") return [];
  return String(list)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export interface MailControl {
  readonly outbox: SentMail[];
  /** The next sendEmail throws `message` (as a transient Google failure would) and sends nothing. */
  failNext(message?: string): void;
  remaining(user: string): number;
  readonly limit: number;
}

export function createMailApp(
  rt: Runtime,
  opts: { limit: number; outbox: SentMail[]; quota: MailQuotaState },
) {
  const count = rt.count.bind(rt);
  let failure: string | undefined;

  const windowOf = (user: string) => {
    const now = rt.nowMs();
    let w = opts.quota[user];
    // Quotas reset 24 hours after the first request of the window.
    if (!w || now - w.windowStart >= DAY_MS) {
      w = { windowStart: now, used: 0 };
      opts.quota[user] = w;
    }
    return w;
  };
  const remaining = (user: string): number => {
    const w = opts.quota[user];
    if (!w || rt.nowMs() - w.windowStart >= DAY_MS) return opts.limit;
    return Math.max(0, opts.limit - w.used);
  };

  const requireFull = (method: string) => {
    if (rt.exec().authMode !== "FULL") throw permissionError(method, "script.send_mail");
  };

  function send(message: Record<string, unknown>): void {
    requireFull("MailApp.sendEmail");
    const to = addresses(message.to);
    const cc = addresses(message.cc);
    const bcc = addresses(message.bcc);
    const all = [...to, ...cc, ...bcc];
    for (const a of all) if (!EMAIL.test(a)) throw new Error(`Invalid email: ${a}`);
    if (message.replyTo !== undefined && message.replyTo !== "" && !EMAIL.test(String(message.replyTo))) {
      throw new Error(`Invalid email: ${String(message.replyTo)}`);
    }
    if (all.length === 0) throw new Error("Failed to send email: no recipient");
    if (all.length > MAX_RECIPIENTS_PER_MESSAGE)
      throw new Error("Limit Exceeded: Email Recipients Per Message.");
    const subject = message.subject === undefined ? "" : String(message.subject);
    const body = message.body === undefined || message.body === null ? "" : String(message.body);
    const htmlBody = message.htmlBody === undefined ? undefined : String(message.htmlBody);
    if (Buffer.byteLength(htmlBody ?? body, "utf8") > MAX_BODY_BYTES)
      throw new Error("Limit Exceeded: Email Body Size.");
    const attachments: SentAttachment[] = [];
    if (message.attachments !== undefined) {
      if (!isArrayLike(message.attachments)) throw new Error("Invalid argument: attachments");
      for (const a of message.attachments) {
        const b = blobOf(a);
        if (!b) throw new Error("Invalid argument: attachments");
        attachments.push({
          name: b.name,
          contentType: b.contentType,
          bytes: new Uint8Array(b.bytes),
          size: b.bytes.length,
        });
      }
    }
    const total = attachments.reduce((s, a) => s + a.size, 0);
    if (total > MAX_ATTACHMENTS_BYTES) throw new Error("Limit Exceeded: Email Total Attachments Size.");
    const from = rt.exec().effectiveUser;
    const w = windowOf(from);
    if (w.used + all.length > opts.limit)
      throw new Error("Service invoked too many times for one day: email.");
    if (failure !== undefined) {
      const m = failure;
      failure = undefined;
      throw new Error(m);
    }
    w.used += all.length;
    const mail: SentMail = {
      from,
      to,
      cc,
      bcc,
      noReply: message.noReply === true,
      subject,
      body,
      attachments,
      sentAt: rt.now(),
    };
    if (message.name !== undefined) mail.name = String(message.name);
    if (message.replyTo !== undefined && message.replyTo !== "") mail.replyTo = String(message.replyTo);
    if (htmlBody !== undefined) mail.htmlBody = htmlBody;
    opts.outbox.push(mail);
  }

  const mailApp = {
    sendEmail(...args: unknown[]): void {
      const [a, b, c, d] = args;
      if (args.length === 1 && isPlainObject(a)) {
        send(a);
        return;
      }
      if (args.length === 4 && typeof d === "string") {
        // sendEmail(to, replyTo, subject, body)
        send({ to: a, replyTo: b, subject: c, body: d });
        return;
      }
      if (args.length === 3 || args.length === 4) {
        const options = isPlainObject(d) ? d : {};
        send({ ...options, to: a, subject: b, body: c });
        return;
      }
      throw new Error(
        "Invalid argument: MailApp.sendEmail expects (message) or (recipient, subject, body[, options])",
      );
    },
    getRemainingDailyQuota(): number {
      requireFull("MailApp.getRemainingDailyQuota");
      return remaining(rt.exec().effectiveUser);
    },
  };

  const control: MailControl = {
    outbox: opts.outbox,
    failNext(message = "Service error: Mail") {
      failure = message;
    },
    remaining,
    limit: opts.limit,
  };
  return { service: expose("MailApp", mailApp, count), control };
}
