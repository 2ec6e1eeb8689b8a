/**
 * The "Kỳ báo cáo" select of the pages that show one period at a time (rollup sidebar, send dialog):
 * its options, the label of a period, and loading another period while the one on the page stays.
 */
import { el, errorText, markBusy, replaceChildren } from "./dom";
import { setStatus } from "./status";

export interface PeriodChoice {
  key: string;
  label: string;
}

/** What such a page's state tells about periods: the ones to choose from and the one shown. */
export interface PeriodView {
  periods: readonly PeriodChoice[];
  periodKey: string;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Fills the select with the state's periods, each option's text from `text`, and selects the one shown. */
export function showPeriods(
  select: HTMLSelectElement,
  view: PeriodView,
  text: (period: PeriodChoice) => string,
): void {
  replaceChildren(select, ...view.periods.map((p) => el("option", { value: p.key }, text(p))));
  select.value = view.periodKey;
}

/** "tháng 4/2023 (15/03/2023 – 14/04/2023)" for "2023-04"; the key itself if the state does not list it. */
export function periodLabel(view: PeriodView, key: string): string {
  return view.periods.find((p) => p.key === key)?.label ?? key;
}

export type PeriodAnswer<S> = { ok: true; state: S } | { ok: false; error: unknown };

export interface PeriodLoader<S> {
  /** Whether a period is being loaded (actions wait for it). */
  busy(): boolean;
  /**
   * Asks for another period. The answer is null when the user has asked for yet another one since
   * (only the latest request counts); on a failure the select goes back to the period still shown.
   */
  load(key: string): Promise<PeriodAnswer<S> | null>;
}

export function periodLoader<S extends PeriodView>(opts: {
  select: HTMLSelectElement;
  /** Dimmed and aria-busy while another period loads: what it shows is visibly the old one. */
  region: HTMLElement;
  fetch: (key: string) => Promise<S>;
  /** The state on the page now. */
  shown: () => S;
  /** Called when loading starts or ends, for buttons that depend on it. */
  busyChanged: () => void;
}): PeriodLoader<S> {
  let request = 0;
  let busy = false;
  const setBusy = (on: boolean) => {
    busy = on;
    opts.region.classList.toggle("stale", on);
    markBusy(opts.region, on);
    opts.busyChanged();
  };
  return {
    busy: () => busy,
    async load(key) {
      const mine = ++request;
      setBusy(true);
      try {
        const state = await opts.fetch(key);
        if (mine !== request) return null;
        setBusy(false);
        return { ok: true, state };
      } catch (error) {
        if (mine !== request) return null;
        setBusy(false);
        opts.select.value = opts.shown().periodKey;
        return { ok: false, error };
      }
    },
  };
}

/**
 * Asks for another period and returns its state; when the call fails, says so in `region` (what could
 * not be loaded, and that the period shown stays) and returns null, as it does when a newer request
 * overtook this one.
 */
export async function switchPeriod<S extends PeriodView>(
  loader: PeriodLoader<S>,
  key: string,
  shown: S,
  region: HTMLElement,
  what: string,
): Promise<S | null> {
  const answer = await loader.load(key);
  if (answer === null) return null;
  if (answer.ok) return answer.state;
  setStatus(region, "error", [
    "Không tải được " + what + " " + periodLabel(shown, key) + ": " + errorText(answer.error),
    "Trang vẫn hiển thị " + periodLabel(shown, shown.periodKey) + "; hãy chọn lại kỳ để thử lại.",
  ]);
  return null;
}
