import { describe, expect, it } from "vitest";
import { environment, gas, OWNER, POLICE } from "./harness";

// https://developers.google.com/apps-script/reference/cache/cache
describe("CacheService", () => {
  it("get gives null for a missing key (doc: 'or null if none is found')", () => {
    const { CacheService } = gas(environment());
    expect(CacheService.getScriptCache().get("rollup-2023-04")).toBeNull();
  });

  it("put without expiration keeps the value 10 minutes on the emulated clock", () => {
    const env = environment();
    const cache = gas(env).CacheService.getScriptCache();
    cache.put("rollup-2023-04", '{"CT1a":2}');
    env.setNow(new Date(env.now().getTime() + 599_000));
    expect(cache.get("rollup-2023-04")).toBe('{"CT1a":2}');
    env.setNow(new Date(env.now().getTime() + 2_000));
    expect(cache.get("rollup-2023-04")).toBeNull();
  });

  it("put with expirationInSeconds expires then; at most 21600 s (6 hours) is kept", () => {
    const env = environment();
    const cache = gas(env).CacheService.getDocumentCache()!;
    cache.put("short", "1", 30);
    cache.put("long", "2", 100_000);
    env.setNow(new Date(env.now().getTime() + 31_000));
    expect(cache.get("short")).toBeNull();
    expect(cache.get("long")).toBe("2");
    env.setNow(new Date(env.now().getTime() + 21_600_000));
    expect(cache.get("long")).toBeNull();
  });

  it("getAll returns only the keys found; putAll and removeAll work on sets of keys", () => {
    const cache = gas(environment()).CacheService.getScriptCache();
    cache.putAll({ a: "1", b: "2", c: "3" });
    cache.removeAll(["b"]);
    cache.remove("c");
    expect(cache.getAll(["a", "b", "c", "d"])).toEqual({ a: "1" });
  });

  it("refuses a key over 250 characters and a value over 100 KB", () => {
    const cache = gas(environment()).CacheService.getScriptCache();
    expect(() => cache.put("k".repeat(251), "v")).toThrow("Argument too large: key");
    expect(() => cache.put("k", "v".repeat(100 * 1024 + 1))).toThrow("Argument too large: value");
  });

  it("keeps at most 1,000 items per cache, dropping the oldest", () => {
    const cache = gas(environment()).CacheService.getScriptCache();
    for (let i = 0; i < 1005; i++) cache.put(`k${i}`, String(i));
    expect(cache.get("k0")).toBeNull();
    expect(cache.get("k4")).toBeNull();
    expect(cache.get("k5")).toBe("5");
    expect(cache.get("k1004")).toBe("1004");
  });

  it("a user cache is private to the user running the script", () => {
    const env = environment();
    const { CacheService } = gas(env);
    env.setUser(POLICE);
    CacheService.getUserCache().put("draft", "bản nháp của công an xã");
    env.setUser(OWNER);
    expect(CacheService.getUserCache().get("draft")).toBeNull();
    env.setUser(POLICE);
    expect(CacheService.getUserCache().get("draft")).toBe("bản nháp của công an xã");
  });
});
