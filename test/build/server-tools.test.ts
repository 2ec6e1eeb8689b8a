/**
 * build/Code.js holds only what Google runs by itself (the edit and change triggers, onOpen); every
 * other export of src/gas/main.ts (a sidebar's or dialog's call, a menu item, the time-driven triggers)
 * is in build/ServerTools.html, compiled by the first call of an execution (CODE_EXPORTS and
 * SERVER_TOOLS in scripts/build.mjs). Here the built bundle runs in the emulator, whose HtmlService
 * serves a copy of build/: an edit and opening the sheet read no project file, with ServerTools.html
 * gone; a sidebar's calls and a menu item work through Code.js's stubs and read the part once.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/local/emulator/index";
import { loadBundle } from "../../src/local/loader";
import { BUILD, setUpWithOwnFiles } from "./own-files";
import { CLIENT_ENDPOINTS, MENU_ENTRIES, UPPER_MENU_ENTRIES } from "../../src/gas/manifest";
import { CODE, columnOf, OWNER, POLICE, SCHOOL, sheet } from "../gas/harness";

const SERVER_TOOLS = readFileSync(join(BUILD, "ServerTools.html"), "utf8");
const MENU = "Phòng, chống mại dâm 2023";
const TAB = "Công an xã";
const RECEIVED = "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)";

/** A new execution, as each one starts in Google: Code.js evaluated afresh, nothing compiled kept. */
function newExecution(env: Environment) {
  env.load(CODE);
}

const SUBMISSION = {
  unitId: "truongHoc",
  fields: {
    date: "06/04/2023",
    task: "Tuyên truyền, giáo dục phòng, chống mại dâm cho học sinh",
    form: "Tuyên truyền trực tiếp",
    subUnit: "Trường THCS Quang Khải",
    content: "Buổi ngoại khoá cho học sinh khối 8, 9",
    notes: "",
  },
};

describe("Code.js and ServerTools.html", () => {
  it("opens the sheet and checks a typed cell without ServerTools.html, reading no project file", () => {
    const { env, dir, read } = setUpWithOwnFiles();
    rmSync(join(dir, "ServerTools.html"));
    newExecution(env);

    env.setUser(POLICE);
    env.open();
    const menu = env.ui.menus.at(-1)!;
    expect(menu.caption).toBe(MENU);
    expect(menu.items.filter((i) => i.type === "item").map((i) => i.caption)).toContain("Nhập báo cáo…");

    const received = sheet(env, TAB).getRange(2, columnOf(env, TAB, RECEIVED));
    const edit = env.userEdit(TAB, received.getA1Notation(), "ba tin", { typed: true });
    expect(edit.fired.map((f) => f.functionName)).toContain("onEditInstalled");
    expect(edit.fired.every((f) => f.result.ok)).toBe(true);
    const status = sheet(env, TAB).getRange(2, columnOf(env, TAB, "Trạng thái"));
    expect(String(status.getValue())).toMatch(/^✗ Lỗi: Cột "Ngày" chưa nhập\..*\(và 2 lỗi khác\)$/);
    expect(received.getNote()).toMatch(/số nguyên/);
    // A row inserted by hand: the change trigger logs it, from Code.js too.
    const inserted = env.userInsertRows(TAB, 2, 1);
    expect(inserted.map((f) => f.functionName)).toContain("onChangeInstalled");
    expect(inserted.every((f) => f.result.ok)).toBe(true);

    expect(read).toEqual([]);

    // A sidebar's call does need it: without the file it fails (before any of the part's code runs, so
    // with Apps Script's own message; a push always carries the file).
    env.setUser(SCHOOL);
    expect(env.runFromClient("getEntryFormState", [])).toEqual({
      ok: false,
      error: "No HTML file named ServerTools was found.",
    });
    expect(read).toEqual(["ServerTools"]);
  });

  it("serves a unit's sidebar calls through Code.js's stubs, reading ServerTools.html once per execution", () => {
    const { env, read } = setUpWithOwnFiles();
    newExecution(env);
    env.setUser(SCHOOL);

    const state = env.runFromClient("getEntryFormState", []);
    expect(state).toMatchObject({ ok: true, value: { user: SCHOOL, defaultUnitId: "truongHoc" } });
    expect(read).toEqual(["ServerTools"]);
    // Still the same evaluation of Code.js (the emulator keeps it across calls; Google's next execution
    // would start afresh): the part compiled is kept, not read again.
    expect(env.runFromClient("getEntryFormState", [])).toMatchObject({ ok: true });
    expect(read).toEqual(["ServerTools"]);

    newExecution(env);
    const submitted = env.runFromClient("submitEntry", [SUBMISSION]);
    expect(submitted).toMatchObject({ ok: true, value: { ok: true, rowNumber: 2, tabName: "Trường học" } });
    expect(sheet(env, "Trường học").getRange(2, 1).getDisplayValue()).toBe("06/04/2023");
    expect(read).toEqual(["ServerTools", "ServerTools"]);
  });

  it("runs a menu item through Code.js's stub: the entry sidebar opens for the unit's staff", () => {
    const { env, read } = setUpWithOwnFiles();
    env.setUser(SCHOOL);
    env.open();
    newExecution(env);
    read.length = 0;

    const clicked = env.clickMenu(MENU, "Nhập báo cáo…");
    expect(clicked.ok).toBe(true);
    expect(env.ui.sidebar?.title).toBe("Nhập báo cáo");
    expect(env.ui.sidebar?.content).toContain("<script>");
    // The part, then the page it shows.
    expect(read).toEqual(["ServerTools", "EntrySidebar"]);

    // An office item, which staff are not shown but may still call by name: refused, by the part.
    newExecution(env);
    read.length = 0;
    const dialogs = env.ui.dialogs.length;
    env.run("showSettingsDialog");
    expect(env.ui.alerts.at(-1)).toMatchObject({ title: "Cài đặt", user: SCHOOL });
    expect(env.ui.dialogs.length).toBe(dialogs);
    expect(read).toEqual(["ServerTools"]);
  });

  it("keeps every menu item and google.script.run target a global of Code.js, the code in ServerTools.html", () => {
    const { env } = setUpWithOwnFiles();
    const { functions } = loadBundle(CODE, env.globals);
    const names = [
      ...CLIENT_ENDPOINTS,
      ...[...MENU_ENTRIES, ...UPPER_MENU_ENTRIES].flatMap((e) => (e ? [e.functionName] : [])),
      "onMonthlyTrigger",
      "onDailyTrigger",
      "onHourlyTrigger",
      "retryMonthlyReport",
    ];
    for (const name of names) expect(typeof functions[name], name).toBe("function");
    // What only a menu item says is in the part, not in what every execution parses.
    const upperOnly = "Chỉ bảng tính chưa thiết lập mới dùng được làm bảng tổng hợp cấp trên";
    expect(SERVER_TOOLS).toContain(upperOnly);
    expect(CODE).not.toContain(upperOnly);
  });
  it("drafts a plan from a document's text through PlanTools.html and DraftTools.html; setup reads no DraftTools", () => {
    const { env, read } = setUpWithOwnFiles();
    env.setUser(OWNER);
    newExecution(env);
    read.length = 0;
    expect(env.run("setupSpreadsheet")).toBeUndefined();
    expect(read).toEqual(["ServerTools", "PlanTools", "OfficeTools"]);

    newExecution(env);
    read.length = 0;
    const text = readFileSync(
      join(import.meta.dirname, "../fixtures/plan-documents/quang-khai-2023.txt"),
      "utf8",
    );
    const drafted = env.runFromClient("draftPlanFromText", [text]);
    expect(drafted).toMatchObject({ ok: true, value: { ok: true } });
    expect(read).toEqual(["ServerTools", "PlanTools", "DraftTools"]);
  });
});
