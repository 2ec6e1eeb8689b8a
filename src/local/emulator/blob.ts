// Blob (Utilities.newBlob, Spreadsheet.getAs, MailApp attachments).
// https://developers.google.com/apps-script/reference/base/blob
// Apps Script bytes are Java bytes: getBytes() gives signed integers -128…127.

import { type Counter, expose, unwrap } from "./expose";
import { isArrayLike } from "./realm";

/** A blob's content, or how to make it: a conversion (a PDF) is made when first read. */
export type BlobData = Uint8Array | (() => Uint8Array);

export class BlobImpl {
  private data: BlobData;

  constructor(
    bytes: BlobData,
    public contentType: string | null,
    public name: string | null,
  ) {
    this.data = bytes;
  }

  /** The content; made on first read when the blob is a conversion Google would make on its side. */
  get bytes(): Uint8Array {
    if (typeof this.data === "function") this.data = this.data();
    return this.data;
  }
  set bytes(b: Uint8Array) {
    this.data = b;
  }

  getBytes(): number[] {
    return Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b));
  }
  setBytes(data: unknown): this {
    this.bytes = toBytes(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    return Buffer.from(this.bytes).toString(charset && /^us-ascii$/i.test(charset) ? "ascii" : "utf8");
  }
  setDataFromString(s: string): this {
    this.bytes = new Uint8Array(Buffer.from(String(s), "utf8"));
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(t: string): this {
    this.contentType = t;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(n: string): this {
    this.name = n;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  getBlob(): this {
    return this;
  }
  copyBlob(): BlobImpl {
    return new BlobImpl(new Uint8Array(this.bytes), this.contentType, this.name);
  }
  getAs(contentType: string): this {
    if (contentType === this.contentType) return this;
    throw new Error(`Not implemented in the emulator: Blob.getAs("${contentType}") from ${this.contentType}`);
  }
}

/** Bytes from what Apps Script accepts as blob data: a string (UTF-8), Byte[] or a typed array. */
export function toBytes(data: unknown): Uint8Array {
  if (typeof data === "string") return new Uint8Array(Buffer.from(data, "utf8"));
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (isArrayLike(data)) return Uint8Array.from(data, (b) => Number(b) & 0xff);
  if (data === undefined || data === null) return new Uint8Array(0);
  throw new Error("Invalid argument: data");
}

export function makeBlob(count: Counter, bytes: BlobData, contentType: string | null, name: string | null) {
  return expose("Blob", new BlobImpl(bytes, contentType, name), count);
}

/** The BlobImpl behind a Blob or BlobSource (anything with getBlob()), or undefined. */
export function blobOf(v: unknown): BlobImpl | undefined {
  const raw = unwrap(v);
  if (raw instanceof BlobImpl) return raw;
  if (
    raw !== null &&
    typeof raw === "object" &&
    typeof (raw as { getBlob?: unknown }).getBlob === "function"
  ) {
    const b = unwrap((raw as { getBlob: () => unknown }).getBlob());
    if (b instanceof BlobImpl) return b;
  }
  return undefined;
}
