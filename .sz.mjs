import * as esbuild from "esbuild";
import { gzipSync } from "node:zlib";
const r = await esbuild.build({ entryPoints: ["src/gas/upper-tools.ts"], bundle: true, format: "esm", platform: "neutral", mainFields: ["module","main"], target: "es2020", minify: true, charset: "utf8", write: false, metafile: true, outfile: "x.js", logLevel: "silent" });
const t = r.outputFiles[0].contents; console.log("chunk", t.length);
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs).map(([f, v]) => [f, v.bytesInOutput]).sort((a, b) => b[1] - a[1]);
for (const [f, b] of rows.slice(0, 30)) console.log(String(b).padStart(7), f);
