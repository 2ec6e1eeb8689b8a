// Spreadsheet and SpreadsheetApp: the file, its tabs, sharing, opening another file, a PDF of it.
import { type ContractCase, EDITOR, fresh, json, OUTSIDER, OWNER, thrown } from "../case";

const REF = "https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet";
const APP = "https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app";

export const spreadsheetCases: ContractCase[] = [
  {
    id: "spreadsheet.create-open-and-name",
    behaviour:
      "SpreadsheetApp.create makes a spreadsheet with one sheet; openById opens it again; its URL is the docs.google.com address of its id",
    source: `${APP}#create(String)`,
    covers: [
      "SpreadsheetApp.create",
      "SpreadsheetApp.openById",
      "Spreadsheet.getId",
      "Spreadsheet.getName",
      "Spreadsheet.getUrl",
      "Spreadsheet.getSheets",
    ],
    run(gas) {
      const made = fresh(gas, "create");
      const again = gas.SpreadsheetApp.openById(made.getId());
      return {
        name: again.getName(),
        sheets: again.getSheets().length,
        url: again.getUrl().startsWith(`https://docs.google.com/spreadsheets/d/${made.getId()}/`),
      };
    },
    expected: { name: "contract: create", sheets: 1, url: true },
  },
  {
    id: "spreadsheet.open-a-missing-file",
    behaviour: "openById of an id that names no file the user can open throws",
    source: `${APP}#openById(String)`,
    covers: ["SpreadsheetApp.openById"],
    run(gas) {
      return (
        thrown(() => gas.SpreadsheetApp.openById("1NoSuchFileAtAll_xxxxxxxxxxxxxxxxxxxxxxxxxxx")) !==
        "no error"
      );
    },
    expected: true,
  },
  {
    id: "spreadsheet.tabs",
    behaviour:
      "insertSheet adds a tab (after the active one) and makes it active; getSheetByName finds it; deleteSheet removes it; the last tab cannot be deleted",
    source: `${REF}#insertSheet(String)`,
    covers: [
      "Spreadsheet.insertSheet",
      "Spreadsheet.getSheetByName",
      "Spreadsheet.getActiveSheet",
      "Spreadsheet.deleteSheet",
      "Spreadsheet.getSheets",
    ],
    run(gas) {
      const ss = fresh(gas, "tabs");
      const first = ss.getSheets()[0]!;
      const added = ss.insertSheet("Tổng hợp");
      const active = ss.getActiveSheet().getName();
      const names = ss.getSheets().map((s) => (s.getName() === first.getName() ? "first" : s.getName()));
      ss.deleteSheet(added);
      return {
        active,
        names,
        afterDelete: ss.getSheets().length,
        found: ss.getSheetByName("Tổng hợp") === null ? "none" : "found",
        last: thrown(() => ss.deleteSheet(first)),
      };
    },
    expected: {
      active: "Tổng hợp",
      names: ["first", "Tổng hợp"],
      afterDelete: 1,
      found: "none",
      last: "You can't remove all the sheets in a document.",
    },
  },
  {
    id: "spreadsheet.sharing",
    behaviour:
      "addEditors and addViewers share the file; getViewers lists viewers (not editors); removeViewer unshares; adding as viewer someone who edits changes nothing",
    source: `${REF}#addViewers(String)`,
    covers: [
      "Spreadsheet.addEditors",
      "Spreadsheet.addViewers",
      "Spreadsheet.getViewers",
      "Spreadsheet.removeViewer",
      "Spreadsheet.getEditors",
    ],
    world: { editors: [] },
    manual: "Share a spreadsheet you own with one editor and two viewers, remove one viewer; list both.",
    run(gas) {
      const ss = gas.SpreadsheetApp.getActiveSpreadsheet();
      ss.addEditors([EDITOR]);
      ss.addViewers([OUTSIDER, "viewer@school.example", EDITOR]);
      const viewers = () =>
        ss
          .getViewers()
          .map((u) => u.getEmail())
          .sort();
      const before = viewers();
      ss.removeViewer(OUTSIDER);
      return {
        before,
        after: viewers(),
        editors: ss
          .getEditors()
          .map((u) => u.getEmail())
          .sort(),
      };
    },
    expected: {
      before: [OUTSIDER, "viewer@school.example"],
      after: ["viewer@school.example"],
      editors: [EDITOR, OWNER],
    },
  },
  {
    id: "spreadsheet.add-and-remove-editor",
    behaviour:
      "addEditor shares the file as editor and promotes a viewer out of the viewers; removeEditor takes an editor's access away",
    source: `${REF}#addEditor(String)`,
    note: `removeEditor: ${REF}#removeEditor(String)`,
    covers: [
      "Spreadsheet.addEditor",
      "Spreadsheet.removeEditor",
      "Spreadsheet.getEditors",
      "Spreadsheet.getViewers",
    ],
    world: { editors: [] },
    manual:
      "Share a spreadsheet you own with a viewer, then addEditor(viewer), addEditor(another), removeEditor(another).",
    run(gas) {
      const ss = gas.SpreadsheetApp.getActiveSpreadsheet();
      const emails = (users: GoogleAppsScript.Base.User[]) => users.map((u) => u.getEmail()).sort();
      ss.addViewer(OUTSIDER);
      ss.addEditor(OUTSIDER);
      ss.addEditor(EDITOR);
      const during = { editors: emails(ss.getEditors()), viewers: emails(ss.getViewers()) };
      ss.removeEditor(EDITOR);
      return { during, after: { editors: emails(ss.getEditors()), viewers: emails(ss.getViewers()) } };
    },
    expected: {
      during: { editors: [EDITOR, OWNER, OUTSIDER].sort(), viewers: [] },
      after: { editors: [OWNER, OUTSIDER].sort(), viewers: [] },
    },
  },
  {
    id: "spreadsheet.pdf",
    behaviour:
      "getAs('application/pdf') gives a PDF Blob of the spreadsheet, named after it; setName renames the blob",
    source: `${REF}#getAs(String)`,
    covers: ["Spreadsheet.getAs", "Blob.setName", "Blob.getName", "Blob.getContentType", "Blob.getBytes"],
    run(gas) {
      const ss = fresh(gas, "pdf");
      ss.getSheets()[0]!.getRange("A1").setValue("Báo cáo");
      const blob = ss.getAs("application/pdf");
      const defaultName = blob.getName();
      blob.setName("bao-cao.pdf");
      const head = String.fromCharCode(
        ...blob
          .getBytes()
          .slice(0, 5)
          .map((b) => b & 0xff),
      );
      return { defaultName, name: blob.getName(), type: blob.getContentType(), head };
    },
    expected: {
      defaultName: "contract: pdf.pdf",
      name: "bao-cao.pdf",
      type: "application/pdf",
      head: "%PDF-",
    },
  },
  {
    id: "spreadsheet.flush-and-active",
    behaviour:
      "A bound script's getActiveSpreadsheet is its file; flush() applies pending changes and returns nothing",
    source: `${APP}#flush()`,
    covers: ["SpreadsheetApp.getActiveSpreadsheet", "SpreadsheetApp.flush", "Spreadsheet.getName"],
    run(gas) {
      const ss = gas.SpreadsheetApp.getActiveSpreadsheet();
      return { name: ss.getName(), flushed: json(gas.SpreadsheetApp.flush() as unknown) };
    },
    expected: { name: "Contract", flushed: null },
  },
];
