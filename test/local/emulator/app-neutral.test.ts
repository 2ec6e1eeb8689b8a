// The emulator knows Google, not this application: it imports nothing of the add-in (src/core,
// src/plans, src/gas, src/ui) nor of the tools around it, and a world's creator must say who owns it,
// what it is called, the clock and the zones.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createEnvironment } from "../../../src/local/emulator/index";

const ROOT = resolve(__dirname, "../../..");
const EMULATOR = join(ROOT, "src/local/emulator");
/** What the emulator may import from outside its folder: the loader that evaluates a bundle. */
const ALLOWED_OUTSIDE = ["src/local/loader.ts"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("an app-neutral emulator", () => {
  it("imports nothing outside its folder but the loader (no src/core, src/plans, src/gas, src/ui)", () => {
    const outside: string[] = [];
    for (const file of sources(EMULATOR)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(
        /(?:import|export)[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
      )) {
        const spec = m[1] ?? m[2] ?? "";
        if (!spec.startsWith(".")) continue; // node: built-ins and packages
        const target = relative(ROOT, resolve(dirname(file), spec));
        const inside = !relative(EMULATOR, resolve(ROOT, target)).startsWith("..");
        if (!inside && !ALLOWED_OUTSIDE.includes(`${target}.ts`) && !ALLOWED_OUTSIDE.includes(target))
          outside.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it("the rest of the project reaches it through its seam only: index.ts (bridge.ts for a browser page)", () => {
    const seam = ["src/local/emulator/index", "src/local/emulator/bridge"];
    const through: string[] = [];
    for (const dir of ["src", "bench", "scripts"]) {
      for (const file of sources(join(ROOT, dir)).filter((f) => !f.startsWith(EMULATOR))) {
        for (const m of readFileSync(file, "utf8").matchAll(/from\s+["']([^"']*emulator[^"']*)["']/g)) {
          const target = relative(ROOT, resolve(dirname(file), m[1] ?? ""));
          if (!seam.includes(target)) through.push(`${relative(ROOT, file)} imports ${m[1]}`);
        }
      }
    }
    expect(through).toEqual([]);
  });

  it("names no commune, plan or person of this application", () => {
    const named = sources(EMULATOR).filter((f) =>
      /quang ?kh|ke-?hoach|kế hoạch|mại dâm|tứ kỳ|tuky/i.test(readFileSync(f, "utf8")),
    );
    expect(named.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it("a new world needs its owner, clock, zone, locale and name from whoever creates it", () => {
    const world = {
      owner: "owner@school.example",
      now: new Date(0),
      timeZone: "UTC",
      locale: "en_US",
      spreadsheetName: "S",
    };
    expect(() => createEnvironment({ ...world, owner: undefined as unknown as string })).toThrow(
      "createEnvironment: a new world needs its owner",
    );
    expect(() => createEnvironment({ ...world, now: undefined as unknown as Date })).toThrow(
      /needs its clock/,
    );
    expect(() => createEnvironment({ ...world, spreadsheetName: undefined as unknown as string })).toThrow(
      /needs its spreadsheetName/,
    );
    expect((createEnvironment(world).active as GoogleAppsScript.Spreadsheet.Spreadsheet).getName()).toBe("S");
  });
});
