/**
 * Runs the hostile-input corpus through the command line, in process, as people call it (check,
 * rollup --json, rollup --html, and each case's own commands), then consolidates and exports every
 * readable workbook at once. Counts what must never happen: a crash (an exception out of the command,
 * or exit code 3), a stack trace or an English fragment in what is printed, an exit code other than the
 * documented one, a typed string (its canary) in the HTML or the DHIS2 export, an input changed.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runCli } from "../main";
import type { Family, HostileCase } from "./cases";

export type Fault = "crash" | "stackTrace" | "english" | "exitCode" | "typedInHtml" | "inputChanged";

export interface CaseResult {
  id: string;
  family: Family;
  expect: HostileCase["expect"];
  commands: number;
  faults: { fault: Fault; detail: string }[];
  slowestMs: number;
}

const NOW = new Date("2023-06-25T10:00:00+07:00");
const STACK = /^\s+at .+(:\d+:\d+|\(native\))\)?$/m;
/** Words that only Node or a bug would print (messages are Vietnamese; typed values are quoted). */
const ENGLISH =
  /\b(Error|TypeError|RangeError|undefined|NaN|ENOENT|EISDIR|EACCES|ELOOP|ENOTDIR|Unexpected|Cannot|illegal|position \d|\[object Object\])\b/;
const CANARY = /QQX\d+/;

function sha(path: string): string | null {
  try {
    if (!statSync(path).isFile()) return null;
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return null;
  }
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  threw: unknown;
}

async function run(argv: string[], cwd: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const t0 = performance.now();
  let code = -1;
  let threw: unknown = null;
  try {
    code = await runCli(argv, {
      cwd,
      now: () => NOW,
      stderrIsTTY: false,
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
    });
  } catch (err) {
    threw = err;
  }
  return { code, stdout, stderr, ms: performance.now() - t0, threw };
}

/** Faults common to every command: crash, stack trace, English, and the shape of a refusal. */
function commonFaults(r: Run, what: string, out: CaseResult["faults"]): void {
  if (r.threw !== null || r.code === 3)
    out.push({ fault: "crash", detail: `${what}: ${String(r.threw ?? r.stderr)}` });
  if (STACK.test(r.stderr) || STACK.test(r.stdout)) out.push({ fault: "stackTrace", detail: what });
  const english = ENGLISH.exec(r.stderr);
  if (english)
    out.push({ fault: "english", detail: `${what}: "${english[0]}" in ${r.stderr.slice(0, 200)}` });
  if (r.code === 2 && (r.stdout !== "" || !r.stderr.startsWith("Lỗi: "))) {
    out.push({ fault: "exitCode", detail: `${what}: exit 2 without a "Lỗi:" message alone` });
  }
}

/** check's documented exit code: 1 when its summary counts errors, 0 otherwise. */
function checkCodeFits(r: Run): boolean {
  const errors = /: ([\d.]+) lỗi, [\d.]+ cảnh báo\.$/m.exec(r.stdout);
  const n = errors ? Number((errors[1] ?? "0").replace(/\./g, "")) : 0;
  return r.code === (n > 0 ? 1 : 0);
}

function parses(json: string): boolean {
  try {
    return JSON.parse(json) !== null;
  } catch {
    return false;
  }
}

export async function runCase(c: HostileCase): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), "ke-hoach-hostile-"));
  const result: CaseResult = {
    id: c.id,
    family: c.family,
    expect: c.expect,
    commands: 0,
    faults: [],
    slowestMs: 0,
  };
  try {
    const input = c.make(dir);
    const before = sha(join(dir, input));
    const exec = async (argv: string[], expected: (r: Run) => boolean, label: string) => {
      const r = await run(argv, dir);
      result.commands++;
      result.slowestMs = Math.max(result.slowestMs, r.ms);
      commonFaults(r, label, result.faults);
      if (r.threw === null && r.code !== 3 && !expected(r)) {
        result.faults.push({
          fault: "exitCode",
          detail: `${label}: exit ${r.code}: ${r.stderr.slice(0, 300)}`,
        });
      }
      return r;
    };
    const readable = c.expect === "readable";
    await exec(["check", input], (r) => (readable ? checkCodeFits(r) : r.code === 2), "check");
    await exec(
      ["rollup", input, "--month", "2023-06", "--json"],
      (r) => (readable ? r.code === 0 && parses(r.stdout) : r.code === 2),
      "rollup --json",
    );
    const html = join(dir, "bao-cao.html");
    await exec(
      ["rollup", input, "--month", "2023-06", "--html", "bao-cao.html"],
      (r) => r.code === (readable ? 0 : 2),
      "rollup --html",
    );
    if (existsSync(html)) {
      const text = readFileSync(html, "utf8");
      const found = CANARY.exec(text);
      if (found) result.faults.push({ fault: "typedInHtml", detail: `${found[0]} in the HTML report` });
      if (!readable)
        result.faults.push({ fault: "exitCode", detail: "an HTML report from an unreadable file" });
    }
    for (const extra of c.extra ?? []) {
      const argv = extra.argv.map((a) => (a === "{in}" ? input : a));
      await exec(argv, (r) => r.code === extra.code, argv.join(" "));
    }
    if (sha(join(dir, input)) !== before) result.faults.push({ fault: "inputChanged", detail: input });
  } catch (err) {
    result.faults.push({ fault: "crash", detail: `making or running the case: ${String(err)}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

/** Consolidation and DHIS2 export of many hostile workbooks at once (kept in one folder). */
export async function runTogether(cases: readonly HostileCase[]): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), "ke-hoach-hostile-all-"));
  const result: CaseResult = {
    id: "tong-hop",
    family: "liên kết",
    expect: "readable",
    commands: 0,
    faults: [],
    slowestMs: 0,
  };
  try {
    const inputs: string[] = [];
    for (const c of cases) {
      if (c.expect !== "readable" || c.extra) continue;
      const sub = join(dir, `${inputs.length}`);
      mkdirSync(sub);
      inputs.push(join(`${inputs.length}`, c.make(sub)));
    }
    for (const argv of [
      ["consolidate", ...inputs, "--month", "2023-06", "--json"],
      ["export", ...inputs, "--format", "dhis2", "--month", "2023-06"],
    ]) {
      const r = await run(argv, dir);
      result.commands++;
      result.slowestMs = Math.max(result.slowestMs, r.ms);
      commonFaults(r, argv[0] as string, result.faults);
      if (r.code !== 0)
        result.faults.push({
          fault: "exitCode",
          detail: `${argv[0]}: exit ${r.code}: ${r.stderr.slice(0, 300)}`,
        });
      if (argv[0] === "export" && CANARY.test(r.stdout))
        result.faults.push({ fault: "typedInHtml", detail: "a canary in the DHIS2 export" });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

const FAULT_TEXT: Record<Fault, string> = {
  crash: "crashes",
  stackTrace: "stack traces",
  english: "English fragments",
  exitCode: "wrong exit codes",
  typedInHtml: "typed strings in the HTML or export",
  inputChanged: "inputs changed",
};

export interface HostileSummary {
  cases: number;
  commands: number;
  faults: Record<Fault, number>;
  results: CaseResult[];
}

export function summarize(results: readonly CaseResult[]): HostileSummary {
  const faults = Object.fromEntries(Object.keys(FAULT_TEXT).map((k) => [k, 0])) as Record<Fault, number>;
  for (const r of results) for (const f of r.faults) faults[f.fault]++;
  return {
    cases: results.filter((r) => r.id !== "tong-hop").length,
    commands: results.reduce((n, r) => n + r.commands, 0),
    faults,
    results: [...results],
  };
}

/** The RELIABILITY.md section, figures first, then one line per family. */
export function reliabilityMarkdown(
  s: HostileSummary,
  meta: { date: string; seconds: number; maxRssMb: number; heapLimitMb: number },
): string[] {
  const families = [...new Set(s.results.filter((r) => r.id !== "tong-hop").map((r) => r.family))];
  const lines = [
    "## Command line: hostile-input corpus",
    "",
    `Written by \`npm run reliability:cli\` on ${meta.date} (${meta.seconds.toFixed(0)} s; JavaScript heap capped at ${meta.heapLimitMb} MB; peak resident memory ${meta.maxRssMb.toFixed(0)} MB, which includes the 300 MB the corpus allocates to build its own zip bomb). ` +
      `${s.cases} workbooks generated by src/local/cli/hostile/cases.ts (never committed), each run through \`check\`, \`rollup --json\`, ` +
      "`rollup --html` and its own commands, then all readable ones at once through `consolidate` and `export --format dhis2`: " +
      `${s.commands} commands. Every string typed into a cell carries a canary that must never reach the HTML report or the export. ` +
      "test/cli/hostile.test.ts runs a share of every family on each `npm test`.",
    "",
    "| what must never happen | count | goal |",
    "|---|---:|---|",
    ...(Object.keys(FAULT_TEXT) as Fault[]).map(
      (f) => `| ${FAULT_TEXT[f]} | ${s.faults[f]} | 0 ${s.faults[f] === 0 ? "ok" : "**FAILED**"} |`,
    ),
    "",
    "| family | workbooks | readable / refused (exit 2) | slowest command |",
    "|---|---:|---|---:|",
  ];
  for (const fam of families) {
    const rs = s.results.filter((r) => r.family === fam && r.id !== "tong-hop");
    const ok = rs.filter((r) => r.expect === "readable").length;
    const slowest = rs.reduce((a, b) => (b.slowestMs > a.slowestMs ? b : a));
    lines.push(
      `| ${fam} | ${rs.length} | ${ok} / ${rs.length - ok} | ${(slowest.slowestMs / 1000).toFixed(2)} s (${slowest.id}) |`,
    );
  }
  const failed = s.results.filter((r) => r.faults.length > 0);
  if (failed.length > 0) {
    lines.push("", "Failures:", "");
    for (const r of failed.slice(0, 50))
      lines.push(`- ${r.id}: ${r.faults.map((f) => `${f.fault} (${f.detail.slice(0, 160)})`).join("; ")}`);
  }
  return lines;
}

/**
 * Writes a section into RELIABILITY.md between its markers (`<!-- name:begin -->`, the command line's
 * by default), leaving other sections alone.
 */
export function writeReliabilitySection(file: string, lines: readonly string[], name = "cli:hostile"): void {
  const BEGIN = `<!-- ${name}:begin -->`;
  const END = `<!-- ${name}:end -->`;
  const section = [BEGIN, ...lines, END].join("\n");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Reliability\n";
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
