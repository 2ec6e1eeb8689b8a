import { describe, expect, it } from "vitest";
import { defaultSettings, validateSettings } from "../../src/core/settings";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

describe("settings", () => {
  it("default to sending on the 15th at 07:00 with nobody set yet, and are valid as they are", () => {
    const d = defaultSettings(plan);
    expect(d).toMatchObject({
      chairmanEmail: "",
      upperLevelName: "UBND huyện Tứ Kỳ",
      upperLevelEmails: [],
      periodRule: "cutoff",
      sendDay: 15,
      sendHour: 7,
      reminderDaysBefore: 3,
    });
    expect(Object.keys(d.unitEditors)).toHaveLength(11);
    expect(validateSettings(d, plan)).toEqual({ ok: true, settings: d });
    expect(defaultSettings({ ...plan, periodRule: "calendar" }).sendDay).toBe(1);
  });

  it("trims and lower-cases emails, accepts a typed list, drops repeats", () => {
    const r = validateSettings(
      {
        ...defaultSettings(plan),
        chairmanEmail: "  ChuTich.QuangKhai@Gmail.com ",
        upperLevelEmails: "vp.ubnd@tuky.gov.vn, CONGAN@tuky.gov.vn;\nvp.ubnd@tuky.gov.vn",
        unitEditors: { congAnXa: [" CAX@example.com "] },
        sendDay: "16",
      },
      plan,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.settings.chairmanEmail).toBe("chutich.quangkhai@gmail.com");
    expect(r.settings.upperLevelEmails).toEqual(["vp.ubnd@tuky.gov.vn", "congan@tuky.gov.vn"]);
    expect(r.settings.unitEditors).toEqual({ congAnXa: ["cax@example.com"] });
    expect(r.settings.sendDay).toBe(16);
  });

  it("names each bad field in Vietnamese", () => {
    const r = validateSettings(
      {
        ...defaultSettings(plan),
        chairmanEmail: "chutich@",
        upperLevelEmails: ["ok@tuky.gov.vn", "khong phai email"],
        unitEditors: { congAnHuyen: ["a@b.vn"] },
        sendDay: 31,
        sendHour: 24,
        upperLevelName: "  ",
      },
      plan,
    );
    if (r.ok) throw new Error("expected errors");
    const byField = Object.fromEntries(r.errors.map((e) => [e.field, e.message]));
    expect(byField.chairmanEmail).toContain('Email Chủ tịch: "chutich@" không phải địa chỉ email hợp lệ.');
    expect(byField["upperLevelEmails.1"]).toContain('"khong phai email" không phải địa chỉ email hợp lệ');
    expect(byField.sendDay).toBe("Ngày gửi báo cáo: không hợp lệ. Hãy nhập số nguyên từ 1 đến 28.");
    expect(byField.sendHour).toContain("từ 0 đến 23");
    expect(byField.upperLevelName).toContain("Tên cấp trên");
    expect(byField["unitEditors.congAnHuyen"]).toContain('đơn vị "congAnHuyen" không có trong kế hoạch');
  });

  it("refuses what is not settings at all without throwing", () => {
    for (const input of [null, 42, "x", [], {}]) {
      const r = validateSettings(input);
      expect(r.ok).toBe(false);
    }
  });
});
