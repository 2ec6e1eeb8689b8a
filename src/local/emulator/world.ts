// A world's settings, from the creator's options or from a saved state, and the rule that decides which
// users Session shows to code running under someone else's authority.
import { createHash } from "node:crypto";
import { localeRules } from "./spreadsheet/locale";
import type { BoundPlace } from "./spreadsheet/index";
import { zoneOffsetMinutes } from "./timezone";
import type { EnvironmentOptions, WorldOptions } from "./types";

/** What stays fixed for a world's life. */
export interface Settings {
  owner: string;
  /** The script's zone. */
  timeZone: string;
  /** Locale and zone of new spreadsheets. */
  locale: string;
  spreadsheetTimeZone: string;
  scriptId: string;
  workspaceDomains: string[];
  mailQuota: number;
  htmlDir: string | undefined;
}

/** What changes as the world runs: the clock and who is at the keyboard. */
export interface Live {
  clock: number;
  activeUser: string;
}

/** Consumer Google accounts: never a Workspace domain. */
const CONSUMER_DOMAINS = ["gmail.com", "googlemail.com"];
const domainOf = (email: string): string => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** A Drive-like script id, the same for the same world. */
function makeScriptId(owner: string, name: string): string {
  const hash = createHash("sha256").update(`${owner}\n${name}`).digest("base64url");
  return `1${hash}${hash}`.slice(0, 57);
}

export interface Resolved {
  settings: Settings;
  live: Live;
  /** For a new world: the bound spreadsheet to create. */
  bound?: { name: string; place: BoundPlace };
}

export function resolveWorld(options: EnvironmentOptions): Resolved {
  const st = options.state;
  const opts: Partial<WorldOptions> = options.state === undefined ? options : {};
  const world = (key: "owner" | "timeZone" | "locale" | "spreadsheetName"): string => {
    const v = opts[key];
    if (typeof v !== "string") throw new Error(`createEnvironment: a new world needs its ${key}`);
    return v;
  };
  const owner = st?.owner ?? world("owner");
  const timeZone = st?.timeZone ?? world("timeZone");
  // States saved before locales existed were Vietnamese spreadsheets.
  const locale = st ? (st.locale ?? "vi_VN") : world("locale");
  const spreadsheetTimeZone = st?.spreadsheetTimeZone ?? opts.spreadsheetTimeZone ?? timeZone;
  // Unknown ones fail here, not at the first date typed.
  localeRules(locale);
  zoneOffsetMinutes(spreadsheetTimeZone);
  zoneOffsetMinutes(timeZone);
  if (!st && !(opts.now instanceof Date))
    throw new Error("createEnvironment: a new world needs its clock (now)");
  const ownerDomains = CONSUMER_DOMAINS.includes(domainOf(owner)) ? [] : [domainOf(owner)];
  const settings: Settings = {
    owner,
    timeZone,
    locale,
    spreadsheetTimeZone,
    scriptId: st?.scriptId ?? opts.scriptId ?? makeScriptId(owner, st ? "" : world("spreadsheetName")),
    workspaceDomains: (
      st?.workspaceDomains ??
      (st?.identity === "consumer" ? [] : undefined) ??
      opts.workspaceDomains ??
      ownerDomains
    ).map((d) => d.toLowerCase()),
    mailQuota: st?.mailQuota ?? opts.mailQuota ?? 100,
    htmlDir: options.htmlDir,
  };
  const live: Live = {
    clock: st ? Date.parse(st.now) : (opts.now as Date).getTime(),
    activeUser: st?.activeUser ?? owner,
  };
  if (st) return { settings, live };
  const place: BoundPlace = {
    ...(opts.sharedDrive === undefined ? {} : { sharedDrive: opts.sharedDrive }),
    ...(opts.editors === undefined ? {} : { editors: opts.editors }),
    ...(opts.viewers === undefined ? {} : { viewers: opts.viewers }),
  };
  return { settings, live, bound: { name: world("spreadsheetName"), place } };
}

/**
 * What Session.getActiveUser shows of `user` to code running as `authority` (whoever installed the
 * trigger; for a simple trigger, the developer, since nobody authorized it): the user themself, or a
 * user of the same Workspace domain; anyone else is blank.
 */
export function visibleTo(user: string, authority: string, workspaceDomains: string[]): string {
  const same = user.toLowerCase() === authority.toLowerCase();
  const domain = domainOf(user);
  const workspace = workspaceDomains.includes(domain) && domain === domainOf(authority);
  return same || workspace ? user : "";
}
