#!/usr/bin/env node
/**
 * Builds exactly what `clasp push` sends to Google, into build/:
 *   Code.js          one minified IIFE + generated global stubs for every export of src/gas/main.ts
 *   appsscript.json  the manifest, copied
 *   <Page>.html      one per folder in src/ui/pages/ (index.html with its main.ts and style.css inlined)
 *
 * Fails, naming the function, when a menu item or trigger handler in src/gas/manifest.ts is not
 * exported by the entry, and when the bundle uses something Apps Script V8 lacks.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "build");
const entry = join(root, "src/gas/main.ts");
const GLOBAL = "_K";
const CODE_BUDGET_BYTES = 100 * 1024;

// Apps Script V8 has no class private or static fields syntax we can rely on: make esbuild lower them.
const supported = {
  "class-field": false,
  "class-private-field": false,
  "class-private-method": false,
  "class-private-accessor": false,
  "class-private-static-field": false,
  "class-private-static-method": false,
  "class-private-static-accessor": false,
  "class-static-field": false,
  "class-static-blocks": false,
};

/** Globals the Apps Script runtime does not have; a bundle that names them would fail in Google. */
const FORBIDDEN = [
  [/\bsetTimeout\s*\(/, "setTimeout"],
  [/\bsetInterval\s*\(/, "setInterval"],
  [/\bnew URL\s*\(/, "URL"],
  [/\bTextEncoder\b/, "TextEncoder"],
  [/\bTextDecoder\b/, "TextDecoder"],
  [/\bfetch\s*\(/, "fetch"],
  [/\brequire\s*\(/, "require"],
  [/\bprocess\.env\b/, "process.env"],
];

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

async function entryExports() {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    write: false,
    metafile: true,
    outfile: "exports.js",
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0];
  return output.exports;
}

async function importTs(file) {
  const result = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

async function buildCode(exportsList) {
  const manifest = await importTs(join(root, "src/gas/manifest.ts"));
  const exported = new Set(exportsList);
  for (const item of manifest.MENU_ENTRIES) {
    if (item && !exported.has(item.functionName)) {
      fail(
        `menu item "${item.caption}" names function "${item.functionName}", which src/gas/main.ts does not export`,
      );
    }
  }
  for (const name of manifest.TRIGGER_HANDLERS) {
    if (!exported.has(name)) fail(`trigger handler "${name}" is not exported by src/gas/main.ts`);
  }
  for (const name of manifest.CLIENT_ENDPOINTS ?? []) {
    if (!exported.has(name)) fail(`google.script.run target "${name}" is not exported by src/gas/main.ts`);
  }

  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    // ESM output wrapped by hand (below) in an IIFE that returns a plain object of the exports:
    // smaller than esbuild's iife format with its export getters, and nothing leaks into the global
    // scope, where Apps Script would list it (and google.script.run could call it).
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2020",
    supported,
    minify: true,
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  const esm = result.outputFiles[0].text.trimEnd();
  const tail = /export\s*\{([^}]*)\};?$/.exec(esm);
  if (!tail) fail("could not find the entry's export list in the bundle");
  const body = esm.slice(0, tail.index);
  const returned = tail[1]
    .split(",")
    .map((pair) => pair.trim().split(/\s+as\s+/))
    .map(([local, name = local]) => `${name}:${local}`)
    .join(",");
  let code = `"use strict";var ${GLOBAL}=(()=>{${body}return{${returned}}})();\n`;
  for (const [pattern, name] of FORBIDDEN) {
    if (pattern.test(code)) fail(`build/Code.js uses ${name}, which Apps Script V8 does not provide`);
  }
  // Stubs pass one argument (an event or a client call's payload): check that no export takes more.
  const api = vm.runInNewContext(`${code};${GLOBAL}`, {});
  for (const name of exportsList) {
    if (typeof api[name] !== "function") fail(`export "${name}" of src/gas/main.ts is not a function`);
    if (api[name].length > 1)
      fail(`"${name}" takes ${api[name].length} parameters; entry points take at most one`);
  }
  // Apps Script finds only top-level function declarations: one small stub per export.
  const stubs = exportsList
    .filter((name) => name !== "default")
    .sort()
    .map((name) => `function ${name}(a){return ${GLOBAL}.${name}(a)}`)
    .join("\n");
  code = `${code}${stubs}\n`;
  // Every execution (each edit, each menu click) loads the whole file: DESIGN.md's budget is 100 KB.
  const bytes = Buffer.byteLength(code);
  if (bytes > CODE_BUDGET_BYTES) {
    fail(`build/Code.js is ${bytes} bytes, over the ${CODE_BUDGET_BYTES}-byte budget (see npm run bench)`);
  }
  writeFileSync(join(out, "Code.js"), code);
  return code.length;
}

/** Inline a page's script and styles into one HTML file, as HtmlService serves a single file. */
async function buildPages() {
  const pagesDir = join(root, "src/ui/pages");
  if (!existsSync(pagesDir)) return [];
  const built = [];
  for (const name of readdirSync(pagesDir).sort()) {
    const dir = join(pagesDir, name);
    const htmlFile = join(dir, "index.html");
    if (!existsSync(htmlFile)) continue;
    let html = readFileSync(htmlFile, "utf8");
    const script = await esbuild.build({
      entryPoints: [join(dir, "main.ts")],
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "es2019",
      minify: true,
      charset: "utf8",
      legalComments: "none",
      write: false,
      logLevel: "warning",
    });
    // "</script" inside the code would end the inline element early.
    const js = script.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1");
    let css = "";
    const cssFile = join(dir, "style.css");
    if (existsSync(cssFile)) {
      const styles = await esbuild.build({
        entryPoints: [cssFile],
        bundle: true,
        minify: true,
        write: false,
        logLevel: "warning",
        loader: { ".css": "css" },
      });
      css = styles.outputFiles[0].text;
    }
    if (!html.includes("<!-- inline:style -->") || !html.includes("<!-- inline:script -->")) {
      fail(
        `src/ui/pages/${name}/index.html needs the <!-- inline:style --> and <!-- inline:script --> markers`,
      );
    }
    html = html
      .replace("<!-- inline:style -->", () => `<style>${css}</style>`)
      .replace("<!-- inline:script -->", () => `<script>${js}</script>`);
    writeFileSync(join(out, `${name}.html`), html);
    built.push([`${name}.html`, Buffer.byteLength(html)]);
  }
  return built;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const exportsList = await entryExports();
const codeBytes = await buildCode(exportsList);
writeFileSync(join(out, "appsscript.json"), readFileSync(join(root, "appsscript.json")));
const pages = await buildPages();
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `build/Code.js ${kb(Buffer.byteLength(readFileSync(join(out, "Code.js"))))} (${codeBytes} chars), globals: ${exportsList.join(", ")}`,
);
for (const [file, bytes] of pages) console.log(`build/${file} ${kb(bytes)}`);
