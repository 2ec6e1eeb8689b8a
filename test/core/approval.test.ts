import { describe, expect, it } from "vitest";
import {
  applyLocks,
  approvalReminderDue,
  correctionsSince,
  emptyApproval,
  fingerprint,
  lockOn,
  parseApproval,
  rowCountsUnderLock,
} from "../../src/core/approval";
import { unitColumns } from "../../src/core/columns";
import { readUnitTab } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

const APPROVED_AT = Date.parse("2023-04-16T08:00:00+07:00");
const lock = { periodKey: "2023-04", approvedAt: APPROVED_AT };
const OFFICE = ["vanphong@quangkhai.example"];

describe("approval records", () => {
  it("read whatever is stored without throwing, defaults for what is missing or damaged", () => {
    expect(parseApproval(null)).toEqual(emptyApproval());
    expect(parseApproval("{not json")).toEqual(emptyApproval());
    const r = parseApproval(
      JSON.stringify({
        status: "approved",
        approvedBy: "chutich@x.vn",
        approvedAt: "2023-04-16T01:00:00.000Z",
        approved: { "congAnXa/x": 3, bad: "7" },
        returns: [{ by: "chutich@x.vn", at: "2023-04-15T03:00:00.000Z", comment: "Sửa CT5" }, null, 4],
        extra: "<script>",
      }),
    );
    expect(r.status).toBe("approved");
    expect(r.approved).toEqual({ "congAnXa/x": 3 });
    expect(r.returns).toEqual([{ by: "chutich@x.vn", at: "2023-04-15T03:00:00.000Z", comment: "Sửa CT5" }]);
    expect(parseApproval(JSON.stringify({ status: "hacked" })).status).toBe("none");
  });
});

describe("locks on approved periods", () => {
  it("cover the dates of the approved period only (cut-off rule: 15/03 – 14/04)", () => {
    expect(lockOn("2023-03-15", "cutoff", [lock])).toBe(lock);
    expect(lockOn("2023-04-14", "cutoff", [lock])).toBe(lock);
    expect(lockOn("2023-04-15", "cutoff", [lock])).toBeUndefined();
  });

  it("count a row changed before the approval or by the office, not one staff changed after", () => {
    const before = new Date(APPROVED_AT - 60_000);
    const after = new Date(APPROVED_AT + 60_000);
    expect(rowCountsUnderLock(lock, { by: "congan@x.vn", at: before }, OFFICE)).toBe(true);
    expect(rowCountsUnderLock(lock, { by: "congan@x.vn", at: after }, OFFICE)).toBe(false);
    expect(rowCountsUnderLock(lock, { by: "VanPhong@QuangKhai.example", at: after }, OFFICE)).toBe(true);
    expect(rowCountsUnderLock(lock, { by: "", at: "" }, OFFICE)).toBe(true);
    expect(rowCountsUnderLock(lock, { by: "", at: after }, OFFICE)).toBe(false);
  });

  it("leave a late row out of the figures with a Vietnamese error on its date, keeping it in the sheet", () => {
    const unit = plan.units.find((u) => u.id === "congAnXa")!;
    const columns = unitColumns(plan, unit);
    const header = columns.map((c) => c.header);
    const row = (date: string, by: string, at: Date) =>
      columns.map((c) =>
        c.key === "date"
          ? date
          : c.key === "task"
            ? unit.tasks[0]!
            : c.key === "enteredBy"
              ? by
              : c.key === "updatedAt"
                ? at
                : "",
      );
    const values = [
      header,
      row("20/03/2023", "congan@x.vn", new Date(APPROVED_AT - 1)),
      row("21/03/2023", "congan@x.vn", new Date(APPROVED_AT + 1)),
      row("20/04/2023", "congan@x.vn", new Date(APPROVED_AT + 1)),
    ];
    const read = readUnitTab(plan, unit, values, { today: "2023-04-20", rule: "cutoff" });
    expect(read.rows.every((r) => r.entry !== null)).toBe(true);
    applyLocks(read, values, { locks: [lock], office: OFFICE, rule: "cutoff" });
    expect(read.rows.map((r) => r.entry !== null)).toEqual([true, false, true]);
    const issue = read.rows[1]!.issues.at(-1)!;
    expect(issue).toMatchObject({ severity: "error", column: "date" });
    expect(issue.message).toMatch(/^Báo cáo tháng 4\/2023 .*đã được Chủ tịch duyệt lúc 16\/04\/2023 08:00/);
  });
});

describe("corrections after approval", () => {
  it("list each approved figure that changed, once, as before → after", () => {
    const approvals = new Map([
      [
        "2023-04",
        { ...emptyApproval(), status: "approved" as const, approved: { "congAnXa/tinTiepNhan": 3 } },
      ],
      ["2023-05", { ...emptyApproval(), status: "draft" as const }],
    ]);
    const now = () => ({ "congAnXa/tinTiepNhan": 5, "congAnXa/tinXuLyKipThoi": 4 });
    const list = correctionsSince(plan, "cutoff", approvals, now, "2023-05");
    expect(list.map((c) => [c.periodKey, c.elementLabel, c.before, c.after])).toEqual([
      ["2023-04", "Tin tố giác, tin báo, khiếu nại tiếp nhận", "3", "5"],
      ["2023-04", "Tin được xử lý kịp thời", "(chưa có)", "4"],
    ]);
    // Once a report told the upper level the new figures, they are the baseline.
    approvals.set("2023-04", { ...approvals.get("2023-04")!, reported: now() });
    expect(correctionsSince(plan, "cutoff", approvals, now, "2023-05")).toEqual([]);
  });
});

describe("fingerprint and reminders", () => {
  it("changes with what the report says", () => {
    expect(fingerprint("CT5 3/3")).toBe(fingerprint("CT5 3/3"));
    expect(fingerprint("CT5 3/3")).not.toBe(fingerprint("CT5 3/4"));
  });

  it("remind the chairman every N days while a draft waits, never when N is 0", () => {
    const draft = { ...emptyApproval(), status: "draft" as const, draftAt: "2023-04-15T00:00:00.000Z" };
    const day = 86_400_000;
    const t0 = Date.parse(draft.draftAt);
    expect(approvalReminderDue(draft, 3, t0 + 2 * day)).toBe(false);
    expect(approvalReminderDue(draft, 3, t0 + 3 * day)).toBe(true);
    expect(
      approvalReminderDue({ ...draft, remindedAt: new Date(t0 + 3 * day).toISOString() }, 3, t0 + 4 * day),
    ).toBe(false);
    expect(approvalReminderDue(draft, 0, t0 + 30 * day)).toBe(false);
    expect(approvalReminderDue({ ...draft, status: "approved" }, 3, t0 + 30 * day)).toBe(false);
  });
});
