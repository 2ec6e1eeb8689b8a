// Evaluates the built bundle (build/Code.js) as Apps Script does: one script in a fresh V8 context
// whose only globals are the Apps Script services given here plus the ECMAScript built-ins. Node's
// require, process, Buffer, timers, URL, TextEncoder/TextDecoder and fetch are absent, and so is the
// console V8 puts in every context unless the caller passes one (Apps Script's own console is
// Logger-like; the emulator's globals provide it).
//
// Values from the context are another realm's: its Dates and arrays fail `instanceof` in Node code, so
// the emulator checks them with Object.prototype.toString / Array.isArray (see emulator/realm.ts).

import { readFileSync } from "node:fs";
import vm from "node:vm";

export type ScriptFunction = (...args: unknown[]) => unknown;

export interface LoadedBundle {
  /** Every global function the script defines (what Apps Script lists as runnable functions). */
  functions: Record<string, ScriptFunction>;
  context: vm.Context;
}

export function loadBundle(
  code: string,
  globals: Record<string, unknown>,
  filename = "Code.js",
): LoadedBundle {
  const sandbox: Record<string, unknown> = { ...globals };
  const context = vm.createContext(sandbox, {
    name: "Apps Script",
    codeGeneration: { strings: true, wasm: false },
  });
  if (!("console" in globals)) vm.runInContext("delete globalThis.console;", context);
  new vm.Script(code, { filename }).runInContext(context);
  const functions: Record<string, ScriptFunction> = {};
  for (const name of Object.keys(sandbox)) {
    const value = sandbox[name];
    if (typeof value === "function" && globals[name] !== value) functions[name] = value as ScriptFunction;
  }
  return { functions, context };
}

export function loadBundleFile(path: string, globals: Record<string, unknown>): LoadedBundle {
  return loadBundle(readFileSync(path, "utf8"), globals, path);
}
