/**
 * Issue 17: `npm test` stays under 5 minutes on a 2-core machine as the suite grows. scripts/test.mjs
 * records each step of the last whole run (test-results/npm-test.json) and vitest's per-file report
 * (test-results/vitest.json); this section shows them beside the goal.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const GOAL_S = 5 * 60;

interface Record {
  startedAt: string;
  cpus: number;
  cpu: string;
  load?: number[];
  ok: boolean;
  seconds: number;
  /** CPU time of all the steps' processes (Linux only). */
  cpuSeconds?: number;
  steps: { step: string; seconds: number; cpuSeconds?: number; ok: boolean }[];
}

interface VitestReport {
  numTotalTests: number;
  testResults: { name: string; startTime: number; endTime: number }[];
}

function cpu(s: number | undefined): string {
  return s === undefined ? "" : ` (${s.toFixed(1)} s CPU)`;
}

function minutes(s: number): string {
  return `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, "0")} s`;
}

export function testSuite(root: string): string[] {
  const head = ["## npm test", ""];
  const file = join(root, "test-results/npm-test.json");
  if (!existsSync(file)) {
    return [
      ...head,
      "No record yet: a whole `npm test` writes test-results/npm-test.json; run it, then the bench.",
    ];
  }
  const r = JSON.parse(readFileSync(file, "utf8")) as Record;
  const verdict = !r.ok ? "**FAILED**" : r.seconds > GOAL_S ? "**OVER**" : "ok";
  const lines = [
    ...head,
    `The last whole \`npm test\` (scripts/test.mjs), started ${r.startedAt.slice(0, 16).replace("T", " ")} UTC on ` +
      `${r.cpus} × ${r.cpu}` +
      (r.load
        ? `, 1-minute load average ${r.load.join(" at the start, ")} at the end (above ${r.cpus}, the suite waited for a core).`
        : "."),
    "",
    "Wall time, and in brackets the CPU time of the step's processes (Chromium's too): on a shared machine the " +
      "wall time follows the load, the CPU time is what the suite itself costs.",
    "",
    "| step | duration |",
    "|---|---:|",
    ...r.steps.map(
      (s) => `| ${s.step}${s.ok ? "" : " (failed)"} | ${s.seconds.toFixed(1)} s${cpu(s.cpuSeconds)} |`,
    ),
    `| **total** | **${minutes(r.seconds)}**${cpu(r.cpuSeconds)} (goal < 5 min on 2 cores: ${verdict}) |`,
  ];
  const vitestFile = join(root, "test-results/vitest.json");
  if (existsSync(vitestFile)) {
    const v = JSON.parse(readFileSync(vitestFile, "utf8")) as VitestReport;
    const files = v.testResults
      .map((t) => ({ name: relative(root, t.name), s: (t.endTime - t.startTime) / 1000 }))
      .sort((a, b) => b.s - a.s);
    lines.push(
      "",
      `${files.length} test files, ${v.numTotalTests} tests: those that drive Chromium one at a time, after the others, ` +
        "which run two at a time (vitest.config.ts). The slowest:",
      "",
      "| test file | duration |",
      "|---|---:|",
      ...files.slice(0, 8).map((f) => `| ${f.name} | ${f.s.toFixed(1)} s |`),
    );
  }
  return lines;
}
