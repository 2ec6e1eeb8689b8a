// The loader evaluates the bundle as Apps Script does: one script, in a fresh V8 context holding only
// the Apps Script globals and the ECMAScript built-ins (DESIGN.md, "Local tools"; issue 2).
import { describe, expect, it } from "vitest";
import { loadBundle } from "../../../src/local/loader";

describe("loadBundle", () => {
  it("gives the script no Node globals: no require, process, Buffer, timers, URL, TextEncoder, fetch, console", () => {
    const { functions } = loadBundle(
      `function probe() {
         return [typeof require, typeof process, typeof Buffer, typeof setTimeout, typeof setInterval,
                 typeof setImmediate, typeof URL, typeof TextEncoder, typeof TextDecoder, typeof fetch,
                 typeof console, typeof module, typeof exports, typeof globalThis.global].join(",");
       }`,
      {},
    );
    expect(functions.probe?.()).toBe(
      "undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined",
    );
  });

  it("keeps the ECMAScript built-ins (JSON, Math, Map, Date, RegExp)", () => {
    const { functions } = loadBundle(
      `function probe() { return [typeof JSON.stringify, typeof Math.max, typeof Map, typeof Date, typeof RegExp].join(","); }`,
      {},
    );
    expect(functions.probe?.()).toBe("function,function,function,function,function");
  });

  it("exposes exactly the globals it is given, and a console only when given one", () => {
    const seen: unknown[] = [];
    const SpreadsheetApp = { flush: () => seen.push("flush") };
    const { functions } = loadBundle(
      `function run() { SpreadsheetApp.flush(); console.log("x"); return typeof MailApp; }`,
      { SpreadsheetApp, console: { log: (m: unknown) => seen.push(m) } },
    );
    expect(functions.run?.()).toBe("undefined");
    expect(seen).toEqual(["flush", "x"]);
  });

  it("returns every global function of an esbuild-style IIFE bundle, and not the globals passed in", () => {
    const code = `"use strict";
      var App = (() => { var exports = {}; exports.onOpen = () => "menu"; exports.helper = () => 1; return exports; })();
      function onOpen(e) { return App.onOpen(e); }
      function submitEntry(x) { return x * 2; }`;
    const given = () => 0;
    const { functions } = loadBundle(code, { given });
    expect(Object.keys(functions).sort()).toEqual(["onOpen", "submitEntry"]);
    expect(functions.onOpen?.()).toBe("menu");
    expect(functions.submitEntry?.(21)).toBe(42);
  });

  it("evaluates each bundle in its own context: state does not leak between loads", () => {
    const code = `var n = 0; function bump() { n += 1; return n; }`;
    const a = loadBundle(code, {});
    const b = loadBundle(code, {});
    a.functions.bump?.();
    a.functions.bump?.();
    expect(a.functions.bump?.()).toBe(3);
    expect(b.functions.bump?.()).toBe(1);
  });

  it("lets a syntax or start-up error of the bundle surface to the caller", () => {
    expect(() => loadBundle(`function ok() {}\nthrow new Error("khởi động thất bại");`, {})).toThrow(
      "khởi động thất bại",
    );
    expect(() => loadBundle(`function broken( {`, {})).toThrow(SyntaxError);
  });

  it("returns Dates and arrays from another realm, which the emulator must not test with instanceof", () => {
    const { functions } = loadBundle(`function make() { return [new Date(0)]; }`, {});
    const out = functions.make?.() as unknown[];
    expect(Array.isArray(out)).toBe(true);
    // biome-ignore lint/suspicious/useIsArray: the point is that instanceof fails across realms
    expect(out instanceof Array).toBe(false);
    expect(Object.prototype.toString.call(out[0])).toBe("[object Date]");
    expect(out[0] instanceof Date).toBe(false);
  });
});
