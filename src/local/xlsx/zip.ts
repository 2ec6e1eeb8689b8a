/**
 * The zip container of an .xlsx, read from its central directory with Node's own inflate: no library,
 * because an .xlsx needs only stored and deflated entries, and reading them ourselves lets every limit
 * be enforced while inflating (a zip bomb is stopped at the first byte past its limit, not after).
 *
 * Limits: an entry may not inflate past what its header declares, nor past MAX_ENTRY_BYTES; a file
 * may not hold more than MAX_ENTRIES entries. Encrypted entries, ZIP64 and other compression methods
 * are refused (Google Sheets and Excel write none of them for a workbook of this size).
 */
import { createInflateRaw, inflateRawSync } from "node:zlib";

/** Why a container cannot be read; read.ts turns each into a Vietnamese message. */
export type ZipFault = "corrupt" | "encrypted" | "tooBig" | "unsupported";

export class ZipError extends Error {
  constructor(
    readonly fault: ZipFault,
    detail: string,
  ) {
    super(detail);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the central directory declares it; inflating past it is refused. */
  size: number;
  dataStart: number;
}

/** One part of a workbook inflates to at most this: a sheet of a million rows of the plan fits. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
}

/** Entries by name ("xl/workbook.xml"; backslashes and a leading slash tidied). */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("corrupt", "no end of central directory");
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  let p = u32(bytes, eocd + 16);
  if (count === 0xffff || p === 0xffffffff || dirSize === 0xffffffff) {
    throw new ZipError("unsupported", "zip64");
  }
  if (count > MAX_ENTRIES) throw new ZipError("tooBig", `${count} entries`);
  if (p + dirSize > bytes.length) throw new ZipError("corrupt", "central directory past the end");
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL)
      throw new ZipError("corrupt", "bad central entry");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, nameLen)
      .toString("utf8")
      .replace(/\\/g, "/")
      .replace(/^\/+/, "");
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith("/")) continue;
    if (flags & 1) throw new ZipError("encrypted", name);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
      throw new ZipError("unsupported", "zip64 entry");
    }
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) throw new ZipError("corrupt", name);
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + compressedSize > bytes.length) throw new ZipError("corrupt", `${name} cut short`);
    if (!out.has(name)) out.set(name, { name, method, compressedSize, size, dataStart });
  }
  return out;
}

function checkEntry(entry: ZipEntry): void {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError("unsupported", `method ${entry.method}`);
  if (entry.size > MAX_ENTRY_BYTES) throw new ZipError("tooBig", `${entry.name}: ${entry.size} bytes`);
}

/** Parts up to this size are inflated in one call (faster); larger ones chunk by chunk. */
export const WHOLE_ENTRY_BYTES = 32 * 1024 * 1024;

/**
 * Inflates an entry chunk by chunk (about 1 MB each), so a large sheet is never held whole. Stops with
 * "tooBig" as soon as the output passes the declared size or MAX_ENTRY_BYTES.
 */
export async function* entryChunks(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Buffer> {
  checkEntry(entry);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipError("corrupt", entry.name);
    for (let at = 0; at < data.length; at += 1 << 20) yield data.subarray(at, at + (1 << 20));
    return;
  }
  const limit = Math.min(entry.size, MAX_ENTRY_BYTES);
  if (limit <= WHOLE_ENTRY_BYTES) {
    try {
      // maxOutputLength stops a lying header: output past the declared size throws at once. One
      // output chunk the declared size spares Node a copy of the whole part (it concatenates chunks).
      yield inflateRawSync(data, {
        maxOutputLength: Math.max(limit, 1),
        chunkSize: Math.max(limit + 1, 64 * 1024),
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
        throw new ZipError("tooBig", `${entry.name} inflates past ${limit} bytes`);
      }
      throw new ZipError("corrupt", `${entry.name}: ${(err as Error).message}`);
    }
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  inflate.end(data);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw new ZipError("tooBig", `${entry.name} inflates past ${limit} bytes`);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError("corrupt", `${entry.name}: ${(err as Error).message}`);
  } finally {
    inflate.destroy();
  }
}

/** A small part (workbook, styles, relationships) whole. */
export async function entryText(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of entryChunks(bytes, entry)) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
}
