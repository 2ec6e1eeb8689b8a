import { formatWholeNumber } from "../../core";

/**
 * Text from a file shown on a terminal: never longer than a line, never able to drive the terminal.
 * A header or tab name can be anything a person pasted (50,000 characters of base64, escape codes).
 */

/**
 * Control characters (C0 but tab and line feed, DEL, C1) and bidirectional overrides, which could
 * move the cursor, recolour or rewrite what is shown.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what it finds
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Printable on a terminal: each control character becomes "�" (line breaks stay). */
export function printable(s: string): string {
  return s.replace(UNSAFE, "\ufffd");
}

/** At most `max` characters (code points), then "… (N ký tự)"; on one line, printable. */
export function clipText(s: string, max = 60): string {
  const chars = [...s.normalize("NFC").replace(/[\r\n]+/g, " ")];
  if (chars.length <= max) return printable(chars.join(""));
  return `${printable(chars.slice(0, max).join(""))}… (${formatWholeNumber(chars.length)} ký tự)`;
}
