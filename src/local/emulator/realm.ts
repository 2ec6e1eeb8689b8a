// Values reach the emulator from the bundle's own V8 context (node:vm), whose built-ins are different
// objects from Node's: `instanceof Date` / `instanceof Array` fail across realms. These checks don't.

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** A plain `{...}` object from any realm (prototype is that realm's Object.prototype, or null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  if (Object.prototype.toString.call(v) !== "[object Object]") return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === null) return true;
  // Another realm's Object.prototype has no prototype of its own and a constructor named "Object".
  const ctor = (proto as { constructor?: unknown }).constructor;
  return Object.getPrototypeOf(proto) === null && typeof ctor === "function" && ctor.name === "Object";
}

export function isArrayLike(v: unknown): v is unknown[] {
  return Array.isArray(v);
}
