/**
 * The checks on typed text that were quadratic on some inputs, rewritten to be linear: each gives the
 * answers of the expression it replaced (the reference), on random text and on the pathological corpus.
 * Their cost is measured by `npm run bench`, not here.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBlankCell } from "../../src/core/cell";
import { headerKey, matchHeaders, unitColumns } from "../../src/core/columns";
import { mergeNote, NOTE_MARKER } from "../../src/core/marks";
import {
  collapseSpaces,
  foldText,
  normalizeForm,
  normalizeText,
  parseMoney,
  parseWholeNumber,
  quoteCell,
} from "../../src/core/parse";
import { isEmail, validateSettings } from "../../src/core/settings";
import { validateEntry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";
import { CELL_MAX, PATHOLOGICAL } from "./pathological";

const police = plan.units.find((u) => u.id === "congAnXa")!;

describe("normalizing typed text", () => {
  it("is String.prototype.normalize on every text a person can type", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 60 });
    fc.assert(
      fc.property(text, (t) => {
        const d = t.normalize("NFD");
        expect(normalizeForm(t, "NFC")).toBe(t.normalize("NFC"));
        expect(normalizeForm(d, "NFC")).toBe(d.normalize("NFC"));
        expect(normalizeForm(t, "NFD")).toBe(d);
      }),
      { numRuns: 2000 },
    );
    const vietnamese = "Tuyên truyền phòng, chống mại dâm cho 35 người ở thôn Đông";
    expect(normalizeForm(vietnamese.normalize("NFD"), "NFC")).toBe(vietnamese);
  });

  it("is the same on the pathological corpus, except runs of more than 30 combining marks, kept as typed", () => {
    for (const p of PATHOLOGICAL) {
      const t = p.make(5_000);
      if (p.name === "combining marks only") {
        expect(normalizeForm(t, "NFC")).toBe(t);
        const around = "Thôn ".normalize("NFD") + "\u0301\u0323".repeat(20) + " Đông".normalize("NFD");
        const kept = normalizeForm(around, "NFC");
        expect(kept.startsWith("Thôn ")).toBe(true);
        expect(kept.endsWith(" Đông")).toBe(true);
        expect(kept).toContain("\u0301\u0323".repeat(20));
      } else {
        expect(normalizeForm(t, "NFC"), p.name).toBe(t.normalize("NFC"));
        expect(normalizeForm(t, "NFD"), p.name).toBe(t.normalize("NFD"));
      }
    }
    // A run of exactly 30 marks is still normalized (sorted by combining class).
    const thirty = "a" + "\u0301\u0323".repeat(15);
    expect(normalizeForm(thirty, "NFC")).toBe(thirty.normalize("NFC"));
  });

  it("folds a pasted cell of combining marks without stopping validation", () => {
    const marks = PATHOLOGICAL.find((p) => p.name === "combining marks only")!.make(CELL_MAX);
    expect(foldText(marks)).toBe("");
    const r = validateEntry(plan, police, { date: "05/04/2023", task: marks }, { today: "2023-12-01" });
    expect(r.issues.map((i) => [i.column, i.message.slice(0, 40)])).toEqual([
      ["task", `Cột "Nhiệm vụ": "${normalizeText(marks).slice(0, 29)}…"`.slice(0, 40)],
    ]);
  });
});

describe("quoting and reading what was typed", () => {
  const reference = (v: string) => {
    const s = normalizeText(v).replace(/\s+/g, " ");
    return '"' + (s.length > 30 ? s.slice(0, 29) + "…" : s) + '"';
  };

  it("makes every run of spaces one, as /\\s+/g did, whatever the kinds of space", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "\ufeff", "\u2028"),
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(collapseSpaces(t)).toBe(t.replace(/\s+/g, " "));
      }),
      { numRuns: 2000 },
    );
    for (const p of PATHOLOGICAL)
      expect(collapseSpaces(p.make(5_000)), p.name).toBe(p.make(5_000).replace(/\s+/g, " "));
  });

  it("quotes a cell as before: 30 characters at most, spaces made one", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "ệ", " ", "\n", "\u00a0", "\u200b", "1"),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(quoteCell(t)).toBe(reference(t));
      }),
      { numRuns: 2000 },
    );
    for (const p of PATHOLOGICAL)
      expect(quoteCell(p.make(CELL_MAX)), p.name).toBe(reference(p.make(CELL_MAX)));
  });

  it("reads a figure with its spaces as before, and refuses a paragraph, quoting its start", () => {
    expect(parseWholeNumber(" 1   234 ", "Số")).toEqual({ ok: true, value: 1234 });
    expect(parseMoney("1 500 000   đồng", "Tiền")).toEqual({ ok: true, value: 1_500_000 });
    for (const p of PATHOLOGICAL) {
      const r = parseWholeNumber(p.make(CELL_MAX), "Số");
      expect(r.ok, p.name).toBe(false);
      if (!r.ok)
        expect(r.message, p.name).toMatch(/^Cột "Số"(: ".{0,30}" không phải số nguyên| chưa nhập)\./);
    }
  });
});

describe("blank cells", () => {
  it("are those with only spaces of any kind, as before", () => {
    const text = fc.string({
      unit: fc.constantFrom(" ", "\n", "\u00a0", "\u200b", "\ufeff", "\u3000", "a"),
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(isBlankCell(t)).toBe(t.replace(/[\s\u00a0\u200b\ufeff]+/g, "") === "");
      }),
      { numRuns: 2000 },
    );
    expect(isBlankCell(PATHOLOGICAL.find((p) => p.name.startsWith("no-break"))!.make(CELL_MAX))).toBe(true);
  });
});

describe("headers", () => {
  const columns = unitColumns(plan, police);
  const visits = columns.find((c) => c.key === "el:luotKiemTra")!;

  it('drop "(…)" as the old expression did: the unit may be left out, an unclosed "(" is kept', () => {
    const headers = [
      "Ngày",
      "Lượt kiểm tra cơ sở kinh doanh dịch vụ",
      "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin) (ghi (chú)",
      "Nội dung (",
    ];
    const m = matchHeaders(columns, headers);
    expect(m.indexByKey.date).toBe(0);
    expect(m.indexByKey[visits.key]).toBe(1);
    // "(tin) (ghi (chú)" is dropped as "(tin)" and "(ghi (chú)", as /\([^)]*\)/g drops them.
    expect(m.indexByKey["el:tinTiepNhan"]).toBe(2);
    expect(m.unknown.map((u) => u.index)).toEqual([3]);
  });

  it("a header of 50,000 open parentheses, or any pathological text, is an unknown column", () => {
    for (const p of PATHOLOGICAL) {
      const header = p.make(CELL_MAX);
      const m = matchHeaders(columns, ["Ngày", header]);
      expect(m.indexByKey.date, p.name).toBe(0);
      // Spaces of any kind make a blank header, which is no column at all.
      expect(
        m.unknown.map((u) => u.index),
        p.name,
      ).toEqual(headerKey(header) === "" ? [] : [1]);
    }
  });
});

describe("the user's part of a note", () => {
  it("is what /\\s+$/ left, on random notes", () => {
    const note = fc.string({
      unit: fc.constantFrom("a", " ", "\n", "\t", "\u00a0", "\u3000", "\ufeff", "\u2028", NOTE_MARKER),
      maxLength: 40,
    });
    fc.assert(
      fc.property(note, (n) => {
        const at = n.indexOf(NOTE_MARKER);
        const user = (at >= 0 ? n.slice(0, at) : n).replace(/\s+$/, "");
        const ours = `${NOTE_MARKER} lỗi`;
        expect(mergeNote(n, ours)).toBe(user ? `${user}\n\n${ours}` : ours);
        expect(mergeNote(n, null)).toBe(user);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("email addresses in the settings", () => {
  it("are what the expression accepts, up to 254 characters", () => {
    const reference = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]{2,}$/;
    const text = fc.string({ unit: fc.constantFrom("a", "@", ".", " ", "-", ",", "vn"), maxLength: 30 });
    fc.assert(
      fc.property(text, (t) => {
        expect(isEmail(t)).toBe(reference.test(t));
      }),
    );
    expect(isEmail(`${"a".repeat(64)}@${"b".repeat(180)}.gov.vn`)).toBe(true);
    expect(isEmail(`${"a".repeat(64)}@${"b".repeat(190)}.gov.vn`)).toBe(false);
    expect(isEmail(`a@${"a.".repeat(CELL_MAX / 2)} `)).toBe(false);
  });

  it("a pasted list is split and de-duplicated (case aside), whatever its length", () => {
    const settings = {
      chairmanEmail: "chu.tich@quangkhai.vn",
      upperLevelName: "UBND huyện Tứ Kỳ",
      unitEditors: {},
      periodRule: "cutoff",
      sendDay: 15,
      sendHour: 7,
      reminderDaysBefore: 3,
      adminEmails: [],
      approval: "chairman",
      approvalReminderDays: 3,
    };
    const addresses = (n: number) => Array.from({ length: n }, (_, i) => `Can.Bo${i % 30}@QuangKhai.vn`);
    const r = validateSettings({ ...settings, upperLevelEmails: addresses(20_000).join(",\n") });
    expect(r.ok && r.settings.upperLevelEmails).toEqual(addresses(30).map((a) => a.toLowerCase()));
    const tooMany = Array.from({ length: 20_000 }, (_, i) => `can.bo${i}@quangkhai.vn`).join(" ");
    const refused = validateSettings({ ...settings, upperLevelEmails: tooMany });
    expect(refused.ok ? [] : refused.errors.map((e) => e.field)).toEqual(["upperLevelEmails"]);
  });
});
