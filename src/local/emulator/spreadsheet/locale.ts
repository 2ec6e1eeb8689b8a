// A spreadsheet's locale: how it reads typed numbers and dates and how it shows them.
// Google Sheets follows CLDR for each locale (https://github.com/unicode-org/cldr/blob/main/common/main/vi.xml,
// .../en.xml): vi_VN groups thousands with "." and marks decimals with ",", writes dates day/month/year;
// en_US is the other way round and month/day/year. Only the locales the emulator knows are accepted:
// setSpreadsheetLocale with another one says "Not implemented in the emulator".

import { notImplemented } from "../errors";
import { MONTHS as EN_MONTHS } from "../timezone";

export interface LocaleRules {
  id: string;
  decimal: string;
  group: string;
  /** Numeric dates read day first (vi_VN 05/04/2023 = 5 April) or month first (en_US: 4 May). */
  dayFirst: boolean;
  /** Number formats Sheets gives a cell that had none when a date, date-time or time is entered. */
  dateFormat: string;
  dateTimeFormat: string;
  timeFormat: string;
  /** The currency a typed amount may carry, and where. */
  currency: { symbol: string; before: boolean; format: string };
  monthsLong: string[];
  monthsShort: string[];
  daysLong: string[];
  daysShort: string[];
  /** New tabs are named this plus a number ("Sheet1"); a copied tab this plus its name. */
  sheetPrefix: string;
  copyPrefix: string;
  /** Morning / afternoon markers shown for AM/PM in a format. */
  am: string;
  pm: string;
}

const EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const LOCALES: Record<string, LocaleRules> = {
  vi_VN: {
    id: "vi_VN",
    decimal: ",",
    group: ".",
    dayFirst: true,
    dateFormat: "dd/MM/yyyy",
    dateTimeFormat: "dd/MM/yyyy HH:mm:ss",
    timeFormat: "HH:mm:ss",
    currency: { symbol: "₫", before: false, format: '#,##0 "₫"' },
    monthsLong: Array.from({ length: 12 }, (_, i) => `tháng ${i + 1}`),
    monthsShort: Array.from({ length: 12 }, (_, i) => `thg ${i + 1}`),
    daysLong: ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"],
    daysShort: ["CN", "Th 2", "Th 3", "Th 4", "Th 5", "Th 6", "Th 7"],
    sheetPrefix: "Trang tính",
    copyPrefix: "Bản sao của ",
    am: "SA",
    pm: "CH",
  },
  en_US: {
    id: "en_US",
    decimal: ".",
    group: ",",
    dayFirst: false,
    dateFormat: "M/d/yyyy",
    dateTimeFormat: "M/d/yyyy H:mm:ss",
    timeFormat: "h:mm:ss AM/PM",
    currency: { symbol: "$", before: true, format: '"$"#,##0.00' },
    monthsLong: EN_MONTHS,
    monthsShort: EN_MONTHS.map((m) => m.slice(0, 3)),
    daysLong: EN_DAYS,
    daysShort: EN_DAYS.map((d) => d.slice(0, 3)),
    sheetPrefix: "Sheet",
    copyPrefix: "Copy of ",
    am: "AM",
    pm: "PM",
  },
};

export const KNOWN_LOCALES = Object.keys(LOCALES);

/** The rules of a locale the emulator knows; another one is not implemented. */
export function localeRules(id: string): LocaleRules {
  return LOCALES[id] ?? notImplemented(`spreadsheet locale ${id}`);
}

/** Where a cell lives, for reading and showing values: its spreadsheet's zone and locale. */
export interface Where {
  timeZone: string;
  locale: string;
}
