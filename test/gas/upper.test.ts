/**
 * Issue 16 end to end, through the built bundle: an upper level's workbook and three communes set up
 * from the same plan, each its own world on one Drive (src/local/upper-world.ts). Quang Khải's chairman
 * approves on the 15th (on time), Quang Phục's on the 16th (late); Tân Kỳ's approves on the 15th but its
 * office pasted the wrong link, so its figures cannot reach the upper level (logged, retried) and it is
 * missing until the link is fixed. A resend replaces. A commune cannot read another commune's rows, nor
 * the upper level's workbook, nor write anything but its own rows.
 */
import { describe, expect, it } from "vitest";
import { appWorld } from "../../src/local/app-world";
import type { Environment, SentMail } from "../../src/local/emulator/index";
import { createEnvironment } from "../../src/local/emulator/index";
import {
  approve,
  at,
  COMMUNES,
  communeSheet,
  intakeLink,
  typeRows,
  UPPER_LEADER,
  UPPER_OFFICE,
  upperWorkbook,
} from "../../src/local/upper-world";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";
import { CODE, lastAlert } from "./harness";
import { vietnameseOnly } from "./people";

const [A, B, C] = COMMUNES as [(typeof COMMUNES)[0], (typeof COMMUNES)[0], (typeof COMMUNES)[0]];
const vn = (s: string) => new Date(`${s}+07:00`);

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
function tab(env: Environment, name: string): unknown[][] {
  const s = (env.active as Ss).getSheetByName(name)!;
  return s.getDataRange().getValues();
}
function displayed(env: Environment, name: string): string[][] {
  return (env.active as Ss).getSheetByName(name)!.getDataRange().getDisplayValues();
}
/** The send log's rows as text; a cell cut to three lines is read whole from its note. */
function sendLog(env: Environment): string[] {
  const s = (env.active as Ss).getSheetByName("Nhật ký gửi")!;
  const notes = s.getDataRange().getNotes();
  return displayed(env, "Nhật ký gửi")
    .slice(1)
    .map((r, i) => r.map((v, c) => notes[i + 1]?.[c] || v).join(" | "));
}
function idOf(link: string): string {
  return /\/d\/([^/]+)/.exec(link)![1]!;
}
/** The intake rows of a commune: [period, indicator, numerator, denominator, status, versions]. */
function intakeOf(upper: Environment, commune: string): unknown[][] {
  return tab(upper, "Số liệu nhận")
    .filter((r) => r[1] === commune)
    .map((r) => [r[2], r[3], r[4], r[5], r[6], r[10]]);
}
function statusOf(upper: Environment, commune: string): string {
  return String(tab(upper, "Danh sách xã").find((r) => r[0] === commune)![7]);
}
function mailsTo(env: Environment, who: string): SentMail[] {
  return env.outbox.filter((m) => m.to.includes(who));
}

/** A script its office could run as itself, on the same Drive: what Google lets that account do. */
const PROBE = `
function tryRead(id) {
  try { var ss = SpreadsheetApp.openById(id); return ss.getSheets()[0].getDataRange().getValues().length + " rows"; }
  catch (e) { return "refused: " + e.message; }
}
function tryWrite(id, a1, values) {
  try { SpreadsheetApp.openById(id).getSheets()[0].getRange(a1).setValues(values); return "written"; }
  catch (e) { return "refused: " + e.message; }
}
function append(id, rows) {
  var sh = SpreadsheetApp.openById(id).getSheets()[0];
  sh.getRange(sh.getLastRow() + 1, 1, rows.length, rows[0].length).setValues(rows);
  return "written";
}`;

describe("an upper level and three communes, in the emulator through the built bundle", () => {
  const upper = upperWorkbook(CODE, vn("2023-04-10T09:00:00"));
  const upperId = (upper.active as Ss).getId();
  upper.setUser(UPPER_OFFICE);
  upper.run("syncCommunesNow");
  const links = Object.fromEntries(COMMUNES.map((c) => [c.name, intakeLink(upper, c.name)]));
  const a = communeSheet(CODE, upper.drive, A, vn("2023-04-10T09:00:00"), links[A.name]!);
  const b = communeSheet(CODE, upper.drive, B, vn("2023-04-10T09:00:00"), links[B.name]!);
  // Tân Kỳ's office pasted Quang Phục's link by mistake.
  const c = communeSheet(CODE, upper.drive, C, vn("2023-04-10T09:00:00"), links[B.name]!);
  const worlds = [a, b, c, upper];

  it("the upper level makes one intake file per commune, shared with that commune's office alone, and sends it the link", () => {
    expect(vietnameseOnly(lastAlert(upper))).toContain(
      "Tạo tệp nhận số liệu mới cho: Quang Khải, Quang Phục, Tân Kỳ.",
    );
    for (const commune of COMMUNES) {
      const id = idOf(links[commune.name]!);
      for (const other of COMMUNES) {
        expect(upper.sheets.role(id, other.office), `${other.name} on ${commune.name}'s file`).toBe(
          other === commune ? "editor" : "none",
        );
      }
      expect(upper.sheets.role(id, UPPER_OFFICE)).toBe("owner");
      const notice = mailsTo(upper, commune.office);
      expect(notice).toHaveLength(1);
      expect(notice[0]!.subject).toBe(`[UBND huyện Tứ Kỳ] Tệp nhận số liệu của ${commune.name}`);
      expect(notice[0]!.body).toContain(links[commune.name]);
    }
    // The upper level's own workbook is shared with its leader (viewer) and no commune at all.
    expect(upper.sheets.role(upperId, UPPER_LEADER)).toBe("viewer");
    for (const commune of COMMUNES) expect(upper.sheets.role(upperId, commune.office)).toBe("none");
  });

  it("approved on the 15th, Quang Khải's figures reach the upper level; Tân Kỳ's cannot, and its send log says why in Vietnamese", () => {
    at(worlds, vn("2023-04-15T07:00:00"));
    approve(a, A.chairman, "2023-04");
    approve(c, C.chairman, "2023-04");
    at(worlds, vn("2023-04-15T11:00:00"));
    expect(sendLog(a).at(-1)).toMatch(
      /Số liệu gửi cấp trên \| {2}\| Đã ghi số liệu tháng 4\/2023 \(9 chỉ tiêu\) vào tệp nhận số liệu của UBND huyện Tứ Kỳ\.$/,
    );
    const failed = sendLog(c).filter((l) => l.includes("Số liệu gửi cấp trên"));
    expect(failed).toHaveLength(1);
    expect(vietnameseOnly(failed[0]!)).toContain(
      "Chưa ghi được số liệu tháng 4/2023 vào tệp nhận số liệu của cấp trên: Tài khoản vanphong@tanky.example không mở được tệp",
    );
    expect(failed[0]).toContain("Sẽ tự thử lại mỗi giờ.");
    // The report itself went to the upper level's leader either way.
    expect(c.outbox.filter((m) => m.subject.startsWith("Kết quả thực hiện"))).toHaveLength(1);
    // Quang Khải: nine rows, the figures its own report gave (hand-worked in upper-world.ts).
    expect(intakeOf(upper, A.name)).toEqual([
      ["2023-04", "CT1a", 1, 1, "Đạt", 1],
      ["2023-04", "CT1b", 1, 1, "Đạt", 1],
      ["2023-04", "CT2a", 12, 40, "Đạt", 1],
      ["2023-04", "CT2b", 50, 250, "Chưa đạt", 1],
      ["2023-04", "CT2c", 300, 900, "Đạt", 1],
      ["2023-04", "CT3", 4, 11, "Chưa đạt", 1],
      ["2023-04", "CT4", 5, 20, "Đạt", 1],
      ["2023-04", "CT5", 3, 3, "Đạt", 1],
      ["2023-04", "CT6", 0, 0, "Không phát sinh", 1],
    ]);
    expect(intakeOf(upper, C.name)).toEqual([]);
  });

  it("the retry comes every hour and logs once a day; nothing reaches the upper level meanwhile", () => {
    at(worlds, vn("2023-04-15T12:00:00"));
    expect(sendLog(c).filter((l) => l.includes("Số liệu gửi cấp trên"))).toHaveLength(1);
    expect(intakeOf(upper, C.name)).toEqual([]);
  });

  it("the day after the deadline, the communes that have not sent are reminded, once, and the leaders get the report", () => {
    const before = upper.outbox.length;
    at(worlds, vn("2023-04-16T07:00:00"));
    const reports = upper.outbox.slice(before).filter((m) => m.subject.includes("Kết quả thực hiện"));
    expect(reports).toHaveLength(1);
    const report = reports[0]!;
    expect(report.to).toEqual([UPPER_LEADER]);
    expect(report.subject).toBe(
      "[UBND huyện Tứ Kỳ] Kết quả thực hiện Kế hoạch phòng, chống mại dâm năm 2023 của 3 xã: Quang Khải, Quang Phục, Tân Kỳ, tháng 4/2023",
    );
    // The same administrative page as the commune's report and `consolidate --html`: issued by the upper level.
    expect(report.htmlBody).toContain("BÁO CÁO TỔNG HỢP");
    expect(report.htmlBody).toContain(
      '<div>UỶ BAN NHÂN DÂN</div><div style="font-weight:bold">HUYỆN TỨ KỲ</div>',
    );
    expect(report.body).toContain("3 xã: 1 đúng hạn, 0 muộn, 2 chưa gửi.");
    expect(report.body).toContain("Chưa gửi: Quang Phục, Tân Kỳ.");
    // Only Quang Khải had sent: the totals are its figures.
    expect(report.body).toContain("CT2a");
    expect(report.body).toContain("12/40 (30 %) – Đạt");
    expect(report.body).not.toMatch(/0912|Tin báo/);
    const reminders = upper.outbox.slice(before).filter((m) => m.subject.includes("Nhắc gửi số liệu"));
    expect(reminders.map((m) => m.to).sort()).toEqual([[B.office], [C.office]]);
    expect(reminders[0]!.subject).toBe("[UBND huyện Tứ Kỳ] Nhắc gửi số liệu tháng 4/2023 của Quang Phục");
    expect(reminders[1]!.body).toContain("hạn: hết ngày 15/04/2023");
  });

  it("Quang Phục, approved on the 16th, arrives late; Tân Kỳ is still missing; the totals are sums, by hand", () => {
    approve(b, B.chairman, "2023-04");
    at(worlds, vn("2023-04-16T10:00:00"));
    expect(intakeOf(upper, B.name).map((r) => r.slice(1, 5))).toEqual([
      ["CT1a", 1, 1, "Đạt"],
      ["CT1b", 0, 1, "Chưa đạt"],
      ["CT2a", 10, 50, "Chưa đạt"],
      ["CT2b", 40, 100, "Đạt"],
      ["CT2c", 100, 200, "Đạt"],
      ["CT3", 1, 11, "Chưa đạt"],
      ["CT4", 1, 10, "Chưa đạt"],
      ["CT5", 1, 2, "Chưa đạt"],
      ["CT6", 1, 2, "Chưa đạt"],
    ]);
    const firstSent = tab(upper, "Số liệu nhận")
      .filter((r) => r[1] === A.name || r[1] === B.name)
      .map((r) => `${r[1]} ${(r[9] as Date).toISOString()}`);
    expect(new Set(firstSent)).toEqual(
      new Set([`${A.name} 2023-04-15T04:00:00.000Z`, `${B.name} 2023-04-16T03:00:00.000Z`]),
    );
    expect(statusOf(upper, B.name)).toMatch(
      /9 dòng mới, 0 dòng gửi lại thay số cũ; đã nhận tháng 4\/2023\.$/,
    );
    expect(statusOf(upper, C.name)).toMatch(/không có gì mới; chưa có số liệu\.$/);
    // The period's tab, side by side: the total first, then each commune. By hand, Quang Khải + Quang Phục
    // (Tân Kỳ sent nothing): CT2a (12 + 10) / (40 + 50) = 22/90 = 24,4 % (an average of 30 % and 20 % would
    // say 25 %); CT2b 90/350 = 25,7 %; CT2c 400/1.100 = 36,4 %; CT3 (4 + 1)/(11 + 11) = 22,7 %;
    // CT4 6/30 = 20 % (Đạt, ≥ 20 %); CT5 4/5 = 80 % (Chưa đạt, = 100 %); CT6 (0 + 1)/(0 + 2) = 50 %
    // (Chưa đạt, ≥ 60 %); CT1a 2/2 commune-months met; CT1b 1/2 (Quang Phục posted nothing on the website).
    const view = displayed(upper, "Tổng hợp các xã");
    const header = view.findIndex((r) => r[0] === "Xã");
    const rows = Object.fromEntries(view.slice(header + 1).map((r) => [r[0], r.slice(1)]));
    expect(rows["Tổng cộng"]).toEqual([
      "2 xã",
      "",
      "",
      "2/2 tháng đạt Đạt",
      "1/2 tháng đạt Chưa đạt",
      "22/90 (24,4 %) Chưa đạt",
      "90/350 (25,7 %) Chưa đạt",
      "400/1.100 (36,4 %) Đạt",
      "5/22 (22,7 %) Chưa đạt",
      "6/30 (20 %) Đạt",
      "4/5 (80 %) Chưa đạt",
      "1/2 (50 %) Chưa đạt",
    ]);
    expect(rows[A.name]!.slice(0, 5)).toEqual([
      "Đúng hạn",
      "15/04/2023 11:00",
      A.chairman,
      "1/1 tháng đạt Đạt",
      "1/1 tháng đạt Đạt",
    ]);
    expect(rows[B.name]!.slice(0, 3)).toEqual(["Muộn", "16/04/2023 10:00", B.chairman]);
    expect(rows[B.name]![5]).toBe("10/50 (20 %) Chưa đạt");
    expect(rows[C.name]).toEqual(["Chưa gửi", "", "", ...Array(9).fill("–")]);
    expect(view.some((r) => r[0]?.startsWith("3 xã: 1 đúng hạn, 1 muộn, 1 chưa gửi."))).toBe(true);
    // The year's trend: tháng 4/2023's totals and who sent.
    const trend = displayed(upper, "Xu hướng");
    expect(trend.find((r) => r[1] === "Số xã đã gửi (muộn)")?.[3]).toBe("2/3 (1 muộn)");
    expect(trend.find((r) => r[0] === "CT2a")?.[3]).toBe("22/90 (24,4 %) Chưa đạt");
  });

  it("the office sees a month's report as the leaders get it, with the same sums", () => {
    upper.setUser(UPPER_OFFICE);
    upper.ui.respond({ text: "4/2023", button: "OK" });
    upper.run("showUpperReport");
    const dialog = upper.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe("Báo cáo tổng hợp tháng 4/2023");
    expect(dialog.content).toContain("22/90 (24,4 %)");
    expect(dialog.content).toContain("Quang Phục: gửi lúc 16/04/2023 10:00, muộn");
    expect(dialog.content).toContain("Tân Kỳ: chưa gửi báo cáo");
  });

  it("a commune cannot read another commune's rows or the upper level's workbook, nor write but its own rows", () => {
    const probe = communeProbe(upper, C.office);
    const own = idOf(links[C.name]!);
    expect(probe.run("tryRead", upperId)).toBe(
      "refused: You do not have permission to access the requested document.",
    );
    expect(probe.run("tryRead", idOf(links[A.name]!))).toMatch(/^refused: You do not have permission/);
    expect(probe.run("tryRead", idOf(links[B.name]!))).toMatch(/^refused: You do not have permission/);
    expect(probe.run("tryWrite", idOf(links[A.name]!), "A2:B2", [["x", "y"]])).toMatch(/^refused/);
    expect(probe.run("tryWrite", own, "A1:B1", [["Kỳ", "x"]])).toMatch(
      /^refused: You are trying to edit a protected cell/,
    );
    // In its own file it may write anything: a row claiming to be Quang Khải's, and one with a phone number.
    const sent = vn("2023-05-15T08:00:00");
    expect(
      probe.run("append", own, [
        [plan.id, "Quang Khải", "2023-05", "CT2a", 999, 1000, "Đạt", sent, ""],
        [plan.id, "Quang Khải", "2023-05", "CT5", "gọi 0912 345 678", 1, "Đạt", sent, ""],
      ]),
    ).toBe("written");
    upper.setUser(UPPER_OFFICE);
    upper.run("syncCommunesNow");
    // The forged row counts as Tân Kỳ's (the file is Tân Kỳ's), never as Quang Khải's.
    expect(intakeOf(upper, A.name).filter((r) => r[0] === "2023-05")).toEqual([]);
    expect(intakeOf(upper, C.name)).toEqual([["2023-05", "CT2a", 999, 1000, "Đạt", 1]]);
    expect(statusOf(upper, C.name)).toContain(
      "1 dòng có tử số hoặc mẫu số không phải số nguyên ≥ 0: không tính.",
    );
    expect(JSON.stringify(tab(upper, "Số liệu nhận"))).not.toMatch(/0912/);
    expect(JSON.stringify(tab(upper, "Danh sách xã"))).not.toMatch(/0912/);
  });

  it("once Tân Kỳ's office fixes the link, the hourly retry delivers April (late)", () => {
    c.setUser(C.office);
    const settings = (c.runFromClient("getSettingsState") as { value: { settings: Record<string, unknown> } })
      .value.settings;
    const saved = c.runFromClient("saveSettings", [{ ...settings, upperIntake: links[C.name] }]);
    expect(saved.ok).toBe(true);
    // The next morning's daily run: Quang Phục and Tân Kỳ were reminded already, nobody again; the
    // report went once.
    at(worlds, vn("2023-04-17T07:00:00"));
    expect(upper.outbox.filter((m) => m.subject.includes("Nhắc gửi số liệu"))).toHaveLength(2);
    expect(upper.outbox.filter((m) => m.subject.includes("Kết quả thực hiện"))).toHaveLength(1);
    at(worlds, vn("2023-04-17T10:00:00"));
    expect(sendLog(c).at(-1)).toContain("Đã ghi số liệu tháng 4/2023 (9 chỉ tiêu)");
    expect(intakeOf(upper, C.name).filter((r) => r[0] === "2023-04")).toHaveLength(9);
    const first = tab(upper, "Số liệu nhận").find((r) => r[1] === C.name && r[2] === "2023-04")![9] as Date;
    // Its rows claim the 15th, 11:00 (when its report went), but the upper level read the file on the
    // 16th at 10:00 without them: that read is the earliest they can have arrived. Late either way.
    expect(first.toISOString()).toBe("2023-04-16T03:00:00.000Z");
  });

  it("a resend replaces Quang Khải's rows: one row per indicator, the new figures, the first arrival kept", () => {
    typeRows(a, A.office, "Công an xã", [
      {
        Ngày: "10/04/2023",
        "Nhiệm vụ": "Quản lý an ninh trật tự cơ sở kinh doanh dịch vụ",
        "Hình thức": "Tuyên truyền trực tiếp",
        "Người lao động tại cơ sở được tuyên truyền (người)": "4",
      },
    ]);
    a.setUser(A.office);
    const r = a.runFromClient("sendReportNow", [{ periodKey: "2023-04", resend: true }]);
    expect(r.ok).toBe(true);
    upper.setUser(UPPER_OFFICE);
    upper.run("syncCommunesNow");
    const rows = intakeOf(upper, A.name);
    expect(rows).toHaveLength(9);
    expect(rows.find((x) => x[1] === "CT2a")).toEqual(["2023-04", "CT2a", 16, 40, "Đạt", 2]);
    // The resend went at a new time: every row of the period was replaced, none added.
    expect(rows.every((x) => x[5] === 2)).toBe(true);
    const first = tab(upper, "Số liệu nhận").find((x) => x[1] === A.name && x[3] === "CT2a")![9] as Date;
    expect(first.toISOString()).toBe("2023-04-15T04:00:00.000Z");
    expect(statusOf(upper, A.name)).toContain("0 dòng mới, 9 dòng gửi lại thay số cũ");
  });
});

/** A world of `office`'s own, on the upper level's Drive, running PROBE as that account. */
function communeProbe(upper: Environment, office: string): Environment {
  const probe = createProbe(upper, office);
  probe.setUser(office);
  return probe;
}

function createProbe(upper: Environment, office: string): Environment {
  const env = createEnvironment(
    appWorld({ owner: office, now: upper.now(), drive: upper.drive, spreadsheetName: "Thử quyền" }),
  );
  env.load(PROBE);
  return env;
}

describe("a province: beyond 20 communes the leaders' email holds the totals, not a column per commune", () => {
  // 25 communes in the table; 24 send April's figures on time (written into their files as their add-in
  // writes them), the 25th sends nothing. CT2a: commune i counts i of 50 workers, so the total is
  // 1 + 2 + … + 24 = 300 of 24 × 50 = 1,200, 25 % (below the plan's 30 %).
  const communes = Array.from({ length: 25 }, (_, i) => {
    const tag = String(i + 1).padStart(2, "0");
    return { name: `Xã ${tag}`, office: `vanphong@xa${tag}.example`, chairman: `chutich@xa${tag}.example` };
  });
  const upper = upperWorkbook(CODE, vn("2023-04-10T09:00:00"), { communes });
  upper.setUser(UPPER_OFFICE);
  upper.run("syncCommunesNow");
  tab(upper, "Danh sách xã")
    .slice(1, 25)
    .forEach((row, i) => {
      const rows = plan.indicators.map((ind) => {
        const [n, d] = ind.id === "CT2a" ? [i + 1, 50] : ind.kind === "frequency" ? [1, 1] : [1, 2];
        return [plan.id, row[0], "2023-04", ind.id, n, d, "", vn("2023-04-15T08:00:00"), ""];
      });
      const file = upper.spreadsheets.byId(idOf(String(row[3]))) as unknown as Ss;
      file.getSheets()[0]!.getRange(2, 1, rows.length, rows[0]!.length).setValues(rows);
    });

  it("sums the 24 that sent, names the one missing, and points to the period's tab for each commune", () => {
    const before = upper.outbox.length;
    at([upper], vn("2023-04-16T07:00:00"));
    const report = upper.outbox.slice(before).find((m) => m.subject.includes("Kết quả thực hiện"))!;
    expect(report.subject).toContain("của 25 xã");
    expect(report.body).toContain("25 xã: 24 đúng hạn, 0 muộn, 1 chưa gửi.");
    expect(report.body).toContain("Chưa gửi: Xã 25.");
    expect(report.body).toContain("300/1.200 (25 %) – Chưa đạt");
    const html = report.htmlBody ?? "";
    expect(html).toContain("300/1.200");
    // The results table has the indicator and the total only: no commune's heading in it.
    expect(html).not.toMatch(/<th[^>]*>Xã \d\d<\/th>/);
    expect(html).toContain("Kết quả của từng xã: trang &quot;Tổng hợp các xã&quot; của bảng tổng hợp");
    // And the period's tab has every commune's row, the total first.
    const period = displayed(upper, "Tổng hợp các xã");
    expect(period.filter((r) => /^Xã \d\d$/.test(r[0]!))).toHaveLength(25);
    expect(period.find((r) => r[0] === "Tổng cộng")![1]).toBe("24 xã");
  });
});
