/**
 * `npm start`: the local workbench on the real bundle (build/ must be built: npm start builds first).
 * PORT picks the port (default 8080, 0 = any free one); WORKBENCH_DATA_DIR where the workbook is
 * kept (default .data/ in the repository, git-ignored); WORKBENCH_SAVE_IDLE_MS how long it waits, idle,
 * before writing its whole state (default 2000; 0: only after 100 actions and on a clean stop; every
 * action is in the journal at once either way); WORKBENCH_DEMO=cap-tren opens the upper level's
 * workbook with three communes instead of the commune's sheet (kept in cap-tren/ of that folder).
 * Only 127.0.0.1 is listened on.
 */
import { DEFAULT_DATA_DIR, startWorkbench } from "./workbench/server";

function portFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT="${value}" không phải số cổng hợp lệ (0–65535).`);
    process.exit(2);
  }
  return port;
}

function idleFrom(value: string | undefined): { compactAfterMs?: number } {
  if (value === undefined || value.trim() === "") return {};
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    console.error(`WORKBENCH_SAVE_IDLE_MS="${value}" phải là số mili giây, 0 trở lên.`);
    process.exit(2);
  }
  return { compactAfterMs: ms };
}

async function main(): Promise<void> {
  const running = await startWorkbench({
    port: portFrom(process.env.PORT),
    dataDir: process.env.WORKBENCH_DATA_DIR || DEFAULT_DATA_DIR,
    ...idleFrom(process.env.WORKBENCH_SAVE_IDLE_MS),
    demo: process.env.WORKBENCH_DEMO === "cap-tren" ? "cap-tren" : "xa",
    log: (line) => console.log(line),
    // The address as soon as the server listens: the browser connects while the workbook opens.
    listening: (url) => {
      console.log(`Bàn thử đang chạy tại ${url}`);
      console.log(`Workbench running at ${url} (Ctrl+C để dừng / to stop)`);
    },
  });
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === "EADDRINUSE")
    console.error(`Cổng đã có chương trình khác dùng. Hãy chọn cổng khác, ví dụ: PORT=8081 npm start`);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
