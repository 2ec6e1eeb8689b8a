/**
 * Stored settings that carry proof of having been validated, so that an edit (which loads them every
 * time) need not compile zod and validate them again: 5.6–8.9 ms of every edit in the built bundle
 * (docs/design-notes.md, start-up).
 *
 * When our code stores settings it has just validated, the document property holds their JSON with one
 * more key in front, `"ks.checked"`, whose value names the schema's version, the plan's unit ids (the one
 * thing outside the settings their validity depends on: unitEditors may only name the plan's units) and
 * the settings' JSON text, each by fingerprint (core/hash.ts). A load whose marker matches all three
 * takes the JSON as it is; anything else (settings stored before markers existed, another version, a
 * changed plan, a text that is not the one marked) is validated with zod exactly as before.
 *
 * Not a signature: anyone who can write the document properties can write a matching marker. Only this
 * script's code writes them (Google lets no one else), and the marker only says "this exact text passed
 * validation when our code saved it". It guards against our own stale or changed data, not an attacker.
 *
 * The marked text is still plain JSON whose other keys are the settings: code from before markers
 * (a rolled-back version) reads it as before, zod's object dropping the unknown key.
 */
import { fingerprint } from "./hash";
import type { Plan } from "./plan";
import { SETTINGS_SCHEMA_VERSION } from "./settings";

/** The marker's key, first in the stored object; settings have no key of this name. */
const PREFIX = '{"ks.checked":"';

function markerOf(json: string, plan: Plan): string {
  const units = fingerprint(plan.units.map((u) => u.id).join("\n"));
  return `v${SETTINGS_SCHEMA_VERSION} ${units} ${fingerprint(json)}`;
}

/** `json` (the JSON of an object that passed validateSettings with `plan`) with its marker. */
export function markValidated(json: string, plan: Plan): string {
  if (!json.startsWith("{")) throw new Error("settings must be stored as a JSON object");
  const rest = json === "{}" ? "}" : "," + json.slice(1);
  return PREFIX + markerOf(json, plan) + '"' + rest;
}

/**
 * The stored object when `raw` carries a marker that matches its own text, this schema version and the
 * plan's units; null otherwise (then validate it). The marker's key is not part of the object returned.
 */
export function validatedBefore(raw: string, plan: Plan): Record<string, unknown> | null {
  if (!raw.startsWith(PREFIX)) return null;
  const end = raw.indexOf('"', PREFIX.length);
  if (end < 0) return null;
  const rest = raw.slice(end + 1);
  const json = rest === "}" ? "{}" : rest.startsWith(",") ? "{" + rest.slice(1) : null;
  if (json === null || raw.slice(PREFIX.length, end) !== markerOf(json, plan)) return null;
  try {
    const stored = JSON.parse(json) as unknown;
    return stored !== null && typeof stored === "object" && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : null;
  } catch (_) {
    return null;
  }
}
