/**
 * Setup puts the spreadsheet in Vietnamese and in Vietnam's time zone, and says so (issue 11.5): in a
 * spreadsheet made with the en_US locale Google would read a typed "05/04/2023" as 4 May and "1.234"
 * as 1.234, and in a zone east of UTC+7 typed dates would fall a day early. Setup also takes over
 * Google's empty first sheet instead of leaving it (issue 13).
 */
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/local/emulator/index";
import { bundleEnvironment, columnOf, lastAlert, sheet, spreadsheet } from "./harness";
import { OFFICE, ROLE_SETTINGS, typeRow, vietnameseOnly } from "./people";

function fresh(locale: string, spreadsheetTimeZone: string): Environment {
  return bundleEnvironment({ owner: OFFICE, locale, spreadsheetTimeZone });
}

function setUp(env: Environment): string {
  env.setUser(OFFICE);
  env.run("setupSpreadsheet");
  const said = lastAlert(env);
  env.runFromClient("saveSettings", [ROLE_SETTINGS]);
  return said;
}

describe("setup in a spreadsheet made in another locale and time zone", () => {
  it("sets vi_VN and Asia/Ho_Chi_Minh, says so, and typed dates and numbers then read the Vietnamese way", () => {
    const env = fresh("en_US", "Asia/Tokyo");
    const ss = spreadsheet(env);
    // What Google does before: "05/04/2023" is 4 May in en_US.
    ss.getSheets()[0]!.getRange("A1").setValue("05/04/2023");
    expect((ss.getSheets()[0]!.getRange("A1").getValue() as Date).toISOString().slice(0, 10)).toBe(
      "2023-05-03",
    );
    ss.getSheets()[0]!.getRange("A1").clear();

    const said = setUp(env);
    expect(ss.getSpreadsheetLocale()).toBe("vi_VN");
    expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Ho_Chi_Minh");
    expect(said).toContain("Đặt ngôn ngữ bảng tính là Tiếng Việt (trước là en_US)");
    expect(said).toContain("Đặt múi giờ bảng tính là giờ Việt Nam (trước là Asia/Tokyo)");

    // 15/04/2023 is the first day of tháng 5/2023 (cut-off rule): it must not slip to 14/04.
    env.setNow(new Date("2023-05-16T09:00:00+07:00"));
    const row = typeRow(env, OFFICE, "Công an xã", {
      Ngày: "15/04/2023",
      "Nhiệm vụ": "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo",
      "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)": "12",
      "Tin được xử lý kịp thời (tin)": "12",
    });
    const police = sheet(env, "Công an xã");
    expect(police.getRange(row, columnOf(env, "Công an xã", "Ngày")).getDisplayValue()).toBe("15/04/2023");
    expect(String(police.getRange(row, columnOf(env, "Công an xã", "Trạng thái")).getValue())).toBe(
      "✓ Hợp lệ",
    );
    const state = env.runFromClient("getRollupState", ["2023-05"]) as {
      value: { rollup: { indicators: { id: string; numerator: number | null }[] } };
    };
    expect(state.value.rollup.indicators.find((i) => i.id === "CT5")!.numerator).toBe(12);
    const april = env.runFromClient("getRollupState", ["2023-04"]) as typeof state;
    expect(april.value.rollup.indicators.find((i) => i.id === "CT5")!.numerator).toBe(0);

    // "1.234" is a thousand and more in Vietnamese (en_US would read 1.234).
    const schoolRow = typeRow(env, OFFICE, "Trường học", {
      Ngày: "15/04/2023",
      "Nhiệm vụ": "Giáo dục đạo đức, lối sống, kỹ năng sống",
      Trường: "Trường Tiểu học Quang Khải",
      "Tổng số học sinh (người)": "1.234",
    });
    const school = sheet(env, "Trường học");
    expect(
      school.getRange(schoolRow, columnOf(env, "Trường học", "Tổng số học sinh (người)")).getValue(),
    ).toBe(1234);
    expect(String(school.getRange(schoolRow, columnOf(env, "Trường học", "Trạng thái")).getValue())).toBe(
      "✓ Hợp lệ",
    );
  });

  it("says nothing of locale or zone when they are right already, and leaves no empty first sheet", () => {
    for (const locale of ["vi_VN", "en_US"]) {
      const env = fresh(locale, "Asia/Ho_Chi_Minh");
      const first = spreadsheet(env).getSheets()[0]!.getName();
      expect(first).toBe(locale === "vi_VN" ? "Trang tính1" : "Sheet1");
      const said = setUp(env);
      expect(said.includes("Đặt ngôn ngữ")).toBe(locale !== "vi_VN");
      expect(said).not.toContain("Đặt múi giờ");
      const names = spreadsheet(env)
        .getSheets()
        .map((s) => s.getName());
      expect(names).not.toContain(first);
      expect(names[0]).toBe("Công an xã");
    }
  });

  it("keeps a first sheet someone already wrote in", () => {
    const env = fresh("vi_VN", "Asia/Ho_Chi_Minh");
    spreadsheet(env).getSheets()[0]!.getRange("A1").setValue("Ghi chú của văn phòng");
    setUp(env);
    expect(sheet(env, "Trang tính1").getRange("A1").getValue()).toBe("Ghi chú của văn phòng");
  });
  it("in a spreadsheet switched back to en_US after setup, reads what it can the Vietnamese way and check-all says what to do", () => {
    const env = fresh("vi_VN", "Asia/Ho_Chi_Minh");
    setUp(env);
    spreadsheet(env).setSpreadsheetLocale("en_US");
    env.setNow(new Date("2023-05-16T09:00:00+07:00"));
    const row = typeRow(env, OFFICE, "Trường học", {
      Ngày: "15/04/2023",
      "Nhiệm vụ": "Giáo dục đạo đức, lối sống, kỹ năng sống",
      Trường: "Trường Tiểu học Quang Khải",
      "Tổng số học sinh (người)": "1.234",
    });
    const school = sheet(env, "Trường học");
    // Google leaves "15/04/2023" as text in en_US (no 15th month): the add-in still reads 15 April.
    expect(school.getRange(row, columnOf(env, "Trường học", "Ngày")).getDisplayValue()).toBe("15/04/2023");
    // "1.234" became 1.234 in en_US: refused as a count, with the value kept, not counted as 1,234 pupils.
    expect(school.getRange(row, columnOf(env, "Trường học", "Tổng số học sinh (người)")).getValue()).toBe(
      1.234,
    );
    expect(String(school.getRange(row, columnOf(env, "Trường học", "Trạng thái")).getValue())).toMatch(
      /^✗ Lỗi: .*không phải số nguyên/,
    );
    env.run("checkAllData");
    expect(lastAlert(env)).toContain(
      'Bảng tính đang đặt ngôn ngữ en_US, múi giờ Asia/Ho_Chi_Minh: ngày và số gõ vào có thể bị hiểu sai. Hãy chạy "Thiết lập / sửa bảng tính"',
    );
  });
  it("on an edit, marks a typed date the en_US locale may have read month first, saying why and what to do; not in vi_VN", () => {
    for (const locale of ["en_US", "vi_VN"]) {
      const env = fresh("vi_VN", "Asia/Ho_Chi_Minh");
      setUp(env);
      spreadsheet(env).setSpreadsheetLocale(locale);
      env.setNow(new Date("2023-05-16T09:00:00+07:00"));
      const police = sheet(env, "Công an xã");
      const at = columnOf(env, "Công an xã", "Ngày");
      const status = columnOf(env, "Công an xã", "Trạng thái");
      // The office's own note on the cell is kept under ours.
      police.getRange(2, at).setNote("Theo sổ trực ban");
      const row = (date: string) =>
        typeRow(env, OFFICE, "Công an xã", {
          Ngày: date,
          "Nhiệm vụ": "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo",
          "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)": "12",
          "Tin được xử lý kịp thời (tin)": "12",
        });
      const meant5April = row("05/04/2023");
      // "13/04/2023" stays text in en_US (no 13th month) and the add-in reads it day first: no doubt.
      const text13April = row("13/04/2023");
      const note = police.getRange(meant5April, at).getNote();
      const statusOf = (r: number) => String(police.getRange(r, status).getValue());
      if (locale === "en_US") {
        expect(police.getRange(meant5April, at).getDisplayValue()).not.toBe("05/04/2023");
        expect(note).toMatch(/^Theo sổ trực ban\n\n\[Kiểm tra\] Bảng tính đang đặt ngôn ngữ en_US/);
        expect(vietnameseOnly(note)).toContain(
          "ngày gõ 05/04/2023 có thể đã bị đọc thành ngày 4 tháng 5 năm 2023 (tháng trước, ngày sau)",
        );
        expect(note).toContain(
          "Tệp > Cài đặt > Ngôn ngữ: Việt Nam rồi gõ lại ngày, hoặc gõ ngày dạng 2023-04-05.",
        );
        expect(police.getRange(meant5April, at).getBackground()).toBe("#fff2cc");
        expect(statusOf(meant5April)).toMatch(/^⚠ Cảnh báo: Bảng tính đang đặt ngôn ngữ en_US/);
        // "Kiểm tra toàn bộ" marks the same way: the warning stays.
        env.run("checkAllData");
        expect(police.getRange(meant5April, at).getNote()).toBe(note);
      } else {
        expect(police.getRange(meant5April, at).getDisplayValue()).toBe("05/04/2023");
        expect(note).toBe("Theo sổ trực ban");
        expect(statusOf(meant5April)).toBe("✓ Hợp lệ");
      }
      expect(police.getRange(text13April, at).getNote()).toBe("");
      expect(statusOf(text13April)).toBe("✓ Hợp lệ");
    }
  });
});
