/**
 * What the Sheets advanced service's reads give the script, in bytes of JSON (issue 17: setup's check
 * reads cells through spreadsheets.get, and a request's size, not only its count, decides whether it
 * fits one execution). Counted in the bench, outside the emulator: Google bills requests, not bytes.
 */
import type { Environment } from "../src/local/emulator/index";

export interface ApiBytes {
  /** Bytes of every answer since the last reset, the largest one, how many. */
  readonly total: number;
  readonly largest: number;
  readonly gets: number;
  reset(): void;
}

type Collection = { get(...args: unknown[]): unknown; batchUpdate(...args: unknown[]): unknown };

/**
 * Counts the bytes of each Sheets.Spreadsheets.get answer of `env`; call before `env.load` (the bundle
 * is given this `Sheets`, which passes every request on to the emulator's, counted there as before).
 */
export function countApiBytes(env: Environment): ApiBytes {
  const sheets = (env.globals.Sheets as { Spreadsheets: Collection }).Spreadsheets;
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
  env.globals.Sheets = {
    Spreadsheets: {
      get(...args: unknown[]) {
        const answer = sheets.get(...args);
        const bytes = Buffer.byteLength(JSON.stringify(answer));
        out.total += bytes;
        out.largest = Math.max(out.largest, bytes);
        out.gets++;
        return answer;
      },
      batchUpdate: (...args: unknown[]) => sheets.batchUpdate(...args),
    },
  };
  return out;
}
