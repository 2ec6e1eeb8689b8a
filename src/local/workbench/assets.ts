/**
 * The page's script and styles and the panel shim. From the sources (tsx, the tests) esbuild bundles
 * them when the server starts; the workbench that `npm start` runs (build-local/, made by
 * `npm run build`) has them bundled in at build time instead (scripts/build.mjs replaces this module
 * with their text), so it starts without loading esbuild. Both go through bundlePage.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../repo-root";
import { type Build, bundlePage, type PageAssets } from "./page-bundle";

export type { PageAssets };

export async function pageAssets(): Promise<PageAssets> {
  const esbuild = await import("esbuild");
  return bundlePage(esbuild.build as Build, join(REPO_ROOT, "src/local/workbench/page"), (file) =>
    readFileSync(file, "utf8"),
  );
}
