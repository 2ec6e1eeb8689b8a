// ScriptApp: installable triggers (time-driven and spreadsheet), enums, limits.
// https://developers.google.com/apps-script/reference/script/script-app
// https://developers.google.com/apps-script/reference/script/clock-trigger-builder
// https://developers.google.com/apps-script/guides/triggers/installable
// https://developers.google.com/apps-script/guides/services/quotas (20 triggers / user / script)

import { permissionError } from "./errors";
import { expose, exposeEnum, unwrap } from "./expose";
import { isDate } from "./realm";
import type { Runtime } from "./runtime";
import { fromLocal, localFields, zoneOffsetMinutes } from "./timezone";

export type EventType = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_CHANGE" | "ON_FORM_SUBMIT";

export interface ClockSpec {
  kind: "at" | "minutes" | "hours" | "days" | "weeks" | "monthDay";
  timeZone: string;
  every?: number;
  hour?: number;
  minute?: number;
  weekDay?: number; // 1 = Monday … 7 = Sunday
  monthDay?: number;
  at?: number; // ms, one-off
  anchorDay?: number; // local day number at creation, for every n days / weeks
}

export interface TriggerRecord {
  id: string;
  handler: string;
  owner: string;
  eventType: EventType;
  sourceId: string | null;
  clock?: ClockSpec;
  /** One-off triggers fire once. */
  done?: boolean;
  createdAt: number;
}

export const TRIGGER_LIMIT = 20;
export const TOO_MANY_TRIGGERS =
  "This script has too many triggers. Triggers must be deleted from the script before more can be added.";

const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;

function localDayNumber(ms: number, tz: string): number {
  return Math.floor((ms + zoneOffsetMinutes(tz, ms) * 60_000) / 86_400_000);
}

/** Whether a recurring or one-off clock trigger is due at the minute containing `atMs`. */
export function isDue(t: TriggerRecord, atMs: number): boolean {
  const c = t.clock;
  if (!c || t.done) return false;
  if (c.kind === "at") return (c.at ?? 0) <= atMs;
  const f = localFields(new Date(atMs), c.timeZone);
  const hour = c.hour ?? 0;
  const minute = c.minute ?? 0;
  switch (c.kind) {
    case "minutes":
      return (f.hour * 60 + f.minute) % (c.every ?? 1) === 0;
    case "hours":
      return f.hour % (c.every ?? 1) === 0 && f.minute === minute;
    case "days": {
      const days = localDayNumber(atMs, c.timeZone) - (c.anchorDay ?? 0);
      return f.hour === hour && f.minute === minute && days % (c.every ?? 1) === 0;
    }
    case "weeks": {
      const weeks = Math.floor((localDayNumber(atMs, c.timeZone) - (c.anchorDay ?? 0)) / 7);
      return (
        f.weekday === c.weekDay && f.hour === hour && f.minute === minute && weeks % (c.every ?? 1) === 0
      );
    }
    case "monthDay":
      return f.day === c.monthDay && f.hour === hour && f.minute === minute;
  }
}

/** ISO week number of a UTC date. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** The event object of a time-driven trigger; its fields are in UTC, as the events guide documents. */
export function clockEvent(at: Date, triggerUid: string): Record<string, unknown> {
  const dow = at.getUTCDay();
  return {
    authMode: "FULL",
    "day-of-month": at.getUTCDate(),
    "day-of-week": dow === 0 ? 7 : dow,
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    month: at.getUTCMonth() + 1,
    second: at.getUTCSeconds(),
    timezone: "UTC",
    triggerUid,
    "week-of-year": isoWeek(at),
    year: at.getUTCFullYear(),
  };
}

export interface ScriptAppDeps {
  triggers: TriggerRecord[];
  nextId: () => string;
  /** Spreadsheet id of a Spreadsheet object or id string, without counting a call. */
  spreadsheetId: (ss: unknown) => string;
  scriptId: string;
}

function intArg(v: unknown, name: string, ok: (n: number) => boolean): number {
  const n = Number(v);
  if (!Number.isInteger(n) || !ok(n)) throw new Error(`Invalid argument: ${name}`);
  return n;
}

export function createScriptApp(rt: Runtime, deps: ScriptAppDeps) {
  const count = rt.count.bind(rt);

  const requireFull = (method: string) => {
    if (rt.exec().authMode !== "FULL") throw permissionError(method, "script.scriptapp");
  };

  const EventTypeEnum = exposeEnum("ScriptApp.EventType", {
    CLOCK: "CLOCK",
    ON_OPEN: "ON_OPEN",
    ON_EDIT: "ON_EDIT",
    ON_CHANGE: "ON_CHANGE",
    ON_FORM_SUBMIT: "ON_FORM_SUBMIT",
    ON_EVENT_UPDATED: "ON_EVENT_UPDATED",
  });
  const TriggerSourceEnum = exposeEnum("ScriptApp.TriggerSource", {
    SPREADSHEETS: "SPREADSHEETS",
    CLOCK: "CLOCK",
    FORMS: "FORMS",
    DOCUMENTS: "DOCUMENTS",
    CALENDAR: "CALENDAR",
  });

  class Trigger {
    constructor(readonly record: TriggerRecord) {}
    getHandlerFunction(): string {
      return this.record.handler;
    }
    getEventType(): string {
      return this.record.eventType;
    }
    getUniqueId(): string {
      return this.record.id;
    }
    getTriggerSource(): string {
      return this.record.eventType === "CLOCK" ? "CLOCK" : "SPREADSHEETS";
    }
    getTriggerSourceId(): string | null {
      return this.record.sourceId;
    }
  }
  const exposeTrigger = (r: TriggerRecord) => expose("Trigger", new Trigger(r), count);

  function install(r: Omit<TriggerRecord, "id" | "owner" | "createdAt">) {
    requireFull("ScriptApp.newTrigger");
    const owner = rt.exec().effectiveUser;
    if (deps.triggers.filter((t) => t.owner === owner).length >= TRIGGER_LIMIT)
      throw new Error(TOO_MANY_TRIGGERS);
    const record: TriggerRecord = { ...r, id: deps.nextId(), owner, createdAt: rt.nowMs() };
    deps.triggers.push(record);
    return exposeTrigger(record);
  }

  class ClockTriggerBuilder {
    private spec: {
      at?: number;
      atDate?: [number, number, number];
      hour?: number;
      minute?: number;
      minutes?: number;
      hours?: number;
      days?: number;
      weeks?: number;
      weekDay?: number;
      monthDay?: number;
      timeZone?: string;
    } = {};
    constructor(private readonly handler: string) {}

    after(durationMilliseconds: number): this {
      this.spec.at = rt.nowMs() + Math.max(0, Number(durationMilliseconds));
      return this;
    }
    at(date: Date): this {
      if (!isDate(date)) throw new Error("Invalid argument: date");
      this.spec.at = date.getTime();
      return this;
    }
    atDate(year: number, month: number, day: number): this {
      this.spec.atDate = [
        Number(year),
        intArg(month, "month", (n) => n >= 1 && n <= 12),
        intArg(day, "day", (n) => n >= 1 && n <= 31),
      ];
      return this;
    }
    atHour(hour: number): this {
      this.spec.hour = intArg(hour, "hour", (n) => n >= 0 && n <= 23);
      return this;
    }
    nearMinute(minute: number): this {
      this.spec.minute = intArg(minute, "minute", (n) => n >= 0 && n <= 59);
      return this;
    }
    everyMinutes(n: number): this {
      this.spec.minutes = intArg(n, "minutes", (x) => [1, 5, 10, 15, 30].includes(x));
      return this;
    }
    everyHours(n: number): this {
      this.spec.hours = intArg(n, "hours", (x) => [1, 2, 4, 6, 8, 12].includes(x));
      return this;
    }
    everyDays(n: number): this {
      this.spec.days = intArg(n, "days", (x) => x >= 1);
      return this;
    }
    everyWeeks(n: number): this {
      this.spec.weeks = intArg(n, "weeks", (x) => x >= 1);
      return this;
    }
    onWeekDay(day: unknown): this {
      const i = WEEKDAYS.indexOf(String(day) as (typeof WEEKDAYS)[number]);
      if (i < 0) throw new Error("Invalid argument: day");
      this.spec.weekDay = i + 1;
      return this;
    }
    onMonthDay(day: number): this {
      this.spec.monthDay = intArg(day, "day", (n) => n >= 1 && n <= 31);
      return this;
    }
    inTimezone(timezone: string): this {
      zoneOffsetMinutes(String(timezone));
      this.spec.timeZone = String(timezone);
      return this;
    }
    create() {
      const s = this.spec;
      const timeZone = s.timeZone ?? rt.timeZone;
      const base = {
        timeZone,
        hour: s.hour,
        minute: s.minute,
        anchorDay: localDayNumber(rt.nowMs(), timeZone),
      };
      let clock: ClockSpec;
      if (s.at !== undefined) clock = { kind: "at", timeZone, at: s.at };
      else if (s.atDate) {
        const [y, m, d] = s.atDate;
        clock = {
          kind: "at",
          timeZone,
          at: fromLocal(timeZone, y, m, d, s.hour ?? 0, s.minute ?? 0).getTime(),
        };
      } else if (s.minutes !== undefined) clock = { kind: "minutes", timeZone, every: s.minutes };
      else if (s.hours !== undefined) clock = { ...base, kind: "hours", every: s.hours };
      else if (s.monthDay !== undefined) clock = { ...base, kind: "monthDay", monthDay: s.monthDay };
      else if (s.weeks !== undefined || s.weekDay !== undefined) {
        clock = { ...base, kind: "weeks", every: s.weeks ?? 1, weekDay: s.weekDay ?? 1 };
      } else if (s.days !== undefined || s.hour !== undefined)
        clock = { ...base, kind: "days", every: s.days ?? 1 };
      else throw new Error("Invalid time-based trigger: give a schedule (everyDays, onMonthDay, at, after…)");
      for (const k of Object.keys(clock) as (keyof ClockSpec)[]) if (clock[k] === undefined) delete clock[k];
      return install({ handler: this.handler, eventType: "CLOCK", sourceId: null, clock });
    }
  }

  class SpreadsheetTriggerBuilder {
    constructor(
      private readonly handler: string,
      private readonly sourceId: string,
    ) {}
    onEdit() {
      return install({ handler: this.handler, eventType: "ON_EDIT", sourceId: this.sourceId });
    }
    onOpen() {
      return install({ handler: this.handler, eventType: "ON_OPEN", sourceId: this.sourceId });
    }
    onChange() {
      return install({ handler: this.handler, eventType: "ON_CHANGE", sourceId: this.sourceId });
    }
    onFormSubmit() {
      return install({ handler: this.handler, eventType: "ON_FORM_SUBMIT", sourceId: this.sourceId });
    }
  }
  // Google's spreadsheet trigger builder needs .create() after onEdit()/onOpen(): model that step.
  class SpreadsheetTriggerStep {
    constructor(private readonly make: () => unknown) {}
    create() {
      return this.make();
    }
  }

  class TriggerBuilder {
    constructor(private readonly handler: string) {}
    timeBased() {
      return expose("ClockTriggerBuilder", new ClockTriggerBuilder(this.handler), count);
    }
    forSpreadsheet(sheet: unknown) {
      const id = typeof sheet === "string" ? sheet : deps.spreadsheetId(sheet);
      const b = new SpreadsheetTriggerBuilder(this.handler, id);
      const step = (make: () => unknown) =>
        expose("SpreadsheetTriggerBuilder", new SpreadsheetTriggerStep(make), count);
      return expose(
        "SpreadsheetTriggerBuilder",
        {
          onEdit: () => step(() => b.onEdit()),
          onOpen: () => step(() => b.onOpen()),
          onChange: () => step(() => b.onChange()),
          onFormSubmit: () => step(() => b.onFormSubmit()),
        },
        count,
      );
    }
  }

  const scriptApp = {
    newTrigger(functionName: string) {
      requireFull("ScriptApp.newTrigger");
      return expose("TriggerBuilder", new TriggerBuilder(String(functionName)), count);
    },
    getProjectTriggers() {
      requireFull("ScriptApp.getProjectTriggers");
      const me = rt.exec().effectiveUser;
      return deps.triggers.filter((t) => t.owner === me).map(exposeTrigger);
    },
    getUserTriggers(spreadsheet: unknown) {
      requireFull("ScriptApp.getUserTriggers");
      const me = rt.exec().effectiveUser;
      const id = deps.spreadsheetId(spreadsheet);
      return deps.triggers.filter((t) => t.owner === me && t.sourceId === id).map(exposeTrigger);
    },
    deleteTrigger(trigger: unknown) {
      requireFull("ScriptApp.deleteTrigger");
      const raw = unwrap(trigger);
      if (!(raw instanceof Trigger)) throw new Error("Invalid argument: trigger");
      const i = deps.triggers.findIndex((t) => t.id === raw.record.id);
      if (i >= 0) deps.triggers.splice(i, 1);
    },
    getScriptId(): string {
      return deps.scriptId;
    },
    AuthMode: exposeEnum("ScriptApp.AuthMode", {
      NONE: "NONE",
      CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
      LIMITED: "LIMITED",
      FULL: "FULL",
    }),
    EventType: EventTypeEnum,
    TriggerSource: TriggerSourceEnum,
    WeekDay: exposeEnum("ScriptApp.WeekDay", Object.fromEntries(WEEKDAYS.map((d) => [d, d]))),
    AuthorizationStatus: exposeEnum("ScriptApp.AuthorizationStatus", {
      REQUIRED: "REQUIRED",
      NOT_REQUIRED: "NOT_REQUIRED",
    }),
  };
  return expose("ScriptApp", scriptApp, count);
}
