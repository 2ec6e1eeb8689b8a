// CacheService: script, document and user caches with expiry measured on the emulated clock.
// https://developers.google.com/apps-script/reference/cache/cache
// Documented limits: key ≤ 250 characters, value ≤ 100 KB, expiration 1 s … 21600 s (6 h),
// default 10 minutes, at most 1,000 items per cache.

import { expose } from "./expose";
import type { Runtime } from "./runtime";

export interface CacheEntry {
  value: string;
  /** ms since epoch */
  expiresAt: number;
  /** insertion order, to evict the oldest when a cache overflows */
  seq: number;
}

export type CachesState = Record<string, Record<string, CacheEntry>>;

export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;
export const CACHE_MAX_ITEMS = 1000;

export function createCacheService(rt: Runtime, state: CachesState) {
  const count = rt.count.bind(rt);
  let seq = 0;
  for (const c of Object.values(state)) for (const e of Object.values(c)) seq = Math.max(seq, e.seq);

  class Cache {
    constructor(private readonly scope: () => string) {}

    private entries(): Record<string, CacheEntry> {
      const id = this.scope();
      const c = state[id] ?? {};
      state[id] = c;
      const now = rt.nowMs();
      for (const [k, e] of Object.entries(c)) if (e.expiresAt <= now) delete c[k];
      return c;
    }

    get(key: string): string | null {
      return this.entries()[String(key)]?.value ?? null;
    }

    getAll(keys: string[]): Record<string, string> {
      const c = this.entries();
      const out: Record<string, string> = {};
      for (const k of keys) {
        const e = c[String(k)];
        if (e) out[String(k)] = e.value;
      }
      return out;
    }

    put(key: string, value: unknown, expirationInSeconds?: number): void {
      this.putAll({ [String(key)]: value }, expirationInSeconds);
    }

    putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
      const seconds = expirationInSeconds === undefined ? CACHE_DEFAULT_SECONDS : Number(expirationInSeconds);
      if (!(seconds >= 1)) throw new Error("Invalid argument: expirationInSeconds");
      const ttl = Math.min(seconds, CACHE_MAX_SECONDS) * 1000;
      const c = this.entries();
      for (const [k, raw] of Object.entries(values)) {
        const v = String(raw);
        if (k.length > 250) throw new Error("Argument too large: key");
        if (Buffer.byteLength(v, "utf8") > 100 * 1024) throw new Error("Argument too large: value");
        c[k] = { value: v, expiresAt: rt.nowMs() + ttl, seq: ++seq };
      }
      const keys = Object.keys(c);
      if (keys.length > CACHE_MAX_ITEMS) {
        keys.sort((a, b) => (c[a]?.seq ?? 0) - (c[b]?.seq ?? 0));
        for (const k of keys.slice(0, keys.length - CACHE_MAX_ITEMS)) delete c[k];
      }
    }

    remove(key: string): void {
      delete this.entries()[String(key)];
    }

    removeAll(keys: string[]): void {
      const c = this.entries();
      for (const k of keys) delete c[String(k)];
    }
  }

  const script = expose("Cache", new Cache(() => "script"), count);
  const document = expose("Cache", new Cache(() => `document:${rt.boundSpreadsheetId()}`), count);
  const user = expose("Cache", new Cache(() => `user:${rt.exec().effectiveUser}`), count);
  return expose(
    "CacheService",
    {
      getScriptCache: () => script,
      getDocumentCache: () => document,
      getUserCache: () => user,
    },
    count,
  );
}
