// How a spreadsheet turns written text into values: its locale decides numbers and dates, its time zone
// the instant a date stands for. Scripts' strings are read like typed text.
//
// Sources: a string written with setValue/setValues is parsed "as if the user typed them into the UI
// ... strings may be converted to numbers, dates, etc." (Sheets API, ValueInputOption USER_ENTERED,
// https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption, the option Apps Script's
// setValue uses: gas-fakes writes values with it, src/services/spreadsheetapp/fakesheetrange.js); each
// locale's marks and date order are CLDR's (vi: decimal ",", group ".", dd/MM/y; en: "." "," M/d/yy:
// https://github.com/unicode-org/cldr/blob/main/common/main/vi.xml). Which inputs are numbers, dates or
// text is read from those rules; results.json marks them "source" until recorded on Google.
import { type ContractCase, fresh, type Gas, type Json, json } from "../case";

const TYPED =
  "https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED) with CLDR's marks, https://github.com/unicode-org/cldr/blob/main/common/main/vi.xml";

/** Inputs typed (or written by a script) into General cells, the same in both locales. */
export const INPUTS = [
  "1.234",
  "1,5",
  "05/04/2023",
  "1e3",
  "=1+1",
  "+12",
  "'abc",
  "12%",
  "TRUE",
  "true",
  "FALSE",
  "-5",
  "1,234",
  "1.234,5",
  "1,234.5",
  "1.234.567",
  "1,234,567",
  "0012",
  " 42 ",
  "3,5%",
  "3.5%",
  "-12%",
  "100%",
  "1e-3",
  "1,5E3",
  "1.5E3",
  "0,5",
  "0.5",
  "1.2",
  "12,5",
  "2023-04-05",
  "2023-04",
  "5/4/2023",
  "31/12/2023",
  "12/31/2023",
  "29/02/2023",
  "29/02/2024",
  "2/29/2024",
  "05/04/2023 10:30",
  "10:30",
  "10:30:15",
  "$1,234.50",
  "-$5",
  "1.000 ₫",
  "abc",
  "12 người",
  "1 234",
  "'0012",
  "'=1+1",
];

const date = (s: string): Json => ({ date: s });

/** Each input and what getValues gives for it (dates as the spreadsheet's wall clock). */
function typedTable(gas: Gas, locale: string, inputs: string[]): Json {
  const ss = fresh(gas, `typed text ${locale}`);
  ss.setSpreadsheetLocale(locale);
  ss.setSpreadsheetTimeZone("Asia/Ho_Chi_Minh");
  const range = ss.getSheets()[0]!.getRange(1, 1, inputs.length, 1);
  range.setValues(inputs.map((text) => [text]));
  const tz = ss.getSpreadsheetTimeZone();
  const out: { [input: string]: Json } = {};
  range.getValues().forEach(([v], i) => {
    out[inputs[i]!] =
      Object.prototype.toString.call(v) === "[object Date]"
        ? date(gas.Utilities.formatDate(v as Date, tz, "yyyy-MM-dd HH:mm:ss"))
        : json(v);
  });
  return out;
}

const TABLE_COVERS = [
  "SpreadsheetApp.create",
  "Spreadsheet.setSpreadsheetLocale",
  "Spreadsheet.setSpreadsheetTimeZone",
  "Spreadsheet.getSpreadsheetTimeZone",
  "Range.setValues",
  "Range.getValues",
  "Utilities.formatDate",
];

export const localeCases: ContractCase[] = [
  {
    id: "locale.typed-text-vi_VN",
    behaviour:
      'In a vi_VN spreadsheet "." groups thousands, "," marks decimals and numeric dates are day/month/year; what is neither stays text',
    source: TYPED,
    covers: TABLE_COVERS,
    run: (gas) => typedTable(gas, "vi_VN", INPUTS),
    expected: {
      "1.234": 1234,
      "1,5": 1.5,
      "05/04/2023": date("2023-04-05 00:00:00"),
      "1e3": 1000,
      "=1+1": 2,
      "+12": 12,
      "'abc": "abc",
      "12%": 0.12,
      TRUE: true,
      true: true,
      FALSE: false,
      "-5": -5,
      "1,234": 1.234,
      "1.234,5": 1234.5,
      "1,234.5": "1,234.5",
      "1.234.567": 1234567,
      "1,234,567": "1,234,567",
      "0012": 12,
      " 42 ": 42,
      "3,5%": 0.035,
      "3.5%": "3.5%",
      "-12%": -0.12,
      "100%": 1,
      "1e-3": 0.001,
      "1,5E3": 1500,
      "1.5E3": "1.5E3",
      "0,5": 0.5,
      "0.5": "0.5",
      "1.2": "1.2",
      "12,5": 12.5,
      "2023-04-05": date("2023-04-05 00:00:00"),
      "2023-04": date("2023-04-01 00:00:00"),
      "5/4/2023": date("2023-04-05 00:00:00"),
      "31/12/2023": date("2023-12-31 00:00:00"),
      "12/31/2023": "12/31/2023",
      "29/02/2023": "29/02/2023",
      "29/02/2024": date("2024-02-29 00:00:00"),
      "2/29/2024": "2/29/2024",
      "05/04/2023 10:30": date("2023-04-05 10:30:00"),
      "10:30": date("1899-12-30 10:30:00"),
      "10:30:15": date("1899-12-30 10:30:15"),
      "$1,234.50": "$1,234.50",
      "-$5": "-$5",
      "1.000 ₫": 1000,
      abc: "abc",
      "12 người": "12 người",
      "1 234": "1 234",
      "'0012": "0012",
      "'=1+1": "=1+1",
    },
  },
  {
    id: "locale.typed-text-en_US",
    behaviour:
      'In an en_US spreadsheet "," groups thousands, "." marks decimals and numeric dates are month/day/year; what is neither stays text',
    source: TYPED.replace("vi.xml", "en.xml"),
    covers: TABLE_COVERS,
    run: (gas) => typedTable(gas, "en_US", [...INPUTS, "3:30 PM"]),
    expected: {
      "1.234": 1.234,
      "1,5": "1,5",
      "05/04/2023": date("2023-05-04 00:00:00"),
      "1e3": 1000,
      "=1+1": 2,
      "+12": 12,
      "'abc": "abc",
      "12%": 0.12,
      TRUE: true,
      true: true,
      FALSE: false,
      "-5": -5,
      "1,234": 1234,
      "1.234,5": "1.234,5",
      "1,234.5": 1234.5,
      "1.234.567": "1.234.567",
      "1,234,567": 1234567,
      "0012": 12,
      " 42 ": 42,
      "3,5%": "3,5%",
      "3.5%": 0.035,
      "-12%": -0.12,
      "100%": 1,
      "1e-3": 0.001,
      "1,5E3": "1,5E3",
      "1.5E3": 1500,
      "0,5": "0,5",
      "0.5": 0.5,
      "1.2": 1.2,
      "12,5": "12,5",
      "2023-04-05": date("2023-04-05 00:00:00"),
      "2023-04": date("2023-04-01 00:00:00"),
      "5/4/2023": date("2023-05-04 00:00:00"),
      "31/12/2023": "31/12/2023",
      "12/31/2023": date("2023-12-31 00:00:00"),
      "29/02/2023": "29/02/2023",
      "29/02/2024": "29/02/2024",
      "2/29/2024": date("2024-02-29 00:00:00"),
      "05/04/2023 10:30": date("2023-05-04 10:30:00"),
      "10:30": date("1899-12-30 10:30:00"),
      "10:30:15": date("1899-12-30 10:30:15"),
      "$1,234.50": 1234.5,
      "-$5": -5,
      "1.000 ₫": "1.000 ₫",
      abc: "abc",
      "12 người": "12 người",
      "1 234": "1 234",
      "'0012": "0012",
      "'=1+1": "=1+1",
      "3:30 PM": date("1899-12-30 15:30:00"),
    },
  },
  {
    id: "locale.date-like-strings-in-general-and-plain-text-cells",
    behaviour:
      'A script\'s "2023-04" or "1/2" becomes a date (the first of the month; this year) in a General cell and stays the string in a plain-text ("@") cell',
    source: TYPED,
    covers: ["Range.setNumberFormat", "Range.setValues", "Range.getValues", "Utilities.formatDate"],
    // "1/2" has no year: Sheets takes the current one, so this world's clock is the real one.
    world: { now: new Date() },
    run(gas) {
      const ss = fresh(gas, "date-like strings");
      ss.setSpreadsheetLocale("en_US");
      const tz = ss.getSpreadsheetTimeZone();
      const sheet = ss.getSheets()[0]!;
      const general = sheet.getRange("A1:B1");
      const plain = sheet.getRange("A2:B2").setNumberFormat("@");
      general.setValues([["2023-04", "1/2"]]);
      plain.setValues([["2023-04", "1/2"]]);
      const [month, noYear] = general.getValues()[0] as [Date, Date];
      const thisYear = gas.Utilities.formatDate(new Date(), tz, "yyyy");
      return {
        general: [
          gas.Utilities.formatDate(month, tz, "yyyy-MM-dd"),
          gas.Utilities.formatDate(noYear, tz, "MM-dd"),
          gas.Utilities.formatDate(noYear, tz, "yyyy") === thisYear,
        ],
        plainText: json(plain.getValues()[0]),
      };
    },
    expected: { general: ["2023-04-01", "01-02", true], plainText: ["2023-04", "1/2"] },
  },
  {
    id: "locale.leading-apostrophe-general-vs-plain-text",
    behaviour:
      'A leading apostrophe written into a General cell means \'text\' and is dropped ("\'=A1+1" reads "=A1+1", no formula); in a plain-text ("@") cell everything written is kept as is, apostrophe included, and "=A1+1" is no formula',
    source: TYPED,
    note: "The apostrophe is the Sheets UI's text prefix; that a plain-text cell keeps it is the emulator's reading, to be confirmed by a recording.",
    covers: ["Range.setNumberFormat", "Range.setValues", "Range.getValues", "Range.getFormulas"],
    run(gas) {
      const sheet = fresh(gas, "apostrophe").getSheets()[0]!;
      const written = [["'=A1+1", "'0012", "'abc", "=A1+1"]];
      const general = sheet.getRange("A1:D1");
      const plain = sheet.getRange("A2:D2").setNumberFormat("@");
      general.setValues(written);
      plain.setValues(written);
      return {
        // (D1's value is the formula's result, which the emulator does not compute.)
        general: json(general.getValues()[0]!.slice(0, 3)),
        generalFormulas: json(general.getFormulas()[0]),
        plainText: json(plain.getValues()[0]),
        plainTextFormulas: json(plain.getFormulas()[0]),
      };
    },
    expected: {
      general: ["=A1+1", "0012", "abc"],
      generalFormulas: ["", "", "", "=A1+1"],
      plainText: ["'=A1+1", "'0012", "'abc", "=A1+1"],
      plainTextFormulas: ["", "", "", ""],
    },
  },
  {
    id: "locale.get-and-set",
    behaviour:
      "getSpreadsheetLocale gives the spreadsheet's locale (a new one's is its creator's); setSpreadsheetLocale changes it",
    source:
      "https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale()",
    note: "setSpreadsheetLocale: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetLocale(String)",
    covers: ["Spreadsheet.getSpreadsheetLocale", "Spreadsheet.setSpreadsheetLocale"],
    world: { locale: "en_US" },
    manual:
      "In a spreadsheet created by an en_US account: getSpreadsheetLocale, setSpreadsheetLocale('vi_VN'), again.",
    run(gas) {
      const ss = gas.SpreadsheetApp.getActiveSpreadsheet();
      const before = ss.getSpreadsheetLocale();
      ss.setSpreadsheetLocale("vi_VN");
      return { before, after: ss.getSpreadsheetLocale() };
    },
    expected: { before: "en_US", after: "vi_VN" },
  },
  {
    id: "timezone.spreadsheet-zone-not-script-zone",
    behaviour:
      "A date typed in a spreadsheet set to UTC+9 is midnight there (15:00 UTC the day before), whatever the script's own time zone; getValue gives that instant",
    source:
      "https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetTimeZone(String)",
    note: "Sheets stores dates as serial days on the spreadsheet's clock (https://developers.google.com/sheets/api/guides/formats#about_date_time_values); Session.getScriptTimeZone is the project's (appsscript.json).",
    covers: [
      "Spreadsheet.setSpreadsheetTimeZone",
      "Spreadsheet.getSpreadsheetTimeZone",
      "Session.getScriptTimeZone",
      "Range.setValue",
      "Range.getValue",
      "Range.getDisplayValue",
      "Utilities.formatDate",
    ],
    run(gas) {
      const ss = fresh(gas, "time zones");
      ss.setSpreadsheetLocale("en_US");
      ss.setSpreadsheetTimeZone("Asia/Tokyo");
      const sheet = ss.getSheets()[0]!;
      const typed = sheet.getRange("A1").setValue("05/04/2023").getValue() as Date;
      // A script's Date is an instant; the cell shows it on the spreadsheet's clock.
      const written = sheet
        .getRange("A2")
        .setNumberFormat("yyyy-mm-dd hh:mm")
        .setValue(new Date("2023-04-05T00:00:00+07:00"))
        .getDisplayValue();
      const scriptZone = gas.Session.getScriptTimeZone();
      return {
        spreadsheetZone: ss.getSpreadsheetTimeZone(),
        scriptZone,
        typed: typed.toISOString(),
        typedOnScriptClock: gas.Utilities.formatDate(typed, scriptZone, "yyyy-MM-dd HH:mm"),
        writtenShows: written,
      };
    },
    expected: {
      spreadsheetZone: "Asia/Tokyo",
      scriptZone: "Asia/Ho_Chi_Minh",
      typed: "2023-05-03T15:00:00.000Z",
      typedOnScriptClock: "2023-05-03 22:00",
      writtenShows: "2023-04-05 02:00",
    },
  },
];
