/**
 * Where the command line writes: never over an input, never over a file it did not make.
 *
 * Files are compared by identity (device and inode, links followed), not by name: `--html out.html`
 * where out.html is a link to the input workbook is the input. An existing output is replaced only when
 * it is an HTML report (for `--html`) or with `--force`; the new content goes to a temporary file in the
 * same folder first and is renamed into place, so a link in the output's place is replaced, never
 * written through, and an interrupted write leaves the old file whole.
 */
import { randomBytes } from "node:crypto";
import { open, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { describeFsError } from "../xlsx/fs-errors";
import { UsageError } from "./args";

export type OutputKind = "html" | "xlsx" | "json";

interface Identity {
  dev: number;
  ino: number;
}

async function identity(path: string): Promise<(Identity & { dir: boolean }) | null> {
  try {
    const s = await stat(path);
    return { dev: s.dev, ino: s.ino, dir: s.isDirectory() };
  } catch {
    return null;
  }
}

/** Whether an existing file starts as an HTML document does (what `--html` may replace). */
async function looksLikeHtml(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(path, "r");
    const buf = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf
      .toString("utf8", 0, bytesRead)
      .replace(/^\ufeff/, "")
      .trimStart();
    return /^(<!doctype html|<html[\s>])/i.test(head);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

export interface WriteOutputOptions {
  kind: OutputKind;
  /** Every file the command reads (workbooks, plan file): the output may be none of them. */
  inputs: readonly string[];
  force: boolean;
}

/** Refuses an output that is an input or that may not be replaced; returns quietly otherwise. */
export async function checkOutput(path: string, opts: WriteOutputOptions): Promise<void> {
  const out = await identity(path);
  if (!out) return;
  if (out.dir) throw new UsageError(`"${path}" là một thư mục, không phải tệp. Hãy ghi cả tên tệp.`);
  for (const input of opts.inputs) {
    const id = await identity(input);
    if (id && id.dev === out.dev && id.ino === out.ino) {
      throw new UsageError(
        `Tệp ra "${path}" chính là tệp vào "${input}" (cùng một tệp, có thể qua liên kết); chương trình không bao giờ ghi đè tệp vào. Hãy chọn tên khác.`,
      );
    }
  }
  if (opts.force) return;
  if (opts.kind === "html") {
    if (await looksLikeHtml(path)) return;
    throw new UsageError(
      `Tệp "${path}" đã có và không phải một báo cáo HTML; chương trình không ghi đè. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`,
    );
  }
  throw new UsageError(`Tệp "${path}" đã có. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`);
}

/** Writes `data` to `path` after checkOutput, through a temporary file renamed into place. */
export async function writeOutput(
  path: string,
  data: string | Uint8Array,
  opts: WriteOutputOptions,
): Promise<void> {
  await checkOutput(path, opts);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new UsageError(describeFsError(err, path, "write"));
  }
}
