/**
 * An edit's own start: evaluating Code.js and what the edit trigger compiles on first use, then the edit
 * itself, through the built bundle in the emulator, a fresh context per edit (as Google starts each
 * execution). Two kinds of stored settings alternate run by run on the same sheet: as our code saves them
 * now (marked as validated: no zod) and the same text without the marker (as stored before markers
 * existed: zod compiled, the schema built, one safeParse: the path every edit took before), each going
 * first in turn. Each run's
 * Code.js and zod text are made unique (a comment), so that V8's compilation cache serves neither.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { POLICE, setUp } from "./edit-path";

const root = join(import.meta.dirname, "..");
const KEY = "ks.settings";
const TAB = "Công an xã";
/** Where Code.js compiles its lazy zod (a quoted string: test/build/lazy-zod.ts). */
const ZOD_AT = `new Function('"use strict";`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export function editStart(runs = 150): string[] {
  const code = readFileSync(join(root, "build/Code.js"), "utf8");
  const lazyZod = code.split(ZOD_AT).length - 1;
  if (lazyZod > 1) throw new Error("Code.js should compile at most one string as zod");
  const env = setUp();
  const props = (
    env.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
  ).getDocumentProperties();
  const marked = props.getProperty(KEY)!;
  const { "ks.checked": marker, ...settings } = JSON.parse(marked) as Record<string, unknown>;
  if (typeof marker !== "string") throw new Error("settings saved through the dialog carry no marker");
  const variants = [
    { name: "settings saved by the dialog now (marked as validated)", raw: marked },
    { name: "the same settings stored before markers (validated with zod)", raw: JSON.stringify(settings) },
  ].map((v) => ({ ...v, load: [] as number[], total: [] as number[], cpu: [] as number[] }));
  env.setUser(POLICE);
  const load = env.load.bind(env);
  for (let i = 0; i < runs + 10; i++) {
    // ABBA: the first of a pair pays for the garbage the run before left, so each kind goes first in turn.
    for (const v of i % 2 ? [...variants].reverse() : variants) {
      props.setProperty(KEY, v.raw);
      const unique = `${code.replace(ZOD_AT, `${ZOD_AT}/*${i}*/`)}\n//${i}`;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      load(unique);
      const t1 = performance.now();
      const edit = env.userEdit(TAB, "A3", i % 2 ? "06/04/2023" : "07/04/2023", { typed: true });
      const t2 = performance.now();
      const c = process.cpuUsage(c0);
      if (!edit.fired.every((f) => f.result.ok)) throw new Error(JSON.stringify(edit.fired));
      if (i >= 10) {
        v.load.push(t1 - t0);
        v.total.push(t2 - t0);
        v.cpu.push((c.user + c.system) / 1000);
      }
    }
  }
  const [now, before] = variants as [(typeof variants)[0], (typeof variants)[0]];
  const row = (v: typeof now) =>
    `| ${v.name} | ${median(v.load).toFixed(2)} ms | ${median(v.total).toFixed(2)} ms | ${median(v.cpu).toFixed(2)} ms |`;
  return [
    "",
    "An edit's own start: Code.js evaluated, then one typed cell (the edit and change triggers, the emulator's " +
      `Sheets included), a fresh context per edit, ${runs} edits of each kind alternating on one sheet, each ` +
      "run's Code.js and zod text unique so that V8's cache serves neither (bench/edit-start.ts); medians of wall time and of the process's CPU time (which other processes' load inflates less). " +
      `The stored settings are all that differs (core/settings-mark.ts); Code.js ${lazyZod ? "still carries" : "no longer carries"} ` +
      `the lazy zod, for settings not marked. Load average ${loadavg()[0]!.toFixed(1)}.`,
    "",
    "| stored settings | Code.js evaluated | Code.js + the edit | the same, CPU time of the process |",
    "|---|---:|---:|---:|",
    row(now),
    row(before),
    `| difference: what validating the settings costs each edit | | ${(median(before.total) - median(now.total)).toFixed(2)} ms | ${(median(before.cpu) - median(now.cpu)).toFixed(2)} ms |`,
  ];
}
