/**
 * npm run bench: the figures the budgets in DESIGN.md are judged by, written to BENCHMARKS.md.
 * Sections are added by the features they measure; each returns markdown lines.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import vm from "node:vm";

const root = join(import.meta.dirname, "..");
const buildDir = join(root, "build");
const KB = 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function sizes(): string[] {
  const lines = ["## Bundle size", "", "| file | bytes | KB | budget |", "|---|---:|---:|---|"];
  for (const file of readdirSync(buildDir).sort()) {
    const bytes = statSync(join(buildDir, file)).size;
    const budget = file === "Code.js" ? "≤ 100 KB" : file.endsWith(".html") ? "≤ 80 KB" : "";
    const over = (file === "Code.js" && bytes > 100 * KB) || (file.endsWith(".html") && bytes > 80 * KB);
    lines.push(`| ${file} | ${bytes} | ${(bytes / KB).toFixed(1)} | ${budget}${over ? " **OVER**" : ""} |`);
  }
  return lines;
}

/** Every Apps Script execution evaluates the whole bundle first: that is its start-up cost. */
function startup(): string[] {
  const code = readFileSync(join(buildDir, "Code.js"), "utf8");
  const runs = 200;
  const times: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    const context = vm.createContext({});
    // A distinct file name per run keeps V8 from reusing a compiled script across runs.
    const t0 = performance.now();
    new vm.Script(code, { filename: `Code-${i}.js` }).runInContext(context);
    const t1 = performance.now();
    if (i >= 10) times.push(t1 - t0);
  }
  const med = median(times);
  return [
    "## Start-up",
    "",
    `Evaluating build/Code.js (compile + run) in a fresh node:vm context, ${runs} runs after 10 warm-up runs.`,
    "",
    "| median | p90 | budget |",
    "|---:|---:|---|",
    `| ${med.toFixed(3)} ms | ${[...times].sort((a, b) => a - b)[Math.floor(runs * 0.9)]!.toFixed(3)} ms | ≤ 3 ms ${med > 3 ? "**OVER**" : "ok"} |`,
  ];
}

const sections: Array<() => string[] | Promise<string[]>> = [sizes, startup];

const header = [
  "# Benchmarks",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
    `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}.`,
  "",
];
const body: string[] = [];
for (const section of sections) body.push(...(await section()), "");
const text = [...header, ...body].join("\n");
writeFileSync(join(root, "BENCHMARKS.md"), text);
console.log(text);
