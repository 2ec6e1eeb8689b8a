/**
 * What a reader would notice about a page's layout, measured in Chromium: a page wider than the
 * screen (a horizontal scroll), and text cut off – a line of text reaching past the screen's edge, or
 * an element that hides part of its content.
 */
import type { Page } from "playwright-core";

export interface LayoutFacts {
  viewportWidth: number;
  scrollWidth: number;
  /** Text that reaches outside the screen or is hidden by an element too small for it. */
  cut: string[];
}

export function measureLayout(page: Page): Promise<LayoutFacts> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const cut: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? "").trim();
      if (!text) continue;
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width > 0 && (r.left < -0.5 || r.right > width + 0.5)) {
          cut.push(`"${text.slice(0, 40)}" spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
          break;
        }
      }
    }
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      const style = getComputedStyle(el);
      const hides = /hidden|clip/.test(style.overflowX) || /hidden|clip/.test(style.overflowY);
      if (hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        cut.push(
          `<${el.tagName.toLowerCase()}> hides part of "${(el.textContent ?? "").trim().slice(0, 40)}"`,
        );
      }
    }
    return { viewportWidth: width, scrollWidth: document.documentElement.scrollWidth, cut };
  });
}
