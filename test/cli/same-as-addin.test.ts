/**
 * The command line and the add-in compute the same thing: the sheet the bundle keeps in the emulator,
 * downloaded as .xlsx (as Google's File → Download does), rolled up by the CLI, gives exactly the
 * rollup the add-in shows in its sidebar.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cell";
import type { Rollup } from "../../src/core/rollup";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment } from "../../src/local/emulator/index";
import { rollupWorkbook } from "../../src/local/cli/workbook";
import { workbookBytes, workbookFromTabs } from "../../src/local/xlsx/write";
import { CODE, OWNER, setUpSheet } from "../gas/harness";
import { typeApril } from "../gas/month";

const dir = mkdtempSync(join(tmpdir(), "ks-same-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("CLI rollup of the downloaded sheet", () => {
  it("equals the add-in's rollup of the same data, indicator by indicator and unit by unit", async () => {
    const now = new Date("2023-04-20T09:00:00+07:00");
    const env = createEnvironment(appWorld({ owner: OWNER, now: new Date("2023-04-10T09:00:00+07:00") }));
    env.load(CODE);
    setUpSheet(env);
    typeApril(env);
    env.setNow(now);
    env.setUser(OWNER);
    const shown = env.runFromClient("getRollupState", ["2023-04"]);
    if (!shown.ok) throw new Error(shown.error);
    const addin = (shown.value as { rollup: Rollup }).rollup;

    const ss = env.active as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const tabs = ss.getSheets().map((s) => ({
      name: s.getName(),
      values: s.getDataRange().getValues() as CellValue[][],
    }));
    const file = join(dir, "quang-khai.xlsx");
    writeFileSync(file, await workbookBytes(workbookFromTabs(tabs)));
    const cli = await rollupWorkbook(file, { month: "2023-04", now });

    expect(cli.indicators).toEqual(addin.indicators);
    expect(cli.units).toEqual(addin.units);
    expect(cli.problems).toEqual(addin.problems);
    expect(cli).toEqual(addin);
  });
});
