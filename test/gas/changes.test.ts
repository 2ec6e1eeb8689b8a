/**
 * The change log sees whole kinds of change the on-edit trigger never does: rows and columns inserted
 * or removed on unit tabs, edits and structural changes on every other tab, tabs added, renamed and
 * removed. Who, which tab, which rows and how many, through the built bundle's installable on-change
 * trigger (installed by setup, once, by the office).
 */
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/local/emulator/index";
import { bundleEnvironment, OWNER, POLICE, setUpSheet, sheet } from "./harness";

const TAB = "Công an xã";

/** The change log's lines after the first `from`, as [who, tab, where, new]. */
function logLines(env: Environment, from = 0): string[][] {
  const log = sheet(env, "Nhật ký sửa");
  const rows = log.getRange(2, 1, Math.max(log.getLastRow() - 1, 1), 6).getValues();
  return rows
    .slice(from)
    .filter((r) => r[0] !== "")
    .map((r) => [String(r[1]), String(r[2]), String(r[3]), String(r[5])]);
}

function ready(): Environment {
  const env = bundleEnvironment();
  setUpSheet(env);
  return env;
}

describe("structural changes are logged (installable on-change trigger)", () => {
  it("setup installs one on-change trigger, as the office, and a second setup adds none", () => {
    const env = ready();
    env.setUser(OWNER);
    env.run("setupSpreadsheet");
    const change = env.triggers.filter((t) => t.handler === "onChangeInstalled");
    expect(change).toHaveLength(1);
    expect(change[0]!.owner).toBe(OWNER);
  });

  it("rows a unit's staff insert and delete on their tab: who, where, how many", () => {
    const env = ready();
    env.setUser(POLICE);
    const row = ["05/04/2023", "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm", "Kiểm tra"];
    env.userEdit(TAB, "A2:C4", [row, row, row], { typed: true });
    const before = logLines(env).length;
    env.userInsertRows(TAB, 2, 3);
    env.userDeleteRows(TAB, 3, 4); // two of the new rows and two typed ones
    const lines = logLines(env, before);
    expect(lines).toEqual([
      [POLICE, TAB, "dòng 3–5 (ước lượng)", "Chèn 3 dòng (trang có 1003 dòng)"],
      [POLICE, TAB, "dòng 3–6", "Xoá 4 dòng (trang có 999 dòng)"],
    ]);
    // What is left: the first typed row, the row that was below the deleted ones.
    expect(sheet(env, TAB).getLastRow()).toBe(3);
  });

  it("hundreds of deletions give as many log lines", () => {
    const env = ready();
    env.setUser(POLICE);
    const before = logLines(env).length;
    for (let i = 0; i < 200; i++) env.userDeleteRows(TAB, 2 + (i % 50), 1);
    const lines = logLines(env, before);
    expect(lines).toHaveLength(200);
    expect(
      lines.every(
        ([who, tab, , what]) => who === POLICE && tab === TAB && String(what).startsWith("Xoá 1 dòng"),
      ),
    ).toBe(true);
    expect(lines.at(-1)![3]).toBe("Xoá 1 dòng (trang có 800 dòng)");
  });

  it("edits and structure on other tabs, and tabs added, renamed, removed", () => {
    const env = ready();
    env.setUser(OWNER);
    const before = logLines(env).length;
    env.userInsertSheet("Sổ tay");
    env.userEdit("Sổ tay", "B2", "ghi nhớ họp giao ban", { typed: true });
    env.userEdit("Sổ tay", "A1:B2", [
      ["a", "b"],
      ["c", "d"],
    ]);
    env.userInsertRows("Sổ tay", 1, 2);
    env.userInsertColumns("Sổ tay", 1, 1);
    env.userDeleteColumns("Sổ tay", 2, 1);
    env.userRenameSheet("Sổ tay", "Sổ tay 2023");
    env.userDeleteSheet("Sổ tay 2023");
    env.userInsertRows("Cài đặt", 3, 1);
    expect(logLines(env, before)).toEqual([
      [OWNER, "Sổ tay", "", "Thêm trang"],
      [OWNER, "Sổ tay", "B2", "ghi nhớ họp giao ban"],
      [OWNER, "Sổ tay", "A1:B2", "4 ô được sửa"],
      [OWNER, "Sổ tay", "dòng 2–3 (ước lượng)", "Chèn 2 dòng (trang có 1002 dòng)"],
      [OWNER, "Sổ tay", "cột B", "Chèn 1 cột (trang có 27 cột)"],
      [OWNER, "Sổ tay", "cột B", "Xoá 1 cột (trang có 26 cột)"],
      [OWNER, "Sổ tay 2023", "", 'Đổi tên trang (trước là "Sổ tay")'],
      [OWNER, "Sổ tay 2023", "", "Xoá trang"],
      [OWNER, "Cài đặt", "dòng 4 (ước lượng)", "Chèn 1 dòng (trang có 1001 dòng)"],
    ]);
  });

  it("columns the office inserts make the add-in read its columns again: the next edit marks the right cells", () => {
    const env = ready();
    env.setUser(POLICE);
    env.userEdit(
      TAB,
      "A2:C2",
      [["05/04/2023", "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm", "Kiểm tra"]],
      {
        typed: true,
      },
    );
    const headers = () =>
      sheet(env, TAB).getRange(1, 1, 1, sheet(env, TAB).getLastColumn()).getValues()[0]!.map(String);
    const status = headers().indexOf("Trạng thái") + 1;
    env.setUser(OWNER);
    env.userInsertColumns(TAB, status - 1, 1); // a blank column right before "Trạng thái"
    env.setUser(POLICE);
    env.userEdit(
      TAB,
      "A3:C3",
      [["06/04/2023", "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm", "Kiểm tra"]],
      {
        typed: true,
      },
    );
    expect(sheet(env, TAB).getRange(3, status).getValue()).toBe("");
    expect(
      sheet(env, TAB)
        .getRange(3, status + 1)
        .getValue(),
    ).toBe("✓ Hợp lệ");
    expect(
      sheet(env, TAB)
        .getRange(3, status + 2)
        .getValue(),
    ).toBe(POLICE);
    expect(headers()[status]).toBe("Trạng thái");
  });

  it("a page calling the handler, even with the real trigger's id, logs nothing", () => {
    const env = ready();
    const uid = env.triggers.find((t) => t.handler === "onChangeInstalled")!.id;
    env.setUser(POLICE);
    const before = logLines(env).length;
    for (const e of [{}, { changeType: "REMOVE_ROW", triggerUid: uid }]) {
      expect(env.runFromClient("onChangeInstalled", [e]).ok).toBe(true);
    }
    expect(logLines(env).length).toBe(before);
  });

  it("a full log grows: lines that waited and a new one written past its last row, none lost", () => {
    const env = ready();
    env.setUser(OWNER);
    const log = sheet(env, "Nhật ký sửa");
    const filler = Array.from({ length: log.getMaxRows() - log.getLastRow() }, (_, i) => [
      new Date(),
      OWNER,
      "Sổ tay",
      `A${i}`,
      "",
      "cũ",
    ]);
    log.getRange(log.getLastRow() + 1, 1, filler.length, 6).setValues(filler); // a script's write: no trigger
    const rows = log.getMaxRows();
    env.setUser(POLICE);
    for (const date of ["05/04/2023", "06/04/2023"]) {
      const r = env.runFromClient("submitEntry", [
        { unitId: "congAnXa", fields: { date, task: "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm" } },
      ]);
      expect(r.ok && (r.value as { ok: boolean }).ok).toBe(true);
    }
    env.setUser(OWNER);
    const fired = env.userEdit(TAB, "B9", "Tuyên truyền", { typed: true }).fired;
    expect(fired.map((f) => f.result.ok)).toEqual([true, true]);
    expect(logLines(env, rows - 1).map((l) => l[3])).toEqual([
      "(nhập qua biểu mẫu)",
      "(nhập qua biểu mẫu)",
      "Tuyên truyền",
    ]);
  });
});
