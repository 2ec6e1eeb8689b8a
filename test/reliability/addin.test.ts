/**
 * The add-in's reliability suite (src/local/reliability), at a smaller size than `npm run reliability`
 * so that it runs on every `npm test` and cannot rot: randomized use against a twin without the add-in,
 * the monthly send under faults, every exported function as the office, a unit's staff and a stranger.
 */
import { describe, expect, it } from "vitest";
import { runSuite, suiteMarkdown } from "../../src/local/reliability/index";
import { OFFICE, POLICE, STRANGER } from "../../src/local/reliability/world";

describe("the add-in's reliability suite, small", () => {
  const result = runSuite({ actions: 400, seed: 7, people: [OFFICE, POLICE, STRANGER] });
  const report = suiteMarkdown(result, "test").join("\n");

  it("randomized use changes nothing a person typed, logs every accepted change, fails no trigger", () => {
    const f = result.fuzz;
    expect(f.examples, report).toEqual([]);
    expect(f.changed).toBe(0);
    expect(f.cellsCompared).toBeGreaterThan(5000);
    expect(f.expected).toBeGreaterThan(250);
    expect(f.logged).toBe(f.expected);
    expect(f.triggerErrors).toBe(0);
    expect(f.divergences).toBe(0);
    // The run reached what it is for: refused actions, structure, the sidebar, setup again.
    for (const kind of [
      "trang đơn vị khác",
      "người ngoài",
      "xoá dòng",
      "chèn cột",
      "sửa tiêu đề",
      "biểu mẫu nhập",
    ]) {
      expect(f.kinds[kind]?.done ?? 0, kind).toBeGreaterThan(0);
    }
    expect(f.kinds["người ngoài"]!.accepted).toBe(0);
    expect(f.kinds["trang đơn vị khác"]!.accepted).toBe(0);
  });

  it("sends one report per period under every fault, or none and says why", () => {
    expect(
      result.faults.filter((c) => !c.ok),
      report,
    ).toEqual([]);
    expect(result.faults.map((c) => c.reports)).toEqual(result.faults.map((c) => c.expected));
    expect(result.faults.length).toBeGreaterThanOrEqual(9);
  });

  it("no function does anything privileged for someone who may not use it", () => {
    expect(result.access.examples, report).toEqual([]);
    expect(result.access.privileged).toBe(0);
    expect(result.access.failedAllowed).toBe(0);
    expect(result.access.refused).toBeGreaterThan(50);
  });
});
