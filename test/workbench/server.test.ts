/**
 * The workbench server without a browser: the seeded demo against the real bundle, the state file,
 * and the server's refusals (it never trusts the page). In-process, on a free port, with a temp folder.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitColumns } from "../../src/core/columns";
import { defaultPlan } from "../../src/plans";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment } from "../../src/local/emulator/index";
import * as z from "zod/mini";
import { demoState } from "../../src/local/workbench/demo-cache";
import {
  createDemoEnvironment,
  DEMO_CHAIRMAN,
  DEMO_EDITORS,
  DEMO_NOW,
  DEMO_OWNER,
  DEMO_PERIODS,
  demoRows,
} from "../../src/local/workbench/demo";
import type { ActionResult, OpenResult, SheetView, StateView } from "../../src/local/workbench/protocol";
import { ClockRequestSchema } from "../../src/local/workbench/protocol";
import { type RunningWorkbench, startWorkbench } from "../../src/local/workbench/server";
import { STATE_FILE, Workbench } from "../../src/local/workbench/workbench";
import { ROOT, SCHOOL, tempDataDir } from "./harness";

const BUILD = join(ROOT, "build");

describe("the seeded demo", () => {
  const rows = demoRows();

  it("is the same every time and changes with the seed", () => {
    expect(demoRows()).toEqual(rows);
    expect(demoRows(7)).not.toEqual(rows);
  });

  it("covers every unit of the plan across 15/03 – 14/06/2023, typed by the unit's editors before the demo's today", () => {
    for (const unit of defaultPlan.units)
      expect(
        rows.some((r) => r.unitId === unit.id),
        unit.id,
      ).toBe(true);
    const first = DEMO_PERIODS[0]!.start;
    const last = DEMO_PERIODS[DEMO_PERIODS.length - 1]!.end;
    for (const r of rows) {
      expect(r.date >= first && r.date <= last, r.date).toBe(true);
      expect(r.typedAt.getTime()).toBeLessThan(DEMO_NOW.getTime());
      expect(r.typedAt.getTime()).toBeGreaterThanOrEqual(new Date(`${r.date}T00:00:00+07:00`).getTime());
      expect(DEMO_EDITORS[r.unitId]).toContain(r.typedBy);
    }
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.typedAt.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.typedAt.getTime());
    }
    expect(rows.filter((r) => r.mistake).length).toBeGreaterThanOrEqual(3);
  });
});

describe("the demo kept between starts", () => {
  it("is exactly the workbook typed afresh", () => {
    const code = readFileSync(join(BUILD, "Code.js"), "utf8");
    const ids = () => {
      let n = 0;
      return () => `id-${n++}`;
    };
    const kept = demoState(code, BUILD, ids());
    expect(kept).toEqual(createDemoEnvironment({ code, htmlDir: BUILD, uuid: ids() }).snapshot());
    expect(kept.now).toBe(DEMO_NOW.toISOString());
  });
});

describe("the workbench over the real bundle", () => {
  const data = tempDataDir();
  let wb: Workbench;

  beforeAll(() => {
    wb = new Workbench({ buildDir: BUILD, dataDir: data.dir, compactAfterMs: 0 });
  });
  afterAll(() => data.remove());

  it("types the demo so that the add-in marks exactly the deliberate mistakes", () => {
    const id = wb.state().spreadsheets[0]!.id;
    for (const unit of defaultPlan.units) {
      const view = wb.sheet(id, unit.tabName)!;
      const statusAt = unitColumns(defaultPlan, unit).findIndex((c) => c.key === "status");
      const typed = demoRows().filter((r) => r.unitId === unit.id);
      typed.forEach((r, i) => {
        const shown = view.rows[i + 1]![statusAt]!.d ?? "";
        if (r.mistake) expect(shown, `${unit.tabName} row ${i + 2}: ${r.mistake}`).not.toBe("✓ Hợp lệ");
        else expect(shown, `${unit.tabName} row ${i + 2}`).toBe("✓ Hợp lệ");
      });
      expect(view.rows[typed.length + 1]?.[0]?.d ?? "").toBe("");
    }
  });

  it("lists the office, the chairman, every unit's editors and the upper level as people to act as", () => {
    const users = wb.users();
    expect(users[0]).toEqual({
      email: DEMO_OWNER,
      label: "Văn phòng UBND xã (chủ bảng tính)",
      group: "owner",
    });
    expect(users.find((u) => u.email === DEMO_CHAIRMAN)).toEqual({
      email: DEMO_CHAIRMAN,
      label: "Chủ tịch UBND xã",
      group: "chairman",
    });
    for (const emails of Object.values(DEMO_EDITORS)) {
      for (const e of emails) expect(users.find((u) => u.email === e)?.group).toBe("editor");
    }
    expect(users.find((u) => u.email === "lanhdao@tuky.example")?.label).toBe("Cấp trên: UBND huyện Tứ Kỳ");
  });

  it("shows each tab as the acting user may use it: dropdowns, help, and locks with the reason", () => {
    wb.setUser(SCHOOL);
    const id = wb.state().spreadsheets[0]!.id;
    const school = wb.sheet(id, "Trường học")!;
    const task = school.rows[1]![1]!;
    expect(school.lists[task.list!]).toEqual(defaultPlan.units.find((u) => u.id === "truongHoc")!.tasks);
    expect(task.lock).toBeUndefined();
    expect(school.locks[school.rows[0]![0]!.lock!]).toContain("tiêu đề");
    const police = wb.sheet(id, "Công an xã")!;
    expect(police.locks[police.rows[1]![1]!.lock!]).toContain("congan@quangkhai.example");
  });

  it("saves after every change and opens the saved workbook again", () => {
    const id = wb.state().spreadsheets[0]!.id;
    const r = wb.edit({ spreadsheetId: id, sheet: "Trường học", row: 20, column: 8, text: "Ghi thử" });
    expect(r.ok).toBe(true);
    expect(r.executions.map((e) => e.functionName)).toContain("onEditInstalled");
    const again = new Workbench({ buildDir: BUILD, dataDir: data.dir, compactAfterMs: 0 });
    expect(again.user).toBe(SCHOOL);
    expect(again.sheet(id, "Trường học")!.rows[19]![7]!.d).toBe("Ghi thử");
  });

  it("keeps a damaged state file aside and starts the demo again", () => {
    writeFileSync(join(data.dir, STATE_FILE), "{ not json");
    const lines: string[] = [];
    const fresh = new Workbench({
      buildDir: BUILD,
      dataDir: data.dir,
      compactAfterMs: 0,
      log: (l) => lines.push(l),
    });
    expect(fresh.user).toBe(DEMO_OWNER);
    expect(readdirSync(data.dir).some((f) => f.startsWith(`${STATE_FILE}.hong-`))).toBe(true);
    expect(lines.join("\n")).toContain("Không đọc được");
    expect(JSON.parse(readFileSync(join(data.dir, STATE_FILE), "utf8")).format).toBe(
      "ke-hoach-sheet-workbench",
    );
  });
});

/** A request with any Host header (fetch will not send a foreign one). */
function rawGet(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the server never trusts the page", () => {
  const data = tempDataDir();
  let server: RunningWorkbench;
  let base: string;

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path.slice(1), {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const state = async () => (await (await fetch(`${base}api/state`)).json()) as StateView;

  beforeAll(async () => {
    server = await startWorkbench({ port: 0, buildDir: BUILD, dataDir: data.dir });
    base = server.url;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    data.remove();
  });

  it("serves the page with a strict content policy, only to its own address", async () => {
    const res = await fetch(base);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(await rawGet(server.port, "/api/state", "evil.example")).toBe(421);
    expect(await rawGet(server.port, "/api/state", `127.0.0.1:${server.port}`)).toBe(200);
  });

  // issue 17: one response before the page's script runs, and no inline code but the page's own.
  it("serves the page's styles and script in the page itself, allowed by their hashes alone", async () => {
    const res = await fetch(base);
    const html = await res.text();
    const policy = res.headers.get("content-security-policy")!;
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(script).toContain("/api/open");
    expect(style).toContain(".grid-wrap");
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(policy).toContain(`script-src 'self' ${hash(script)};`);
    expect(policy).toContain(`style-src 'self' ${hash(style)};`);
    expect(policy).not.toContain("unsafe-inline");
    // Nothing in them ends their element early.
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
    expect(html.match(/<\/style>/gi)).toHaveLength(1);
  });

  it("says its address before it opens the workbook, and answers the first request once it is open", async () => {
    const dir = tempDataDir();
    const said: string[] = [];
    let answered: Promise<Response> | undefined;
    try {
      const running = await startWorkbench({
        port: 0,
        buildDir: BUILD,
        dataDir: dir.dir,
        log: (line) => said.push(line),
        listening: (url) => {
          said.push(`listening ${url}`);
          // Asked at once, as a browser would: read when the workbook is open.
          answered = fetch(`${url}api/state`);
        },
      });
      try {
        expect(said[0]).toBe(`listening ${running.url}`);
        expect(said.slice(1).join("\n")).toContain("Đã tạo bảng tính mẫu");
        const first = await answered!;
        expect(first.status).toBe(200);
        expect(((await first.json()) as StateView).spreadsheets.length).toBeGreaterThan(0);
      } finally {
        await running.close();
      }
    } finally {
      dir.remove();
    }
  }, 60_000);

  it("answers the page's opening call with the tab the person lands on, as the page would ask for it", async () => {
    for (const email of [SCHOOL, DEMO_OWNER]) {
      expect((await post("/api/user", { email })).status).toBe(200);
      const opened = (await post("/api/open", {})).body as unknown as OpenResult;
      const place = opened.state.place!;
      expect(opened.sheet?.name).toBe(place.sheet);
      const asked = `${base}api/sheet?ss=${encodeURIComponent(place.spreadsheetId)}&name=${encodeURIComponent(place.sheet)}`;
      expect(opened.sheet).toEqual(await (await fetch(asked)).json());
    }
  });

  it("refuses requests from other sites, other content types and malformed bodies", async () => {
    expect((await post("/api/reset", {}, { Origin: "http://evil.example" })).status).toBe(403);
    expect((await post("/api/reset", "{}", { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await post("/api/edit", "{ nope")).status).toBe(400);
    const bad = await post("/api/edit", {
      spreadsheetId: "x",
      sheet: "Công an xã",
      row: -1,
      column: 1,
      text: "1",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("row");
    expect((await post("/api/triggers", { date: "15/06/2023", time: "07:00" })).status).toBe(400);
  });

  it("reads a picked plan document only as .txt or .docx, and says in Vietnamese what else to do", async () => {
    const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
    const pdf = await post("/api/plan-document", { name: "ke-hoach.pdf", base64: b64("%PDF-1.4") });
    expect(pdf.status).toBe(400);
    expect(pdf.body.message).toContain("Chưa đọc được tệp .pdf");
    // A zip named .txt (a .docx renamed) is named as such, not read as text.
    const zip = await post("/api/plan-document", { name: "ke-hoach.txt", base64: b64("PK\u0003\u0004") });
    expect(zip.status).toBe(400);
    expect(zip.body.message).toContain("là tệp nén");
    const broken = await post("/api/plan-document", { name: "ke-hoach.docx", base64: b64("not a zip") });
    expect(broken.status).toBe(400);
    expect(broken.body.message).toContain("không đọc được như văn bản Word (.docx)");
    expect((await post("/api/plan-document", { name: "a.txt", base64: "%%%" })).status).toBe(400);
    expect((await fetch(`${base}api/state`)).status).toBe(200);
  });

  it("answers 400, never 500, to a body nested 100,000 deep, and keeps serving", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    for (const [path, body] of [
      ["/api/run", `{"panel":1,"name":"getEntryFormState","args":[${deep}]}`],
      ["/api/edit", `{"spreadsheetId":${deep}}`],
      ["/api/clock", deep],
    ] as const) {
      const r = await post(path, body);
      expect(r.status, path).toBe(400);
      expect(r.body.message, path).toBe("Dữ liệu gửi lên lồng nhau quá sâu (quá 64 cấp).");
    }
    // Brackets inside a string are text, not nesting.
    const text = await post("/api/user", { email: "[".repeat(400) });
    expect(text.status).toBe(400);
    expect(text.body.message).toBe("Yêu cầu không hợp lệ (email).");
    expect((await fetch(`${base}api/state`)).status).toBe(200);
  });

  it("refuses a day that is not in the calendar, with the clock left as it was", async () => {
    const before = (await state()).now;
    for (const date of ["2023-02-30", "2023-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "1899-12-31"]) {
      for (const path of ["/api/clock", "/api/triggers"]) {
        const r = await post(path, { date, time: "07:00" });
        expect(r.status, `${path} ${date}`).toBe(400);
        expect(r.body.message, `${path} ${date}`).toBe(
          "Yêu cầu không hợp lệ (date: ngày không có trong lịch; hãy chọn một ngày từ năm 2000 đến 2100).",
        );
      }
    }
    expect((await state()).now).toBe(before);
    expect(z.safeParse(ClockRequestSchema, { date: "2024-02-29", time: "23:59" }).success).toBe(true);
  });

  it("acts only as listed people, through real menu items, on open pages, with the script's public functions", async () => {
    expect((await post("/api/user", { email: "nguoi.la@example.com" })).body.ok).toBe(false);
    const menu = await post("/api/menu", { path: ["Phòng, chống mại dâm 2023", "eval"] });
    expect(menu.body).toMatchObject({ ok: false, message: "Không có mục menu này." });
    const closed = await post("/api/run", { panel: 999, name: "getEntryFormState", args: [] });
    expect(closed.body).toMatchObject({ ok: false, error: "Trang này đã đóng. Hãy mở lại từ menu." });

    expect((await post("/api/user", { email: SCHOOL })).body.ok).toBe(true);
    const opened = (await post("/api/menu", { path: ["Phòng, chống mại dâm 2023", "Nhập báo cáo…"] }))
      .body as unknown as ActionResult;
    expect(opened.ok).toBe(true);
    const panel = (await state()).sidebar!;
    expect(panel.width).toBe(300);

    const page = await fetch(`${base}panel/${panel.seq}`);
    expect(page.headers.get("content-security-policy")).toMatch(/^sandbox allow-scripts/);
    const html = await page.text();
    expect(html.indexOf("window.__ksPanel")).toBeGreaterThan(0);
    expect(html.indexOf("window.__ksPanel")).toBeLessThan(html.indexOf("<title>"));

    for (const name of ["eval", "constructor", "__proto__", "onOpen_", "require"]) {
      const r = await post("/api/run", { panel: panel.seq, name, args: [] });
      expect(r.body.error, name).toBe(`TypeError: google.script.run.${name} is not a function`);
    }
    const form = await post("/api/run", { panel: panel.seq, name: "getEntryFormState", args: [] });
    expect(form.body.ok).toBe(true);
    expect((form.body.value as { user: string }).user).toBe(SCHOOL);
    // The bundle itself refuses another unit for this person; the workbench passes the refusal on.
    const other = await post("/api/run", {
      panel: panel.seq,
      name: "submitEntry",
      args: [
        {
          unitId: "congAnXa",
          fields: { date: "16/06/2023", task: "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm" },
        },
      ],
    });
    expect(other.body.ok).toBe(true);
    expect(other.body.value).toMatchObject({ ok: false });
    expect(String((other.body.value as { message: string }).message)).toContain("không được giao nhập liệu");
  });

  it("types into the grid only as Google lets the acting user, and says why not in Vietnamese", async () => {
    const id = (await state()).spreadsheets[0]!.id;
    const sheetUrl = `${base}api/sheet?ss=${encodeURIComponent(id)}&name=${encodeURIComponent("Công an xã")}`;
    const before = (await (await fetch(sheetUrl)).json()) as SheetView;
    const r = await post("/api/edit", {
      spreadsheetId: id,
      sheet: "Công an xã",
      row: 2,
      column: 2,
      text: "x",
    });
    expect(r.body.ok).toBe(false);
    expect(r.body.message).toMatch(
      /^Ô này được bảo vệ: bạn không có quyền sửa\. \(Google: You are trying to edit a protected cell/,
    );
    const after = (await (await fetch(sheetUrl)).json()) as SheetView;
    expect(after.rows[1]![1]).toEqual(before.rows[1]![1]);
  });

  it("serves mail HTML only into a sandbox without scripts, attachments only as downloads", async () => {
    expect((await post("/api/user", { email: DEMO_OWNER })).body.ok).toBe(true);
    const ran = (await post("/api/triggers", { date: "2023-06-15", time: "07:00" }))
      .body as unknown as ActionResult;
    // The draft to the chairman and the office.
    expect(ran.newMail).toBe(1);
    const html = await fetch(`${base}mail/0/html`);
    const csp = html.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/^sandbox;/);
    expect(csp).not.toContain("allow-scripts");
    // The chairman approves from his dialog: the report, with the copy attached, goes up.
    expect((await post("/api/user", { email: DEMO_CHAIRMAN })).body.ok).toBe(true);
    await post("/api/menu", { path: ["Phòng, chống mại dâm 2023", "Duyệt báo cáo tháng…"] });
    const dialog = (await state()).dialog!;
    const shown = await post("/api/run", { panel: dialog.seq, name: "getApprovalState", args: [null] });
    const fingerprint = (shown.body.value as { fingerprint: string }).fingerprint;
    const approved = await post("/api/run", {
      panel: dialog.seq,
      name: "approveReport",
      args: [{ periodKey: "2023-06", fingerprint }],
    });
    expect((approved.body.value as { ok: boolean }).ok).toBe(true);
    // The office account's hourly trigger sends it.
    const hourly = (await post("/api/triggers", { date: "2023-06-20", time: "10:00" }))
      .body as unknown as ActionResult;
    expect(hourly.newMail).toBe(1);
    const file = await fetch(`${base}mail/1/attachments/0`);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="Ban xem/);
    expect((await fetch(`${base}mail/9/html`)).status).toBe(404);
  });
});

describe("questions the script asks", () => {
  // A tiny script: its menu item writes a cell, then asks; only "Có" keeps a second write.
  const CODE = `
function onOpen() { SpreadsheetApp.getUi().createMenu("Thử").addItem("Xoá dữ liệu", "wipe").addToUi(); }
function wipe() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange("A1").setValue("đã bấm");
  var ui = SpreadsheetApp.getUi();
  if (ui.alert("Xác nhận", "Xoá thật?", ui.ButtonSet.YES_NO) === ui.Button.YES) sheet.getRange("B1").setValue("đã xoá");
  ui.alert("Xong");
}`;
  const data = tempDataDir();
  const build = join(data.dir, "build");
  let wb: Workbench;

  beforeAll(() => {
    mkdirSync(build, { recursive: true });
    writeFileSync(join(build, "Code.js"), CODE);
    const env = createEnvironment(appWorld({ owner: DEMO_OWNER, now: DEMO_NOW }));
    const saved = { format: "ke-hoach-sheet-workbench", version: 1, env: env.snapshot() };
    writeFileSync(join(data.dir, STATE_FILE), JSON.stringify(saved));
    wb = new Workbench({ buildDir: build, dataDir: data.dir, compactAfterMs: 0 });
  });
  afterAll(() => data.remove());

  const cells = () => {
    const view = wb.sheet(wb.state().spreadsheets[0]!.id, undefined)!;
    return [view.rows[0]?.[0]?.d ?? "", view.rows[0]?.[1]?.d ?? ""];
  };

  it("goes to the page with nothing done, then runs with the answers given", () => {
    expect(existsSync(join(data.dir, STATE_FILE))).toBe(true);
    const asked = wb.clickMenu({ path: ["Thử", "Xoá dữ liệu"] });
    expect(asked.question).toEqual({
      kind: "alert",
      title: "Xác nhận",
      prompt: "Xoá thật?",
      buttons: "YES_NO",
    });
    expect(cells()).toEqual(["", ""]);

    const no = wb.clickMenu({ path: ["Thử", "Xoá dữ liệu"], answers: [{ button: "NO" }] });
    expect(no.question).toBeUndefined();
    expect(no.alerts.map((a) => a.title || a.prompt)).toEqual(["Xác nhận", "Xong"]);
    expect(cells()).toEqual(["đã bấm", ""]);

    const yes = wb.clickMenu({ path: ["Thử", "Xoá dữ liệu"], answers: [{ button: "YES" }] });
    expect(yes.ok).toBe(true);
    expect(cells()).toEqual(["đã bấm", "đã xoá"]);
  });
});
