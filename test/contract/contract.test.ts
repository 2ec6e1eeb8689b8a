// The contract suite: each case states one behaviour of Google's services that the add-in relies on,
// with its source; the emulator must show exactly what the source says (case.expected) and what was
// recorded on Google (results.json), and must really call what the case claims to cover.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CASES } from "./cases/index";
import { runCase } from "./world";

interface Recorded {
  value: unknown;
  /** "source": copied from the cited source until someone records on Google; "recorded": Google's. */
  origin: "source" | "recorded";
}
const RESULTS = JSON.parse(readFileSync(join(__dirname, "results.json"), "utf8")) as Record<string, Recorded>;

describe("contract cases", () => {
  it("have unique ids, a source, and something they cover", () => {
    const ids = CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CASES) {
      expect(c.source, c.id).toMatch(
        /^https:\/\/(developers\.google\.com\/(apps-script|sheets)|github\.com\/)/,
      );
      expect(c.covers.length + (c.reads?.length ?? 0), c.id).toBeGreaterThan(0);
    }
  });

  for (const c of CASES) {
    it(`${c.id}: ${c.behaviour}`, () => {
      const { result, env } = runCase(c);
      expect(result).toEqual(c.expected);
      for (const method of c.covers) {
        expect(env.calls.get(method), `${c.id} claims to cover ${method} but never calls it`).toBeGreaterThan(
          0,
        );
      }
    });
  }
});

describe("results.json (what Google returned, or the source's values until recorded)", () => {
  it("has one entry per case; entries not yet recorded hold the case's expected value", () => {
    const missing = CASES.filter((c) => !(c.id in RESULTS)).map((c) => c.id);
    expect(missing, "run `npm run contract:results` to add entries for new cases").toEqual([]);
    const unknown = Object.keys(RESULTS).filter((id) => !CASES.some((c) => c.id === id));
    expect(unknown, "results.json names cases that no longer exist").toEqual([]);
    for (const c of CASES) {
      const r = RESULTS[c.id];
      if (r?.origin === "source")
        expect(r.value, `${c.id}: results.json vs case.expected`).toEqual(c.expected);
    }
  });

  for (const c of CASES) {
    const r = RESULTS[c.id];
    if (r === undefined) continue;
    it(`${c.id} reproduces the ${r.origin === "recorded" ? "recorded" : "source's"} result`, () => {
      expect(runCase(c).result).toEqual(r.value);
    });
  }
});
