/**
 * The upper level's inputs: any number of communes' workbooks, named one by one or as whole folders,
 * each read and rolled up on its own (one at a time: memory stays that of one workbook), with a
 * progress report between files.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, extname, join, relative } from "node:path";
import type { PeriodKey, PeriodRule, Plan } from "../../core";
import { describeFsError } from "../xlsx/fs-errors";
import { XlsxReadError } from "../xlsx/read";
import type { CommuneRollup } from "./consolidate";
import { readWorkbookFile, rollupBook } from "./workbook";

export interface WorkbookList {
  /** Workbooks to read, in the order given (a folder's own sorted by name). */
  files: { path: string; shown: string }[];
  /** Files given twice (the same file by identity) and left out. */
  duplicates: string[];
}

/** A spreadsheet's own lock file ("~$Quang Khải.xlsx") and hidden files are not communes. */
function isWorkbookName(name: string): boolean {
  return extname(name).toLowerCase() === ".xlsx" && !name.startsWith("~$") && !name.startsWith(".");
}

async function folderWorkbooks(dir: string, out: string[], depth = 0): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith(".") && depth < 8) await folderWorkbooks(p, out, depth + 1);
    else if ((e.isFile() || e.isSymbolicLink()) && isWorkbookName(e.name)) out.push(p);
  }
}

/**
 * Expands the arguments: a file is taken as it is (its reading says what is wrong with it), a folder
 * gives every .xlsx inside it and its subfolders. `resolvePath` maps an argument to an absolute path.
 */
export async function listWorkbooks(
  args: readonly string[],
  resolvePath: (p: string) => string,
): Promise<WorkbookList> {
  const files: { path: string; shown: string }[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  const add = async (path: string, shown: string) => {
    const id = await stat(path).then(
      (s) => `${s.dev}:${s.ino}`,
      () => `missing:${path}`,
    );
    if (seen.has(id)) duplicates.push(shown);
    else {
      seen.add(id);
      files.push({ path, shown });
    }
  };
  for (const arg of args) {
    const path = resolvePath(arg);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const found: string[] = [];
      try {
        await folderWorkbooks(path, found);
      } catch (err) {
        throw new XlsxReadError(describeFsError(err, path, "read"));
      }
      if (found.length === 0) {
        throw new XlsxReadError(
          `Thư mục "${arg}" không có tệp .xlsx nào. Hãy chép bảng tính của các xã vào đó.`,
        );
      }
      for (const f of found) await add(f, join(arg, relative(path, f)));
    } else await add(path, arg);
  }
  return { files, duplicates };
}

export interface ReadCommunesOptions {
  plan: Plan;
  month: PeriodKey;
  rule: PeriodRule;
  now: Date;
  /** Called after each file, read or not. */
  progress?(done: number, total: number): void;
}

export interface CommunesRead {
  communes: CommuneRollup[];
  /** Files that could not be read, each with its message. */
  failures: { file: string; message: string }[];
}

/** Reads and rolls up each workbook; a file that cannot be read is listed, the others still read. */
export async function readCommunes(list: WorkbookList, opts: ReadCommunesOptions): Promise<CommunesRead> {
  const used = new Map<string, number>();
  const out: CommunesRead = { communes: [], failures: [] };
  let done = 0;
  for (const file of list.files) {
    try {
      const book = await readWorkbookFile(file.path, opts.plan);
      const stem = basename(file.shown, extname(file.shown));
      const n = (used.get(stem) ?? 0) + 1;
      used.set(stem, n);
      out.communes.push({
        name: n > 1 ? `${stem} (${n})` : stem,
        file: file.shown,
        rollup: rollupBook(book, { plan: opts.plan, month: opts.month, rule: opts.rule, now: opts.now }),
        sendLog: book.sendLog,
      });
    } catch (err) {
      if (!(err instanceof XlsxReadError)) throw err;
      out.failures.push({ file: file.shown, message: err.message });
    }
    opts.progress?.(++done, list.files.length);
  }
  return out;
}
