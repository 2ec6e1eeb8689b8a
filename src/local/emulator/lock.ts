// LockService: script, document and user locks.
// https://developers.google.com/apps-script/reference/lock/lock
// Executions run one at a time here, so contention comes from `LockControl.hold`, which plays "another
// execution" holding a lock (until released, or until an emulated instant). Waiting for a lock spends
// emulated time: tryLock/waitLock advance the clock by the time Google would have waited.

import { expose } from "./expose";
import type { Runtime } from "./runtime";

export type LockKind = "script" | "document" | "user";

interface Holder {
  /** Execution id, or -1 for a holder played by the tests. */
  execution: number;
  /** For a holder played by the tests: when it lets go by itself (ms since epoch), or Infinity. */
  until: number;
}

export const LOCK_TIMEOUT_MESSAGE = "Lock timeout: another process was holding the lock for too long.";

export interface LockControl {
  /** Another execution takes the lock (as `user` for a user lock); returns its release. */
  hold(kind: LockKind, opts?: { user?: string; until?: Date }): () => void;
  /** Whether anything holds the lock now. */
  isHeld(kind: LockKind, opts?: { user?: string }): boolean;
  /** Drop every lock held by an execution that ended (Google releases them when a script ends). */
  releaseExecution(executionId: number): void;
}

export function createLockService(rt: Runtime) {
  const holders = new Map<string, Holder>();
  const count = rt.count.bind(rt);

  const keyOf = (kind: LockKind, user: string): string =>
    kind === "script"
      ? "script"
      : kind === "document"
        ? `document:${rt.boundSpreadsheetId()}`
        : `user:${user}`;

  const current = (key: string): Holder | undefined => {
    const h = holders.get(key);
    if (h && h.execution < 0 && h.until <= rt.nowMs()) {
      holders.delete(key);
      return undefined;
    }
    return h;
  };

  class Lock {
    private acquired = false;
    constructor(
      private readonly kind: LockKind,
      private readonly user: string,
    ) {}

    private key(): string {
      return keyOf(this.kind, this.user);
    }

    tryLock(timeoutInMillis: number): boolean {
      return this.acquire(Number(timeoutInMillis));
    }

    waitLock(timeoutInMillis: number): void {
      if (!this.acquire(Number(timeoutInMillis))) throw new Error(LOCK_TIMEOUT_MESSAGE);
    }

    hasLock(): boolean {
      if (!this.acquired) return false;
      const h = current(this.key());
      return h !== undefined && h.execution === rt.exec().id;
    }

    releaseLock(): void {
      // No effect when this Lock was never acquired.
      if (!this.acquired) return;
      this.acquired = false;
      const h = holders.get(this.key());
      if (h && h.execution === rt.exec().id) holders.delete(this.key());
    }

    private acquire(timeout: number): boolean {
      // A negative timeout never gets the lock (gas-fakes test/testlock.js, run on Apps Script).
      if (!(timeout >= 0)) return false;
      const me = rt.exec().id;
      const key = this.key();
      const h = current(key);
      if (h === undefined || h.execution === me) {
        holders.set(key, { execution: me, until: Number.POSITIVE_INFINITY });
        this.acquired = true;
        return true;
      }
      const wait = Math.max(0, timeout);
      if (h.until - rt.nowMs() <= wait) {
        rt.advance(h.until - rt.nowMs());
        holders.set(key, { execution: me, until: Number.POSITIVE_INFINITY });
        this.acquired = true;
        return true;
      }
      rt.advance(wait);
      return false;
    }
  }

  const service = expose(
    "LockService",
    {
      getScriptLock: () => expose("Lock", new Lock("script", ""), count),
      getDocumentLock: () => expose("Lock", new Lock("document", ""), count),
      getUserLock: () => expose("Lock", new Lock("user", rt.exec().effectiveUser), count),
    },
    count,
  );

  const control: LockControl = {
    hold(kind, opts) {
      const key = keyOf(kind, opts?.user ?? "");
      const existing = current(key);
      if (existing) throw new Error(`The ${kind} lock is already held`);
      const holder: Holder = {
        execution: -1,
        until: opts?.until ? opts.until.getTime() : Number.POSITIVE_INFINITY,
      };
      holders.set(key, holder);
      return () => {
        if (holders.get(key) === holder) holders.delete(key);
      };
    },
    isHeld(kind, opts) {
      return current(keyOf(kind, opts?.user ?? "")) !== undefined;
    },
    releaseExecution(executionId) {
      for (const [k, h] of holders) if (h.execution === executionId) holders.delete(k);
    },
  };

  return { service, control };
}
