#!/usr/bin/env node
/**
 * npm test: find Chromium, build, typecheck, lint, then vitest, each after the other, stopping at the first
 * that fails.
 * Arguments go to vitest (`npm test -- test/core`). The duration of each step of a whole run (no
 * arguments) is written to test-results/npm-test.json, with vitest's own per-file report beside it, so
 * that `npm run bench` can show the suite's time against its goal: under 5 minutes on 2 cores.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const results = join(root, "test-results");
const extra = process.argv.slice(2);
const whole = extra.length === 0;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const steps = [
  // First, so that a machine without Chromium stops at once with one line (scripts/chromium.ts).
  ["chromium", npm, ["run", "--silent", "chromium"]],
  ["build", npm, ["run", "--silent", "build"]],
  ["typecheck", npm, ["run", "--silent", "typecheck"]],
  ["lint", npm, ["run", "--silent", "lint"]],
  [
    "vitest",
    npm,
    [
      "exec",
      "--",
      "vitest",
      "run",
      ...(whole
        ? ["--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]
        : []),
      ...extra,
    ],
  ],
];

/**
 * CPU seconds of every finished child process and its own children (Linux's cutime + cstime), or null
 * elsewhere. On a shared machine wall time follows the load; CPU time is what the suite itself costs.
 */
function childrenCpuSeconds() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14; 100 ticks a second.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

const started = new Date();
const loadAtStart = loadavg()[0];
const timings = [];
let status = 0;
for (const [name, command, args] of steps) {
  const t0 = performance.now();
  const cpu0 = childrenCpuSeconds();
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  status = r.status ?? 1;
  const cpu1 = childrenCpuSeconds();
  timings.push({
    step: name,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    ...(cpu0 === null || cpu1 === null ? {} : { cpuSeconds: Math.round((cpu1 - cpu0) * 10) / 10 }),
    ok: status === 0,
  });
  if (status !== 0) break;
}
if (whole) {
  mkdirSync(results, { recursive: true });
  const record = {
    startedAt: started.toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "",
    // How busy the machine was (1-minute load average, at the start and the end): on 2 cores, above 2
    // means the suite waited for a core.
    load: [loadAtStart, loadavg()[0]].map((x) => Math.round(x * 10) / 10),
    ok: status === 0,
    seconds: Math.round(timings.reduce((s, t) => s + t.seconds, 0) * 10) / 10,
    ...(timings.every((t) => t.cpuSeconds !== undefined)
      ? { cpuSeconds: Math.round(timings.reduce((s, t) => s + t.cpuSeconds, 0) * 10) / 10 }
      : {}),
    steps: timings,
  };
  writeFileSync(join(results, "npm-test.json"), `${JSON.stringify(record, null, 2)}\n`);
}
process.exit(status);
