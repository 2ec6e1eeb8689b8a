// Formulas are stored, not computed, except arithmetic on constants ("=1+1", "=(2+3)*4"), so that a
// typed "=1+1" reads back as 2 as it does in Google. Anything else (references, functions) reads
// "#ERROR!": getFormulas shows the formula, and tests must not rely on its result.
import type { Ctx, SheetData, SpreadsheetData } from "./model";
import type { CellValue } from "./values";

/** The value of `=expr` made of numbers, + - * / and parentheses; undefined for anything else. */
function arithmetic(expr: string): number | undefined {
  const tokens = expr.match(/\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const factor = (): number | undefined => {
    const t = tokens[i++];
    if (t === "-" || t === "+") {
      const v = factor();
      return v === undefined ? undefined : t === "-" ? -v : v;
    }
    if (t === "(") {
      const v = sum();
      return tokens[i++] === ")" ? v : undefined;
    }
    return t !== undefined && /^\d/.test(t) ? Number(t) : undefined;
  };
  const product = (): number | undefined => {
    let v = factor();
    while (v !== undefined && (peek() === "*" || peek() === "/")) {
      const op = tokens[i++];
      const r = factor();
      v = r === undefined ? undefined : op === "*" ? v * r : v / r;
    }
    return v;
  };
  const sum = (): number | undefined => {
    let v = product();
    while (v !== undefined && (peek() === "+" || peek() === "-")) {
      const op = tokens[i++];
      const r = product();
      v = r === undefined ? undefined : op === "+" ? v + r : v - r;
    }
    return v;
  };
  const v = sum();
  return i === tokens.length && v !== undefined && Number.isFinite(v) ? v : undefined;
}

export function formulaValue(_ctx: Ctx, _ss: SpreadsheetData, _sheet: SheetData, formula: string): CellValue {
  return arithmetic(formula.slice(1)) ?? "#ERROR!";
}
