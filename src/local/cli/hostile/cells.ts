/** Hostile cases about what a cell holds: its type, its text, its Unicode form. */
import type { CellValue } from "../../../core";
import type { HostileCase } from "./workbook";
import {
  CONTENT,
  canary,
  DATE,
  NOTES,
  POLICE_HEADER,
  policeRow,
  policeTab,
  REACHED,
  readable,
  TASK,
  TASKS,
  otherTabs,
  tidyRows,
  typed,
  withCell,
  YESNO,
} from "./workbook";

export function cellTypeCases(): HostileCase[] {
  const kinds: [string, (ref: string) => CellValue][] = [
    ["so-nguyen", () => 42],
    ["so-am", () => -3],
    ["so-le", () => 12.5],
    ["so-rat-lon", () => 1e308],
    ["so-0", () => 0],
    ["dung-sai", () => true],
    ["loi-NA", () => '<c r="{ref}" t="e"><v>#N/A</v></c>'],
    ["loi-DIV0", () => '<c r="{ref}" t="e"><v>#DIV/0!</v></c>'],
    ["ngay-trong-o-so", () => '<c r="{ref}" s="1"><v>45005</v></c>'],
    ["chu-so-viet", () => typed("1.500")],
    ["chu-ngay", () => "20/03/2023"],
    ["chuoi-rong", () => '<c r="{ref}" t="inlineStr"><is><t></t></is></c>'],
    ["khoang-trang", () => "   "],
    ["cong-thuc-co-ket-qua", () => '<c r="{ref}"><f>6*2</f><v>12</v></c>'],
    ["cong-thuc-chu", () => '<c r="{ref}" t="str"><f>A1</f><v>QQX0 công thức</v></c>'],
    ["cong-thuc-khong-ket-qua", () => '<c r="{ref}"><f>SUM(X1:X9)</f></c>'],
    ["ngay-iso-t-d", () => '<c r="{ref}" t="d"><v>2023-03-20T00:00:00</v></c>'],
    ["chi-muc-chuoi-ngoai-tam", () => '<c r="{ref}" t="s"><v>99999</v></c>'],
    ["chi-muc-chuoi-khong-phai-so", () => '<c r="{ref}" t="s"><v>abc</v></c>'],
    ["kieu-la", () => '<c r="{ref}" t="zz"><v>7</v></c>'],
    ["so-rac", () => '<c r="{ref}"><v>12abc</v></c>'],
    ["v-rong", () => '<c r="{ref}"><v></v></c>'],
  ];
  const columns: [string, number][] = [
    ["ngay", DATE],
    ["nhiem-vu", TASK],
    ["so", REACHED],
    ["co-khong", YESNO],
    ["noi-dung", CONTENT],
  ];
  const out: HostileCase[] = [];
  for (const [cname, c] of columns) {
    for (const [kname, make] of kinds)
      out.push(withCell(`kieu-o/${cname}-${kname}`, "kiểu ô", 2, c, make("")));
  }
  return out;
}

export function stringCases(): HostileCase[] {
  const strings: [string, () => string][] = [
    ["50000-khong-dau-cach", () => typed("A".repeat(50_000))],
    ["1MB", () => typed("Nội dung dài ".repeat(80_000))],
    ["base64", () => typed(Buffer.from("x".repeat(30_000)).toString("base64"))],
    ["url-dai", () => typed(`https://example.com/${"a/".repeat(20_000)}`)],
    ["cccd", () => typed("030198001234")],
    ["cccd-cach", () => typed("030 198 001 234")],
    ["dien-thoai", () => typed("0912.345.678")],
    ["script", () => typed("<script>alert(1)</script>")],
    ["img-onerror", () => typed('"><img src=x onerror=alert(1)>')],
    ["cong-thuc-tiem", () => typed('=HYPERLINK("http://evil.example","Bấm")')],
    ["dde", () => typed("+cmd|' /C calc'!A0")],
    ["at-sum", () => typed("@SUM(1+1)*cmd|' /C calc'!A0")],
    ["ansi", () => typed("\u001b[2J\u001b[31mĐỎ\u001b[0m")],
    ["bidi", () => typed("\u202egnp.exe\u202c")],
    ["zero-width", () => typed("C\u200bó\u200d\ufeff")],
    ["emoji", () => typed("👨‍👩‍👧‍👦🇻🇳".repeat(500))],
    ["dau-chong", () => typed(`a${"\u0301".repeat(5000)}`)],
    ["xuong-dong", () => typed("dòng 1\r\ndòng 2\rdòng 3\n")],
    ["khoang-trang-dai", () => typed(" ".repeat(100_000))],
    ["co-lap-lai", () => typed("Có".repeat(10_000))],
    ["so-dai", () => typed("9".repeat(400))],
  ];
  const raws: [string, string][] = [
    ["thay-the-khong-hop-le", "&#xD800;&#0;&#1;&#xFFFF;"],
    ["x000-escape", "_x0000__x001B_[2J_x005F_x0041_"],
    ["entity-la", "&nbsp;&copy;&e;"],
  ];
  const out: HostileCase[] = [];
  for (const [name, s] of strings) {
    for (const [cname, c] of [
      ["noi-dung", CONTENT],
      ["ghi-chu", NOTES],
      ["nhiem-vu", TASK],
      ["so", REACHED],
    ] as const) {
      out.push(withCell(`chuoi/${name}-${cname}`, "chuỗi dị thường", 3, c, s()));
    }
  }
  for (const [name, raw] of raws) {
    const v = `<c r="{ref}" t="inlineStr"><is><t>${raw} ${canary()}</t></is></c>`;
    out.push(withCell(`chuoi/${name}-noi-dung`, "chuỗi dị thường", 3, CONTENT, v));
    out.push(withCell(`chuoi/${name}-so`, "chuỗi dị thường", 3, REACHED, v));
  }
  return out;
}

export function unicodeCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const forms = ["NFD", "NFKD", "NFKC"] as const;
  for (const form of forms) {
    out.push(
      readable(`unicode/tieu-de-${form}`, "dạng Unicode", () => [
        policeTab([POLICE_HEADER.map((h) => h.normalize(form)), policeRow(0), policeRow(1)]),
        ...otherTabs(),
      ]),
      readable(`unicode/ten-trang-${form}`, "dạng Unicode", () => [
        policeTab(tidyRows(), { name: "Công an xã".normalize(form) }),
        ...otherTabs(),
      ]),
    );
    out.push(withCell(`unicode/nhiem-vu-${form}`, "dạng Unicode", 2, TASK, (TASKS[0] ?? "").normalize(form)));
    out.push(withCell(`unicode/co-${form}`, "dạng Unicode", 2, YESNO, "Có".normalize(form)));
  }
  const variants: [string, CellValue, number][] = [
    ["so-toan-goc", "１２", REACHED],
    ["so-a-rap", "١٢", REACHED],
    ["co-toan-goc", "Ｃó", YESNO],
    ["khong-viet-thuong", "không", YESNO],
    ["co-hoa", "CÓ", YESNO],
    ["ngay-toan-goc", "２０/０３/２０２３", DATE],
    ["nhiem-vu-nbsp", (TASKS[0] ?? "").replace(/ /g, "\u00a0"), TASK],
    ["nhiem-vu-hoa", (TASKS[0] ?? "").toUpperCase(), TASK],
    ["i-tho-nhi-ky", "İ", CONTENT],
    ["dau-cach-2-chieu", "\u2028\u2029", CONTENT],
  ];
  for (const [name, v, c] of variants) out.push(withCell(`unicode/${name}`, "dạng Unicode", 2, c, v));
  out.push(
    readable("unicode/tieu-de-nbsp-va-dau-sao", "dạng Unicode", () => [
      policeTab([POLICE_HEADER.map((h) => `${h.replace(/ /g, "\u00a0")} *`), policeRow(0)]),
      ...otherTabs(),
    ]),
    readable("unicode/ten-trang-co-khoang-trang-cuoi", "dạng Unicode", () => [
      policeTab(tidyRows(), { name: "Công an xã " }),
      ...otherTabs(),
    ]),
  );
  return out;
}
