import { describe, expect, it } from "vitest";
import { environment, gas, OWNER, POLICE } from "./harness";

// https://developers.google.com/apps-script/reference/lock/lock
describe("LockService", () => {
  it("hasLock is false before tryLock or waitLock was called (doc: hasLock)", () => {
    const { LockService } = gas(environment());
    expect(LockService.getScriptLock().hasLock()).toBe(false);
  });

  it("tryLock acquires a free lock at once; releaseLock lets it go", () => {
    const env = environment();
    const { LockService } = gas(env);
    const lock = LockService.getScriptLock();
    const before = env.now().getTime();
    expect(lock.tryLock(10_000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(env.now().getTime()).toBe(before);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(env.locks.isHeld("script")).toBe(false);
  });

  it("tryLock returns false after waiting its timeout while another execution holds the lock", () => {
    const env = environment();
    const { LockService } = gas(env);
    env.locks.hold("script");
    const before = env.now().getTime();
    const lock = LockService.getScriptLock();
    expect(lock.tryLock(5_000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    // The wait is spent on the emulated clock, not in real time.
    expect(env.now().getTime() - before).toBe(5_000);
  });

  it("waitLock throws Google's timeout message while another execution holds the lock", () => {
    const env = environment();
    const { LockService } = gas(env);
    env.locks.hold("document");
    expect(() => LockService.getDocumentLock().waitLock(30_000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
  });

  it("gets the lock once the other execution lets go within the timeout", () => {
    const env = environment();
    const { LockService } = gas(env);
    const start = env.now().getTime();
    env.locks.hold("script", { until: new Date(start + 2_000) });
    const lock = LockService.getScriptLock();
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
    expect(env.now().getTime() - start).toBe(2_000);
  });

  it("releaseLock has no effect when the lock was not acquired (doc: releaseLock)", () => {
    const env = environment();
    const { LockService } = gas(env);
    const release = env.locks.hold("script");
    LockService.getScriptLock().releaseLock();
    expect(env.locks.isHeld("script")).toBe(true);
    release();
    expect(env.locks.isHeld("script")).toBe(false);
  });

  it("releases a script's locks when its execution ends (doc: 'Locks are released when the script terminates')", () => {
    const env = environment(`
      function takeLock() { var l = LockService.getScriptLock(); return l.tryLock(1000); }
      function isFree() { return LockService.getScriptLock().tryLock(0); }`);
    expect(env.run("takeLock")).toBe(true);
    expect(env.locks.isHeld("script")).toBe(false);
    expect(env.run("isFree")).toBe(true);
  });

  // getUserLock: "prevents the current user from concurrently running a section of code".
  it("a user lock only excludes the same user; the script lock excludes everyone", () => {
    const env = environment();
    const { LockService } = gas(env);
    env.locks.hold("user", { user: POLICE });
    env.setUser(OWNER);
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    env.setUser(POLICE);
    expect(LockService.getUserLock().tryLock(0)).toBe(false);
    env.locks.hold("script");
    env.setUser(OWNER);
    expect(LockService.getScriptLock().tryLock(0)).toBe(false);
  });

  it("two submissions under a lock both land, one after the other, when the first finishes in time", () => {
    const env = environment(`
      function append(n) {
        var lock = LockService.getScriptLock();
        lock.waitLock(30000);
        var p = PropertiesService.getScriptProperties();
        var rows = JSON.parse(p.getProperty("rows") || "[]");
        rows.push(n);
        p.setProperty("rows", JSON.stringify(rows));
        lock.releaseLock();
        return rows.length;
      }`);
    // A first submission (another execution) holds the lock for 3 s.
    env.locks.hold("script", { until: new Date(env.now().getTime() + 3_000) });
    expect(env.runFromClient("append", [1])).toEqual({ ok: true, value: 1 });
    expect(env.runFromClient("append", [2])).toEqual({ ok: true, value: 2 });
  });
});
