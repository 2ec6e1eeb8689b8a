/**
 * What the Sheets advanced service's reads give the script, in bytes of JSON (issue 17: setup's check
 * reads cells through spreadsheets.get, and a request's size, not only its count, decides whether it
 * fits one execution). Counted in the bench, outside the emulator: Google bills requests, not bytes.
 */
import { unwrap } from "../src/local/emulator/expose";
import type { Environment } from "../src/local/emulator/index";

export interface ApiBytes {
  /** Bytes of every answer since the last reset, the largest one, how many. */
  readonly total: number;
  readonly largest: number;
  readonly gets: number;
  reset(): void;
}

/** Counts the bytes of each Sheets.Spreadsheets.get answer of `env`; call before `env.load`. */
export function countApiBytes(env: Environment): ApiBytes {
  const api = unwrap(unwrap(env.globals.Sheets as { Spreadsheets: object }).Spreadsheets) as {
    get: (...args: unknown[]) => unknown;
  };
  const get = api.get;
  const out = {
    total: 0,
    largest: 0,
    gets: 0,
    reset() {
      out.total = 0;
      out.largest = 0;
      out.gets = 0;
    },
  };
  api.get = function (this: unknown, ...args: unknown[]) {
    const answer = get.apply(this, args);
    const bytes = Buffer.byteLength(JSON.stringify(answer));
    out.total += bytes;
    out.largest = Math.max(out.largest, bytes);
    out.gets++;
    return answer;
  };
  return out;
}
