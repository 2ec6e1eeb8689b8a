// Every Apps Script method call the script makes is counted as "Service.method": that is how the
// project measures performance. Tests can also make one such call fail, as Google's services sometimes do.
import type { CallCounts } from "./types";

export interface Counter {
  count(name: string): void;
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
  return {
    count(name) {
      if (silent > 0) return;
      counts[name] = (counts[name] ?? 0) + 1;
      total++;
      const failure = armed.get(name);
      if (failure !== undefined) {
        armed.delete(name);
        throw new Error(failure);
      }
    },
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
    },
    reset() {
      for (const k of Object.keys(counts)) delete counts[k];
      total = 0;
    },
    failNext(name, message) {
      armed.set(name, message);
    },
  };
}
