/** `--plan FILE`: a plan written as JSON, checked by core's validatePlan before anything uses it. */
import { readFile } from "node:fs/promises";
import type { Plan } from "../../core";
import { jsonErrorAt, validatePlan } from "../../core";

export { jsonErrorAt };
import { defaultPlan } from "../../plans";
import { describeFsError } from "../xlsx/fs-errors";
import { UsageError } from "./args";

export async function loadPlan(path: string | undefined): Promise<Plan> {
  if (path === undefined) return defaultPlan;
  let text: string;
  try {
    text = (await readFile(path, "utf8")).replace(/^\ufeff/, "");
  } catch (err) {
    throw new UsageError(`Tệp kế hoạch: ${describeFsError(err, path, "read")}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(
      `Tệp kế hoạch "${path}" không phải JSON hợp lệ: ${jsonErrorAt(text, err)}. Hãy xem lại dấu phẩy, dấu ngoặc và dấu ngoặc kép quanh chỗ đó.`,
    );
  }
  const checked = validatePlan(data);
  if (!checked.ok) {
    const shown = checked.errors.slice(0, 20).map((e) => "  - " + e);
    const more = checked.errors.length > 20 ? [`  … và ${checked.errors.length - 20} lỗi khác.`] : [];
    throw new UsageError([`Tệp kế hoạch "${path}" có lỗi:`, ...shown, ...more].join("\n"));
  }
  return checked.plan;
}
