/**
 * Brings test/contract/results.json in line with the contract cases:
 *   npm run contract:results                      a new case gets its expected value, marked
 *                                                 "origin": "source" (the cited source's value);
 *                                                 entries of deleted cases go
 *   npm run contract:results -- recording.json    and the values a recording on Google gave
 *                                                 (npm run contract:record; see the README) replace
 *                                                 them, marked "origin": "recorded"
 * Entries recorded on Google are kept as they are.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CASES } from "../test/contract/cases/index";
import type { Recording } from "../test/contract/recorder";

const file = fileURLToPath(new URL("../test/contract/results.json", import.meta.url));
type Entry = { origin: "source" | "recorded"; source?: string; recordedAt?: string; value: unknown };
const old = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, Entry>) : {};
const recordingPath = process.argv[2];
const recording = recordingPath ? (JSON.parse(readFileSync(recordingPath, "utf8")) as Recording) : undefined;
if (recording && recording.format !== "contract-results@1") {
  console.error(`${recordingPath} is not a recording of the contract (format ${String(recording.format)})`);
  process.exit(2);
}

const next: Record<string, Entry> = {};
for (const c of CASES) {
  const recorded = recording?.results[c.id];
  const kept = old[c.id];
  next[c.id] = recorded
    ? { origin: "recorded", recordedAt: recording.recordedAt, value: recorded.value }
    : kept?.origin === "recorded"
      ? kept
      : { origin: "source", source: c.source, value: c.expected };
}
writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
execFileSync("npx", ["biome", "format", "--write", file], { stdio: "ignore" });
const counts = Object.values(next).reduce<Record<string, number>>((n, e) => {
  n[e.origin] = (n[e.origin] ?? 0) + 1;
  return n;
}, {});
console.log(`${file}: ${CASES.length} cases (${JSON.stringify(counts)})`);
if (recording)
  console.log(`to check by hand (${recording.manual.length}):\n  ${recording.manual.join("\n  ")}`);
