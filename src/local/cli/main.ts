/**
 * `ke-hoach-sheet`: the plan, an empty template, and the check, rollup and consolidation of downloaded
 * workbooks, offline. Exit codes: 0 done; 1 `check` found an error-level problem; 2 the command was
 * called wrongly or a file could not be read (with a Vietnamese message saying what to do).
 * Input files are only ever read.
 */
import { basename, extname, resolve } from "node:path";
import type { PeriodKey, PeriodRule, Plan } from "../../core";
import {
  draftPlanFromText,
  instantOfCivilDate,
  isValidPeriodKey,
  parseDate,
  periodKeyOf,
  periodShortLabel,
  planPeriods,
  renderConsolidatedHtml,
  renderReportHtml,
  PLAN_TAB,
  planToJson,
  reportDueDate,
  todayIso,
} from "../../core";
import type { XlsxWorkbook } from "../xlsx/read";
import { openXlsxFile, XlsxReadError } from "../xlsx/read";
import type { OptionKind, ParsedArgs } from "./args";
import { parseArgs, UsageError } from "./args";
import { checkBook } from "./check";
import type { CommunesRead } from "./communes";
import { listWorkbooks, readCommunes } from "./communes";
import { consolidateRollups } from "./consolidate";
import { dhis2DataValueSet } from "./dhis2";
import { checkOutput, writeOutput } from "./files";
import {
  formatCheckText,
  formatConsolidationText,
  formatPlanText,
  formatRollupText,
  planJson,
} from "./format";
import { loadPlan } from "./plan-file";
import { draftJson, formatDraftText, readPlanDocument } from "./plan-document";
import { progressBar } from "./progress";
import { printable } from "./text";
import { planOfWorkbook, readPlanWorkbook, rollupBook } from "./workbook";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  /** Relative paths are taken from here. */
  cwd: string;
  /** Whether stderr is a terminal (a progress bar is drawn only then). */
  stderrIsTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
/** A fault of the program itself (never expected; the hostile-input suite counts these). */
export const EXIT_INTERNAL = 3;

const MAIN_HELP = `ke-hoach-sheet – làm việc với bảng tính kế hoạch (.xlsx tải từ Google Trang tính) không cần mạng.

Cách dùng: ke-hoach-sheet <lệnh> [tuỳ chọn]

Các lệnh:
  plan [--plan TỆP] [--json]
      In kế hoạch: đơn vị, tên trang tính, các cột của mỗi trang, chỉ tiêu và mục tiêu.
  plan-from-text VĂN-BẢN.txt|VĂN-BẢN.docx [--json]
      Soạn bản nháp kế hoạch từ văn bản kế hoạch (Word hoặc chữ), đánh dấu điều văn phòng phải hoàn thiện.
  export-plan [VÀO.xlsx] [--plan TỆP] [--out TỆP]
      Xuất kế hoạch (trang "Kế hoạch" của tệp) dạng JSON mà --plan đọc được.
  template RA.xlsx [--plan TỆP] [--force]
      Ghi một bảng tính mẫu trống, bố trí như tiện ích thiết lập trên Google Trang tính.
  check VÀO.xlsx [--plan TỆP] [--now NGÀY] [--rule cutoff|calendar]
      Kiểm tra từng dòng của mọi trang đơn vị; in từng vấn đề (trang, ô, nội dung).
  rollup VÀO.xlsx --month YYYY-MM [--rule cutoff|calendar] [--json] [--now NGÀY] [--html TỆP] [--force]
      Tổng hợp kết quả các chỉ tiêu của một kỳ báo cáo.
  consolidate A.xlsx B.xlsx THƯ-MỤC … --month YYYY-MM [--json] [--html TỆP] [--force]
      Tổng hợp nhiều xã: chỉ tiêu của từng xã và cộng chung (cộng tử số, mẫu số rồi mới tính tỉ lệ).
  export A.xlsx THƯ-MỤC … --format dhis2 --month YYYY-MM [--out TỆP] [--force]
      Xuất số liệu các xã theo dạng dataValueSets của DHIS2 (JSON) để nhập vào DHIS2.

Tuỳ chọn chung:
  --plan TỆP   dùng kế hoạch trong tệp JSON thay cho kế hoạch mặc định (được kiểm tra trước khi dùng)
  --help       xem hướng dẫn của một lệnh, ví dụ: ke-hoach-sheet rollup --help

Mã thoát: 0 xong; 1 lệnh check thấy lỗi; 2 gọi lệnh sai hoặc không đọc được tệp;
3 lỗi của chính chương trình (xin báo lại cho người phát triển).
Chương trình chỉ đọc các tệp vào, không bao giờ ghi đè lên chúng.`;

interface Command {
  usage: string;
  help: string;
  options: Record<string, OptionKind>;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

const RULE_HELP = `  --rule cutoff|calendar  cách tính kỳ: cutoff = từ ngày 15 tháng trước đến ngày 14 tháng báo cáo
                          (chế độ báo cáo theo Nghị định 09/2019/NĐ-CP, mặc định của kế hoạch);
                          calendar = tháng dương lịch`;
const NOW_HELP = `  --now NGÀY              coi hôm nay là NGÀY (YYYY-MM-DD hoặc dd/mm/yyyy): ngày sau đó bị coi là
                          chưa đến, và báo cáo HTML ghi ngày NGÀY; mặc định là hôm nay theo giờ
                          Việt Nam, và báo cáo HTML ghi ngày sau ngày cuối kỳ (hạn gửi báo cáo)`;
const MONTH_HELP = `  --month YYYY-MM         kỳ báo cáo, ví dụ 2023-06 là "tháng 6/2023" (cũng nhận 6/2023)`;

function resolvePath(io: CliIo, p: string): string {
  return resolve(io.cwd, p);
}

/**
 * The date an HTML report is signed: --now when given; otherwise the day after the period's last day,
 * the day the add-in sends it, so a report for 4/2023 made years later is not dated today.
 */
function reportDateOf(args: ParsedArgs, now: Date, month: PeriodKey, rule: PeriodRule): string {
  return args.values.has("now") ? todayIso(now) : reportDueDate(month, rule);
}

function oneInput(args: ParsedArgs, command: string, what: string): string {
  if (args.positionals.length === 0)
    throw new UsageError(`Lệnh ${command} cần ${what}. Xem: ke-hoach-sheet ${command} --help`);
  if (args.positionals.length > 1) {
    throw new UsageError(
      `Lệnh ${command} chỉ nhận một tệp, nhưng có ${args.positionals.length}: ${args.positionals.join(", ")}.`,
    );
  }
  return args.positionals[0] as string;
}

function noPositionals(args: ParsedArgs, command: string): void {
  if (args.positionals.length > 0) {
    throw new UsageError(
      `Lệnh ${command} không nhận "${args.positionals[0]}". Xem: ke-hoach-sheet ${command} --help`,
    );
  }
}

function planOf(args: ParsedArgs, io: CliIo): Promise<Plan> {
  const file = args.values.get("plan");
  return loadPlan(file === undefined ? undefined : resolvePath(io, file));
}

/**
 * The plan for one downloaded workbook: --plan when given, else the workbook's own "Kế hoạch" tab
 * (said on stderr, so that stdout stays the report), else the plan the add-in ships with.
 */
async function planForBook(args: ParsedArgs, io: CliIo, wb: XlsxWorkbook): Promise<Plan> {
  if (args.values.has("plan")) return planOf(args, io);
  const own = await planOfWorkbook(wb);
  if (!own) return planOf(args, io);
  io.stderr(printable(`Dùng kế hoạch trong trang "${PLAN_TAB}" của tệp: ${own.title}.`) + "\n");
  return own;
}

function ruleOf(args: ParsedArgs, plan: Plan): PeriodRule {
  const v = args.values.get("rule");
  if (v === undefined) return plan.periodRule;
  if (v === "cutoff" || v === "calendar") return v;
  throw new UsageError(
    `--rule chỉ nhận "cutoff" (từ ngày 15 tháng trước đến ngày 14 tháng báo cáo) hoặc "calendar" (tháng dương lịch), không nhận "${v}".`,
  );
}

/** `--now`: a date (midnight in Vietnam) or a full ISO date-time. */
export function parseNow(v: string | undefined, io: CliIo): Date {
  if (v === undefined) return io.now();
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t);
  } else {
    const d = parseDate(v, "--now");
    if (d.ok) return instantOfCivilDate(d.value);
  }
  throw new UsageError(`--now "${v}" không phải ngày. Hãy ghi theo dạng YYYY-MM-DD, ví dụ --now 2023-06-15.`);
}

function monthOf(args: ParsedArgs, plan: Plan, rule: PeriodRule, command: string): PeriodKey {
  const v = args.values.get("month");
  if (v === undefined) {
    throw new UsageError(
      `Lệnh ${command} cần --month YYYY-MM, ví dụ --month ${planPeriods(plan, rule)[2] ?? "2023-06"}.`,
    );
  }
  const slash = /^(\d{1,2})\/(\d{4})$/.exec(v.trim());
  const key = slash ? periodKeyOf(Number(slash[2]), Number(slash[1])) : v.trim();
  if (!isValidPeriodKey(key)) {
    throw new UsageError(
      `--month "${v}" không phải tháng. Hãy ghi theo dạng YYYY-MM, ví dụ --month 2023-06.`,
    );
  }
  const periods = planPeriods(plan, rule);
  if (!periods.includes(key)) {
    const first = periods[0];
    const last = periods[periods.length - 1];
    throw new UsageError(
      `${periodShortLabel(key)} không thuộc ${plan.title}` +
        (first && last ? ` (các kỳ từ ${periodShortLabel(first)} đến ${periodShortLabel(last)}).` : "."),
    );
  }
  return key;
}

/** Text for people: each line made safe for a terminal (a cell could hold escape codes). */
function print(io: CliIo, lines: string[]): void {
  io.stdout(lines.map(printable).join("\n") + "\n");
}

function printJson(io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + "\n");
}

/** The plan file, when one is given: outputs may not overwrite it either. */
function planInputs(args: ParsedArgs, io: CliIo): string[] {
  const file = args.values.get("plan");
  return file === undefined ? [] : [resolvePath(io, file)];
}

const BOOK_PLAN_HELP = `  --plan TỆP              kế hoạch trong tệp JSON; mặc định là kế hoạch trong trang "Kế hoạch" của tệp
                          (bảng tính tải từ tiện ích có trang này), nếu không có thì kế hoạch mặc định`;

const FORCE_HELP = `  --force                 ghi đè tệp ra đã có (không bao giờ ghi đè tệp vào)`;

const commands: Record<string, Command> = {
  plan: {
    usage: "ke-hoach-sheet plan [--plan TỆP] [--json]",
    help: `In kế hoạch: các đơn vị và tên trang tính của từng đơn vị, các cột của mỗi trang (tiêu đề, mã chỉ số,
loại cộng dồn/số hiện có, kiểu dữ liệu), các chỉ tiêu và mục tiêu.

  --json       in dạng JSON ổn định (xem README) để chương trình khác đọc
  --plan TỆP   kế hoạch trong tệp JSON thay cho kế hoạch mặc định`,
    options: { plan: "value", json: "flag", help: "flag" },
    async run(args, io) {
      noPositionals(args, "plan");
      const plan = await planOf(args, io);
      if (args.flags.has("json")) printJson(io, planJson(plan));
      else print(io, formatPlanText(plan));
      return EXIT_OK;
    },
  },

  "plan-from-text": {
    usage: "ke-hoach-sheet plan-from-text VĂN-BẢN.txt|VĂN-BẢN.docx [--json]",
    help: `Đọc văn bản kế hoạch (chữ trong tệp .txt, hoặc tệp Word .docx) và soạn bản nháp các bảng của trang
"Kế hoạch": số, ký hiệu, ngày và nơi ban hành, tên và năm, các chỉ tiêu có tỉ lệ % hoặc số lần mỗi tháng
(với lời văn và cách so sánh), các đơn vị và nhiệm vụ ở mục Tổ chức thực hiện, Nơi nhận, người ký.
Điều văn bản không nói (cột số liệu nào đo chỉ tiêu nào…) được để trống và đánh dấu cho văn phòng;
không đoán thầm điều gì. Tệp .doc, .pdf: lưu thành .docx hoặc chép chữ ra .txt trước.

  --json       in bản nháp dạng JSON: điều tìm thấy, kế hoạch (dạng --plan, còn ô trống), các ô cần hoàn thiện`,
    options: { json: "flag", help: "flag" },
    async run(args, io) {
      const input = oneInput(
        args,
        "plan-from-text",
        "một tệp .txt hoặc .docx, ví dụ: ke-hoach-sheet plan-from-text ke-hoach.docx",
      );
      const text = await readPlanDocument(resolvePath(io, input));
      const draft = draftPlanFromText(text);
      if (args.flags.has("json")) printJson(io, draftJson(draft, basename(input)));
      else print(io, formatDraftText(draft, input));
      return EXIT_OK;
    },
  },

  "export-plan": {
    usage: "ke-hoach-sheet export-plan [VÀO.xlsx] [--plan TỆP] [--out TỆP] [--force]",
    help: `Xuất kế hoạch dạng JSON, đúng dạng mà --plan đọc được (và tiện ích nhập được ở menu → Nhập kế hoạch
từ JSON): từ trang "Kế hoạch" của tệp VÀO.xlsx, hoặc từ --plan, hoặc kế hoạch mặc định.

  --out TỆP    ghi vào TỆP thay vì in ra màn hình
${FORCE_HELP}
  --plan TỆP   kế hoạch trong tệp JSON (kiểm tra rồi in lại)`,
    options: { plan: "value", out: "value", force: "flag", help: "flag" },
    async run(args, io) {
      if (args.positionals.length > 1) {
        throw new UsageError(
          `Lệnh export-plan nhận nhiều nhất một tệp .xlsx, nhưng có ${args.positionals.length}.`,
        );
      }
      const input = args.positionals[0];
      const inputs = [...planInputs(args, io), ...(input ? [resolvePath(io, input)] : [])];
      const plan = input
        ? await planForBook(args, io, await openXlsxFile(resolvePath(io, input)))
        : await planOf(args, io);
      const json = planToJson(plan);
      const outFile = args.values.has("out") ? resolvePath(io, args.values.get("out")!) : null;
      if (!outFile) io.stdout(json);
      else {
        const target = { kind: "json" as const, inputs, force: args.flags.has("force") };
        await checkOutput(outFile, target);
        await writeOutput(outFile, json, target);
        io.stderr(printable(`Đã ghi kế hoạch "${plan.title}" vào "${outFile}".`) + "\n");
      }
      return EXIT_OK;
    },
  },

  template: {
    usage: "ke-hoach-sheet template RA.xlsx [--plan TỆP] [--force]",
    help: `Ghi một bảng tính mẫu trống: mỗi đơn vị một trang, đúng tên trang, tiêu đề và thứ tự cột, danh sách
thả xuống, định dạng ngày và số như tiện ích thiết lập trên Google Trang tính. Tải tệp lên Google Drive,
mở bằng Google Trang tính, rồi chạy "Thiết lập / sửa bảng tính" trong menu của tiện ích.

  --force      ghi đè nếu tệp RA.xlsx đã có (mặc định: không ghi đè)
  --plan TỆP   kế hoạch trong tệp JSON thay cho kế hoạch mặc định`,
    options: { plan: "value", force: "flag", help: "flag" },
    async run(args, io) {
      const out = resolvePath(
        io,
        oneInput(args, "template", "tên tệp ra, ví dụ: ke-hoach-sheet template mau.xlsx"),
      );
      if (extname(out).toLowerCase() !== ".xlsx") {
        throw new UsageError(
          `Tên tệp ra phải có đuôi .xlsx (ví dụ mau.xlsx), không phải "${basename(out)}".`,
        );
      }
      const plan = await planOf(args, io);
      const target = { kind: "xlsx" as const, inputs: planInputs(args, io), force: args.flags.has("force") };
      await checkOutput(out, target);
      // exceljs only for the command that writes a workbook: loading it is a third of every start-up.
      const [{ buildTemplate }, { workbookBytes }] = await Promise.all([
        import("../xlsx/template"),
        import("../xlsx/write"),
      ]);
      await writeOutput(out, await workbookBytes(buildTemplate(plan)), target);
      print(io, [
        `Đã ghi bảng tính mẫu vào "${out}": ${plan.units.length} trang đơn vị (${plan.units.map((u) => u.tabName).join(", ")}).`,
        `Tải tệp lên Google Drive, mở bằng Google Trang tính, rồi chạy "Thiết lập / sửa bảng tính" trong menu "${plan.shortName}".`,
      ]);
      return EXIT_OK;
    },
  },

  check: {
    usage: "ke-hoach-sheet check VÀO.xlsx [--plan TỆP] [--now NGÀY] [--rule cutoff|calendar]",
    help: `Kiểm tra mọi dòng của mọi trang đơn vị bằng đúng quy tắc của tiện ích (ngày, nhiệm vụ, số nguyên,
Có/Không, thông tin cá nhân, quy tắc giữa các cột) và in từng vấn đề: trang, ô, nội dung.
Mã thoát 1 nếu có lỗi (cảnh báo không tính), 0 nếu không có lỗi.

${NOW_HELP}
${RULE_HELP}
${BOOK_PLAN_HELP}`,
    options: { plan: "value", now: "value", rule: "value", help: "flag" },
    async run(args, io) {
      const input = oneInput(args, "check", "một tệp .xlsx, ví dụ: ke-hoach-sheet check bang-tinh.xlsx");
      const wb = await openXlsxFile(resolvePath(io, input));
      const plan = await planForBook(args, io, wb);
      const rule = ruleOf(args, plan);
      const now = parseNow(args.values.get("now"), io);
      const book = await readPlanWorkbook(plan, wb);
      const report = checkBook(plan, book, { today: todayIso(now), rule });
      print(io, formatCheckText(report, input));
      return report.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
    },
  },

  rollup: {
    usage:
      "ke-hoach-sheet rollup VÀO.xlsx --month YYYY-MM [--rule cutoff|calendar] [--json] [--now NGÀY] [--html TỆP]",
    help: `Tổng hợp một kỳ báo cáo như tiện ích làm trên Google Trang tính: từng chỉ tiêu (kết quả luỹ kế, mục tiêu,
đánh giá, tiến độ), đơn vị chưa báo cáo, vấn đề về số liệu. Dòng có lỗi không được tính.

${MONTH_HELP}
${RULE_HELP}
  --json                  in đối tượng tổng hợp dạng JSON (đúng đối tượng tiện ích tính)
${NOW_HELP}
  --html TỆP              ghi thêm báo cáo dạng thư HTML (như thư gửi hằng tháng) vào TỆP; tệp đã có
                          chỉ được thay nếu đó là một báo cáo HTML
${FORCE_HELP}
${BOOK_PLAN_HELP}`,
    options: {
      plan: "value",
      month: "value",
      rule: "value",
      json: "flag",
      now: "value",
      html: "value",
      force: "flag",
      help: "flag",
    },
    async run(args, io) {
      const input = oneInput(
        args,
        "rollup",
        "một tệp .xlsx, ví dụ: ke-hoach-sheet rollup bang-tinh.xlsx --month 2023-06",
      );
      const inputPath = resolvePath(io, input);
      const wb = await openXlsxFile(inputPath);
      const plan = await planForBook(args, io, wb);
      const rule = ruleOf(args, plan);
      const month = monthOf(args, plan, rule, "rollup");
      const now = parseNow(args.values.get("now"), io);
      const html = args.values.has("html") ? resolvePath(io, args.values.get("html")!) : null;
      const target = {
        kind: "html" as const,
        inputs: [inputPath, ...planInputs(args, io)],
        force: args.flags.has("force"),
      };
      // Refused before the (possibly long) reading, and checked again just before writing.
      if (html) await checkOutput(html, target);
      const book = await readPlanWorkbook(plan, wb);
      const rollup = rollupBook(book, { plan, month, rule, now });
      if (html) {
        const page = renderReportHtml(plan, rollup, {
          reportDate: reportDateOf(args, now, month, rule),
          upperLevelName: plan.upperLevel,
        });
        await writeOutput(html, page, target);
        io.stderr(printable(`Đã ghi báo cáo HTML vào "${html}".`) + "\n");
      }
      if (args.flags.has("json")) printJson(io, rollup);
      else print(io, formatRollupText(plan, rollup, input));
      return EXIT_OK;
    },
  },

  consolidate: {
    usage:
      "ke-hoach-sheet consolidate A.xlsx B.xlsx THƯ-MỤC … --month YYYY-MM [--json] [--html TỆP] [--force]",
    help: `Tổng hợp cho cấp trên từ bảng tính của nhiều xã (cùng một kế hoạch): chỉ tiêu của từng xã đặt cạnh
nhau, và cột Tổng cộng tính bằng cách cộng tử số và mẫu số của các xã rồi mới chia (không lấy trung
bình các tỉ lệ). Xã thiếu mẫu số của một chỉ tiêu không được cộng vào chỉ tiêu đó và được ghi rõ.
Tên xã là tên tệp (bỏ đuôi .xlsx). Một thư mục cho mọi tệp .xlsx trong đó (cả thư mục con).
Trên màn hình dòng lệnh, một thanh tiến độ cho biết đã đọc bao nhiêu tệp.

${MONTH_HELP}
  --json                  in kết quả dạng JSON ổn định (xem README)
  --html TỆP              ghi thêm báo cáo tổng hợp HTML cho cấp trên (cùng dạng với thư báo cáo
                          tháng): một cột mỗi xã và cột Tổng cộng, xã nào đã gửi báo cáo, đúng hạn
                          hay muộn (theo trang Nhật ký gửi trong tệp)
${FORCE_HELP}
${RULE_HELP}
${NOW_HELP}
  --plan TỆP              kế hoạch trong tệp JSON thay cho kế hoạch mặc định`,
    options: {
      plan: "value",
      month: "value",
      rule: "value",
      json: "flag",
      now: "value",
      html: "value",
      force: "flag",
      help: "flag",
    },
    async run(args, io) {
      const html = args.values.has("html") ? resolvePath(io, args.values.get("html")!) : null;
      const target = (inputs: string[]) => ({
        kind: "html" as const,
        inputs,
        force: args.flags.has("force"),
      });
      const { plan, read, inputs } = await readCommunesOf(args, io, "consolidate", async (files) => {
        if (html) await checkOutput(html, target(files));
      });
      const result = consolidateRollups(plan, read.communes);
      if (html) {
        const rule = ruleOf(args, plan);
        const month = monthOf(args, plan, rule, "consolidate");
        const now = parseNow(args.values.get("now"), io);
        const page = renderConsolidatedHtml(plan, result, {
          reportDate: reportDateOf(args, now, month, rule),
        });
        await writeOutput(html, page, target(inputs));
        io.stderr(printable(`Đã ghi báo cáo HTML vào "${html}".`) + "\n");
      }
      if (args.flags.has("json")) printJson(io, result);
      else print(io, formatConsolidationText(result));
      return EXIT_OK;
    },
  },

  export: {
    usage: "ke-hoach-sheet export A.xlsx THƯ-MỤC … --format dhis2 --month YYYY-MM [--out TỆP] [--force]",
    help: `Xuất số liệu của các xã trong một kỳ theo dạng dataValueSets (JSON) của DHIS2, để nhập vào DHIS2
(POST /api/dataValueSets). Mỗi vế của chỉ tiêu là một phần tử dữ liệu, mã "CT2a.TU_SO" (tử số) và
"CT2a.MAU_SO" (mẫu số); chỉ tiêu "ít nhất N lần mỗi tháng" là "CT1a.SO_LAN". Giá trị là của riêng
tháng đó (số làm được trong tháng; số hiện có ở cuối tháng), DHIS2 tự cộng dồn. Đơn vị (orgUnit) là
tên xã (tên tệp bỏ đuôi .xlsx); kỳ là tháng theo cách DHIS2 ghi, ví dụ 202306. Chỉ có số tổng hợp.

  --format dhis2          dạng xuất (hiện có: dhis2)
${MONTH_HELP}
  --out TỆP               ghi vào TỆP thay vì in ra màn hình
${FORCE_HELP}
${RULE_HELP}
${NOW_HELP}
  --plan TỆP              kế hoạch trong tệp JSON thay cho kế hoạch mặc định`,
    options: {
      plan: "value",
      month: "value",
      rule: "value",
      now: "value",
      format: "value",
      out: "value",
      force: "flag",
      help: "flag",
    },
    async run(args, io) {
      const format = args.values.get("format");
      if (format !== "dhis2") {
        throw new UsageError(
          format === undefined
            ? "Lệnh export cần --format dhis2 (dạng dataValueSets của DHIS2)."
            : `--format chỉ nhận "dhis2", không nhận "${format}".`,
        );
      }
      const outFile = args.values.has("out") ? resolvePath(io, args.values.get("out")!) : null;
      const { plan, read, inputs } = await readCommunesOf(args, io, "export", async (files) => {
        if (outFile)
          await checkOutput(outFile, { kind: "json", inputs: files, force: args.flags.has("force") });
      });
      const set = dhis2DataValueSet(plan, read.communes);
      const json = JSON.stringify(set, null, 2) + "\n";
      if (!outFile) io.stdout(json);
      else {
        await writeOutput(outFile, json, { kind: "json", inputs, force: args.flags.has("force") });
        io.stderr(
          printable(
            `Đã ghi ${set.dataValues.length} giá trị của ${read.communes.length} xã vào "${outFile}".`,
          ) + "\n",
        );
      }
      return EXIT_OK;
    },
  },
};

/**
 * What consolidate and export share: the plan, the month, the workbooks (files and folders) read one by
 * one with a progress bar on a terminal. A file that cannot be read stops the command (exit code 2)
 * after every other file was read, so one run lists every file to fix.
 */
async function readCommunesOf(
  args: ParsedArgs,
  io: CliIo,
  command: string,
  beforeReading?: (inputs: string[]) => Promise<void>,
): Promise<{ plan: Plan; read: CommunesRead; inputs: string[] }> {
  if (args.positionals.length === 0) {
    throw new UsageError(
      `Lệnh ${command} cần các tệp .xlsx của các xã hoặc thư mục chứa chúng, ví dụ: ke-hoach-sheet ${command} xa-a.xlsx xa-b.xlsx --month 2023-06`,
    );
  }
  const plan = await planOf(args, io);
  const rule = ruleOf(args, plan);
  const month = monthOf(args, plan, rule, command);
  const now = parseNow(args.values.get("now"), io);
  const list = await listWorkbooks(args.positionals, (p) => resolvePath(io, p));
  const inputs = [...list.files.map((f) => f.path), ...planInputs(args, io)];
  await beforeReading?.(inputs);
  const bar = io.stderrIsTTY ? progressBar(io.stderr, "Đang đọc") : null;
  const read = await readCommunes(list, { plan, month, rule, now, progress: bar?.update });
  bar?.done();
  for (const d of list.duplicates)
    io.stderr(printable(`Cảnh báo: "${d}" được ghi hai lần; chỉ đọc một lần.`) + "\n");
  if (read.failures.length > 0) {
    const lines = read.failures.map((f) => `  - ${f.message}`);
    throw new XlsxReadError(
      [`${read.failures.length}/${list.files.length} tệp không đọc được, chưa tổng hợp:`, ...lines].join(
        "\n",
      ),
    );
  }
  return { plan, read, inputs };
}

function defaultIo(): CliIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    now: () => new Date(),
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Runs one command line (without "node" and the script) and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const env: CliIo = { ...defaultIo(), ...io };
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    print(env, [MAIN_HELP]);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = new Map(Object.entries(commands)).get(name);
  if (!command) {
    env.stderr(
      `Lỗi: không có lệnh "${name}". Các lệnh: ${Object.keys(commands).join(", ")}. Xem: ke-hoach-sheet --help\n`,
    );
    return EXIT_USAGE;
  }
  try {
    const args = parseArgs(rest, command.options, name);
    if (args.flags.has("help")) {
      print(env, [`Cách dùng: ${command.usage}`, "", command.help]);
      return EXIT_OK;
    }
    return await command.run(args, env);
  } catch (err) {
    if (err instanceof UsageError || err instanceof XlsxReadError) {
      env.stderr(printable(`Lỗi: ${err.message}`) + "\n");
      return EXIT_USAGE;
    }
    // A bug: no stack trace for people (set KE_HOACH_SHEET_DEBUG=1 to see it), a request to report it.
    if (process.env.KE_HOACH_SHEET_DEBUG) env.stderr(String(err instanceof Error ? err.stack : err) + "\n");
    env.stderr(
      "Lỗi của chương trình (không phải do tệp của bạn). Xin gửi lệnh vừa chạy và tệp cho người phát triển để sửa.\n",
    );
    return EXIT_INTERNAL;
  }
}
