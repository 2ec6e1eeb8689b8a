/**
 * Installable triggers, installed by setup: exactly one per handler, however often setup runs.
 * Installable (not simple) so the handler runs as the owner, can write protected cells and knows the user.
 */
export const EDIT_HANDLER = "onEditInstalled";

export function ensureTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const done: string[] = [];
  const existing = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === EDIT_HANDLER);
  if (existing.length === 0) {
    ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
    done.push("Cài trình kiểm tra khi sửa ô.");
  }
  for (const duplicate of existing.slice(1)) ScriptApp.deleteTrigger(duplicate);
  return done;
}
