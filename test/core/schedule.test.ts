import { describe, expect, it } from "vitest";
import { computeRollup } from "../../src/core/rollup";
import { closedPeriods, reminderDue, remindersFor, reportRecipients } from "../../src/core/schedule";
import { defaultSettings } from "../../src/core/settings";
import type { Entry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

const settings = {
  ...defaultSettings(plan),
  chairmanEmail: "chutich@quangkhai.example",
  upperLevelEmails: ["lanhdao@tuky.example", "CHUTICH@quangkhai.example"],
  unitEditors: {
    ...defaultSettings(plan).unitEditors,
    tuPhap: ["tuphap@quangkhai.example"],
    truongHoc: ["thcs@quangkhai.example"],
  },
};

describe("report recipients", () => {
  it("are the chairman and the upper level, each once, lower-cased", () => {
    expect(reportRecipients(settings)).toEqual({
      recipients: ["chutich@quangkhai.example", "lanhdao@tuky.example"],
      problems: [],
    });
  });
  it("are refused, with what to do, when none is set or one is malformed", () => {
    expect(reportRecipients({ ...settings, chairmanEmail: "", upperLevelEmails: [] }).problems[0]).toContain(
      "Chưa có người nhận",
    );
    expect(reportRecipients({ ...settings, upperLevelEmails: ["lanhdao@"] }).problems[0]).toContain(
      "lanhdao@",
    );
  });
});

describe("periods to report on", () => {
  it("are those closed by today, at least the plan's first", () => {
    expect(closedPeriods(plan, settings, "2023-04-10")).toEqual(["2023-04"]);
    expect(closedPeriods(plan, settings, "2023-06-20")).toEqual(["2023-04", "2023-05", "2023-06"]);
    expect(closedPeriods(plan, { ...settings, periodRule: "calendar" }, "2023-06-20")).toEqual([
      "2023-03",
      "2023-04",
      "2023-05",
    ]);
  });
});

describe("reminders", () => {
  it("are due the set number of days before the open period's last day, and never when turned off", () => {
    // tháng 4/2023 ends on 14/04; three days before is 11/04.
    expect(reminderDue(settings, "2023-04-11")).toBe("2023-04");
    expect(reminderDue(settings, "2023-04-10")).toBeNull();
    expect(reminderDue({ ...settings, reminderDaysBefore: 0 }, "2023-04-11")).toBeNull();
    // Calendar months: April ends on 30/04.
    expect(reminderDue({ ...settings, periodRule: "calendar" }, "2023-04-27")).toBe("2023-04");
  });

  it("go to the editors of units with nothing in the period, once, naming the period and the cut-off", () => {
    const schoolEntry: Entry = {
      unitId: "truongHoc",
      date: "2023-04-06",
      task: plan.units.find((u) => u.id === "truongHoc")!.tasks[0]!,
      form: null,
      subUnit: "thcs",
      values: { hocSinhTuyenTruyen: 300 },
      content: "",
      notes: "",
    };
    const rollup = computeRollup(plan, [schoolEntry], "2023-04", {
      rule: "cutoff",
      generatedAt: "2023-04-11T00:00:00Z",
    });
    const due = remindersFor(plan, settings, rollup, [], "https://docs.google.com/spreadsheets/d/x");
    // The school reported; of the others only Tư pháp has an editor.
    expect(due.map((r) => [r.unitId, r.editors])).toEqual([["tuPhap", ["tuphap@quangkhai.example"]]]);
    expect(due[0]!.subject).toBe(
      "Nhắc nhập báo cáo tháng 4/2023 (15/03/2023 – 14/04/2023) – Công chức Tư pháp - Hộ tịch",
    );
    expect(due[0]!.body).toContain("hết ngày 14/04/2023");
    expect(remindersFor(plan, settings, rollup, ["tuPhap"], "https://x.example")).toEqual([]);
  });
});
