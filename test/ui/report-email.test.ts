/**
 * The monthly report email as a mail client would show it: the HTML the bundle sends, rendered in
 * headless Chromium with scripts off, on a phone (360, 390 px), a small tablet (600 px) and a desktop
 * (1200 px). The markup must be whole, the layout that of an administrative report, nothing wider than
 * the screen and no text cut, indicators as a table on a desktop and as cards on a phone – and still
 * readable when the client drops the <style> block and keeps only inline styles. The same for what
 * approval adds: the draft's notice, the chairman's stamp under the signer, the corrections made after
 * an approval.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment } from "../../src/local/emulator/index";
import { CODE, columnOf, OWNER, SETTINGS, setUpSheet, sheet } from "../gas/harness";
import { typeApril } from "../gas/month";
import { CHAIRMAN, OFFICE, officeSheet, typeAprilByStaff } from "../gas/people";
import { RESULTS_DIR, useBrowser } from "./harness";
import { measureLayout } from "./layout";

const HOSTILE_NAME = 'UBND huyện <b>Tứ Kỳ</b> & "các ngành" <img src=x onerror=alert(1)>';

const browser = useBrowser();

function reportHtml(): string {
  const env = createEnvironment(appWorld({ owner: OWNER, now: new Date("2023-04-10T09:00:00+07:00") }));
  env.load(CODE);
  setUpSheet(env);
  env.runFromClient("saveSettings", [{ ...SETTINGS, upperLevelName: HOSTILE_NAME }]);
  typeApril(env);
  env.runTimeTriggers(new Date("2023-04-15T07:00:00+07:00"));
  const mail = env.outbox.find((m) => m.subject.startsWith("Kết quả thực hiện"));
  if (!mail?.htmlBody) throw new Error("no report sent");
  return mail.htmlBody;
}

const html = reportHtml();

/**
 * Through the bundle, as the people of test/gas/approval.test.ts live it: April approved and sent, the
 * office corrects an April figure, May's draft (notice, correction) and May's report once approved
 * (stamp, correction).
 */
function approvalHtml(): { draft: string; approved: string } {
  const env = officeSheet();
  typeAprilByStaff(env);
  const approve = (periodKey: string, sendAt: string) => {
    env.setUser(CHAIRMAN);
    const state = env.runFromClient("getApprovalState", [periodKey]);
    if (!state.ok) throw new Error(state.error);
    const { fingerprint } = state.value as { fingerprint: string };
    if (!env.runFromClient("approveReport", [{ periodKey, fingerprint }]).ok) throw new Error("not approved");
    env.advanceTo(new Date(sendAt));
  };
  env.runTimeTriggers(new Date("2023-04-15T07:00:00+07:00"));
  approve("2023-04", "2023-04-15T08:30:00+07:00");
  const police = sheet(env, "Công an xã");
  const column = columnOf(env, "Công an xã", "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)");
  const row =
    police
      .getRange(1, column, police.getLastRow(), 1)
      .getValues()
      .findIndex((r, i) => i > 0 && r[0] !== "") + 1;
  env.setUser(OFFICE);
  env.userEdit("Công an xã", police.getRange(row, column).getA1Notation(), "5", { typed: true });
  env.runTimeTriggers(new Date("2023-05-15T07:00:00+07:00"));
  const draft = env.outbox.at(-1)!.htmlBody ?? "";
  approve("2023-05", "2023-05-15T09:30:00+07:00");
  const approved = env.outbox.at(-1)!;
  if (!approved.subject.startsWith("Kết quả thực hiện"))
    throw new Error(`not the report: ${approved.subject}`);
  return { draft, approved: approved.htmlBody ?? "" };
}

const approval = approvalHtml();

async function show(width: number, markup = html) {
  const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.setContent(markup);
  return { page, close: () => context.close() };
}

/** How the indicator rows are laid out: their cells side by side (a table) or one under another (cards). */
function rowShape(page: import("playwright-core").Page) {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll(".ks-row")];
    const head = document.querySelector<HTMLElement>(".ks-head");
    return {
      rows: rows.length,
      headShown: head ? getComputedStyle(head).display !== "none" : false,
      sideBySide: rows.filter((r) => {
        const tops = [...r.children].map((c) => Math.round(c.getBoundingClientRect().top));
        return new Set(tops).size === 1;
      }).length,
    };
  });
}

describe("the report email in a browser", () => {
  it("renders whole, in the administrative layout, with hostile values shown as text", async () => {
    const { page, close } = await show(800);
    const facts = await page.evaluate(() => ({
      text: document.body.textContent ?? "",
      scripts: document.querySelectorAll("script, link, img").length,
      bold: [...document.querySelectorAll("b")].map((b) => b.textContent),
      bars: [...document.querySelectorAll("td[width$='%']")].map((td) => td.getAttribute("width")),
      divs: document.querySelectorAll("div").length,
    }));
    // Every <div> in the source became an element: nothing swallowed by broken markup.
    expect(facts.divs).toBe((html.match(/<div\b/g) ?? []).length);
    expect(facts.scripts).toBe(0);
    expect(facts.text).toContain(HOSTILE_NAME);
    expect(facts.bold).not.toContain("Tứ Kỳ");
    for (const line of [
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Quang Khải, ngày 15 tháng 4 năm 2023",
      "BÁO CÁO",
      "CT2c",
      "33,3 %",
      "Đánh giá: kết quả luỹ kế đến hết kỳ so với mục tiêu của cả năm.",
      "Nơi nhận:",
      "Nguyễn Đức Thuận",
    ]) {
      expect(facts.text).toContain(line);
    }
    // A progress bar per percentage indicator with a figure, capped at 100 % of its cell.
    expect(facts.bars.length).toBeGreaterThanOrEqual(6);
    expect(facts.bars.every((w) => Number.parseInt(w ?? "0", 10) <= 100)).toBe(true);
    await close();
  });

  const dir = join(RESULTS_DIR, "report-email");
  mkdirSync(dir, { recursive: true });
  const measured: string[] = [];

  for (const width of [360, 390, 600, 1200]) {
    it(`fits ${width} px: no horizontal scroll, no text cut, indicators as ${width < 600 ? "cards" : "a table"}`, async () => {
      const { page, close } = await show(width);
      const facts = await measureLayout(page);
      measured.push(`${width}: scrollWidth ${facts.scrollWidth}`);
      expect(facts.scrollWidth).toBeLessThanOrEqual(width);
      expect(facts.cut).toEqual([]);
      const shape = await rowShape(page);
      expect(shape.rows).toBe(9);
      if (width < 600) {
        // Cards: the column headings go, each indicator's parts stack.
        expect(shape.headShown).toBe(false);
        expect(shape.sideBySide).toBe(0);
      } else {
        expect(shape.headShown).toBe(true);
        expect(shape.sideBySide).toBe(9);
      }
      await page.screenshot({ path: join(dir, `${width}.png`), fullPage: true });
      await close();
    });
  }

  for (const [name, markup, parts] of [
    ["the draft to the chairman", approval.draft, ["DỰ THẢO – CHỜ CHỦ TỊCH DUYỆT", "IV. SỐ LIỆU ĐIỀU CHỈNH"]],
    ["the approved report", approval.approved, ["Đã duyệt: " + CHAIRMAN, "IV. SỐ LIỆU ĐIỀU CHỈNH"]],
  ] as const) {
    it(`${name}: what approval adds fits 360, 390, 600 and 1200 px`, async () => {
      for (const width of [360, 390, 600, 1200]) {
        const { page, close } = await show(width, markup);
        const facts = await measureLayout(page);
        const text = await page.evaluate(() => document.body.textContent ?? "");
        for (const part of parts) expect(text, `${name} at ${width} px`).toContain(part);
        expect(text).toContain("Công an xã – Tin tố giác, tin báo, khiếu nại tiếp nhận: 3 → 5");
        expect(facts.scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(width);
        expect(facts.cut, `${name} at ${width} px`).toEqual([]);
        if (width === 390) await page.screenshot({ path: join(dir, `${name}-390.png`), fullPage: true });
        await close();
      }
    });
  }

  it("reads well with inline styles alone (a client that drops <style>), even at 360 px", async () => {
    const bare = html.replace(/<style>[^<]*<\/style>/, "");
    expect(bare).not.toContain("<style");
    for (const width of [360, 1200]) {
      const { page, close } = await show(width, bare);
      const facts = await measureLayout(page);
      expect(facts.scrollWidth).toBeLessThanOrEqual(width);
      expect(facts.cut).toEqual([]);
      const shape = await rowShape(page);
      // Without the media query the blocks still stack on a phone and line up on a desktop.
      expect(shape.sideBySide).toBe(width < 600 ? 0 : 9);
      await close();
    }
    console.log(`report email, scrollWidth by viewport: ${measured.join("; ")}`);
  });
});
