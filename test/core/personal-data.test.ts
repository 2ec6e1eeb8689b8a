import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unitColumns } from "../../src/core/columns";
import { formatWholeNumber, normalizeText } from "../../src/core/parse";
import type { PersonalDataFinding } from "../../src/core/personal-data";
import { personalDataWarnings, SCREEN_LIMIT, screenPersonalData } from "../../src/core/personal-data";
import { validateEntry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";
import { CELL_MAX, PATHOLOGICAL } from "./pathological";

const police = plan.units.find((u) => u.id === "congAnXa")!;
const ctx = { today: "2023-12-01" };

/**
 * The reference: the detectors written the plain way, as the add-in had them before they were made
 * linear (a backtracking email expression, overlaps checked against a list). Quadratic on some inputs,
 * so only run on texts up to the screening limit.
 */
const REF_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const REF_PHONE = /(?<![\d+])(?:\(\+84\)|\+84|0084|84|0)(?:[ .-]?\d){9,10}(?![\d])/g;
const REF_ID_RUN = /(?<![\d.,])(?:\d{12}|\d{9})(?![\d]|[.,]\d)/g;
const REF_ID_GROUPED =
  /(?<![\d.,]|\d[ .,-])0(?:\d{2}([ .-])\d{3}\1\d{3}(?:\1\d{3})?|\d{3}([ .-])\d{4}\2\d{4})(?![ .,-]?\d)/g;
const REF_AMOUNT = /^\d{1,3}(?:\.\d{3})+$/;

function reference(text: string): [PersonalDataFinding["kind"], number, number][] {
  const s = text.normalize("NFC");
  const out: [PersonalDataFinding["kind"], number, number][] = [];
  const overlaps = (a: number, b: number) => out.some(([, x, y]) => a < y && b > x);
  for (const m of s.matchAll(REF_EMAIL)) out.push(["email", m.index, m.index + m[0].length]);
  for (const m of s.matchAll(REF_PHONE)) {
    if (REF_AMOUNT.test(m[0]) || overlaps(m.index, m.index + m[0].length)) continue;
    out.push(["phone", m.index, m.index + m[0].length]);
  }
  const ids = [...s.matchAll(REF_ID_RUN), ...s.matchAll(REF_ID_GROUPED)].sort((a, b) => a.index - b.index);
  for (const m of ids) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    out.push(["idNumber", m.index, m.index + m[0].length]);
  }
  return out;
}

const found = (text: string) => screenPersonalData(text).map((f) => [f.kind, f.start, f.end]);

describe("screenPersonalData", () => {
  it.each([
    ["Gọi 0912345678", "phone"],
    ["Liên hệ 091.234.5678", "phone"],
    ["Liên hệ 0912.345.678", "phone"],
    ["Liên hệ 0912 345 678", "phone"],
    ["Liên hệ 091 234 5678", "phone"],
    ["Liên hệ 0912-345-678", "phone"],
    ["SĐT +84 912 345 678", "phone"],
    ["SĐT (+84) 912.345.678", "phone"],
    ["SĐT 84912345678", "phone"],
    ["số bàn 0220 3745 123", "phone"],
    ["CMND 142345678", "idNumber"],
    ["CMND 012 345 678", "idNumber"],
    ["CMND 012.345.678", "idNumber"],
    ["CCCD số 030201004567", "idNumber"],
    ["CCCD 030 198 001 234", "idNumber"],
    ["CCCD 030.198.001.234", "idNumber"],
    ["CCCD 030-198-001-234", "idNumber"],
    ["CCCD 0301 9800 1234", "idNumber"],
    ["CCCD: 030 198 001 234.", "idNumber"],
    ["email: canbo.xa@gmail.com", "email"],
    ["email: Can_Bo+1@quangkhai.haiduong.gov.vn", "email"],
  ])("finds %j", (text, kind) => {
    expect(screenPersonalData(text).map((f) => f.kind)).toEqual([kind]);
  });

  it.each([
    ["Kinh phí 120.000.000 đồng"],
    ["Kinh phí 120 000 000 đồng"],
    ["Kinh phí 1.030.198.001.234 đồng"],
    ["Kinh phí 1 234 567 890 đồng"],
    ["Kinh phí 84.000.000.000 đồng"],
    ["Ngày 15/04/2023, 35 người tham dự"],
    ["Tuyên truyền cho 1.234 lượt người tại 12 thôn"],
    ["Kế hoạch số 42/KH-UBND ngày 09/3/2023"],
    ["Quyết định 123 456 789 không có số 0 đầu"],
  ])("leaves %j alone", (text) => {
    expect(screenPersonalData(text)).toEqual([]);
  });

  it("shows only the first characters of what it found", () => {
    const f = screenPersonalData("CCCD 030 198 001 234, email canbo.xa@gmail.com");
    expect(f.map((x) => [x.kind, x.masked])).toEqual([
      ["email", "can…"],
      ["idNumber", "030…"],
    ]);
  });

  it("gives the reference's answers on random text made of the characters that matter", () => {
    const text = fc.string({
      unit: fc.constantFrom(..."0123456789 .-,+@()aZ_%đ\u0301".split(""), "0912", "030 ", "+84", ".vn"),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(found(t)).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the reference's answers on every pathological string, at the screening limit", () => {
    for (const p of PATHOLOGICAL) {
      const t = p.make(SCREEN_LIMIT);
      expect(found(t), p.name).toEqual(reference(t));
    }
  });

  it("finds data wherever it sits in a long pasted text", () => {
    const base64 = PATHOLOGICAL.find((p) => p.name === "base64")!.make(4000);
    const text = `${base64} liên hệ 0912 345 678 ${base64} CCCD 030 198 001 234 ${base64}`;
    expect(screenPersonalData(text).map((f) => f.kind)).toEqual(["phone", "idNumber"]);
  });
});

describe("the warnings of one free-text cell", () => {
  it("one warning per kind, the first three shown masked and the rest counted", () => {
    const text = Array.from({ length: 7 }, (_, i) => `0912 345 67${i}`).join("; ") + "; CCCD 030201004567";
    expect(personalDataWarnings("Nội dung", text)).toEqual([
      'Cột "Nội dung" có vẻ chứa 7 số điện thoại (091…, 091…, 091… và 4 chỗ khác). ' +
        "Bảng chỉ ghi số liệu tổng hợp: hãy xoá thông tin cá nhân khỏi ô này.",
      'Cột "Nội dung" có vẻ chứa số CMND/CCCD (030…). ' +
        "Bảng chỉ ghi số liệu tổng hợp: hãy xoá thông tin cá nhân khỏi ô này.",
    ]);
  });

  it("a cell longer than the limit: what is in the limit is screened, the rest is said to be unscreened", () => {
    const filler = "Tuyên truyền tại thôn. ".repeat(Math.ceil(CELL_MAX / 23)).slice(0, CELL_MAX - 60);
    const early = "SĐT 0912 345 678. " + filler;
    const late = filler + " CCCD 030 198 001 234";
    const content = (text: string) =>
      validateEntry(plan, police, { date: "05/04/2023", task: police.tasks[0], content: text }, ctx);

    const a = content(early);
    expect(a.entry?.content).toBe(early.trim());
    expect(a.issues.map((i) => [i.severity, i.column])).toEqual([
      ["warning", "content"],
      ["warning", "content"],
    ]);
    expect(a.issues[0]!.message).toContain("số điện thoại (091…)");
    expect(a.issues[1]!.message).toBe(
      'Cột "Nội dung" dài 49.958 ký tự: chỉ 10.000 ký tự đầu được kiểm tra thông tin cá nhân, ' +
        "phần sau không được kiểm tra. Hãy rút gọn nội dung thành một đoạn tóm tắt ngắn.",
    );

    // Past the limit nothing is found, and the note says that part was not screened.
    const b = content(late);
    expect(b.issues.map((i) => i.message)).toEqual([a.issues[1]!.message.replace("49.958", "49.961")]);
    // A text at the limit is screened whole, with no such note.
    expect(personalDataWarnings("Ghi chú", "x".repeat(SCREEN_LIMIT))).toEqual([]);
  });

  it("gives the same findings for every pathological cell as the reference on its screened part", () => {
    const notes = unitColumns(plan, police).find((c) => c.key === "notes")!;
    for (const p of PATHOLOGICAL) {
      const text = p.make(CELL_MAX);
      const r = validateEntry(plan, police, { date: "05/04/2023", task: police.tasks[0], notes: text }, ctx);
      const screened = normalizeText(text);
      const ref = reference(screened.slice(0, SCREEN_LIMIT));
      const kinds = ["email", "phone", "idNumber"].filter((k) => ref.some(([kind]) => kind === k));
      const warnings = r.issues.filter((i) => i.column === notes.key).map((i) => i.message);
      expect(warnings.length, p.name).toBe(kinds.length + (screened.length > SCREEN_LIMIT ? 1 : 0));
      kinds.forEach((k, i) => {
        const n = ref.filter(([kind]) => kind === k).length;
        const count = n > 1 ? `có vẻ chứa ${formatWholeNumber(n)} ` : "có vẻ chứa ";
        expect(warnings[i], p.name).toContain(count);
      });
    }
  });
});
