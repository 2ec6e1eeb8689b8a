// PropertiesService: script, document and user stores of string values.
// https://developers.google.com/apps-script/reference/properties/properties
// https://developers.google.com/apps-script/guides/services/quotas (9 KB per value, 500 KB per store)

import { expose } from "./expose";
import type { Runtime } from "./runtime";

export type PropertyStore = Record<string, string>;

export interface PropertiesState {
  script: PropertyStore;
  document: Record<string, PropertyStore>;
  user: Record<string, PropertyStore>;
}

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

function utf8Length(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function storeSize(store: PropertyStore): number {
  let total = 0;
  for (const [k, v] of Object.entries(store)) total += utf8Length(k) + utf8Length(v);
  return total;
}

class Properties {
  constructor(private readonly store: () => PropertyStore) {}

  getProperty(key: string): string | null {
    const v = this.store()[String(key)];
    return v === undefined ? null : v;
  }

  getProperties(): Record<string, string> {
    return { ...this.store() };
  }

  getKeys(): string[] {
    return Object.keys(this.store());
  }

  setProperty(key: string, value: unknown): this {
    this.write({ [String(key)]: value }, false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    this.write(properties, deleteAllOthers === true);
    return this;
  }

  deleteProperty(key: string): this {
    delete this.store()[String(key)];
    return this;
  }

  deleteAllProperties(): this {
    const s = this.store();
    for (const k of Object.keys(s)) delete s[k];
    return this;
  }

  private write(entries: Record<string, unknown>, replace: boolean): void {
    const s = this.store();
    const next: PropertyStore = replace ? {} : { ...s };
    for (const [k, raw] of Object.entries(entries)) {
      // Google stores the string form of whatever is passed (numbers, booleans, null…).
      const v = String(raw);
      if (utf8Length(v) > PROPERTY_VALUE_LIMIT) throw new Error("Argument too large: value");
      next[k] = v;
    }
    if (storeSize(next) > PROPERTY_STORE_LIMIT) {
      throw new Error(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
    }
    for (const k of Object.keys(s)) delete s[k];
    Object.assign(s, next);
  }
}

export function createPropertiesService(rt: Runtime, state: PropertiesState) {
  const count = rt.count.bind(rt);
  const script = expose("Properties", new Properties(() => state.script), count);
  const documentStore = () => {
    const id = rt.boundSpreadsheetId();
    const s = state.document[id] ?? {};
    state.document[id] = s;
    return s;
  };
  const document = expose("Properties", new Properties(documentStore), count);
  // User properties belong to whoever the script runs as.
  const userStore = () => {
    const email = rt.exec().effectiveUser;
    const s = state.user[email] ?? {};
    state.user[email] = s;
    return s;
  };
  const user = expose("Properties", new Properties(userStore), count);
  return expose(
    "PropertiesService",
    {
      getScriptProperties: () => script,
      getDocumentProperties: () => document,
      getUserProperties: () => user,
    },
    count,
  );
}
