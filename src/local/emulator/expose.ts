// Every Apps Script object the script can reach goes through `expose`: each method call is counted as
// "Service.method" (how performance is measured), a method returning its own object keeps returning the
// exposed one (builders chain), and any member Google has but the emulator does not throws
// "Not implemented in the emulator: Service.member" instead of being silently undefined.

import { notImplemented } from "./errors";

export type Counter = ((name: string) => void) & { enter?(): void; leave?(): void };

const targets = new WeakMap<object, object>();

/** Names that tooling (test printers, Promise resolution, JSON) probes on any object: never fake them. */
const PROBES = new Set([
  "then",
  "toJSON",
  "constructor",
  "inspect",
  "asymmetricMatch",
  "nodeType",
  "tagName",
  "toString",
  "valueOf",
  "length",
  "prototype",
  "name",
]);

function isProbe(prop: string): boolean {
  return PROBES.has(prop) || prop.startsWith("@@") || prop.startsWith("$$") || prop.startsWith("_");
}

/** The emulator's own object behind an exposed proxy (or the value itself when it is not one). */
export function unwrap<T>(v: T): T {
  if (v !== null && typeof v === "object") {
    const t = targets.get(v as object);
    if (t) return t as T;
  }
  return v;
}

export function expose<T extends object>(service: string, target: T, count: Counter): T {
  const wrapped = new Map<PropertyKey, unknown>();
  const proxy: T = new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === "symbol") return Reflect.get(t, prop, receiver);
      if (!(prop in t)) {
        if (isProbe(prop)) return undefined;
        return () => notImplemented(`${service}.${prop}`);
      }
      const value: unknown = Reflect.get(t, prop, t);
      // Inherited Object.prototype members (toString, hasOwnProperty…) are JS, not service calls.
      const inherited = (Object.prototype as unknown as Record<string, unknown>)[prop] === value;
      if (typeof value !== "function" || prop === "constructor" || inherited) return value;
      let fn = wrapped.get(prop);
      if (!fn) {
        const method = value as (...a: unknown[]) => unknown;
        fn = function (this: unknown, ...args: unknown[]): unknown {
          count(`${service}.${prop}`);
          count.enter?.();
          try {
            const result = method.apply(t, args);
            return result === t ? proxy : result;
          } finally {
            count.leave?.();
          }
        };
        wrapped.set(prop, fn);
      }
      return fn;
    },
    set() {
      // Apps Script objects are host objects: assigning to them has no effect on the service.
      return true;
    },
  });
  targets.set(proxy, target);
  return proxy;
}

/** An object of constants (enums): reading an unknown member throws rather than giving undefined. */
export function exposeEnum<T extends object>(name: string, values: T): T {
  return new Proxy(values, {
    get(t, prop, receiver) {
      if (typeof prop === "symbol" || prop in t || isProbe(prop)) return Reflect.get(t, prop, receiver);
      return notImplemented(`${name}.${prop}`);
    },
  });
}
