/**
 * `plan-from-text`: a plan document (.txt, or .docx through mammoth) drafted into the plan's tables, as
 * the office would run it; and every file that is not a readable plan document answered in Vietnamese,
 * without a stack trace and without filling the memory.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planFromTabCells, planToTabCells } from "../../src/core";
import type { ZipPart } from "../../src/local/xlsx/raw";
import { zipBytes } from "../../src/local/xlsx/raw";
import type { quangKhai2023 } from "../../src/plans/quang-khai-2023";
import { cli, tempDir } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

const fixtures = join(import.meta.dirname, "../fixtures/plan-documents");
const seedText = readFileSync(join(fixtures, "quang-khai-2023.txt"), "utf8");
copyFileSync(join(fixtures, "quang-khai-2023.txt"), tmp.path("ke-hoach.txt"));
// The seed plan as Word lays such a document out: header and signature blocks in tables, whole
// paragraphs, bold headings (see SOURCES.md beside it).
copyFileSync(join(fixtures, "quang-khai-2023.docx"), tmp.path("ke-hoach.docx"));

interface DraftJson {
  format: string;
  source: string;
  found: {
    header: { issuingBody: string; number: string; symbol: string; place: string; date: string };
    title: string;
    year: number;
    targets: { id: string; kind: string; op: string; value: number }[];
    units: { name: string; tasks: string[] }[];
    recipients: string[];
  };
  plan: typeof quangKhai2023;
  toComplete: { cell: string; path: string; why: string }[];
}

async function draftOf(file: string): Promise<DraftJson> {
  const run = await cli(["plan-from-text", file, "--json"], tmp.dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as DraftJson;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A .docx whose document part is `documentXml`, as small as Word accepts, with extra parts. */
function docxOf(documentXml: string, extra: ZipPart[] = []): Uint8Array {
  return zipBytes([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: RELS },
    { name: "word/document.xml", data: documentXml },
    ...extra,
  ]);
}

/** A .docx of the given body paragraphs. */
function docx(paragraphs: string[], extra: ZipPart[] = []): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`);
  return docxOf(
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body.join("")}</w:body></w:document>`,
    extra,
  );
}

describe("plan-from-text on the seed plan", () => {
  it("drafts from the .txt the header, the nine targets, the eleven units and the recipients", async () => {
    const draft = await draftOf("ke-hoach.txt");
    expect(draft.format).toBe("ke-hoach-sheet/plan-draft@1");
    expect(draft.found.header).toMatchObject({ symbol: "KH-UBND", place: "Quang Khải", date: "2023-03-15" });
    expect(draft.found.year).toBe(2023);
    expect(draft.found.targets.map((t) => `${t.id} ${t.op} ${t.value}`)).toEqual([
      "CT1a >= 1",
      "CT1b >= 1",
      "CT2a >= 30",
      "CT2b >= 30",
      "CT2c >= 30",
      "CT3 = 100",
      "CT4 >= 20",
      "CT5 = 100",
      "CT6 >= 60",
    ]);
    expect(draft.found.units).toHaveLength(11);
    expect(draft.found.recipients[0]).toBe("Lãnh đạo UBND huyện");
    // What the document does not say is left to the office, cell by cell, each with why.
    expect(draft.toComplete.length).toBeGreaterThan(10);
    for (const c of draft.toComplete) {
      expect(c.cell).toMatch(/^Kế hoạch![A-Z]+\d+$/);
      expect(c.why).not.toBe("");
    }
    // The drafted plan laid into the tab reads back with problems only where the draft marked a cell.
    const read = planFromTabCells(planToTabCells(draft.plan).values);
    expect(read.ok).toBe(false);
  });

  it("drafts the same from the Word file as from its text", async () => {
    const fromDocx = await draftOf("ke-hoach.docx");
    const fromTxt = await draftOf("ke-hoach.txt");
    expect(fromDocx.source).toBe("ke-hoach.docx");
    // Word writes typographic quotes where the text has straight ones: the same words.
    const plain = (d: DraftJson) => JSON.parse(JSON.stringify({ ...d, source: "" }).replace(/[“”]/g, '\\"'));
    expect(plain(fromDocx)).toEqual(plain(fromTxt));
  });

  it("prints for people what it found and how many cells the office must complete", async () => {
    const run = await cli(["plan-from-text", "ke-hoach.docx"], tmp.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Chỉ tiêu (9):");
    expect(run.stdout).toContain("CT6   ≥ 60 % (nếu có)");
    expect(run.stdout).toContain("Đơn vị thực hiện (11): Công an xã (5 nhiệm vụ)");
    expect(run.stdout).toMatch(/Văn phòng cần hoàn thiện \d+ ô của trang "Kế hoạch"/);
  });

  it("reads a .txt saved as UTF-16 (Windows Notepad's Unicode) and one with a BOM", async () => {
    writeFileSync(
      tmp.path("utf16.txt"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, "utf16le")]),
    );
    writeFileSync(tmp.path("bom.txt"), "\ufeff" + seedText);
    const plain = await draftOf("ke-hoach.txt");
    for (const f of ["utf16.txt", "bom.txt"]) {
      const d = await draftOf(f);
      expect(d.found).toEqual(plain.found);
    }
  });
});

describe("plan-from-text refuses what is no plan document, in Vietnamese", () => {
  async function refused(name: string, bytes: Uint8Array | string, expected: RegExp) {
    writeFileSync(tmp.path(name), bytes);
    const run = await cli(["plan-from-text", name], tmp.dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).not.toMatch(/Error|at .*\.ts|undefined|ENOENT/);
    return run.stderr;
  }

  it("a missing file, a folder, a .doc, a .pdf and another kind of file", async () => {
    await refused("x.bin", "abc", /phải là \.txt hoặc \.docx/);
    const run = await cli(["plan-from-text", "khong-co.docx"], tmp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Không tìm thấy tệp");
    await refused("cu.doc", "x", /Chưa đọc được tệp \.doc: .*lưu lại thành \.docx/);
    await refused("ban-scan.pdf", "%PDF-1.4", /Chưa đọc được tệp \.pdf/);
    const folder = await cli(["plan-from-text", "."], tmp.dir);
    expect(folder.code).toBe(2);
  });

  it("a .docx that is cut short, a renamed text file, a zip without a document, a password-protected file", async () => {
    const whole = readFileSync(tmp.path("ke-hoach.docx"));
    await refused("cut.docx", whole.subarray(0, whole.length >> 1), /bị hỏng hoặc không phải \.docx/);
    await refused("text.docx", seedText, /bị hỏng hoặc không phải \.docx/);
    await refused(
      "other.docx",
      zipBytes([{ name: "xl/workbook.xml", data: "<workbook/>" }]),
      /không có phần nội dung văn bản/,
    );
    // Word encrypts into an OLE compound file, the container of the old .doc.
    const ole = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    await refused("mat-khau.docx", ole, /có đặt mật khẩu hoặc là tệp \.doc cũ/);
    await refused(
      "encrypted-entry.docx",
      zipBytes([{ name: "word/document.xml", data: "<w:document/>", flags: 1 }]),
      /có đặt mật khẩu/,
    );
  });

  it("a zip bomb and a part that inflates past its declared size stop before mammoth reads them", async () => {
    // A part that says it inflates to 300 MB: refused from the directory, before anything inflates.
    await refused(
      "bomb.docx",
      docx(
        ["x"],
        [{ name: "word/media/big.xml", data: Buffer.alloc(1 << 20, 0x61), declaredSize: 300 << 20 }],
      ),
      /giải nén lớn bất thường/,
    );
    await refused(
      "lying.docx",
      docx(
        ["x"],
        [{ name: "word/styles.xml", data: Buffer.alloc(4 * 1024 * 1024, 0x20), declaredSize: 100 }],
      ),
      /giải nén lớn bất thường/,
    );
  });

  it("an XML entity bomb in the document is not expanded", async () => {
    const laughs =
      `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">` +
      Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY ${"b".repeat(i + 1)} "${`&${i === 0 ? "a" : "b".repeat(i)};`.repeat(10)}">`,
      ).join("") +
      `]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&bbbbbbbbb;</w:t></w:r></w:p></w:body></w:document>`;
    writeFileSync(tmp.path("laughs.docx"), docxOf(laughs));
    const run = await cli(["plan-from-text", "laughs.docx"], tmp.dir);
    // Either refused as broken or read without the billion characters: never a crash or a hang.
    expect([0, 2]).toContain(run.code);
    expect(run.stdout.length + run.stderr.length).toBeLessThan(10_000);
  });

  it("a text in an old Vietnamese encoding (not UTF-8) and an empty document", async () => {
    // "Kế hoạch" in Windows-1258 bytes: invalid as UTF-8.
    await refused(
      "cu.txt",
      Buffer.from([0x4b, 0xea, 0xd2, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68]),
      /không phải chữ Unicode/,
    );
    await refused("rong.txt", "  \n\n", /không có chữ nào/);
    await refused("rong.docx", docx([]), /không có chữ nào/);
  });
});
