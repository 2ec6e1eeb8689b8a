/**
 * The add-in's own reliability suite (issue 12): randomized use against a twin without the add-in,
 * the monthly send under faults, and every exported function called by every person. The same code runs
 * whole in `npm run reliability` (figures into RELIABILITY.md) and at a small size in `npm test`
 * (test/reliability), so it cannot rot. Seeded: the same seed repeats the same run exactly.
 */
import { type AccessResult, everyFunction } from "./access";
import { type FaultCase, sendFaults } from "./faults";
import { type FuzzResult, fuzz } from "./fuzz";
import { bundle } from "./world";

export interface SuiteResult {
  fuzz: FuzzResult;
  faults: FaultCase[];
  access: AccessResult;
  seconds: { fuzz: number; faults: number; access: number };
}

export function runSuite(opts: { actions: number; seed: number; people?: readonly string[] }): SuiteResult {
  const time = <T>(f: () => T): [T, number] => {
    const t0 = Date.now();
    const v = f();
    return [v, (Date.now() - t0) / 1000];
  };
  const [f, fs] = time(() => fuzz(opts.actions, opts.seed));
  const [faults, ts] = time(() => sendFaults(bundle()));
  const [access, as] = time(() => everyFunction(opts.people));
  return { fuzz: f, faults, access, seconds: { fuzz: fs, faults: ts, access: as } };
}

/** Every goal of the suite met. */
export function suiteOk(r: SuiteResult): boolean {
  const f = r.fuzz;
  return (
    f.changed === 0 &&
    f.logged === f.expected &&
    f.triggerErrors === 0 &&
    f.divergences === 0 &&
    r.faults.every((c) => c.ok) &&
    r.access.privileged === 0 &&
    r.access.failedAllowed === 0
  );
}

const okIf = (good: boolean) => (good ? "ok" : "**FAILED**");

/** The RELIABILITY.md section. */
export function suiteMarkdown(r: SuiteResult, date: string): string[] {
  const f = r.fuzz;
  const pct = f.expected === 0 ? 100 : (100 * f.logged) / f.expected;
  const kinds = Object.entries(f.kinds).sort((a, b) => b[1].done - a[1].done);
  const lines = [
    "## The add-in: randomized use, the monthly send under faults, every function as every person",
    "",
    `Written by \`npm run reliability\` on ${date}, through the built bundle (build/Code.js) in the emulator ` +
      `(src/local/reliability, seed ${f.seed}; the same seed repeats the run exactly). test/reliability runs the ` +
      "same code at a smaller size on each `npm test`.",
    "",
    `### ${f.actions.toLocaleString("en")} randomized actions against a twin without the add-in (${r.seconds.fuzz.toFixed(0)} s)`,
    "",
    "Each action is done on the add-in's sheet and on its twin (the same spreadsheet as setup left it, no script). " +
      "Compared every 250 actions and at the end: every cell outside the add-in's own columns (status, who, when, " +
      "found by their metadata) and own tabs, and outside header cells setup filled in an empty column of its own. " +
      "When the office runs setup again, the twin's unit tabs take the same number formats (setup formats its " +
      "columns, text as text: what is typed next is read by them in both). Change-log lines are matched by who, " +
      "tab and cell (or kind of structural change); the staff's sidebar lines are written at the office's next run.",
    "",
    "| what must hold | count | goal |",
    "|---|---:|---|",
    `| cells a person typed that differ from the twin (${f.cellsCompared.toLocaleString("en")} compared in ${f.comparisons} comparisons) | ${f.changed} | 0 ${okIf(f.changed === 0)} |`,
    `| accepted changes found in the change log (structural ones included) | ${f.logged} of ${f.expected} (${pct.toFixed(1)} %) | 100 % ${okIf(f.logged === f.expected)} |`,
    `| trigger and sidebar errors | ${f.triggerErrors} | 0 ${okIf(f.triggerErrors === 0)} |`,
    `| actions one sheet accepted and the other refused | ${f.divergences} | 0 ${okIf(f.divergences === 0)} |`,
    "",
    "| action | done | accepted |",
    "|---|---:|---:|",
    ...kinds.map(([k, v]) => `| ${k} | ${v.done} | ${v.accepted} |`),
    "",
    `### The monthly send under faults (${r.seconds.faults.toFixed(0)} s)`,
    "",
    "| case | reports of tháng 4/2023 (goal) | drafts | explained in the send log | most triggers of one handler | retry triggers | |",
    "|---|---:|---:|---|---:|---:|---|",
    ...r.faults.map(
      (c) =>
        `| ${c.name} | ${c.reports} (${c.expected}) | ${c.drafts} | ${c.expected === 0 ? (c.explained ? `yes${c.perDay ? `, at most ${c.perDay} line a day` : ""}` : "no") : ""} | ${c.perHandler} | ${c.retries} | ${okIf(c.ok)} |`,
    ),
    "",
    `### Every exported function called by every person through google.script.run (${r.seconds.access.toFixed(0)} s)`,
    "",
    "| what must hold | count | goal |",
    "|---|---:|---|",
    `| calls (${r.access.functions} functions × ${r.access.people} people, trigger handlers with made-up and others' events) | ${r.access.calls} |  |`,
    `| calls a person may not make (or trigger handlers not run by their trigger) | ${r.access.refused} |  |`,
    `| of those, any that changed something (sheet, properties, triggers, mail) | ${r.access.privileged} | 0 ${okIf(r.access.privileged === 0)} |`,
    `| calls a person may make that failed | ${r.access.failedAllowed} | 0 ${okIf(r.access.failedAllowed === 0)} |`,
  ];
  const examples = [...f.examples, ...r.access.examples];
  if (examples.length > 0)
    lines.push("", "First problems found:", "", ...examples.map((e) => `- ${e.slice(0, 300)}`));
  return lines;
}
