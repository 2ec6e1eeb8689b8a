/** The read-only copy for the upper level, through the built bundle. */
import { describe, expect, it } from "vitest";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment } from "../../src/local/emulator/index";
import { CODE, lastAlert, OWNER, SETTINGS, setUpSheet, sheet, spreadsheet } from "./harness";
import { typeApril } from "./month";

const DISTRICT = "lanhdao@tuky.example";
const POLICE_DISTRICT = "conganhuyen@tuky.example";
type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

function april() {
  const env = createEnvironment(appWorld({ owner: OWNER, now: new Date("2023-04-20T09:00:00+07:00") }));
  env.load(CODE);
  setUpSheet(env);
  env.setNow(new Date("2023-04-10T09:00:00+07:00"));
  typeApril(env);
  env.setNow(new Date("2023-04-20T09:00:00+07:00"));
  env.setUser(OWNER);
  return env;
}

function theCopy(env: ReturnType<typeof april>): Ss {
  const mainId = (env.active as Ss).getId();
  const others = (env.spreadsheets.all() as Ss[]).filter((s) => s.getId() !== mainId);
  expect(others).toHaveLength(1);
  return others[0]!;
}

function allCells(copy: Ss): string[] {
  return copy
    .getSheets()
    .flatMap((s) => s.getRange(1, 1, s.getLastRow(), s.getLastColumn()).getDisplayValues().flat());
}

describe("the read-only copy", () => {
  it("is created on first refresh, owned by the owner, named after the plan, shared as viewer with the upper level", () => {
    const env = april();
    env.run("updateReadOnlyCopy");
    const copy = theCopy(env);
    expect(copy.getName()).toBe("Bản xem – Phòng, chống mại dâm 2023 – Quang Khải");
    expect(copy.getOwner()!.getEmail()).toBe(OWNER);
    expect(copy.getViewers().map((u) => u.getEmail())).toEqual([DISTRICT]);
    expect(
      copy
        .getSheets()
        .map((s) => s.getName())
        .slice(0, 2),
    ).toEqual(["Tổng hợp", "Theo tháng"]);
    expect(lastAlert(env)).toContain(copy.getUrl());
    const summary = copy.getSheetByName("Tổng hợp")!;
    const shown = summary.getDataRange().getDisplayValues();
    expect(shown[0]![0]).toBe("KẾ HOẠCH PHÒNG, CHỐNG MẠI DÂM NĂM 2023 TRÊN ĐỊA BÀN XÃ QUANG KHẢI");
    // Every tab says where its figures come from and when, under its table.
    for (const tab of copy.getSheets()) {
      const column = tab.getRange(1, 1, tab.getLastRow(), 1).getDisplayValues().flat();
      expect(column, tab.getName()).toContain("Bản xem chỉ đọc, cập nhật lúc 20/04/2023 09:00.");
      expect(column).toContain(spreadsheet(env).getUrl());
    }
    // Figures as numbers, the rate as a percentage.
    const ct2c = shown.find((r) => r[0] === "CT2c")!;
    expect(ct2c.slice(3, 6)).toEqual(["300", "900", "33,3%"]);
    const school = copy.getSheetByName("Trường học")!.getDataRange().getDisplayValues();
    expect(school.find((r) => r[0] === "Tổng số học sinh")).toContain("900");
  });

  it("is reused by a second refresh, with no change to its sharing", () => {
    const env = april();
    env.run("updateReadOnlyCopy");
    const id = theCopy(env).getId();
    env.resetCalls();
    env.run("updateReadOnlyCopy");
    expect(theCopy(env).getId()).toBe(id);
    expect(env.calls.get("Spreadsheet.addViewers") + env.calls.get("Spreadsheet.removeViewer")).toBe(0);
  });

  it("follows the settings: a viewer removed from settings loses access, a new one gains it", () => {
    const env = april();
    env.run("updateReadOnlyCopy");
    env.runFromClient("saveSettings", [{ ...SETTINGS, upperLevelEmails: [POLICE_DISTRICT] }]);
    env.run("updateReadOnlyCopy");
    expect(
      theCopy(env)
        .getViewers()
        .map((u) => u.getEmail()),
    ).toEqual([POLICE_DISTRICT]);
  });

  it("holds no free text from the main sheet, even phone numbers or formulas in content and notes", () => {
    const env = april();
    sheet(env, "Công an xã").getRange("B2").setNote("Người báo tin: 0987 654 321");
    env.run("updateReadOnlyCopy");
    const copy = theCopy(env);
    const cells = allCells(copy).join("\n");
    expect(cells).not.toMatch(/0912|0987|IMPORTRANGE|karaoke|Rà soát/);
    for (const s of copy.getSheets()) {
      const range = s.getRange(1, 1, s.getLastRow(), s.getLastColumn());
      expect(
        range
          .getFormulas()
          .flat()
          .every((f) => f === ""),
      ).toBe(true);
      expect(
        range
          .getNotes()
          .flat()
          .every((n) => n === ""),
      ).toBe(true);
    }
    expect(cells).not.toContain(OWNER);
  });

  it("cannot be edited by a viewer", () => {
    const env = april();
    env.run("updateReadOnlyCopy");
    const copy = theCopy(env);
    expect(env.sheets.canEdit(copy.getId(), "Tổng hợp", 5, 4, DISTRICT)).toBe(false);
    expect(env.sheets.canEdit(copy.getId(), "Tổng hợp", 5, 4, OWNER)).toBe(true);
  });

  it("is recreated when it was deleted, and says so", () => {
    const env = april();
    env.run("updateReadOnlyCopy");
    const old = theCopy(env).getId();
    env.sheets.deleteSpreadsheet(old);
    env.run("updateReadOnlyCopy");
    const copy = theCopy(env);
    expect(copy.getId()).not.toBe(old);
    expect(lastAlert(env)).toContain("đã tạo bản mới");
  });

  it("is still refreshed with an invalid upper-level address, sharing skipped with a clear message", () => {
    const env = april();
    env.setUser(OWNER);
    // Settings stored by hand (as an older version might have): the dialog itself refuses bad addresses.
    (env.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .setProperty("ks.settings", JSON.stringify({ ...SETTINGS, upperLevelEmails: [] }));
    env.run("updateReadOnlyCopy");
    expect(theCopy(env).getViewers()).toHaveLength(0);
    expect(lastAlert(env)).toContain("Chưa có email cấp trên");
  });

  it("is what the monthly email attaches as PDF", () => {
    const env = april();
    env.runTimeTriggers(new Date("2023-05-15T07:00:00+07:00"));
    const copy = theCopy(env);
    const mail = env.outbox.find((m) => m.subject.startsWith("Kết quả thực hiện"))!;
    const pdf = copy.getAs("application/pdf");
    expect(mail.attachments[0]!.name).toBe("Bản xem – Phòng, chống mại dâm 2023 – Quang Khải – 2023-05.pdf");
    expect(mail.attachments[0]!.size).toBe(pdf.getBytes().length);
    expect(mail.htmlBody).toContain(copy.getUrl());
  });
});
