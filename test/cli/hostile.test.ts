/**
 * A share of the hostile-input corpus on every test run: every sixth workbook of the corpus, and every link case (the
 * full-size zip bomb left to `npm run reliability:cli`, which runs all of them and writes
 * RELIABILITY.md). Zero of everything that must never happen.
 */
import { describe, expect, it } from "vitest";
import type { Family } from "../../src/local/cli/hostile/cases";
import { hostileCorpus } from "../../src/local/cli/hostile/cases";
import { runCase, runTogether, summarize } from "../../src/local/cli/hostile/run";

const corpus = hostileCorpus();

describe("the hostile-input corpus of the command line", () => {
  it("has at least 300 workbooks in every family the issue names", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const families = new Set<Family>(corpus.map((c) => c.family));
    expect([...families].sort()).toEqual(
      [
        "kiểu ô",
        "chuỗi dị thường",
        "dạng Unicode",
        "trang tính",
        "dòng tiêu đề",
        "gộp ô",
        "ô ở xa",
        "tệp hỏng/độc hại",
        "liên kết",
      ].sort(),
    );
  });

  it("a share of every family: no crash, no stack trace, no English, the documented exit codes, no typed text in the HTML", async () => {
    const share = corpus.filter((c, i) => !c.slow && (i % 6 === 0 || c.family === "liên kết"));
    const byFamily = new Set(share.map((c) => c.family));
    expect(byFamily.size).toBe(9);
    const results = [];
    for (const c of share) results.push(await runCase(c));
    results.push(await runTogether(share));
    const summary = summarize(results);
    const failures = summary.results.filter((r) => r.faults.length > 0).map((r) => [r.id, r.faults]);
    expect(failures).toEqual([]);
    expect(Object.values(summary.faults).every((n) => n === 0)).toBe(true);
    expect(summary.commands).toBeGreaterThan(3 * share.length);
  }, 240_000);
});
