/**
 * The monthly report email as a mail client would show it: the HTML the bundle sends, rendered in
 * headless Chromium with scripts off, on a phone (360, 390 px), a small tablet (600 px) and a desktop
 * (1200 px). The markup must be whole, the layout that of an administrative report, nothing wider than
 * the screen and no text cut, indicators as a table on a desktop and as cards on a phone – and still
 * readable when the client drops the <style> block and keeps only inline styles.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment } from "../../src/local/emulator/index";
import { CODE, OWNER, SETTINGS, setUpSheet } from "../gas/harness";
import { typeApril } from "../gas/month";
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
