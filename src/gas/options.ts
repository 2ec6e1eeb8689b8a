/** The periods the pages offer, the one asked for, and the context every send starts from. */
import * as z from "zod/mini";
import type { PeriodKey } from "../core/periods";
import { periodLabel } from "../core/periods";
import { closedPeriods } from "../core/schedule";
import type { PeriodOption } from "./api";
import { periodKeySchema } from "./api";
import type { SheetContext } from "./context";
import { today } from "./context";
import type { SendContext } from "./send";

export function sendContext(c: SheetContext): SendContext {
  return { ss: c.ss, plan: c.plan, settings: c.settings, people: c.people, today: today() };
}

/** Periods of the plan that have closed (at least the first), newest last, with their labels. */
export function periodOptions(c: SheetContext): PeriodOption[] {
  return closedPeriods(c.plan, c.settings, today()).map((key) => ({
    key,
    label: periodLabel(key, c.settings.periodRule),
  }));
}

/** The period asked for if it is one of the options, else the newest. */
export function choosePeriod(asked: unknown, options: PeriodOption[]): PeriodKey {
  const parsed = z.safeParse(periodKeySchema(), asked);
  if (parsed.success && options.some((o) => o.key === parsed.data)) return parsed.data;
  return options[options.length - 1]!.key;
}
