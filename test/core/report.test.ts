import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/plan";
import { escapeHtml, placeAndDate, renderReportHtml, renderReportText } from "../../src/core/report";
import { computeRollup } from "../../src/core/rollup";
import type { Entry } from "../../src/core/validate";
import { quangKhai2023 } from "../../src/plans/quang-khai-2023";

function entry(unitId: string, date: string, values: Entry["values"], subUnit: string | null = null): Entry {
  return {
    unitId,
    date,
    task: "x",
    form: null,
    subUnit,
    values,
    content: "Nội dung riêng: gọi 0912345678",
    notes: "",
  };
}

const entries: Entry[] = [
  entry("congAnXa", "2023-03-20", {
    laoDongCoSo: 1234,
    laoDongCoSoTuyenTruyen: 411,
    tinTiepNhan: 2,
    tinXuLyKipThoi: 3,
  }),
  entry("daiTruyenThanh", "2023-04-02", { tinBaiTruyenThanh: 2 }),
];
const rollup = computeRollup(quangKhai2023, entries, "2023-04", {
  rule: "cutoff",
  generatedAt: "2023-04-15T07:00:00+07:00",
  problems: [
    {
      kind: "entry",
      severity: "error",
      unitId: "tuPhap",
      rowNumber: 4,
      column: "content",
      message: '"<img src=x onerror=alert(1)>" sai',
    },
  ],
});
const opts = {
  reportDate: "2023-04-15",
  upperLevelName: "UBND huyện Tứ Kỳ",
  sheetUrl: "https://docs.google.com/spreadsheets/d/abc/edit?a=1&b=2",
  copyUrl: "javascript:alert(1)",
};

describe("the HTML report", () => {
  const html = renderReportHtml(quangKhai2023, rollup, opts);

  it("has the administrative layout of Nghị định 30/2020", () => {
    expect(html).toContain("UỶ BAN NHÂN DÂN");
    expect(html).toContain("XÃ QUANG KHẢI");
    expect(html).toContain("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(html).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(html).toContain("Quang Khải, ngày 15 tháng 4 năm 2023");
    expect(html).toContain("BÁO CÁO");
    expect(html).toContain(
      "Kết quả thực hiện Kế hoạch phòng, chống mại dâm năm 2023 trên địa bàn xã Quang Khải, tháng 4/2023",
    );
    expect(html).toContain("Nơi nhận:");
    expect(html).toContain("CHỦ TỊCH");
    expect(html).toContain("Nguyễn Đức Thuận");
    // The sections come in order.
    const order = [
      "BÁO CÁO",
      "I. KẾT QUẢ",
      "II. ĐƠN VỊ CHƯA BÁO CÁO",
      "III. SỐ LIỆU CẦN KIỂM TRA",
      "Nơi nhận:",
      "Nguyễn Đức Thuận",
    ].map((s) => html.indexOf(s));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("shows every indicator with Vietnamese numbers and a bar capped at 100 %", () => {
    for (const [n, ind] of quangKhai2023.indicators.entries())
      expect(html).toContain(`<b>${n + 1}. ${ind.id}</b>`);
    // CT2a: 411 ÷ 1.234 = 33,3 %.
    expect(html).toContain("411/1.234 (33,3 %)");
    // CT5: 3 ÷ 2 = 150 % shown as is, bar at 100 %.
    expect(html).toContain("3/2 (150 %)");
    expect(html).toContain('width="100%" style="background:#c62828');
    // Status and pace side by side say what each judges.
    expect(html).toContain("Đạt mục tiêu năm");
    expect(html).toContain("Đúng tiến độ (cần 3,3 % đến kỳ này)");
    expect(html).toContain("Tiến độ: kết quả luỹ kế so với mức cần có đến kỳ này");
    expect(html).not.toMatch(/width="1[0-9]{2}%"(?<!100%")/);
    expect(html).toContain('width="33%"');
  });

  it("lists units not reported, and data problems without quoting what was typed", () => {
    expect(html).toContain("Trạm Y tế");
    expect(html).toContain("Chỉ tiêu CT5: tỉ lệ 150 % vượt 100 %");
    expect(html).toContain("Công chức Tư pháp - Hộ tịch: 1 dòng có lỗi chưa sửa");
    expect(html).not.toContain("onerror");
    // Free text from entries never leaves the sheet.
    expect(html).not.toContain("0912345678");
    expect(html).not.toContain("Nội dung riêng");
  });

  it("is styled inline, the one style sheet only refining narrow screens; no script, safe links", () => {
    expect(html).not.toMatch(/<script|<link|<img/i);
    const sheets = html.match(/<style>[^<]*<\/style>/g) ?? [];
    expect(sheets).toHaveLength(1);
    // Media queries only: nothing in it applies unless the screen is narrow or wide enough for it.
    expect(sheets[0]).toMatch(
      /^<style>(@media only screen and \((max|min)-width:\d+px\)\{[^@]*\})+<\/style>$/,
    );
    expect(html).toContain('href="https://docs.google.com/spreadsheets/d/abc/edit?a=1&amp;b=2"');
    expect(html).not.toContain("javascript:");
    expect(html.length).toBeLessThan(200 * 1024);
  });

  it("escapes values from the plan and the settings", () => {
    const hostile: Plan = {
      ...quangKhai2023,
      chairman: { title: "Chủ tịch", name: "<b>X</b> & Y" },
      units: quangKhai2023.units.map((u, i) => (i === 2 ? { ...u, name: '<script>alert("x")</script>' } : u)),
    };
    const r = computeRollup(hostile, [], "2023-04", { rule: "cutoff", generatedAt: "<now>" });
    const h = renderReportHtml(hostile, r, { reportDate: "2023-04-15", upperLevelName: '"><img src=x>' });
    expect(h).toContain("&lt;b&gt;X&lt;/b&gt; &amp; Y");
    expect(h).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(h).toContain("Kính gửi: &quot;&gt;&lt;img src=x&gt;");
    expect(h).not.toMatch(/<script|<img/);
  });
});

describe("the text report", () => {
  it("carries the same content as plain text", () => {
    const t = renderReportText(quangKhai2023, rollup, opts);
    expect(t).toContain("Quang Khải, ngày 15 tháng 4 năm 2023");
    expect(t).toContain(
      [
        "3. CT2a – Lao động tại cơ sở KDDV được tuyên truyền",
        "   Kết quả luỹ kế: 411/1.234 (33,3 %); mục tiêu: ≥ 30 %",
        "   Đánh giá: Đạt mục tiêu năm; Đúng tiến độ (cần 3,3 % đến kỳ này)",
      ].join("\n"),
    );
    expect(t).toContain(
      [
        "8. CT5 – Tin tố giác, tin báo được xử lý kịp thời",
        "   Kết quả luỹ kế: 3/2 (150 %); mục tiêu: = 100 %",
        "   Đánh giá: Chưa đạt",
      ].join("\n"),
    );
    expect(t).toContain("   Kết quả luỹ kế: chưa có số liệu; mục tiêu: ≥ 60 %\n   Đánh giá: Thiếu số liệu");
    expect(t).toContain("   Từng tháng: T4/2023: 2 ✓");
    expect(t).toContain("Tiến độ: kết quả luỹ kế so với mức cần có đến kỳ này");
    expect(t).toContain("- Trạm Y tế");
    expect(t).toContain("Bảng tính nhập liệu: https://docs.google.com/spreadsheets/d/abc/edit?a=1&b=2");
    expect(t).not.toContain("javascript:");
    expect(t).not.toContain("<");
    expect(t).toContain("TM. UỶ BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Đức Thuận\n");
    // Figures sit on short lines of their own, under the indicator they belong to; only prose runs long
    // (mail clients wrap it).
    for (const line of t.split("\n").filter((l) => l.startsWith("   ")))
      expect(line.length).toBeLessThan(100);
  });
});

describe("helpers", () => {
  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
  it("writes the place and date with two-digit day and month", () => {
    expect(placeAndDate(quangKhai2023, "2023-04-05")).toBe("Quang Khải, ngày 05 tháng 4 năm 2023");
  });
});
