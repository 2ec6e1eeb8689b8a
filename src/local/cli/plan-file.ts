/** `--plan FILE`: a plan written as JSON, checked by core's validatePlan before anything uses it. */
import { readFile } from "node:fs/promises";
import type { Plan } from "../../core";
import { validatePlan } from "../../core";
import { defaultPlan } from "../../plans";
import { UsageError } from "./args";

export async function loadPlan(path: string | undefined): Promise<Plan> {
  if (path === undefined) return defaultPlan;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(`Không đọc được tệp kế hoạch "${path}". Hãy kiểm tra lại tên và đường dẫn tệp.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (err) {
    throw new UsageError(`Tệp kế hoạch "${path}" không phải JSON hợp lệ (${(err as Error).message}).`);
  }
  const checked = validatePlan(data);
  if (!checked.ok) {
    const shown = checked.errors.slice(0, 20).map((e) => "  - " + e);
    const more = checked.errors.length > 20 ? [`  … và ${checked.errors.length - 20} lỗi khác.`] : [];
    throw new UsageError([`Tệp kế hoạch "${path}" có lỗi:`, ...shown, ...more].join("\n"));
  }
  return checked.plan;
}
