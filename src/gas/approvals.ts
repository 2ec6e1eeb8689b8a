/** The approval records, one document property per period (core/approval.ts says what they mean). */
import type { ApprovalRecord, LockContext } from "../core/approval";
import { locksOf, parseApproval } from "../core/approval";
import type { PeriodKey } from "../core/periods";
import type { People } from "../core/roles";
import type { Settings } from "../core/settings";

const PREFIX = "ks.approval.";

export function readApprovals(): Map<PeriodKey, ApprovalRecord> {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const out = new Map<PeriodKey, ApprovalRecord>();
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(PREFIX)) out.set(k.slice(PREFIX.length), parseApproval(v));
  }
  return out;
}

export function readApproval(key: PeriodKey): ApprovalRecord {
  return parseApproval(PropertiesService.getDocumentProperties().getProperty(PREFIX + key));
}

export function writeApproval(key: PeriodKey, record: ApprovalRecord): void {
  PropertiesService.getDocumentProperties().setProperty(PREFIX + key, JSON.stringify(record));
}

/** What reading the tabs needs to leave out rows staff typed into approved periods. */
export function lockContext(
  people: People,
  settings: Settings,
  approvals: ReadonlyMap<PeriodKey, ApprovalRecord> = readApprovals(),
): LockContext {
  return { locks: locksOf(approvals), office: people.office, rule: settings.periodRule };
}
