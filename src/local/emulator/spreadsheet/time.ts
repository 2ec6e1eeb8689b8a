// Wall-clock time in a spreadsheet's time zone. Sheets stores a date as a local date-time in the
// spreadsheet's zone; we keep instants and convert with the zone's offset. Fixed-offset zones (Vietnam
// has had +07:00 since 1975) are computed directly; any other IANA zone falls back to Node's Intl,
// which is fine here: this is Node-side emulator code, not the bundle.

const FIXED: Record<string, number> = {
  "Asia/Ho_Chi_Minh": 420,
  "Asia/Saigon": 420,
  "Asia/Bangkok": 420,
  "Asia/Jakarta": 420,
  "Asia/Vientiane": 420,
  "Asia/Phnom_Penh": 420,
  UTC: 0,
  "Etc/UTC": 0,
  GMT: 0,
  "Etc/GMT": 0,
};

/** Offset of the zone from UTC in minutes at the given instant. */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const fixed = FIXED[timeZone];
  if (fixed !== undefined) return fixed;
  const gmt = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (gmt) {
    const sign = gmt[1] === "-" ? -1 : 1;
    return sign * (Number(gmt[2]) * 60 + Number(gmt[3] ?? "0"));
  }
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(timeZone);
  if (etc) return (etc[1] === "-" ? 1 : -1) * Number(etc[2]) * 60; // POSIX sign is inverted
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(at));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? "0");
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60000);
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function toWallTime(at: number, timeZone: string): WallTime {
  const shifted = new Date(at + zoneOffsetMinutes(timeZone, at) * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
}

/** The instant at which the zone's clock shows the given wall time. */
export function fromWallTime(
  w: Omit<WallTime, "millisecond"> & { millisecond?: number },
  timeZone: string,
): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond ?? 0);
  let guess = asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60000;
  // One correction step handles zones whose offset differs between the two instants (DST).
  guess = asUtc - zoneOffsetMinutes(timeZone, guess) * 60000;
  return guess;
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
