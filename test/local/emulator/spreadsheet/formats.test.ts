// Contract tests: display values, number formats, notes, backgrounds, fonts and clearing.
// Reference pages: https://developers.google.com/apps-script/reference/spreadsheet/range
//                  https://developers.google.com/sheets/api/guides/formats (number format patterns)
import { describe, expect, it } from "vitest";
import { errorOf, setup, vnDate } from "./helpers";

function show(value: unknown, format?: string): string {
  const { ss } = setup();
  const r = ss.getActiveSheet().getRange("A1");
  if (format !== undefined) r.setNumberFormat(format);
  r.setValue(value);
  return r.getDisplayValue();
}

describe("getDisplayValues in a vi_VN spreadsheet", () => {
  it("formats numbers with '.' for thousands and ',' for decimals", () => {
    // range#getDisplayValues: the values as displayed, formatted by the cell's number format and
    // the spreadsheet's locale (formats guide: the locale decides the separators).
    expect(show(1234, "#,##0")).toBe("1.234");
    expect(show(1234567.891, "#,##0.00")).toBe("1.234.567,89");
    expect(show(-1500, "#,##0")).toBe("-1.500");
    expect(show(0.333, "0.0%")).toBe("33,3%");
    expect(show(1, "0%")).toBe("100%");
    expect(show(2.5, "0")).toBe("3");
    expect(show(7, "000")).toBe("007");
  });

  it("formats dates in the spreadsheet's time zone with dd/MM/yyyy patterns", () => {
    // Date format tokens (formats guide): d/dd day, M/MM month, yyyy year, HH hours, mm minutes.
    const at = vnDate(2023, 4, 5, 7, 30);
    expect(show(at, "dd/MM/yyyy")).toBe("05/04/2023");
    expect(show(at, "d/M/yyyy")).toBe("5/4/2023");
    expect(show(at, "dd/MM/yyyy HH:mm")).toBe("05/04/2023 07:30");
    expect(show(at, "yyyy-MM-dd")).toBe("2023-04-05");
  });

  it("shows text, booleans and the automatic format plainly", () => {
    // Automatic format: numbers without grouping, decimals with the locale's mark.
    expect(show("Công an xã")).toBe("Công an xã");
    expect(show(true)).toBe("TRUE");
    expect(show(1234.5)).toBe("1234,5");
    expect(show(42)).toBe("42");
  });

  it("supports quoted literals and a separate negative section", () => {
    // Formats guide: text in quotes is shown as is; sections are separated by ";".
    expect(show(1500000, '#,##0 "đ"')).toBe("1.500.000 đ");
    expect(show(-3, "0;(0)")).toBe("(3)");
  });

  it("a typed date gets a date format and displays as typed", () => {
    // Sheets applies a date format to a cell when a date is entered into an unformatted cell.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1");
    r.setValue("15/04/2023");
    expect(r.getNumberFormat()).toBe("dd/MM/yyyy");
    expect(r.getDisplayValue()).toBe("15/04/2023");
  });

  it("getNumberFormat of an unformatted cell is Google's automatic pattern", () => {
    // range#getNumberFormat on a cell whose format was never set.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1:B1");
    r.getCell(1, 2).setNumberFormat("dd/MM/yyyy");
    expect(r.getNumberFormats()).toEqual([["0.###############", "dd/MM/yyyy"]]);
  });

  it("changing the number format changes the display, not the value", () => {
    // range#setNumberFormat sets how the value is shown; getValues still returns the number.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1");
    r.setValue(0.25);
    r.setNumberFormat("0%");
    expect(r.getValue()).toBe(0.25);
    expect(r.getDisplayValue()).toBe("25%");
  });
});

describe("notes", () => {
  it("setNote/getNote/getNotes/clearNote; '' for a cell without a note", () => {
    // range#getNote: "" when the cell has no note; range#clearNote removes it.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1:B1");
    r.getCell(1, 1).setNote("Cột Ngày: nhập dd/mm/yyyy");
    expect(r.getNotes()).toEqual([["Cột Ngày: nhập dd/mm/yyyy", ""]]);
    r.setNotes([["a", "b"]]);
    expect(r.getNote()).toBe("a");
    r.clearNote();
    expect(r.getNotes()).toEqual([["", ""]]);
  });

  it("setNotes refuses a grid of the wrong shape", () => {
    // range#setNotes: the array's dimensions must match the range.
    const { ss } = setup();
    expect(
      errorOf(() =>
        ss
          .getActiveSheet()
          .getRange("A1:B2")
          .setNotes([["x", "y"]]),
      ),
    ).toMatch(/The data has 1 but the range has 2/);
  });
});

describe("backgrounds and text formats", () => {
  it("getBackground is '#ffffff' by default and colours come back as lower-case hex", () => {
    // range#getBackground: the colour code; range#setBackground accepts CSS notation; null resets.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1:B1");
    expect(r.getBackgrounds()).toEqual([["#ffffff", "#ffffff"]]);
    r.getCell(1, 1).setBackground("#F4CCCC");
    r.getCell(1, 2).setBackground("red");
    expect(r.getBackgrounds()).toEqual([["#f4cccc", "#ff0000"]]);
    r.setBackground(null);
    expect(r.getBackground()).toBe("#ffffff");
  });

  it("setBackgrounds takes a grid matching the range", () => {
    // range#setBackgrounds: a 2D array of colours matching the range's dimensions.
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1:B2");
    r.setBackgrounds([
      ["#fff2cc", null],
      [null, "#d9ead3"],
    ]);
    expect(r.getBackgrounds()).toEqual([
      ["#fff2cc", "#ffffff"],
      ["#ffffff", "#d9ead3"],
    ]);
    expect(errorOf(() => r.setBackgrounds([["#fff2cc"]]))).toMatch(/does not match the number of rows/);
  });

  it("font weight, colour, wrap and alignment are kept per cell", () => {
    // range#setFontWeight('bold'|'normal'|null), setFontColor, setWrap, setHorizontalAlignment.
    const { ss } = setup();
    const header = ss.getActiveSheet().getRange("A1:C1");
    header
      .setFontWeight("bold")
      .setFontColor("#1155cc")
      .setWrap(true)
      .setHorizontalAlignment("center")
      .setVerticalAlignment("middle");
    expect(header.getFontWeights()).toEqual([["bold", "bold", "bold"]]);
    expect(header.getFontColor()).toBe("#1155cc");
    expect(header.getWraps()).toEqual([[true, true, true]]);
    expect(header.getHorizontalAlignment()).toBe("center");
    expect(header.getVerticalAlignment()).toBe("middle");
    header.setFontWeight(null);
    expect(header.getFontWeight()).toBe("normal");
  });
});

describe("clearing", () => {
  function filled() {
    const env = setup();
    const r = env.ss.getActiveSheet().getRange("A1");
    r.setValue(12).setNumberFormat("#,##0").setBackground("#ffcccc").setNote("ghi chú");
    r.setDataValidation(env.app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build());
    return { ...env, r };
  }

  it("clear() removes contents, formats, notes and validation", () => {
    // range#clear(options): "By default all data is cleared."
    const { r } = filled();
    r.clear();
    expect([
      r.getValue(),
      r.getNumberFormat(),
      r.getBackground(),
      r.getNote(),
      r.getDataValidation(),
    ]).toEqual(["", "0.###############", "#ffffff", "", null]);
  });

  it("clearContent keeps formats, notes and validation", () => {
    // range#clearContent: "Clears the content of the range, leaving the formatting intact."
    const { r } = filled();
    r.clearContent();
    expect(r.getValue()).toBe("");
    expect([r.getNumberFormat(), r.getBackground(), r.getNote()]).toEqual(["#,##0", "#ffcccc", "ghi chú"]);
    expect(r.getDataValidation()).not.toBeNull();
  });

  it("clearFormat removes text formatting but keeps the number format and the value", () => {
    // range#clearFormat: clears formatting but "does not reset any number formatting rules".
    const { r } = filled();
    r.setFontWeight("bold");
    r.clearFormat();
    expect([r.getValue(), r.getNumberFormat(), r.getBackground(), r.getFontWeight()]).toEqual([
      12,
      "#,##0",
      "#ffffff",
      "normal",
    ]);
  });

  it("clear({contentsOnly}) and clear({validationsOnly}) clear only that", () => {
    // range#clear(options): contentsOnly / formatOnly / commentsOnly / validationsOnly.
    const { r } = filled();
    r.clear({ validationsOnly: true });
    expect(r.getDataValidation()).toBeNull();
    expect(r.getValue()).toBe(12);
    r.clear({ contentsOnly: true });
    expect([r.getValue(), r.getBackground()]).toEqual(["", "#ffcccc"]);
  });

  it("Sheet.clear empties the sheet's content and formats; clearContents keeps formats", () => {
    // sheet#clear: clears content and formatting; sheet#clearContents: content only.
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet
      .getRange("A1:B2")
      .setValues([
        [1, 2],
        [3, 4],
      ])
      .setBackground("#d9ead3");
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange("B2").getBackground()).toBe("#d9ead3");
    sheet.getRange("A1").setValue(1);
    sheet.clear();
    expect([sheet.getLastRow(), sheet.getRange("B2").getBackground()]).toEqual([0, "#ffffff"]);
  });
});
