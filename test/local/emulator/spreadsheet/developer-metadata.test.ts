// Developer metadata beyond the contract cases: it survives a snapshot, goes with its sheet, needs the
// right to edit, and each method call counts as one call.
import { describe, expect, it } from "vitest";
import { DISTRICT, errorOf, OWNER, setup } from "./helpers";

describe("developer metadata in the model", () => {
  it("survives snapshot and restore, ids and all", () => {
    const a = setup();
    const sheet = a.ss.getSheets()[0]!;
    sheet.getRange("D:D").addDeveloperMetadata("ks:column", "status");
    a.ss.addDeveloperMetadata("ks:version", "2");
    const b = setup({ state: JSON.parse(JSON.stringify(a.model.snapshot())) });
    const found = b.ss.createDeveloperMetadataFinder().find();
    expect(found.map((m) => [m.getKey(), m.getValue(), m.getId()])).toEqual(
      a.ss
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => [m.getKey(), m.getValue(), m.getId()]),
    );
    expect(found[0]!.getLocation().getColumn()!.getA1Notation()).toBe("D:D");
  });

  it("goes with its sheet when the sheet is deleted; spreadsheet metadata stays", () => {
    const { ss } = setup();
    const tab = ss.insertSheet("Công an xã");
    tab.addDeveloperMetadata("ks:unit", "congAnXa");
    tab.getRange("B:B").addDeveloperMetadata("ks:column", "date");
    ss.addDeveloperMetadata("ks:version", "2");
    ss.deleteSheet(tab);
    expect(
      ss
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(["ks:version"]);
  });

  it("needs the right to edit: a viewer cannot add or change it", () => {
    const { ss, actAs } = setup();
    ss.addViewer(DISTRICT);
    ss.addDeveloperMetadata("ks:version", "2");
    actAs(DISTRICT);
    expect(errorOf(() => ss.addDeveloperMetadata("x"))).toBe(
      "You do not have permission to edit this spreadsheet.",
    );
    const [m] = ss.getDeveloperMetadata();
    expect(m!.getValue()).toBe("2");
    expect(errorOf(() => m!.setValue("3"))).toBe("You do not have permission to edit this spreadsheet.");
    actAs(OWNER);
  });

  it("each method call is one counted call, like every other Sheets call", () => {
    const { ss, run } = setup();
    run.calls.length = 0;
    ss.createDeveloperMetadataFinder().withKey("k").find();
    expect(run.calls).toEqual([
      "Spreadsheet.createDeveloperMetadataFinder",
      "DeveloperMetadataFinder.withKey",
      "DeveloperMetadataFinder.find",
    ]);
  });
});
