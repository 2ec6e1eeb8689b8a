import { describe, expect, it } from "vitest";
import { environment, POLICE } from "./harness";

const SERVER = `
  function echo(x) { return x; }
  function mutate(o) { o.changed = true; return o; }
  function types(a) { return a.map(function (v) { return v === null ? "null" : typeof v; }); }
  function whoAmI() { return Session.getActiveUser().getEmail(); }
  function today() { return { period: "4/2023", at: new Date() }; }
  function fail() { throw new Error("Đơn vị không hợp lệ"); }
  function helper_() { return "private"; }`;

// https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
// https://developers.google.com/apps-script/guides/html/reference/run
describe("google.script.run bridge", () => {
  it("passes numbers, booleans, strings, null and plain objects/arrays of them, both ways", () => {
    const env = environment(SERVER);
    const payload = { unit: "cong-an", values: [3, 0, true, null, "12,5"], nested: { thôn: ["Thôn 1"] } };
    expect(env.runFromClient("echo", [payload])).toEqual({ ok: true, value: payload });
  });

  it("the server gets a copy: its changes don't reach the client's object", () => {
    const env = environment(SERVER);
    const original = { unit: "tram-y-te" };
    const r = env.runFromClient("mutate", [original]);
    expect(r).toEqual({ ok: true, value: { unit: "tram-y-te", changed: true } });
    expect(original).toEqual({ unit: "tram-y-te" });
  });

  it("fails the call when a Date is passed, even nested in an object", () => {
    const env = environment(SERVER);
    expect(env.runFromClient("echo", [new Date()])).toEqual({
      ok: false,
      error: "Failed due to illegal value in property: 0",
    });
    expect(env.runFromClient("echo", [{ entry: { date: new Date() } }])).toEqual({
      ok: false,
      error: "Failed due to illegal value in property: date",
    });
    expect(env.executions).toHaveLength(0);
  });

  it("fails the call when a function is passed", () => {
    const env = environment(SERVER);
    expect(env.runFromClient("echo", [{ onDone: () => 1 }]).ok).toBe(false);
  });

  it("fails the call when the server returns a Date", () => {
    const env = environment(SERVER);
    expect(env.runFromClient("today", [])).toEqual({
      ok: false,
      error: "Failed due to illegal value in property: at",
    });
  });

  it("turns undefined array items into null and drops undefined object fields", () => {
    const env = environment(SERVER);
    expect(env.runFromClient("echo", [[1, undefined, 3]])).toEqual({ ok: true, value: [1, null, 3] });
    expect(env.runFromClient("echo", [{ a: 1, b: undefined }])).toEqual({ ok: true, value: { a: 1 } });
    expect(env.runFromClient("types", [[undefined, 0, ""]])).toEqual({
      ok: true,
      value: ["null", "number", "string"],
    });
  });

  it("fails on circular objects", () => {
    const env = environment(SERVER);
    const loop: Record<string, unknown> = { name: "vòng" };
    loop.self = loop;
    expect(env.runFromClient("echo", [loop]).ok).toBe(false);
  });

  it("runs as the active user", () => {
    const env = environment(SERVER);
    env.setUser(POLICE);
    expect(env.runFromClient("whoAmI", [])).toEqual({ ok: true, value: POLICE });
  });

  it("hands a server exception to the failure handler with its message", () => {
    const env = environment(SERVER);
    expect(env.runFromClient("fail", [])).toEqual({ ok: false, error: "Đơn vị không hợp lệ" });
  });

  // Functions whose names end with an underscore are private: the client cannot call them.
  it("cannot call a private function (name ending in _) nor one that does not exist", () => {
    const env = environment(SERVER);
    expect(env.runFromClient("helper_", [])).toEqual({
      ok: false,
      error: "TypeError: google.script.run.helper_ is not a function",
    });
    expect(env.runFromClient("missing", []).ok).toBe(false);
  });
});

describe("google.script.run bridge and Apps Script objects", () => {
  it("fails the call when the server returns an Apps Script object such as a Range", () => {
    const env = environment(
      `function range() { return SpreadsheetApp.getActive().getSheets()[0].getRange("A1"); }`,
    );
    expect(env.runFromClient("range", [])).toEqual({
      ok: false,
      error: "Failed due to illegal value in property: 0",
    });
  });
});

describe("google.script.run arguments on the server", () => {
  it("arrive as the script's own arrays and objects, as if parsed on Google's side", () => {
    const env = environment(`function kinds(payload) {
      return [payload instanceof Object, payload.rows instanceof Array, Object.getPrototypeOf(payload) === Object.prototype]; }`);
    expect(env.runFromClient("kinds", [{ rows: [[1, "Thôn 1"]] }])).toEqual({
      ok: true,
      value: [true, true, true],
    });
  });
});
