// Data validation: the builders the add-in uses, what a rule gives back, and a rule refusing input.
import { type ContractCase, fresh, json, thrown } from "../case";

const TEST = "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testsheetsdatavalidations.js";

export const dataValidationCases: ContractCase[] = [
  {
    id: "data-validation.builder-defaults",
    behaviour:
      "A new builder has no criteria (null), no values, no help text (null), and allows invalid input",
    source: `${TEST}#L329-L336`,
    covers: [
      "SpreadsheetApp.newDataValidation",
      "DataValidationBuilder.getCriteriaType",
      "DataValidationBuilder.getCriteriaValues",
      "DataValidationBuilder.getHelpText",
      "DataValidationBuilder.getAllowInvalid",
    ],
    run(gas) {
      const b = gas.SpreadsheetApp.newDataValidation();
      return [
        json(b.getCriteriaType()),
        json(b.getCriteriaValues()),
        json(b.getHelpText()),
        b.getAllowInvalid(),
      ];
    },
    expected: [null, [], null, true],
  },
  {
    id: "data-validation.value-list",
    behaviour:
      "requireValueInList turns every item into a string and adds the showDropdown argument (true unless given)",
    source: `${TEST}#L410-L416`,
    covers: [
      "DataValidationBuilder.requireValueInList",
      "DataValidationBuilder.build",
      "DataValidation.getCriteriaType",
      "DataValidation.getCriteriaValues",
    ],
    run(gas) {
      const rule = gas.SpreadsheetApp.newDataValidation()
        .requireValueInList([9, false, "Có"] as unknown as string[])
        .build();
      const hidden = gas.SpreadsheetApp.newDataValidation().requireValueInList(["a"], false).build();
      return {
        type: String(rule.getCriteriaType()),
        values: json(rule.getCriteriaValues()),
        hidden: json(hidden.getCriteriaValues()),
      };
    },
    expected: { type: "VALUE_IN_LIST", values: [["9", "false", "Có"], true], hidden: [["a"], false] },
  },
  {
    id: "data-validation.number-and-date-rules",
    behaviour:
      "requireNumberGreaterThanOrEqualTo keeps its number and requireDate has no values; help text and allowInvalid are kept on the built rule",
    source: `${TEST}#L354-L384`,
    covers: [
      "DataValidationBuilder.requireNumberGreaterThanOrEqualTo",
      "DataValidationBuilder.requireDate",
      "DataValidationBuilder.setHelpText",
      "DataValidationBuilder.setAllowInvalid",
      "DataValidation.getHelpText",
      "DataValidation.getAllowInvalid",
    ],
    run(gas) {
      const b = () => gas.SpreadsheetApp.newDataValidation();
      const number = b()
        .requireNumberGreaterThanOrEqualTo(0)
        .setHelpText("Nhập số nguyên ≥ 0")
        .setAllowInvalid(true)
        .build();
      const date = b().requireDate().setAllowInvalid(false).build();
      return [
        [
          String(number.getCriteriaType()),
          json(number.getCriteriaValues()),
          number.getHelpText(),
          number.getAllowInvalid(),
        ],
        [String(date.getCriteriaType()), json(date.getCriteriaValues()), date.getAllowInvalid()],
      ];
    },
    expected: [
      ["NUMBER_GREATER_THAN_OR_EQUAL_TO", [0], "Nhập số nguyên ≥ 0", true],
      ["DATE_IS_VALID_DATE", [], false],
    ],
  },
  {
    id: "data-validation.per-cell",
    behaviour:
      "setDataValidations sets one rule per cell (null: none); getDataValidations gives them back, null where a cell has none",
    source: `${TEST}#L96-L118`,
    covers: [
      "Range.setDataValidations",
      "Range.getDataValidations",
      "Range.setDataValidation",
      "DataValidation.getCriteriaType",
    ],
    run(gas) {
      const range = fresh(gas, "validations").getSheets()[0]!.getRange("A1:C1");
      const rule = gas.SpreadsheetApp.newDataValidation().requireDate().build();
      range.setDataValidations([[rule, null, rule]]);
      const read = () =>
        range.getDataValidations()[0]!.map((v) => (v === null ? null : String(v.getCriteriaType())));
      const first = read();
      range.setDataValidation(null);
      return { first, cleared: read() };
    },
    expected: { first: ["DATE_IS_VALID_DATE", null, "DATE_IS_VALID_DATE"], cleared: [null, null, null] },
  },
  {
    id: "data-validation.rejects-or-warns",
    behaviour:
      "A person's entry breaking a rule that rejects input is refused with the rule's help text; with allowInvalid it is kept (Sheets only marks it)",
    source:
      "https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)",
    covers: ["Range.setDataValidation"],
    reads: [],
    manual: "Type 'abc' into a cell with a rejecting number rule: Sheets refuses with the help text.",
    run(gas, world) {
      const sheet = gas.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
      const number = () =>
        gas.SpreadsheetApp.newDataValidation()
          .requireNumberGreaterThanOrEqualTo(0)
          .setHelpText("Nhập số ≥ 0");
      sheet.getRange("A1").setDataValidation(number().setAllowInvalid(false).build());
      sheet.getRange("B1").setDataValidation(number().setAllowInvalid(true).build());
      const refused = thrown(() => world.userEdit(sheet.getName(), "A1", "abc", { typed: true }));
      world.userEdit(sheet.getName(), "B1", "abc", { typed: true });
      return { refused, kept: json(sheet.getRange("A1:B1").getValues()[0]) };
    },
    expected: { refused: "There was a problem\nNhập số ≥ 0", kept: ["", "abc"] },
  },
];
