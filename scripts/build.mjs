#!/usr/bin/env node
/**
 * Builds exactly what `clasp push` sends to Google, into build/:
 *   Code.js          one minified IIFE of the exports of src/gas/main.ts that start by themselves (onOpen,
 *                    the edit and change triggers: CODE_EXPORTS) + generated global stubs for every export
 *   ServerTools.html every other export of src/gas/main.ts (sidebars' and dialogs' calls, menu items, the
 *                    time-driven triggers), as script text that Code.js compiles on first use: see
 *                    SERVER_TOOLS
 *   appsscript.json  the manifest, copied
 *   <Page>.html      one per folder in src/ui/pages/ (index.html with its main.ts and style.css inlined)
 *   PlanTools.html   the plan-editing part of the server (src/gas/plan-tools.ts), as script text that
 *                    Code.js compiles on first use (src/gas/plan-tools-loader.ts): see buildTools
 *   DraftTools.html  drafting a plan from a document's text (src/core/plan-draft.ts), compiled on first
 *                    use by PlanTools.html: see DRAFT_TOOLS
 *   UpperTools.html  an upper level's part of the server (src/gas/upper-tools.ts), as script text that
 *                    Code.js compiles on first use (src/gas/upper-tools-loader.ts): see buildTools
 *   OfficeTools.html the office's and chairman's part of the server (monthly rollup, send, copy, approval,
 *                    check-all, settings, status), compiled on first use: see OFFICE_TOOLS
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
const CODE_BUDGET_BYTES = 150 * 1024;

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

/**
 * How code for Apps Script V8 is bundled. ESM output, wrapped by hand in an IIFE that returns a plain
 * object of the exports: smaller than esbuild's iife format with its export getters, and nothing leaks
 * into the global scope, where Apps Script would list it (and google.script.run could call it).
 */
const APPS_SCRIPT_ESM = {
  bundle: true,
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
  return { exports: Object.values(result.metafile.outputs)[0].exports };
}

/** The zod/mini functions the bundle's sources call (comments may name others). */
function zodNamesUsed(sources) {
  const names = new Set();
  for (const file of sources) {
    const text = readFileSync(join(root, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
    for (const m of text.matchAll(/\bz\.([A-Za-z]+)\s*(?:<[^>(]*>)?\(/g)) names.add(m[1]);
  }
  return [...names].sort();
}

/**
 * zod, compiled on first use. Every Apps Script execution (each edit, each menu click) parses the whole
 * bundle and runs its top level; zod's code and class set-up are about a third of that, for the few
 * executions that validate anything. So build/Code.js carries the used part of zod/mini as a string,
 * turned into code by the first call, behind delegating functions with the same names. Tests and
 * sidebars use zod directly; this only changes when zod is loaded, not what it does.
 */
async function lazyZodPlugin(names) {
  const sub = await esbuild.build({
    ...APPS_SCRIPT_ESM,
    stdin: { contents: `export { ${names.join(", ")} } from "zod/mini";`, resolveDir: root, loader: "js" },
  });
  const { body, returned } = splitExports(sub.outputFiles[0].text);
  const source = `"use strict";${body}return{${returned}}`;
  const loaded = new Function(source)();
  for (const n of names) if (typeof loaded[n] !== "function") fail(`zod/mini has no function "${n}"`);
  const literal = "`" + source.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${") + "`";
  const contents = [
    "let zod;",
    `const load = () => (zod ??= new Function(${literal})());`,
    // Local names prefixed: some of zod's (enum) are reserved words, which only an export name may be.
    ...names.map((n) => `const z_${n} = (...a) => load().${n}(...a);`),
    `export { ${names.map((n) => `z_${n} as ${n}`).join(", ")} };`,
  ].join("\n");
  return {
    name: "lazy-zod",
    setup(build) {
      build.onResolve({ filter: /^zod\/mini$/ }, () => ({ path: "zod-on-first-use", namespace: "lazy-zod" }));
      build.onLoad({ filter: /.*/, namespace: "lazy-zod" }, () => ({ contents, loader: "js" }));
    },
  };
}

/**
 * Server code that only the office's and the chairman's actions need (the monthly rollup, report, send
 * and read-only copy, approval, check-all, the settings dialog, the units' status), kept out of Code.js:
 * every execution parses Code.js whole, and an edit (the most frequent execution by far) needs none of
 * this. Built into OfficeTools.html (buildTools below). In Code.js and ServerTools.html, an import of one
 * of these modules becomes delegating functions with the same names that compile OfficeTools.html the
 * first time one is called, once per execution (as the lazy zod is): the sources import them as usual
 * and the build alone decides where they live. Every export of these modules must be a function (the
 * build checks it). The gas modules keep no state at module level beyond caches of computed values
 * (core's parse and column caches, setup's "spare sheet looked for"), so a module bundled in both files
 * behaves the same.
 */
const OFFICE_TOOLS = {
  file: "OfficeTools",
  modules: [
    "src/gas/monthly.ts",
    "src/gas/approval.ts",
    "src/gas/check.ts",
    "src/gas/settings.ts",
    "src/gas/sharing.ts",
    "src/gas/options.ts",
    "src/gas/send.ts",
    "src/gas/rollup.ts",
    "src/gas/status.ts",
  ],
};

/**
 * The exports of src/gas/main.ts that Code.js itself holds: what Google runs by itself, the edit trigger
 * above all (by far the most frequent execution), the change trigger and the simple onOpen. Every other
 * export (a sidebar's or dialog's call, a menu item, the rare time-driven triggers) lives in
 * ServerTools.html, compiled the first time an execution calls one, once per execution, as the other
 * parts are: Code.js keeps a global stub for each, so Apps Script, menus and google.script.run find
 * them by name as before. Every execution parses Code.js whole; an edit then parses only what it runs.
 * Modules both files use are bundled in each: one execution starts in one of them and stays there (a
 * ServerTools function never calls back into Code.js), and the gas modules keep no state at module level
 * beyond caches of computed values, so nothing is shared that should be.
 */
const CODE_EXPORTS = ["onOpen", "onEditInstalled", "onChangeInstalled"];
/**
 * ServerTools.html also serves, on first use, modules that Code.js's own code calls only in rare cases:
 * the upper level's loader (its set-up hands UpperTools.html a dozen functions of send, setup and the
 * logs), needed by an edit only in an upper level's workbook.
 */
const SERVER_TOOLS = { file: "ServerTools", modules: ["src/gas/upper-tools-loader.ts"] };
/** The name under which Code.js's bundle returns ServerTools.html's loader, for the stubs. */
const SERVER_LOADER = "_S";
/**
 * Drafting a plan from a document's text (the plan dialog's "soạn từ văn bản"), kept out of PlanTools.html:
 * setup and a new year load PlanTools.html and need none of it (about 15 KB of PlanTools.html's 150 KB
 * budget). PlanTools.html compiles DraftTools.html the first time a draft is asked for.
 */
const DRAFT_TOOLS = { file: "DraftTools", modules: ["src/core/plan-draft.ts"] };

/** `export * as m3 from "…/send.ts"`, one namespace per module: their export names may repeat. */
function toolsEntry(tools) {
  return tools.modules.map((m, i) => `export * as m${i} from ${JSON.stringify(join(root, m))};`).join("\n");
}

async function onFirstUsePlugin(tools) {
  // What each module exports: functions become delegating functions, a constant (a trigger's name) is
  // copied as its value, anything else fails the build.
  const exportsOf = new Map();
  for (const m of tools.modules) exportsOf.set(join(root, m), Object.entries(await importTs(join(root, m))));
  tools.exported = tools.modules.flatMap((m, i) =>
    exportsOf
      .get(join(root, m))
      .filter(([, v]) => typeof v === "function")
      .map(([n]) => `m${i}.${n}`),
  );
  // One namespace per part, so that a bundle can load more than one; `import { load } from
  // "on-first-use:<file>"` is the part's loader.
  const namespace = `on-first-use:${tools.file}`;
  const loader = [
    "let tools = null;",
    `export const load = () => (tools ??= new Function(HtmlService.createHtmlOutputFromFile(${JSON.stringify(tools.file)}).getContent())());`,
  ].join("\n");
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.namespace.startsWith("on-first-use:")) return undefined;
        for (const ext of [".ts", "/index.ts"]) {
          const path = join(args.resolveDir, args.path + ext);
          if (exportsOf.has(path)) return { path, namespace };
        }
        return undefined;
      });
      build.onResolve({ filter: new RegExp(`^${namespace}$`) }, () => ({ path: "loader", namespace }));
      build.onLoad({ filter: /.*/, namespace }, (args) => {
        if (args.path === "loader") return { contents: loader, loader: "js" };
        const index = tools.modules.findIndex((m) => join(root, m) === args.path);
        const proxy = ([n, v]) => {
          if (typeof v === "function") return `export const ${n} = (...a) => load().m${index}.${n}(...a);`;
          if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
            return `export const ${n} = ${JSON.stringify(v)};`;
          fail(
            `${tools.modules[index]} exports "${n}", neither a function nor a constant: it cannot load on first use`,
          );
        };
        return {
          contents: [`import { load } from "${namespace}";`, ...exportsOf.get(args.path).map(proxy)].join(
            "\n",
          ),
          loader: "js",
        };
      });
    },
  };
}

/** ESM output → its body and the `name:local` pairs of its final export list. */
function splitExports(esm) {
  const text = esm.trimEnd();
  const tail = /export\s*\{([^}]*)\};?$/.exec(text);
  if (!tail) fail("could not find the export list in a bundle");
  const returned = tail[1]
    .split(",")
    .map((pair) => pair.trim().split(/\s+as\s+/))
    .map(([local, name = local]) => `${name}:${local}`)
    .join(",");
  return { body: text.slice(0, tail.index), returned };
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

/** The source files whose code a bundle of `contents` (an entry given as text) keeps, tree-shaken. */
async function liveSources(contents, plugins) {
  const result = await esbuild.build({
    ...APPS_SCRIPT_ESM,
    stdin: { contents, resolveDir: root, loader: "js" },
    metafile: true,
    external: ["zod/mini"],
    plugins,
  });
  const output = Object.values(result.metafile.outputs)[0];
  return Object.entries(output.inputs)
    .filter(([file, { bytesInOutput }]) => file.startsWith("src/") && bytesInOutput > 0)
    .map(([file]) => file);
}

/**
 * Builds an entry given as text with the lazy zod (the names its live sources call) and the parts
 * loaded on first use (`parts`, each a { file, modules } as OFFICE_TOOLS).
 */
async function bundleWithParts(contents, parts) {
  const onFirstUse = () => Promise.all(parts.map(onFirstUsePlugin));
  const sources = await liveSources(contents, await onFirstUse());
  const result = await esbuild.build({
    ...APPS_SCRIPT_ESM,
    stdin: { contents, resolveDir: root, loader: "js" },
    plugins: [await lazyZodPlugin(zodNamesUsed(sources)), ...(await onFirstUse())],
  });
  return splitExports(result.outputFiles[0].text);
}

/** Fails naming an export that is not a function or takes more than the one argument its stub passes. */
function checkEntryPoints(api, names) {
  for (const name of names) {
    if (typeof api[name] !== "function") fail(`export "${name}" of src/gas/main.ts is not a function`);
    if (api[name].length > 1)
      fail(`"${name}" takes ${api[name].length} parameters; entry points take at most one`);
  }
}

/** A part of the server loaded on first use: ≤ 150 KB, as the bench's sizes table says (design notes). */
function checkPartBudget(file, code) {
  const bytes = Buffer.byteLength(code);
  if (bytes > CODE_BUDGET_BYTES)
    fail(
      `build/${file} is ${bytes} bytes, over the ${CODE_BUDGET_BYTES}-byte budget of a part (see npm run bench)`,
    );
}

function checkForbidden(file, code) {
  for (const [pattern, name] of FORBIDDEN) {
    if (pattern.test(code)) fail(`build/${file} uses ${name}, which Apps Script V8 does not provide`);
  }
}

async function buildCode(exportsList) {
  const manifest = await importTs(join(root, "src/gas/manifest.ts"));
  const exported = new Set(exportsList);
  for (const item of [...manifest.MENU_ENTRIES, ...(manifest.UPPER_MENU_ENTRIES ?? [])]) {
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
  for (const name of CODE_EXPORTS) {
    if (!exported.has(name))
      fail(`"${name}" (CODE_EXPORTS in scripts/build.mjs) is not exported by src/gas/main.ts`);
  }
  const names = exportsList.filter((name) => name !== "default");
  const moved = names.filter((name) => !CODE_EXPORTS.includes(name));
  const from = JSON.stringify(entry);

  // ServerTools.html: the moved exports, with their own lazy zod and loaders of the other parts.
  const server = await bundleWithParts(
    [`export { ${moved.join(", ")} } from ${from};`, toolsEntry(SERVER_TOOLS)].join("\n"),
    [OFFICE_TOOLS],
  );
  const serverCode = `"use strict";${server.body}return{${server.returned}}`;
  const serverFile = `${SERVER_TOOLS.file}.html`;
  checkForbidden(serverFile, serverCode);
  checkPartBudget(serverFile, serverCode);
  const serverApi = vm.runInNewContext(`(function(){${serverCode}})()`, {});
  checkEntryPoints(serverApi, moved);
  writeFileSync(join(out, serverFile), serverCode);

  // Code.js: the exports that start by themselves, and ServerTools.html's loader, which the stubs of
  // the moved exports call (each function is parsed by every execution: one stub per moved export, no
  // delegating function besides).
  if (exported.has(SERVER_LOADER))
    fail(`src/gas/main.ts may not export "${SERVER_LOADER}": the build uses the name`);
  const { body, returned } = await bundleWithParts(
    [
      `export { ${CODE_EXPORTS.join(", ")} } from ${from};`,
      `export { load as ${SERVER_LOADER} } from "on-first-use:${SERVER_TOOLS.file}";`,
    ].join("\n"),
    [OFFICE_TOOLS, SERVER_TOOLS],
  );
  // What Code.js delegates to ServerTools.html besides the moved exports (set by the bundle just made).
  for (const name of SERVER_TOOLS.exported) {
    if (typeof name.split(".").reduce((o, key) => o?.[key], serverApi) !== "function")
      fail(`build/${serverFile} must export ${name} as a function`);
  }
  let code = `"use strict";var ${GLOBAL}=(()=>{${body}return{${returned}}})();\n`;
  checkForbidden("Code.js", code);
  checkEntryPoints(vm.runInNewContext(`${code};${GLOBAL}`, {}), CODE_EXPORTS);
  // Apps Script finds only top-level function declarations: one small stub per export.
  const stubs = [...names]
    .sort()
    .map((name) =>
      CODE_EXPORTS.includes(name)
        ? `function ${name}(a){return ${GLOBAL}.${name}(a)}`
        : `function ${name}(a){return ${GLOBAL}.${SERVER_LOADER}().${name}(a)}`,
    )
    .join("\n");
  code = `${code}${stubs}\n`;
  // Every execution (each edit, each menu click) loads the whole file: DESIGN.md and issue 17 set the budget at 150 KB (start-up, not size, is the binding figure).
  const bytes = Buffer.byteLength(code);
  if (bytes > CODE_BUDGET_BYTES) {
    fail(`build/Code.js is ${bytes} bytes, over the ${CODE_BUDGET_BYTES}-byte budget (see npm run bench)`);
  }
  writeFileSync(join(out, "Code.js"), code);
  return { codeChars: code.length, serverBytes: Buffer.byteLength(serverCode) };
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

/**
 * Code that only some executions need goes into a project file of its own, as the text of a function
 * body returning the exports, which Code.js turns into code with `new Function` the first time an
 * execution needs it (as the lazy zod does): every execution loads Code.js whole, this part only the
 * executions that use it. A .html file because it is the one kind of project file a script can read
 * back (HtmlService.createHtmlOutputFromFile). `exports` must all be functions of the entry. The plan's tools (its tab, checks,
 * the bundled plan, drafting from a document) are needed by setup and a few office dialogs; the upper
 * level's, by an upper level's workbook and a commune's push.
 */
async function buildTools(file, entry, exports, plugins = []) {
  const from =
    typeof entry === "string"
      ? { entryPoints: [join(root, entry)] }
      : { stdin: { contents: entry.contents, resolveDir: root, loader: "js" } };
  const result = await esbuild.build({ ...APPS_SCRIPT_ESM, ...from, plugins });
  const { body, returned } = splitExports(result.outputFiles[0].text);
  const code = `"use strict";${body}return{${returned}}`;
  for (const [pattern, name] of FORBIDDEN) {
    if (pattern.test(code)) fail(`build/${file} uses ${name}, which Apps Script V8 does not provide`);
  }
  checkPartBudget(file, code);
  const api = vm.runInNewContext(`(function(){${code}})()`, {});
  for (const name of exports) {
    const value = name.split(".").reduce((o, key) => o?.[key], api);
    if (typeof value !== "function") fail(`${entry.name ?? entry} must export ${name} as a function`);
  }
  writeFileSync(join(out, file), code);
  return Buffer.byteLength(code);
}

/**
 * The local workbench `npm start` runs, into build-local/ (not build/, which is what clasp pushes): its
 * server bundled from src/local/start.ts for plain node, and its page bundled in, so that a start loads
 * neither tsx (compiling TypeScript on the fly) nor esbuild. Packages stay in node_modules; what the
 * server loads only when needed (exceljs for a download, the .docx reader) stays in chunks of its own,
 * loaded at that moment.
 */
async function buildWorkbench() {
  const localOut = join(root, "build-local");
  rmSync(localOut, { recursive: true, force: true });
  const { bundlePage } = await importTs(join(root, "src/local/workbench/page-bundle.ts"));
  const page = await bundlePage(esbuild.build, join(root, "src/local/workbench/page"), (file) =>
    readFileSync(file, "utf8"),
  );
  const assets = join(root, "src/local/workbench/assets.ts");
  await esbuild.build({
    entryPoints: { workbench: join(root, "src/local/start.ts") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outdir: localOut,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
    plugins: [
      {
        // zod is the one package every start loads: bundled, its ~60 modules are not resolved and
        // loaded one by one (40–50 ms of each start); the others stay in node_modules, loaded when needed.
        name: "zod-bundled",
        setup(build) {
          build.onResolve({ filter: /^zod(\/|$)/ }, (args) => ({
            path: fileURLToPath(import.meta.resolve(args.path)),
          }));
        },
      },
      {
        name: "page-built-in",
        setup(build) {
          build.onLoad({ filter: /[\\/]assets\.ts$/ }, (args) =>
            args.path === assets
              ? {
                  contents: `export async function pageAssets() { return ${JSON.stringify(page)}; }`,
                  loader: "js",
                }
              : undefined,
          );
        },
      },
    ],
  });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const { exports: exportsList } = await entryExports();
const { codeChars, serverBytes } = await buildCode(exportsList);
writeFileSync(join(out, "appsscript.json"), readFileSync(join(root, "appsscript.json")));
const pages = await buildPages();
pages.push([`${SERVER_TOOLS.file}.html`, serverBytes]);
pages.push([
  "PlanTools.html",
  await buildTools(
    "PlanTools.html",
    "src/gas/plan-tools.ts",
    ["applyPlanTab"],
    [await onFirstUsePlugin(DRAFT_TOOLS)],
  ),
]);
pages.push([
  `${DRAFT_TOOLS.file}.html`,
  await buildTools(
    `${DRAFT_TOOLS.file}.html`,
    { name: DRAFT_TOOLS.modules.join(", "), contents: toolsEntry(DRAFT_TOOLS) },
    DRAFT_TOOLS.exported,
  ),
]);
pages.push([
  "UpperTools.html",
  await buildTools("UpperTools.html", "src/gas/upper-tools.ts", [
    "init",
    "upperPeople",
    "upperSetup",
    "pushPeriod",
    "retryPushes",
  ]),
]);
pages.push([
  `${OFFICE_TOOLS.file}.html`,
  await buildTools(
    `${OFFICE_TOOLS.file}.html`,
    { name: OFFICE_TOOLS.modules.join(", "), contents: toolsEntry(OFFICE_TOOLS) },
    OFFICE_TOOLS.exported,
  ),
]);
await buildWorkbench();
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `build/Code.js ${kb(Buffer.byteLength(readFileSync(join(out, "Code.js"))))} (${codeChars} chars), globals: ${exportsList.join(", ")}`,
);
for (const [file, bytes] of pages) console.log(`build/${file} ${kb(bytes)}`);
