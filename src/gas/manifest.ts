/**
 * What Apps Script calls by name: the menu items and the installable-trigger handlers.
 * The build reads this file and fails when a name here is not exported by src/gas/main.ts,
 * because Google would only tell us at click time ("Script function not found").
 */

export interface MenuEntry {
  /** Vietnamese caption shown in the menu. */
  caption: string;
  /** Global function the item runs; must be exported by src/gas/main.ts. */
  functionName: string;
}

/** The plan's menu, in the order users see it; `null` is a separator. */
export const MENU_ENTRIES: readonly (MenuEntry | null)[] = [
  { caption: "Hướng dẫn", functionName: "showHelp" },
];

/** Handlers that setup installs as installable triggers (time-driven, on-edit). */
export const TRIGGER_HANDLERS: readonly string[] = [];
