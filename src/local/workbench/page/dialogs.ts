/** Modal dialogs of the page: the script's alerts and questions, and the page's own confirmations. */
import { append, h } from "./dom";

export interface DialogButton {
  label: string;
  value: string;
  primary?: boolean;
}

/** Google's buttons in a Vietnamese Sheets. */
export const BUTTON_LABELS: Record<string, string> = {
  OK: "OK",
  CANCEL: "Huỷ",
  YES: "Có",
  NO: "Không",
};

const BUTTON_SETS: Record<string, string[]> = {
  OK: ["OK"],
  OK_CANCEL: ["OK", "CANCEL"],
  YES_NO: ["YES", "NO"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL"],
};

export function buttonsOf(set: string): DialogButton[] {
  return (BUTTON_SETS[set] ?? ["OK"]).map((b, i) => ({
    label: BUTTON_LABELS[b] ?? b,
    value: b,
    primary: i === 0,
  }));
}

/**
 * Shows a modal dialog and resolves with the chosen button's value ("CLOSE" for Escape or ✕), and the
 * text typed when `input` is set.
 */
export function showDialog(opts: {
  title: string;
  message: string;
  buttons: DialogButton[];
  input?: boolean;
  kind?: "alert" | "error";
}): Promise<{ value: string; text: string }> {
  return new Promise((resolve) => {
    const input = opts.input
      ? h("input", { type: "text", class: "dialog-input", "aria-label": opts.title || "Trả lời" })
      : null;
    const dialog = h("dialog", {
      class: `dialog ${opts.kind ?? "alert"}`,
      "aria-labelledby": "dialog-title",
    });
    let done = false;
    const finish = (value: string) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve({ value, text: input?.value ?? "" });
    };
    const buttons = opts.buttons.map((b) =>
      h(
        "button",
        { type: "button", class: b.primary ? "primary" : "", onclick: () => finish(b.value) },
        b.label,
      ),
    );
    append(
      dialog,
      h(
        "div",
        { class: "dialog-head" },
        h("h2", { id: "dialog-title" }, opts.title || "Thông báo"),
        h(
          "button",
          { type: "button", class: "icon", "aria-label": "Đóng", onclick: () => finish("CLOSE") },
          "✕",
        ),
      ),
      h("p", { class: "dialog-message" }, opts.message),
      input,
      h("div", { class: "dialog-actions" }, buttons),
    );
    dialog.addEventListener("cancel", (ev) => {
      ev.preventDefault();
      finish("CLOSE");
    });
    document.body.append(dialog);
    dialog.showModal();
    (input ?? buttons[0])?.focus();
  });
}
