/**
 * The monthly report email as a mail client would show it: the HTML the bundle sends, rendered in
 * headless Chromium with scripts off. The markup must be whole, the layout that of an administrative
 * report, and every value from settings or cells shown as text, never as markup.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment } from "../../src/local/emulator/index";
import { CODE, OWNER, SETTINGS, setUpSheet } from "../gas/harness";
import { typeApril } from "../gas/month";
import { useBrowser } from "./harness";

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

describe("the report email in a browser", () => {
  it("renders whole, in the administrative layout, with hostile values shown as text", async () => {
    const html = reportHtml();
    const context = await browser().newContext({
      javaScriptEnabled: false,
      viewport: { width: 800, height: 1200 },
    });
    const page = await context.newPage();
    await page.setContent(html);
    const facts = await page.evaluate(() => ({
      text: document.body.textContent ?? "",
      tables: document.querySelectorAll("table").length,
      scripts: document.querySelectorAll("script, style, link, img").length,
      bold: [...document.querySelectorAll("b")].map((b) => b.textContent),
      bars: [...document.querySelectorAll("td[width$='%']")].map((td) => td.getAttribute("width")),
      width: document.body.scrollWidth,
    }));
    // Every <table> in the source became an element: nothing swallowed by broken markup.
    expect(facts.tables).toBe((html.match(/<table\b/g) ?? []).length);
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
      "Nơi nhận:",
      "Nguyễn Đức Thuận",
    ]) {
      expect(facts.text).toContain(line);
    }
    // A progress bar per percentage indicator, capped at 100 % of its cell.
    expect(facts.bars.length).toBeGreaterThanOrEqual(6);
    expect(facts.bars.every((w) => Number.parseInt(w ?? "0", 10) <= 100)).toBe(true);
    // It fits a mail client's reading pane without a horizontal scroll.
    expect(facts.width).toBeLessThanOrEqual(800);
    const dir = join(__dirname, "../../test-results");
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, "report-email.png"), fullPage: true });
    await context.close();
  });
});
