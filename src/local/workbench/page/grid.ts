/**
 * One tab as a grid, like Google Sheets: in its default font (Arial 10 pt), column widths, row heights
 * the script set (other rows fit their content), merged cells, wrapping, alignment, display values,
 * backgrounds, bold, frozen rows, notes (a corner mark, the note on hover and in the bar above when the
 * cell is selected), dropdowns (a ▾ and the list as suggestions while typing), and cells the acting
 * user may not edit (the reason in the bar above).
 * Typing goes to the server as what the person typed; the grid is redrawn from what the script made of it.
 */
import type { CellView, SheetView } from "../protocol";
import { byId, clear, h } from "./dom";

export interface GridHandlers {
  /** The person committed `text` into a cell. */
  edit(row: number, column: number, text: string): Promise<void>;
  /** Something to tell the person (a refused edit). */
  say(message: string, error?: boolean): void;
}

export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const NUMERIC = /^[-+]?[\d.\s]*\d(,\d+)?\s*%?$/;

export class Grid {
  private view: SheetView | null = null;
  private row = 2;
  private col = 1;
  private editor: HTMLInputElement | null = null;
  private readonly table: HTMLTableElement;
  private readonly wrap: HTMLElement;
  private readonly datalist: HTMLDataListElement;

  constructor(private readonly handlers: GridHandlers) {
    this.wrap = byId("grid-wrap");
    this.table = byId<HTMLTableElement>("grid");
    this.datalist = byId<HTMLDataListElement>("grid-options");
    this.table.addEventListener("mousedown", (ev) => {
      const td = (ev.target as HTMLElement).closest("td");
      if (td && this.table.contains(td)) {
        if (this.editor) this.commit();
        this.select(Number(td.dataset["r"]), Number(td.dataset["c"]));
      }
    });
    this.table.addEventListener("dblclick", (ev) => {
      const td = (ev.target as HTMLElement).closest("td");
      if (td) this.startEdit();
    });
    this.table.addEventListener("keydown", (ev) => this.onKey(ev));
  }

  get sheetName(): string | undefined {
    return this.view?.name;
  }

  private cell(r: number, c: number): CellView {
    return this.view?.rows[r - 1]?.[c - 1] ?? {};
  }

  private td(r: number, c: number): HTMLTableCellElement | null {
    return this.table.querySelector<HTMLTableCellElement>(`td[data-r="${r}"][data-c="${c}"]`);
  }

  render(view: SheetView): void {
    const sameSheet = this.view?.spreadsheetId === view.spreadsheetId && this.view?.name === view.name;
    this.cancelEdit();
    this.view = view;
    if (!sameSheet) {
      this.row = Math.min(view.frozenRows + 1, view.rows.length) || 1;
      this.col = 1;
    }
    const t = this.table;
    clear(t);
    // Sizes through the CSSOM: the page's CSP allows no inline style attributes.
    const col = (px: number) => {
      const el = h("col");
      el.style.width = `${px}px`;
      return el;
    };
    const colgroup = h("colgroup", {}, col(46));
    let total = 46;
    for (const w of view.widths) {
      const px = Math.max(24, Math.min(w, 600));
      colgroup.append(col(px));
      total += px;
    }
    // A fixed layout keeps the sheet's widths only when the table's own width is their sum.
    t.style.width = `${total}px`;
    const head = h("tr", {}, h("th", { class: "corner", scope: "col" }, ""));
    for (let c = 1; c <= view.widths.length; c++) {
      head.append(h("th", { scope: "col", class: "colhead" }, columnLetters(c)));
    }
    const body = h("tbody");
    // A merged block is drawn by its top-left cell; the cells under it are not drawn.
    const anchors = new Map<string, { numRows: number; numCols: number }>();
    const covered = new Set<string>();
    for (const m of view.merges) {
      anchors.set(`${m.row}:${m.col}`, m);
      for (let r = m.row; r < m.row + m.numRows; r++)
        for (let c = m.col; c < m.col + m.numCols; c++)
          if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`);
    }
    view.rows.forEach((cells, ri) => {
      const r = ri + 1;
      const tr = h(
        "tr",
        { class: r < view.frozenRows ? "frozen" : r === view.frozenRows ? "frozen frozen-last" : "" },
        h("th", { scope: "row", class: "rowhead" }, String(r)),
      );
      const height = view.heights[r];
      if (height !== undefined) tr.style.height = `${height}px`;
      for (let c = 1; c <= view.widths.length; c++) {
        if (covered.has(`${r}:${c}`)) continue;
        const td = this.cellElement(cells[c - 1] ?? {}, r, c);
        const merge = anchors.get(`${r}:${c}`);
        if (merge) {
          td.colSpan = merge.numCols;
          td.rowSpan = merge.numRows;
          td.classList.add("merged");
        }
        tr.append(td);
      }
      body.append(tr);
    });
    const thead = h("thead", {}, head);
    t.append(colgroup, thead, body);
    t.setAttribute("aria-label", `Trang ${view.name}`);
    // Frozen rows stick under the column letters, each under the ones above it.
    let top = thead.offsetHeight;
    for (const tr of body.querySelectorAll<HTMLTableRowElement>("tr.frozen")) {
      for (const cell of tr.children) (cell as HTMLElement).style.top = `${top}px`;
      top += tr.offsetHeight;
    }
    this.select(this.row, this.col, false);
  }

  private cellElement(cell: CellView, r: number, c: number): HTMLTableCellElement {
    const view = this.view!;
    const classes: string[] = [];
    if (cell.note) classes.push("has-note");
    if (cell.list !== undefined) classes.push("has-list");
    if (cell.lock !== undefined) classes.push("locked");
    if (cell.wrap) classes.push("wrap");
    if (cell.bold) classes.push("bold");
    if (cell.italic) classes.push("italic");
    const align =
      cell.align && cell.align !== "general" ? cell.align : cell.d && NUMERIC.test(cell.d) ? "right" : "";
    if (align) classes.push(`align-${align}`);
    if (cell.valign) classes.push(`valign-${cell.valign}`);
    const td = h("td", {
      class: classes.join(" "),
      role: "gridcell",
      tabindex: -1,
      "data-r": r,
      "data-c": c,
      "data-a1": `${columnLetters(c)}${r}`,
      "aria-readonly": cell.lock !== undefined ? "true" : undefined,
    });
    td.textContent = cell.d ?? "";
    // Colours come from the sheet: only #rrggbb reaches the style.
    if (cell.bg && /^#[0-9a-f]{6}$/i.test(cell.bg)) td.style.background = cell.bg;
    if (cell.fc && /^#[0-9a-f]{6}$/i.test(cell.fc)) td.style.color = cell.fc;
    const tips: string[] = [];
    if (cell.note) tips.push(cell.note);
    if (cell.lock !== undefined) tips.push(`Chỉ xem: ${view.locks[cell.lock] ?? ""}`);
    if (tips.length) td.title = tips.join("\n\n");
    return td;
  }

  select(r: number, c: number, focus = true): void {
    const view = this.view;
    if (!view) return;
    this.row = Math.max(1, Math.min(r, view.rows.length));
    this.col = Math.max(1, Math.min(c, view.widths.length));
    for (const el of this.table.querySelectorAll("td.selected")) {
      el.classList.remove("selected");
      el.setAttribute("tabindex", "-1");
    }
    const td = this.td(this.row, this.col);
    if (td) {
      td.classList.add("selected");
      td.setAttribute("tabindex", "0");
      if (focus) td.focus();
    }
    this.showInfo();
  }

  /**
   * No spreadsheet to show (a person nobody has shared one with): the grid, and the bar above it, empty.
   * The bar would otherwise keep the last person's cell, its text and who may edit it.
   */
  clear(): void {
    this.cancelEdit();
    this.view = null;
    clear(this.table);
    clear(this.datalist);
    byId("cell-ref").textContent = "";
    byId("cell-text").textContent = "";
    clear(byId("cell-info"));
  }

  /** The bar above the grid: the cell's reference, its content, and its note, list, help and lock. */
  private showInfo(): void {
    const view = this.view;
    if (!view) return;
    const cell = this.cell(this.row, this.col);
    byId("cell-ref").textContent = `${columnLetters(this.col)}${this.row}`;
    byId("cell-text").textContent = cell.e ?? "";
    const info = byId("cell-info");
    clear(info);
    if (cell.lock !== undefined)
      info.append(h("p", { class: "info-lock" }, `Chỉ xem: ${view.locks[cell.lock] ?? ""}`));
    if (cell.note) info.append(h("p", { class: "info-note" }, h("strong", {}, "Ghi chú: "), cell.note));
    if (cell.list !== undefined) {
      info.append(
        h(
          "p",
          { class: "info-list" },
          h("strong", {}, "Danh sách: "),
          (view.lists[cell.list] ?? []).join(" · "),
        ),
      );
    }
    if (cell.help !== undefined)
      info.append(
        h("p", { class: "info-help" }, h("strong", {}, "Hướng dẫn: "), view.helps[cell.help] ?? ""),
      );
  }

  private onKey(ev: KeyboardEvent): void {
    if (this.editor) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, ev.shiftKey ? -1 : 1],
    };
    const move = moves[ev.key];
    if (move) {
      ev.preventDefault();
      this.select(this.row + move[0], this.col + move[1]);
      return;
    }
    if (ev.key === "Enter" || ev.key === "F2") {
      ev.preventDefault();
      this.startEdit();
      return;
    }
    if (ev.key === "Delete" || ev.key === "Backspace") {
      ev.preventDefault();
      if (this.refuseLocked()) return;
      if ((this.cell(this.row, this.col).e ?? "") !== "") void this.handlers.edit(this.row, this.col, "");
      return;
    }
    if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      this.startEdit(ev.key);
    }
  }

  private refuseLocked(): boolean {
    const cell = this.cell(this.row, this.col);
    if (cell.lock === undefined) return false;
    this.handlers.say(
      `Không sửa được ô ${columnLetters(this.col)}${this.row}: ${this.view?.locks[cell.lock] ?? ""}`,
      true,
    );
    return true;
  }

  /** Opens the cell editor over the selected cell, with the cell's text or the first key typed. */
  startEdit(initial?: string): void {
    const view = this.view;
    const td = this.td(this.row, this.col);
    if (!view || !td || this.refuseLocked()) return;
    const cell = this.cell(this.row, this.col);
    clear(this.datalist);
    for (const option of cell.list !== undefined ? (view.lists[cell.list] ?? []) : []) {
      this.datalist.append(h("option", { value: option }));
    }
    const input = h("input", {
      type: "text",
      class: "cell-editor",
      "aria-label": `Sửa ô ${columnLetters(this.col)}${this.row}`,
      list: cell.list !== undefined ? "grid-options" : undefined,
      autocomplete: "off",
    });
    input.value = initial ?? cell.e ?? "";
    input.style.top = `${td.offsetTop}px`;
    input.style.left = `${td.offsetLeft}px`;
    input.style.width = `${Math.max(td.offsetWidth, 160)}px`;
    input.style.height = `${td.offsetHeight}px`;
    const r = this.row;
    const c = this.col;
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        this.commit();
        this.select(r + 1, c);
      } else if (ev.key === "Tab") {
        ev.preventDefault();
        this.commit();
        this.select(r, c + (ev.shiftKey ? -1 : 1));
      } else if (ev.key === "Escape") {
        ev.preventDefault();
        this.cancelEdit();
        this.select(r, c);
      }
    });
    input.addEventListener("blur", () => {
      if (this.editor === input) this.commit();
    });
    input.dataset["r"] = String(r);
    input.dataset["c"] = String(c);
    this.editor = input;
    this.wrap.append(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  private commit(): void {
    const input = this.editor;
    if (!input) return;
    this.editor = null;
    input.remove();
    const r = Number(input.dataset["r"]);
    const c = Number(input.dataset["c"]);
    const before = this.cell(r, c).e ?? "";
    if (input.value === before) return;
    // Shown at once, as Sheets does; the redraw that follows shows what the script made of it.
    const td = this.td(r, c);
    if (td) td.textContent = input.value;
    void this.handlers.edit(r, c, input.value);
  }

  cancelEdit(): void {
    const input = this.editor;
    this.editor = null;
    input?.remove();
  }

  get editing(): boolean {
    return this.editor !== null;
  }
}
