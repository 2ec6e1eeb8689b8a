/** The entry sidebar's and settings dialog's endpoints, called through google.script.run's serialisation. */
import { describe, expect, it } from "vitest";
import {
  APRIL_10,
  bundleEnvironment,
  columnOf,
  HEALTH,
  OWNER,
  POLICE,
  SCHOOL,
  SETTINGS,
  setUpSheet,
  sheet,
  STRANGER,
} from "./harness";

function ready() {
  const env = bundleEnvironment();
  setUpSheet(env);
  return env;
}

const SCHOOL_ENTRY = {
  unitId: "truongHoc",
  fields: {
    date: "06/04/2023",
    task: "Tuyên truyền, giáo dục phòng, chống mại dâm cho học sinh",
    form: "Tuyên truyền trực tiếp",
    subUnit: "Trường THCS Quang Khải",
    content: "Buổi ngoại khoá cho học sinh khối 8, 9",
    notes: "",
  } as Record<string, string>,
};

describe("getEntryFormState", () => {
  it("gives the plan, the units the user may edit, today, and the active tab's unit as default", () => {
    const env = ready();
    env.setUser(SCHOOL);
    env.setActiveSheet("Trường học");
    const result = env.runFromClient("getEntryFormState", []);
    expect(result.ok).toBe(true);
    const state = (
      result as {
        value: {
          units: { id: string; canEdit: boolean }[];
          defaultUnitId: string;
          today: string;
          user: string;
        };
      }
    ).value;
    expect(state.defaultUnitId).toBe("truongHoc");
    expect(state.today).toBe("2023-04-10");
    expect(state.user).toBe(SCHOOL);
    expect(state.units.filter((u) => u.canEdit).map((u) => u.id)).toEqual(["truongHoc"]);
    expect(state.units).toHaveLength(11);
  });
});

describe("submitEntry", () => {
  it("appends a valid report to the unit's tab and says which row", () => {
    const env = ready();
    env.setUser(SCHOOL);
    const tab = "Trường học";
    const studentsHeader = sheet(env, tab)
      .getRange(1, 1, 1, sheet(env, tab).getLastColumn())
      .getValues()[0]!
      .map(String)
      .find((h) => /học sinh được tuyên truyền/i.test(h))!;
    const key = `el:${findElementId(env, tab, studentsHeader)}`;
    const result = env.runFromClient("submitEntry", [
      { ...SCHOOL_ENTRY, fields: { ...SCHOOL_ENTRY.fields, [key]: "1.234" } },
    ]);
    expect(result).toEqual({ ok: true, value: { ok: true, rowNumber: 2, tabName: tab, warnings: [] } });
    const s = sheet(env, tab);
    expect(s.getRange(2, columnOf(env, tab, "Ngày")).getDisplayValue()).toBe("06/04/2023");
    expect(s.getRange(2, columnOf(env, tab, studentsHeader)).getValue()).toBe(1234);
    expect(s.getRange(2, columnOf(env, tab, "Trường")).getValue()).toBe("Trường THCS Quang Khải");
    expect(s.getRange(2, columnOf(env, tab, "Trạng thái")).getValue()).toBe("✓ Hợp lệ");
    expect(s.getRange(2, columnOf(env, tab, "Người nhập")).getValue()).toBe(SCHOOL);
  });

  it("refuses, with the reason, a unit the user may not edit, and writes nothing", () => {
    const env = ready();
    env.setUser(POLICE);
    const result = env.runFromClient("submitEntry", [SCHOOL_ENTRY]);
    expect(result.ok).toBe(true);
    const value = (result as { value: { ok: boolean; message: string } }).value;
    expect(value.ok).toBe(false);
    expect(value.message).toContain(POLICE);
    expect(value.message).toContain("Các trường học");
    expect(sheet(env, "Trường học").getLastRow()).toBe(1);
  });

  it("refuses invalid fields with per-field Vietnamese issues", () => {
    const env = ready();
    env.setUser(SCHOOL);
    const result = env.runFromClient("submitEntry", [
      { ...SCHOOL_ENTRY, fields: { ...SCHOOL_ENTRY.fields, date: "31/02/2023" } },
    ]);
    const value = (result as { value: { ok: boolean; issues: { column: string; message: string }[] } }).value;
    expect(value.ok).toBe(false);
    expect(value.issues.find((i) => i.column === "date")?.message).toMatch(/Ngày/);
    expect(sheet(env, "Trường học").getLastRow()).toBe(1);
  });

  it("rejects a call whose arguments Google would refuse to send (a Date)", () => {
    const env = ready();
    env.setUser(SCHOOL);
    const result = env.runFromClient("submitEntry", [{ ...SCHOOL_ENTRY, fields: { date: new Date() } }]);
    expect(result.ok).toBe(false);
  });

  it("lets concurrent submissions all land, each in its own row", () => {
    const env = ready();
    env.setUser(SCHOOL);
    const rows = [1, 2, 3].map((n) => {
      const r = env.runFromClient("submitEntry", [
        { ...SCHOOL_ENTRY, fields: { ...SCHOOL_ENTRY.fields, content: `Buổi ${n}` } },
      ]);
      return (r as { value: { rowNumber: number } }).value.rowNumber;
    });
    expect(rows).toEqual([2, 3, 4]);
  });
});

describe("settings", () => {
  it("refuses a bad email naming the field, and keeps the old settings", () => {
    const env = ready();
    env.setUser(OWNER);
    const result = env.runFromClient("saveSettings", [
      { ...SETTINGS, upperLevelEmails: ["lanhdao@tuky.example", "khong-phai-email"] },
    ]);
    const value = (result as { value: { ok: boolean; errors: { field: string; message: string }[] } }).value;
    expect(value.ok).toBe(false);
    expect(value.errors[0]!.message).toContain("Email cấp trên");
    expect(value.errors[0]!.message).toContain("khong-phai-email");
    const state = (
      env.runFromClient("getSettingsState", []) as { value: { settings: { upperLevelEmails: string[] } } }
    ).value;
    expect(state.settings.upperLevelEmails).toEqual(["lanhdao@tuky.example"]);
  });

  it("re-applies protections when a unit's editors change", () => {
    const env = ready();
    env.setUser(OWNER);
    env.runFromClient("saveSettings", [
      { ...SETTINGS, unitEditors: { ...SETTINGS.unitEditors, congAnXa: [POLICE, HEALTH] } },
    ]);
    env.setUser(HEALTH);
    env.userEdit("Công an xã", "A2", "05/04/2023", { typed: true });
    expect(sheet(env, "Công an xã").getRange("A2").getDisplayValue()).toBe("05/04/2023");
  });

  it("lets only the office save settings, and says so in Vietnamese", () => {
    const env = ready();
    env.setUser(STRANGER);
    const result = env.runFromClient("saveSettings", [SETTINGS]);
    expect(result.ok).toBe(false);
    expect((result as { error: string }).error).toMatch(
      /^Chỉ văn phòng UBND xã \(.+\) mới xem và sửa được cài đặt\./,
    );
  });
});

function findElementId(env: ReturnType<typeof ready>, tab: string, header: string): string {
  const state = (
    env.runFromClient("getEntryFormState", []) as {
      value: { units: { tabName: string; columns: { header: string; elementId?: string }[] }[] };
    }
  ).value;
  return state.units.find((u) => u.tabName === tab)!.columns.find((c) => c.header === header)!.elementId!;
}

describe("the change log of sidebar submissions", () => {
  it("records a unit editor's submission once an owner execution can write the owner-only log", () => {
    const env = ready();
    env.setUser(SCHOOL);
    env.runFromClient("submitEntry", [SCHOOL_ENTRY]);
    const log = sheet(env, "Nhật ký sửa");
    // The editor cannot write the owner's log: the entry waits.
    expect(log.getLastRow()).toBe(1);
    env.setUser(POLICE);
    env.userEdit("Công an xã", "A2", "05/04/2023", { typed: true });
    const rows = log.getRange(2, 1, log.getLastRow() - 1, 6).getValues();
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      [SCHOOL, "Trường học"],
      [POLICE, "Công an xã"],
    ]);
    expect(rows[0]![5]).toBe("(nhập qua biểu mẫu)");
  });

  it("keeps every waiting entry, in order, even after a busy day of submissions", () => {
    const env = ready();
    env.setUser(SCHOOL);
    for (let n = 1; n <= 120; n++) {
      env.setNow(new Date(APRIL_10.getTime() + n * 60_000));
      const r = env.runFromClient("submitEntry", [
        { ...SCHOOL_ENTRY, fields: { ...SCHOOL_ENTRY.fields, content: `Buổi ${n}` } },
      ]);
      expect((r as { value: { ok: boolean } }).value.ok).toBe(true);
    }
    env.setUser(POLICE);
    env.userEdit("Công an xã", "A2", "05/04/2023", { typed: true });
    const log = sheet(env, "Nhật ký sửa");
    const rows = log.getRange(2, 1, log.getLastRow() - 1, 6).getValues();
    expect(rows).toHaveLength(121);
    expect(rows.slice(0, 120).every((r) => r[1] === SCHOOL && r[3] !== "")).toBe(true);
    const rowsLogged = rows.slice(0, 120).map((r) => Number(String(r[3]).slice(1)));
    expect(rowsLogged).toEqual(Array.from({ length: 120 }, (_, i) => i + 2));
    expect(rows[120]![1]).toBe(POLICE);
  });
});
