import type { Plan } from "../core/plan";
import { quangKhai2023 } from "./quang-khai-2023";

export { quangKhai2023 };

/** The plan the add-in ships with. */
export const defaultPlan: Plan = quangKhai2023;

/** Plans known by id (the CLI and the settings pick one by id). */
export const plansById: Record<string, Plan> = { [quangKhai2023.id]: quangKhai2023 };
