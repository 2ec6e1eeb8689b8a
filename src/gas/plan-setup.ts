/**
 * Setup's first step: the plan of the "Kế hoạch" tab. The tab is made from the sheet's plan when it is
 * missing (the bundled plan at first setup); otherwise it is read and checked whole (core), and if any
 * problem is found nothing at all changes and every problem is listed with its cell. A plan that
 * differs from the one the sheet was set up with is applied from today: tabs renamed by the unit's
 * code, the replaced plan kept for the rollup of the periods it governed (core/plan-versions.ts).
 */
import { planFromTabCells } from "../core/plan-tab-read";
import type { Plan } from "../core/plan";
import type { PlanChanges, PlanVersion } from "../core/plan-versions";
import { alignToCurrent, archivedUnits, planChanges, retireVersion, samePlan } from "../core/plan-versions";
import type { Settings } from "../core/settings";
import { loadDefaultPlan } from "../plans";
import { earlierPlans, storedPlan, storePlans } from "./plan-store";
import { readPlanTabValues, writePlanTab } from "./plan-tab";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type PlanStep =
  | {
      ok: true;
      plan: Plan;
      /** The plan the sheet had before, when it changed. */
      previous: Plan | null;
      earlier: PlanVersion[];
      changes: PlanChanges | null;
      /** What this step did, in Vietnamese. */
      done: string[];
    }
  | { ok: false; problems: string[] };

/** Reads, checks and applies the plan tab. Changes nothing unless the whole tab is right. */
export function applyPlanTab(ss: Spreadsheet, today: string, rule: Settings["periodRule"]): PlanStep {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const stored = storedPlan(all);
  const earlier = earlierPlans(all);
  const values = readPlanTabValues(ss);
  if (values === null) {
    const plan = stored?.plan ?? loadDefaultPlan();
    writePlanTab(ss, plan);
    if (!stored) storePlans({ from: today, plan }, []);
    return {
      ok: true,
      plan,
      previous: null,
      earlier,
      changes: null,
      done: [`Tạo trang "Kế hoạch" (kế hoạch của bảng tính, chỉ văn phòng sửa): ${plan.title}.`],
    };
  }
  const read = planFromTabCells(values);
  if (!read.ok) return { ok: false, problems: read.errors };
  const plan = read.plan;
  if (!stored) {
    storePlans({ from: today, plan }, []);
    return { ok: true, plan, previous: null, earlier: [], changes: null, done: [] };
  }
  if (samePlan(stored.plan, plan))
    return { ok: true, plan, previous: null, earlier, changes: null, done: [] };

  const changes = planChanges(stored.plan, plan);
  const problems = renameProblems(ss, changes, plan, earlier);
  if (problems.length > 0) return { ok: false, problems };
  for (const r of changes.renamedTabs) ss.getSheetByName(r.from)?.setName(r.to);
  // Another year is another plan, not a change during the year: nothing of the old one governs it.
  const kept =
    stored.plan.year !== plan.year
      ? []
      : retireVersion(earlier, stored, today, rule).map((v) => ({
          ...v,
          plan: alignToCurrent(v.plan, plan),
        }));
  // Applied twice the same day, the morning's plan governed no period and retireVersion drops it.
  storePlans({ from: today, plan }, kept);
  return { ok: true, plan, previous: stored.plan, earlier: kept, changes, done: describe(changes) };
}

/** A tab that cannot take its new name (another tab has it) is a problem, found before any change. */
function renameProblems(ss: Spreadsheet, changes: PlanChanges, plan: Plan, earlier: PlanVersion[]): string[] {
  const problems: string[] = [];
  const archived = archivedUnits(plan, earlier).concat(changes.removedUnits);
  for (const r of changes.renamedTabs) {
    if (ss.getSheetByName(r.to) && ss.getSheetByName(r.from)) {
      problems.push(
        `Kế hoạch: đơn vị "${r.unitId}" đổi tên trang từ "${r.from}" thành "${r.to}", nhưng đã có trang "${r.to}". Hãy đổi tên trang đó hoặc chọn tên khác ở bảng ĐƠN VỊ THỰC HIỆN.`,
      );
    }
  }
  for (const u of plan.units) {
    const old = archived.find((a) => a.tabName === u.tabName && a.id !== u.id);
    if (old) {
      problems.push(
        `Kế hoạch: tên trang "${u.tabName}" của đơn vị "${u.id}" là trang lưu trữ của đơn vị cũ "${old.id}" (số liệu cũ vẫn ở đó). Hãy chọn tên trang khác, hoặc dùng lại mã "${old.id}" nếu đó là cùng một đơn vị.`,
      );
    }
  }
  return problems;
}

function describe(c: PlanChanges): string[] {
  return [
    ...c.renamedTabs.map((r) => `Đổi tên trang "${r.from}" thành "${r.to}" (cùng mã đơn vị ${r.unitId}).`),
    ...c.removedUnits.map(
      (u) =>
        `Đơn vị "${u.name}" không còn trong kế hoạch: trang "${u.tabName}" được giữ nguyên số liệu, chuyển thành lưu trữ (chỉ văn phòng sửa).`,
    ),
    ...c.renamedColumns.map(
      (r) => `Trang "${r.tabName}": đổi tiêu đề cột "${r.from}" thành "${r.to}", giữ số liệu.`,
    ),
    ...c.removedColumns.map(
      (r) =>
        `Trang "${r.tabName}": cột "${r.header}" không còn trong kế hoạch; số liệu trong cột được giữ nguyên.`,
    ),
    ...c.changedTargets.map(
      (t) =>
        `Chỉ tiêu ${t.id}: mục tiêu đổi từ ${t.from} thành ${t.to} từ hôm nay; các kỳ đã qua vẫn đánh giá theo mục tiêu cũ.`,
    ),
    ...c.addedIndicators.map((id) => `Thêm chỉ tiêu ${id}.`),
    ...c.removedIndicators.map((id) => `Bỏ chỉ tiêu ${id} (các kỳ đã qua vẫn có trong tổng hợp của kỳ đó).`),
  ];
}
