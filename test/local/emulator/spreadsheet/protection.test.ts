// Contract tests: protected sheets and ranges, enforced against whoever acts.
// Reference page: https://developers.google.com/apps-script/reference/spreadsheet/protection
//                 (and range#protect, sheet#protect, spreadsheet#getProtections)
import { describe, expect, it } from "vitest";
import { DISTRICT, errorOf, OWNER, POLICE, setup, TEACHER } from "./helpers";

const PROTECTED =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

function shared() {
  const env = setup();
  env.ss.addEditors([POLICE, TEACHER]);
  env.ss.addViewer(DISTRICT);
  const police = env.ss.insertSheet("Công an xã");
  const school = env.ss.insertSheet("Các trường học");
  return { ...env, police, school };
}

describe("Protection objects", () => {
  it("until the editor list changes, a new protection mirrors the spreadsheet (nothing is locked)", () => {
    // range#protect: until the script changes the editors, "the permissions mirror those of the
    // spreadsheet itself, which effectively means that the range remains unprotected."
    const { model, ss, police } = shared();
    police.protect();
    expect(model.canEdit(ss.getId(), "Công an xã", 2, 1, TEACHER)).toBe(true);
  });

  it("the documented pattern addEditor(me) + removeEditors(getEditors()) leaves the owner and me", () => {
    // Class Protection example; removeEditors: neither the owner nor the current user is removed.
    const { ss, police } = shared();
    const p = police.protect().setDescription("Chỉ công an xã nhập");
    p.addEditor(OWNER);
    p.removeEditors(p.getEditors());
    p.addEditor(POLICE);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, POLICE]);
    expect(p.getDescription()).toBe("Chỉ công an xã nhập");
    expect(p.getProtectionType()).toBe("SHEET");
    expect(ss.getProtections("SHEET")).toHaveLength(1);
  });

  it("removeEditor cannot remove the spreadsheet's owner", () => {
    // protection#removeEditor: the owner of the spreadsheet cannot be removed.
    const { police } = shared();
    const p = police.protect();
    p.removeEditor(OWNER);
    expect(p.getEditors().map((u) => u.getEmail())).toContain(OWNER);
  });

  it("Sheet.protect on a protected sheet returns its existing protection", () => {
    // A sheet has a single sheet-level protection.
    const { police } = shared();
    police.protect().setDescription("một");
    police.protect().setDescription("hai");
    expect(police.getProtections("SHEET").map((p) => p.getDescription())).toEqual(["hai"]);
  });

  it("Range.protect creates range protections that getProtections(RANGE) lists", () => {
    // range#protect; spreadsheet#getProtections(type) and sheet#getProtections(type).
    const { ss, app, police } = shared();
    police.getRange("H2:J1000").protect().setDescription("Cột của script");
    police.getRange("A1:J1").protect().setDescription("Tiêu đề");
    const ranges = ss.getProtections(app.ProtectionType.RANGE);
    expect(ranges.map((p) => p.getRange().getA1Notation())).toEqual(["H2:J1000", "A1:J1"]);
    expect(police.getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
    expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });

  it("remove() deletes the protection; canEdit tells the acting user whether they may", () => {
    // protection#remove; protection#canEdit: "The spreadsheet owner is always able to edit".
    const { ss, police, actAs } = shared();
    const p = police.protect();
    p.removeEditors([POLICE, TEACHER]);
    actAs(TEACHER);
    expect(p.canEdit()).toBe(false);
    expect(errorOf(() => p.remove())).toBe(PROTECTED);
    actAs(OWNER);
    expect(p.canEdit()).toBe(true);
    p.remove();
    expect(ss.getProtections("SHEET")).toHaveLength(0);
  });

  it("setUnprotectedRanges leaves holes in a protected sheet", () => {
    // protection#setUnprotectedRanges: unprotects the given ranges within a protected sheet.
    const { model, ss, police } = shared();
    const p = police.protect();
    p.removeEditors([POLICE, TEACHER]);
    p.setUnprotectedRanges([police.getRange("A2:F1000")]);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(["A2:F1000"]);
    expect(model.canEdit(ss.getId(), "Công an xã", 5, 3, TEACHER)).toBe(true);
    expect(model.canEdit(ss.getId(), "Công an xã", 1, 3, TEACHER)).toBe(false);
    expect(model.canEdit(ss.getId(), "Công an xã", 5, 8, TEACHER)).toBe(false);
  });
});

describe("enforcement", () => {
  function locked() {
    const env = shared();
    const p = env.police.protect();
    p.removeEditors(p.getEditors());
    p.addEditor(POLICE);
    return { ...env, p };
  }

  it("a user edit by someone not on the protection's list fails with Google's message", () => {
    // Protected sheets: only the listed editors (and the owner) can edit.
    const { model, police } = locked();
    expect(errorOf(() => model.userEdit("Công an xã", "A2", [["x"]], TEACHER, true))).toBe(PROTECTED);
    expect(police.getRange("A2").getValue()).toBe("");
    model.userEdit("Công an xã", "A2", [["15/04/2023"]], POLICE, true);
    model.userEdit("Công an xã", "B2", [["ghi bởi chủ tịch"]], OWNER, true);
    expect(police.getRange("B2").getValue()).toBe("ghi bởi chủ tịch");
  });

  it("a script running as a user who cannot edit fails the same way", () => {
    // Scripts act with the permissions of the user they run as.
    const { police, actAs } = locked();
    actAs(TEACHER);
    expect(errorOf(() => police.getRange("A2:C2").setValues([[1, 2, 3]]))).toBe(PROTECTED);
    expect(errorOf(() => police.appendRow(["x"]))).toBe(PROTECTED);
    expect(errorOf(() => police.getRange("A2").setNote("n"))).toBe(PROTECTED);
    actAs(POLICE);
    police.appendRow(["15/04/2023", "Tuyên truyền", 40]);
    expect(police.getLastRow()).toBe(1);
  });

  it("the owner can always edit, whatever the protection's list", () => {
    // protection#canEdit: "The spreadsheet owner is always able to edit protected ranges and sheets."
    const { p, police, actAs } = locked();
    p.removeEditor(POLICE);
    actAs(OWNER);
    police.getRange("A1").setValue("Ngày");
    expect(police.getRange("A1").getValue()).toBe("Ngày");
  });

  it("a protection editor who is not an editor of the spreadsheet still cannot edit", () => {
    // protection#addEditor does not by itself grant edit access to the spreadsheet.
    const { p, model, ss } = locked();
    p.addEditor("nguoi.ngoai@example.org");
    expect(model.canEdit(ss.getId(), "Công an xã", 2, 1, "nguoi.ngoai@example.org")).toBe(false);
  });

  it("a warning-only protection never blocks", () => {
    // protection#setWarningOnly(true): "every user can edit data in the area", after a warning.
    const { p, model, police } = locked();
    p.setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    model.userEdit("Công an xã", "A3", [["x"]], TEACHER, true);
    expect(police.getRange("A3").getValue()).toBe("x");
  });

  it("a viewer cannot edit at all", () => {
    // A view-only collaborator cannot change cells.
    const { model, ss } = locked();
    expect(errorOf(() => model.userEdit("Các trường học", "A2", [["x"]], DISTRICT, true))).toMatch(
      /permission/,
    );
    expect(model.canEdit(ss.getId(), "Các trường học", 2, 1, DISTRICT)).toBe(false);
  });

  it("range protections are moved by inserted rows and dropped when all their rows are deleted", () => {
    // Protected ranges follow their cells when rows are inserted or deleted above them.
    const { ss, school } = shared();
    const p = school.getRange("A5:B6").protect();
    p.removeEditors([POLICE, TEACHER]);
    school.insertRowsBefore(2, 3);
    expect(ss.getProtections("RANGE")[0]?.getRange().getA1Notation()).toBe("A8:B9");
    school.deleteRows(8, 2);
    expect(ss.getProtections("RANGE")).toHaveLength(0);
  });

  it("a user cannot delete rows, rename or delete a sheet they may not edit", () => {
    // Protected sheets also guard the sheet's structure.
    const { model, police } = locked();
    expect(errorOf(() => model.userDeleteRows("Công an xã", 2, 1, TEACHER))).toBe(PROTECTED);
    expect(errorOf(() => model.userRenameSheet("Công an xã", "CA", TEACHER))).toBe(PROTECTED);
    expect(errorOf(() => model.userDeleteSheet("Công an xã", TEACHER))).toBe(PROTECTED);
    expect(police.getName()).toBe("Công an xã");
    model.userRenameSheet("Công an xã", "Công an", OWNER);
    expect(police.getName()).toBe("Công an");
  });

  it("a protected range blocks only its own cells", () => {
    // range#protect protects that range; cells outside it keep the sheet's permissions.
    const { model, ss, school, actAs } = shared();
    const p = school.getRange("H1:J1000").protect().setDescription("Cột của script");
    p.removeEditors(p.getEditors());
    expect(model.canEdit(ss.getId(), "Các trường học", 5, 8, TEACHER)).toBe(false);
    expect(model.canEdit(ss.getId(), "Các trường học", 5, 7, TEACHER)).toBe(true);
    actAs(TEACHER);
    school.getRange("A5:G5").setValue("x");
    expect(errorOf(() => school.getRange("A5:H5").setValue("x"))).toBe(PROTECTED);
  });

  it("getProtections lists protections the user cannot edit too (canEdit tells them apart)", () => {
    // Class Protection example: loop over getProtections and keep those with canEdit().
    const { ss, police, school, actAs } = shared();
    const a = police.protect();
    a.removeEditors(a.getEditors());
    a.addEditor(POLICE);
    school.protect();
    actAs(POLICE);
    expect(ss.getProtections("SHEET").map((p) => p.canEdit())).toEqual([true, true]);
    actAs(TEACHER);
    expect(ss.getProtections("SHEET").map((p) => p.canEdit())).toEqual([false, true]);
  });
});
