/**
 * "Tình hình báo cáo của đơn vị…": for the caller's own units (all units for the office), the open
 * period so far: entries, the last entry's date, rows with problems, who enters for the unit, and the
 * periods already approved (locked). Read-only, from one read of the tabs.
 */
import { locksOf } from "../core/approval";
import { formatDateVi, openPeriod, periodBounds, periodLabel, periodShortLabel } from "../core/periods";
import { hasRole } from "../core/roles";
import type { UnitStatusState } from "./api";
import { readApprovals } from "./approvals";
import type { SheetContext } from "./context";
import { sendContext } from "./options";
import { readData } from "./send";

export function unitStatus(c: SheetContext): UnitStatusState {
  const sc = sendContext(c);
  const key = openPeriod(sc.today, c.settings.periodRule);
  const { start, end } = periodBounds(key, c.settings.periodRule);
  const rollup = readData(sc, true).rollupOf(key);
  const office = hasRole(c.person, "office");
  const mine = (id: string) => office || c.person.units.includes(id);
  const approvals = readApprovals();
  return {
    periodLabel: periodShortLabel(key),
    start: formatDateVi(start),
    end: formatDateVi(end),
    today: formatDateVi(sc.today),
    units: rollup.units
      .filter((u) => mine(u.unitId))
      .map((u) => {
        const rows = (severity: "error" | "warning") =>
          new Set(
            rollup.problems
              .filter((p) => p.kind === "entry" && p.unitId === u.unitId && p.severity === severity)
              .map((p) => p.rowNumber),
          ).size;
        return {
          id: u.unitId,
          name: u.name,
          tabName: u.tabName,
          editors: c.people.staff[u.unitId] ?? [],
          entries: u.entryCount,
          reported: u.reported,
          lastEntryDate: u.lastEntryDate ? formatDateVi(u.lastEntryDate) : null,
          errorRows: rows("error"),
          warningRows: rows("warning"),
        };
      }),
    locked: locksOf(approvals)
      .sort((a, b) => (a.periodKey < b.periodKey ? -1 : 1))
      .map((l) => ({
        label: periodLabel(l.periodKey, c.settings.periodRule),
        approvedAt: new Date(l.approvedAt).toISOString(),
      })),
  };
}
