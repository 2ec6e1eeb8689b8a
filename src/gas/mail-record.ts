/**
 * One email per period, whatever fails. Before a report (or a draft) is handed to MailApp, the intent
 * to send it is written; after, it is confirmed as sent. If the confirmation cannot be written (the
 * properties service failing right after the send), the record stays an intent: the next attempt does
 * not know whether the email went, so it does not send, and says so in the send log once; the office
 * looks in the sending account's "Sent" folder and decides in "Gửi báo cáo tháng…" (mark as sent, or
 * send again). A send that clearly failed (MailApp threw) removes its intent: nothing went.
 */
import type { PeriodKey } from "../core/periods";

export type MailKind = "report" | "draft";

export interface MailRecord {
  state: "intent" | "sent";
  at: string;
  recipients: string[];
  by: string;
  /** The doubt was written to the send log (once). */
  doubtLogged?: boolean;
}

const LEGACY_SENT_KEY = "ks.sentReports";

function keyOf(kind: MailKind, period: PeriodKey, round: number): string {
  return `ks.mail.${kind}.${period}${round > 0 ? `.${round}` : ""}`;
}

function props() {
  return PropertiesService.getDocumentProperties();
}

export function mailRecord(kind: MailKind, period: PeriodKey, round = 0): MailRecord | null {
  const raw = props().getProperty(keyOf(kind, period, round));
  if (raw) {
    try {
      const v = JSON.parse(raw) as MailRecord;
      if ((v.state === "intent" || v.state === "sent") && typeof v.at === "string") return v;
    } catch (_) {
      // Unreadable: treat as a doubt rather than as "never sent".
      return { state: "intent", at: "", recipients: [], by: "" };
    }
  }
  if (kind === "report") {
    // Sheets that sent reports before intents were recorded kept one map of every sent period.
    const legacy = props().getProperty(LEGACY_SENT_KEY);
    if (legacy) {
      try {
        const all = JSON.parse(legacy) as Record<string, { at: string; recipients: string[] }>;
        const old = all[period];
        if (old) return { state: "sent", at: old.at, recipients: old.recipients ?? [], by: "" };
      } catch (_) {
        // Ignore a damaged legacy map.
      }
    }
  }
  return null;
}

export function writeMailRecord(kind: MailKind, period: PeriodKey, round: number, record: MailRecord): void {
  props().setProperty(keyOf(kind, period, round), JSON.stringify(record));
}

export function clearMailRecord(kind: MailKind, period: PeriodKey, round: number): void {
  props().deleteProperty(keyOf(kind, period, round));
}

export type Delivery = { status: "sent"; at: string } | { status: "doubt"; since: string; logged: boolean };

/**
 * Sends through `send` at most once for (kind, period, round): intent, send, confirm. With `again`
 * (an explicit "Gửi lại", or the office resolving a doubt by sending) a previous record does not stop
 * it. Throws what `send` or the properties service threw; in a doubt, sends nothing.
 */
export function deliverOnce(
  kind: MailKind,
  period: PeriodKey,
  round: number,
  who: { recipients: string[]; by: string },
  again: boolean,
  send: () => void,
): Delivery {
  const previous = mailRecord(kind, period, round);
  if (previous?.state === "intent" && !again) {
    const logged = previous.doubtLogged === true;
    if (!logged) {
      try {
        writeMailRecord(kind, period, round, { ...previous, doubtLogged: true });
      } catch (_) {
        // Logged again next time: better twice in the log than a second email.
      }
    }
    return { status: "doubt", since: previous.at, logged };
  }
  const at = new Date().toISOString();
  writeMailRecord(kind, period, round, { state: "intent", at, ...who });
  try {
    send();
  } catch (err) {
    try {
      if (previous) writeMailRecord(kind, period, round, previous);
      else clearMailRecord(kind, period, round);
    } catch (_) {
      // The intent stays: the next attempt will ask the office rather than risk a second email.
    }
    throw err;
  }
  writeMailRecord(kind, period, round, { state: "sent", at, ...who });
  return { status: "sent", at };
}

/** The office checked the sending account's mailbox: the email in doubt did go. */
export function markSent(kind: MailKind, period: PeriodKey, round: number, by: string): boolean {
  const previous = mailRecord(kind, period, round);
  if (previous?.state !== "intent") return false;
  writeMailRecord(kind, period, round, { ...previous, state: "sent", by: previous.by || by });
  return true;
}
