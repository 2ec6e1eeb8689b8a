/**
 * A plan changed during the year, and what the sheet must do about it.
 *
 * Setup applies the plan of the "Kế hoạch" tab on a day; the plan it replaces is kept as an earlier
 * version when some period ended while it was in force. The rollup of a period uses the version in
 * force at the period's end, so changing the plan in July leaves June's rollup exactly as it was
 * (a target raised, a unit removed, a column renamed), while July on follows the new plan.
 *
 * Units and data columns are tied together by their stable code: a unit whose tab name changed keeps
 * its tab (renamed), a column whose label changed keeps its data (its header rewritten), a unit removed
 * keeps its tab (archived, office only) and a column removed keeps its data (the header stays). Earlier
 * versions are kept aligned with the sheet as it is now (tab names and headers of the current plan for
 * the same codes), so reading the tabs under any version finds the same cells.
 */
import { elementHeader } from "./columns";
import type { IsoDate, PeriodKey, PeriodRule } from "./periods";
import { periodBounds, planPeriods } from "./periods";
import type { Indicator, Plan, Unit } from "./plan";
import { targetText } from "./rollup";

export interface PlanVersion {
  /** The day setup applied it. */
  from: IsoDate;
  plan: Plan;
}

/**
 * The plan in force at `date`: the latest version applied on or before it; before the first one, the
 * first one (a sheet set up in March still reads its earliest months with its first plan).
 */
export function planInForce(current: PlanVersion, earlier: readonly PlanVersion[], date: IsoDate): Plan {
  let best: PlanVersion | null = null;
  let first: PlanVersion = current;
  for (const v of [...earlier, current]) {
    if (v.from < first.from) first = v;
    if (v.from <= date && (best === null || v.from >= best.from)) best = v;
  }
  return (best ?? first).plan;
}

/** The plan that governs a period's rollup: the one in force at the period's end. */
export function planForPeriod(
  current: PlanVersion,
  earlier: readonly PlanVersion[],
  key: PeriodKey,
  rule: PeriodRule,
): Plan {
  if (earlier.length === 0) return current.plan;
  return planInForce(current, earlier, periodBounds(key, rule).end);
}

/**
 * The earlier versions once `replaced` gives way on `today`: it is kept if a period of its year ended
 * while it was in force (so that period's rollup can be made again), dropped otherwise.
 */
export function retireVersion(
  earlier: readonly PlanVersion[],
  replaced: PlanVersion,
  today: IsoDate,
  rule: PeriodRule,
): PlanVersion[] {
  const governed = planPeriods(replaced.plan, rule).some((k) => {
    const end = periodBounds(k, rule).end;
    return end >= replaced.from && end < today;
  });
  const kept = earlier.filter((v) => v.from < replaced.from);
  return governed ? [...kept, replaced] : kept;
}

/**
 * An earlier version laid onto the sheet as it is now: for every code the current plan still has, the
 * current tab name and column label (a tab renamed or a column relabelled is the same tab and column).
 */
export function alignToCurrent(old: Plan, current: Plan): Plan {
  const units = new Map(current.units.map((u) => [u.id, u]));
  const elements = new Map(current.elements.map((e) => [e.id, e]));
  return {
    ...old,
    units: old.units.map((u) => {
      const now = units.get(u.id);
      return now ? { ...u, tabName: now.tabName } : u;
    }),
    elements: old.elements.map((e) => {
      const now = elements.get(e.id);
      return now ? { ...e, label: now.label, measure: now.measure } : e;
    }),
  };
}

export interface PlanChanges {
  /** Units whose tab name changed: the tab is renamed. */
  renamedTabs: { unitId: string; from: string; to: string }[];
  /** Units no longer in the plan: their tab is kept, archived. */
  removedUnits: Unit[];
  addedUnits: Unit[];
  /** Columns whose header changed, per unit tab that has them. */
  renamedColumns: { elementId: string; tabName: string; from: string; to: string }[];
  /** Columns a unit no longer has: their data stay in the tab. */
  removedColumns: { elementId: string; tabName: string; header: string }[];
  addedColumns: { elementId: string; tabName: string; header: string }[];
  /** Indicators whose target changed (for earlier periods the old target still judges). */
  changedTargets: { id: string; from: string; to: string }[];
  removedIndicators: string[];
  addedIndicators: string[];
}

function indicatorTarget(ind: Indicator): string {
  return targetText(ind);
}

/** What changes between the plan the sheet was set up with and the plan of the tab. */
export function planChanges(previous: Plan, next: Plan): PlanChanges {
  const prevUnits = new Map(previous.units.map((u) => [u.id, u]));
  const nextUnits = new Map(next.units.map((u) => [u.id, u]));
  const out: PlanChanges = {
    renamedTabs: [],
    removedUnits: previous.units.filter((u) => !nextUnits.has(u.id)),
    addedUnits: next.units.filter((u) => !prevUnits.has(u.id)),
    renamedColumns: [],
    removedColumns: [],
    addedColumns: [],
    changedTargets: [],
    removedIndicators: [],
    addedIndicators: [],
  };
  for (const u of next.units) {
    const before = prevUnits.get(u.id);
    if (before && before.tabName !== u.tabName)
      out.renamedTabs.push({ unitId: u.id, from: before.tabName, to: u.tabName });
  }
  const prevElements = new Map(previous.elements.map((e) => [e.id, e]));
  const nextElements = new Map(next.elements.map((e) => [e.id, e]));
  for (const u of next.units) {
    if (!prevUnits.has(u.id)) continue;
    for (const e of next.elements.filter((x) => x.unitIds.includes(u.id))) {
      const before = prevElements.get(e.id);
      if (!before?.unitIds.includes(u.id)) {
        out.addedColumns.push({ elementId: e.id, tabName: u.tabName, header: elementHeader(e) });
      } else if (elementHeader(before) !== elementHeader(e)) {
        out.renamedColumns.push({
          elementId: e.id,
          tabName: u.tabName,
          from: elementHeader(before),
          to: elementHeader(e),
        });
      }
    }
    for (const e of previous.elements.filter((x) => x.unitIds.includes(u.id))) {
      if (!nextElements.get(e.id)?.unitIds.includes(u.id))
        out.removedColumns.push({ elementId: e.id, tabName: u.tabName, header: elementHeader(e) });
    }
  }
  const prevIndicators = new Map(previous.indicators.map((i) => [i.id, i]));
  const nextIds = new Set(next.indicators.map((i) => i.id));
  for (const ind of next.indicators) {
    const before = prevIndicators.get(ind.id);
    if (!before) out.addedIndicators.push(ind.id);
    else if (indicatorTarget(before) !== indicatorTarget(ind))
      out.changedTargets.push({ id: ind.id, from: indicatorTarget(before), to: indicatorTarget(ind) });
  }
  for (const ind of previous.indicators) if (!nextIds.has(ind.id)) out.removedIndicators.push(ind.id);
  return out;
}

/** Units of earlier versions that the current plan no longer has, by the tab they keep (latest first). */
export function archivedUnits(current: Plan, earlier: readonly PlanVersion[]): Unit[] {
  const now = new Set(current.units.map((u) => u.id));
  const seen = new Set<string>();
  const out: Unit[] = [];
  for (const v of [...earlier].reverse()) {
    for (const u of v.plan.units) {
      if (now.has(u.id) || seen.has(u.id)) continue;
      seen.add(u.id);
      out.push(u);
    }
  }
  return out;
}

/** Every header a unit's tab had under an earlier version, for columns the current plan dropped. */
export function formerHeaders(unitId: string, earlier: readonly PlanVersion[]): Set<string> {
  const out = new Set<string>();
  for (const v of earlier)
    for (const e of v.plan.elements) if (e.unitIds.includes(unitId)) out.add(elementHeader(e));
  return out;
}

/** The same plan, as data (key order aside). */
export function samePlan(a: Plan, b: Plan): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return "[" + v.map(canonical).join(",") + "]";
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return (
      "{" +
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
        .map((k) => JSON.stringify(k) + ":" + canonical(o[k]))
        .join(",") +
      "}"
    );
  }
  return JSON.stringify(v);
}
