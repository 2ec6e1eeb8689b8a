/**
 * An upper level and its communes in the emulator, each its own world on one shared Drive, all running
 * the built bundle: the upper level's workbook ("cấp trên" mode) with its communes table, and each
 * commune's sheet set up from the same plan and connected to its intake file. Used by the end-to-end
 * test (test/gas/upper.test.ts), the bench and the workbench's second demo, so that all three show the
 * same thing. The rows each commune types are small and worked out by hand in the test.
 */
import { appWorld } from "./app-world";
import { createEnvironment, type Drive, type Environment } from "./emulator/index";

export const UPPER_OFFICE = "vanphong@tuky.example";
export const UPPER_LEADER = "chutich@tuky.example";
export const UPPER_NAME = "UBND huyện Tứ Kỳ";

export interface CommunePeople {
  name: string;
  office: string;
  chairman: string;
}

export const COMMUNES: readonly CommunePeople[] = [
  { name: "Quang Khải", office: "vanphong@quangkhai.example", chairman: "chutich@quangkhai.example" },
  { name: "Quang Phục", office: "vanphong@quangphuc.example", chairman: "chutich@quangphuc.example" },
  { name: "Tân Kỳ", office: "vanphong@tanky.example", chairman: "chutich@tanky.example" },
];

type Row = Record<string, string>;

const CO = "Có";
const POLICE_CHECK = "Quản lý an ninh trật tự cơ sở kinh doanh dịch vụ";
const POLICE_TIPS = "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo";
const LABOUR_REPORT = "Báo cáo, giám sát, đánh giá";
const LABOUR_TRAINING = "Tập huấn, nâng cao năng lực cho cán bộ";
const SCHOOL_TOTAL = "Giáo dục đạo đức, lối sống, kỹ năng sống";
const SCHOOL_TALK = "Tuyên truyền, giáo dục phòng, chống mại dâm cho học sinh";
const THCS = "Trường THCS Quang Khải";

/** What each commune's units type for tháng 4/2023 (15/03 – 14/04/2023), by tab and header. */
export const COMMUNE_ROWS: Record<string, Record<string, Row[]>> = {
  "Quang Khải": {
    "Công an xã": [
      {
        Ngày: "16/03/2023",
        "Nhiệm vụ": POLICE_CHECK,
        "Hình thức": "Kiểm tra",
        "Đã có kế hoạch lồng ghép (Có/Không)": CO,
        "Cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn (cơ sở)": "5",
        "Tổng số người lao động tại cơ sở kinh doanh dịch vụ (người)": "40",
      },
      {
        Ngày: "05/04/2023",
        "Nhiệm vụ": POLICE_TIPS,
        "Hình thức": "Khác",
        "Người lao động tại cơ sở được tuyên truyền (người)": "12",
        "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)": "3",
        "Tin được xử lý kịp thời (tin)": "3",
        // Free text that never leaves the commune's sheet.
        "Nội dung": "Tin báo qua số 0912 345 678",
      },
    ],
    "VH-XH LĐTBXH": [
      {
        Ngày: "17/03/2023",
        "Nhiệm vụ": LABOUR_REPORT,
        "Hình thức": "Văn bản, kế hoạch",
        "Đã có kế hoạch lồng ghép (Có/Không)": CO,
        "Tổng số người lao động trong các công ty (người)": "250",
        "Tổng số cán bộ, công chức liên quan (người)": "20",
      },
      {
        Ngày: "28/03/2023",
        "Nhiệm vụ": LABOUR_TRAINING,
        "Hình thức": "Tập huấn",
        "Người lao động trong công ty được tuyên truyền (người)": "50",
        "Cán bộ, công chức được tập huấn (người)": "5",
        "Người bán dâm có nhu cầu, đủ điều kiện hỗ trợ (người)": "0",
      },
    ],
    "Trường học": [
      { Ngày: "16/03/2023", "Nhiệm vụ": SCHOOL_TOTAL, Trường: THCS, "Tổng số học sinh (người)": "900" },
      {
        Ngày: "06/04/2023",
        "Nhiệm vụ": SCHOOL_TALK,
        "Hình thức": "Tuyên truyền trực tiếp",
        Trường: THCS,
        "Học sinh được tuyên truyền (người)": "300",
      },
    ],
    "Đài truyền thanh": [
      {
        Ngày: "20/03/2023",
        "Nhiệm vụ": "Đưa nội dung phòng, chống mại dâm vào chương trình",
        "Hình thức": "Phát thanh",
        "Tin, bài phát trên hệ thống truyền thanh xã (tin, bài)": "3",
        "Đã có kế hoạch lồng ghép (Có/Không)": CO,
      },
    ],
    "VH-TT": [
      {
        Ngày: "01/04/2023",
        "Nhiệm vụ": "Đăng tin, bài trên Trang thông tin điện tử và Đài truyền thanh",
        "Hình thức": "Đăng tin trang điện tử",
        "Tin, bài đăng trên Trang thông tin điện tử xã (tin, bài)": "1",
        "Đã có kế hoạch lồng ghép (Có/Không)": CO,
      },
    ],
  },
  "Quang Phục": {
    "Công an xã": [
      {
        Ngày: "16/03/2023",
        "Nhiệm vụ": POLICE_CHECK,
        "Hình thức": "Kiểm tra",
        "Đã có kế hoạch lồng ghép (Có/Không)": CO,
        "Cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn (cơ sở)": "3",
        "Tổng số người lao động tại cơ sở kinh doanh dịch vụ (người)": "50",
      },
      {
        Ngày: "05/04/2023",
        "Nhiệm vụ": POLICE_TIPS,
        "Hình thức": "Khác",
        "Người lao động tại cơ sở được tuyên truyền (người)": "10",
        "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)": "2",
        "Tin được xử lý kịp thời (tin)": "1",
      },
    ],
    "VH-XH LĐTBXH": [
      {
        Ngày: "17/03/2023",
        "Nhiệm vụ": LABOUR_REPORT,
        "Hình thức": "Văn bản, kế hoạch",
        "Tổng số người lao động trong các công ty (người)": "100",
        "Tổng số cán bộ, công chức liên quan (người)": "10",
      },
      {
        Ngày: "28/03/2023",
        "Nhiệm vụ": LABOUR_TRAINING,
        "Hình thức": "Tập huấn",
        "Người lao động trong công ty được tuyên truyền (người)": "40",
        "Cán bộ, công chức được tập huấn (người)": "1",
        "Người bán dâm có nhu cầu, đủ điều kiện hỗ trợ (người)": "2",
        "Người bán dâm được tiếp cận dịch vụ hỗ trợ (người)": "1",
      },
    ],
    "Trường học": [
      { Ngày: "16/03/2023", "Nhiệm vụ": SCHOOL_TOTAL, Trường: THCS, "Tổng số học sinh (người)": "200" },
      {
        Ngày: "06/04/2023",
        "Nhiệm vụ": SCHOOL_TALK,
        "Hình thức": "Tuyên truyền trực tiếp",
        Trường: THCS,
        "Học sinh được tuyên truyền (người)": "100",
      },
    ],
    "Đài truyền thanh": [
      {
        Ngày: "20/03/2023",
        "Nhiệm vụ": "Đưa nội dung phòng, chống mại dâm vào chương trình",
        "Hình thức": "Phát thanh",
        "Tin, bài phát trên hệ thống truyền thanh xã (tin, bài)": "1",
      },
    ],
  },
  "Tân Kỳ": {
    "Công an xã": [
      {
        Ngày: "16/03/2023",
        "Nhiệm vụ": POLICE_CHECK,
        "Hình thức": "Kiểm tra",
        "Đã có kế hoạch lồng ghép (Có/Không)": CO,
        "Cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn (cơ sở)": "2",
        "Tổng số người lao động tại cơ sở kinh doanh dịch vụ (người)": "20",
      },
      {
        Ngày: "05/04/2023",
        "Nhiệm vụ": POLICE_TIPS,
        "Hình thức": "Khác",
        "Người lao động tại cơ sở được tuyên truyền (người)": "8",
        "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)": "1",
        "Tin được xử lý kịp thời (tin)": "1",
      },
    ],
  },
};

function ok(what: string, r: { ok: boolean; value?: unknown; error?: string }): unknown {
  if (!r.ok) throw new Error(`${what}: ${r.error}`);
  const v = r.value as { ok?: boolean; message?: string } | null;
  if (v && v.ok === false) throw new Error(`${what}: ${JSON.stringify(v)}`);
  return r.value;
}

function column(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
function sheetOf(env: Environment, name: string): Sheet {
  const s = (env.active as GoogleAppsScript.Spreadsheet.Spreadsheet).getSheetByName(name);
  if (!s) throw new Error(`no tab ${name}`);
  return s;
}

/** Types rows into a tab as `user`, by header, each row one edit (the edit trigger runs as on Google). */
export function typeRows(env: Environment, user: string, tab: string, rows: readonly Row[]): void {
  env.setUser(user);
  const s = sheetOf(env, tab);
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
  for (const row of rows) {
    for (const h of Object.keys(row)) if (!headers.includes(h)) throw new Error(`${tab}: no column "${h}"`);
    const r = s.getLastRow() + 1;
    env.userEdit(tab, `A${r}:${column(headers.length)}${r}`, [headers.map((h) => row[h] ?? "")], {
      typed: true,
    });
  }
}

/**
 * The upper level's workbook, set up by its office in "cấp trên" mode, its leader in the settings tab
 * and the communes typed into its table (the office's own account on each).
 */
export function upperWorkbook(
  code: string,
  now: Date,
  opts: { htmlDir?: string; communes?: readonly CommunePeople[] } = {},
): Environment {
  const env = createEnvironment(
    appWorld({
      owner: UPPER_OFFICE,
      now,
      spreadsheetName: "Tổng hợp phòng, chống mại dâm 2023 – huyện Tứ Kỳ",
      ...(opts.htmlDir ? { htmlDir: opts.htmlDir } : {}),
    }),
  );
  env.load(code);
  env.setUser(UPPER_OFFICE);
  env.run("setupUpperLevel");
  const settings = sheetOf(env, "Cài đặt cấp trên");
  const labels = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const leaderRow = labels.findIndex((l) => l.startsWith("Email lãnh đạo")) + 1;
  env.userEdit("Cài đặt cấp trên", `B${leaderRow}`, UPPER_LEADER, { typed: true });
  const communes = opts.communes ?? COMMUNES;
  env.userEdit(
    "Danh sách xã",
    `A2:B${communes.length + 1}`,
    communes.map((c) => [c.name, c.office]),
    { typed: true },
  );
  // Setup again: the leader is now in the settings, so the workbook is shared with them.
  env.run("setupSpreadsheet");
  return env;
}

/** The link of a commune's intake file, as the upper level's table shows it (once the file was made). */
export function intakeLink(upper: Environment, commune: string): string {
  const values = sheetOf(upper, "Danh sách xã").getDataRange().getValues();
  const row = values.find((r) => r[0] === commune);
  const link = row ? String(row[3]) : "";
  if (!link) throw new Error(`no intake file for ${commune} yet`);
  return link;
}

/**
 * A commune's sheet on the upper level's Drive, set up from the same plan by its office, the chairman
 * approving each report, connected to `intake` (the link the upper level sent), and its April typed by
 * the office for every unit.
 */
export function communeSheet(
  code: string,
  drive: Drive,
  commune: CommunePeople,
  now: Date,
  intake: string,
  rows: Record<string, readonly Row[]> = COMMUNE_ROWS[commune.name] ?? {},
): Environment {
  const env = createEnvironment(
    appWorld({
      owner: commune.office,
      now,
      drive,
      spreadsheetName: `Kế hoạch PCMD 2023 – xã ${commune.name}`,
    }),
  );
  env.load(code);
  env.setUser(commune.office);
  env.run("setupSpreadsheet");
  ok(
    `settings of ${commune.name}`,
    env.runFromClient("saveSettings", [
      {
        chairmanEmail: commune.chairman,
        approval: "chairman",
        upperLevelName: UPPER_NAME,
        upperLevelEmails: [UPPER_LEADER],
        upperIntake: intake,
        unitEditors: {},
        periodRule: "cutoff",
        sendDay: 15,
        sendHour: 7,
        reminderDaysBefore: 3,
      },
    ]),
  );
  for (const [tab, list] of Object.entries(rows)) typeRows(env, commune.office, tab, list);
  return env;
}

/** The chairman approves the period's report as shown (the installer's next hourly run sends it). */
export function approve(env: Environment, chairman: string, period: string): void {
  env.setUser(chairman);
  const state = ok("approval state", env.runFromClient("getApprovalState", [period])) as {
    fingerprint: string;
  };
  ok("approve", env.runFromClient("approveReport", [{ periodKey: period, fingerprint: state.fingerprint }]));
}

/** Every world's clock set to `at`, and the triggers due then fired, communes first. */
export function at(worlds: readonly Environment[], when: Date): void {
  for (const w of worlds) w.runTimeTriggers(when);
}
