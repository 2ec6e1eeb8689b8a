import { describe, expect, it } from "vitest";
import {
  foldText,
  formatDateVi,
  formatMoney,
  formatPercent,
  formatWholeNumber,
  matchOption,
  normalizeText,
  parseDate,
  parseMoney,
  parsePercent,
  parseWholeNumber,
  parseYesNo,
} from "../../src/core/parse";

const COL = "Số người được tuyên truyền";

function value<T>(r: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new Error("expected success, got: " + r.message);
  return r.value;
}
function message(r: { ok: true; value: unknown } | { ok: false; message: string }): string {
  if (r.ok) throw new Error("expected a refusal, got " + String(r.value));
  return r.message;
}

describe("text", () => {
  it("NFC-normalises decomposed Vietnamese and trims", () => {
    const decomposed = "Kho\u0302ng"; // "Không" typed as o + combining circumflex
    expect(decomposed).not.toBe("Không");
    expect(normalizeText("  " + decomposed + "\u00a0")).toBe("Không");
    expect(foldText("  ĐÀI   Truyền thanh ")).toBe("dai truyen thanh");
  });
});

describe("whole numbers, Vietnamese habits", () => {
  it.each([
    [1234, 1234],
    ["1234", 1234],
    ["1.234", 1234],
    ["1 234", 1234],
    ["1\u00a0234", 1234],
    ["1.234.567", 1234567],
    [" 0 ", 0],
  ])("%j → %d", (input, expected) => {
    expect(value(parseWholeNumber(input, COL))).toBe(expected);
  });

  it("refuses a decimal and says what to type", () => {
    expect(message(parseWholeNumber("12,5", COL))).toBe(
      'Cột "Số người được tuyên truyền": "12,5" không phải số nguyên. Hãy nhập số nguyên không âm, ví dụ 1.234.',
    );
    expect(message(parseWholeNumber(12.5, COL))).toContain('"12,5" không phải số nguyên');
  });

  it.each([["-3"], [-3], ["abc"], ["1.23"], ["12.34.567"], [true], ["1,234"]])(
    "refuses %j naming the column",
    (input) => {
      const m = message(parseWholeNumber(input, COL));
      expect(m).toContain('Cột "Số người được tuyên truyền"');
      expect(m).toContain("Hãy nhập số nguyên không âm");
    },
  );

  it("says a negative number is negative", () => {
    expect(message(parseWholeNumber("-3", COL))).toContain("là số âm");
  });

  it("reads money with a đồng suffix", () => {
    expect(value(parseMoney("1.500.000 đ", "Kinh phí"))).toBe(1500000);
    expect(value(parseMoney("2 000 000 đồng", "Kinh phí"))).toBe(2000000);
    expect(message(parseMoney("1,5 triệu", "Kinh phí"))).toContain("số tiền");
  });

  it("formats as people write", () => {
    expect(formatWholeNumber(1234)).toBe("1.234");
    expect(formatWholeNumber(1234567)).toBe("1.234.567");
    expect(formatWholeNumber(999)).toBe("999");
    expect(formatMoney(1500000)).toBe("1.500.000 đ");
    expect(formatPercent(33.333)).toBe("33,3 %");
    expect(formatPercent(100)).toBe("100 %");
    expect(formatPercent(1234.56)).toBe("1.234,6 %");
    expect(value(parsePercent("33,3 %", "Tỉ lệ"))).toBe(33.3);
  });
});

describe("dates", () => {
  it.each([
    ["15/04/2023", "2023-04-15"],
    ["5/4/2023", "2023-04-05"],
    ["05-04-2023", "2023-04-05"],
    ["2023-04-05", "2023-04-05"],
    // Sheets serial numbers count days from 30/12/1899: 45000 is 15/03/2023.
    [45000, "2023-03-15"],
    [45000.75, "2023-03-15"],
    // getValues gives midnight in the sheet's zone (Asia/Ho_Chi_Minh) as a Date.
    [new Date("2023-04-15T00:00:00+07:00"), "2023-04-15"],
  ])("%j → %s", (input, expected) => {
    expect(value(parseDate(input, "Ngày"))).toBe(expected);
  });

  it.each([["31/02/2023"], ["15/13/2023"], ["15/04/23"], ["ngày mai"], [true], [-5], ["2023/04/15"]])(
    "refuses %j with a hint",
    (input) => {
      const m = message(parseDate(input, "Ngày"));
      expect(m).toMatch(/^Cột "Ngày"/);
      expect(m).toContain("ví dụ 05/04/2023");
    },
  );

  it("formats dd/mm/yyyy", () => {
    expect(formatDateVi("2023-04-05")).toBe("05/04/2023");
  });
});

describe("Có/Không", () => {
  it.each([
    ["Có", true],
    ["có", true],
    ["CO", true],
    ["co", true],
    ["x", true],
    [true, true],
    [1, true],
  ])("%j is Có", (input, expected) => {
    expect(value(parseYesNo(input, "Đã có kế hoạch lồng ghép"))).toBe(expected);
  });
  it.each([
    ["Không", false],
    ["khong", false],
    ["KHÔNG", false],
    ["k", false],
    ["Kho\u0302ng", false],
    [false, false],
    [0, false],
  ])("%j is Không", (input, expected) => {
    expect(value(parseYesNo(input, "Đã có kế hoạch lồng ghép"))).toBe(expected);
  });
  it("refuses anything else", () => {
    expect(message(parseYesNo("có lẽ", "Đã có kế hoạch lồng ghép"))).toBe(
      'Cột "Đã có kế hoạch lồng ghép": "có lẽ" không phải Có hoặc Không. Hãy chọn Có hoặc Không.',
    );
    expect(message(parseYesNo(2, "Đã có kế hoạch lồng ghép"))).toContain("Hãy chọn Có hoặc Không");
  });
});

describe("list values", () => {
  const forms = ["Tuyên truyền trực tiếp", "Hội nghị, họp", "Phát thanh"];
  it("matches after normalisation and returns the plan's spelling", () => {
    expect(value(matchOption("  phat   thanh ", forms, "Hình thức"))).toBe("Phát thanh");
    expect(value(matchOption("TUYÊN TRUYỀN TRỰC TIẾP", forms, "Hình thức"))).toBe("Tuyên truyền trực tiếp");
    expect(value(matchOption("Ho\u0323i nghi\u0323, ho\u0323p", forms, "Hình thức"))).toBe("Hội nghị, họp");
  });
  it("refuses what is not in the list and shows the list", () => {
    const m = message(matchOption("Họp dân", forms, "Hình thức"));
    expect(m).toBe(
      'Cột "Hình thức": "Họp dân" không có trong danh sách. Hãy chọn một trong: Tuyên truyền trực tiếp; Hội nghị, họp; Phát thanh.',
    );
  });
});
