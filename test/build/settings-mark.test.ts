/**
 * Settings saved by our own code carry a marker saying that this exact text passed validation, for this
 * plan and schema version (src/core/settings-mark.ts); an edit then loads them without compiling zod.
 * Here through the built bundle: the script's `new Function` calls are recorded (the lazy zod and the
 * parts loaded on first use are all compiled that way), so that a test sees whether an execution
 * compiled zod. Settings stored otherwise (before markers existed, or a text the marker does not match)
 * go through validation as before, and invalid ones give way to the defaults.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/plan";
import { markValidated } from "../../src/core/settings-mark";
import { appWorld } from "../../src/local/app-world";
import { createEnvironment, type Environment } from "../../src/local/emulator/index";
import { APRIL_10, CODE, columnOf, OWNER, POLICE, SCHOOL, SETTINGS, setUpSheet, sheet } from "../gas/harness";
import { lazyZodSource } from "./lazy-zod";

const SERVER_TOOLS = readFileSync(join(__dirname, "../../build/ServerTools.html"), "utf8");
/** The zod each file carries as a string, compiled on first use. */
const ZOD = [lazyZodSource(CODE), lazyZodSource(SERVER_TOOLS)];
const TAB = "Công an xã";
const KEY = "ks.settings";

function props(env: Environment) {
  return (
    env.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
  ).getDocumentProperties();
}

function setUp(): Environment {
  const env = createEnvironment(appWorld({ owner: OWNER, now: APRIL_10 }));
  env.load(CODE);
  setUpSheet(env);
  return env;
}

/**
 * A new execution (Code.js evaluated afresh, as Google starts each one) whose `new Function` calls are
 * recorded: the texts compiled, in order. The recorder is appended after Code.js (its "use strict" must
 * stay first) and replaces the context's Function, which Code.js looks up only when it compiles.
 */
function newExecution(env: Environment): string[] {
  const compiled: string[] = [];
  env.globals.__compiled = compiled;
  env.load(
    `${CODE};(function(){var F=Function,G=function(){__compiled.push(String(arguments[arguments.length-1]));` +
      "return F.apply(null,arguments)};G.prototype=F.prototype;globalThis.Function=G})();",
  );
  return compiled;
}

const zodCompiled = (compiled: string[]) => compiled.some((text) => ZOD.includes(text));

/** The police's typed date in row 3: the edit runs whole (marks, status) and succeeds. */
function policeEdit(env: Environment) {
  env.setUser(POLICE);
  const date = sheet(env, TAB).getRange(3, columnOf(env, TAB, "Ngày"));
  const edit = env.userEdit(TAB, date.getA1Notation(), "06/04/2023", { typed: true });
  expect(edit.fired.map((f) => f.functionName)).toContain("onEditInstalled");
  expect(edit.fired.every((f) => f.result.ok)).toBe(true);
  const status = sheet(env, TAB).getRange(3, columnOf(env, TAB, "Trạng thái"));
  expect(String(status.getValue())).toMatch(/^✗ Lỗi: Cột "Nhiệm vụ" chưa nhập\./);
}

/** The settings as the office's dialog reads them (another execution, through ServerTools.html). */
function settingsShown(env: Environment) {
  newExecution(env);
  env.setUser(OWNER);
  const state = env.runFromClient("getSettingsState", []) as { ok: boolean; value: { settings: unknown } };
  expect(state.ok).toBe(true);
  return state.value.settings as typeof SETTINGS & Record<string, unknown>;
}

/** The stored text without its marker: settings as this add-in stored them before markers existed. */
function unmarked(raw: string): string {
  const { "ks.checked": _, ...settings } = JSON.parse(raw) as Record<string, unknown>;
  return JSON.stringify(settings);
}

describe("stored settings marked as validated", () => {
  it("an edit loads settings saved through the dialog without compiling zod, or anything", () => {
    const env = setUp();
    const raw = props(env).getProperty(KEY)!;
    expect(raw.startsWith('{"ks.checked":"v')).toBe(true);
    const compiled = newExecution(env);
    policeEdit(env);
    expect(compiled).toEqual([]);
    // The dialog reads them the same way, and so as validation would: the same text unmarked, validated,
    // shows the same settings.
    const fast = settingsShown(env);
    expect(fast.unitEditors).toEqual(SETTINGS.unitEditors);
    expect(fast).not.toHaveProperty("ks.checked");
    props(env).setProperty(KEY, unmarked(raw));
    expect(settingsShown(env)).toEqual(fast);
  });

  it("settings stored before markers existed are validated, as before, and still load", () => {
    const env = setUp();
    props(env).setProperty(KEY, unmarked(props(env).getProperty(KEY)!));
    const compiled = newExecution(env);
    policeEdit(env);
    expect(zodCompiled(compiled)).toBe(true);
    expect(settingsShown(env)).toMatchObject({ unitEditors: SETTINGS.unitEditors, approval: "direct" });
    // Loading never writes: the text stays unmarked until our code saves settings again.
    expect(props(env).getProperty(KEY)!.startsWith('{"chairmanEmail"')).toBe(true);
  });

  it("setup marks valid settings stored before markers existed, and leaves invalid ones as they are", () => {
    const env = setUp();
    const marked = props(env).getProperty(KEY)!;
    props(env).setProperty(KEY, unmarked(marked));
    env.setUser(OWNER);
    env.run("setupSpreadsheet");
    expect(props(env).getProperty(KEY)).toBe(marked);
    const compiled = newExecution(env);
    policeEdit(env);
    expect(compiled).toEqual([]);

    const invalid = unmarked(marked).replace(POLICE, "cong.an(at)quangkhai");
    props(env).setProperty(KEY, invalid);
    env.setUser(OWNER);
    env.run("setupSpreadsheet");
    expect(props(env).getProperty(KEY)).toBe(invalid);
  });

  it("invalid settings stored before markers existed give way to the defaults, as before", () => {
    const env = setUp();
    const raw = unmarked(props(env).getProperty(KEY)!).replace(POLICE, "cong.an(at)quangkhai");
    props(env).setProperty(KEY, raw);
    const compiled = newExecution(env);
    policeEdit(env);
    expect(zodCompiled(compiled)).toBe(true);
    const shown = settingsShown(env);
    expect(shown.unitEditors.congAnXa).toEqual([]);
    expect(Object.values(shown.unitEditors).flat()).toEqual([]);
    expect(shown.chairmanEmail).toBe("");
  });

  it("a text the marker was not made for is validated: refused when invalid, taken when valid", () => {
    const env = setUp();
    const raw = props(env).getProperty(KEY)!;
    props(env).setProperty(KEY, raw.replace(POLICE, "cong.an(at)quangkhai"));
    let compiled = newExecution(env);
    policeEdit(env);
    expect(zodCompiled(compiled)).toBe(true);
    expect(settingsShown(env).unitEditors.congAnXa).toEqual([]);

    props(env).setProperty(KEY, raw.replace(POLICE, SCHOOL));
    compiled = newExecution(env);
    policeEdit(env);
    expect(zodCompiled(compiled)).toBe(true);
    expect(settingsShown(env).unitEditors.congAnXa).toEqual([SCHOOL]);
  });

  it("settings marked for another plan's units are validated against this plan", () => {
    const env = setUp();
    const json = unmarked(props(env).getProperty(KEY)!);
    const otherPlan = { units: [{ id: "congAnXa" }, { id: "truongHoc" }] } as Plan;
    props(env).setProperty(KEY, markValidated(json, otherPlan));
    const compiled = newExecution(env);
    policeEdit(env);
    expect(zodCompiled(compiled)).toBe(true);
    expect(settingsShown(env).unitEditors).toEqual(SETTINGS.unitEditors);
  });
});
