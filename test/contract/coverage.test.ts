// The add-in is tested on the emulator; this checks that the emulator is not trusted further than the
// contract suite goes: every Apps Script method the bundle calls, and every enum value or event field it
// reads, has a contract case (test/contract/cases) that exercises it and names its source.
import { describe, expect, it } from "vitest";
import { bundleApi } from "./bundle-api";
import { CASES } from "./cases/index";

describe("the add-in's use of Apps Script is covered by contract cases", () => {
  const used = bundleApi();
  const calls = new Set(CASES.flatMap((c) => c.covers));
  const reads = new Set(CASES.flatMap((c) => [...c.covers, ...(c.reads ?? [])]));

  it("finds what the bundle uses (sanity: the entry points' services are there)", () => {
    const members = used.map((u) => u.member);
    for (const m of ["SpreadsheetApp.getActiveSpreadsheet", "Range.setValues", "MailApp.sendEmail"])
      expect(members).toContain(m);
  });

  it("every method called and every property read has a contract case", () => {
    const uncovered = used
      .filter((u) => !(u.call ? calls : reads).has(u.member))
      .map(
        (u) =>
          `${u.member}${u.call ? "()" : ""} (first used at ${u.at}) has no contract case: add one to test/contract/cases/ that ${
            u.call ? "calls it (list it in `covers`)" : "reads it (list it in `reads`)"
          }, citing Google's reference or a gas-fakes test`,
      );
    expect(uncovered, `${uncovered.length} uncovered:\n${uncovered.join("\n")}`).toEqual([]);
  });
});
