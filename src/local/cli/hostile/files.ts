/** Hostile cases about the file itself: damaged, encrypted, bombs, XXE, links. */
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ZipPart } from "../../xlsx/raw";
import { rawWorkbookBytes, rawWorkbookParts, zipBytes } from "../../xlsx/raw";
import type { HostileCase } from "./workbook";
import {
  CONTENT,
  fileName,
  MAIN,
  NOTES,
  otherTabs,
  policeTab,
  tidyRows,
  typed,
  unreadable,
  withCell,
  writer,
} from "./workbook";

export function containerCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const whole = () => rawWorkbookBytes({ sheets: [policeTab(tidyRows()), ...otherTabs()] });
  for (let k = 1; k < 20; k++) {
    out.push(
      unreadable(`tep/cat-${k * 5}pt`, "tệp hỏng/độc hại", () =>
        whole().slice(0, Math.floor((whole().length * k) / 20)),
      ),
    );
  }
  const parts = () => rawWorkbookParts({ sheets: [policeTab(tidyRows()), ...otherTabs()] });
  const patched = (f: (p: ZipPart) => ZipPart) => () => zipBytes(parts().map(f));
  const sheet1 = (f: (p: ZipPart) => ZipPart) =>
    patched((p) => (p.name === "xl/worksheets/sheet1.xml" ? f(p) : p));
  const doctype = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>`;
  const withDoctype = (name: string) =>
    patched((p) =>
      p.name === name ? { ...p, data: String(p.data).replace(/^<\?xml[^>]*\?>/, doctype) } : p,
    );
  out.push(
    unreadable("tep/rong", "tệp hỏng/độc hại", () => new Uint8Array()),
    unreadable(
      "tep/ole-xls",
      "tệp hỏng/độc hại",
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    ),
    unreadable(
      "tep/van-ban",
      "tệp hỏng/độc hại",
      () => new Uint8Array(Buffer.from("Ngày,Nhiệm vụ\n20/03/2023,x\n")),
    ),
    unreadable("tep/byte-ngau-nhien", "tệp hỏng/độc hại", () => {
      const b = new Uint8Array(4096);
      let x = 12345;
      for (let i = 0; i < b.length; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        b[i] = x & 0xff;
      }
      b.set([0x50, 0x4b, 0x03, 0x04]);
      return b;
    }),
    unreadable("tep/gzip", "tệp hỏng/độc hại", () => new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])),
    unreadable("tep/zip-khong-phai-bang-tinh", "tệp hỏng/độc hại", () =>
      zipBytes([{ name: "word/document.xml", data: "<w/>" }]),
    ),
    unreadable(
      "tep/ma-hoa",
      "tệp hỏng/độc hại",
      sheet1((p) => ({ ...p, flags: 1 })),
    ),
    unreadable("tep/nen-la", "tệp hỏng/độc hại", () => {
      const b = zipBytes(parts());
      // Compression method 99 (AES) in every central entry.
      const buf = Buffer.from(b);
      for (
        let i = buf.indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
        i >= 0;
        i = buf.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), i + 4)
      )
        buf.writeUInt16LE(99, i + 10);
      return new Uint8Array(buf);
    }),
    unreadable(
      "tep/bom-noi-that",
      "tệp hỏng/độc hại",
      sheet1((p) => ({ ...p, declaredSize: 300 * 1024 * 1024 })),
    ),
    unreadable("tep/bom-noi-doi", "tệp hỏng/độc hại", () =>
      zipBytes(
        parts().map((p) =>
          p.name === "xl/worksheets/sheet1.xml"
            ? {
                ...p,
                data: `<worksheet xmlns="${MAIN}"><sheetData>${"<row/>".repeat(2_000_000)}</sheetData></worksheet>`,
                declaredSize: 4096,
              }
            : p,
        ),
      ),
    ),
    {
      ...unreadable("tep/bom-300MB", "tệp hỏng/độc hại", () =>
        zipBytes(
          parts().map((p) =>
            p.name === "xl/worksheets/sheet1.xml"
              ? { ...p, data: Buffer.alloc(300 * 1024 * 1024, "<row/>") }
              : p,
          ),
        ),
      ),
      slow: true,
    },
    unreadable("tep/xxe-trang", "tệp hỏng/độc hại", withDoctype("xl/worksheets/sheet1.xml")),
    unreadable("tep/xxe-workbook", "tệp hỏng/độc hại", withDoctype("xl/workbook.xml")),
    unreadable("tep/xxe-chuoi", "tệp hỏng/độc hại", withDoctype("xl/sharedStrings.xml")),
    unreadable("tep/xxe-kieu", "tệp hỏng/độc hại", withDoctype("xl/styles.xml")),
    unreadable("tep/xxe-rels", "tệp hỏng/độc hại", withDoctype("xl/_rels/workbook.xml.rels")),
    unreadable("tep/billion-laughs", "tệp hỏng/độc hại", () =>
      rawWorkbookBytes({
        sheets: [policeTab(tidyRows()), ...otherTabs()],
        sharedStrings: {
          xml: `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><sst xmlns="${MAIN}"><si><t>&c;</t></si></sst>`,
        },
      }),
    ),
    unreadable("tep/thieu-workbook", "tệp hỏng/độc hại", () =>
      zipBytes(parts().filter((p) => p.name !== "xl/workbook.xml")),
    ),
    unreadable("tep/zip64", "tệp hỏng/độc hại", () => {
      const buf = Buffer.from(zipBytes(parts()));
      buf.writeUInt16LE(0xffff, buf.length - 22 + 10);
      return new Uint8Array(buf);
    }),
    unreadable("tep/qua-nhieu-phan", "tệp hỏng/độc hại", () =>
      zipBytes([
        ...parts(),
        ...Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}`, data: "", store: true })),
      ]),
    ),
    unreadable("tep/khong-co-trang", "tệp hỏng/độc hại", () => rawWorkbookBytes({ sheets: [] })),
  );
  const readableContainer = (id: string, bytes: () => Uint8Array) =>
    ({
      id,
      family: "tệp hỏng/độc hại",
      expect: "readable",
      make: writer(`${fileName(id)}.xlsx`, bytes),
    }) as HostileCase;
  out.push(
    readableContainer(
      "tep/xml-chua-dong",
      sheet1((p) => ({ ...p, data: String(p.data).replace("</sheetData></worksheet>", "") })),
    ),
    readableContainer(
      "tep/byte-khong-phai-utf8",
      sheet1((p) => ({
        ...p,
        data: Buffer.concat([
          Buffer.from(String(p.data).replace("</sheetData>", "")),
          Buffer.from([0xff, 0xfe, 0xc3]),
          Buffer.from("</sheetData></worksheet>"),
        ]),
      })),
    ),
    readableContainer(
      "tep/cdata-gia-o",
      sheet1((p) => ({
        ...p,
        data: String(p.data).replace(
          "</row>",
          '<c r="Z1" t="inlineStr"><is><t><![CDATA[</t></is></c><c r="A1"><v>1</v></c> QQX0]]></t></is></c></row>',
        ),
      })),
    ),
    readableContainer(
      "tep/chu-thich-gia-o",
      sheet1((p) => ({
        ...p,
        data: String(p.data).replace(
          "<sheetData>",
          '<sheetData><!-- <row r="2"><c r="A2"><v>1</v></c></row> -->',
        ),
      })),
    ),
    readableContainer(
      "tep/tien-to-x",
      sheet1((p) => ({
        ...p,
        data: String(p.data)
          .replace(/<(\/?)(worksheet|sheetData|row|c|v|is|t)\b/g, "<$1x:$2")
          .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`),
      })),
    ),
    readableContainer("tep/luu-khong-nen", () => zipBytes(parts().map((p) => ({ ...p, store: true })))),
    readableContainer("tep/ten-phan-duong-dan-la", () =>
      zipBytes([...parts(), { name: "../../etc/passwd", data: "x" }, { name: "/abs/path", data: "y" }]),
    ),
    readableContainer("tep/phan-trung-ten", () =>
      zipBytes([...parts(), ...parts().filter((p) => p.name === "xl/worksheets/sheet1.xml")]),
    ),
    readableContainer("tep/thieu-kieu", () => zipBytes(parts().filter((p) => p.name !== "xl/styles.xml"))),
    readableContainer("tep/thieu-chuoi", () =>
      zipBytes(parts().filter((p) => p.name !== "xl/sharedStrings.xml")),
    ),
    readableContainer(
      "tep/kieu-hong",
      patched((p) => (p.name === "xl/styles.xml" ? { ...p, data: "<styleSheet><cellXfs><xf numFmtId=" } : p)),
    ),
    readableContainer(
      "tep/lien-ket-ngoai",
      patched((p) =>
        p.name === "xl/_rels/workbook.xml.rels"
          ? {
              ...p,
              data: String(p.data).replace(
                "</Relationships>",
                '<Relationship Id="rX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="file:///etc/passwd" TargetMode="External"/></Relationships>',
              ),
            }
          : p,
      ),
    ),
  );
  return out;
}

export function linkCases(): HostileCase[] {
  const tidy = () => rawWorkbookBytes({ sheets: [policeTab(tidyRows()), ...otherTabs()] });
  const out: HostileCase[] = [
    {
      id: "lien-ket/tep-vao-la-lien-ket",
      family: "liên kết",
      expect: "readable",
      make(dir) {
        writeFileSync(join(dir, "that.xlsx"), tidy());
        symlinkSync(join(dir, "that.xlsx"), join(dir, "lien-ket.xlsx"));
        return "lien-ket.xlsx";
      },
    },
    {
      id: "lien-ket/vong",
      family: "liên kết",
      expect: "unreadable",
      make(dir) {
        symlinkSync(join(dir, "vong-b.xlsx"), join(dir, "vong-a.xlsx"));
        symlinkSync(join(dir, "vong-a.xlsx"), join(dir, "vong-b.xlsx"));
        return "vong-a.xlsx";
      },
    },
    {
      id: "lien-ket/treo",
      family: "liên kết",
      expect: "unreadable",
      make(dir) {
        symlinkSync(join(dir, "khong-co.xlsx"), join(dir, "treo.xlsx"));
        return "treo.xlsx";
      },
    },
    {
      id: "lien-ket/thu-muc",
      family: "liên kết",
      expect: "unreadable",
      make(dir) {
        symlinkSync(dir, join(dir, "thu-muc.xlsx"));
        return "thu-muc.xlsx";
      },
    },
    {
      id: "lien-ket/html-tro-vao-tep-vao",
      family: "liên kết",
      expect: "readable",
      make(dir) {
        writeFileSync(join(dir, "goc.xlsx"), tidy());
        symlinkSync(join(dir, "goc.xlsx"), join(dir, "ra.html"));
        return "goc.xlsx";
      },
      extra: [
        {
          argv: ["rollup", "{in}", "--month", "2023-06", "--html", "ra.html"],
          code: 2,
          inputUnchanged: true,
        },
        {
          argv: ["rollup", "{in}", "--month", "2023-06", "--html", "ra.html", "--force"],
          code: 2,
          inputUnchanged: true,
        },
      ],
    },
    {
      id: "lien-ket/o-lien-ket",
      family: "liên kết",
      expect: "readable",
      make: writer("o-lien-ket.xlsx", () =>
        zipBytes([
          ...rawWorkbookParts({
            sheets: [
              policeTab(tidyRows(), { after: '<hyperlinks><hyperlink ref="B2" r:id="rH"/></hyperlinks>' }),
              ...otherTabs(),
            ],
          }),
          {
            name: "xl/worksheets/_rels/sheet1.xml.rels",
            data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/></Relationships>`,
          },
        ]),
      ),
    },
    withCell("lien-ket/chu-javascript", "liên kết", 2, CONTENT, typed("javascript:alert(document.cookie)")),
    withCell("lien-ket/chu-file", "liên kết", 2, NOTES, typed("file:///etc/passwd")),
  ];
  return out;
}
