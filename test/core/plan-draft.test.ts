/**
 * Drafting a plan from a plan document's text: the seed plan whole, and the beginnings of four other
 * real plans (test/fixtures/plan-documents, sources in SOURCES.md there).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { draftPlanFromText } from "../../src/core/plan-draft";
import { planToTabCells } from "../../src/core/plan-tab";
import { cellName, planFromTabCells } from "../../src/core/plan-tab-read";
import { quangKhai2023 } from "../../src/plans/quang-khai-2023";

const dir = join(import.meta.dirname, "../fixtures/plan-documents");
const text = (name: string) => readFileSync(join(dir, name), "utf8");

describe("a draft of the seed plan (Quang Khải 2023)", () => {
  const draft = draftPlanFromText(text("quang-khai-2023.txt"));

  it("reads the header block, the title and the year", () => {
    expect(draft.header).toEqual({
      issuingBody: "UỶ BAN NHÂN DÂN XÃ QUANG KHẢI",
      number: "",
      symbol: "KH-UBND",
      place: "Quang Khải",
      date: "2023-03-15",
    });
    expect(draft.title).toBe(quangKhai2023.title);
    expect(draft.year).toBe(2023);
    expect(draft.plan.commune).toEqual({ level: "xã", name: "Quang Khải" });
    expect(draft.plan.upperLevel).toBe("UBND huyện Tứ Kỳ");
    expect(draft.plan.document).toEqual(quangKhai2023.document);
    expect(draft.plan.chairman).toEqual(quangKhai2023.chairman);
    expect(draft.plan.shortName).toBe(quangKhai2023.shortName);
  });

  it("drafts the nine targets of II.2 with their numbers and comparisons, as the shipped plan has them", () => {
    const summary = draft.targets.map((t) => [t.id, t.kind, t.op, t.value, t.ifAny]);
    const shipped = quangKhai2023.indicators.map((i) =>
      i.kind === "frequency"
        ? [i.id, "frequency", ">=", i.minPerMonth, false]
        : [i.id, "percentage", i.target.op, i.target.value, i.label.includes("(nếu có)")],
    );
    expect(summary).toEqual(shipped);
    // The shipped plan's wording is the document's, cut where the drafting cuts or shorter.
    for (const t of draft.targets) {
      const label = quangKhai2023.indicators.find((i) => i.id === t.id)!.label;
      expect(t.wording.startsWith(label) || label.startsWith(t.wording.slice(0, 40))).toBe(true);
    }
    expect(draft.targets.find((t) => t.id === "CT2b")?.wording).toBe(
      "Ít nhất 30% người lao động trong các công ty được tuyên truyền",
    );
    expect(draft.targets.find((t) => t.id === "CT1b")?.wording).toBe(
      "Thông tin về phòng, chống mại dâm được đăng tải trên Trang thông tin điện tử của UBND xã ít nhất một tháng một lần",
    );
    // The one sentence with a number that is no rate or monthly frequency is listed, not dropped.
    expect(draft.skipped).toEqual([
      {
        text: "Tổ chức được ít nhất một hình thức tuyên truyền về phòng ngừa mại dâm và được duy trì thường xuyên",
        why: expect.stringContaining("một số lượng"),
      },
    ]);
  });

  it("drafts the eleven units of V with their tasks, and the recipients of Nơi nhận", () => {
    expect(draft.units.map((u) => u.name)).toEqual([
      "Công an xã",
      "Công chức Văn hóa- Xã hội xã (phụ trách Lao động - Thương binh và Xã hội)",
      "Trạm Y tế",
      "Công chức Tài chính - Kế toán xã",
      "Công chức Văn hóa- Xã hội (làm công tác Văn hoá- TT- TDTT)",
      "Các trường học",
      "Công chức Tư pháp - Hộ tịch",
      "Đài truyền thanh xã",
      "Các ngành, cán bộ, công chức khác có liên quan",
      "Ủy ban MTTQ xã và các tổ chức chính trị- xã hội",
      "Các Trưởng thôn",
    ]);
    expect(draft.units.map((u) => u.tasks.length)).toEqual([5, 6, 2, 1, 3, 2, 2, 2, 2, 2, 3]);
    expect(draft.units[2]!.tasks[1]).toBe(
      "Thực hiện khám bệnh định kỳ đối với nhân viên của các cơ sở kinh doanh dịch vụ theo quy định",
    );
    expect(draft.units.flatMap((u) => u.tasks).some((t) => t.startsWith("Trên đây"))).toBe(false);
    expect(draft.recipients).toEqual([
      "Lãnh đạo UBND huyện",
      "Công an huyện",
      "Phòng lao động - thương binh xã hội",
      "BTV Đảng uỷ; Thường trực HĐND xã",
      "Chủ tịch, PCT UBND xã",
      "Công chức UBND xã",
      "UB MTTQ và các đoàn thể",
      "Công an xã",
      "Các Trưởng thôn",
      "Lưu: VP",
    ]);
    expect(draft.plan.recipients.map((r) => r.role)).toEqual(quangKhai2023.recipients.map((r) => r.role));
  });

  it("as the plan tab: every problem setup would report is at a cell the draft marked for the office", () => {
    const cells = planToTabCells(draft.plan, draft.marks);
    const marked = new Set(cells.marked.map((m) => cellName(m.row, m.col)));
    const read = planFromTabCells(cells.values);
    if (read.ok) throw new Error("a draft without data columns cannot be a whole plan");
    const cellsWithProblems = new Set(read.problems.map((p) => cellName(p.row, p.col)));
    expect([...cellsWithProblems].filter((c) => !marked.has(c))).toEqual([]);
    // What is left to the office: a column for each side of each target.
    const numerators = read.errors.filter((e) => e.includes('chỉ số nhập ""'));
    expect(numerators.length).toBe(2 + 7 * 2);
    // Long tasks are shortened, with the whole sentence in the cell's note.
    const shortened = [...draft.marks.entries()].filter(([, why]) => why.startsWith("Rút gọn"));
    expect(shortened.length).toBeGreaterThan(0);
    for (const [path] of shortened) {
      const [, u, , t] = path.split(".");
      expect(draft.plan.units[Number(u)]!.tasks[Number(t)]!.endsWith("…")).toBe(true);
    }
  });
});

describe("drafts of other real plans (the beginnings the stored copies hold)", () => {
  it("Quảng Nam 2025 (province): header, year, and 'trên 70 %' kept as strictly more and marked", () => {
    const d = draftPlanFromText(text("quang-nam-2025.txt"));
    expect(d.header).toEqual({
      issuingBody: "ỦY BAN NHÂN DÂN",
      number: "2544",
      symbol: "KH-UBND",
      place: "Quảng Nam",
      date: "2025-04-02",
    });
    expect(d.title).toBe("Kế hoạch thực hiện chương trình phòng, chống mại dâm trên địa bàn tỉnh năm 2025");
    expect(d.year).toBe(2025);
    expect(d.targets.map((t) => [t.id, t.kind, t.qualifier, t.op, t.value])).toEqual([
      ["CT1", "percentage", "Trên", ">", 70],
      ["CT2", "frequency", "ít nhất", ">=", 1],
      ["CT3", "percentage", "Trên", ">", 70],
    ]);
    expect(d.marks.get("indicators.0.target.op")).toContain('"Trên 70%" (lớn hơn)');
    expect(d.marks.get("title")).toContain("viết hoa");
    expect(d.plan.province).toBe("Quảng Nam");
    expect(d.units).toEqual([]);
    expect(d.marks.get("units")).toContain("Không thấy mục Tổ chức thực hiện");
  });

  it("Bình Thuận 2017 (province, lines broken by the site): header across lines, a ratio listed as skipped", () => {
    const d = draftPlanFromText(text("binh-thuan-2017.txt"));
    expect(d.header).toEqual({
      issuingBody: "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
      number: "2578",
      symbol: "KH-UBND",
      place: "Bình Thuận",
      date: "2017-07-10",
    });
    expect(d.year).toBe(2017);
    expect(d.plan.commune).toEqual({ level: "tỉnh", name: "Bình Thuận" });
    expect(d.targets.map((t) => [t.id, t.qualifier, t.op, t.value])).toEqual([
      ["CT1", "Phấn đấu trên", ">", 70],
    ]);
    expect(d.skipped.map((s) => s.text)).toEqual([
      "10/10 huyện, thị xã, thành phố xây dựng kế hoạch lồng ghép thực",
    ]);
  });

  it("xã Vạn Thắng 2024–2025 (commune, drug prevention): a steering committee's number, a two-year span marked", () => {
    const d = draftPlanFromText(text("van-thang-2024.txt"));
    expect(d.header).toEqual({
      issuingBody: "UBND XÃ VẠN THẮNG BAN CHỈ ĐẠO ANTT",
      number: "05",
      symbol: "KH-BCĐ",
      place: "Vạn Thắng",
      date: "2024-11-06",
    });
    expect(d.title).toBe(
      "Kế hoạch thực hiện Đề án xây dựng “Xã không ma túy” trên địa bàn xã Vạn Thắng, giai đoạn 2024 - 2025",
    );
    expect(d.year).toBe(2024);
    expect(d.marks.get("year")).toContain("không ghi năm");
    expect(d.plan.commune).toEqual({ level: "xã", name: "Vạn Thắng" });
    expect(d.plan.upperLevel).toBe("UBND huyện Nông Cống");
    expect(d.targets).toEqual([]);
  });

  it("xã Dân Lực 2021 (commune, a blank number as in the seed): the district preferred to the province", () => {
    const d = draftPlanFromText(text("dan-luc-2021.txt"));
    expect(d.header).toMatchObject({
      issuingBody: "UỶ BAN NHÂN DÂN XÃ DÂN LỰC",
      number: "",
      symbol: "KH-UBND",
    });
    expect(d.header.date).toBe("2021-02-18");
    expect(d.plan.upperLevel).toBe("UBND huyện Triệu Sơn");
    expect(d.year).toBe(2021);
    expect(d.plan.shortName.length).toBeLessThanOrEqual(40);
  });
});
