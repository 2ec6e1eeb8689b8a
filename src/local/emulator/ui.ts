// SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs, recorded for the tests.
// https://developers.google.com/apps-script/reference/base/ui
// https://developers.google.com/apps-script/reference/base/menu
// A dialog waits for the user in Google; here the answer comes from a queue the tests fill
// (`UiLog.respond`), and by default is the first button of the set (OK or YES) with empty text.

import { permissionError } from "./errors";
import { expose, exposeEnum, unwrap } from "./expose";
import { htmlOutputOf } from "./html";
import type { Runtime } from "./runtime";

export type MenuEntry =
  | { type: "item"; caption: string; functionName: string }
  | { type: "separator" }
  | { type: "submenu"; caption: string; items: MenuEntry[] };

export interface MenuRecord {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface AlertRecord {
  title: string | null;
  prompt: string;
  buttons: string;
  response: string;
  user: string;
}

export interface PromptRecord extends AlertRecord {
  responseText: string;
}

export interface PanelRecord {
  kind: "sidebar" | "modal" | "modeless";
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  user: string;
}

export interface ScriptedResponse {
  button?: string;
  text?: string;
}

export interface UiLog {
  readonly menus: MenuRecord[];
  readonly alerts: AlertRecord[];
  readonly prompts: PromptRecord[];
  readonly sidebars: PanelRecord[];
  readonly dialogs: PanelRecord[];
  /** The sidebar open now (the last one shown), if any. */
  readonly sidebar: PanelRecord | undefined;
  /** Queue the user's answer to the next alert or prompt. */
  respond(response: ScriptedResponse): void;
  /** A fresh page load: menus go, open sidebars and dialogs close. */
  reload(): void;
}

const BUTTON_SETS: Record<string, string[]> = {
  OK: ["OK"],
  OK_CANCEL: ["OK", "CANCEL"],
  YES_NO: ["YES", "NO"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL"],
};

export const SIDEBAR_WIDTH = 300;

export function createUi(rt: Runtime) {
  const count = rt.count.bind(rt);
  const menus: MenuRecord[] = [];
  const alerts: AlertRecord[] = [];
  const prompts: PromptRecord[] = [];
  const sidebars: PanelRecord[] = [];
  const dialogs: PanelRecord[] = [];
  const queue: ScriptedResponse[] = [];
  let sidebarOpen = false;

  const answer = (buttons: string): ScriptedResponse & { button: string } => {
    const allowed = BUTTON_SETS[buttons] ?? ["OK"];
    const next = queue.shift();
    const button = next?.button ?? (allowed[0] as string);
    // A closed dialog (the ✕) answers CLOSE whatever the buttons.
    if (button !== "CLOSE" && !allowed.includes(button)) {
      throw new Error(
        `Scripted response ${button} is not one of the dialog's buttons (${allowed.join(", ")})`,
      );
    }
    return { button, text: next?.text ?? "" };
  };

  class Menu {
    readonly items: MenuEntry[] = [];
    constructor(
      readonly caption: string,
      readonly addon: boolean,
    ) {}
    addItem(caption: string, functionName: string): this {
      this.items.push({ type: "item", caption: String(caption), functionName: String(functionName) });
      return this;
    }
    addSeparator(): this {
      this.items.push({ type: "separator" });
      return this;
    }
    addSubMenu(menu: unknown): this {
      const sub = unwrap(menu);
      if (!(sub instanceof Menu)) throw new Error("Invalid argument: menu");
      this.items.push({ type: "submenu", caption: sub.caption, items: structuredClone(sub.items) });
      return this;
    }
    addToUi(): void {
      const record: MenuRecord = {
        caption: this.caption,
        addon: this.addon,
        items: structuredClone(this.items),
      };
      const i = menus.findIndex((m) => m.caption === record.caption && m.addon === record.addon);
      if (i >= 0) menus[i] = record;
      else menus.push(record);
    }
  }

  const panel = (kind: PanelRecord["kind"], ui: unknown, title?: string): PanelRecord => {
    const out = htmlOutputOf(ui);
    if (!out) throw new Error("Invalid argument: userInterface");
    return {
      kind,
      title: title === undefined ? out.title : String(title),
      content: out.content,
      width: kind === "sidebar" ? SIDEBAR_WIDTH : out.width,
      height: out.height,
      user: rt.exec().activeUser,
    };
  };

  const requireFull = (method: string) => {
    if (rt.exec().authMode !== "FULL") throw permissionError(method, "script.container.ui");
  };

  const ui = {
    createMenu: (caption: string) => expose("Menu", new Menu(String(caption), false), count),
    createAddonMenu: () => expose("Menu", new Menu("", true), count),
    alert(...args: unknown[]): string {
      const [title, prompt, buttons] =
        args.length >= 3
          ? [String(args[0]), String(args[1]), String(args[2])]
          : [null, String(args[0]), String(args[1] ?? "OK")];
      const r = answer(buttons);
      alerts.push({ title, prompt, buttons, response: r.button, user: rt.exec().activeUser });
      return r.button;
    },
    prompt(...args: unknown[]) {
      const [title, prompt, buttons] =
        args.length >= 3
          ? [String(args[0]), String(args[1]), String(args[2])]
          : [null, String(args[0]), String(args[1] ?? "OK")];
      const r = answer(buttons);
      const text = r.text ?? "";
      prompts.push({
        title,
        prompt,
        buttons,
        response: r.button,
        responseText: text,
        user: rt.exec().activeUser,
      });
      return expose(
        "PromptResponse",
        { getResponseText: () => text, getSelectedButton: () => r.button },
        count,
      );
    },
    showSidebar(userInterface: unknown): void {
      requireFull("Ui.showSidebar");
      sidebars.push(panel("sidebar", userInterface));
      sidebarOpen = true;
    },
    showModalDialog(userInterface: unknown, title: string): void {
      requireFull("Ui.showModalDialog");
      dialogs.push(panel("modal", userInterface, title));
    },
    showModelessDialog(userInterface: unknown, title: string): void {
      requireFull("Ui.showModelessDialog");
      dialogs.push(panel("modeless", userInterface, title));
    },
    Button: exposeEnum("Ui.Button", { CLOSE: "CLOSE", OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" }),
    ButtonSet: exposeEnum("Ui.ButtonSet", {
      OK: "OK",
      OK_CANCEL: "OK_CANCEL",
      YES_NO: "YES_NO",
      YES_NO_CANCEL: "YES_NO_CANCEL",
    }),
  };

  const log: UiLog = {
    menus,
    alerts,
    prompts,
    sidebars,
    dialogs,
    get sidebar() {
      return sidebarOpen ? sidebars[sidebars.length - 1] : undefined;
    },
    respond(response) {
      queue.push({ ...response });
    },
    reload() {
      menus.length = 0;
      sidebarOpen = false;
    },
  };

  return { ui: expose("Ui", ui, count), log };
}
