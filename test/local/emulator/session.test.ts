import { describe, expect, it } from "vitest";
import { environment, gas, OWNER, POLICE } from "./harness";

const WHO = `function who() { return Session.getActiveUser().getEmail() + "|" + Session.getEffectiveUser().getEmail(); }
  function record(e) { PropertiesService.getScriptProperties().setProperty(e && e.triggerUid ? "installable" : "simple", who()); }
  function onEdit(e) { record(e); }
  function install() { ScriptApp.newTrigger("record").forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }`;

// https://developers.google.com/apps-script/reference/base/session
describe("Session", () => {
  it("a menu item or client call runs as the active user: active and effective user are the same", () => {
    const env = environment(WHO);
    env.setUser(POLICE);
    expect(env.run("who")).toBe(`${POLICE}|${POLICE}`);
    expect(env.runFromClient("who", [])).toEqual({ ok: true, value: `${POLICE}|${POLICE}` });
  });

  // guides/triggers/installable: "Installable triggers always run under the account of the person who
  // created them"; Session.getActiveUser is the person at the keyboard where the domain allows.
  it("an installable trigger runs as its installer; in one Workspace domain the active user is the editor", () => {
    const env = environment(WHO);
    env.run("install");
    env.setUser(POLICE);
    env.userEdit("Trang tính1", "A1", "x");
    const props = gas(env).PropertiesService.getScriptProperties();
    expect(props.getProperty("installable")).toBe(`${POLICE}|${OWNER}`);
    expect(props.getProperty("simple")).toBe(`${POLICE}|${POLICE}`);
  });

  // getActiveUser: blank "if security policies do not allow access to the user's identity", e.g. consumer
  // accounts in simple triggers or in a trigger installed by someone else; getEffectiveUser "in most
  // other scenarios" (a simple trigger) is the same account as getActiveUser.
  it("with consumer accounts the active user is blank in simple triggers and in others' installable triggers", () => {
    const env = environment(WHO, { workspaceDomains: [] });
    env.run("install");
    env.setUser(POLICE);
    env.userEdit("Trang tính1", "A1", "x");
    const props = gas(env).PropertiesService.getScriptProperties();
    expect(props.getProperty("installable")).toBe(`|${OWNER}`);
    expect(props.getProperty("simple")).toBe("|");
  });

  it("getScriptTimeZone is the project's zone, Asia/Ho_Chi_Minh by default", () => {
    expect(gas(environment()).Session.getScriptTimeZone()).toBe("Asia/Ho_Chi_Minh");
    expect(gas(environment("", { timeZone: "GMT+7" })).Session.getScriptTimeZone()).toBe("GMT+7");
  });

  it("getTemporaryActiveUserKey is stable for a user, differs between users and exists when the email is withheld", () => {
    const env = environment(
      `function key() { return Session.getTemporaryActiveUserKey(); }
      function onOpen() { PropertiesService.getScriptProperties().setProperty("k", key()); }`,
      { workspaceDomains: [] },
    );
    env.setUser(POLICE);
    const a = env.run("key") as string;
    expect(env.run("key")).toBe(a);
    env.open();
    expect(gas(env).PropertiesService.getScriptProperties().getProperty("k")).toBe(a);
    env.setUser(OWNER);
    expect(env.run("key")).not.toBe(a);
    expect(a.length).toBeGreaterThan(20);
  });
});
