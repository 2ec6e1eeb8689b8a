/**
 * Pathological strings: what a hostile or careless person can put in one cell (Sheets holds up to 50,000
 * characters), shaped to make a backtracking expression or a nested loop take quadratic time. Shared by
 * the tests (same answers as a plain reference) and `npm run bench` (each costs ≤ 10 ms to check).
 */

/** The longest text a Google Sheets cell holds. */
export const CELL_MAX = 50_000;

/** `unit` repeated and cut to exactly `length` characters. */
function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Deterministic pseudo-random text over an alphabet (a linear congruential generator, seed fixed). */
function noise(alphabet: string, length: number, seed = 12345): string {
  let x = seed;
  let s = "";
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += alphabet[x % alphabet.length];
  }
  return s;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Each case, built at a given length (the bench uses CELL_MAX; tests also use shorter ones). */
export const PATHOLOGICAL: readonly { name: string; make(length: number): string }[] = [
  { name: "digits", make: (n) => fill("1", n) },
  { name: "digits and dots", make: (n) => fill("1.", n) },
  { name: "zeros and spaces", make: (n) => fill("0 ", n) },
  { name: "phone numbers, one after another", make: (n) => fill("0912 345 678 ", n) },
  { name: "CCCD numbers with spaces", make: (n) => fill("030 198 001 234 ", n) },
  { name: "amounts with dots", make: (n) => fill("120.000.000.", n) },
  { name: "+84 repeated", make: (n) => fill("+84", n) },
  { name: "base64", make: (n) => noise(BASE64, n) },
  { name: "a long URL", make: (n) => "https://drive.example.com/file/d/" + fill("aB3-_.", n - 33) },
  { name: '"a@a.a" repeated', make: (n) => fill("a@a.a", n) },
  { name: '"@" only', make: (n) => fill("@", n) },
  { name: "an email's local part without end", make: (n) => fill("a", n - 1) + "@" },
  { name: "a domain of dots", make: (n) => "a@" + fill("a.", n - 2) },
  { name: "dots", make: (n) => fill(".", n) },
  { name: "spaces, then a letter", make: (n) => fill(" ", n - 1) + "x" },
  { name: "line breaks and tabs, then a letter", make: (n) => fill("\n\t\r ", n - 1) + "x" },
  { name: "no-break and zero-width spaces", make: (n) => fill("\u00a0\u200b\ufeff", n) },
  { name: "open parentheses", make: (n) => fill("(", n) },
  { name: "dashes", make: (n) => fill("-", n) },
  { name: "dates without end", make: (n) => fill("01/02/2023 ", n) },
  {
    name: "Vietnamese, decomposed (combining marks)",
    make: (n) => fill("Tuyên truyền phòng, chống mại dâm ".normalize("NFD"), n),
  },
  { name: "combining marks only", make: (n) => fill("\u0301\u0323", n) },
  { name: "emoji (surrogate pairs)", make: (n) => fill("😀", n) },
  { name: "mixed noise", make: (n) => noise("0123456789 .-+@a()", n, 777) },
];
