/**
 * Who may act as the office, and who the files are shared with, through the built bundle: a
 * spreadsheet in a shared drive (no Drive owner) where only the office acts as office; sharing that
 * follows the settings exactly and leaves nothing half done when Google refuses an address; the
 * chairman who edits nothing; every tab the add-in writes closed to all but the office, and logged.
 */
import { describe, expect, it } from "vitest";
import { lastAlert, sheet, spreadsheet } from "./harness";
import {
  CHAIRMAN,
  DISTRICT,
  OFFICE,
  officeSheet,
  POLICE,
  ROLE_SETTINGS,
  STRANGER,
  typeAprilByStaff,
  vietnameseOnly,
} from "./people";

const NEW_COP = "pho.truong.ca@quangkhai.example";

describe("a spreadsheet in a shared drive, which has no Drive owner", () => {
  function sharedDrive() {
    return officeSheet({ sharedDrive: true, editors: [POLICE, STRANGER] });
  }

  it("has an office all the same: whoever set it up, and no one else who can edit the file", () => {
    const env = sharedDrive();
    expect(spreadsheet(env).getOwner()).toBeNull();
    for (const who of [STRANGER, POLICE]) {
      env.setUser(who);
      env.run("setupSpreadsheet");
      expect(vietnameseOnly(lastAlert(env))).toContain(
        `Chỉ văn phòng UBND xã (${OFFICE}, vanthu@quangkhai.example)`,
      );
      for (const name of ["getSettingsState", "getSendState", "writeRollupToTab"]) {
        const r = env.runFromClient(name, [null]);
        expect(r.ok, `${name} as ${who}`).toBe(false);
      }
      const saved = env.runFromClient("saveSettings", [{ ...ROLE_SETTINGS, upperLevelEmails: [who] }]);
      expect(saved.ok).toBe(false);
    }
    // The office still is.
    env.setUser(OFFICE);
    expect(env.runFromClient("getSettingsState", []).ok).toBe(true);
  });

  it("set up before the office was recorded, lets only the account running its automatic jobs claim it", () => {
    const env = sharedDrive();
    const props = env.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    props.getDocumentProperties().deleteProperty("ks.setupAccount");
    props.getDocumentProperties().deleteProperty("ks.settings");
    env.setUser(STRANGER);
    env.run("setupSpreadsheet");
    expect(vietnameseOnly(lastAlert(env))).toContain(
      "đã được thiết lập trước đây nhưng chưa ghi nhận văn phòng",
    );
    env.setUser(POLICE);
    expect(env.runFromClient("getSettingsState", []).ok).toBe(false);
    env.setUser(OFFICE);
    env.run("setupSpreadsheet");
    expect(lastAlert(env)).not.toContain("Chỉ ");
    expect(props.getDocumentProperties().getProperty("ks.setupAccount")).toBe(OFFICE);
  });
});

describe("sharing follows the settings", () => {
  it("shares the sheet with staff and the approving chairman, who edits no tab; the upper level gets nothing of it", () => {
    const env = officeSheet();
    const id = spreadsheet(env).getId();
    expect(env.sheets.role(id, POLICE)).toBe("editor");
    expect(env.sheets.role(id, CHAIRMAN)).toBe("editor");
    expect(env.sheets.role(id, DISTRICT)).toBe("none");
    env.setUser(CHAIRMAN);
    for (const tab of ["Công an xã", "Tổng hợp", "Cài đặt", "Nhật ký gửi", "Nhật ký sửa"]) {
      expect(() => env.userEdit(tab, "B5", "x"), tab).toThrow(/protected/);
    }
  });

  it("makes the chairman a viewer when reports go directly, and takes back only what it gave", () => {
    const env = officeSheet();
    const id = spreadsheet(env).getId();
    spreadsheet(env).addEditor(STRANGER); // shared by hand, not by the add-in
    env.setUser(OFFICE);
    env.runFromClient("saveSettings", [
      { ...ROLE_SETTINGS, approval: "direct", unitEditors: { truongHoc: [] } },
    ]);
    expect(env.sheets.role(id, CHAIRMAN)).toBe("viewer");
    expect(env.sheets.role(id, POLICE)).toBe("none");
    expect(env.sheets.role(id, STRANGER)).toBe("editor");
  });

  it("leaves nothing half done when Google refuses an address, and says which and why in Vietnamese", () => {
    const env = officeSheet();
    const id = spreadsheet(env).getId();
    const police = sheet(env, "Công an xã").getProtections(
      "SHEET" as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
    )[0]!;
    const editorsBefore = police.getEditors().map((u) => u.getEmail());
    env.setUser(OFFICE);
    const before = (env.runFromClient("getSettingsState", []) as { value: { settings: unknown } }).value
      .settings;
    // Removing the police officer goes first, then Google refuses the new one.
    env.failNext("Spreadsheet.addEditor", "Sharing is not allowed with users outside your organization");
    const r = env.runFromClient("saveSettings", [{ ...ROLE_SETTINGS, unitEditors: { congAnXa: [NEW_COP] } }]);
    expect(r.ok).toBe(false);
    expect(vietnameseOnly((r as { error: string }).error)).toBe(
      `Không lưu cài đặt: không chia sẻ quyền sửa bảng tính cho ${NEW_COP} được (tổ chức quản lý tài khoản Google của xã không cho chia sẻ tệp với địa chỉ này (ngoài tổ chức)). Chưa có gì thay đổi. Hãy sửa hoặc bỏ địa chỉ này rồi lưu lại.`,
    );
    expect(env.sheets.role(id, POLICE)).toBe("editor");
    expect(env.sheets.role(id, NEW_COP)).toBe("none");
    expect(
      (env.runFromClient("getSettingsState", []) as { value: { settings: unknown } }).value.settings,
    ).toEqual(before);
    expect(police.getEditors().map((u) => u.getEmail())).toEqual(editorsBefore);
  });
});

describe("the tabs the add-in writes", () => {
  it("are the office's only, and an edit there is logged", () => {
    const env = officeSheet();
    typeAprilByStaff(env);
    env.setUser(OFFICE);
    env.runFromClient("writeRollupToTab", ["2023-04"]);
    env.setUser(POLICE);
    expect(() => env.userEdit("Tổng hợp", "D5", "100 %", { typed: true })).toThrow(/protected/);
    env.setUser(OFFICE);
    env.userEdit("Tổng hợp", "H2", "ghi chú của văn phòng", { typed: true });
    const log = sheet(env, "Nhật ký sửa");
    const last = log.getRange(log.getLastRow(), 1, 1, 6).getDisplayValues()[0]!;
    expect(last.slice(1)).toEqual([OFFICE, "Tổng hợp", "H2", "", "ghi chú của văn phòng"]);
  });
});
