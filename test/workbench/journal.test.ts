/**
 * The workbench's state on disk and its clock, over the real bundle: an action is one short line of a
 * journal (the 3 MB workbook is not rewritten per edit), a replay of the journal gives exactly the
 * workbook the live actions made, a line cut short by a kill is dropped, the base is rewritten after
 * enough actions and on close; time only moves forward; each person lands on their own tab.
 */
import { readFileSync, statSync, writeFileSync, appendFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CHAIRMAN, DEMO_OWNER } from "../../src/local/workbench/demo";
import { JOURNAL_FILE, STATE_FILE, Workbench } from "../../src/local/workbench/workbench";
import { POLICE, ROOT, SCHOOL, tempDataDir } from "./harness";

const BUILD = join(ROOT, "build");

function open(dir: string, extra: { compactEvery?: number } = {}): Workbench {
  return new Workbench({ buildDir: BUILD, dataDir: dir, compactAfterMs: 0, ...extra });
}

describe("the state on disk", () => {
  const data = tempDataDir();
  let wb: Workbench;
  let id = "";
  const base = () => join(data.dir, STATE_FILE);
  const journal = () => join(data.dir, JOURNAL_FILE);

  beforeAll(() => {
    wb = open(data.dir);
    id = wb.state().spreadsheets[0]!.id;
  });
  afterAll(() => data.remove());

  it("records an edit as one journal line the size of what was typed, leaving the workbook file alone", () => {
    const before = readFileSync(base());
    // The whole workbook (about 220 KB since formatted empty cells are packed into runs).
    expect(before.length).toBeGreaterThan(100_000);
    wb.setUser(SCHOOL);
    const sizes: number[] = [];
    for (const text of ["12", "Tuyên truyền cho học sinh khối 8", "x".repeat(5000)]) {
      const at = statSync(journal()).size;
      expect(wb.edit({ spreadsheetId: id, sheet: "Trường học", row: 30, column: 12, text }).ok).toBe(true);
      sizes.push(statSync(journal()).size - at);
      expect(sizes.at(-1)! - text.length).toBeLessThan(300);
    }
    // In proportion to the change: the long text's line is longer by the text, the others are short.
    expect(sizes[2]! - sizes[0]!).toBeGreaterThanOrEqual(4990);
    expect(readFileSync(base()).equals(before)).toBe(true);
  });

  it("replays the journal into exactly the workbook the live actions made", () => {
    wb.setUser(DEMO_OWNER);
    expect(wb.runTimeTriggers({ date: "2023-06-15", time: "07:00" }).newMail).toBe(1);
    wb.setUser(DEMO_CHAIRMAN);
    const menu = wb.state().menus[0]!.caption;
    expect(wb.clickMenu({ path: [menu, "Duyệt báo cáo tháng…"] }).opened).toBe("Duyệt báo cáo tháng");
    const panel = wb.state().dialog!.seq;
    const shown = wb.run({ panel, name: "getApprovalState", args: [null] });
    const fingerprint = (shown.value as { fingerprint: string }).fingerprint;
    const approved = wb.run({ panel, name: "approveReport", args: [{ periodKey: "2023-06", fingerprint }] });
    expect((approved.value as { ok: boolean }).ok).toBe(true);
    // The chairman may not write the office's send log: his line waits under a key with a uuid in it.
    const waiting = Object.keys(wb.snapshot().properties.document[id] ?? {}).filter((k) =>
      k.startsWith("ks.pendingSendLog."),
    );
    expect(waiting).toHaveLength(1);
    expect(open(data.dir).snapshot()).toEqual(wb.snapshot());

    wb.setUser(DEMO_OWNER);
    // The office's hourly trigger sends the approved report.
    expect(wb.runTimeTriggers({ date: "2023-06-15", time: "08:00" }).newMail).toBe(1);
    wb.setUser(POLICE);
    const refused = wb.edit({ spreadsheetId: id, sheet: "Công an xã", row: 11, column: 8, text: "9" });
    expect(refused.ok).toBe(false);
    expect(wb.journalLength).toBeGreaterThanOrEqual(8);

    const again = open(data.dir);
    expect(again.snapshot()).toEqual(wb.snapshot());
    expect(again.user).toBe(POLICE);
  });

  it("drops a line cut short by a kill, and stops at a damaged line in the middle, keeping the journal aside", () => {
    const live = wb.snapshot();
    appendFileSync(journal(), '{"seq":999,"at":"2023-06-15T01:00:00.000Z","op":{"op":"ed');
    expect(open(data.dir).snapshot()).toEqual(live);

    const lines = readFileSync(journal(), "utf8").split("\n");
    const logged: string[] = [];
    lines[2] = "{ hỏng";
    writeFileSync(journal(), lines.join("\n"));
    const partial = new Workbench({
      buildDir: BUILD,
      dataDir: data.dir,
      compactAfterMs: 0,
      log: (l) => logged.push(l),
    });
    expect(logged.join("\n")).toContain("Dòng 3");
    expect(partial.journalLength).toBe(2);
    expect(readdirSync(data.dir).some((f) => f.startsWith(`${JOURNAL_FILE}.hong-`))).toBe(true);
  });

  it("writes the whole workbook after enough actions and on close; the next start replays nothing", () => {
    const dir = tempDataDir();
    try {
      const small = open(dir.dir, { compactEvery: 3 });
      const first = statSync(join(dir.dir, STATE_FILE)).mtimeMs;
      small.setUser(SCHOOL);
      const ssId = small.state().spreadsheets[0]!.id;
      small.edit({ spreadsheetId: ssId, sheet: "Trường học", row: 40, column: 12, text: "một" });
      expect(small.journalLength).toBe(2);
      small.edit({ spreadsheetId: ssId, sheet: "Trường học", row: 41, column: 12, text: "hai" });
      expect(small.journalLength).toBe(0);
      expect(statSync(join(dir.dir, STATE_FILE)).mtimeMs).toBeGreaterThan(first);
      expect(readFileSync(join(dir.dir, JOURNAL_FILE), "utf8")).toBe("");
      small.edit({ spreadsheetId: ssId, sheet: "Trường học", row: 42, column: 12, text: "ba" });
      small.close();
      expect(readFileSync(join(dir.dir, JOURNAL_FILE), "utf8")).toBe("");
      const logged: string[] = [];
      const next = new Workbench({
        buildDir: BUILD,
        dataDir: dir.dir,
        compactAfterMs: 0,
        log: (l) => logged.push(l),
      });
      expect(logged.join("\n")).not.toContain("thao tác từ nhật ký");
      expect(next.sheet(ssId, "Trường học")!.rows[41]![11]!.d).toBe("ba");
    } finally {
      dir.remove();
    }
  });
  // issue 17: a start builds a tab's cells when they are first read; what is saved never depends on it.
  it("keeps the tabs nobody opened intact through a kill and a clean stop, and shows each tab as it was saved", () => {
    const dir = tempDataDir();
    try {
      const first = open(dir.dir);
      first.setUser(SCHOOL);
      const ssId = first.state().spreadsheets[0]!.id;
      const tabs =
        first.state().spreadsheets.length > 0
          ? first.snapshot().spreadsheets.spreadsheets[0]!.sheets.map((t) => t.name)
          : [];
      expect(tabs.length).toBeGreaterThan(10);
      // What each tab shows, read from a workbook whose every tab was read (a state taken reads them all).
      first.snapshot();
      const views = new Map(tabs.map((t) => [t, first.sheet(ssId, t)]));
      first.close();
      const saved = readFileSync(join(dir.dir, STATE_FILE), "utf8");

      // Started again: each tab, shown first thing, is what it was.
      const again = open(dir.dir);
      for (const t of tabs) expect(again.sheet(ssId, t), t).toEqual(views.get(t));
      again.close();
      // Nothing was done: the state written on the clean stop is the one read.
      expect(readFileSync(join(dir.dir, STATE_FILE), "utf8")).toBe(saved);

      // One cell typed, then killed (no close): the journal replays it onto tabs never read.
      const typed = open(dir.dir);
      const before = typed.snapshot();
      typed.setUser(SCHOOL);
      expect(
        typed.edit({ spreadsheetId: ssId, sheet: "Trường học", row: 40, column: 12, text: "Ngoại khóa" }).ok,
      ).toBe(true);
      const live = typed.snapshot();
      const replayed = open(dir.dir);
      expect(replayed.snapshot()).toEqual(live);
      // The edit changed its tab and the edit log; every other tab is as saved. The clean stop writes them all.
      const tabsOf = (st: typeof live) => st.spreadsheets.spreadsheets[0]!.sheets;
      const changed = tabsOf(live)
        .filter((t, i) => JSON.stringify(t) !== JSON.stringify(tabsOf(before)[i]))
        .map((t) => t.name);
      expect(changed).toEqual(["Trường học", "Nhật ký sửa"]);
      replayed.close();
      expect(open(dir.dir).snapshot()).toEqual(live);
    } finally {
      dir.remove();
    }
  });
});

describe("the clock and where people land", () => {
  const data = tempDataDir();
  let wb: Workbench;
  beforeAll(() => {
    wb = open(data.dir);
  });
  afterAll(() => data.remove());

  it("suggests the next monthly run after the clock, and never lets time go back", () => {
    expect(wb.state().nowText).toBe("14/06/2023 16:00");
    expect([wb.state().suggestedRunDate, wb.state().suggestedRunTime]).toEqual(["2023-06-15", "07:00"]);
    const back = wb.runTimeTriggers({ date: "2023-06-10", time: "07:00" });
    expect(back.ok).toBe(false);
    expect(back.message).toContain("thời gian không lùi lại được");
    expect(wb.setClock({ date: "2023-06-14", time: "15:59" }).ok).toBe(false);
    expect(wb.state().nowText).toBe("14/06/2023 16:00");
    const ran = wb.runTimeTriggers({ date: "2023-06-15", time: "07:00" });
    expect(ran.executions.map((e) => e.label)).toEqual(["Báo cáo tháng", "Việc hằng ngày", "Việc hằng giờ"]);
    // The draft's rows entered on the day are not "in the future": the report was made at 15/06 07:00.
    expect(wb.state().nowText).toBe("15/06/2023 07:00");
    expect([wb.state().suggestedRunDate, wb.state().suggestedRunTime]).toEqual(["2023-07-15", "07:00"]);
  });

  it("names each trigger in Vietnamese, by what it does", () => {
    const monthly = wb.state().triggers.find((t) => t.handler === "onMonthlyTrigger")!;
    expect(monthly.label).toBe("Báo cáo tháng");
    expect(monthly.when).toBe("ngày 15 hằng tháng, 07:00");
    expect(monthly.does).toContain("dự thảo báo cáo");
    for (const t of wb.state().triggers) expect(t.label, t.handler).not.toBe(t.handler);
  });

  it("lands each person on their unit's tab, then where they last looked, after a restart too", () => {
    const id = wb.state().spreadsheets[0]!.id;
    wb.setUser(SCHOOL);
    expect(wb.state().place).toEqual({ spreadsheetId: id, sheet: "Trường học" });
    expect(wb.sheet(id, undefined)!.name).toBe("Trường học");
    wb.setUser(POLICE);
    expect(wb.state().place?.sheet).toBe("Công an xã");
    wb.setUser(DEMO_OWNER);
    expect(wb.activate(id, "Tổng hợp").ok).toBe(true);
    // Someone else's look at the rollup tab moves nobody else there.
    wb.setUser(SCHOOL);
    expect(wb.state().place?.sheet).toBe("Trường học");
    expect(wb.activate(id, "Công an xã").ok).toBe(true);
    const again = open(data.dir);
    expect(again.state().place?.sheet).toBe("Công an xã");
    again.setUser(DEMO_OWNER);
    expect(again.state().place?.sheet).toBe("Tổng hợp");
    // Google's own first sheet was reused by setup: no "Trang tính1" or "Sheet1" left over.
    const tabs = again.sheet(id, undefined)!.tabs.map((t) => t.name);
    expect(tabs.filter((t) => /^(Trang tính|Sheet)\d+$/.test(t))).toEqual([]);
  });

  it("offers any spreadsheet a person may open as a download, and none other", () => {
    const id = wb.state().spreadsheets[0]!.id;
    wb.setUser(DEMO_OWNER);
    const file = wb.download(id)!;
    expect(file.tabs.map((t) => t.name)).toContain("Công an xã");
    expect(file.tabs.find((t) => t.name === "Nhật ký sửa")?.hidden).toBe(true);
    expect(file.tabs.find((t) => t.name === "Công an xã")!.values[1]![0]).toBeInstanceOf(Date);
    wb.setUser("lanhdao@tuky.example");
    expect(wb.download(id)).toBeUndefined();
  });
});
