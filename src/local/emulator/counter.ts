// Every Apps Script method call the script makes is counted as "Service.method": that is how the
// project measures performance. Tests can also make one such call fail, as Google's services sometimes do.
import type { CallCounts } from "./types";

/** Counts a call; `enter`/`leave` bracket the emulator's own work serving it (timed, outermost only). */
export type CountFn = ((name: string) => void) & { enter?(): void; leave?(): void; cells?(n: number): void };

export interface Counter {
  count: CountFn;
  /** Run emulator-internal reads of Apps Script objects without counting them as the script's calls. */
  quietly<T>(fn: () => T): T;
  readonly calls: CallCounts;
  reset(): void;
  /** The script's next call of `name` throws `message`. */
  failNext(name: string, message: string): void;
}

export function createCounter(): Counter {
  const counts: Record<string, number> = {};
  let total = 0;
  let silent = 0;
  const armed = new Map<string, string>();
  let depth = 0;
  let since = 0;
  let serviceMs = 0;
  let cells = 0;
  const count: CountFn = (name) => {
    if (silent > 0) return;
    counts[name] = (counts[name] ?? 0) + 1;
    total++;
    const failure = armed.get(name);
    if (failure !== undefined) {
      armed.delete(name);
      throw new Error(failure);
    }
  };
  count.enter = () => {
    if (depth++ === 0) since = performance.now();
  };
  count.leave = () => {
    if (--depth === 0) serviceMs += performance.now() - since;
  };
  count.cells = (n) => {
    if (silent === 0) cells += n;
  };
  return {
    count,
    quietly(fn) {
      silent++;
      try {
        return fn();
      } finally {
        silent--;
      }
    },
    calls: {
      get counts() {
        return { ...counts };
      },
      get total() {
        return total;
      },
      get: (name) => counts[name] ?? 0,
      get serviceMs() {
        return serviceMs;
      },
      get cells() {
        return cells;
      },
    },
    reset() {
      for (const k of Object.keys(counts)) delete counts[k];
      total = 0;
      serviceMs = 0;
      cells = 0;
    },
    failNext(name, message) {
      armed.set(name, message);
    },
  };
}
