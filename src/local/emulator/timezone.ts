// Time zones and Java SimpleDateFormat patterns. Fixed-offset zones are computed directly
// (Asia/Ho_Chi_Minh has been UTC+7 with no daylight saving since 1975); any other IANA zone falls back to
// Node's Intl, which is fine here: this is Node-side emulator code, not the bundle (which must not rely
// on Intl). An unknown zone throws rather than silently becoming GMT.

import { notImplemented } from "./errors";

/** Offsets in minutes east of UTC for the fixed-offset zones we accept by name. */
const NAMED: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  "Etc/UTC": 0,
  "Etc/GMT": 0,
  "Etc/Universal": 0,
  "Asia/Ho_Chi_Minh": 420,
  "Asia/Saigon": 420,
  "Asia/Bangkok": 420,
  "Asia/Jakarta": 420,
  "Asia/Phnom_Penh": 420,
  "Asia/Vientiane": 420,
  "Asia/Novosibirsk": 420,
  "Asia/Singapore": 480,
  "Asia/Kuala_Lumpur": 480,
  "Asia/Manila": 480,
  "Asia/Shanghai": 480,
  "Asia/Hong_Kong": 480,
  "Asia/Taipei": 480,
  "Asia/Tokyo": 540,
  "Asia/Seoul": 540,
  "Asia/Kolkata": 330,
  "Asia/Calcutta": 330,
  "Asia/Yangon": 390,
  "Asia/Dhaka": 360,
};

/** Minutes east of UTC for `tz` at instant `at` (ms): named zones, "GMT+7", "GMT+07:00", "Etc/GMT-7". */
export function zoneOffsetMinutes(tz: string, at = 0): number {
  const named = NAMED[tz];
  if (named !== undefined) return named;
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(tz);
  if (etc) {
    // POSIX-style names have the sign inverted: Etc/GMT-7 is UTC+7.
    const h = Number(etc[2]);
    return etc[1] === "-" ? h * 60 : -h * 60;
  }
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    if (minutes <= 14 * 60) return m[1] === "-" ? -minutes : minutes;
  }
  return intlOffset(tz, at);
}

function intlOffset(tz: string, at: number): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    }).formatToParts(new Date(at));
  } catch {
    return notImplemented(`time zone "${tz}"`);
  }
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? "0");
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

export interface LocalFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 1 = Monday … 7 = Sunday (ISO)
}

/** Wall-clock fields of `date` in `tz`. */
export function localFields(date: Date, tz: string): LocalFields {
  const shifted = new Date(date.getTime() + zoneOffsetMinutes(tz, date.getTime()) * 60_000);
  const dow = shifted.getUTCDay();
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: dow === 0 ? 7 : dow,
  };
}

/** The instant at a wall-clock time in `tz` (month 1-12). */
export function fromLocal(
  tz: string,
  year: number,
  month: number,
  day = 1,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Two passes settle the offset around a daylight-saving change.
  const first = utc - zoneOffsetMinutes(tz, utc) * 60_000;
  return new Date(utc - zoneOffsetMinutes(tz, first) * 60_000);
}

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function offsetText(minutes: number, style: "Z" | "X" | "XXX"): string {
  if (style !== "Z" && minutes === 0) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (style === "X") return `${sign}${hh}${abs % 60 ? mm : ""}`;
  if (style === "XXX") return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/**
 * Java SimpleDateFormat, as Utilities.formatDate uses it: letters y M d H h k K m s S E a Z X and
 * 'quoted text' ('' is a quote). Text fields (MMM, EEE, a) are English as in Google's default locale.
 */
export function formatDate(date: Date, tz: string, pattern: string): string {
  const f = localFields(date, tz);
  const offset = zoneOffsetMinutes(tz, date.getTime());
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted text runs to the next lone quote; inside it, '' is a quote.
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length)
          throw new Error(`Invalid argument: pattern (unterminated quote): ${pattern}`);
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) === "'") {
            out += "'";
            j += 2;
            continue;
          }
          break;
        }
        out += pattern.charAt(j);
        j++;
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === c) n++;
    i += n;
    switch (c) {
      case "y":
        out += n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
        break;
      case "M":
        if (n >= 4) out += MONTHS[f.month - 1];
        else if (n === 3) out += MONTHS[f.month - 1]?.slice(0, 3);
        else out += pad(f.month, n);
        break;
      case "d":
        out += pad(f.day, n);
        break;
      case "H":
        out += pad(f.hour, n);
        break;
      case "k":
        out += pad(f.hour === 0 ? 24 : f.hour, n);
        break;
      case "K":
        out += pad(f.hour % 12, n);
        break;
      case "h":
        out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
        break;
      case "m":
        out += pad(f.minute, n);
        break;
      case "s":
        out += pad(f.second, n);
        break;
      case "S":
        out += pad(f.millisecond, n);
        break;
      case "E":
        out += n >= 4 ? DAYS[f.weekday - 1] : DAYS[f.weekday - 1]?.slice(0, 3);
        break;
      case "u":
        out += pad(f.weekday, n);
        break;
      case "a":
        out += f.hour < 12 ? "AM" : "PM";
        break;
      case "Z":
        out += offsetText(offset, "Z");
        break;
      case "X":
        out += offsetText(offset, n >= 3 ? "XXX" : "X");
        break;
      default:
        notImplemented(`date pattern letter '${c}' in Utilities.formatDate`);
    }
  }
  return out;
}
