/**
 * The plan as JSON: what a plan file holds (the command line's --plan), what "Xuất kế hoạch ra JSON"
 * gives and "Nhập kế hoạch từ JSON" takes.
 */
import * as z from "zod/mini";
import type { Plan } from "./plan-schema";
import { planSchema, validatePlan } from "./plan-schema";

/**
 * The plan as a plan file's text, its keys in the schema's order whatever order the plan was built in,
 * so that the same plan always gives the same text.
 */
export function planToJson(plan: Plan): string {
  const parsed = z.safeParse(planSchema(), plan);
  return JSON.stringify(parsed.success ? parsed.data : plan, null, 2) + "\n";
}

/**
 * Where JSON.parse stopped, as "dòng L, cột C" (its own message is English and varies between engines;
 * only the position is taken from it).
 */
export function jsonErrorAt(text: string, err: unknown): string {
  const at = /position (\d+)/.exec(String((err as Error)?.message ?? ""));
  if (!at) return "tệp kết thúc giữa chừng hoặc có ký tự lạ";
  const pos = Math.min(Number(at[1]), text.length);
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const col = pos - before.lastIndexOf("\n");
  return `lỗi ở dòng ${line}, cột ${col}`;
}

/** A plan file's text, checked: where the JSON breaks, or every problem the plan's schema finds. */
export function planFromJson(text: string): { ok: true; plan: Plan } | { ok: false; errors: string[] } {
  let data: unknown;
  const clean = text.replace(/^\ufeff/, "");
  try {
    data = JSON.parse(clean);
  } catch (err) {
    return {
      ok: false,
      errors: [
        `Không phải JSON hợp lệ: ${jsonErrorAt(clean, err)}. Hãy xem lại dấu phẩy, dấu ngoặc và dấu ngoặc kép quanh chỗ đó.`,
      ],
    };
  }
  return validatePlan(data);
}
