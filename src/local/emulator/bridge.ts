// The google.script.run bridge's serialisation.
// https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
// Legal: numbers, booleans, strings, null, and objects/arrays made of those. A Date, a function or any
// other kind of object anywhere (even nested) fails the call; circular references fail; undefined in
// an array becomes null and an undefined object field is dropped. What arrives is a copy.

import { isArrayLike, isDate, isPlainObject } from "./realm";

export class IllegalValueError extends Error {}

function copy(v: unknown, key: string, seen: Set<unknown>): unknown {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return v;
  if (typeof v === "undefined") return null;
  if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint" || isDate(v)) {
    throw new IllegalValueError(`Failed due to illegal value in property: ${key}`);
  }
  if (seen.has(v)) throw new IllegalValueError(`Failed due to illegal value in property: ${key}`);
  if (isArrayLike(v)) {
    seen.add(v);
    const out = v.map((item, i) => copy(item, String(i), seen));
    seen.delete(v);
    return out;
  }
  if (isPlainObject(v)) {
    seen.add(v);
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) {
      if (item === undefined) continue;
      out[k] = copy(item, k, seen);
    }
    seen.delete(v);
    return out;
  }
  throw new IllegalValueError(`Failed due to illegal value in property: ${key}`);
}

/** Copy `args` as the client→server trip would, or throw IllegalValueError. */
export function serialiseArgs(args: readonly unknown[]): unknown[] {
  return args.map((a, i) => copy(a, String(i), new Set()));
}

/** Copy a server function's result as the server→client trip would, or throw IllegalValueError. */
export function serialiseResult(v: unknown): unknown {
  if (v === undefined) return undefined;
  return copy(v, "0", new Set());
}
