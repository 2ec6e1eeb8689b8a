// Contract tests: how text typed into a vi_VN spreadsheet becomes a value.
// Reference: Google Sheets help, "Set a spreadsheet's locale and time zone"
// (https://support.google.com/docs/answer/58515): the locale decides how numbers and dates are
// written and read (vi_VN: "." groups thousands, "," marks decimals, dates are day/month/year).
import { describe, expect, it } from "vitest";
import { parseEntered } from "../../../../src/local/emulator/spreadsheet/index";
import { vnDate } from "./helpers";

const VI = { timeZone: "Asia/Ho_Chi_Minh", locale: "vi_VN", now: Date.UTC(2023, 3, 10) };
const read = (text: string) => parseEntered(text, VI, false);

describe("typed text in vi_VN", () => {
  it("reads Vietnamese-style numbers", () => {
    expect(read("1.234").value).toBe(1234);
    expect(read("1.234.567").value).toBe(1234567);
    expect(read("1.234,5").value).toBe(1234.5);
    expect(read("12,5").value).toBe(12.5);
    expect(read("-7").value).toBe(-7);
    expect(read(" 42 ").value).toBe(42);
  });

  it("leaves text that is not a number in this locale as text", () => {
    // "1.2" is neither a grouped thousand nor a vi_VN decimal.
    expect(read("1.2").value).toBe("1.2");
    expect(read("1 234").value).toBe("1 234");
    expect(read("12 người").value).toBe("12 người");
  });

  it("reads percentages and gives them a percent format", () => {
    expect(read("50%")).toEqual({ value: 0.5, autoFormat: "0%" });
    expect(read("12,5%")).toEqual({ value: 0.125, autoFormat: "0.00%" });
  });

  it("reads day/month/year dates at midnight in the spreadsheet's zone; impossible dates stay text", () => {
    expect((read("15/04/2023").value as Date).getTime()).toBe(vnDate(2023, 4, 15).getTime());
    expect((read("5/4/2023").value as Date).getTime()).toBe(vnDate(2023, 4, 5).getTime());
    expect((read("2023-04-15").value as Date).getTime()).toBe(vnDate(2023, 4, 15).getTime());
    expect((read("15/04/2023 07:30").value as Date).getTime()).toBe(vnDate(2023, 4, 15, 7, 30).getTime());
    expect(read("29/02/2023").value).toBe("29/02/2023");
    expect(read("15/13/2023").value).toBe("15/13/2023");
  });

  it("TRUE/FALSE are booleans, '=…' a formula, a leading apostrophe forces text", () => {
    expect(read("true").value).toBe(true);
    expect(read("FALSE").value).toBe(false);
    expect(read("=B2+C2")).toEqual({ formula: "=B2+C2" });
    expect(read("'=B2")).toEqual({ value: "=B2" });
    expect(read("'15/04/2023")).toEqual({ value: "15/04/2023" });
    expect(read("")).toEqual({});
  });

  it("in a plain-text cell everything stays as typed", () => {
    expect(parseEntered("=B2", VI, true)).toEqual({ value: "=B2" });
    expect(parseEntered("007", VI, true)).toEqual({ value: "007" });
  });
});
