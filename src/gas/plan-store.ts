/**
 * The plan the sheet is set up with, kept in document properties by setup once it has checked the
 * "Kế hoạch" tab: every execution reads it from there (no Sheets call, no schema check: it was checked
 * when stored). Earlier versions, for the rollup of periods that ended before a change, are kept beside
 * it and read only by the rollup. A property value holds 9 KB, so each JSON is stored in chunks.
 */
import type { Plan } from "../core/plan";
import type { PlanVersion } from "../core/plan-versions";

const CURRENT = "ks.plan";
const EARLIER = "ks.planEarlier";
/** UTF-16 units per chunk: at most 3 bytes each in UTF-8, under the 9 KB limit of a value. */
const CHUNK = 2800;

type Props = GoogleAppsScript.Properties.Properties;

function readChunks(all: Record<string, string>, key: string): string | null {
  const n = Number(all[`${key}.n`] ?? "0");
  if (!Number.isInteger(n) || n <= 0) return null;
  let text = "";
  for (let i = 0; i < n; i++) {
    const part = all[`${key}.${i}`];
    if (part === undefined) return null;
    text += part;
  }
  return text;
}

function chunked(key: string, text: string, previous: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (let at = 0; at < text.length; at += CHUNK) {
    // A surrogate pair is never split: the chunk ends before its first half.
    let end = Math.min(at + CHUNK, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
    out[`${key}.${n++}`] = text.slice(at, end);
    at = end - CHUNK;
  }
  out[`${key}.n`] = String(n);
  for (const k of Object.keys(previous)) if (k.startsWith(`${key}.`) && !(k in out)) out[k] = "";
  return out;
}

function properties(): Props {
  return PropertiesService.getDocumentProperties();
}

/** The stored plan and the day it was applied, or null before the first setup. */
export function storedPlan(all: Record<string, string> = properties().getProperties()): PlanVersion | null {
  const text = readChunks(all, CURRENT);
  if (text === null) return null;
  try {
    return JSON.parse(text) as PlanVersion;
  } catch (err) {
    console.warn(`Kế hoạch lưu trong bảng tính không đọc được: ${String(err)}`);
    return null;
  }
}

export function earlierPlans(all: Record<string, string> = properties().getProperties()): PlanVersion[] {
  const text = readChunks(all, EARLIER);
  if (text === null) return [];
  try {
    return JSON.parse(text) as PlanVersion[];
  } catch (_) {
    return [];
  }
}

/** Stores the plan and its earlier versions in one write. */
export function storePlans(current: PlanVersion, earlier: readonly PlanVersion[]): void {
  const props = properties();
  const all = props.getProperties();
  const write = {
    ...chunked(CURRENT, JSON.stringify(current), all),
    ...chunked(EARLIER, JSON.stringify(earlier), all),
  };
  const blank = Object.keys(write).filter((k) => write[k] === "");
  for (const k of blank) delete write[k];
  props.setProperties(write);
  for (const k of blank) props.deleteProperty(k);
}

/** The plan every execution works with: the stored one, or `fallback` (the bundled plan) before setup. */
export function currentPlan(fallback: () => Plan): Plan {
  return storedPlan()?.plan ?? fallback();
}
