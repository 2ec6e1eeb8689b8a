/**
 * The character-width model the table layouts are fitted with (src/core/layout.ts), against Chromium
 * drawing the same text in Arial 10 pt (Liberation Sans here, metric-compatible with Arial, and a
 * fallback font for the Vietnamese letters it lacks). The model may overestimate (a column a little
 * wider than needed) but not underestimate (text cut off).
 */
import { describe, expect, it } from "vitest";
import { textWidth } from "../../src/core/layout";
import { useBrowser } from "./harness";

const browser = useBrowser();

/** The words of every kind of cell the tables hold, and the whole Vietnamese alphabet with its marks. */
const SAMPLES = [
  "TỔNG HỢP KẾT QUẢ – KẾ HOẠCH PHÒNG, CHỐNG MẠI DÂM NĂM 2023 TRÊN ĐỊA BÀN XÃ QUANG KHẢI",
  "Kỳ báo cáo: tháng 6/2023 (15/05/2023 – 14/06/2023); luỹ kế từ 15/03/2023 đến 14/06/2023.",
  "Người lao động tại cơ sở KDDV được tuyên truyền",
  "Người bán dâm được tiếp cận dịch vụ hỗ trợ",
  "≥ 1 lần/tháng",
  "= 100 %",
  "1.234.567",
  "33,3%",
  "Chưa đạt mục tiêu năm",
  "Đúng tiến độ (cần 6,7 % đến kỳ này)",
  "“Chưa đạt mục tiêu năm” mà “Đúng tiến độ”: chưa tới mục tiêu năm…",
  "Công chức Văn hoá - Xã hội (làm công tác Văn hoá - Thông tin - Thể dục thể thao)",
  "Uỷ ban MTTQ xã và các tổ chức chính trị - xã hội",
  "chu.tich@quangkhai.example, lanhdao@tuky.example",
  "Bản xem chỉ đọc, cập nhật lúc 15/06/2023 07:00 từ bảng tính",
  "a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị",
  "o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ đ",
  "A À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ E È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ I Ì Í Ỉ Ĩ Ị",
  "O Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Y Ỳ Ý Ỷ Ỹ Ỵ Đ",
  "0123456789 ,.;:!?()[]/-+=%&@#*'\"",
];

describe("the character-width model against Chromium (Arial 10 pt)", () => {
  it("never underestimates by more than 1 %, nor overestimates by more than 12 %", async () => {
    const page = await browser().newPage();
    await page.setContent("<body></body>");
    const report: string[] = [];
    for (const bold of [false, true]) {
      const drawn = await page.evaluate(
        ([samples, bold]) =>
          samples.map((s) => {
            const el = document.createElement("span");
            el.style.font = `${bold ? "bold " : ""}10pt Arial`;
            el.style.whiteSpace = "pre";
            el.textContent = s;
            document.body.append(el);
            const w = el.getBoundingClientRect().width;
            el.remove();
            return w;
          }),
        [SAMPLES, bold] as const,
      );
      SAMPLES.forEach((s, i) => {
        const ratio = textWidth(s, bold) / drawn[i]!;
        report.push(`${bold ? "bold" : "regular"} ${(ratio * 100 - 100).toFixed(1)} % ${s.slice(0, 30)}`);
        expect(ratio, `${bold ? "bold" : "regular"}: ${s}`).toBeGreaterThanOrEqual(0.99);
        expect(ratio, `${bold ? "bold" : "regular"}: ${s}`).toBeLessThanOrEqual(1.12);
      });
    }
    console.log(`model vs Chromium:\n${report.join("\n")}`);
    await page.close();
  });
});
