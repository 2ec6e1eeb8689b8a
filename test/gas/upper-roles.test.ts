/**
 * In an upper level's workbook ("cấp trên" mode), every exported function of the built bundle called by
 * each person: its office runs the upper level's actions; its leader, a commune's office and a stranger
 * are refused in Vietnamese before anything changes; no commune action exists there for anyone.
 */
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/local/emulator/index";
import { COMMUNES, UPPER_LEADER, UPPER_OFFICE, upperWorkbook } from "../../src/local/upper-world";
import { CODE } from "./harness";
import { STRANGER, vietnameseOnly } from "./people";

const UPPER_MENU = [
  "setupSpreadsheet",
  "setupUpperLevel",
  "syncCommunesNow",
  "remindCommunesNow",
  "showUpperReport",
  "sendUpperReportNow",
];
const COMMUNE_MENU = [
  "showEntrySidebar",
  "showStatusSidebar",
  "showApprovalDialog",
  "showRollupSidebar",
  "checkAllData",
  "showSendDialog",
  "updateReadOnlyCopy",
  "showSettingsDialog",
];
const COMMUNE_CALLS: [string, unknown[]][] = [
  ["getEntryFormState", []],
  ["submitEntry", [{ unitId: "congAnXa", fields: { date: "16/04/2023" } }]],
  ["getSettingsState", []],
  ["saveSettings", [{ chairmanEmail: "x@y.example" }]],
  ["getRollupState", ["2023-04"]],
  ["writeRollupToTab", ["2023-04"]],
  ["getSendState", ["2023-04"]],
  ["sendReportNow", [{ periodKey: "2023-04", resend: false }]],
  ["getApprovalState", ["2023-04"]],
  ["approveReport", [{ periodKey: "2023-04", fingerprint: "x" }]],
  ["returnReport", [{ periodKey: "2023-04", comment: "Xem lại." }]],
  ["getUnitStatus", []],
];

const PEOPLE = {
  office: UPPER_OFFICE,
  leader: UPPER_LEADER,
  commune: COMMUNES[0]!.office,
  stranger: STRANGER,
} as const;

/** Reading code from a project file, and reading anything, changes nothing. */
const HARMLESS =
  /^(Session|Logger|console|Utilities)\.|\.(get\w*|is\w*|can\w*|has\w*)$|^Ui\.alert$|^HtmlService\.createHtmlOutputFromFile$/;

function effectsOf(env: Environment, act: () => void): string[] {
  env.resetCalls();
  act();
  return Object.keys(env.calls.counts).filter((name) => !HARMLESS.test(name));
}

function digest(env: Environment): string {
  const s = env.snapshot();
  return JSON.stringify([s.spreadsheets, s.properties, s.triggers, s.outbox.length]);
}

describe("every exported function in an upper level's workbook, called by each person", () => {
  for (const [who, email] of Object.entries(PEOPLE)) {
    it(`as the ${who}: the upper level's actions work for its office only; no commune action exists here`, () => {
      const env = upperWorkbook(CODE, new Date("2023-04-16T09:00:00+07:00"));
      const before = digest(env);
      const allowed = who === "office" ? UPPER_MENU : who === "leader" ? ["showUpperReport"] : [];
      const refusedMenu = [...COMMUNE_MENU, ...UPPER_MENU.filter((fn) => !allowed.includes(fn))];
      for (const fn of refusedMenu) {
        env.setUser(email);
        const alerts = env.ui.alerts.length;
        const effects = effectsOf(env, () => env.run(fn));
        const said = env.ui.alerts.slice(alerts).map((a) => vietnameseOnly(`${a.title} ${a.prompt}`));
        expect(said.join(" "), `${fn} as ${who}`).toMatch(/Chỉ .* mới /);
        if (COMMUNE_MENU.includes(fn))
          expect(said.join(" ")).toContain("Chỉ bảng tính của xã mới có việc này");
        expect(effects, `${fn} as ${who} changed something`).toEqual([]);
      }
      for (const [name, args] of COMMUNE_CALLS) {
        env.setUser(email);
        let r: ReturnType<Environment["runFromClient"]> = { ok: true, value: null };
        const effects = effectsOf(env, () => {
          r = env.runFromClient(name, args);
        });
        expect(r.ok, `${name} as ${who}`).toBe(false);
        expect(vietnameseOnly((r as unknown as { error: string }).error)).toMatch(/Chỉ .* mới /);
        expect(effects, `${name} as ${who} changed something`).toEqual([]);
      }
      expect(digest(env)).toBe(before);
      for (const fn of allowed) {
        env.setUser(email);
        const alerts = env.ui.alerts.length;
        const shown = env.ui.dialogs.length;
        // "Báo cáo tổng hợp tháng…" asks which month: the default one.
        if (fn === "showUpperReport") env.ui.respond({ button: "OK", text: "" });
        // Asked whether to send the report again: it was never sent, nothing to ask.
        env.run(fn);
        const said = env.ui.alerts.slice(alerts).map((a) => vietnameseOnly(`${a.title} ${a.prompt}`));
        expect(said.join(" "), `${fn} as ${who}`).not.toMatch(/ Chỉ .* mới /);
        expect(said.length + env.ui.dialogs.length - shown, `${fn} said or showed something`).toBeGreaterThan(
          0,
        );
      }
    });
  }

  it("the menu is the upper level's, and the choice of an upper level's workbook is gone once set up", () => {
    const env = upperWorkbook(CODE, new Date("2023-04-16T09:00:00+07:00"));
    env.setUser(UPPER_OFFICE);
    env.open();
    const menu = env.ui.menus.at(-1)!;
    expect(menu.caption).toBe("Phòng, chống mại dâm 2023 – cấp trên");
    const items = menu.items.flatMap((i) => (i.type === "item" ? [i.caption] : []));
    expect(items).toContain("Nhận số liệu các xã ngay");
    expect(items).not.toContain("Nhập báo cáo…");
    expect(JSON.stringify(menu)).not.toContain("Thiết lập làm bảng tổng hợp cấp trên");
    // The leader views the workbook: Google runs no onOpen for a viewer, so no menu at all.
    env.setUser(UPPER_LEADER);
    expect(env.open()).toEqual([]);
  });
});
