// What every Spreadsheet-service object shares: the model context, the acting user, Google's error for
// arguments of the wrong type, and the instrumentation that counts each public method call as
// "Class.method" (and makes the methods Google has but the emulator lacks say so).
import { GOOGLE_METHODS } from "./google-api";
import { type Ctx, MSG, type SheetsHostLike } from "./model";
import { isDate } from "./values";

function typeName(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return v.length > 0 && Array.isArray(v[0]) ? "Object[][]" : "Object[]";
  if (isDate(v)) return "Date";
  if (typeof v === "number") return "number";
  if (typeof v === "string") return "String";
  if (typeof v === "boolean") return "Boolean";
  const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
  const n = proto?.constructor?.name ?? "Object";
  return n.replace(/Impl$/, "");
}

/** Google's error for arguments of the wrong type. */
export function signatureError(cls: string, method: string, args: unknown[]): Error {
  return new Error(
    `The parameters (${args.map(typeName).join(",")}) don't match the method signature for SpreadsheetApp.${cls}.${method}.`,
  );
}

export abstract class Base {
  constructor(readonly _c: Ctx) {}
  _user(): string {
    return this._c.host.actingUser();
  }
}

/** Public method names of a class and of the classes it extends (up to Base). */
function publicMethods(proto: object): string[] {
  const names = new Set<string>();
  for (
    let p: object | null = proto;
    p && p !== Base.prototype;
    p = Object.getPrototypeOf(p) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (name === "constructor" || name === "toString" || name.startsWith("_")) continue;
      if (typeof (p as Record<string, unknown>)[name] === "function") names.add(name);
    }
  }
  return [...names];
}

/**
 * Counts every public method call of `cls` (its own and inherited) as "label.method", and installs the
 * methods Google has but the emulator lacks as stubs that say so.
 */
/** Range methods that read or write every cell of the range (counted as cells moved, for benchmarks). */
const MOVES_CELLS =
  /^(get|set)(Values|DisplayValues|Formulas|Notes|Backgrounds|NumberFormats|DataValidations|FontWeights|RichTextValues)$/;

export function instrument(cls: { prototype: object }, label: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  const own = publicMethods(proto);
  for (const name of own) {
    const fn = proto[name] as (...a: unknown[]) => unknown;
    const moves = label === "Range" && MOVES_CELLS.test(name);
    proto[name] = function (this: Base, ...args: unknown[]): unknown {
      const count = this._c.host.count as SheetsHostLike["count"] & {
        enter?(): void;
        leave?(): void;
        cells?(n: number): void;
      };
      count(`${label}.${name}`);
      if (moves) {
        const r = (this as unknown as { _rect?: { numRows: number; numCols: number } })._rect;
        if (r) count.cells?.(r.numRows * r.numCols);
      }
      count.enter?.();
      try {
        return fn.apply(this, args);
      } finally {
        count.leave?.();
      }
    };
  }
  for (const name of GOOGLE_METHODS[label] ?? []) {
    if (own.includes(name)) continue;
    proto[name] = function (this: Base): never {
      this._c.host.count(`${label}.${name}`);
      throw new Error(MSG.notImplemented(`${label}.${name}`));
    };
  }
}
