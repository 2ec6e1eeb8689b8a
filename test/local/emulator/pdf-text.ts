/**
 * The text of a PDF as a reader extracts it: each text-showing operator's glyph codes mapped to
 * characters through its font's ToUnicode map (what a viewer's copy and search use). Enough for the
 * PDFs PDFKit writes (compressed streams, Identity-H fonts, one font name per font in the file); a
 * glyph without a mapping reads "\uFFFD". Also the glyph codes used, so a test can tell that no letter
 * fell back to the font's empty glyph (code 0).
 */
import { inflateSync } from "node:zlib";

interface PdfObject {
  dict: string;
  data?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(stream\r?\n|endobj)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const dict = m[2]!;
    if (m[3] === "endobj") {
      out.set(Number(m[1]), { dict });
      continue;
    }
    const start = m.index + m[0].length;
    const raw = pdf.subarray(start, start + Number(/\/Length (\d+)/.exec(dict)?.[1]));
    out.set(Number(m[1]), { dict, data: /FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return out;
}

function utf16(hex: string): string {
  return Buffer.from(hex, "hex").swap16().toString("utf16le");
}

/** A ToUnicode CMap: glyph code (hex, lower case) → text. */
function cmap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const from = Number.parseInt(r[1]!, 16);
      const to = Number.parseInt(r[2]!, 16);
      const list = r[3]!.startsWith("[") ? [...r[3]!.matchAll(/<([0-9a-f]+)>/gi)].map((x) => x[1]!) : null;
      for (let code = from; code <= to; code++) {
        const key = code.toString(16).padStart(r[1]!.length, "0");
        if (list) map.set(key, utf16(list[code - from]!));
        else {
          const first = Buffer.from(r[3]!.slice(1, -1), "hex");
          first.writeUInt16BE(first.readUInt16BE(first.length - 2) + (code - from), first.length - 2);
          map.set(key, utf16(first.toString("hex")));
        }
      }
    }
  }
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi))
      map.set(r[1]!.toLowerCase(), utf16(r[2]!));
  }
  return map;
}

/** Every text run of the PDF (one per Tj/TJ), in the order drawn, and the glyph codes they use. */
export function pdfText(bytes: Uint8Array): { runs: string[]; codes: string[] } {
  const all = objects(Buffer.from(bytes));
  // Font resource name (/F1) → its ToUnicode map, from every page's font dictionary.
  const fonts = new Map<string, Map<string, string>>();
  for (const o of all.values()) {
    for (const res of o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const f of res[1]!.matchAll(/\/([\w.-]+)\s+(\d+) 0 R/g)) {
        const font = all.get(Number(f[2]));
        const ref = /\/ToUnicode (\d+) 0 R/.exec(font?.dict ?? "")?.[1];
        const data = ref === undefined ? undefined : all.get(Number(ref))?.data;
        if (data) fonts.set(f[1]!, cmap(data.toString("latin1")));
      }
    }
  }
  const runs: string[] = [];
  const codes: string[] = [];
  for (const o of all.values()) {
    const content = o.data?.toString("latin1") ?? "";
    if (!/\bBT\b/.test(content)) continue;
    let font: Map<string, string> | undefined;
    for (const op of content.matchAll(/\/([\w.-]+)\s+[\d.]+\s+Tf|(\[[^\]]*\]\s*TJ|<[0-9a-f]*>\s*Tj)/gi)) {
      if (op[1] !== undefined) {
        font = fonts.get(op[1]);
        continue;
      }
      let run = "";
      for (const hex of op[2]!.matchAll(/<([0-9a-f]*)>/gi)) {
        for (let i = 0; i + 4 <= hex[1]!.length; i += 4) {
          const code = hex[1]!.slice(i, i + 4).toLowerCase();
          codes.push(code);
          run += font?.get(code) ?? "\uFFFD";
        }
      }
      runs.push(run);
    }
  }
  return { runs, codes };
}
