/**
 * Issue 12: every check on what people type is linear in its length. Each pathological string of the
 * shared corpus (test/core/pathological.ts, 50,000 characters, the most a Sheets cell holds) goes through
 * every path that reads typed text, and each must cost ≤ 10 ms.
 */
import { loadavg } from "node:os";
import { matchHeaders, unitColumns } from "../src/core/columns";
import { mergeNote, NOTE_MARKER } from "../src/core/marks";
import { SCREEN_LIMIT, screenPersonalData } from "../src/core/personal-data";
import { validateSettings } from "../src/core/settings";
import { validateEntry } from "../src/core/validate";
import { quangKhai2023 as plan } from "../src/plans/quang-khai-2023";
import { CELL_MAX, PATHOLOGICAL } from "../test/core/pathological";

const GOAL_MS = 10;
const police = plan.units.find((u) => u.id === "congAnXa")!;
const columns = unitColumns(plan, police);
const ctx = { today: "2023-12-01" };
const row = { date: "05/04/2023", task: police.tasks[0]! };
const settings = {
  chairmanEmail: "chu.tich@quangkhai.vn",
  upperLevelName: "UBND huyện Tứ Kỳ",
  upperLevelEmails: ["lanhdao@tuky.gov.vn"],
  unitEditors: {},
  periodRule: "cutoff",
  sendDay: 15,
  sendHour: 7,
  reminderDaysBefore: 3,
};

/** Each path typed text takes, by the name it has in the table. */
const PATHS: [string, (s: string) => unknown][] = [
  ["free text (Nội dung)", (s) => validateEntry(plan, police, { ...row, content: s }, ctx)],
  [`detectors, all ${CELL_MAX.toLocaleString("en")}`, (s) => screenPersonalData(s)],
  ["a figure", (s) => validateEntry(plan, police, { ...row, "el:tinTiepNhan": s }, ctx)],
  ["a date", (s) => validateEntry(plan, police, { ...row, date: s }, ctx)],
  ["a list", (s) => validateEntry(plan, police, { ...row, task: s }, ctx)],
  ["a header", (s) => matchHeaders(columns, ["Ngày", s])],
  ["a cell's note", (s) => mergeNote(s, `${NOTE_MARKER} Cột "Nội dung" chưa nhập.`)],
];

/** Not a cell: the settings dialog's list of upper-level addresses, typed by the office. */
const settingsEmails = (s: string) => validateSettings({ ...settings, upperLevelEmails: s });

/**
 * CPU time of one run (the process's, garbage collection included), median of 7 after 3 warm-up runs, in
 * milliseconds. CPU rather than wall time: other work shares this machine, and waiting for a core is not
 * what a check costs.
 */
function cost(f: () => unknown): number {
  for (let i = 0; i < 3; i++) f();
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = process.cpuUsage();
    f();
    const t = process.cpuUsage(t0);
    times.push((t.user + t.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[3]!;
}

export function typedText(): string[] {
  const lines = [
    "## Pathological strings",
    "",
    `Each string is ${CELL_MAX.toLocaleString("en")} characters (the most a Sheets cell holds), checked by every path ` +
      "that reads typed text: a row's free-text cell (personal data screened up to " +
      `${SCREEN_LIMIT.toLocaleString("en")} characters, the note saying so), the personal-data detectors over the ` +
      "whole string, a figure, a date and a list cell of a row, a header, a cell's note. " +
      "CPU time (the process's, garbage collection included), median of 7 runs after 3 warm-up runs, in ms, " +
      "Node on this machine " +
      `(load average ${loadavg()[0]!.toFixed(1)} when measured). Goal: each ≤ ${GOAL_MS} ms.`,
    "",
    `| string | ${PATHS.map(([name]) => name).join(" | ")} | worst | goal |`,
    `|---|${PATHS.map(() => "---:").join("|")}|---:|---|`,
  ];
  let worstAll = 0;
  let worstSettings = { ms: 0, name: "" };
  for (const p of PATHOLOGICAL) {
    const s = p.make(CELL_MAX);
    const settingsMs = cost(() => settingsEmails(s));
    if (settingsMs > worstSettings.ms) worstSettings = { ms: settingsMs, name: p.name };
    const ms = PATHS.map(([, f]) => cost(() => f(s)));
    const worst = Math.max(...ms);
    worstAll = Math.max(worstAll, worst);
    lines.push(
      `| ${p.name} | ${ms.map((x) => x.toFixed(2)).join(" | ")} | ${worst.toFixed(2)} | ≤ ${GOAL_MS} ms ${worst > GOAL_MS ? "**OVER**" : "ok"} |`,
    );
  }
  lines.push(
    "",
    `Worst of all: ${worstAll.toFixed(2)} ms (goal ≤ ${GOAL_MS} ms${worstAll > GOAL_MS ? ", **OVER**" : ""}).`,
    "",
    "Not a cell, so not held to that goal: the settings dialog's list of upper-level addresses (office only) " +
      `costs at worst ${worstSettings.ms.toFixed(2)} ms, on "${worstSettings.name}", linear in the number of ` +
      "distinct addresses pasted (each invalid one gets zod's issue and its own message).",
  );
  return lines;
}
