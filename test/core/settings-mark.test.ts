import { describe, expect, it } from "vitest";
import { fingerprint } from "../../src/core/hash";
import { defaultSettings, type Settings, validateSettings } from "../../src/core/settings";
import { markValidated, validatedBefore } from "../../src/core/settings-mark";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

/** Settings as the dialog saves them: validated, so normalized (lower-cased, no repeats). */
function saved(): Settings {
  const r = validateSettings(
    {
      ...defaultSettings(plan),
      chairmanEmail: "chu.tich@quangkhai.example",
      upperLevelEmails: ["lanhdao@tuky.example", "vp.ubnd@tuky.gov.vn"],
      unitEditors: { congAnXa: ["cong.an@quangkhai.example"], tramYTe: ["tram.yte@quangkhai.example"] },
      adminEmails: ["van.phong@quangkhai.example"],
      approval: "direct",
      upperIntake: "https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg/edit",
    },
    plan,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.settings;
}

describe("settings marked as validated", () => {
  it("give back exactly the settings that were marked, as validation would", () => {
    const settings = saved();
    const json = JSON.stringify(settings);
    const raw = markValidated(json, plan);
    expect(raw).not.toBe(json);
    expect(validatedBefore(raw, plan)).toEqual(settings);
    // What validation makes of the same text.
    const again = validateSettings(JSON.parse(json), plan);
    expect(again).toEqual({ ok: true, settings: validatedBefore(raw, plan) });
    // Still plain JSON: the marker is one more key, which validation (an older version's load) drops.
    expect(validateSettings(JSON.parse(raw), plan)).toEqual({ ok: true, settings });
  });

  it("are not taken for settings stored before markers existed, or unreadable text", () => {
    const json = JSON.stringify(saved());
    expect(validatedBefore(json, plan)).toBeNull();
    expect(validatedBefore("", plan)).toBeNull();
    expect(validatedBefore('{"ks.checked":"v1', plan)).toBeNull();
    expect(validatedBefore(`${markValidated(json, plan).slice(0, -1)}`, plan)).toBeNull();
  });

  it("do not vouch for a changed text, another plan's units, or another schema version", () => {
    const json = JSON.stringify(saved());
    const raw = markValidated(json, plan);
    // One character changed, even to something valid.
    expect(validatedBefore(raw.replace("cong.an@", "cong.an2@"), plan)).toBeNull();
    // The marker moved onto other settings.
    const other = markValidated(JSON.stringify(defaultSettings(plan)), plan);
    const marker = raw.slice(0, raw.indexOf('",') + 1);
    expect(validatedBefore(marker + other.slice(other.indexOf('",') + 1), plan)).toBeNull();
    // A plan without the police unit: its editors would not be valid there.
    const smaller = { ...plan, units: plan.units.filter((u) => u.id !== "congAnXa") };
    expect(validatedBefore(raw, smaller)).toBeNull();
    expect(validatedBefore(markValidated(json, smaller), plan)).toBeNull();
    // Other unit names, same ids: still vouched for (only the ids matter to validity).
    const renamed = { ...plan, units: plan.units.map((u) => ({ ...u, name: `${u.name} (mới)` })) };
    expect(validatedBefore(raw, renamed)).toEqual(JSON.parse(json));
    // A marker of another version of the schema.
    expect(validatedBefore(raw.replace('"ks.checked":"v1 ', '"ks.checked":"v0 '), plan)).toBeNull();
  });

  it("mark an empty object too, and refuse anything but an object", () => {
    expect(validatedBefore(markValidated("{}", plan), plan)).toEqual({});
    expect(() => markValidated("[]", plan)).toThrow();
    expect(validatedBefore(markValidated("{}", plan).replace("}", ',"a":1}'), plan)).toBeNull();
  });
});

describe("fingerprint", () => {
  it("is FNV-1a of the UTF-16 code units, with the length", () => {
    // FNV-1a 32-bit test vectors (the empty string and "a").
    expect(fingerprint("")).toBe("811c9dc5:0");
    expect(fingerprint("a")).toBe("e40c292c:1");
    expect(fingerprint("Công an xã")).not.toBe(fingerprint("Cong an xa"));
  });
});
