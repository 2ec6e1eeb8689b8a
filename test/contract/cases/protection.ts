// Protections: who may edit a protected sheet or range, unprotected ranges, warning-only.
import { type ContractCase, EDITOR, fresh, OUTSIDER, OWNER, thrown } from "../case";

const REF = "https://developers.google.com/apps-script/reference/spreadsheet/protection";
const SHEETS_TEST = "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testsheets.js";
const PERMISSIONS_TEST =
  "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testsheetspermissions.js";
const PROTECTED =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";
const TAB = "Trang tính1";

export const protectionCases: ContractCase[] = [
  {
    id: "protection.sheet-and-range",
    behaviour:
      "Sheet.protect() protects the whole sheet (type SHEET, its range the sheet's grid with no A1 notation); Range.protect() a range (type RANGE); getProtections lists them by type",
    source: `${PERMISSIONS_TEST}#L42-L45`,
    covers: [
      "Sheet.protect",
      "Range.protect",
      "Protection.setDescription",
      "Protection.getDescription",
      "Protection.getProtectionType",
      "Protection.getRange",
      "Sheet.getProtections",
      "Range.getA1Notation",
    ],
    reads: ["SpreadsheetApp.ProtectionType", "ProtectionType.SHEET", "ProtectionType.RANGE"],
    run(gas) {
      const sheet = fresh(gas, "protections").getSheets()[0]!;
      const whole = sheet.protect().setDescription("Chỉ văn phòng");
      const header = sheet.getRange("A1:F1").protect().setDescription("Tiêu đề");
      const types = gas.SpreadsheetApp.ProtectionType;
      return {
        sheet: [
          String(whole.getProtectionType()),
          whole.getRange().getA1Notation(),
          whole.getRange().getNumRows(),
        ],
        range: [String(header.getProtectionType()), header.getRange().getA1Notation()],
        listed: [
          sheet.getProtections(types.SHEET).map((p) => p.getDescription()),
          sheet.getProtections(types.RANGE).map((p) => p.getDescription()),
        ],
      };
    },
    expected: {
      sheet: ["SHEET", "", 1000],
      range: ["RANGE", "A1:F1"],
      listed: [["Chỉ văn phòng"], ["Tiêu đề"]],
    },
  },
  {
    id: "protection.spreadsheet-listing",
    behaviour:
      "Spreadsheet.getProtections(type) lists the protections of every tab of that type; a removed one is no longer listed",
    source:
      "https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getProtections(ProtectionType)",
    note: '"Gets an array of objects representing all protected ranges or sheets in the spreadsheet."',
    covers: [
      "Spreadsheet.getProtections",
      "Range.protect",
      "Protection.setDescription",
      "Protection.getDescription",
      "Protection.remove",
      "Spreadsheet.insertSheet",
    ],
    reads: ["SpreadsheetApp.ProtectionType", "ProtectionType.RANGE", "ProtectionType.SHEET"],
    run(gas) {
      const ss = fresh(gas, "protections of the spreadsheet");
      const first = ss.getSheets()[0]!;
      const second = ss.insertSheet("Công an xã");
      first.getRange("A1:C1").protect().setDescription("Tiêu đề 1");
      const locked = second.getRange("A2:C5").protect().setDescription("Kỳ đã duyệt");
      second.getRange("A1:C1").protect().setDescription("Tiêu đề 2");
      const types = gas.SpreadsheetApp.ProtectionType;
      const listed = () =>
        ss
          .getProtections(types.RANGE)
          .map((p) => p.getDescription())
          .sort();
      const before = listed();
      locked.remove();
      return { before, after: listed(), sheets: ss.getProtections(types.SHEET).length };
    },
    expected: {
      before: ["Kỳ đã duyệt", "Tiêu đề 1", "Tiêu đề 2"],
      after: ["Tiêu đề 1", "Tiêu đề 2"],
      sheets: 0,
    },
  },
  {
    id: "protection.editors",
    behaviour:
      "A protection's editors can be replaced (removeEditors(getEditors()) then addEditors): the owner always stays one; canDomainEdit is false until setDomainEdit(true)",
    source: `${REF}#removeEditors(String)`,
    note: '"Neither the owner of the spreadsheet nor the current user can be removed." gas-fakes: canDomainEdit false on protections the owner made (PERMISSIONS_TEST L39-40).',
    covers: [
      "Protection.getEditors",
      "Protection.removeEditors",
      "Protection.addEditors",
      "Protection.canDomainEdit",
      "Protection.setDomainEdit",
      "User.getEmail",
    ],
    world: { editors: [EDITOR, OUTSIDER] },
    manual:
      "As the owner protect a tab, remove all its editors, add one colleague: the list is you and them.",
    run(gas) {
      const sheet = gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TAB)!;
      const p = sheet.protect();
      p.removeEditors(p.getEditors());
      const ownerOnly = p.getEditors().map((u) => u.getEmail());
      p.addEditors([EDITOR]);
      const domain = [p.canDomainEdit()];
      p.setDomainEdit(true);
      domain.push(p.canDomainEdit());
      p.setDomainEdit(false);
      return {
        ownerOnly,
        editors: p
          .getEditors()
          .map((u) => u.getEmail())
          .sort(),
        domain,
      };
    },
    expected: { ownerOnly: [OWNER], editors: [EDITOR, OWNER], domain: [false, true] },
  },
  {
    id: "protection.per-user",
    behaviour:
      "On a protected sheet, its editors and the owner may edit; another editor of the file is refused with Google's message, except in the sheet's unprotected ranges",
    source: `${REF}#setUnprotectedRanges(Range)`,
    covers: [
      "Sheet.protect",
      "Protection.removeEditors",
      "Protection.addEditors",
      "Protection.setUnprotectedRanges",
    ],
    world: { editors: [EDITOR, OUTSIDER] },
    manual:
      "Protect a tab for one colleague with B2:C9 unprotected; as another editor type in A1 (refused) and B2 (allowed).",
    run(gas, world) {
      const sheet = gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TAB)!;
      const p = sheet.protect();
      p.removeEditors(p.getEditors()).addEditors([EDITOR]);
      p.setUnprotectedRanges([sheet.getRange("B2:C9")]);
      const tryAs = (user: string, a1: string) => {
        world.setUser(user);
        return thrown(() => world.userEdit(TAB, a1, "x"));
      };
      return {
        listedEditor: tryAs(EDITOR, "A1"),
        owner: tryAs(OWNER, "A2"),
        other: tryAs(OUTSIDER, "A1"),
        otherInUnprotected: tryAs(OUTSIDER, "B2"),
      };
    },
    expected: {
      listedEditor: "no error",
      owner: "no error",
      other: PROTECTED,
      otherInUnprotected: "no error",
    },
  },
  {
    id: "protection.script-runs-as-its-user",
    behaviour:
      "A protection binds scripts too: code run by an editor who is not on the list cannot write there, the owner's can",
    source: REF,
    covers: ["Range.setValue"],
    world: { editors: [EDITOR] },
    script: `function write() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName("${TAB}").getRange("A1").setValue("x"); }
      function protectTab() { var p = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("${TAB}").protect(); p.removeEditors(p.getEditors()); }`,
    manual: "Protect a tab for the owner only; a colleague runs a menu item writing there: refused.",
    run(_gas, world) {
      world.run("protectTab");
      world.setUser(EDITOR);
      const editor = world.runFromClient("write", []);
      world.setUser(OWNER);
      const owner = world.runFromClient("write", []);
      return [editor.ok ? "written" : editor.error, owner.ok ? "written" : owner.error];
    },
    expected: [PROTECTED, "written"],
  },
  {
    id: "protection.warning-only",
    behaviour:
      "A warning-only protection blocks nobody (a person is only warned), lists no editors, and can be removed",
    source: `${SHEETS_TEST}#L2905-L2926`,
    covers: [
      "Protection.setWarningOnly",
      "Protection.isWarningOnly",
      "Protection.getEditors",
      "Protection.remove",
      "Sheet.getProtections",
    ],
    world: { editors: [EDITOR] },
    manual: "Protect a tab 'show a warning'; a colleague's edit goes through after the warning.",
    run(gas, world) {
      const sheet = gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TAB)!;
      const p = sheet.protect().setWarningOnly(true);
      world.setUser(EDITOR);
      const edit = thrown(() => world.userEdit(TAB, "A1", "x"));
      world.setUser(OWNER);
      const warningOnly = p.isWarningOnly();
      const editors = p.getEditors().length;
      p.remove();
      const left = sheet.getProtections(gas.SpreadsheetApp.ProtectionType.SHEET).length;
      return { warningOnly, edit, editors, left };
    },
    expected: { warningOnly: true, edit: "no error", editors: 0, left: 0 },
  },
];
