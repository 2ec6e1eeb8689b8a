/**
 * One labelled form field: label bound to its control, help text, and a slot for the messages of
 * the latest check. Errors set aria-invalid and are linked with aria-describedby so that a screen
 * reader reads them with the field; warnings are shown but leave the field valid.
 */
import { el, replaceChildren } from "./dom";

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldMessage {
  severity: "error" | "warning";
  text: string;
}

export interface Field {
  /** The element to put into the form. */
  root: HTMLElement;
  control: Control;
  setMessages(messages: readonly FieldMessage[]): void;
  hasError(): boolean;
}

/** Pause in typing before a form's check runs, long enough not to flag a half-typed "1.2". */
export const CHECK_DELAY_MS = 350;

let counter = 0;

export function createField(opts: {
  /** A stable, page-unique id fragment; the control's id is "f-" + id. */
  id: string;
  label: string;
  control: Control;
  help?: string;
  required?: boolean;
}): Field {
  const base = `f-${opts.id.replace(/[^A-Za-z0-9_-]/g, "_")}-${++counter}`;
  const control = opts.control;
  control.id = base;
  const helpId = `${base}-help`;
  const msgId = `${base}-msg`;
  const label = el(
    "label",
    { for: base },
    opts.label,
    opts.required ? el("span", { class: "req", "aria-hidden": "true" }, " *") : null,
  );
  if (opts.required) control.setAttribute("aria-required", "true");
  const help = opts.help ? el("p", { class: "help", id: helpId }, opts.help) : null;
  const messages = el("div", { class: "messages", id: msgId });
  const root = el("div", { class: "field" }, label, control, messages, help);
  let error = false;

  const describe = (withMessages: boolean) => {
    const ids = [withMessages ? msgId : null, help ? helpId : null].filter(Boolean);
    if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
    else control.removeAttribute("aria-describedby");
  };
  describe(false);

  return {
    root,
    control,
    setMessages(list) {
      error = list.some((m) => m.severity === "error");
      replaceChildren(
        messages,
        ...list.map((m) =>
          el(
            "p",
            { class: m.severity === "error" ? "msg msg-error" : "msg msg-warning" },
            el("span", { class: "sr-only" }, m.severity === "error" ? "Lỗi: " : "Lưu ý: "),
            m.text,
          ),
        ),
      );
      if (error) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
      root.classList.toggle("has-error", error);
      root.classList.toggle("has-warning", !error && list.length > 0);
      describe(list.length > 0);
    },
    hasError: () => error,
  };
}

/** After a refused submit, the user lands on the first field that says what to fix. */
export function focusFirstInvalid(fields: Iterable<Field>): void {
  for (const field of fields) {
    if (field.hasError()) {
      field.control.focus();
      return;
    }
  }
}
