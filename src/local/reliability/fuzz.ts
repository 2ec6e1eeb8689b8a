/**
 * Randomized use of the sheet by everyone who can reach it, through the built bundle, against a twin:
 * the same spreadsheet as setup left it, with no add-in. Every action a person takes (typing, pasting,
 * clearing, inserting and deleting rows and columns, retyping headers with the add-in's own column
 * names, other units' tabs, other tabs, tabs added and removed, outsiders, the sidebar, setup and
 * check-all run again) is done on both. Then:
 * - every cell outside the add-in's own columns (found by their metadata) and own tabs must be the same
 *   in both: nothing a person typed was changed;
 * - every change the sheet accepted has its line in the change log (who, which tab, where or what);
 * - no trigger failed, and both sheets accepted or refused each action alike.
 */
import { SYSTEM_TABS } from "../../core/plan";
import { COLUMN_MARK } from "../../core/columns";
import { createEnvironment, type Environment, type FiredExecution } from "../emulator/index";
import { loadDefaultPlan } from "../../plans";
import { a1, DISTRICT, OFFICE, officeSheet, random, STAFF, STRANGER } from "./world";

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Cell = unknown;

export interface FuzzResult {
  seed: number;
  actions: number;
  /** Actions by kind, and how many of each the sheet accepted. */
  kinds: Record<string, { done: number; accepted: number }>;
  /** Cells outside the add-in's columns and tabs that differ from the twin (at the checks and the end). */
  changed: number;
  /** How many times the two sheets were compared cell by cell. */
  comparisons: number;
  cellsCompared: number;
  /** Accepted changes, and those found in the change log. */
  expected: number;
  logged: number;
  triggerErrors: number;
  /** Actions one sheet accepted and the other refused. */
  divergences: number;
  /** The first few problems, to start looking from. */
  examples: string[];
}

const OWN_TABS = new Set<string>(Object.values(SYSTEM_TABS));
const plan = loadDefaultPlan();

/** What people type: right, wrong, hostile, and the add-in's own words. */
function values(unitId: string): string[] {
  const unit = plan.units.find((u) => u.id === unitId)!;
  return [
    "05/04/2023",
    "1/4/2023",
    "2023-03-20",
    "20/12/2023",
    "31/02/2023",
    "hôm qua",
    ...unit.tasks.slice(0, 3),
    ...plan.forms.slice(0, 2),
    "Việc khác",
    "3",
    "1.234",
    "0",
    "-2",
    "12,5",
    "ba",
    "0912 345 678",
    "030 198 001 234",
    "Có",
    "Không",
    "có",
    "Tuyên truyền tại thôn Đông",
    '=IMPORTRANGE("abc","A1")',
    "+84 912 345 678",
    "",
    "✓ Hợp lệ",
    "✗ Lỗi: giả",
    "Trạng thái",
    "x@y.vn",
    "chờ xác minh",
    "a".repeat(2000),
  ];
}

const HEADERS = ["Trạng thái", "Người nhập", "Cập nhật lúc", "Ngày", "Nhiệm vụ", "Ghi chú", "Cột riêng", ""];

interface Expected {
  key: string;
  what: string;
}

/**
 * The add-in's columns of a tab in the add-in's sheet (1-based), by their metadata: its own (status,
 * who, when), and all it marked (whose header cell setup writes when it is empty).
 */
function markedColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet): { own: Set<number>; all: Set<number> } {
  const own = new Set<number>();
  const all = new Set<number>();
  for (const m of sheet.createDeveloperMetadataFinder().withKey(COLUMN_MARK).find()) {
    const v = m.getValue();
    const c = m.getLocation().getColumn();
    if (!c) continue;
    all.add(c.getColumn());
    if (v === "status" || v === "enteredBy" || v === "updatedAt") own.add(c.getColumn());
  }
  return { own, all };
}

function same(a: Cell, b: Cell): boolean {
  if (a instanceof Date || b instanceof Date) {
    return (
      Object.prototype.toString.call(a) === Object.prototype.toString.call(b) && +(a as Date) === +(b as Date)
    );
  }
  return a === b;
}

export function fuzz(actions: number, seed: number, compareEvery = 250): FuzzResult {
  const rnd = random(seed);
  const addin = officeSheet();
  // The twin: the same spreadsheet and people, without the add-in (no script, no triggers).
  const state = addin.snapshot();
  const twin = createEnvironment({ state: { ...state, triggers: [] } });
  const result: FuzzResult = {
    seed,
    actions,
    kinds: {},
    changed: 0,
    comparisons: 0,
    cellsCompared: 0,
    expected: 0,
    logged: 0,
    triggerErrors: 0,
    divergences: 0,
    examples: [],
  };
  const expected: Expected[] = [];
  const seen = new Map<string, number>();
  /** The first few problems of each kind. */
  const note = (s: string, kind = s.split(" ")[0]!) => {
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    if (n < 4) result.examples.push(s);
  };
  const ss = (env: Environment) => env.active as Ss;
  let extraTabs = 0;
  let last = "";

  const tally = (kind: string) => {
    result.kinds[kind] ??= { done: 0, accepted: 0 };
    const k = result.kinds[kind]!;
    k.done++;
    return k;
  };

  const errorsOf = (fired: FiredExecution[]) => {
    for (const f of fired) {
      if (!f.result.ok) {
        result.triggerErrors++;
        note(`trigger ${f.functionName} failed: ${f.result.error}`, "trigger");
      }
    }
  };

  /** Does `act` on both sheets as `user`; true when both accepted it. */
  const both = (
    kind: string,
    user: string,
    act: (env: Environment) => FiredExecution[] | undefined,
  ): boolean => {
    const k = tally(kind);
    last = `${kind} by ${user} #${k.done}`;
    const outcome = [addin, twin].map((env) => {
      env.setUser(user);
      try {
        const fired = act(env);
        if (env === addin && fired) errorsOf(fired);
        return true;
      } catch (_) {
        return false;
      }
    });
    if (outcome[0] !== outcome[1]) {
      result.divergences++;
      note(
        `${kind} by ${user}: add-in ${outcome[0] ? "accepted" : "refused"}, twin ${outcome[1] ? "accepted" : "refused"}`,
      );
    }
    if (outcome[0]) k.accepted++;
    return outcome[0]! && outcome[1]!;
  };

  const tabsOf = (env: Environment) =>
    ss(env)
      .getSheets()
      .map((s) => s.getName());
  const sizeOf = (tab: string) => {
    const s = ss(twin).getSheetByName(tab)!;
    return { rows: Math.max(s.getLastRow(), 2), columns: Math.max(s.getLastColumn(), 1) };
  };

  const mirrorFormats = () => {
    twin.setUser(OFFICE);
    for (const s of STAFF.map((x) => x.tab).concat(plan.units.map((u) => u.tabName))) {
      const a = ss(addin).getSheetByName(s);
      const b = ss(twin).getSheetByName(s);
      if (!a || !b || a.getMaxRows() !== b.getMaxRows() || a.getMaxColumns() !== b.getMaxColumns()) continue;
      const all = (x: GoogleAppsScript.Spreadsheet.Sheet) =>
        x.getRange(1, 1, x.getMaxRows(), x.getMaxColumns());
      all(b).setNumberFormats(all(a).getNumberFormats());
    }
  };

  const compare = () => {
    result.comparisons++;
    const names = new Set([...tabsOf(addin), ...tabsOf(twin)]);
    for (const name of names) {
      if (OWN_TABS.has(name)) continue;
      const a = ss(addin).getSheetByName(name);
      const b = ss(twin).getSheetByName(name);
      if (!a || !b) {
        result.changed++;
        note(`tab "${name}" is in one sheet only`);
        continue;
      }
      const rows = Math.max(a.getLastRow(), b.getLastRow(), 1);
      const columns = Math.max(a.getLastColumn(), b.getLastColumn(), 1);
      const marked = markedColumns(a);
      const av = a
        .getRange(1, 1, Math.min(rows, a.getMaxRows()), Math.min(columns, a.getMaxColumns()))
        .getValues();
      const bv = b
        .getRange(1, 1, Math.min(rows, b.getMaxRows()), Math.min(columns, b.getMaxColumns()))
        .getValues();
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          if (marked.own.has(c + 1)) continue;
          const x = av[r]?.[c] ?? "";
          const y = bv[r]?.[c] ?? "";
          // A header setup wrote into an empty cell of a column of its own.
          if (r === 0 && y === "" && marked.all.has(c + 1)) continue;
          result.cellsCompared++;
          if (!same(x, y)) {
            result.changed++;
            note(
              `${name}!${a1(r + 1, c + 1)}: add-in has ${JSON.stringify(x)}, twin ${JSON.stringify(y)} (after ${last})`,
            );
          }
        }
      }
    }
  };

  for (let i = 0; i < actions; i++) {
    const roll = rnd.next();
    const staff = rnd.pick(STAFF);
    const pool = values(staff.unitId);
    if (roll < 0.3) {
      // Staff type one cell of their tab, anywhere (the add-in's columns and the header included).
      const { rows, columns } = sizeOf(staff.tab);
      const cell = a1(1 + rnd.int(rows + 3), 1 + rnd.int(columns + 2));
      const v = rnd.pick(pool);
      if (both("gõ một ô", staff.email, (env) => env.userEdit(staff.tab, cell, v, { typed: true }).fired))
        expected.push({ key: `${staff.email}|${staff.tab}|${cell}`, what: cell });
    } else if (roll < 0.4) {
      // A pasted block.
      const { rows, columns } = sizeOf(staff.tab);
      const top = 2 + rnd.int(rows + 2);
      const height = 1 + rnd.int(30);
      const width = 1 + rnd.int(columns);
      const left = 1 + rnd.int(columns - width + 1);
      const block = Array.from({ length: height }, () => Array.from({ length: width }, () => rnd.pick(pool)));
      const range = `${a1(top, left)}:${a1(top + height - 1, left + width - 1)}`;
      const where = height * width === 1 ? a1(top, left) : range;
      if (
        both(
          "dán một khối",
          staff.email,
          (env) => env.userEdit(staff.tab, range, block, { typed: true }).fired,
        )
      )
        expected.push({ key: `${staff.email}|${staff.tab}|${where}`, what: where });
    } else if (roll < 0.45) {
      // Cells cleared.
      const { rows, columns } = sizeOf(staff.tab);
      const top = 2 + rnd.int(rows);
      const height = 1 + rnd.int(5);
      const range = `${a1(top, 1)}:${a1(top + height - 1, columns)}`;
      const blank = Array.from({ length: height }, () => new Array(columns).fill(""));
      if (both("xoá nội dung", staff.email, (env) => env.userEdit(staff.tab, range, blank).fired))
        expected.push({ key: `${staff.email}|${staff.tab}|${range}`, what: range });
    } else if (roll < 0.51) {
      const { rows } = sizeOf(staff.tab);
      const after = 1 + rnd.int(rows);
      const n = 1 + rnd.int(4);
      if (both("chèn dòng", staff.email, (env) => env.userInsertRows(staff.tab, after, n)))
        expected.push({ key: `${staff.email}|${staff.tab}|Chèn ${n} dòng`, what: "chèn dòng" });
    } else if (roll < 0.57) {
      const { rows } = sizeOf(staff.tab);
      const at = 2 + rnd.int(Math.max(rows - 1, 1));
      const n = 1 + rnd.int(3);
      if (both("xoá dòng", staff.email, (env) => env.userDeleteRows(staff.tab, at, n)))
        expected.push({ key: `${staff.email}|${staff.tab}|Xoá ${n} dòng`, what: "xoá dòng" });
    } else if (roll < 0.63) {
      // The sidebar: the add-in appends the row; the twin gets the same row as the person's.
      const task = rnd.pick(plan.units.find((u) => u.id === staff.unitId)!.tasks);
      const fields = {
        date: rnd.pick(["05/04/2023", "31/02/2023", "06/04/2023"]),
        task,
        form: rnd.pick(plan.forms),
        content: rnd.pick(["Tuyên truyền tại thôn", "Gọi 0912 345 678", ""]),
      };
      const k = tally("biểu mẫu nhập");
      addin.setUser(staff.email);
      const before = ss(addin).getSheetByName(staff.tab)!.getLastRow();
      const r = addin.runFromClient("submitEntry", [{ unitId: staff.unitId, fields }]);
      if (!r.ok) {
        result.triggerErrors++;
        note(`submitEntry failed: ${r.error}`);
      } else if ((r.value as { ok: boolean; rowNumber?: number }).ok) {
        k.accepted++;
        const row = (r.value as { rowNumber: number }).rowNumber;
        const a = ss(addin).getSheetByName(staff.tab)!;
        const skip = markedColumns(a).own;
        const width = a.getLastColumn();
        const line = a
          .getRange(row, 1, 1, width)
          .getValues()[0]!
          .map((v, c) => (skip.has(c + 1) ? "" : v));
        twin.setUser(OFFICE); // the mirror's write stands for the person's, as the office may write anywhere
        const b = ss(twin).getSheetByName(staff.tab)!;
        if (b.getMaxRows() < row) b.insertRowsAfter(b.getMaxRows(), row - b.getMaxRows());
        b.getRange(row, 1, 1, width).setValues([line]);
        expected.push({ key: `${staff.email}|${staff.tab}|A${row}`, what: "biểu mẫu" });
        if (row <= before) note(`submitEntry wrote row ${row} over the last row ${before}`);
      }
    } else if (roll < 0.68) {
      // Another unit's tab: protected from these staff.
      const other = rnd.pick(STAFF.filter((s) => s !== staff));
      both(
        "trang đơn vị khác",
        staff.email,
        (env) => env.userEdit(other.tab, "A2", "05/04/2023", { typed: true }).fired,
      );
    } else if (roll < 0.71) {
      const who = rnd.pick([STRANGER, DISTRICT]);
      both("người ngoài", who, (env) => env.userEdit(staff.tab, "A2", "05/04/2023", { typed: true }).fired);
    } else if (roll < 0.75) {
      // The office retypes a header cell, often with the add-in's own column names.
      const { columns } = sizeOf(staff.tab);
      const cell = a1(1, 1 + rnd.int(columns + 2));
      const v = rnd.pick(HEADERS);
      if (both("sửa tiêu đề", OFFICE, (env) => env.userEdit(staff.tab, cell, v, { typed: true }).fired))
        expected.push({ key: `${OFFICE}|${staff.tab}|${cell}`, what: cell });
    } else if (roll < 0.79) {
      // The office types in its own columns (or anywhere) of a unit tab.
      const { rows, columns } = sizeOf(staff.tab);
      const cell = a1(2 + rnd.int(rows), 1 + rnd.int(columns + 3));
      const v = rnd.pick(pool);
      if (both("văn phòng gõ", OFFICE, (env) => env.userEdit(staff.tab, cell, v, { typed: true }).fired))
        expected.push({ key: `${OFFICE}|${staff.tab}|${cell}`, what: cell });
    } else if (roll < 0.81) {
      const { columns } = sizeOf(staff.tab);
      const after = rnd.int(columns + 1);
      if (both("chèn cột", OFFICE, (env) => env.userInsertColumns(staff.tab, after, 1)))
        expected.push({ key: `${OFFICE}|${staff.tab}|Chèn 1 cột`, what: "chèn cột" });
    } else if (roll < 0.82) {
      const { columns } = sizeOf(staff.tab);
      const at = 1 + rnd.int(columns);
      if (both("xoá cột", OFFICE, (env) => env.userDeleteColumns(staff.tab, at, 1)))
        expected.push({ key: `${OFFICE}|${staff.tab}|Xoá 1 cột`, what: "xoá cột" });
    } else if (roll < 0.93) {
      // Other tabs: the office's own notebook tabs, added, typed in, resized, renamed, removed.
      const mine = tabsOf(twin).filter((t) => t.startsWith("Sổ tay"));
      const which = rnd.next();
      if (mine.length === 0 || which < 0.1) {
        const name = `Sổ tay ${++extraTabs}`;
        if (both("thêm trang", OFFICE, (env) => env.userInsertSheet(name)))
          expected.push({ key: `${OFFICE}|${name}|Thêm trang`, what: "thêm trang" });
      } else {
        const tab = rnd.pick(mine);
        if (which < 0.6) {
          const cell = a1(1 + rnd.int(20), 1 + rnd.int(6));
          const v = rnd.pick(pool);
          if (both("trang khác: gõ", OFFICE, (env) => env.userEdit(tab, cell, v, { typed: true }).fired))
            expected.push({ key: `${OFFICE}|${tab}|${cell}`, what: cell });
        } else if (which < 0.75) {
          const after = 1 + rnd.int(10);
          if (both("trang khác: chèn dòng", OFFICE, (env) => env.userInsertRows(tab, after, 2)))
            expected.push({ key: `${OFFICE}|${tab}|Chèn 2 dòng`, what: "chèn dòng" });
        } else if (which < 0.85) {
          const at = 1 + rnd.int(10);
          if (both("trang khác: xoá dòng", OFFICE, (env) => env.userDeleteRows(tab, at, 1)))
            expected.push({ key: `${OFFICE}|${tab}|Xoá 1 dòng`, what: "xoá dòng" });
        } else if (which < 0.93) {
          const name = `Sổ tay ${++extraTabs}`;
          if (both("đổi tên trang", OFFICE, (env) => env.userRenameSheet(tab, name)))
            expected.push({ key: `${OFFICE}|${name}|Đổi tên trang`, what: "đổi tên" });
        } else if (both("xoá trang", OFFICE, (env) => env.userDeleteSheet(tab)))
          expected.push({ key: `${OFFICE}|${tab}|Xoá trang`, what: "xoá trang" });
      }
    } else if (roll < 0.95) {
      // The office runs setup or check-all again: nothing of a person's may change.
      const fn = rnd.pick(["setupSpreadsheet", "checkAllData"]);
      const k = tally(fn);
      addin.setUser(OFFICE);
      try {
        addin.run(fn);
        k.accepted++;
        // Setup formats its columns (text as text, dates as dates): the twin's columns get the same
        // formats, so that what people type next is read the same way in both.
        if (fn === "setupSpreadsheet") mirrorFormats();
      } catch (err) {
        result.triggerErrors++;
        note(`${fn} failed: ${String(err)}`);
      }
    } else {
      // Typing a figure into a row of one's own that exists: the commonest edit.
      const { rows } = sizeOf(staff.tab);
      const cell = a1(2 + rnd.int(Math.max(rows - 1, 1)), 1 + rnd.int(10));
      const v = rnd.pick(["3", "7", "0", "12"]);
      if (both("gõ một ô", staff.email, (env) => env.userEdit(staff.tab, cell, v, { typed: true }).fired))
        expected.push({ key: `${staff.email}|${staff.tab}|${cell}`, what: cell });
    }
    if ((i + 1) % compareEvery === 0) compare();
  }
  compare();

  // The lines that waited (the staff's sidebar entries) are written by the office's next run.
  addin.advanceTo(new Date(addin.now().getTime() + 2 * 3600_000));
  const log = ss(addin).getSheetByName(SYSTEM_TABS.changeLog)!;
  const lines = log.getRange(2, 1, Math.max(log.getLastRow() - 1, 1), 6).getValues();
  const found = new Map<string, number>();
  for (const [, user, tab, where, , what] of lines) {
    const verb = /^(Chèn \d+ (dòng|cột)|Xoá \d+ (dòng|cột)|Thêm trang|Xoá trang|Đổi tên trang)/.exec(
      String(what),
    )?.[0];
    for (const key of [`${user}|${tab}|${where}`, verb ? `${user}|${tab}|${verb}` : null]) {
      if (key) found.set(key, (found.get(key) ?? 0) + 1);
    }
  }
  result.expected = expected.length;
  for (const e of expected) {
    const n = found.get(e.key) ?? 0;
    if (n > 0) {
      result.logged++;
      found.set(e.key, n - 1);
    } else note(`not in the change log: ${e.key}`, "log");
  }
  return result;
}
