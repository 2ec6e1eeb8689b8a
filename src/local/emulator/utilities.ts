// Utilities and Logger.
// https://developers.google.com/apps-script/reference/utilities/utilities
// https://developers.google.com/apps-script/reference/base/logger

import { createHash, randomUUID } from "node:crypto";
import { makeBlob, toBytes } from "./blob";
import { expose, exposeEnum } from "./expose";
import { isDate } from "./realm";
import type { Runtime } from "./runtime";
import { formatDate } from "./timezone";

/** Utilities.sleep refuses more than five minutes. */
export const MAX_SLEEP_MS = 300_000;

const DIGESTS: Record<string, string> = {
  MD2: "md2",
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};

function signed(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/**
 * Logger.log(format, values…) replaces %s, %d, %f (and %%) in order, like Google's; console.* also
 * appends the values no placeholder took, like a browser console.
 */
export function formatLog(args: unknown[], appendRest = false): string {
  if (args.length === 0) return "";
  const [first, ...rest] = args;
  const show = (v: unknown): string => {
    if (typeof v === "string") return v;
    if (isDate(v)) return v.toString();
    if (v !== null && typeof v === "object") {
      try {
        return JSON.stringify(v);
      } catch {
        return String(v);
      }
    }
    return String(v);
  };
  if (typeof first !== "string" || rest.length === 0) return args.map(show).join(" ");
  let i = 0;
  const text = first.replace(/%[sdfo%]/g, (m) => {
    if (m === "%%") return "%";
    if (i >= rest.length) return m;
    return show(rest[i++]);
  });
  return appendRest && i < rest.length ? [text, ...rest.slice(i).map(show)].join(" ") : text;
}

export function createUtilities(rt: Runtime, uuid: () => string = randomUUID) {
  const count = rt.count.bind(rt);
  const utilities = {
    formatDate(date: Date, timeZone: string, format: string): string {
      if (!isDate(date)) throw new Error("Invalid argument: date");
      return formatDate(new Date(date.getTime()), String(timeZone), String(format));
    },
    sleep(milliseconds: number): void {
      const ms = Number(milliseconds);
      if (!(ms >= 0) || ms > MAX_SLEEP_MS) throw new Error("Invalid argument: milliseconds");
      rt.advance(ms);
    },
    newBlob(data: unknown, contentType?: string, name?: string) {
      return makeBlob(count, toBytes(data), contentType ?? null, name ?? null);
    },
    getUuid(): string {
      return uuid();
    },
    base64Encode(data: unknown): string {
      return Buffer.from(toBytes(data)).toString("base64");
    },
    base64EncodeWebSafe(data: unknown): string {
      return Buffer.from(toBytes(data)).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
    },
    base64Decode(encoded: string): number[] {
      return signed(new Uint8Array(Buffer.from(String(encoded), "base64")));
    },
    base64DecodeWebSafe(encoded: string): number[] {
      return signed(
        new Uint8Array(Buffer.from(String(encoded).replace(/-/g, "+").replace(/_/g, "/"), "base64")),
      );
    },
    computeDigest(algorithm: string, value: unknown): number[] {
      const algo = DIGESTS[String(algorithm)];
      if (!algo) throw new Error("Invalid argument: algorithm");
      return signed(new Uint8Array(createHash(algo).update(toBytes(value)).digest()));
    },
    formatString(template: string, ...args: unknown[]): string {
      return formatLog([template, ...args]);
    },
    DigestAlgorithm: exposeEnum(
      "Utilities.DigestAlgorithm",
      Object.fromEntries(Object.keys(DIGESTS).map((k) => [k, k])),
    ),
    Charset: exposeEnum("Utilities.Charset", { US_ASCII: "US_ASCII", UTF_8: "UTF_8" }),
  };

  const logger = {
    log(...args: unknown[]) {
      rt.log(formatLog(args));
      return loggerProxy;
    },
    getLog(): string {
      return rt
        .exec()
        .logs.map((l) => `${l}\n`)
        .join("");
    },
    clear(): void {
      rt.exec().logs.length = 0;
    },
  };
  const loggerProxy = expose("Logger", logger, count);

  // Apps Script's V8 runtime also has console (Cloud Logging); here it lands in the same log.
  const consoleObj = Object.fromEntries(
    ["log", "info", "warn", "error"].map((level) => [
      level,
      (...args: unknown[]) => {
        count(`console.${level}`);
        rt.log(formatLog(args, true));
      },
    ]),
  );

  return { utilities: expose("Utilities", utilities, count), logger: loggerProxy, console: consoleObj };
}
