// What a person's actions fire: the simple onOpen/onEdit triggers (LIMITED, as the person), the
// installable ones (FULL, as whoever installed them), the time-driven ones, each with Google's event
// object. https://developers.google.com/apps-script/guides/triggers/events
import type { Runner } from "./runner";
import { clockEvent, type EventType, isDue, type TriggerRecord } from "./script-app";
import type { SheetsModel } from "./spreadsheet/index";
import type { FiredExecution, ScriptFunction } from "./types";
import { type Live, type Settings, visibleTo } from "./world";

export interface Firing {
  simple(name: string, event: Record<string, unknown>): FiredExecution[];
  installable(eventType: EventType, event: Record<string, unknown>): FiredExecution[];
  /** Installable on-change triggers, for a person's change of this type. */
  change(changeType: string): FiredExecution[];
  /** The time-driven triggers due at the minute `atMs`. */
  clock(atMs: number): FiredExecution[];
}

export function createFiring(deps: {
  live: Live;
  settings: Settings;
  runner: Runner;
  triggers: TriggerRecord[];
  model(): SheetsModel;
  functions(): Record<string, ScriptFunction>;
  /** The User object of the event (its email may be blank). */
  userObject(email: string): unknown;
}): Firing {
  const { live, settings, runner, triggers } = deps;
  const shownTo = (authority: string): string =>
    visibleTo(live.activeUser, authority, settings.workspaceDomains);
  const boundId = (): string => runner.rt.boundSpreadsheetId();

  const installable = (eventType: EventType, event: Record<string, unknown>): FiredExecution[] =>
    triggers
      .filter((t) => t.eventType === eventType && t.sourceId === boundId())
      .map((t) =>
        runner.execute({
          kind: "installable-trigger",
          functionName: t.handler,
          effectiveUser: t.owner,
          activeUser: shownTo(t.owner),
          authMode: "FULL",
          args: [{ ...event, authMode: "FULL", triggerUid: t.id, user: deps.userObject(shownTo(t.owner)) }],
          triggerUid: t.id,
        }),
      );

  return {
    installable,
    simple(name, event) {
      if (typeof deps.functions()[name] !== "function") return [];
      // Nobody authorized a simple trigger: it sees the person as the developer would.
      const shown = shownTo(settings.owner);
      return [
        runner.execute({
          kind: "simple-trigger",
          functionName: name,
          effectiveUser: live.activeUser,
          // getEffectiveUser: "In most other scenarios, this returns the same account as getActiveUser()."
          reportedEffectiveUser: shown,
          activeUser: shown,
          authMode: "LIMITED",
          args: [{ ...event, authMode: "LIMITED", user: deps.userObject(shown) }],
        }),
      ];
    },
    change: (changeType) => installable("ON_CHANGE", { changeType, source: deps.model().active() }),
    clock(atMs) {
      const fired: FiredExecution[] = [];
      for (const t of triggers.filter((x) => x.eventType === "CLOCK" && isDue(x, atMs))) {
        if (t.clock?.kind === "at") t.done = true;
        fired.push(
          runner.execute({
            kind: "time-trigger",
            functionName: t.handler,
            effectiveUser: t.owner,
            activeUser: t.owner,
            authMode: "FULL",
            args: [clockEvent(new Date(atMs), t.id)],
            triggerUid: t.id,
          }),
        );
      }
      return fired;
    },
  };
}
