// Contract tests: data validation built with SpreadsheetApp.newDataValidation().
// Reference pages: https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
//                  https://developers.google.com/apps-script/reference/spreadsheet/data-validation
//                  https://developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria
import { describe, expect, it } from "vitest";
import { errorOf, OWNER, POLICE, setup, vnDate } from "./helpers";

describe("DataValidationBuilder", () => {
  it("requireValueInList records the list and the dropdown flag (default true)", () => {
    // builder#requireValueInList(values, showDropdown); getCriteriaValues gives the arguments.
    const { app } = setup();
    const rule = app.newDataValidation().requireValueInList(["Có", "Không"]).build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([["Có", "Không"], true]);
    const hidden = app.newDataValidation().requireValueInList(["Có", "Không"], false).build();
    expect(hidden.getCriteriaValues()).toEqual([["Có", "Không"], false]);
  });

  it("number, date and checkbox criteria carry their arguments", () => {
    // builder#requireNumberBetween / requireNumberGreaterThanOrEqualTo / requireDate / requireCheckbox.
    const { app } = setup();
    const between = app.newDataValidation().requireNumberBetween(0, 500).build();
    expect([between.getCriteriaType(), between.getCriteriaValues()]).toEqual(["NUMBER_BETWEEN", [0, 500]]);
    const atLeast = app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build();
    expect([atLeast.getCriteriaType(), atLeast.getCriteriaValues()]).toEqual([
      "NUMBER_GREATER_THAN_OR_EQUAL_TO",
      [0],
    ]);
    expect(app.newDataValidation().requireDate().build().getCriteriaType()).toBe("DATE_IS_VALID_DATE");
    expect(app.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe("CHECKBOX");
  });

  it("allowInvalid defaults to true (warn), help text to none", () => {
    // builder#setAllowInvalid: "true if the rule should allow input that fails data validation".
    const { app } = setup();
    const b = app.newDataValidation().requireDate();
    expect(b.getAllowInvalid()).toBe(true);
    expect(b.getHelpText()).toBeNull();
    const rule = b.setAllowInvalid(false).setHelpText("Nhập ngày dạng dd/mm/yyyy, ví dụ 15/04/2023.").build();
    expect(rule.getAllowInvalid()).toBe(false);
    expect(rule.getHelpText()).toBe("Nhập ngày dạng dd/mm/yyyy, ví dụ 15/04/2023.");
  });

  it("copy() gives a builder with the same settings to derive a new rule", () => {
    // dataValidation#copy: "Creates a builder for a data validation rule based on this rule's settings."
    const { app } = setup();
    const base = app
      .newDataValidation()
      .requireNumberBetween(0, 100)
      .setAllowInvalid(false)
      .setHelpText("0–100")
      .build();
    const derived = base.copy().setHelpText("khác").build();
    expect([derived.getCriteriaType(), derived.getCriteriaValues(), derived.getAllowInvalid()]).toEqual([
      "NUMBER_BETWEEN",
      [0, 100],
      false,
    ]);
    expect([base.getHelpText(), derived.getHelpText()]).toEqual(["0–100", "khác"]);
  });

  it("withCriteria sets any criteria with its arguments", () => {
    // builder#withCriteria(criteria, args).
    const { app } = setup();
    const rule = app
      .newDataValidation()
      .withCriteria(app.DataValidationCriteria.NUMBER_LESS_THAN, [10])
      .build();
    expect([rule.getCriteriaType(), rule.getCriteriaValues()]).toEqual(["NUMBER_LESS_THAN", [10]]);
  });
});

describe("rules on ranges", () => {
  it("setDataValidation applies to every cell; getDataValidations shows null where there is none", () => {
    // range#setDataValidation (null removes), getDataValidation (top-left cell), getDataValidations.
    const { ss, app } = setup();
    const s = ss.getActiveSheet();
    s.getRange("C2:C3").setDataValidation(app.newDataValidation().requireDate().build());
    const grid = s.getRange("B2:C3").getDataValidations();
    expect(grid.map((r) => r.map((v) => v?.getCriteriaType() ?? null))).toEqual([
      [null, "DATE_IS_VALID_DATE"],
      [null, "DATE_IS_VALID_DATE"],
    ]);
    s.getRange("C2").setDataValidation(null);
    expect(s.getRange("C2").getDataValidation()).toBeNull();
  });

  it("setDataValidations takes one rule (or null) per cell; clearDataValidations removes them", () => {
    // range#setDataValidations(rules) with matching dimensions; range#clearDataValidations.
    const { ss, app } = setup();
    const r = ss.getActiveSheet().getRange("A1:B1");
    const yes = app.newDataValidation().requireValueInList(["Có", "Không"]).build();
    r.setDataValidations([[yes, null]]);
    expect(r.getDataValidations().map((row) => row.map((v) => v !== null))).toEqual([[true, false]]);
    expect(errorOf(() => r.setDataValidations([[yes]]))).toMatch(/The data has 1 but the range has 2/);
    r.clearDataValidations();
    expect(r.getDataValidation()).toBeNull();
  });

  it("a script may write a value that breaks a rule (validation judges people, not scripts)", () => {
    // Data validation applies to what users enter; Range.setValue is not rejected by it.
    const { ss, app } = setup();
    const r = ss.getActiveSheet().getRange("D2");
    r.setDataValidation(
      app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).build(),
    );
    r.setValue(-4);
    expect(r.getValue()).toBe(-4);
  });

  it("insertCheckboxes sets a checkbox rule and FALSE in every cell", () => {
    // range#insertCheckboxes: "Sets the value of all cells in the range to false."
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("E2:E3");
    r.insertCheckboxes();
    expect(r.getValues()).toEqual([[false], [false]]);
    expect(r.getDataValidation()?.getCriteriaType()).toBe("CHECKBOX");
    r.check();
    expect(r.isChecked()).toBe(true);
  });
});

describe("user edits against rules", () => {
  function tab() {
    const env = setup();
    const sheet = env.ss.insertSheet("Công an xã");
    env.ss.addEditor(POLICE);
    const app = env.app;
    sheet
      .getRange("B2:B50")
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(["Tuyên truyền", "Kiểm tra"])
          .setAllowInvalid(false)
          .build(),
      );
    sheet
      .getRange("C2:C50")
      .setDataValidation(
        app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(true).build(),
      );
    sheet
      .getRange("A2:A50")
      .setDataValidation(
        app
          .newDataValidation()
          .requireDate()
          .setAllowInvalid(false)
          .setHelpText("Nhập ngày dạng dd/mm/yyyy, ví dụ 15/04/2023.")
          .build(),
      );
    return { ...env, sheet };
  }

  it("an entry breaking a rule with allowInvalid=false is rejected and nothing changes", () => {
    // builder#setAllowInvalid(false): "reject input" – the Sheets UI refuses the entry.
    const { model, sheet } = tab();
    sheet.getRange("B2").setValue("Kiểm tra");
    const msg = errorOf(() => model.userEdit("Công an xã", "B2", [["Họp dân"]], POLICE, true));
    expect(msg).toContain("Tuyên truyền, Kiểm tra");
    expect(sheet.getRange("B2").getValue()).toBe("Kiểm tra");
  });

  it("the rejection shows the rule's help text when it has one", () => {
    // builder#setHelpText: the text shown when the user enters invalid data.
    const { model, sheet } = tab();
    expect(errorOf(() => model.userEdit("Công an xã", "A2", [["ngày mai"]], POLICE, true))).toContain(
      "Nhập ngày dạng dd/mm/yyyy, ví dụ 15/04/2023.",
    );
    model.userEdit("Công an xã", "A2", [["15/04/2023"]], POLICE, true);
    expect((sheet.getRange("A2").getValue() as Date).getTime()).toBe(vnDate(2023, 4, 15).getTime());
  });

  it("with allowInvalid=true the invalid entry is kept as typed", () => {
    // builder#setAllowInvalid(true): "show warning" – the value stays, flagged.
    const { model, sheet } = tab();
    model.userEdit("Công an xã", "C2", [["-3"]], POLICE, true);
    expect(sheet.getRange("C2").getValue()).toBe(-3);
  });

  it("a multi-cell paste with one bad cell is refused as a whole", () => {
    // A rejected entry leaves the edited cells as they were.
    const { model, sheet } = tab();
    const msg = errorOf(() =>
      model.userEdit("Công an xã", "A3:C3", [["16/04/2023", "Họp", "5"]], POLICE, true),
    );
    expect(msg).toContain("Tuyên truyền");
    expect(sheet.getRange("A3:C3").getValues()).toEqual([["", "", ""]]);
  });

  it("clearing a validated cell is always allowed", () => {
    // Blank cells pass every rule (Sheets lets users delete an entry).
    const { model, sheet } = tab();
    sheet.getRange("B4").setValue("Tuyên truyền");
    model.userEdit("Công an xã", "B4", [[""]], OWNER, true);
    expect(sheet.getRange("B4").getValue()).toBe("");
  });

  it("requireValueInRange checks against the display values of another sheet's range", () => {
    // builder#requireValueInRange(range, showDropdown): valid data must be in the given range;
    // getCriteriaValues gives the Range back.
    const { ss, app, model } = tab();
    const lists = ss.insertSheet("Danh mục");
    lists.getRange("A1:A3").setValues([["Thôn Đông"], ["Thôn Tây"], ["Thôn Nam"]]);
    const sheet = ss.getSheetByName("Công an xã")!;
    sheet
      .getRange("D2:D50")
      .setDataValidation(
        app.newDataValidation().requireValueInRange(lists.getRange("A1:A3")).setAllowInvalid(false).build(),
      );
    const values = sheet.getRange("D2").getDataValidation()!.getCriteriaValues();
    expect((values[0] as { getA1Notation(): string }).getA1Notation()).toBe("A1:A3");
    expect(values[1]).toBe(true);
    model.userEdit("Công an xã", "D2", [["Thôn Tây"]], POLICE, true);
    expect(errorOf(() => model.userEdit("Công an xã", "D3", [["Thôn Bắc"]], POLICE, true))).toContain(
      "Thôn Đông, Thôn Tây, Thôn Nam",
    );
  });

  it("a rejecting checkbox rule accepts TRUE/FALSE and refuses other text", () => {
    // builder#requireCheckbox(): the cell holds TRUE when checked and FALSE when unchecked.
    const { ss, app, model } = tab();
    const sheet = ss.getSheetByName("Công an xã")!;
    sheet
      .getRange("E2:E9")
      .setDataValidation(app.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    model.userEdit("Công an xã", "E2", [["TRUE"]], POLICE, true);
    expect(sheet.getRange("E2").getValue()).toBe(true);
    expect(errorOf(() => model.userEdit("Công an xã", "E3", [["có"]], POLICE, true))).toMatch(
      /There was a problem/,
    );
  });

  it("a date-between rule compares calendar days in the spreadsheet's time zone", () => {
    // builder#requireDateBetween(start, end): the date must fall within the two dates.
    const { ss, app, model } = tab();
    const sheet = ss.getSheetByName("Công an xã")!;
    sheet.getRange("F2:F9").setDataValidation(
      app
        .newDataValidation()
        .requireDateBetween(vnDate(2023, 1, 1), vnDate(2023, 12, 31))
        .setAllowInvalid(false)
        .build(),
    );
    model.userEdit("Công an xã", "F2", [["31/12/2023"]], POLICE, true);
    model.userEdit("Công an xã", "F3", [["01/01/2023"]], POLICE, true);
    expect(errorOf(() => model.userEdit("Công an xã", "F4", [["01/01/2024"]], POLICE, true))).toMatch(
      /There was a problem/,
    );
  });
});
