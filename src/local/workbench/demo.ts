/**
 * The demo workbook the workbench opens with: the default plan set up by its owner, settings with
 * people at example domains, and three months of entries (15/03/2023 – 14/06/2023) for every unit,
 * typed through the emulator as each unit's editor would type them, so statuses, notes and colours
 * are the add-in's own. A seeded generator: the same demo every time, a few deliberate mistakes
 * included so validation is visible.
 */
import { readFileSync } from "node:fs";
import { unitColumns, type ColumnKey } from "../../core/columns";
import type { Plan, Unit } from "../../core/plan";
import { addDays, dayNumber, formatDateVi, fromDayNumber, type IsoDate } from "../../core/periods";
import { defaultPlan } from "../../plans";
import { appWorld } from "../app-world";
import { createEnvironment, type Environment } from "../emulator/index";

export const DEMO_SEED = 20230315;

/**
 * The emulator's clock after the demo is typed: the afternoon of the June cut-off (14/06/2023), so the
 * next thing the clock brings is the draft of tháng 6/2023, due the next morning at 07:00.
 */
export const DEMO_NOW = new Date("2023-06-14T16:00:00+07:00");

/** The commune office keeps the sheet; the chairman receives the report. Example domains only. */
export const DEMO_OWNER = "vanphong@quangkhai.example";
export const DEMO_CHAIRMAN = "chutich@quangkhai.example";
export const DEMO_UPPER_LEVEL = ["lanhdao@tuky.example", "congan@tuky.example", "ldtbxh@tuky.example"];

/** Unit id → its editors; for units with sub-units, one editor per sub-unit, in the plan's order. */
export const DEMO_EDITORS: Record<string, string[]> = {
  congAnXa: ["congan@quangkhai.example"],
  vhxhLdtbxh: ["ldtbxh@quangkhai.example"],
  tramYTe: ["tramyte@quangkhai.example"],
  taiChinh: ["ketoan@quangkhai.example"],
  vhxhVhtt: ["vanhoa@quangkhai.example"],
  truongHoc: ["mamnon@quangkhai.example", "tieuhoc@quangkhai.example", "thcs@quangkhai.example"],
  tuPhap: ["tuphap@quangkhai.example"],
  daiTruyenThanh: ["daitruyenthanh@quangkhai.example"],
  nganhKhac: ["diachinh@quangkhai.example"],
  mttqDoanThe: ["mattran@quangkhai.example"],
  truongThon: [1, 2, 3, 4, 5, 6].map((n) => `thon${n}@quangkhai.example`),
};

export const DEMO_SETTINGS = {
  chairmanEmail: DEMO_CHAIRMAN,
  upperLevelName: "UBND huyện Tứ Kỳ",
  upperLevelEmails: DEMO_UPPER_LEVEL,
  unitEditors: DEMO_EDITORS,
  periodRule: "cutoff",
  sendDay: 15,
  sendHour: 7,
  reminderDaysBefore: 3,
};

/** The three closed periods of the demo: tháng 4, 5 and 6/2023 under the cut-off rule. */
export const DEMO_PERIODS: readonly { key: string; start: IsoDate; end: IsoDate }[] = [
  { key: "2023-04", start: "2023-03-15", end: "2023-04-14" },
  { key: "2023-05", start: "2023-04-15", end: "2023-05-14" },
  { key: "2023-06", start: "2023-05-15", end: "2023-06-14" },
];

/** One row as a person typed it into a unit's tab. */
export interface DemoRow {
  unitId: string;
  /** The sub-unit (school, village) for units that have them. */
  subUnitId: string | null;
  /** The activity's date (what the date cell means, even when it was mistyped). */
  date: IsoDate;
  /** Text typed in each input column, by column key. */
  cells: Partial<Record<ColumnKey, string>>;
  typedBy: string;
  typedAt: Date;
  /** Why this row is wrong on purpose, if it is. */
  mistake?: string;
}

/** mulberry32: small, fast and good enough to vary a demo; the seed makes it repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Activity {
  unitId: string;
  sub?: string;
  date: IsoDate;
  task: number;
  form: string;
  values?: Record<string, number | string>;
  content: string;
  notes?: string;
  /** Typed text that replaces the generated one for some columns (the deliberate mistakes). */
  typed?: Partial<Record<ColumnKey, string>>;
  mistake?: string;
}

/** Vietnamese thousands: 15000000 → "15.000.000", as people type amounts. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function activities(rnd: () => number): Activity[] {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  /** A day inside a period, optionally within its first/last days. */
  const day = (p: number, fromDay = 0, toDay = 30): IsoDate => {
    const period = DEMO_PERIODS[p]!;
    const first = dayNumber(period.start) + fromDay;
    const last = Math.min(dayNumber(period.end), dayNumber(period.start) + toDay);
    return fromDayNumber(int(first, Math.max(first, last)));
  };
  const out: Activity[] = [];
  const add = (a: Activity) => out.push(a);

  // Công an xã (V.1): the businesses and their workers once, then each month propaganda at the
  // businesses, inspections and the denunciations received and handled.
  add({
    unitId: "congAnXa",
    date: day(0, 1, 5),
    task: 2,
    form: "Kiểm tra",
    values: { coKeHoachLongGhep: "Có", coSoKinhDoanh: 9, laoDongCoSo: int(58, 66), luotKiemTra: 3 },
    content: "Rà soát, thống kê các cơ sở karaoke, nhà nghỉ, cắt tóc gội đầu trên địa bàn xã.",
  });
  for (let p = 0; p < 3; p++) {
    add({
      unitId: "congAnXa",
      date: day(p, 6, 20),
      task: 2,
      form: "Tuyên truyền trực tiếp",
      values: { laoDongCoSoTuyenTruyen: int(6, 11) },
      content: "Tuyên truyền cho người lao động tại các cơ sở kinh doanh dịch vụ về phòng, chống mại dâm.",
    });
    const visits = int(2, 4);
    add({
      unitId: "congAnXa",
      date: day(p, 10, 28),
      task: 4,
      form: "Kiểm tra",
      values: { luotKiemTra: visits },
      content: `Kiểm tra đột xuất ${visits} cơ sở kinh doanh dịch vụ lưu trú, karaoke; không phát hiện vi phạm.`,
    });
    const received = pick([0, 1, 1, 2]);
    add({
      unitId: "congAnXa",
      date: day(p, 25, 30),
      task: 5,
      form: "Khác",
      values: { tinTiepNhan: received, tinXuLyKipThoi: received },
      content:
        received === 0
          ? "Trong tháng không tiếp nhận tin tố giác, tin báo về mại dâm."
          : `Tiếp nhận ${received} tin báo; đã xác minh, xử lý theo quy định.`,
    });
  }

  // Công chức VH-XH phụ trách LĐTBXH (V.2): company workers and officials once, propaganda monthly,
  // a training in April–May, one person supported in the last month (counts only, never names).
  add({
    unitId: "vhxhLdtbxh",
    date: day(0, 2, 6),
    task: 6,
    form: "Văn bản, kế hoạch",
    values: { coKeHoachLongGhep: "Có", laoDongCongTy: int(400, 440), canBoLienQuan: 46 },
    content: "Rà soát số người lao động trong các công ty và số cán bộ, công chức có liên quan.",
  });
  for (let p = 0; p < 3; p++) {
    add({
      unitId: "vhxhLdtbxh",
      date: day(p, 8, 25),
      task: 0,
      form: "Hội nghị, họp",
      values: { laoDongCongTyTuyenTruyen: int(35, 55), luotNguoiDuocTuyenTruyen: int(40, 70) },
      content: "Phối hợp công đoàn cơ sở tuyên truyền cho công nhân các công ty trên địa bàn.",
    });
  }
  add({
    unitId: "vhxhLdtbxh",
    date: day(1, 5, 12),
    task: 1,
    form: "Tập huấn",
    values: { canBoTapHuan: int(10, 13) },
    content: "Tập huấn nghiệp vụ phòng, chống mại dâm cho cán bộ, công chức xã và các trưởng thôn.",
  });
  add({
    unitId: "vhxhLdtbxh",
    date: day(1, 15, 25),
    task: 2,
    form: "Kiểm tra",
    values: { luotKiemTra: 2 },
    content: "Đội kiểm tra liên ngành kiểm tra 2 cơ sở kinh doanh dịch vụ.",
  });
  add({
    unitId: "vhxhLdtbxh",
    date: day(2, 10, 20),
    task: 5,
    form: "Hỗ trợ, tư vấn",
    values: { nguoiCanHoTro: 1, nguoiDuocHoTro: 1 },
    content: "Tư vấn, giới thiệu 01 trường hợp đến cơ sở y tế và lớp học nghề.",
  });

  // Trạm Y tế (V.3); the June health check was typed as "khoảng 20", a mistake the add-in flags.
  add({
    unitId: "tramYTe",
    date: day(0, 4, 12),
    task: 0,
    form: "Tuyên truyền trực tiếp",
    values: { coKeHoachLongGhep: "Có", luotNguoiDuocTuyenTruyen: int(40, 80) },
    content: "Tư vấn phòng, chống HIV/AIDS và các bệnh lây truyền qua đường tình dục.",
  });
  add({
    unitId: "tramYTe",
    date: day(1, 5, 20),
    task: 1,
    form: "Khác",
    values: { luotKhamSucKhoe: int(15, 22) },
    content: "Khám sức khoẻ định kỳ cho nhân viên các cơ sở kinh doanh dịch vụ.",
  });
  add({
    unitId: "tramYTe",
    date: day(2, 5, 20),
    task: 1,
    form: "Khác",
    values: {},
    typed: { "el:luotKhamSucKhoe": "khoảng 20" },
    content: "Khám sức khoẻ định kỳ đợt 2.",
    mistake: "chữ trong cột số",
  });

  // Công chức Tài chính - Kế toán (V.4).
  add({
    unitId: "taiChinh",
    date: day(0, 5, 10),
    task: 0,
    form: "Văn bản, kế hoạch",
    values: { coKeHoachLongGhep: "Có", kinhPhi: thousands(15_000_000) },
    content: "Tham mưu UBND xã bố trí kinh phí thực hiện kế hoạch năm 2023.",
  });
  add({
    unitId: "taiChinh",
    date: day(2, 3, 15),
    task: 1,
    form: "Văn bản, kế hoạch",
    values: { kinhPhi: thousands(5_000_000) },
    content: "Lồng ghép kinh phí tuyên truyền với chương trình xây dựng nông thôn mới.",
  });

  // Công chức VH-XH phụ trách VH-TT (V.5): website posts, none in the May period (a target missed).
  add({
    unitId: "vhxhVhtt",
    date: day(0, 2, 8),
    task: 2,
    form: "Đăng tin trang điện tử",
    values: { coKeHoachLongGhep: "Có", tinBaiTrangDienTu: 2 },
    content: "Đăng 02 tin về kế hoạch phòng, chống mại dâm năm 2023 của xã.",
  });
  add({
    unitId: "vhxhVhtt",
    date: day(1, 10, 25),
    task: 0,
    form: "Hội nghị, họp",
    values: { luotNguoiDuocTuyenTruyen: int(100, 150) },
    content: "Lồng ghép tuyên truyền trong giải bóng chuyền hơi của xã.",
  });
  add({
    unitId: "vhxhVhtt",
    date: day(2, 6, 20),
    task: 2,
    form: "Đăng tin trang điện tử",
    values: { tinBaiTrangDienTu: 1, tinBaiTruyenThanh: 1 },
    content: "Đăng tin về Tháng hành động phòng, chống ma tuý, mại dâm.",
  });

  // Các trường học (V.6): each school's pupils once, then its propaganda.
  const pupils: Record<string, number> = { mamNon: 215, tieuHoc: 540, thcs: 392 };
  for (const [sub, total] of Object.entries(pupils)) {
    add({
      unitId: "truongHoc",
      sub,
      date: day(0, 3, 10),
      task: 0,
      form: "Văn bản, kế hoạch",
      values: { coKeHoachLongGhep: "Có", hocSinh: total },
      content: "Cập nhật sĩ số học sinh năm học 2022 – 2023.",
    });
  }
  add({
    unitId: "truongHoc",
    sub: "thcs",
    date: day(0, 12, 25),
    task: 0,
    form: "Tuyên truyền trực tiếp",
    values: { hocSinhTuyenTruyen: int(120, 140) },
    content: "Tuyên truyền phòng, chống mại dâm, xâm hại tình dục cho học sinh khối 8, 9 dưới cờ.",
  });
  add({
    unitId: "truongHoc",
    sub: "tieuHoc",
    date: day(1, 5, 20),
    task: 1,
    form: "Tuyên truyền trực tiếp",
    values: { hocSinhTuyenTruyen: int(150, 170) },
    content: "Lồng ghép trong giờ hoạt động trải nghiệm cho học sinh khối 4, 5.",
  });
  add({
    unitId: "truongHoc",
    sub: "thcs",
    date: day(1, 5, 20),
    task: 2,
    form: "Tuyên truyền trực tiếp",
    values: { hocSinhTuyenTruyen: int(85, 100) },
    content: "Giáo dục kỹ năng sống cho học sinh khối 6, 7.",
  });
  add({
    unitId: "truongHoc",
    sub: "thcs",
    date: day(2, 0, 10),
    task: 0,
    form: "Hội nghị, họp",
    values: { hocSinhTuyenTruyen: int(50, 65) },
    content: "Tuyên truyền trong buổi sinh hoạt cuối năm học.",
  });

  // Công chức Tư pháp - Hộ tịch (V.7): nothing in the June period (a unit missing from the report).
  for (let p = 0; p < 2; p++) {
    add({
      unitId: "tuPhap",
      date: day(p, 8, 25),
      task: 0,
      form: "Hội nghị, họp",
      values:
        p === 0
          ? { coKeHoachLongGhep: "Có", luotNguoiDuocTuyenTruyen: int(50, 90) }
          : { luotNguoiDuocTuyenTruyen: int(60, 120) },
      content: "Phổ biến Luật Phòng, chống mua bán người và các quy định về phòng, chống mại dâm.",
    });
  }

  // Đài truyền thanh xã (V.8): broadcasts every month.
  add({
    unitId: "daiTruyenThanh",
    date: day(0, 1, 4),
    task: 0,
    form: "Phát thanh",
    values: { coKeHoachLongGhep: "Có", tinBaiTruyenThanh: 1 },
    content: "Phát tin về kế hoạch phòng, chống mại dâm năm 2023 của xã.",
  });
  for (let p = 0; p < 3; p++) {
    const n = int(1, 3);
    for (let k = 0; k < n; k++) {
      add({
        unitId: "daiTruyenThanh",
        date: day(p, 6 + k * 8, 13 + k * 8),
        task: pick([0, 0, 1]),
        form: "Phát thanh",
        values: { tinBaiTruyenThanh: int(1, 2) },
        content: "Phát tin, bài tuyên truyền phòng, chống mại dâm trên hệ thống truyền thanh xã.",
      });
    }
  }

  // Các ngành khác (V.9): no integrated plan at first, one by June.
  add({
    unitId: "nganhKhac",
    date: day(0, 5, 15),
    task: 0,
    form: "Văn bản, kế hoạch",
    values: { coKeHoachLongGhep: "Không" },
    content: "Đang xây dựng kế hoạch lồng ghép của ngành.",
  });
  add({
    unitId: "nganhKhac",
    date: day(1, 3, 20),
    task: 1,
    form: "Văn bản, kế hoạch",
    values: { kinhPhi: thousands(3_000_000) },
    content: "Bố trí kinh phí in tờ rơi tuyên truyền.",
  });
  add({
    unitId: "nganhKhac",
    date: day(2, 2, 12),
    task: 0,
    form: "Văn bản, kế hoạch",
    values: { coKeHoachLongGhep: "Có", luotNguoiDuocTuyenTruyen: int(20, 35) },
    content: "Ban hành kế hoạch lồng ghép và phổ biến cho cán bộ của ngành.",
  });

  // UB MTTQ và các đoàn thể (V.10); in May a task typed by hand instead of picked from the list.
  for (let p = 0; p < 3; p++) {
    add({
      unitId: "mttqDoanThe",
      date: day(p, 5, 25),
      task: 0,
      form: "Hội nghị, họp",
      values:
        p === 0
          ? { coKeHoachLongGhep: "Có", luotNguoiDuocTuyenTruyen: int(80, 200) }
          : {
              luotNguoiDuocTuyenTruyen: int(80, 200),
            },
      typed: p === 1 ? { task: "Tuyên truyền cho hội viên phụ nữ" } : {},
      content: "Lồng ghép tuyên truyền trong sinh hoạt chi hội phụ nữ, nông dân, cựu chiến binh.",
      ...(p === 1 ? { mistake: "nhiệm vụ không có trong danh sách" } : {}),
    });
  }

  // Các trưởng thôn (V.11): each village's loudspeaker sessions and meetings; a date that does not
  // exist, and a phone number written into the content (personal data: a warning).
  for (let v = 1; v <= 6; v++) {
    const sub = `thon${v}`;
    for (let p = 0; p < 3; p++) {
      if (v === 6 && p === 2) continue; // Thôn 6 has not reported June yet.
      const first = p === 0;
      const a: Activity = {
        unitId: "truongThon",
        sub,
        date: day(p, 3, 27),
        task: 2,
        form: "Phát thanh",
        values: first
          ? { coKeHoachLongGhep: "Có", buoiLoaThon: int(2, 4) }
          : { buoiLoaThon: int(2, 4), luotNguoiDuocTuyenTruyen: pick([0, int(40, 90)]) || "" },
        content: "Phát nội dung phòng, chống mại dâm trên loa truyền thanh của thôn.",
      };
      if (v === 3 && p === 1) {
        a.date = "2023-04-30";
        a.typed = { date: "31/04/2023" };
        a.mistake = "ngày không có trong lịch";
      }
      if (v === 5 && p === 2) {
        a.notes = "Cần hỗ trợ thêm tài liệu, liên hệ 0912 345 678";
        a.mistake = "số điện thoại trong ghi chú";
      }
      add(a);
    }
  }
  return out;
}

function editorOf(unit: Unit, sub: string | undefined): string {
  const editors = DEMO_EDITORS[unit.id] ?? [];
  const index = sub ? (unit.subUnits ?? []).findIndex((s) => s.id === sub) : 0;
  const who = editors[Math.max(0, index)] ?? editors[0];
  if (!who) throw new Error(`demo: no editor for ${unit.id}`);
  return who;
}

/** Every row of the demo, in the order it is typed (by typing time). Same seed, same rows. */
export function demoRows(seed = DEMO_SEED, plan: Plan = defaultPlan): DemoRow[] {
  const rnd = seededRandom(seed);
  const rows: DemoRow[] = activities(rnd).map((a) => {
    const unit = plan.units.find((u) => u.id === a.unitId);
    if (!unit) throw new Error(`demo: unknown unit ${a.unitId}`);
    const cells: Partial<Record<ColumnKey, string>> = {
      date: formatDateVi(a.date),
      task: unit.tasks[a.task] ?? unit.tasks[0]!,
      form: a.form,
      content: a.content,
    };
    if (a.sub) cells.subUnit = unit.subUnits?.find((s) => s.id === a.sub)?.name ?? a.sub;
    if (a.notes) cells.notes = a.notes;
    for (const [id, v] of Object.entries(a.values ?? {})) {
      if (v !== "") cells[`el:${id}`] = typeof v === "number" ? thousands(v) : v;
    }
    Object.assign(cells, a.typed ?? {});
    // Typed the same day after work or within three days, always before the demo's "now".
    const delayDays = Math.floor(rnd() * 4);
    const minutes = 8 * 60 + Math.floor(rnd() * 9 * 60);
    const typedDay = addDays(a.date, delayDays);
    const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
    const mm = String(minutes % 60).padStart(2, "0");
    let typedAt = new Date(`${typedDay}T${hh}:${mm}:00+07:00`);
    if (typedAt.getTime() >= DEMO_NOW.getTime()) typedAt = new Date(DEMO_NOW.getTime() - 3_600_000);
    const row: DemoRow = {
      unitId: unit.id,
      subUnitId: a.sub ?? null,
      date: a.date,
      cells,
      typedBy: editorOf(unit, a.sub),
      typedAt,
    };
    if (a.mistake) row.mistake = a.mistake;
    return row;
  });
  return rows.sort((x, y) => x.typedAt.getTime() - y.typedAt.getTime());
}

/** A1 notation of columns [1, width] of one row. */
function rowA1(row: number, width: number): string {
  let letters = "";
  for (let x = width; x > 0; x = Math.floor((x - 1) / 26)) {
    letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
  }
  return `A${row}:${letters}${row}`;
}

export interface DemoOptions {
  /** build/Code.js, the bundle the demo runs. */
  code: string;
  /** Where the built pages are (build/). */
  htmlDir?: string;
  seed?: number;
  /** Utilities.getUuid's source (the workbench replays actions and wants the same ids each time). */
  uuid?: () => string;
}

/**
 * The demo environment: the owner runs setup and saves the settings through the real endpoints, then
 * each row is typed by its unit's editor at its own time, then the clock is set to DEMO_NOW.
 */
export function createDemoEnvironment(opts: DemoOptions): Environment {
  const plan = defaultPlan;
  const env = createEnvironment(
    appWorld({
      owner: DEMO_OWNER,
      now: new Date("2023-03-15T08:00:00+07:00"),
      ...(opts.htmlDir ? { htmlDir: opts.htmlDir } : {}),
      ...(opts.uuid ? { uuid: opts.uuid } : {}),
    }),
  );
  env.load(opts.code);
  env.setUser(DEMO_OWNER);
  env.run("setupSpreadsheet");
  const saved = env.runFromClient("saveSettings", [DEMO_SETTINGS]);
  if (!saved.ok || (saved.value as { ok?: boolean } | null)?.ok !== true) {
    throw new Error(`demo: saving the settings failed: ${JSON.stringify(saved)}`);
  }
  const nextRow = new Map<string, number>();
  for (const row of demoRows(opts.seed ?? DEMO_SEED, plan)) {
    const unit = plan.units.find((u) => u.id === row.unitId)!;
    const columns = unitColumns(plan, unit);
    const input = columns.filter((c) => !c.scriptOwned);
    const values = input.map((c) => row.cells[c.key] ?? "");
    const at = nextRow.get(unit.id) ?? 2;
    nextRow.set(unit.id, at + 1);
    env.setNow(row.typedAt);
    env.setUser(row.typedBy);
    env.setActiveSheet(unit.tabName);
    const edit = env.userEdit(unit.tabName, rowA1(at, input.length), [values], { typed: true });
    const failed = edit.fired.find((f) => !f.ok);
    if (failed) throw new Error(`demo: ${failed.functionName} failed on ${unit.tabName}: ${failed.error}`);
  }
  env.setNow(DEMO_NOW);
  env.setUser(DEMO_OWNER);
  env.setActiveSheet(plan.units[0]!.tabName);
  return env;
}

/** The demo from a bundle file. */
export function createDemoFromFile(codePath: string, htmlDir?: string): Environment {
  return createDemoEnvironment({ code: readFileSync(codePath, "utf8"), ...(htmlDir ? { htmlDir } : {}) });
}
