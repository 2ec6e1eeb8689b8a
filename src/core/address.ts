/**
 * What counts as an email address and as a spreadsheet's link, apart from the settings' schema so that
 * code loaded on its own (the upper level's tools) can check them without zod.
 */
const EMAIL_RE = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]{2,}$/;

/** No address is longer than 254 characters (RFC 5321); the bound also keeps the test linear. */
export function isEmail(s: string): boolean {
  return s.length <= 254 && EMAIL_RE.test(s);
}

/** A spreadsheet's id from its link ("…/spreadsheets/d/<id>/edit…") or the id itself; null otherwise. */
export function spreadsheetIdOf(text: string): string | null {
  const s = text.trim();
  if (s.length > 500) return null;
  const m =
    /\/spreadsheets\/d\/([A-Za-z0-9_-]{20,100})(?:[/?#]|$)/.exec(s) ?? /^([A-Za-z0-9_-]{20,100})$/.exec(s);
  return m ? m[1]! : null;
}
