/**
 * A realistic month of the 2023 plan, "tháng 4/2023" under the cut-off rule (15/03 – 14/04/2023),
 * typed into the tabs as people would. The figures each indicator should give are worked out by hand
 * in EXPECTED_APRIL below.
 */
import type { Environment } from "../../src/local/emulator/index";
import { a1, OWNER, sheet } from "./harness";

type Row = Record<string, string>;

const YES = "Có";

export const APRIL_ROWS: Record<string, Row[]> = {
  "Công an xã": [
    {
      Ngày: "16/03/2023",
      "Nhiệm vụ": "Quản lý an ninh trật tự cơ sở kinh doanh dịch vụ",
      "Hình thức": "Kiểm tra",
      "Đã có kế hoạch lồng ghép (Có/Không)": YES,
      "Cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn (cơ sở)": "5",
      "Tổng số người lao động tại cơ sở kinh doanh dịch vụ (người)": "40",
      "Nội dung": "Rà soát các cơ sở karaoke, nhà nghỉ trên địa bàn",
    },
    {
      Ngày: "20/03/2023",
      "Nhiệm vụ": "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm",
      "Hình thức": "Tuyên truyền trực tiếp",
      "Người lao động tại cơ sở được tuyên truyền (người)": "6",
      "Lượt kiểm tra cơ sở kinh doanh dịch vụ (lượt)": "2",
    },
    {
      Ngày: "05/04/2023",
      "Nhiệm vụ": "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo",
      "Hình thức": "Khác",
      "Người lao động tại cơ sở được tuyên truyền (người)": "6",
      "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)": "3",
      "Tin được xử lý kịp thời (tin)": "3",
      // Free text that must never leave the sheet: a phone number and a formula.
      "Nội dung": 'Tin báo qua số 0912 345 678; =IMPORTRANGE("abc","A1")',
    },
  ],
  "VH-XH LĐTBXH": [
    {
      Ngày: "17/03/2023",
      "Nhiệm vụ": "Báo cáo, giám sát, đánh giá",
      "Hình thức": "Văn bản, kế hoạch",
      "Đã có kế hoạch lồng ghép (Có/Không)": YES,
      "Tổng số người lao động trong các công ty (người)": "250",
      "Tổng số cán bộ, công chức liên quan (người)": "20",
    },
    {
      Ngày: "28/03/2023",
      "Nhiệm vụ": "Tập huấn, nâng cao năng lực cho cán bộ",
      "Hình thức": "Tập huấn",
      "Người lao động trong công ty được tuyên truyền (người)": "50",
      "Cán bộ, công chức được tập huấn (người)": "5",
      "Người bán dâm có nhu cầu, đủ điều kiện hỗ trợ (người)": "0",
    },
  ],
  "Trường học": [
    {
      Ngày: "16/03/2023",
      "Nhiệm vụ": "Giáo dục đạo đức, lối sống, kỹ năng sống",
      Trường: "Trường Mầm non Quang Khải",
      "Tổng số học sinh (người)": "150",
      "Đã có kế hoạch lồng ghép (Có/Không)": "không",
    },
    {
      Ngày: "16/03/2023",
      "Nhiệm vụ": "Giáo dục đạo đức, lối sống, kỹ năng sống",
      Trường: "Trường Tiểu học Quang Khải",
      "Tổng số học sinh (người)": "420",
    },
    {
      Ngày: "16/03/2023",
      "Nhiệm vụ": "Giáo dục đạo đức, lối sống, kỹ năng sống",
      Trường: "Trường THCS Quang Khải",
      "Tổng số học sinh (người)": "330",
    },
    {
      Ngày: "06/04/2023",
      "Nhiệm vụ": "Tuyên truyền, giáo dục phòng, chống mại dâm cho học sinh",
      "Hình thức": "Tuyên truyền trực tiếp",
      Trường: "Trường THCS Quang Khải",
      "Học sinh được tuyên truyền (người)": "300",
    },
  ],
  "Đài truyền thanh": [
    {
      Ngày: "20/03/2023",
      "Nhiệm vụ": "Đưa nội dung phòng, chống mại dâm vào chương trình",
      "Hình thức": "Phát thanh",
      "Tin, bài phát trên hệ thống truyền thanh xã (tin, bài)": "3",
      "Đã có kế hoạch lồng ghép (Có/Không)": YES,
    },
  ],
  "VH-TT": [
    {
      Ngày: "01/04/2023",
      "Nhiệm vụ": "Đăng tin, bài trên Trang thông tin điện tử và Đài truyền thanh",
      "Hình thức": "Đăng tin trang điện tử",
      "Tin, bài đăng trên Trang thông tin điện tử xã (tin, bài)": "1",
      "Đã có kế hoạch lồng ghép (Có/Không)": YES,
    },
  ],
  "Trạm Y tế": [
    {
      Ngày: "22/03/2023",
      "Nhiệm vụ": "Khám sức khoẻ định kỳ nhân viên cơ sở kinh doanh dịch vụ",
      "Hình thức": "Khác",
      "Đã có kế hoạch lồng ghép (Có/Không)": YES,
    },
    // Invalid (a date that does not exist): marked, kept, and left out of the figures.
    {
      Ngày: "31/02/2023",
      "Nhiệm vụ": "Khám sức khoẻ định kỳ nhân viên cơ sở kinh doanh dịch vụ",
      "Lượt khám sức khoẻ định kỳ nhân viên cơ sở (lượt)": "12",
    },
  ],
  "Tài chính": [
    {
      Ngày: "15/03/2023",
      "Nhiệm vụ": "Tham mưu bố trí ngân sách thực hiện kế hoạch",
      "Kinh phí đã bố trí (đồng)": "15.000.000",
      "Đã có kế hoạch lồng ghép (Có/Không)": YES,
    },
  ],
  "Tư pháp": [
    {
      Ngày: "03/04/2023",
      "Nhiệm vụ": "Tuyên truyền, phổ biến, giáo dục pháp luật",
      "Hình thức": "Hội nghị, họp",
      "Đã có kế hoạch lồng ghép (Có/Không)": "Không",
    },
  ],
  "MTTQ-Đoàn thể": [
    {
      Ngày: "10/04/2023",
      "Nhiệm vụ": "Chỉ đạo hội viên, đoàn viên tuyên truyền, vận động",
      "Hình thức": "Hội nghị, họp",
      "Đã có kế hoạch lồng ghép (Có/Không)": YES,
    },
  ],
  // "Ngành khác" and "Trưởng thôn" report nothing this month.
};

/**
 * By hand, year to date = 15/03/2023 – 14/04/2023 (the first month of the plan):
 * CT1a 3 broadcasts in the month → 1/1 months met → Đạt.      CT1b 1 web post → Đạt.
 * CT2a (6 + 6) / 40 = 30 % → Đạt (≥ 30 %).                      CT2b 50 / 250 = 20 % → Chưa đạt;
 *   pace: 30 % × 1 month / 9 months = 3,3 % expected → Đúng tiến độ.
 * CT2c 300 / (150 + 420 + 330) = 300 / 900 = 33,3 % → Đạt.
 * CT3 units answering Có: Công an, LĐTBXH, Đài, VH-TT, Trạm Y tế, Tài chính, MTTQ = 7 of 11 → 63,6 % → Chưa đạt (= 100 %).
 * CT4 5 / 20 = 25 % → Đạt (≥ 20 %).                             CT5 3 / 3 = 100 % → Đạt.
 * CT6 0 people in need → Không phát sinh.
 */
export const EXPECTED_APRIL: Record<string, { figure: string; status: string }> = {
  CT1a: { figure: "1/1 tháng đạt", status: "Đạt" },
  CT1b: { figure: "1/1 tháng đạt", status: "Đạt" },
  CT2a: { figure: "12/40 (30 %)", status: "Đạt" },
  CT2b: { figure: "50/250 (20 %)", status: "Chưa đạt" },
  CT2c: { figure: "300/900 (33,3 %)", status: "Đạt" },
  CT3: { figure: "7/11 (63,6 %)", status: "Chưa đạt" },
  CT4: { figure: "5/20 (25 %)", status: "Đạt" },
  CT5: { figure: "3/3 (100 %)", status: "Đạt" },
  CT6: { figure: "0/0", status: "Không phát sinh" },
};

export const NOT_REPORTED_APRIL = ["Các ngành, cán bộ, công chức khác có liên quan", "Các trưởng thôn"];

/** Types every row of APRIL_ROWS into its tab, as the owner, one row per edit. */
export function typeApril(env: Environment): void {
  env.setUser(OWNER);
  for (const [tab, rows] of Object.entries(APRIL_ROWS)) {
    const s = sheet(env, tab);
    const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
    for (const row of rows) {
      for (const header of Object.keys(row)) {
        if (!headers.includes(header)) throw new Error(`${tab}: no column "${header}"`);
      }
      const r = s.getLastRow() + 1;
      const values = headers.map((h) => row[h] ?? "");
      env.userEdit(tab, `A${r}:${a1(r, headers.length)}`, [values], { typed: true });
    }
  }
}
