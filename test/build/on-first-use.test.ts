/**
 * build/Code.js leaves the office's and the chairman's server code (monthly rollup, send, copy,
 * approval, check-all, settings, the units' status) to build/OfficeTools.html, compiled on first use
 * (OFFICE_TOOLS in scripts/build.mjs): every execution parses Code.js, and the most frequent ones (an
 * edit, a submission, opening the sheet) must not need the part. Here the built bundle runs in the
 * emulator with the part taken away after setup: those executions still work as a person expects, and an
 * office action needs it. The office actions themselves are tested through the part in test/gas.
 */
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CODE, columnOf, OWNER, POLICE, SCHOOL, sheet } from "../gas/harness";
import { BUILD, setUpWithOwnFiles } from "./own-files";

const TAB = "Công an xã";
const RECEIVED = "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)";

describe("server code loaded on first use (OfficeTools.html)", () => {
  it("is not needed to open the sheet, check a typed cell, or submit an entry", () => {
    const { env, dir } = setUpWithOwnFiles();
    const part = join(dir, "OfficeTools.html");
    rmSync(part);
    // Loaded again, as each execution in Google starts: nothing compiled by setup's executions is left.
    env.load(CODE);

    env.setUser(POLICE);
    env.run("onOpen");
    expect(env.ui.menus.length).toBeGreaterThan(0);

    const received = sheet(env, TAB).getRange(2, columnOf(env, TAB, RECEIVED));
    const edit = env.userEdit(TAB, received.getA1Notation(), "ba tin", { typed: true });
    expect(edit.fired.map((f) => f.functionName)).toContain("onEditInstalled");
    const status = sheet(env, TAB).getRange(2, columnOf(env, TAB, "Trạng thái"));
    expect(String(status.getValue())).toMatch(/^✗ Lỗi: Cột "Ngày" chưa nhập\..*\(và 2 lỗi khác\)$/);
    expect(received.getNote()).toMatch(/số nguyên/);

    env.setUser(SCHOOL);
    const state = env.runFromClient("getEntryFormState", []);
    expect(state.ok).toBe(true);
    const submitted = env.runFromClient("submitEntry", [
      {
        unitId: "truongHoc",
        fields: {
          date: "06/04/2023",
          task: "Tuyên truyền, giáo dục phòng, chống mại dâm cho học sinh",
          form: "Tuyên truyền trực tiếp",
          subUnit: "Trường THCS Quang Khải",
          content: "Buổi ngoại khoá cho học sinh khối 8, 9",
          notes: "",
        },
      },
    ]);
    expect(submitted).toMatchObject({ ok: true, value: { ok: true, rowNumber: 2, tabName: "Trường học" } });
    expect(sheet(env, "Trường học").getRange(2, 1).getDisplayValue()).toBe("06/04/2023");

    // An office action does need it: without the file it fails; with it back, it works.
    env.setUser(OWNER);
    expect(env.runFromClient("getRollupState", ["2023-04"])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Google báo lỗi khi làm việc này/),
    });
    cpSync(join(BUILD, "OfficeTools.html"), join(dir, "OfficeTools.html"));
    const rollup = env.runFromClient("getRollupState", ["2023-04"]);
    expect(rollup.ok).toBe(true);
  });
});
