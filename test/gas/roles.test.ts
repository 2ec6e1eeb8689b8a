/**
 * Every exported function of the built bundle (menu items, google.script.run endpoints, trigger
 * handlers), called by each person of the sheet: it works, or it is refused in Vietnamese before
 * anything changes. Nothing in English from Google reaches anyone. Trigger handlers called through
 * google.script.run, with a made-up event or with the real trigger's id, do nothing at all.
 */
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/local/emulator/index";
import { CODE, spreadsheet } from "./harness";
import {
  CHAIRMAN,
  CLERK,
  DISTRICT,
  OFFICE,
  officeSheet,
  POLICE,
  STRANGER,
  typeAprilByStaff,
  vietnameseOnly,
} from "./people";

const MENU_ITEMS = [
  "showEntrySidebar",
  "showStatusSidebar",
  "showHelp",
  "showApprovalDialog",
  "showRollupSidebar",
  "checkAllData",
  "showSendDialog",
  "updateReadOnlyCopy",
  "showSettingsDialog",
  "setupSpreadsheet",
  "showPlanDialog",
  "createNextYearSpreadsheet",
];
/** The upper level's workbook's own items: on a commune's sheet, refused to everyone. */
const UPPER_ITEMS = [
  "setupUpperLevel",
  "syncCommunesNow",
  "remindCommunesNow",
  "showUpperReport",
  "sendUpperReportNow",
];
const TRIGGERS = [
  "onEditInstalled",
  "onChangeInstalled",
  "onMonthlyTrigger",
  "onDailyTrigger",
  "onHourlyTrigger",
  "retryMonthlyReport",
];

type Person = "office" | "clerk" | "chairman" | "staff" | "upperLevel" | "stranger";
const EMAIL: Record<Person, string> = {
  office: OFFICE,
  clerk: CLERK,
  chairman: CHAIRMAN,
  staff: POLICE,
  upperLevel: DISTRICT,
  stranger: STRANGER,
};

/** What each person may run; everything else is refused. */
const ALLOWED_MENU: Record<Person, string[]> = {
  office: MENU_ITEMS,
  clerk: MENU_ITEMS,
  chairman: ["showHelp", "showApprovalDialog", "showRollupSidebar"],
  staff: ["showEntrySidebar", "showStatusSidebar", "showHelp"],
  upperLevel: ["showHelp"],
  stranger: ["showHelp"],
};
const OFFICE_CALLS = [
  "getEntryFormState",
  "submitEntry",
  "getSettingsState",
  "saveSettings",
  "getRollupState",
  "writeRollupToTab",
  "getSendState",
  "sendReportNow",
  "getApprovalState",
  "getUnitStatus",
  "getPlanDialogState",
  "importPlanJson",
  "draftPlanFromText",
];
const ALLOWED_CALLS: Record<Person, string[]> = {
  office: OFFICE_CALLS,
  clerk: OFFICE_CALLS,
  chairman: ["getRollupState", "getApprovalState", "approveReport", "returnReport"],
  staff: ["getEntryFormState", "submitEntry", "getUnitStatus"],
  upperLevel: [],
  stranger: [],
};

const ENTRY = {
  unitId: "congAnXa",
  fields: {
    date: "16/04/2023",
    task: "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm",
    form: "Kiểm tra",
    "el:luotKiemTra": "1",
  },
};

function argsFor(env: Environment, name: string): unknown[] {
  switch (name) {
    case "submitEntry":
      return [ENTRY];
    case "saveSettings":
      return [{ chairmanEmail: CHAIRMAN }];
    case "getRollupState":
    case "writeRollupToTab":
    case "getSendState":
    case "getApprovalState":
      return ["2023-04"];
    case "sendReportNow":
      return [{ periodKey: "2023-04", resend: false }];
    case "approveReport": {
      const acting = env.user;
      env.setUser(CHAIRMAN);
      const state = env.runFromClient("getApprovalState", ["2023-04"]) as { value: { fingerprint: string } };
      env.setUser(acting);
      return [{ periodKey: "2023-04", fingerprint: state.value.fingerprint }];
    }
    case "returnReport":
      return [{ periodKey: "2023-04", comment: "Đề nghị kiểm tra lại số tin tố giác." }];
    default:
      return [];
  }
}

/** Everything a privileged effect would change: every spreadsheet, the properties, triggers, mail. */
function digest(env: Environment): string {
  const s = env.snapshot();
  return JSON.stringify([s.spreadsheets, s.properties, s.triggers, s.outbox.length]);
}

/** Calls that only read, log, lock or talk to the person: anything else is an effect. */
const HARMLESS =
  /^(Session|Logger|console|Utilities)\.|\.(get\w*|is\w*|can\w*|has\w*)$|^Ui\.alert$|^Lock\.(tryLock|releaseLock)$/;

/** Runs `act` and returns the Apps Script calls it made that change something. */
function effectsOf(env: Environment, act: () => void): string[] {
  env.resetCalls();
  act();
  return Object.keys(env.calls.counts).filter((name) => !HARMLESS.test(name));
}

/** April typed and its draft sent on the 15th; the 16th, 09:00. */
function world(): Environment {
  const env = officeSheet();
  typeAprilByStaff(env);
  env.runTimeTriggers(new Date("2023-04-15T07:00:00+07:00"));
  env.setNow(new Date("2023-04-16T09:00:00+07:00"));
  return env;
}

describe("every exported function, called by each person", () => {
  const exported = Object.keys(world().load(CODE)).filter((n) => !n.endsWith("_"));

  it("is a menu item, a trigger handler, onOpen or a page's endpoint: nothing else is callable", () => {
    const endpoints = exported.filter(
      (n) => !MENU_ITEMS.includes(n) && !UPPER_ITEMS.includes(n) && !TRIGGERS.includes(n) && n !== "onOpen",
    );
    expect(endpoints.sort()).toEqual([...OFFICE_CALLS, "approveReport", "returnReport"].sort());
  });

  for (const person of Object.keys(EMAIL) as Person[]) {
    it(`as ${person}: each menu item works or is refused in Vietnamese, before anything changes`, () => {
      const env = world();
      const me = EMAIL[person];
      const before = digest(env);
      const refused = [...MENU_ITEMS.filter((fn) => !ALLOWED_MENU[person].includes(fn)), ...UPPER_ITEMS];
      for (const fn of [...refused, ...ALLOWED_MENU[person]]) {
        env.setUser(me);
        // The clerk is asked whether the automatic jobs should move to their account: no.
        if (fn === "setupSpreadsheet" && person === "clerk") env.ui.respond({ button: "NO" });
        // Asked whether to make next year's sheet: no (test/gas/new-year.test.ts says yes).
        if (fn === "createNextYearSpreadsheet" && ALLOWED_MENU[person].includes(fn))
          env.ui.respond({ button: "NO" });
        const alerts = env.ui.alerts.length;
        const panels = env.ui.sidebars.length + env.ui.dialogs.length;
        const effects = effectsOf(env, () => env.run(fn));
        const said = env.ui.alerts.slice(alerts).map((a) => vietnameseOnly(`${a.title} ${a.prompt}`));
        const shown = env.ui.sidebars.length + env.ui.dialogs.length - panels;
        if (ALLOWED_MENU[person].includes(fn)) {
          expect(said.join(" "), `${fn} as ${person}`).not.toMatch(/ Chỉ .* mới /);
          expect(shown + said.length, `${fn} as ${person} did something`).toBeGreaterThan(0);
        } else {
          expect(shown, `${fn} as ${person} showed a page`).toBe(0);
          expect(said.join(" "), `${fn} as ${person}`).toMatch(/Chỉ .* mới /);
          expect(effects, `${fn} as ${person} changed something`).toEqual([]);
        }
        if (fn === refused.at(-1)) expect(digest(env)).toBe(before);
      }
    });

    it(`as ${person}: each page endpoint works or is refused in Vietnamese, before anything changes`, () => {
      const env = world();
      const me = EMAIL[person];
      const before = digest(env);
      const all = [...OFFICE_CALLS, "approveReport", "returnReport"];
      const refused = all.filter((n) => !ALLOWED_CALLS[person].includes(n));
      for (const name of [...refused, ...ALLOWED_CALLS[person]]) {
        const args = argsFor(env, name);
        env.setUser(me);
        let r: ReturnType<Environment["runFromClient"]> = { ok: false, error: "" };
        const effects = effectsOf(env, () => {
          r = env.runFromClient(name, args);
        });
        if (ALLOWED_CALLS[person].includes(name)) {
          expect(r.ok, `${name} as ${person}: ${r.ok ? "" : r.error}`).toBe(true);
          const message = (r as unknown as { value: { message?: unknown } }).value?.message;
          if (typeof message === "string") vietnameseOnly(message);
          // The detector of effects sees a real one.
          if (name === "submitEntry") expect(effects).toContain("Sheet.appendRow");
        } else {
          expect(r.ok, `${name} as ${person}`).toBe(false);
          expect(vietnameseOnly((r as { error: string }).error)).toMatch(/Chỉ .* mới /);
          expect(effects, `${name} as ${person} changed something`).toEqual([]);
        }
        if (name === refused.at(-1)) expect(digest(env)).toBe(before);
      }
    });

    it(`as ${person}: trigger handlers called from a page do nothing, even with the real trigger's id`, () => {
      const env = world();
      const me = EMAIL[person];
      const before = digest(env);
      const uids = new Map(env.triggers.map((t) => [t.handler, t.id]));
      for (const handler of TRIGGERS) {
        for (const event of [{}, { triggerUid: "4034124084959900001" }, { triggerUid: uids.get(handler) }]) {
          // The installer calling its own trigger's id may do what the trigger does: it is the office.
          if (person === "office" && event.triggerUid === uids.get(handler) && uids.has(handler)) continue;
          env.setUser(me);
          let r: ReturnType<Environment["runFromClient"]> = { ok: false, error: "" };
          const effects = effectsOf(env, () => {
            r = env.runFromClient(handler, [{ authMode: "FULL", ...event }]);
          });
          expect(r.ok, `${handler} as ${person}`).toBe(true);
          expect(effects, `${handler} as ${person} with ${JSON.stringify(event)}`).toEqual([]);
        }
      }
      expect(digest(env)).toBe(before);
    });
  }

  it("the staff's menu is what staff need, the office's actions in a submenu only the office sees", () => {
    const env = world();
    const menuOf = (who: string) => {
      env.setUser(who);
      env.open();
      const menu = env.ui.menus.at(-1);
      return (menu?.items ?? []).map((i) =>
        i.type === "item"
          ? i.caption
          : i.type === "submenu"
            ? `${i.caption} ▸ ${i.items.flatMap((x) => (x.type === "item" ? [x.caption] : [])).join(", ")}`
            : "—",
      );
    };
    expect(menuOf(POLICE)).toEqual(["Nhập báo cáo…", "Tình hình báo cáo của đơn vị…", "Hướng dẫn"]);
    expect(menuOf(OFFICE)).toEqual([
      "Nhập báo cáo…",
      "Tình hình báo cáo của đơn vị…",
      "Hướng dẫn",
      "—",
      "Duyệt báo cáo tháng…",
      "Tổng hợp tháng…",
      "—",
      "Văn phòng UBND xã ▸ Kiểm tra toàn bộ số liệu, Gửi báo cáo tháng…, Cập nhật bản xem cho cấp trên, Cài đặt…, Thiết lập / sửa bảng tính, Kế hoạch: nhập, xuất, soạn từ văn bản…, Tạo kế hoạch năm mới…",
    ]);
    // The upper level cannot open the main sheet: Google runs no onOpen for them, so no menu.
    env.setUser(DISTRICT);
    expect(env.open()).toEqual([]);
    expect(env.sheets.role(spreadsheet(env).getId(), DISTRICT)).toBe("none");
  });
});
