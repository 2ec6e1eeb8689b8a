import { describe, expect, it } from "vitest";
import { CULTURE, environment, gas, OWNER, POLICE } from "./harness";

// https://developers.google.com/apps-script/reference/properties/properties
describe("PropertiesService", () => {
  it("getProperty gives null for a key never set (doc: 'or null if no such key exists')", () => {
    const { PropertiesService } = gas(environment());
    expect(PropertiesService.getDocumentProperties().getProperty("copyId")).toBeNull();
  });

  it("stores values as strings: a number set is read back as its string form", () => {
    const { PropertiesService } = gas(environment());
    const props = PropertiesService.getScriptProperties();
    props.setProperty("lastSentPeriod", 202304 as unknown as string);
    expect(props.getProperty("lastSentPeriod")).toBe("202304");
  });

  it("setProperty and setProperties return the store, for chaining (doc: 'for chaining')", () => {
    const { PropertiesService } = gas(environment());
    const props = PropertiesService.getDocumentProperties();
    props.setProperty("a", "1").setProperties({ b: "2" }).deleteProperty("a");
    expect(props.getProperties()).toEqual({ b: "2" });
  });

  it("setProperties(props, true) deletes every other property (doc: 'optionally deleting all other properties')", () => {
    const { PropertiesService } = gas(environment());
    const props = PropertiesService.getScriptProperties();
    props.setProperties({ chairman: OWNER, district: "lanhdao@tuky.example" });
    props.setProperties({ chairman: "pho.chu.tich@quangkhai.example" }, true);
    expect(props.getProperties()).toEqual({ chairman: "pho.chu.tich@quangkhai.example" });
    expect(props.getKeys()).toEqual(["chairman"]);
  });

  it("getProperties gives a copy: changing it does not change the store (doc: 'Gets a copy')", () => {
    const { PropertiesService } = gas(environment());
    const props = PropertiesService.getScriptProperties();
    props.setProperty("year", "2023");
    const copy = props.getProperties();
    copy.year = "2024";
    expect(props.getProperty("year")).toBe("2023");
  });

  it("deleteProperty and deleteAllProperties empty the store", () => {
    const { PropertiesService } = gas(environment());
    const props = PropertiesService.getDocumentProperties();
    props.setProperties({ a: "1", b: "2", c: "3" });
    props.deleteProperty("b");
    expect(props.getKeys().sort()).toEqual(["a", "c"]);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it("keeps script, document and user stores apart; user properties belong to the user running the script", () => {
    const env = environment();
    const { PropertiesService } = gas(env);
    PropertiesService.getScriptProperties().setProperty("k", "script");
    PropertiesService.getDocumentProperties().setProperty("k", "document");
    PropertiesService.getUserProperties().setProperty("k", `user ${OWNER}`);
    env.setUser(POLICE);
    expect(PropertiesService.getUserProperties().getProperty("k")).toBeNull();
    PropertiesService.getUserProperties().setProperty("k", `user ${POLICE}`);
    env.setUser(CULTURE);
    expect(PropertiesService.getScriptProperties().getProperty("k")).toBe("script");
    expect(PropertiesService.getDocumentProperties().getProperty("k")).toBe("document");
    env.setUser(OWNER);
    expect(PropertiesService.getUserProperties().getProperty("k")).toBe(`user ${OWNER}`);
  });

  // https://developers.google.com/apps-script/guides/services/quotas: a value is at most 9 KB.
  it("refuses a value over 9 KB and leaves the store unchanged", () => {
    const { PropertiesService } = gas(environment());
    const props = PropertiesService.getScriptProperties();
    props.setProperty("settings", "ok");
    expect(() => props.setProperty("settings", "đ".repeat(5000))).toThrow("Argument too large: value");
    expect(props.getProperty("settings")).toBe("ok");
    expect(() => props.setProperty("settings", "x".repeat(9 * 1024))).not.toThrow();
  });

  // Same page: a property store holds at most 500 KB.
  it("refuses a write that would take the store over 500 KB, writing none of it", () => {
    const { PropertiesService } = gas(environment());
    const props = PropertiesService.getScriptProperties();
    const chunk = "x".repeat(8 * 1024);
    for (let i = 0; i < 60; i++) props.setProperty(`k${i}`, chunk);
    expect(() => props.setProperties({ k60: chunk, k61: chunk, k62: chunk })).toThrow(
      "You have exceeded the property storage quota. Please remove some properties and try again.",
    );
    expect(props.getProperty("k60")).toBeNull();
    expect(props.getKeys()).toHaveLength(60);
  });
});
