/**
 * The hostile-input corpus of the command line: a few hundred workbooks made here, case by case, each
 * something a careless user or an attacker could hand over (odd cell types, huge and pathological
 * strings, Unicode forms, renamed/duplicated/hidden tabs, moved headers, merged cells, far cells,
 * damaged/encrypted/bomb/XXE containers, links). Generated, never committed: the same seed gives the
 * same corpus.
 * The cases live by subject in cells.ts, sheets.ts and files.ts, made of workbook.ts.
 */
import { cellTypeCases, stringCases, unicodeCases } from "./cells";
import { containerCases, linkCases } from "./files";
import { farCases, headerCases, mergeCases, tabCases } from "./sheets";
import type { HostileCase } from "./workbook";
import { resetCanaries } from "./workbook";

export type { Family, HostileCase } from "./workbook";

/** The whole corpus, in a fixed order. */
export function hostileCorpus(): HostileCase[] {
  resetCanaries();
  return [
    ...cellTypeCases(),
    ...stringCases(),
    ...unicodeCases(),
    ...tabCases(),
    ...headerCases(),
    ...mergeCases(),
    ...farCases(),
    ...containerCases(),
    ...linkCases(),
  ];
}
