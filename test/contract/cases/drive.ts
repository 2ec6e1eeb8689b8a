// Where the spreadsheet lives in Drive: a file in a shared drive has no owner.
import { type ContractCase, EDITOR, OWNER } from "../case";

export const driveCases: ContractCase[] = [
  {
    id: "drive.shared-drive-owner",
    behaviour:
      "A spreadsheet in a shared drive has no owner: getOwner() returns null; its editors are the members given access",
    source: "https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner()",
    covers: ["Spreadsheet.getOwner", "Spreadsheet.getEditors", "User.getEmail"],
    world: { sharedDrive: true, editors: [EDITOR] },
    manual:
      "Create a spreadsheet in a shared drive where owner@ and editor@ are content managers; run " +
      "SpreadsheetApp.getActive().getOwner() from its bound script: null.",
    run(gas) {
      const ss = gas.SpreadsheetApp.getActiveSpreadsheet();
      return {
        owner: ss.getOwner() === null ? null : "someone",
        editors: ss
          .getEditors()
          .map((u) => u.getEmail())
          .sort(),
      };
    },
    expected: { owner: null, editors: [EDITOR, OWNER] },
  },
  {
    id: "drive.my-drive-owner",
    behaviour: "A spreadsheet in My Drive has its creator as owner, who is also listed among its editors",
    source:
      "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testdocs.js#L174 (getEditors keeps the owner)",
    covers: ["Spreadsheet.getOwner", "Spreadsheet.getEditors", "User.getEmail"],
    world: { editors: [EDITOR] },
    manual: "In a spreadsheet you own, shared with one editor: getOwner() is you, getEditors() lists both.",
    run(gas) {
      const ss = gas.SpreadsheetApp.getActiveSpreadsheet();
      return {
        owner: ss.getOwner()?.getEmail() ?? null,
        editors: ss
          .getEditors()
          .map((u) => u.getEmail())
          .sort(),
      };
    },
    expected: { owner: OWNER, editors: [EDITOR, OWNER] },
  },
];
