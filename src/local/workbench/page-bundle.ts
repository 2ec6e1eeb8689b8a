/**
 * The workbench page bundled: its script (main.ts), its styles (style.css) and the panel shim
 * (shim.ts). Imports nothing, so that scripts/build.mjs can load it as it is and bundle the page at
 * build time exactly as the server does from the sources (assets.ts).
 */

export interface PageAssets {
  appJs: string;
  appCss: string;
  shimJs: string;
}

/** esbuild's build function, passed in. */
export type Build = (options: Record<string, unknown>) => Promise<{ outputFiles?: { text: string }[] }>;

/** The page bundled from `pageDir` (main.ts, shim.ts, style.css); `readText` reads the styles. */
export async function bundlePage(
  build: Build,
  pageDir: string,
  readText: (file: string) => string,
): Promise<PageAssets> {
  const bundle = async (entry: string): Promise<string> => {
    const result = await build({
      entryPoints: [`${pageDir}/${entry}`],
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "es2020",
      charset: "utf8",
      minify: true,
      legalComments: "none",
      write: false,
      logLevel: "warning",
    });
    return result.outputFiles![0]!.text;
  };
  const [appJs, shimJs] = await Promise.all([bundle("main.ts"), bundle("shim.ts")]);
  return { appJs, shimJs, appCss: readText(`${pageDir}/style.css`) };
}
