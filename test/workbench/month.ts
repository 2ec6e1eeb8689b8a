/**
 * The demo's month as its people live it, through the built bundle: the monthly run sends the draft to
 * the chairman; he may return it once with a comment, and the office sends it again; he approves it;
 * the office's hourly trigger sends the report up (stamped with the approval) and refreshes the upper
 * level's copy. For the screenshots and the layout test, which need the report as it goes up, the
 * copy, and the send log with the approval's lines. No vitest here: scripts/screenshots.ts uses it.
 */
import { OFFICE_SUBMENU } from "../../src/gas/manifest";
import type { Environment } from "../../src/local/emulator/index";
import { DEMO_CHAIRMAN, DEMO_OWNER } from "../../src/local/workbench/demo";
import type { Workbench } from "../../src/local/workbench/workbench";

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

/** A page opened from the menu (as the page would), one call to its server, and the page closed. */
function callFromPage(wb: Workbench, path: string[], name: string, args: unknown[]): unknown {
  const opened = wb.clickMenu({ path: [wb.state().planName, ...path] });
  const panel = wb.state().dialog ?? wb.state().sidebar;
  if (!opened.ok || !panel) fail(path.join(" → "), opened);
  const r = wb.run({ panel: panel.seq, name, args });
  wb.closePanel(panel.seq);
  if (!r.ok) fail(name, r.error);
  const value = r.value as { ok?: boolean } | null;
  if (value && value.ok === false) fail(name, value);
  return r.value;
}

/** In the running workbench, after the monthly run sent the draft of `periodKey`. */
export function approveInWorkbench(wb: Workbench, periodKey: string, returnComment?: string): void {
  const approval = ["Duyệt báo cáo tháng…"];
  if (returnComment) {
    wb.setUser(DEMO_CHAIRMAN);
    callFromPage(wb, approval, "returnReport", [{ periodKey, comment: returnComment }]);
    wb.setUser(DEMO_OWNER);
    callFromPage(wb, [OFFICE_SUBMENU, "Gửi báo cáo tháng…"], "sendReportNow", [{ periodKey, resend: false }]);
  }
  wb.setUser(DEMO_CHAIRMAN);
  const { fingerprint } = callFromPage(wb, approval, "getApprovalState", [periodKey]) as {
    fingerprint: string;
  };
  callFromPage(wb, approval, "approveReport", [{ periodKey, fingerprint }]);
  wb.setUser(DEMO_OWNER);
  // An hour later, the office account's hourly trigger sends what the approval queued.
  const [d, m, y, hh, mm] = (wb.state().nowText.match(/\d+/g) ?? []).map(Number) as number[];
  const pad = (n: number | undefined) => String(n).padStart(2, "0");
  const ran = wb.runTimeTriggers({ date: `${y}-${pad(m)}-${pad(d)}`, time: `${pad(hh! + 1)}:${pad(mm)}` });
  if (!ran.ok || ran.newMail < 1) fail("the hourly run after the approval", ran);
}

/** The same in a bare emulator (another commune's workbook), the approval at the emulator's clock. */
export function approveInEmulator(env: Environment, periodKey: string): void {
  const client = (name: string, args: unknown[]) => {
    const r = env.runFromClient(name, args);
    if (!r.ok) fail(name, r.error);
    return r.value;
  };
  env.setUser(DEMO_CHAIRMAN);
  const { fingerprint } = client("getApprovalState", [periodKey]) as { fingerprint: string };
  client("approveReport", [{ periodKey, fingerprint }]);
  env.setUser(DEMO_OWNER);
  env.advanceTo(new Date(env.now().getTime() + 60 * 60 * 1000));
}
