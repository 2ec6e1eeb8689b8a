/**
 * What `Range.getValues()` hands back for one cell: numbers, strings, booleans, `Date`s, and `""` for an
 * empty cell. `null` is accepted too so that adapters (xlsx, sidebar) can say "nothing here" directly.
 */
export type CellValue = string | number | boolean | Date | null;

/** A cell counts as empty when it holds nothing but whitespace. */
export function isBlankCell(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  // One test that stops at the first visible character, rather than rewriting the whole text.
  if (typeof v === "string") return !/[^\s\u00a0\u200b\ufeff]/.test(v);
  return false;
}
