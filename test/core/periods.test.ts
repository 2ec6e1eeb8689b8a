import { describe, expect, it } from "vitest";
import {
  instantOfSerial,
  serialOfInstant,
  administrativeDate,
  civilDateOf,
  formatDateTimeVi,
  lastClosedPeriod,
  monthsElapsed,
  openPeriod,
  periodBounds,
  periodLabel,
  periodOf,
  planPeriods,
  planSpan,
  todayIso,
  yearToDate,
} from "../../src/core/periods";
import { quangKhai2023 } from "../../src/plans/quang-khai-2023";

describe("cut-off periods (Nghị định 09/2019: 15th of last month to the 14th)", () => {
  it("puts the 14th in the month and the 15th in the next one", () => {
    expect(periodOf("2023-04-14", "cutoff")).toBe("2023-04");
    expect(periodOf("2023-04-15", "cutoff")).toBe("2023-05");
    expect(periodOf("2023-03-15", "cutoff")).toBe("2023-04");
  });

  it("crosses the year boundary: 15/12 belongs to January of the next year", () => {
    expect(periodOf("2023-12-14", "cutoff")).toBe("2023-12");
    expect(periodOf("2023-12-15", "cutoff")).toBe("2024-01");
    expect(periodOf("2024-01-14", "cutoff")).toBe("2024-01");
    expect(periodBounds("2024-01", "cutoff")).toEqual({ start: "2023-12-15", end: "2024-01-14" });
    expect(periodBounds("2023-12", "cutoff")).toEqual({ start: "2023-11-15", end: "2023-12-14" });
  });

  it("labels a period as the issue asks", () => {
    expect(periodLabel("2023-04", "cutoff")).toBe("tháng 4/2023 (15/03/2023 – 14/04/2023)");
    expect(periodLabel("2024-01", "cutoff")).toBe("tháng 1/2024 (15/12/2023 – 14/01/2024)");
  });

  it("knows the open period and the one that closed before today", () => {
    expect(openPeriod("2023-04-15", "cutoff")).toBe("2023-05");
    expect(lastClosedPeriod("2023-04-15", "cutoff")).toBe("2023-04");
    expect(lastClosedPeriod("2023-04-14", "cutoff")).toBe("2023-03");
    // The trigger on 15/01/2024 reports January (15/12/2023 – 14/01/2024).
    expect(lastClosedPeriod("2024-01-15", "cutoff")).toBe("2024-01");
    expect(lastClosedPeriod("2024-01-14", "cutoff")).toBe("2023-12");
  });
});

describe("calendar periods", () => {
  it("follows the calendar month, including Dec/Jan and leap February", () => {
    expect(periodOf("2023-12-31", "calendar")).toBe("2023-12");
    expect(periodOf("2024-01-01", "calendar")).toBe("2024-01");
    expect(periodBounds("2023-12", "calendar")).toEqual({ start: "2023-12-01", end: "2023-12-31" });
    expect(periodBounds("2024-02", "calendar")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(periodBounds("2023-02", "calendar")).toEqual({ start: "2023-02-01", end: "2023-02-28" });
    expect(periodLabel("2023-04", "calendar")).toBe("tháng 4/2023 (01/04/2023 – 30/04/2023)");
  });

  it("reports December on 1 January", () => {
    expect(lastClosedPeriod("2024-01-01", "calendar")).toBe("2023-12");
    expect(lastClosedPeriod("2023-12-31", "calendar")).toBe("2023-11");
    expect(openPeriod("2024-01-01", "calendar")).toBe("2024-01");
  });
});

describe("Vietnam wall time, whatever the machine's zone", () => {
  it("turns an instant into the date in Asia/Ho_Chi_Minh (UTC+7)", () => {
    // 17:00 UTC on 31/12 is midnight on 1/1 in Hà Nội.
    expect(civilDateOf(new Date(Date.UTC(2023, 11, 31, 17, 0, 0)))).toBe("2024-01-01");
    expect(civilDateOf(new Date(Date.UTC(2023, 11, 31, 16, 59, 59)))).toBe("2023-12-31");
    expect(todayIso(new Date("2023-04-14T23:30:00+07:00"))).toBe("2023-04-14");
    expect(todayIso(new Date("2023-04-14T18:30:00-05:00"))).toBe("2023-04-15");
  });
});

describe("the plan's periods", () => {
  const plan = quangKhai2023;

  it("runs from the plan's start to the end of its reporting year", () => {
    expect(planSpan(plan, "cutoff")).toEqual({ start: "2023-03-15", end: "2023-12-14" });
    expect(planSpan(plan, "calendar")).toEqual({ start: "2023-03-15", end: "2023-12-31" });
    expect(planPeriods(plan, "cutoff")).toEqual([
      "2023-04",
      "2023-05",
      "2023-06",
      "2023-07",
      "2023-08",
      "2023-09",
      "2023-10",
      "2023-11",
      "2023-12",
    ]);
    // Calendar months: March (from the 15th) to December.
    expect(planPeriods(plan, "calendar")).toHaveLength(10);
    expect(planPeriods(plan, "calendar")[0]).toBe("2023-03");
  });

  it("counts months elapsed and the year to date from the plan's start", () => {
    expect(monthsElapsed(plan, "2023-04", "cutoff")).toBe(1);
    expect(monthsElapsed(plan, "2023-06", "cutoff")).toBe(3);
    expect(monthsElapsed(plan, "2023-03", "cutoff")).toBe(0);
    expect(monthsElapsed(plan, "2024-01", "cutoff")).toBe(9);
    expect(monthsElapsed(plan, "2023-04", "calendar")).toBe(2);
    expect(yearToDate(plan, "2023-06", "cutoff")).toEqual({ start: "2023-03-15", end: "2023-06-14" });
    expect(yearToDate(plan, "2023-06", "calendar")).toEqual({ start: "2023-03-15", end: "2023-06-30" });
    // After the year's cut-off the year to date stops at 14/12.
    expect(yearToDate(plan, "2024-01", "cutoff")).toEqual({ start: "2023-03-15", end: "2023-12-14" });
  });
});

describe("formatDateTimeVi", () => {
  it("shows an instant as Vietnamese wall time, whatever the machine's zone", () => {
    expect(formatDateTimeVi("2023-04-15T00:00:00.000Z")).toBe("15/04/2023 07:00");
    expect(formatDateTimeVi("2023-12-31T17:30:00Z")).toBe("01/01/2024 00:30");
  });
  it("leaves what is not an instant as it is", () => {
    expect(formatDateTimeVi("<now>")).toBe("<now>");
  });
});

describe("dates in administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I)", () => {
  it("writes the examples of the rule", () => {
    expect(administrativeDate("2023-02-05")).toBe("ngày 05 tháng 02 năm 2023");
    expect(administrativeDate("2023-06-15")).toBe("ngày 15 tháng 6 năm 2023");
    expect(administrativeDate("2023-03-15")).toBe("ngày 15 tháng 3 năm 2023");
    expect(administrativeDate("2024-01-01")).toBe("ngày 01 tháng 01 năm 2024");
    expect(administrativeDate("2023-10-09")).toBe("ngày 09 tháng 10 năm 2023");
    expect(administrativeDate("2023-12-31")).toBe("ngày 31 tháng 12 năm 2023");
  });

  // Written out, not computed: the day always with two digits, the month with a 0 for 1 and 2 only.
  const DAYS = "01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31";
  const MONTHS = "01 02 3 4 5 6 7 8 9 10 11 12";

  it("pads days 1–9 and the months 1 and 2, for every day of every month of a leap year", () => {
    const days = DAYS.split(" ");
    const months = MONTHS.split(" ");
    const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let count = 0;
    for (let m = 1; m <= 12; m++) {
      for (let d = 1; d <= lengths[m - 1]!; d++) {
        const iso = `2024-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        expect(administrativeDate(iso)).toBe(`ngày ${days[d - 1]} tháng ${months[m - 1]} năm 2024`);
        count++;
      }
    }
    expect(count).toBe(366);
  });
});

describe("Sheets serial numbers (what the Sheets API reads, dates as SERIAL_NUMBER), as Vietnam wall time", () => {
  it("15/4/2023 at noon in Hanoi is serial 45031.5, both ways", () => {
    const noon = Date.UTC(2023, 3, 15, 5, 0);
    expect(serialOfInstant(noon)).toBe(45031.5);
    expect(instantOfSerial(45031.5)).toBe(noon);
  });

  it("an approval's instant survives the round trip to the millisecond", () => {
    const at = Date.parse("2023-05-15T10:23:45.678+07:00");
    expect(instantOfSerial(serialOfInstant(at))).toBe(at);
  });
});
