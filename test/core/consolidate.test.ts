import { describe, expect, it } from "vitest";
import { communeReport } from "../../src/core/consolidate";
import { consolidatedSubject, placeOf, planTopic } from "../../src/core/consolidated-report";
import { instantOfCivilDate } from "../../src/core/periods";
import { SEND_LOG_HEADER } from "../../src/core/tables";
import { quangKhai2023 } from "../../src/plans/quang-khai-2023";

const at = (s: string) => new Date(s);
const header = [...SEND_LOG_HEADER];

describe("a commune's report for a period, from its send log", () => {
  it("is on time when it first went by the day after the cut-off, late after it", () => {
    const log = [
      header,
      [
        at("2023-04-15T07:00:00+07:00"),
        "2023-04",
        "Báo cáo tháng",
        "a@x",
        "Đã gửi báo cáo tháng 4/2023 cho 1 người nhận.",
      ],
      [
        at("2023-05-16T23:59:00+07:00"),
        "2023-05",
        "Báo cáo tháng (thử lại)",
        "",
        "Đã gửi báo cáo tháng 5/2023 cho 1 người nhận.",
      ],
    ];
    expect(communeReport(log, "2023-04", "cutoff")).toEqual({
      timeliness: "onTime",
      sentAt: "2023-04-15T00:00:00.000Z",
      due: "2023-04-15",
    });
    expect(communeReport(log, "2023-05", "cutoff").timeliness).toBe("late");
    // The calendar rule: April ends on the 30th, the report is due on 1 May.
    expect(communeReport(log, "2023-04", "calendar")).toMatchObject({
      timeliness: "onTime",
      due: "2023-05-01",
    });
  });

  it("is not sent when the log only has failures, reminders or other periods; the period may be a date", () => {
    const log = [
      header,
      [
        at("2023-06-15T07:00:00+07:00"),
        instantOfCivilDate("2023-06-01"),
        "Báo cáo tháng",
        "",
        "Không gửi: hạn mức email còn 0.",
      ],
      [
        at("2023-06-11T07:00:00+07:00"),
        instantOfCivilDate("2023-06-01"),
        "Nhắc nhở",
        "",
        "Đã nhắc: Trạm Y tế.",
      ],
      [at("2023-05-15T07:00:00+07:00"), "2023-05", "Báo cáo tháng", "", "Đã gửi báo cáo tháng 5/2023."],
    ];
    expect(communeReport(log, "2023-06", "cutoff")).toEqual({
      timeliness: "notSent",
      sentAt: null,
      due: "2023-06-15",
    });
    log.push([
      at("2023-06-16T07:00:00+07:00"),
      instantOfCivilDate("2023-06-01"),
      "Báo cáo tháng",
      "",
      "Đã gửi báo cáo.",
    ]);
    expect(communeReport(log, "2023-06", "cutoff").timeliness).toBe("late");
  });

  it("cannot tell without a send log, or with one whose columns are not the add-in's", () => {
    expect(communeReport(null, "2023-06", "cutoff").timeliness).toBe("noLog");
    expect(communeReport([["Ngày", "Ghi chú"]], "2023-06", "cutoff").timeliness).toBe("noLog");
  });
});

describe("the consolidated report's title", () => {
  it("names the plan's subject without its one commune, and the communes it covers", () => {
    expect(planTopic(quangKhai2023)).toBe("Kế hoạch phòng, chống mại dâm năm 2023");
    expect(placeOf("UBND huyện Tứ Kỳ")).toBe("Tứ Kỳ");
    expect(placeOf("Ủy ban nhân dân thành phố Hải Phòng")).toBe("Hải Phòng");
    expect(placeOf("Sở Y tế")).toBe("Sở Y tế");
  });

  it("lists up to six communes by name, more only by their number", () => {
    const c = (n: number) =>
      ({
        period: { key: "2023-04" },
        communes: Array.from({ length: n }, (_, i) => ({ name: `Xã ${i + 1}` })),
      }) as Parameters<typeof consolidatedSubject>[1];
    expect(consolidatedSubject(quangKhai2023, c(2))).toBe(
      "Kết quả thực hiện Kế hoạch phòng, chống mại dâm năm 2023 của 2 xã: Xã 1, Xã 2, tháng 4/2023",
    );
    expect(consolidatedSubject(quangKhai2023, c(7))).toBe(
      "Kết quả thực hiện Kế hoạch phòng, chống mại dâm năm 2023 của 7 xã, tháng 4/2023",
    );
  });
});
