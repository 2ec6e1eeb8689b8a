/**
 * Brings test/contract/results.json in line with the contract cases: a new case gets its expected
 * value marked `"origin": "source"` (the cited source's value, until someone records on Google);
 * entries recorded on Google are kept as they are; entries of deleted cases go.
 *   npm run contract:results
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CASES } from "../test/contract/cases/index";

const file = fileURLToPath(new URL("../test/contract/results.json", import.meta.url));
const old = existsSync(file)
  ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, { origin: string }>)
  : {};
const next: Record<string, unknown> = {};
for (const c of CASES) {
  const kept = old[c.id];
  next[c.id] = kept?.origin === "recorded" ? kept : { origin: "source", source: c.source, value: c.expected };
}
writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
execFileSync("npx", ["biome", "format", "--write", file], { stdio: "ignore" });
console.log(`${file}: ${CASES.length} cases`);
