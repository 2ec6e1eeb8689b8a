/**
 * build/Code.js carries the part of zod/mini it calls as a string, compiled by its first call (start-up
 * is paid by every execution; see lazyZodPlugin in scripts/build.mjs and the bench's start-up section).
 * Here the bundle's own string is compiled as the bundle compiles it, the add-in's schemas are built on
 * it and, separately, on zod/mini itself, each in a fresh V8 context, and both are run on the same
 * inputs: the results, the parsed data and every issue must be the same.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import * as esbuild from "esbuild";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { lazyZodSource } from "./lazy-zod";

const root = join(__dirname, "../..");
const CODE = readFileSync(join(root, "build/Code.js"), "utf8");

/** The schemas the bundle validates with, and the settings check built on one of them. */
const ENTRY = `
export { settingsSchema, validateSettings } from "./src/core/settings";
export { entrySubmissionSchema, periodKeySchema, sendRequestSchema } from "./src/gas/api";
export { safeParse } from "zod/mini";
`;
const SCHEMAS = ["settingsSchema", "entrySubmissionSchema", "periodKeySchema", "sendRequestSchema"] as const;
type SchemaName = (typeof SCHEMAS)[number];

/** The entry bundled for a plain V8 context; `zodNames` given: zod/mini is the bundle's lazy zod. */
async function schemasBundle(zodNames?: string[]): Promise<string> {
  const plugins: esbuild.Plugin[] = zodNames
    ? [
        {
          name: "bundle-zod",
          setup(build) {
            build.onResolve({ filter: /^zod\/mini$/ }, () => ({ path: "zod", namespace: "bundle-zod" }));
            build.onLoad({ filter: /.*/, namespace: "bundle-zod" }, () => ({
              // Delegates by name, as the bundle's own stubs do.
              contents: zodNames
                .map((n) => `export const ${n} = (...a) => globalThis.__zod.${n}(...a);`)
                .join("\n"),
              loader: "js",
            }));
          },
        },
      ]
    : [];
  const result = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: root, loader: "ts" },
    bundle: true,
    format: "iife",
    globalName: "__schemas",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2020",
    write: false,
    logLevel: "error",
    plugins,
  });
  return result.outputFiles[0]!.text;
}

/** Inputs cross as JSON and are parsed inside the context, as google.script.run's arguments are. */
const HARNESS = `
globalThis.__run = (name, json) => {
  const input = json === undefined ? undefined : JSON.parse(json);
  const r = __schemas.safeParse(__schemas[name](), input);
  return JSON.stringify(r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues, message: r.error.message });
};
globalThis.__settings = (json) => JSON.stringify(__schemas.validateSettings(json === undefined ? undefined : JSON.parse(json)));
`;

interface Side {
  run(name: SchemaName, json: string | undefined): string;
  settings(json: string | undefined): string;
}

function side(context: vm.Context, code: string): Side {
  vm.runInContext(code + HARNESS, context);
  return {
    run: (name, json) => vm.runInContext("__run", context)(name, json),
    settings: (json) => vm.runInContext("__settings", context)(json),
  };
}

let lazy: Side;
let zod: Side;
let lazyNames: string[];

beforeAll(async () => {
  // The bundle's string, compiled the way the bundle compiles it, in a context with only JavaScript's globals.
  const context = vm.createContext({});
  vm.runInContext(`globalThis.__zod = new Function(${JSON.stringify(lazyZodSource(CODE))})();`, context);
  lazyNames = Object.keys(vm.runInContext("__zod", context) as object).sort();
  lazy = side(context, await schemasBundle(lazyNames));
  zod = side(vm.createContext({}), await schemasBundle());
}, 60_000);

const SETTINGS = {
  chairmanEmail: "chu.tich@quangkhai.vn",
  upperLevelName: "UBND huyện Tứ Kỳ",
  upperLevelEmails: ["lanhdao@tuky.gov.vn", "conganhuyen@tuky.gov.vn"],
  unitEditors: { congAnXa: ["cong.an@quangkhai.vn"], truongHoc: [] },
  periodRule: "cutoff",
  sendDay: 15,
  sendHour: 7,
  reminderDaysBefore: 3,
  adminEmails: ["van.phong@quangkhai.vn"],
  approval: "chairman",
  approvalReminderDays: 3,
};

const ODD = [null, "", " ", 0, -1, 1.5, 29, "15", "abc", "a@b", [], ["x"], {}, { a: 1 }, true, false];

/** Valid settings with one field removed or replaced by each odd value. */
function settingsCorpus(): unknown[] {
  const out: unknown[] = [SETTINGS, { ...SETTINGS, extra: "không thuộc cài đặt" }];
  for (const key of Object.keys(SETTINGS)) {
    const { [key]: _, ...without } = SETTINGS as Record<string, unknown>;
    out.push(without);
    for (const v of ODD) out.push({ ...SETTINGS, [key]: v });
  }
  out.push(
    { ...SETTINGS, upperLevelEmails: Array.from({ length: 51 }, (_, i) => `a${i}@tuky.gov.vn`) },
    { ...SETTINGS, upperLevelEmails: ["lanhdao@tuky.gov.vn", "khong-phai-email"] },
    { ...SETTINGS, unitEditors: { congAnXa: ["x@y"], truongHoc: "cong.an@quangkhai.vn" } },
    { ...SETTINGS, upperLevelName: "U".repeat(201) },
    { ...SETTINGS, periodRule: "calendar", sendDay: 28, sendHour: 23, reminderDaysBefore: 0 },
  );
  return [...out, null, undefined, "cài đặt", 42, [], {}];
}

const CORPUS: Record<SchemaName, unknown[]> = {
  settingsSchema: settingsCorpus(),
  entrySubmissionSchema: [
    { unitId: "truongHoc", fields: { date: "06/04/2023", task: "Tuyên truyền", "el:hocSinh": "1.234" } },
    { unitId: "truongHoc", fields: {} },
    { unitId: "truongHoc", fields: { date: 6 } },
    { unitId: 7, fields: { date: "06/04/2023" } },
    { unitId: "truongHoc", fields: ["06/04/2023"] },
    { unitId: "truongHoc" },
    { fields: {} },
    { unitId: "truongHoc", fields: { date: null }, extra: true },
    null,
    undefined,
    "truongHoc",
  ],
  periodKeySchema: [
    "2023-04",
    "2023-12",
    "2023-13",
    "2023-00",
    "2023-4",
    "23-04",
    "2023-04-01",
    "",
    202304,
    null,
  ],
  sendRequestSchema: [
    { periodKey: "2023-04", resend: false },
    { periodKey: "2023-04", resend: true, extra: 1 },
    { periodKey: "2023-04", resend: "false" },
    { periodKey: "2023-13", resend: false },
    { periodKey: "2023-04" },
    { resend: true },
    {},
    [],
    null,
  ],
};

const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));

describe("the lazily compiled zod in build/Code.js", () => {
  it("has the functions the bundle's schemas call", () => {
    expect(lazyNames).toEqual(expect.arrayContaining(["array", "object", "refine", "safeParse", "string"]));
  });

  it("gives zod/mini's result, data and issues for every schema on the corpus of valid and invalid inputs", () => {
    let accepted = 0;
    let refused = 0;
    for (const name of SCHEMAS) {
      for (const input of CORPUS[name]) {
        const expected = zod.run(name, json(input));
        expect(lazy.run(name, json(input)), `${name} ${json(input)}`).toBe(expected);
        if (JSON.parse(expected).success) accepted++;
        else refused++;
      }
    }
    // The corpus holds both kinds, so both paths of zod were compared.
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(100);
  });

  it("gives the same on random values and on random changes to valid settings", () => {
    const near = fc.record(
      Object.fromEntries(
        Object.entries(SETTINGS).map(([k, v]) => [
          k,
          fc.oneof(fc.constant(v), fc.jsonValue({ maxDepth: 2 })),
        ]),
      ),
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...SCHEMAS),
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), near),
        (name, input) => {
          expect(lazy.run(name, json(input))).toBe(zod.run(name, json(input)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("gives the same Vietnamese messages when the settings are checked", () => {
    for (const input of CORPUS.settingsSchema) {
      expect(lazy.settings(json(input)), json(input)).toBe(zod.settings(json(input)));
    }
    expect(JSON.parse(lazy.settings(json({ ...SETTINGS, sendDay: 29 })))).toEqual({
      ok: false,
      errors: [{ field: "sendDay", message: expect.stringContaining("Hãy nhập số nguyên từ 1 đến 28.") }],
    });
  });
});
