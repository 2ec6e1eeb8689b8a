/**
 * The part of zod that build/Code.js carries as a string and compiles on first use (see lazyZodPlugin in
 * scripts/build.mjs), taken out of the built file exactly as it is there. Used by the test that compares
 * it with zod/mini itself and by the bench that prices compiling it at every start-up instead.
 */
import vm from "node:vm";

const MARK = "new Function(";

/** The source text the bundle hands to `new Function` (one function body ending in `return{…}`). */
export function lazyZodSource(code: string): string {
  // The zod one compiles a string literal; the tools loaders compile the text of a file.
  const literals: number[] = [];
  for (let i = code.indexOf(MARK); i >= 0; i = code.indexOf(MARK, i + 1)) {
    if ("'\"`".includes(code[i + MARK.length] ?? "")) literals.push(i);
  }
  const at = literals[0] ?? -1;
  if (literals.length !== 1) {
    throw new Error(
      "build/Code.js should hold exactly one `new Function(` of a string (the lazily compiled zod)",
    );
  }
  const start = at + MARK.length;
  const quote = code[start];
  if (quote !== "'" && quote !== '"' && quote !== "`")
    throw new Error("no string literal after `new Function(`");
  let end = start + 1;
  for (; end < code.length && code[end] !== quote; end++) {
    if (code[end] === "\\") end++;
    else if (quote === "`" && code[end] === "$" && code[end + 1] === "{") {
      throw new Error("the lazily compiled zod is a template with substitutions");
    }
  }
  // The literal, read by JavaScript itself.
  return vm.runInNewContext(code.slice(start, end + 1)) as string;
}
