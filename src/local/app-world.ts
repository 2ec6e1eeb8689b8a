// The world this project's own tools and tests run the add-in in (the emulator itself knows no
// application): the plan's spreadsheet in a Vietnamese commune, the built pages, Vietnam's clock.
import { join } from "node:path";
import type { WorldOptions } from "./emulator/index";
import { REPO_ROOT } from "./repo-root";

export const APP_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** What every world of the add-in shares; the caller adds who owns it and the clock. */
export const APP_WORLD = {
  timeZone: APP_TIME_ZONE,
  locale: "vi_VN",
  spreadsheetName: "Kế hoạch phòng, chống mại dâm năm 2023 – xã Quang Khải",
  htmlDir: join(REPO_ROOT, "build"),
  scriptId: "1KeHoachSheetEmulatedScriptId_QuangKhai2023_xxxxxxxxxxxxxxx",
} as const;

/** A world of the add-in: the shared settings, then the caller's owner, clock and choices. */
export function appWorld(opts: Pick<WorldOptions, "owner" | "now"> & Partial<WorldOptions>): WorldOptions {
  return { ...APP_WORLD, ...opts };
}
