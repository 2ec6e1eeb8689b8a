/**
 * The workbench's second demo (`WORKBENCH_DEMO=cap-tren npm start`): an upper level's workbook with three
 * communes, built as the end-to-end test builds them (src/local/upper-world.ts), through the real bundle.
 * Quang Khải's chairman approves tháng 4/2023 on the 15th (on time), Quang Phục's on the 16th (late),
 * Tân Kỳ's not at all (missing, reminded). The workbench then shows the upper level's workbook, with
 * every file of the shared Drive in its state.
 */
import type { Environment } from "../emulator/index";
import { approve, at, COMMUNES, communeSheet, intakeLink, UPPER_OFFICE, upperWorkbook } from "../upper-world";

const vn = (s: string) => new Date(`${s}+07:00`);

/** The clock when the demo is ready: the day after Quang Phục's late report. */
export const UPPER_DEMO_NOW = vn("2023-04-17T09:00:00");

export function createUpperDemo(opts: { code: string; htmlDir?: string }): Environment {
  const start = vn("2023-04-10T09:00:00");
  const upper = upperWorkbook(opts.code, start, opts.htmlDir ? { htmlDir: opts.htmlDir } : {});
  upper.setUser(UPPER_OFFICE);
  upper.run("syncCommunesNow");
  const communes = COMMUNES.map((c) =>
    communeSheet(opts.code, upper.drive, c, start, intakeLink(upper, c.name)),
  );
  const [a, b] = communes as [Environment, Environment, Environment];
  const worlds = [...communes, upper];
  at(worlds, vn("2023-04-15T07:00:00"));
  approve(a, COMMUNES[0]!.chairman, "2023-04");
  at(worlds, vn("2023-04-15T11:00:00"));
  at(worlds, vn("2023-04-16T07:00:00"));
  approve(b, COMMUNES[1]!.chairman, "2023-04");
  at(worlds, vn("2023-04-16T10:00:00"));
  at(worlds, vn("2023-04-17T07:00:00"));
  upper.setNow(UPPER_DEMO_NOW);
  upper.setUser(UPPER_OFFICE);
  return upper;
}
