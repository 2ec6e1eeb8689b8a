// Worlds that share a Drive: two scripts, each bound to its own spreadsheet and running as its own
// account, open each other's files by id exactly as far as sharing and protections let them.
import { describe, expect, it } from "vitest";
import { appWorld } from "../../../src/local/app-world";
import { createEnvironment } from "../../../src/local/emulator/index";
import { APRIL_10 } from "./harness";

const UPPER = "vanphong@tuky.example";
const COMMUNE = "vanphong@quangkhai.example";
const OTHER = "vanphong@quangphuc.example";

const SCRIPT = `
function make(editor) {
  var ss = SpreadsheetApp.create("Nhận số liệu");
  var sheet = ss.getSheets()[0];
  sheet.getRange("A1:B1").setValues([["Kỳ", "Tử số"]]);
  var p = sheet.getRange("A1:B1").protect();
  p.removeEditors(p.getEditors());
  if (editor) ss.addEditor(editor);
  return ss.getId();
}
function read(id) { return SpreadsheetApp.openById(id).getSheets()[0].getDataRange().getValues(); }
function write(id, a1, v) { SpreadsheetApp.openById(id).getSheets()[0].getRange(a1).setValue(v); return "ok"; }
function bound() { return SpreadsheetApp.getActiveSpreadsheet().getId(); }
`;

function world(owner: string, drive?: ReturnType<typeof createEnvironment>["drive"]) {
  const env = createEnvironment(
    appWorld({ owner, now: APRIL_10, spreadsheetName: `Bảng của ${owner}`, ...(drive ? { drive } : {}) }),
  );
  env.load(SCRIPT);
  env.setUser(owner);
  return env;
}

describe("worlds sharing a Drive", () => {
  const upper = world(UPPER);
  const commune = world(COMMUNE, upper.drive);
  const other = world(OTHER, upper.drive);
  const id = upper.run("make", COMMUNE) as string;

  it("each binds its own spreadsheet, and every file is in the one Drive", () => {
    const ids = [upper, commune, other].map((w) => w.run("bound") as string);
    expect(new Set(ids).size).toBe(3);
    expect(upper.spreadsheets.all()).toHaveLength(4);
    expect(commune.spreadsheets.byId(id)).toBeDefined();
  });

  it("a file shared with one account opens for that account's script, and for no one else's", () => {
    expect(commune.run("read", id)).toEqual([["Kỳ", "Tử số"]]);
    expect(() => other.run("read", id)).toThrow(
      "You do not have permission to access the requested document.",
    );
  });

  it("the editor writes where it may and is refused the protected header; the write is the owner's to see", () => {
    expect(commune.run("write", id, "B2", 30)).toBe("ok");
    expect(() => commune.run("write", id, "A1", "x")).toThrow(/protected cell/);
    expect(() => other.run("write", id, "A2", "x")).toThrow(/permission/);
    expect((upper.run("read", id) as unknown[][])[1]).toEqual(["", 30]);
  });

  it("a world's snapshot keeps every file of the shared Drive", () => {
    const names = commune.snapshot().spreadsheets.spreadsheets.map((s) => s.name);
    expect(names).toContain("Nhận số liệu");
    expect(names).toContain(`Bảng của ${UPPER}`);
  });

  it("refuses a drive that no world gave out", () => {
    expect(() =>
      createEnvironment(appWorld({ owner: OTHER, now: APRIL_10, drive: { files: "drive" } })),
    ).toThrow(/another world/);
  });
});
