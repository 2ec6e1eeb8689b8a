// Wall-clock time in a spreadsheet's time zone. Sheets stores a date as a local date-time in the
// spreadsheet's zone; we keep instants and convert with the zone's offset. The zone arithmetic is the
// emulator's one (../timezone, also behind Utilities.formatDate and the triggers); this file only
// adds the spreadsheet's shapes of it: wall-time records and Sheets' serial day numbers.

import { fromLocal, type LocalFields, localFields, zoneOffsetMinutes } from "../timezone";

export { zoneOffsetMinutes };

/** A zone's clock reading: year, month (1-12), day, hour, minute, second, millisecond. */
export type WallTime = Omit<LocalFields, "weekday">;

export function toWallTime(at: number, timeZone: string): WallTime {
  const { weekday: _weekday, ...wall } = localFields(new Date(at), timeZone);
  return wall;
}

/** The instant at which the zone's clock shows the given wall time. */
export function fromWallTime(
  w: Omit<WallTime, "millisecond"> & { millisecond?: number },
  timeZone: string,
): number {
  return fromLocal(timeZone, w.year, w.month, w.day, w.hour, w.minute, w.second, w.millisecond).getTime();
}

const SHEETS_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Sheets' serial day number of an instant, in the given zone (days since 30/12/1899). */
export function toSerial(at: number, timeZone: string): number {
  const local = at + zoneOffsetMinutes(timeZone, at) * 60000;
  return (local - SHEETS_EPOCH_UTC) / 86400000;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}
