/**
 * Small zod/mini building blocks shared by the plan and settings schemas. Every check is a refinement:
 * one zod check kind keeps the Apps Script bundle small (each built-in check pulls in its own code)
 * and lets every message be Vietnamese.
 */
import * as z from "zod/mini";
import type { PeriodRule } from "./periods";

/** A whole number in [min, max]. A custom check rather than z.number(): one zod class fewer to load. */
export function intIn(min: number, max: number) {
  return z.custom<number>(
    (n) => typeof n === "number" && Number.isInteger(n) && n >= min && n <= max,
    "phải là số nguyên từ " + min + " đến " + max,
  );
}

/** A list that must not be empty. */
export function nonEmpty<T extends z.ZodMiniType>(item: T, message: string) {
  return z.array(item).check(z.refine((a: unknown[]) => a.length > 0, message));
}

/**
 * A schema built on first use. Apps Script evaluates the whole bundle on every edit and menu click, and
 * building zod schemas at load costs milliseconds each time; most executions never validate anything.
 */
export function lazySchema<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

/** A refinement rather than z.enum: the same check for ~0.7 KB less in the Apps Script bundle. */
export function periodRuleSchema() {
  return z.custom<PeriodRule>(
    (v) => v === "cutoff" || v === "calendar",
    'phải là "cutoff" (15 tháng trước – 14 tháng này) hoặc "calendar" (tháng dương lịch)',
  );
}
