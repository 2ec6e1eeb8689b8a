/**
 * A progress bar on a terminal's error stream: redrawn in place ("\r"), at most ten times a second, and
 * wiped when done so the report that follows starts on a clean line. Never drawn when the stream is
 * piped or redirected (the caller decides, from isTTY).
 */

const WIDTH = 30;

export interface ProgressBar {
  update(done: number, total: number): void;
  done(): void;
}

export function progressBar(write: (s: string) => void, label: string): ProgressBar {
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const filled = total > 0 ? Math.round((done / total) * WIDTH) : WIDTH;
      write(`\r${label} [${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${done}/${total} tệp`);
      drawn = true;
    },
    done() {
      if (drawn) write("\r\x1b[K");
    },
  };
}
