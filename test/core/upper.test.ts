import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cell";
import { personOf, refusal } from "../../src/core/roles";
import type { Rollup } from "../../src/core/rollup";
import { COMMUNE_FILE_HEADER, communeFileRows, replacePeriodRows } from "../../src/core/intake-file";
import { PAD_PX, textWidth } from "../../src/core/layout";
import {
  createIntake,
  INTAKE_HEADER,
  INTAKE_WIDTHS,
  intakeRows,
  mergeIntake,
  periodsReceived,
  readCommuneFile,
  readCommunes,
  readIntake,
} from "../../src/core/upper";
import { communesForPeriod } from "../../src/core/upper-report";
import { readUpperSettings, upperPeopleOf, upperSettingsRows } from "../../src/core/upper-settings";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

const RULE = "cutoff" as const;
const CODE = plan.id;
/** 16/04/2023 08:00 in Vietnam: the day after tháng 4/2023's due day (15/04). */
const SENT_ON_TIME = new Date("2023-04-15T10:00:00+07:00");
const SENT_LATE = new Date("2023-04-16T08:00:00+07:00");

/** A commune's figures for one period, as its add-in writes them: [id, numerator, denominator]. */
function fileRows(
  period: string,
  figures: [string, number, number | ""][],
  sentAt: Date,
  code = CODE,
): CellValue[][] {
  return figures.map(([id, n, d]) => [
    code,
    "Quang Khải",
    period,
    id,
    n,
    d,
    "Đạt",
    sentAt,
    "chutich@quangkhai.example",
  ]);
}

const APRIL: [string, number, number | ""][] = [
  ["CT1a", 1, 1],
  ["CT2a", 12, 40],
  ["CT2c", 300, 900],
  ["CT6", 0, 0],
];

function file(rows: CellValue[][]): CellValue[][] {
  return [[...COMMUNE_FILE_HEADER], ...rows];
}

describe("a commune's rows, written and replaced in its own intake file", () => {
  const rollup = {
    period: { key: "2023-04" },
    indicators: [
      { id: "CT2a", numerator: 12, denominator: 40, status: "Đạt" },
      { id: "CT6", numerator: 0, denominator: null, status: "Thiếu số liệu" },
    ],
  } as unknown as Rollup;

  it("writes one row per indicator: figures and status only, the approver only when an address", () => {
    const rows = communeFileRows(CODE, "Quang Khải", rollup, SENT_ON_TIME, '=HYPERLINK("x")');
    expect(rows).toEqual([
      [CODE, "Quang Khải", "2023-04", "CT2a", 12, 40, "Đạt", SENT_ON_TIME, ""],
      [CODE, "Quang Khải", "2023-04", "CT6", 0, "", "Thiếu số liệu", SENT_ON_TIME, ""],
    ]);
  });

  it("a resend replaces the period's rows and keeps the others; blank rows go", () => {
    const body = [
      ...fileRows("2023-04", APRIL, SENT_ON_TIME),
      ["", "", "", "", "", "", "", "", ""],
      ...fileRows("2023-05", APRIL, SENT_LATE),
    ];
    const again = communeFileRows(CODE, "Quang Khải", rollup, SENT_LATE, "");
    const next = replacePeriodRows(body, "2023-04", again);
    expect(next.map((r) => `${r[2]} ${r[3]}`)).toEqual([
      "2023-05 CT1a",
      "2023-05 CT2a",
      "2023-05 CT2c",
      "2023-05 CT6",
      "2023-04 CT2a",
      "2023-04 CT6",
    ]);
  });
});

describe("what the upper level takes from a commune's file", () => {
  it("takes the expected plan's figures and leaves out, by count, what is not", () => {
    const rows: CellValue[][] = [
      ...fileRows("2023-04", APRIL, SENT_ON_TIME),
      ...fileRows("2023-04", [["CT4", 5, 20]], SENT_ON_TIME, "ke-hoach-khac-2023"),
      [CODE, "Quang Khải", "2024-04", "CT4", 5, 20, "Đạt", SENT_ON_TIME, ""],
      [CODE, "Quang Khải", "2023-05", "CT9", 5, 20, "Đạt", SENT_ON_TIME, ""],
      [CODE, "Quang Khải", "2023-05", "CT4", "Nguyễn Văn A 0912345678", 20, "Đạt", SENT_ON_TIME, ""],
      [CODE, "Quang Khải", "2023-05", "CT4", 2.5, 20, "Đạt", SENT_ON_TIME, ""],
      [CODE, "Quang Khải", "2023-05", "CT1a", 3, 40, "Đạt", SENT_ON_TIME, ""],
    ];
    const { received, problems } = readCommuneFile(file(rows), plan, RULE, CODE);
    expect(received.map((r) => [r.period, r.indicatorId, r.numerator, r.denominator])).toEqual([
      ["2023-04", "CT1a", 1, 1],
      ["2023-04", "CT2a", 12, 40],
      ["2023-04", "CT2c", 300, 900],
      ["2023-04", "CT6", 0, 0],
    ]);
    expect(received[0]!.sentAt).toBe(SENT_ON_TIME.toISOString());
    expect(received[0]!.approvedBy).toBe("chutich@quangkhai.example");
    expect(problems).toEqual([
      `1 dòng khác mã kế hoạch ${CODE}: không tính.`,
      "1 dòng có kỳ không thuộc kế hoạch: không tính.",
      "1 dòng có chỉ tiêu không thuộc kế hoạch: không tính.",
      "3 dòng có tử số hoặc mẫu số không phải số nguyên ≥ 0: không tính.",
    ]);
    // Nothing the file says in words is ever repeated.
    expect(problems.join(" ")).not.toMatch(/Nguyễn|0912/);
  });

  it("reads a period Sheets turned into a date, and refuses a file without the columns", () => {
    const asDate = readCommuneFile(
      file([[CODE, "x", new Date("2023-04-01T00:00:00+07:00"), "CT2a", 1, 2, "", "", ""]]),
      plan,
      RULE,
      CODE,
    );
    expect(asDate.received.map((r) => r.period)).toEqual(["2023-04"]);
    const bare = readCommuneFile(
      [
        ["Kỳ", "Chỉ tiêu"],
        ["2023-04", "CT2a"],
      ],
      plan,
      RULE,
      CODE,
    );
    expect(bare.received).toEqual([]);
    expect(bare.problems[0]).toMatch(/^Tệp của xã thiếu cột Mã kế hoạch, Xã, Tử số/);
  });
});

describe("the upper level's intake: one row per commune, period and indicator", () => {
  const first = readCommuneFile(file(fileRows("2023-04", APRIL, SENT_ON_TIME)), plan, RULE, CODE).received;

  it("adds a period once; the same file read again changes nothing", () => {
    const intake = createIntake([]);
    const read = { at: "2023-04-15T05:00:00.000Z", previous: null };
    expect(mergeIntake(intake, "Quang Khải", CODE, first, plan, RULE, read)).toEqual({
      added: 4,
      replaced: 0,
    });
    expect(mergeIntake(intake, "Quang Khải", CODE, first, plan, RULE, read)).toEqual({
      added: 0,
      replaced: 0,
    });
    expect(intake.records).toHaveLength(4);
    expect(periodsReceived(intake, "Quang Khải", plan, RULE)).toEqual(["2023-04"]);
    // The status is judged again from the figures, whatever the commune wrote ("Đạt" everywhere).
    expect(intake.records.map((x) => x.status)).toEqual(["Đạt", "Đạt", "Đạt", "Không phát sinh"]);
  });

  it("a resend replaces the rows, counts a version, and keeps when the period first arrived", () => {
    const intake = createIntake([]);
    mergeIntake(intake, "Quang Khải", CODE, first, plan, RULE, {
      at: "2023-04-15T05:00:00.000Z",
      previous: null,
    });
    const resent = readCommuneFile(
      file(fileRows("2023-04", [["CT2a", 15, 40]], SENT_LATE)),
      plan,
      RULE,
      CODE,
    ).received;
    const r = mergeIntake(intake, "Quang Khải", CODE, resent, plan, RULE, {
      at: "2023-04-16T05:00:00.000Z",
      previous: "2023-04-15T05:00:00.000Z",
    });
    expect(r).toEqual({ added: 0, replaced: 1 });
    const ct2a = intake.records.filter((x) => x.indicatorId === "CT2a");
    expect(ct2a).toHaveLength(1);
    expect(ct2a[0]).toMatchObject({ numerator: 15, versions: 2, firstSentAt: SENT_ON_TIME.toISOString() });
    // Round trip through the tab: the same records.
    const again = readIntake([["header"], ...intakeRows(intake.records, plan, ["Quang Khải"])]);
    expect(again).toEqual(intake.records);
  });

  it("a claim earlier than the upper level's last read without the period is not believed", () => {
    const intake = createIntake([]);
    const backdated = readCommuneFile(
      file(fileRows("2023-04", APRIL, SENT_ON_TIME)),
      plan,
      RULE,
      CODE,
    ).received;
    // The upper level read the file on 16/04 at 07:00 and found no April; on 17/04 it is there, claiming 15/04.
    mergeIntake(intake, "Tân Kỳ", CODE, backdated, plan, RULE, {
      at: "2023-04-17T00:00:00.000Z",
      previous: "2023-04-16T00:00:00.000Z",
    });
    expect(intake.records[0]!.firstSentAt).toBe("2023-04-16T00:00:00.000Z");
    const [c] = communesForPeriod(plan, RULE, "2023-04", ["Tân Kỳ"], intake.records, 1);
    expect(c!.report.timeliness).toBe("late");
  });

  it("each commune's period: on time, late, or not sent, with its results judged from the figures", () => {
    const intake = createIntake([]);
    mergeIntake(intake, "Quang Khải", CODE, first, plan, RULE, {
      at: "2023-04-15T05:00:00.000Z",
      previous: null,
    });
    const late = readCommuneFile(
      file(fileRows("2023-04", [["CT2a", 5, 50]], SENT_LATE)),
      plan,
      RULE,
      CODE,
    ).received;
    mergeIntake(intake, "Quang Phục", CODE, late, plan, RULE, {
      at: "2023-04-16T02:00:00.000Z",
      previous: null,
    });
    const view = communesForPeriod(
      plan,
      RULE,
      "2023-04",
      ["Quang Khải", "Quang Phục", "Tân Kỳ"],
      intake.records,
      1,
    );
    expect(view.map((c) => [c.name, c.report.timeliness, c.report.due])).toEqual([
      ["Quang Khải", "onTime", "2023-04-15"],
      ["Quang Phục", "late", "2023-04-15"],
      ["Tân Kỳ", "notSent", "2023-04-15"],
    ]);
    const ct2a = view[1]!.indicators.find((r) => r.id === "CT2a")!;
    expect([ct2a.numerator, ct2a.denominator, ct2a.percent, ct2a.status]).toEqual([5, 50, 10, "Chưa đạt"]);
    expect(view[2]!.indicators).toEqual([]);
  });
});

describe("the communes table and the upper level's settings", () => {
  it("reads each commune once, says what is wrong, and keeps what the add-in wrote", () => {
    const read = new Date("2023-04-16T00:00:00.000Z");
    const values: CellValue[][] = [
      ["Xã", "Email", "Mã", "Tệp", "Chia sẻ", "Đọc", "Nhắc", "Tình trạng"],
      [
        "Quang Khải",
        " VanPhong@QuangKhai.example ",
        "",
        "https://docs.google.com/spreadsheets/d/1abcdefghijklmnopqrstuvwxyz012345/edit#gid=0",
        "vanphong@quangkhai.example",
        read,
        "2023-04",
        "",
      ],
      ["", "", "", "", "", "", "", ""],
      ["quang khải", "khac@quangkhai.example", "", "", "", "", "", ""],
      ["Tân Kỳ", "không có", "ke-hoach-khac", "", "", "", "", ""],
    ];
    const communes = readCommunes(values, CODE);
    expect(communes.map((c) => [c.row, c.name, c.email, c.planCode, c.problem !== ""])).toEqual([
      [2, "Quang Khải", "vanphong@quangkhai.example", CODE, false],
      [4, "quang khải", "khac@quangkhai.example", CODE, true],
      [5, "Tân Kỳ", "không có", "ke-hoach-khac", true],
    ]);
    expect(communes[0]).toMatchObject({
      fileId: "1abcdefghijklmnopqrstuvwxyz012345",
      lastRead: read.toISOString(),
      remindedFor: "2023-04",
    });
    expect(communes[1]!.problem).toBe("Trùng tên với dòng 2: dòng này không được tính.");
  });

  it("settings: each wrong value keeps its default and says what to type", () => {
    const rows = upperSettingsRows({
      name: "UBND huyện Tứ Kỳ",
      leaders: ["chutich@tuky.example"],
      admins: [],
      deadlineDays: 3,
      sendHour: 8,
      remind: false,
      rule: RULE,
    });
    expect(readUpperSettings(rows, plan)).toEqual({
      settings: {
        name: "UBND huyện Tứ Kỳ",
        leaders: ["chutich@tuky.example"],
        admins: [],
        deadlineDays: 3,
        sendHour: 8,
        remind: false,
        rule: RULE,
      },
      notes: {},
    });
    const bad = rows.map((r) => [...r]);
    bad[2]![1] = "chutich@tuky.example, khong-phai-email";
    bad[5]![1] = "25 giờ";
    const read = readUpperSettings(bad, plan);
    expect(read.settings.leaders).toEqual([]);
    expect(read.settings.deadlineDays).toBe(3);
    expect(read.settings.sendHour).toBe(7);
    expect(Object.keys(read.notes).sort()).toEqual(["leaders", "sendHour"]);
  });

  it("roles: the upper level's office and leaders, and no commune action there", () => {
    const people = upperPeopleOf(
      {
        name: "UBND huyện Tứ Kỳ",
        leaders: ["ld@tuky.example"],
        admins: ["vt@tuky.example"],
        deadlineDays: 1,
        sendHour: 7,
        remind: true,
        rule: RULE,
      },
      "vp@tuky.example",
    );
    expect(personOf("VP@tuky.example", people).roles).toEqual(["upperOffice"]);
    expect(personOf("vt@tuky.example", people).roles).toEqual(["upperOffice"]);
    expect(personOf("ld@tuky.example", people).roles).toEqual(["leader"]);
    const leader = personOf("ld@tuky.example", people);
    expect(refusal("upperSync", people, leader)).toMatch(
      /^Chỉ văn phòng UBND huyện Tứ Kỳ \(vp@tuky\.example, vt@tuky\.example\) mới nhận được/,
    );
    expect(refusal("enter", people, personOf("vp@tuky.example", people))).toBe(
      "Chỉ bảng tính của xã mới có việc này; đây là bảng tổng hợp của cấp trên.",
    );
  });
});

describe("the intake tab's columns", () => {
  it("fit their header in bold and the longest value the add-in writes there on one line", () => {
    // One column each: the plan code, a commune, a period, an indicator, two counts, the longest status,
    // a send time, an approver's address, the first arrival, the count of versions.
    const longest = [
      plan.id,
      "Quang Phục",
      "2023-12",
      "CT2c",
      "100000",
      "100000",
      "Không phát sinh",
      "15/04/2023 11:00",
      "chutich@quangkhai.example",
      "15/04/2023 11:00",
      "12",
    ];
    expect(INTAKE_WIDTHS).toHaveLength(INTAKE_HEADER.length);
    // With the layout model's margin of 4 % (core/layout.ts).
    const fits = (text: string, bold = false) => (textWidth(text, bold) + PAD_PX) * 1.04;
    INTAKE_HEADER.forEach((name, c) => {
      expect(fits(name, true), name).toBeLessThanOrEqual(INTAKE_WIDTHS[c]!);
      expect(fits(longest[c]!), longest[c]).toBeLessThanOrEqual(INTAKE_WIDTHS[c]!);
    });
  });
});
