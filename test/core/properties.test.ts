import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cell";
import { unitColumns } from "../../src/core/columns";
import {
  formatDateVi,
  formatPercent,
  formatWholeNumber,
  parseDate,
  parsePercent,
  parseWholeNumber,
  parseYesNo,
} from "../../src/core/parse";
import { validatePlan } from "../../src/core/plan-schema";
import { fromDayNumber, periodBounds, periodOf } from "../../src/core/periods";
import { computeRollup } from "../../src/core/rollup";
import { validateSettings } from "../../src/core/settings";
import type { Entry } from "../../src/core/validate";
import { checkRules } from "../../src/core/rules";
import { readUnitTab, validateEntry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

/** Anything getValues (or a careless adapter) could hand over for a cell. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("", " ", "1.234", "12,5", "-3", "Có", "khong", "15/04/2023", "31/02/2023", "0912 345 678"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
);

const unitArb = fc.constantFrom(...plan.units);
/** Dates as ISO strings from 1900-01-01 to 9998-12-31 (the period after 9999-12-14 would be year 10000). */
const isoArb = fc.integer({ min: -25567, max: 2932531 }).map(fromDayNumber);

describe("validation never throws", () => {
  it("validateEntry on arbitrary cells: an entry exactly when there is no error", () => {
    fc.assert(
      fc.property(unitArb, fc.array(cell, { minLength: 12, maxLength: 14 }), isoArb, (unit, cells, today) => {
        const input: Record<string, CellValue> = {};
        unitColumns(plan, unit).forEach((c, i) => {
          input[c.key] = cells[i] ?? null;
        });
        const r = validateEntry(plan, unit, input, { today });
        const hasError = r.issues.some((i) => i.severity === "error");
        expect(r.entry === null).toBe(hasError);
        for (const i of r.issues) {
          expect(i.message.length).toBeGreaterThan(0);
          // The safety net (an internal exception turned into an issue) must never be what answered.
          expect(i.message).not.toMatch(/^Không kiểm tra được/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("readUnitTab on arbitrary grids", () => {
    fc.assert(
      fc.property(unitArb, fc.array(fc.array(cell, { maxLength: 16 }), { maxLength: 8 }), (unit, grid) => {
        const header: CellValue[] = unitColumns(plan, unit).map((c) => c.header);
        const r = readUnitTab(plan, unit, [header, ...grid], { today: "2023-06-20" });
        expect(r.rows).toHaveLength(grid.length);
        for (const row of r.rows)
          for (const i of row.issues) expect(i.message).not.toMatch(/^Không kiểm tra được/);
        readUnitTab(plan, unit, grid, { today: "2023-06-20" });
      }),
      { numRuns: 150 },
    );
  });

  it("validatePlan and validateSettings on anything", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(typeof validatePlan(x).ok).toBe("boolean");
        expect(typeof validateSettings(x).ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });

  it("checkRules and computeRollup on arbitrary valid-shaped entries", () => {
    const numericIds = plan.elements.filter((e) => e.valueType !== "yesno").map((e) => e.id);
    const entryArb: fc.Arbitrary<Entry> = fc.record({
      unitId: fc.constantFrom(...plan.units.map((u) => u.id)),
      date: fc.integer({ min: 19431, max: 19705 }).map(fromDayNumber),
      task: fc.constant("x"),
      form: fc.constant(null),
      subUnit: fc.constantFrom(null, "thcs", "thon1"),
      values: fc.dictionary(fc.constantFrom(...numericIds), fc.nat({ max: 1000 })),
      content: fc.constant(""),
      notes: fc.constant(""),
    });
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 40 }),
        fc.constantFrom("2023-04", "2023-08", "2023-12"),
        (entries, key) => {
          for (const u of plan.units) {
            for (const i of checkRules(plan, u.id, entries))
              expect(i.message).not.toMatch(/^Không kiểm tra được/);
          }
          const r = computeRollup(plan, entries, key, { rule: "cutoff", generatedAt: "t" });
          expect(JSON.parse(JSON.stringify(r))).toEqual(r);
          for (const i of r.indicators) if (i.percent !== null) expect(Number.isFinite(i.percent)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("parse(format(x)) = x", () => {
  it("whole numbers", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(parseWholeNumber(formatWholeNumber(n), "Số")).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("dates", () => {
    fc.assert(
      fc.property(isoArb, (iso) => {
        expect(parseDate(formatDateVi(iso), "Ngày")).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it("percentages to one decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (tenths) => {
        expect(parsePercent(formatPercent(tenths / 10), "Tỉ lệ")).toEqual({ ok: true, value: tenths / 10 });
      }),
    );
  });

  it("yes/no", () => {
    fc.assert(
      fc.property(fc.boolean(), (b) => {
        expect(parseYesNo(b ? "Có" : "Không", "Có/Không")).toEqual({ ok: true, value: b });
      }),
    );
  });
});

describe("periods", () => {
  it("every date lies inside the bounds of its period, under both rules", () => {
    fc.assert(
      fc.property(isoArb, fc.constantFrom("cutoff" as const, "calendar" as const), (iso, rule) => {
        const b = periodBounds(periodOf(iso, rule), rule);
        expect(b.start <= iso && iso <= b.end).toBe(true);
      }),
    );
  });
});
