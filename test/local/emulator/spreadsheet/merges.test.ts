// Merged blocks beyond what the contract cases state (test/contract/cases/cell-layout.ts): they are
// kept in a snapshot, move and shrink with inserted and deleted rows and columns, and merging over
// part of an existing block says it is not modelled instead of guessing Google's refusal.
// Reference: https://developers.google.com/apps-script/reference/spreadsheet/range#mergeacross
import { describe, expect, it } from "vitest";
import { errorOf, setup } from "./helpers";

const blocks = (sheet: ReturnType<ReturnType<typeof setup>["ss"]["getActiveSheet"]>) =>
  sheet
    .getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns())
    .getMergedRanges()
    .map((r) => r.getA1Notation());

describe("merged blocks", () => {
  it("are kept by a snapshot and restored with it", () => {
    const { model, ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange("A1:H2").mergeAcross();
    const restored = setup({ state: model.snapshot() });
    expect(blocks(restored.ss.getActiveSheet())).toEqual(["A1:H1", "A2:H2"]);
  });

  it("move down with rows inserted above, grow with rows inserted inside, go when all their rows go", () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange("B3:C4").merge();
    sheet.getRange("A8:D8").mergeAcross();
    sheet.insertRowsBefore(1, 2);
    expect(blocks(sheet)).toEqual(["B5:C6", "A10:D10"]);
    sheet.insertRowsAfter(5, 1);
    expect(blocks(sheet)).toEqual(["B5:C7", "A11:D11"]);
    sheet.deleteRows(11, 1);
    expect(blocks(sheet)).toEqual(["B5:C7"]);
    sheet.deleteColumns(3, 1);
    // One column left: still three rows merged.
    expect(blocks(sheet)).toEqual(["B5:B7"]);
    sheet.deleteRows(5, 2);
    expect(blocks(sheet)).toEqual([]);
  });

  it("breaking apart a whole sheet unmerges every block; part of a block is not modelled", () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange("A1:C1").mergeAcross();
    expect(errorOf(() => sheet.getRange("B1:D1").merge())).toBe(
      "Not implemented in the emulator: Range.merge over part of a merged block",
    );
    expect(sheet.getRange("C1").isPartOfMerge()).toBe(true);
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
    expect(blocks(sheet)).toEqual([]);
  });
});
