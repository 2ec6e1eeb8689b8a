// Contract tests: a spreadsheet reads and shows dates on its own time zone's clock ("Set a
// spreadsheet's locale and time zone", https://support.google.com/docs/answer/58515), the same clock
// Utilities.formatDate uses for that zone. Berlin changes to summer time on 26/03/2023 at 02:00, so
// the tests cross an offset change; Vietnam stays UTC+7.
import { describe, expect, it } from "vitest";
import {
  displayValue,
  fromWallTime,
  parseEntered,
  toWallTime,
} from "../../../../src/local/emulator/spreadsheet/index";
import { formatDate } from "../../../../src/local/emulator/timezone";

const BERLIN = "Europe/Berlin";
const typed = (text: string, tz: string) =>
  (parseEntered(text, { timeZone: tz, locale: "vi_VN", now: 0 }, false).value as Date).getTime();

describe("a spreadsheet's time zone", () => {
  it("reads a typed date-time on the zone's clock, winter and summer alike", () => {
    expect(typed("15/01/2023 09:30", BERLIN)).toBe(Date.UTC(2023, 0, 15, 8, 30));
    expect(typed("15/07/2023 09:30", BERLIN)).toBe(Date.UTC(2023, 6, 15, 7, 30));
    expect(typed("15/07/2023 09:30", "Asia/Ho_Chi_Minh")).toBe(Date.UTC(2023, 6, 15, 2, 30));
    expect(typed("15/07/2023 09:30", "GMT+7")).toBe(Date.UTC(2023, 6, 15, 2, 30));
  });

  it("shows every hour around the change as Utilities.formatDate does, and reads it back", () => {
    const start = Date.UTC(2023, 2, 25, 12);
    for (let h = 0; h < 36; h++) {
      const at = start + h * 3_600_000;
      const shown = displayValue(new Date(at), "yyyy-mm-dd hh:mm:ss", { timeZone: BERLIN, locale: "vi_VN" });
      expect(shown).toBe(formatDate(new Date(at), BERLIN, "yyyy-MM-dd HH:mm:ss"));
      expect(fromWallTime(toWallTime(at, BERLIN), BERLIN)).toBe(at);
    }
    // 02:30 does not exist that night; the hour before and after are one real hour apart.
    expect(typed("26/03/2023 03:00", BERLIN) - typed("26/03/2023 01:00", BERLIN)).toBe(3_600_000);
  });

  it("keeps milliseconds through a wall-time round trip", () => {
    const at = Date.UTC(2023, 3, 14, 17, 5, 9, 250);
    const wall = toWallTime(at, "Asia/Ho_Chi_Minh");
    expect(wall).toMatchObject({
      year: 2023,
      month: 4,
      day: 15,
      hour: 0,
      minute: 5,
      second: 9,
      millisecond: 250,
    });
    expect(fromWallTime(wall, "Asia/Ho_Chi_Minh")).toBe(at);
  });
});
