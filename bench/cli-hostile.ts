/**
 * npm run reliability:cli: the whole hostile-input corpus of the command line (src/local/cli/hostile),
 * its figures written into RELIABILITY.md. Run with the heap capped (package.json), so a workbook
 * that made the reader hold its used range would end the run instead of passing.
 */
import { join } from "node:path";
import { hostileCorpus } from "../src/local/cli/hostile/cases";
import {
  reliabilityMarkdown,
  runCase,
  runTogether,
  summarize,
  writeReliabilitySection,
} from "../src/local/cli/hostile/run";

const root = join(import.meta.dirname, "..");
const heapLimitMb = Number(/--max-old-space-size=(\d+)/.exec(process.execArgv.join(" "))?.[1] ?? 0);
const t0 = Date.now();
const corpus = hostileCorpus();
const results = [];
for (const [i, c] of corpus.entries()) {
  const r = await runCase(c);
  results.push(r);
  process.stderr.write(`\r${i + 1}/${corpus.length} ${c.id}`.padEnd(70).slice(0, 80));
  if (r.faults.length) process.stderr.write(`\n  ${JSON.stringify(r.faults).slice(0, 400)}\n`);
}
results.push(await runTogether(corpus));
process.stderr.write("\n");
const summary = summarize(results);
const lines = reliabilityMarkdown(summary, {
  date: new Date().toISOString().slice(0, 10),
  seconds: (Date.now() - t0) / 1000,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  heapLimitMb,
});
writeReliabilitySection(join(root, "RELIABILITY.md"), lines);
console.log(lines.join("\n"));
const faults = Object.values(summary.faults).reduce((a, b) => a + b, 0);
process.exitCode = faults === 0 && summary.cases >= 300 ? 0 : 1;
