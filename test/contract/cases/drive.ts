// Where the spreadsheet lives in Drive: a file in a shared drive has no owner.
import { type ContractCase, EDITOR, fresh, type Gas, OWNER } from "../case";

const COPY_REF = "https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#copy(String)";
const PROPS_REF = "https://developers.google.com/apps-script/reference/properties/properties-service";

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
  {
    id: "drive.copy-a-spreadsheet",
    behaviour:
      "Spreadsheet.copy(name) makes a new file of that name: the same tabs with their values and notes, and the spreadsheet's developer metadata; the copy is the caller's, shared with no one else",
    source: COPY_REF,
    note: "The reference says 'Copies the spreadsheet and returns the new one'. That sharing does not travel is Drive's: a copy is a new file whose owner is the user who made it (https://developers.google.com/drive/api/reference/rest/v3/files/copy); developer metadata is part of the spreadsheet's content (https://developers.google.com/sheets/api/guides/metadata). Record on Google with npm run contract:record.",
    covers: [
      "Spreadsheet.copy",
      "Spreadsheet.addEditor",
      "Spreadsheet.addDeveloperMetadata",
      "Spreadsheet.createDeveloperMetadataFinder",
      "DeveloperMetadataFinder.withKey",
      "DeveloperMetadataFinder.find",
      "DeveloperMetadata.getValue",
      "Spreadsheet.getSheets",
      "Sheet.getName",
      "Sheet.getRange",
      "Range.setValues",
      "Range.getValues",
      "Range.setNote",
      "Range.getNote",
      "Spreadsheet.getName",
      "Spreadsheet.getId",
      "Spreadsheet.getOwner",
      "Spreadsheet.getEditors",
      "User.getEmail",
    ],
    run(gas: Gas) {
      const ss = fresh(gas, "copy source");
      const sheet = ss.getSheets()[0]!;
      sheet.getRange("A1:B2").setValues([
        ["Ngày", "Số"],
        ["tháng 4", 3],
      ]);
      sheet.getRange("A1").setNote("ghi chú");
      ss.addDeveloperMetadata("carried", '{"a":1}');
      ss.addEditor(EDITOR);
      const copy = ss.copy("contract: copy of source");
      const meta = copy.createDeveloperMetadataFinder().withKey("carried").find();
      const out = {
        name: copy.getName(),
        another: copy.getId() !== ss.getId(),
        owner: copy.getOwner()?.getEmail() ?? null,
        editors: copy
          .getEditors()
          .map((u) => u.getEmail())
          .sort(),
        tabs: copy.getSheets().map((s) => s.getName()),
        values: copy.getSheets()[0]!.getRange("A1:B2").getValues() as (string | number)[][],
        note: copy.getSheets()[0]!.getRange("A1").getNote(),
        metadata: meta.map((m) => m.getValue()),
      };
      return out;
    },
    expected: {
      name: "contract: copy of source",
      another: true,
      owner: OWNER,
      editors: [OWNER],
      tabs: ["Trang tính1"],
      values: [
        ["Ngày", "Số"],
        ["tháng 4", 3],
      ],
      note: "ghi chú",
      metadata: ['{"a":1}'],
    },
  },
  {
    id: "drive.copy-has-its-own-script-properties",
    behaviour:
      "The copy of a spreadsheet with a bound script has its own copy of the script, a separate project: the document properties the original's script stored are not there",
    source: PROPS_REF,
    note: "The reference: 'Properties cannot be shared between scripts' and 'Document properties created by a script are not accessible outside that script, even by other scripts accessing the same document'. The copy's script is another script (a copy of the project), so it starts with none; that the bound script is copied with its file is stated by the project's README install path (a published template copied with its script).",
    covers: [
      "Spreadsheet.copy",
      "PropertiesService.getDocumentProperties",
      "Properties.setProperty",
      "Properties.getProperty",
    ],
    world: {},
    manual:
      "In a spreadsheet with a bound script, store a document property, then File > Make a copy; in the copy's script editor, PropertiesService.getDocumentProperties().getProperty(key) is null.",
    run(gas, world) {
      gas.PropertiesService.getDocumentProperties().setProperty("ks.example", "kept here");
      const copy = gas.SpreadsheetApp.getActiveSpreadsheet().copy("Contract (copy)");
      const other = world.boundCopy(copy.getId());
      const theirs = other.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
      return {
        original: gas.PropertiesService.getDocumentProperties().getProperty("ks.example"),
        copy: theirs.getDocumentProperties().getProperty("ks.example"),
      };
    },
    expected: { original: "kept here", copy: null },
  },
];
