// Contract tests: SpreadsheetApp, spreadsheets as files (create/openById/sharing/PDF), call counting,
// user edits as the Sheets UI makes them, and snapshots.
// Reference pages: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
//                  https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
//                  https://developers.google.com/apps-script/guides/triggers/events (edit event)
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { pdfText } from "../pdf-text";
import { DISTRICT, errorOf, type FakeBlob, OWNER, POLICE, setup, TEACHER, vnDate } from "./helpers";

describe("SpreadsheetApp", () => {
  it("getActiveSpreadsheet/getActive give the bound spreadsheet; getActiveSheet its active sheet", () => {
    // spreadsheet-app#getActiveSpreadsheet: the spreadsheet the script is bound to.
    const { app, ss } = setup();
    expect(app.getActiveSpreadsheet()?.getId()).toBe(ss.getId());
    expect(app.getActive()?.getName()).toBe("Kế hoạch PCMD 2023 - xã Quang Khải");
    ss.insertSheet("Tổng hợp");
    expect(app.getActiveSheet().getName()).toBe("Tổng hợp");
  });

  it("create(name) makes a new spreadsheet owned by the user running the script", () => {
    // spreadsheet-app#create: "Creates a new spreadsheet with the given name."
    const { app } = setup();
    const copy = app.create("Bản đọc - Kế hoạch PCMD 2023");
    expect(copy.getOwner()?.getEmail()).toBe(OWNER);
    expect(copy.getId()).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(copy.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${copy.getId()}/edit`);
    expect(app.openById(copy.getId()).getName()).toBe("Bản đọc - Kế hoạch PCMD 2023");
  });

  it("openById of an unknown or deleted file throws", () => {
    // spreadsheet-app#openById: throws if the spreadsheet does not exist or cannot be opened.
    const { app, model } = setup();
    const id = app.create("Bản đọc").getId();
    model.deleteSpreadsheet(id);
    expect(errorOf(() => app.openById(id))).toBe(
      "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
    );
    expect(errorOf(() => app.openById("1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"))).toMatch(/openById/);
  });

  it("openById by a user without access is refused", () => {
    // Opening a file needs at least view access to it.
    const { app, actAs } = setup();
    const copy = app.create("Bản đọc");
    actAs(TEACHER);
    expect(errorOf(() => app.openById(copy.getId()))).toBe(
      "You do not have permission to access the requested document.",
    );
  });

  it("flush and newDataValidation exist; enums carry Google's names", () => {
    // spreadsheet-app#flush "Applies all pending Spreadsheet changes"; ProtectionType RANGE/SHEET.
    const { app } = setup();
    expect(() => app.flush()).not.toThrow();
    expect(app.ProtectionType.SHEET).toBe("SHEET");
    expect(app.DataValidationCriteria.CHECKBOX).toBe("CHECKBOX");
    expect(app.getUi()).toEqual({ ui: true });
  });
});

describe("sharing", () => {
  it("editors and viewers: add, list, remove; the owner counts as an editor", () => {
    // spreadsheet#addEditor(s)/removeEditor/getEditors, addViewer(s)/removeViewer/getViewers.
    const { ss } = setup();
    ss.addEditors([POLICE, TEACHER]).addViewer(DISTRICT);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([OWNER, POLICE, TEACHER]);
    expect(ss.getViewers().map((u) => u.getEmail())).toEqual([DISTRICT]);
    ss.removeEditor(TEACHER);
    ss.removeViewer(DISTRICT);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([OWNER, POLICE]);
    expect(ss.getViewers()).toEqual([]);
  });

  it("adding a viewer who is already an editor has no effect; addEditor promotes a viewer", () => {
    // spreadsheet#addViewer: "This method has no effect if the user is already an editor."
    const { ss } = setup();
    ss.addEditor(POLICE).addViewer(POLICE);
    expect(ss.getViewers()).toEqual([]);
    ss.addViewer(DISTRICT).addEditor(DISTRICT);
    expect(ss.getViewers()).toEqual([]);
    expect(ss.getEditors().map((u) => u.getEmail())).toContain(DISTRICT);
  });

  it("an invalid email is refused", () => {
    // Sharing with something that is not an email address fails with "Invalid email: …".
    const { ss } = setup();
    expect(errorOf(() => ss.addViewer("phòng LĐTBXH"))).toBe("Invalid email: phòng LĐTBXH");
  });

  it("a viewer running a script can read but not write", () => {
    // View access allows reading the spreadsheet's data, not changing it.
    const { app, actAs } = setup();
    const copy = app.create("Bản đọc");
    copy.getSheets()[0]?.getRange("A1").setValue("Tỷ lệ");
    copy.addViewer(DISTRICT);
    actAs(DISTRICT);
    const opened = app.openById(copy.getId());
    expect(opened.getSheets()[0]?.getRange("A1").getValue()).toBe("Tỷ lệ");
    expect(errorOf(() => opened.getSheets()[0]?.getRange("A1").setValue("x"))).toMatch(/permission/);
  });
});

describe("spreadsheet properties", () => {
  it("time zone, locale, rename, toast", () => {
    // spreadsheet#getSpreadsheetTimeZone / getSpreadsheetLocale / rename / toast(msg, title, timeout).
    const { ss, model } = setup();
    expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Ho_Chi_Minh");
    expect(ss.getSpreadsheetLocale()).toBe("vi_VN");
    ss.rename("Kế hoạch PCMD 2024");
    expect(ss.getName()).toBe("Kế hoạch PCMD 2024");
    ss.toast("Đã ghi dòng 12", "Nhập báo cáo", 3);
    expect(model.toasts()).toMatchObject([
      { message: "Đã ghi dòng 12", title: "Nhập báo cáo", timeoutSeconds: 3 },
    ]);
  });

  it("getAs('application/pdf') gives a valid PDF blob of the display values, Vietnamese as it is", () => {
    // spreadsheet#getAs(contentType): the file converted, as a Blob; PDF is the supported type.
    const { ss } = setup();
    const s = ss.getActiveSheet();
    s.getRange("A1:C2").setValues([
      ["Chỉ tiêu", "Tỷ lệ", "Đánh giá"],
      ["Học sinh được tuyên truyền", 0.333, "Chưa đạt – đúng tiến độ"],
    ]);
    s.getRange("B2").setNumberFormat("0.0%");
    const blob = ss.getAs("application/pdf") as FakeBlob;
    expect(blob.contentType).toBe("application/pdf");
    expect(blob.name).toBe("Kế hoạch PCMD 2023 - xã Quang Khải.pdf");
    const text = Buffer.from(blob.bytes).toString("latin1");
    expect(text.startsWith("%PDF-1.")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    // The cross-reference table points at each object exactly.
    const start = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(start, start + 4)).toBe("xref");
    const offsets = [...text.slice(start).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((off, i) => {
      expect(text.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    // What a reader extracts (the font's ToUnicode map), every letter a glyph of the embedded font; a
    // cell wider than its column wraps onto lines of its own.
    const { runs, codes } = pdfText(blob.bytes);
    const all = runs.join("");
    for (const shown of ["Chỉ tiêu", "Học sinh được tuyên truyền", "33,3%", "Chưa đạt – đúng tiến độ"])
      expect(all).toContain(shown);
    expect(all).not.toMatch(/[?\uFFFD]/);
    expect(codes).not.toContain("0000");
    // What the sheet showed at getAs, even when the file is read after a change.
    const before = ss.getAs("application/pdf") as FakeBlob;
    s.getRange("A2").setValue("Đã đổi sau khi xuất");
    expect(pdfText(before.bytes).runs.join("")).toContain("Học sinh được tuyên truyền");
    s.getRange("A2").setValue("Học sinh được tuyên truyền");
    // Made at the emulated clock: the same sheet at the same time is the same file.
    expect(Buffer.from((ss.getAs("application/pdf") as FakeBlob).bytes).equals(Buffer.from(blob.bytes))).toBe(
      true,
    );
  });

  it("other export types throw 'Not implemented in the emulator'", () => {
    // Anything the emulator lacks fails loudly rather than pretending to work.
    const { ss } = setup();
    expect(errorOf(() => ss.getAs("text/csv"))).toBe(
      "Not implemented in the emulator: Spreadsheet.getAs(text/csv)",
    );
  });
});

describe("emulator machinery", () => {
  it("counts every call as 'Class.method'", () => {
    // Each Apps Script call is a round trip to Google; the emulator counts them.
    const { ss, run } = setup();
    run.calls.length = 0;
    const sheet = ss.getSheetByName("Trang tính1");
    sheet?.getRange("A1:C3").getValues();
    sheet?.getRange(1, 1).setValue(1);
    expect(run.calls).toEqual([
      "Spreadsheet.getSheetByName",
      "Sheet.getRange",
      "Range.getValues",
      "Sheet.getRange",
      "Range.setValue",
    ]);
  });

  it("Google methods the emulator lacks throw 'Not implemented in the emulator: X'", () => {
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("A1:B2") as unknown as Record<string, () => unknown>;
    expect(errorOf(() => r.randomize?.())).toBe("Not implemented in the emulator: Range.randomize");
    const s = ss.getActiveSheet() as unknown as Record<string, () => unknown>;
    expect(errorOf(() => s.getCharts?.())).toBe("Not implemented in the emulator: Sheet.getCharts");
  });

  it("accepts Dates and arrays created in another realm (the script's vm context)", () => {
    // The bundle runs in node:vm; its Dates fail `instanceof Date` on this side.
    const { ss } = setup();
    const foreign = vm.runInNewContext("[[new Date(Date.UTC(2023, 3, 14, 17)), 'x']]") as unknown[][];
    const r = ss.getActiveSheet().getRange("A1:B1");
    r.setValues(foreign);
    const v = r.getValues()[0]?.[0] as Date;
    expect(v instanceof Date).toBe(true);
    expect(v.getTime()).toBe(vnDate(2023, 4, 15).getTime());
  });

  it("snapshot() is JSON and restores every spreadsheet exactly", () => {
    const a = setup();
    a.ss.addEditor(POLICE);
    const s = a.ss.insertSheet("Công an xã");
    s.getRange("A1:C2").setValues([
      ["Ngày", "Số", "Ghi chú"],
      ["15/04/2023", 12, "=B2*2"],
    ]);
    s.getRange("B2").setNumberFormat("#,##0").setBackground("#fff2cc").setNote("n");
    s.getRange("C2:C9").setDataValidation(
      a.app.newDataValidation().requireValueInList(["Có", "Không"]).setAllowInvalid(false).build(),
    );
    s.setFrozenRows(1);
    s.setColumnWidth(2, 180);
    const p = s.protect();
    p.removeEditors(p.getEditors());
    p.addEditor(POLICE);
    a.app.create("Bản đọc").addViewer(DISTRICT);
    const json = JSON.stringify(a.model.snapshot());
    const b = setup({ state: JSON.parse(json) });
    expect(JSON.stringify(b.model.snapshot())).toBe(json);
    const t = b.ss.getSheetByName("Công an xã")!;
    expect(t.getRange("A2:C2").getDisplayValues()).toEqual([["15/04/2023", "12", "#ERROR!"]]);
    expect((t.getRange("A2").getValue() as Date).getTime()).toBe(vnDate(2023, 4, 15).getTime());
    expect(t.getRange("C3").getDataValidation()?.getCriteriaValues()).toEqual([["Có", "Không"], true]);
    expect(b.model.canEdit(b.ss.getId(), "Công an xã", 2, 1, TEACHER)).toBe(false);
    expect(b.model.all()).toHaveLength(2);
  });
});

describe("user edits (the Sheets UI)", () => {
  it("a single-cell edit reports value and oldValue as the event object gives them", () => {
    // Edit event: oldValue/value only for a single cell; oldValue absent when the cell was empty.
    const { model, ss } = setup();
    ss.insertSheet("Công an xã");
    const first = model.userEdit("Công an xã", "C2", [["1.234"]], OWNER, true);
    expect(first.singleCell).toBe(true);
    expect(first.value).toBe("1234");
    expect(first.oldValue).toBeUndefined();
    expect(first.range.getA1Notation()).toBe("C2");
    const second = model.userEdit("Công an xã", "C2", [["12"]], OWNER, true);
    expect([second.oldValue, second.value]).toEqual(["1234", "12"]);
  });

  it("a multi-cell edit has neither value nor oldValue", () => {
    // Edit event: value/oldValue are not available when several cells change.
    const { model, ss } = setup();
    ss.insertSheet("Công an xã");
    const e = model.userEdit("Công an xã", "A2:B2", [["15/04/2023", "Tuyên truyền"]], OWNER, true);
    expect(e.singleCell).toBe(false);
    expect("value" in e || "oldValue" in e).toBe(false);
  });

  it("typed text is parsed like the vi_VN UI; typed=false stores values as given", () => {
    const { model, ss } = setup();
    const s = ss.insertSheet("Trạm Y tế");
    model.userEdit("Trạm Y tế", "A1:D1", [["15/04/2023", "12,5", "'007", "=A1"]], OWNER, true);
    const row = s.getRange("A1:D1").getValues()[0]!;
    expect((row[0] as Date).getTime()).toBe(vnDate(2023, 4, 15).getTime());
    expect(row.slice(1, 3)).toEqual([12.5, "007"]);
    expect(s.getRange("D1").getFormula()).toBe("=A1");
    model.userEdit("Trạm Y tế", "A2:B2", [["1.234", "=A1"]], OWNER, false);
    expect(s.getRange("A2:B2").getValues()).toEqual([["1.234", "=A1"]]);
  });

  it("user edits are not counted as script calls", () => {
    const { model, ss, run } = setup();
    ss.insertSheet("Công an xã");
    run.calls.length = 0;
    model.userEdit("Công an xã", "A2", [["x"]], OWNER, true);
    model.userInsertColumns("Công an xã", 2, 1, OWNER);
    expect(run.calls).toEqual([]);
  });

  it("userInsertColumns / userInsertRows / userDeleteColumns change the sheet as the UI would", () => {
    const { model, ss } = setup();
    const s = ss.insertSheet("Công an xã");
    s.getRange("A1:C1").setValues([["Ngày", "Nhiệm vụ", "Số người"]]);
    model.userInsertColumns("Công an xã", 1, 1, OWNER);
    expect(s.getRange("A1:D1").getValues()).toEqual([["Ngày", "", "Nhiệm vụ", "Số người"]]);
    model.userDeleteColumns("Công an xã", 2, 1, OWNER);
    model.userInsertRows("Công an xã", 1, 2, OWNER);
    expect(s.getRange("A1:A3").getValues()).toEqual([["Ngày"], [""], [""]]);
    model.userDeleteSheet("Công an xã", OWNER);
    expect(ss.getSheetByName("Công an xã")).toBeNull();
  });

  it("role() tells owner, editor, viewer and strangers apart", () => {
    const { model, ss } = setup();
    ss.addEditor(POLICE).addViewer(DISTRICT);
    expect([OWNER, POLICE, DISTRICT, TEACHER].map((u) => model.role(ss.getId(), u))).toEqual([
      "owner",
      "editor",
      "viewer",
      "none",
    ]);
  });
});
