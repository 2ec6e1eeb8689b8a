/**
 * npm run reliability: the add-in's reliability suite at full size (src/local/reliability), its figures
 * written into RELIABILITY.md beside the command line's (npm run reliability:cli keeps its own section).
 * Builds first; exits 1 when a goal is missed.
 */
import { join } from "node:path";
import { writeReliabilitySection } from "../src/local/cli/hostile/run";
import { runSuite, suiteMarkdown, suiteOk } from "../src/local/reliability/index";

const root = join(import.meta.dirname, "..");
const actions = Number(process.env.RELIABILITY_ACTIONS ?? 10_000);
const seed = Number(process.env.RELIABILITY_SEED ?? 20230315);
const result = runSuite({ actions, seed });
const lines = suiteMarkdown(result, new Date().toISOString().slice(0, 10));
writeReliabilitySection(join(root, "RELIABILITY.md"), lines, "addin");
console.log(lines.join("\n"));
process.exitCode = suiteOk(result) && actions >= 10_000 ? 0 : 1;
