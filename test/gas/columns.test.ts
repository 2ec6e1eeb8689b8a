/**
 * The add-in finds its own columns by the developer metadata setup put on them, never by a header
 * text: a column the office adds and heads "Trạng thái", "Người nhập" or "Cập nhật lúc" keeps what
 * staff type there, whatever the add-in does (an edit, a paste, the sidebar, "Kiểm tra toàn bộ",
 * setup again), and columns inserted between the plan's still read and mark right. A sheet set up by an
 * earlier version (no metadata) is read by header text, never written where a person typed, and
 * marked by the next setup. All through the built bundle.
 */
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/local/emulator/index";
import { a1, bundleEnvironment, lastAlert, OWNER, POLICE, setUpSheet, sheet, spreadsheet } from "./harness";

const TAB = "Công an xã";
const TASK = "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo";
const RECEIVED = "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)";

/** The 1-based column the add-in marked for `key` in the tab (what Google's metadata says). */
function marked(env: Environment, key: string): number {
  const found = sheet(env, TAB).createDeveloperMetadataFinder().withKey("ks.column").withValue(key).find();
  expect(found, `one mark for ${key}`).toHaveLength(1);
  return found[0]!.getLocation().getColumn()!.getColumn();
}

function headerRow(env: Environment): string[] {
  const s = sheet(env, TAB);
  return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
}

type Where = Record<"date" | "task" | "form" | "received" | "handled", number>;
const KEYS = {
  date: "date",
  task: "task",
  form: "form",
  received: "el:tinTiepNhan",
  handled: "el:tinXuLyKipThoi",
};

/** Where the plan's columns a row needs are, by their marks (taken before marks are removed). */
function where(env: Environment): Where {
  return Object.fromEntries(Object.entries(KEYS).map(([k, key]) => [k, marked(env, key)])) as Where;
}

/** A valid row as the tab's columns are; office columns (by their 1-based index) get `extra` text. */
function typedRow(env: Environment, at: Where, received: string, extra: Map<number, string>): string[] {
  const plan = new Map([
    [at.date, "05/04/2023"],
    [at.task, TASK],
    [at.form, "Khác"],
    [at.received, received],
    [at.handled, "1"],
  ]);
  return headerRow(env).map((_, i) => plan.get(i + 1) ?? extra.get(i + 1) ?? "");
}

function cell(env: Environment, row: number, column: number): unknown {
  return sheet(env, TAB).getRange(row, column).getValue();
}

/** The office adds its own columns headed like the add-in's: one before "Trạng thái", two at the end. */
function officeAddsLookalikes(env: Environment): { status: number; by: number; at: number } {
  env.setUser(OWNER);
  const status = marked(env, "status");
  env.userInsertColumns(TAB, status - 1, 1);
  env.userEdit(TAB, a1(1, status), "Trạng thái");
  const end = sheet(env, TAB).getLastColumn();
  env.userEdit(TAB, `${a1(1, end + 1)}:${a1(1, end + 2)}`, [["Người nhập", "Cập nhật lúc"]]);
  return { status, by: end + 1, at: end + 2 };
}

describe("the add-in's columns are found by their metadata, not their header", () => {
  it("setup marks every column of the plan, on every unit tab, where it wrote its header", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const header = headerRow(env);
    for (const [key, text] of [
      ["date", "Ngày"],
      ["task", "Nhiệm vụ"],
      ["el:tinTiepNhan", RECEIVED],
      ["status", "Trạng thái"],
      ["enteredBy", "Người nhập"],
      ["updatedAt", "Cập nhật lúc"],
    ] as const) {
      expect(header[marked(env, key) - 1]).toBe(text);
    }
    const all = spreadsheet(env).createDeveloperMetadataFinder().withKey("ks.column").find();
    const tabs = new Set(all.map((m) => m.getLocation().getColumn()!.getSheet().getName()));
    expect(tabs.size).toBe(11);
    expect(all.every((m) => String(m.getVisibility()) === "PROJECT")).toBe(true);
  });

  it("an office column headed like the add-in's keeps what staff type, through every path that writes", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const office = officeAddsLookalikes(env);
    const ours = {
      status: marked(env, "status"),
      by: marked(env, "enteredBy"),
      at: marked(env, "updatedAt"),
    };
    expect(ours.status).toBe(office.status + 1);
    const notes = new Map([
      [office.status, "chờ xác minh thêm"],
      [office.by, "anh Tuấn"],
      [office.at, "sáng thứ hai"],
    ]);

    env.setUser(POLICE);
    // A pasted row, a wrong figure typed into it, then the sidebar.
    const row = typedRow(env, where(env), "3", notes);
    env.userEdit(TAB, `A2:${a1(2, row.length)}`, [row], { typed: true });
    env.userEdit(TAB, a1(2, marked(env, "el:tinTiepNhan")), "ba", { typed: true });
    const submitted = env.runFromClient("submitEntry", [
      {
        unitId: "congAnXa",
        fields: {
          date: "06/04/2023",
          task: TASK,
          form: "Khác",
          "el:tinTiepNhan": "2",
          "el:tinXuLyKipThoi": "2",
        },
      },
    ]);
    expect(submitted.ok && (submitted.value as { ok: boolean }).ok).toBe(true);
    env.userEdit(TAB, `${a1(3, office.status)}`, "đã gọi lại", { typed: true });
    env.setUser(OWNER);
    env.run("checkAllData");
    env.run("setupSpreadsheet");

    for (const [column, text] of notes) expect(cell(env, 2, column)).toBe(text);
    expect(cell(env, 3, office.status)).toBe("đã gọi lại");
    expect(cell(env, 3, office.by)).toBe("");
    expect(String(cell(env, 2, ours.status))).toMatch(/^✗ Lỗi: .*"ba"/);
    expect(cell(env, 2, ours.by)).toBe(POLICE);
    expect(cell(env, 3, ours.status)).toBe("✓ Hợp lệ");
    expect(cell(env, 3, ours.by)).toBe(POLICE);
    expect(cell(env, 3, ours.at)).toBeInstanceOf(Date);
    // Setup names the office's columns as not the plan's, and leaves them.
    expect(lastAlert(env)).toContain(
      `cột ${a1(1, office.status).replace(/\d/g, "")} có tiêu đề "Trạng thái" không thuộc kế hoạch`,
    );
  });

  it("columns inserted between the plan's: the row is read and marked where the columns went", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    env.setUser(OWNER);
    env.userInsertColumns(TAB, 1, 2); // two columns of the office's after "Ngày"
    env.userEdit(TAB, "B1:C1", [["Nhiệm vụ", "Ghi chú"]]); // headed like the plan's, to mislead
    env.setUser(POLICE);
    const row = typedRow(
      env,
      where(env),
      "3",
      new Map([
        [2, "việc riêng"],
        [3, "ghi chú riêng"],
      ]),
    );
    env.userEdit(TAB, `A2:${a1(2, row.length)}`, [row], { typed: true });
    expect(cell(env, 2, marked(env, "status"))).toBe("✓ Hợp lệ");
    expect(cell(env, 2, 2)).toBe("việc riêng");
    expect(cell(env, 2, 3)).toBe("ghi chú riêng");
    // A wrong task in the real "Nhiệm vụ" column is seen there, with its note on that cell.
    const task = sheet(env, TAB).getRange(2, marked(env, "task"));
    env.userEdit(TAB, task.getA1Notation(), "Việc không có trong kế hoạch", { typed: true });
    expect(String(cell(env, 2, marked(env, "status")))).toMatch(/^✗ Lỗi: .*Nhiệm vụ/);
    expect(task.getNote()).toMatch(/Nhiệm vụ/);
    expect(sheet(env, TAB).getRange(2, 2).getNote()).toBe("");
  });

  it("the office retyping the add-in's header changes nothing: the column is still its own", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    env.setUser(OWNER);
    env.userEdit(TAB, a1(1, marked(env, "status")), "Kết quả kiểm tra");
    env.setUser(POLICE);
    const row = typedRow(env, where(env), "3", new Map());
    env.userEdit(TAB, `A2:${a1(2, row.length)}`, [row], { typed: true });
    expect(cell(env, 2, marked(env, "status"))).toBe("✓ Hợp lệ");
    env.setUser(OWNER);
    env.run("setupSpreadsheet");
    expect(lastAlert(env)).toContain(
      'là cột "Trạng thái" của tiện ích nhưng tiêu đề đã bị sửa thành "Kết quả kiểm tra"',
    );
  });

  it("a tab left narrower than the plan (columns deleted) still takes edits without failing", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    env.setUser(OWNER);
    const s = sheet(env, TAB);
    env.userDeleteColumns(TAB, 16, s.getMaxColumns() - 15); // the columns after the plan's
    env.userDeleteColumns(TAB, 4, 3); // and three of the plan's: 12 left, the plan has 15
    expect(s.getMaxColumns()).toBe(12);
    env.setUser(POLICE);
    const fired = env.userEdit(TAB, "A2", "05/04/2023", { typed: true }).fired;
    expect(fired.map((f) => [f.functionName, f.result.ok])).toEqual([
      ["onEditInstalled", true],
      ["onChangeInstalled", true],
    ]);
    expect(String(cell(env, 2, marked(env, "status")))).toMatch(/^✗ Lỗi/);
  });
});

describe("a sheet set up by an earlier version (no metadata)", () => {
  /** What an earlier version left: the same layout, no marks, nothing kept. */
  function earlierVersion(env: Environment): void {
    for (const m of spreadsheet(env).createDeveloperMetadataFinder().withKey("ks.column").find()) m.remove();
    (env.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .deleteProperty("ks.columns");
  }

  it("is read by header text but never written where someone typed; the next setup marks the right columns", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const office = officeAddsLookalikes(env); // a "Trạng thái" of the office's, left of the add-in's
    const ours = marked(env, "status");
    const at = where(env);
    earlierVersion(env);
    env.setUser(POLICE);
    const row = typedRow(env, at, "3", new Map());
    row[office.status - 1] = "chờ xác minh";
    const right = row.length;
    env.userEdit(TAB, `A2:${a1(2, right)}`, [row], { typed: true });
    // By header text the first "Trạng thái" is the office's: it holds typed text, so it is left alone.
    expect(cell(env, 2, office.status)).toBe("chờ xác minh");
    expect(cell(env, 2, ours)).toBe("");

    env.setUser(OWNER);
    env.run("setupSpreadsheet");
    expect(marked(env, "status")).toBe(ours);
    expect(lastAlert(env)).toContain('có tiêu đề "Trạng thái" không thuộc kế hoạch');
    env.setUser(POLICE);
    env.userEdit(TAB, a1(2, at.received), "4", { typed: true });
    expect(cell(env, 2, ours)).toBe("✓ Hợp lệ");
    expect(cell(env, 2, office.status)).toBe("chờ xác minh");
  });

  it("a column of the add-in's holding only what it wrote is still written, by header text", () => {
    const env = bundleEnvironment();
    setUpSheet(env);
    const at = where(env);
    earlierVersion(env);
    env.setUser(POLICE);
    const row = typedRow(env, at, "ba", new Map());
    env.userEdit(TAB, `A2:${a1(2, row.length)}`, [row], { typed: true });
    const status = headerRow(env).indexOf("Trạng thái") + 1;
    expect(String(cell(env, 2, status))).toMatch(/^✗ Lỗi/);
    env.userEdit(TAB, a1(2, at.received), "3", { typed: true });
    expect(cell(env, 2, status)).toBe("✓ Hợp lệ");
  });
});
