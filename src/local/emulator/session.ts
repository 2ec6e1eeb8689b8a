// Session: who runs the script.
// https://developers.google.com/apps-script/reference/base/session
// getActiveUser may be blank where Google withholds the identity (see Execution.activeUser);
// getEffectiveUser is whoever the script runs as (the installer, for installable triggers).

import { createHash } from "node:crypto";
import { expose } from "./expose";
import type { Runtime } from "./runtime";

export function createSession(
  rt: Runtime,
  opts: { scriptId: string; realUser: () => string; locale: string },
) {
  const count = rt.count.bind(rt);
  class User {
    constructor(private readonly email: string) {}
    getEmail(): string {
      return this.email;
    }
    toString(): string {
      return this.email;
    }
  }
  const user = (email: string) => expose("User", new User(email), count);
  const session = {
    getActiveUser: () => user(rt.exec().activeUser),
    getEffectiveUser: () => user(rt.exec().reportedEffectiveUser ?? rt.exec().effectiveUser),
    getScriptTimeZone: () => rt.timeZone,
    getActiveUserLocale: () => opts.locale,
    // Stable per user and script, opaque, and present even when the email is withheld.
    getTemporaryActiveUserKey: () =>
      createHash("sha256").update(`${opts.scriptId}:${opts.realUser()}`).digest("base64").slice(0, 43),
  };
  return { service: expose("Session", session, count), user };
}
