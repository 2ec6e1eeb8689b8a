/**
 * The repository's root, found from this module's own file: the same whether it runs from src/ (tsx,
 * vitest) or bundled into build-local/ (`npm start` runs the workbench built by `npm run build`), where
 * a path relative to the file would point elsewhere.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function rootFrom(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "src/local"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository above ${start}`);
  }
}

export const REPO_ROOT = rootFrom(dirname(fileURLToPath(import.meta.url)));
