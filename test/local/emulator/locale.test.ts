// The world's creator chooses the locale and time zone new spreadsheets get (Google takes them from the
// creating account's settings); a person typing reads like a script writing (USER_ENTERED), and cells
// show numbers and dates in the spreadsheet's locale.
import { describe, expect, it } from "vitest";
import { createEnvironment } from "../../../src/local/emulator/index";
import { gas, OWNER } from "./harness";

const world = (locale: string, spreadsheetTimeZone?: string) =>
  createEnvironment({
    owner: OWNER,
    now: new Date("2023-04-10T02:00:00Z"),
    timeZone: "Asia/Ho_Chi_Minh",
    locale,
    spreadsheetName: "Kế hoạch",
    ...(spreadsheetTimeZone ? { spreadsheetTimeZone } : {}),
  });

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

describe("locale and time zone of a world's spreadsheets", () => {
  it("the bound spreadsheet and every spreadsheet the script creates take the creator's locale and zone", () => {
    const env = world("en_US", "Asia/Tokyo");
    const { SpreadsheetApp, Session } = gas(env);
    const bound = env.active as Ss;
    const made = SpreadsheetApp.create("Copy");
    for (const ss of [bound, made]) {
      expect(ss.getSpreadsheetLocale()).toBe("en_US");
      expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Tokyo");
      expect(ss.getSheets()[0]!.getName()).toBe("Sheet1");
    }
    expect(Session.getScriptTimeZone()).toBe("Asia/Ho_Chi_Minh");
    expect(Session.getActiveUserLocale()).toBe("en");
  });

  it("refuses a locale or zone the emulator does not know, at creation and when a script sets one", () => {
    expect(() => world("xx_YY")).toThrow(/Not implemented in the emulator: spreadsheet locale xx_YY/);
    expect(() => world("en_US", "Mars/Olympus")).toThrow(/time zone/);
    const ss = world("vi_VN").active as Ss;
    expect(() => ss.setSpreadsheetLocale("fr_FR")).toThrow(/Not implemented/);
    ss.setSpreadsheetLocale("en_US");
    expect(ss.getSpreadsheetLocale()).toBe("en_US");
  });

  it("a person typing reads the text as the spreadsheet's locale says, like a script writing it", () => {
    const us = world("en_US");
    const a1 = us.userEdit("Sheet1", "A1", "05/04/2023", { typed: true })
      .range as GoogleAppsScript.Spreadsheet.Range;
    expect((a1.getValue() as Date).toISOString()).toBe("2023-05-03T17:00:00.000Z");
    const vi = world("vi_VN");
    const b1 = vi.userEdit("Trang tính1", "B1", "1.234", { typed: true })
      .range as GoogleAppsScript.Spreadsheet.Range;
    expect(b1.getValue()).toBe(1234);
  });

  it("cells show numbers and dates with the locale's marks and date order", () => {
    for (const [locale, shown] of [
      ["vi_VN", ["1.234,50", "05/04/2023", "12,5%", "tháng 4"]],
      ["en_US", ["1,234.50", "4/5/2023", "12.5%", "April"]],
    ] as const) {
      const sheet = (world(locale).active as Ss).getSheets()[0]!;
      const row = sheet.getRange("A1:D1");
      row.setNumberFormats([["#,##0.00", locale === "vi_VN" ? "dd/MM/yyyy" : "M/d/yyyy", "0.0%", "mmmm"]]);
      const april5 = new Date("2023-04-05T00:00:00+07:00");
      row.setValues([[1234.5, april5, 0.125, april5]]);
      expect(row.getDisplayValues()[0]).toEqual(shown);
    }
  });
});
