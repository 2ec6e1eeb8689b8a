// A world as JSON (Dates as ISO strings, bytes as base64), and the stores a world starts from: empty, or
// those of a saved state.
import type { CachesState } from "./cache";
import type { MailQuotaState, SentMail } from "./mail";
import type { PropertiesState } from "./properties";
import type { TriggerRecord } from "./script-app";
import type { EncodedMail, EnvironmentState } from "./types";

export function encodeMail(m: SentMail): EncodedMail {
  return {
    ...m,
    sentAt: m.sentAt.toISOString(),
    attachments: m.attachments.map((a) => ({
      name: a.name,
      contentType: a.contentType,
      size: a.size,
      base64: Buffer.from(a.bytes).toString("base64"),
    })),
  };
}

export function decodeMail(m: EncodedMail): SentMail {
  return {
    ...m,
    sentAt: new Date(m.sentAt),
    attachments: m.attachments.map((a) => {
      const bytes = new Uint8Array(Buffer.from(a.base64, "base64"));
      return { name: a.name, contentType: a.contentType, bytes, size: bytes.length };
    }),
  };
}

/** The services' stores, kept by the environment so a snapshot can take them all. */
export interface Stores {
  properties: PropertiesState;
  caches: CachesState;
  triggers: TriggerRecord[];
  nextTriggerSeq: number;
  outbox: SentMail[];
  mailUsage: MailQuotaState;
}

export function storesOf(st: EnvironmentState | undefined): Stores {
  if (!st) {
    return {
      properties: { script: {}, document: {}, user: {} },
      caches: {},
      triggers: [],
      nextTriggerSeq: 1,
      outbox: [],
      mailUsage: {},
    };
  }
  return {
    properties: structuredClone(st.properties),
    caches: structuredClone(st.caches),
    triggers: structuredClone(st.triggers),
    nextTriggerSeq: st.nextTriggerSeq,
    outbox: st.outbox.map(decodeMail),
    mailUsage: structuredClone(st.mailUsage),
  };
}
