/**
 * The few DOM helpers the pages share. Text always goes in through textContent and attributes through
 * setAttribute, so nothing a user or the sheet typed can ever become markup.
 */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Creates an element: `el("p", { class: "help" }, "text")`. false/null attributes are left out. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

/** A select with an optional leading placeholder; each option's value is its text. */
export function selectOptions(
  select: HTMLSelectElement,
  options: readonly string[],
  placeholder: string | null,
): void {
  replaceChildren(
    select,
    placeholder === null ? null : el("option", { value: "" }, placeholder),
    ...options.map((o) => el("option", { value: o }, o)),
  );
}

/** Tells assistive technology that `node` is being refreshed (aria-busy), or that it is done. */
export function markBusy(node: HTMLElement, on: boolean): void {
  if (on) node.setAttribute("aria-busy", "true");
  else node.removeAttribute("aria-busy");
}

/** Calls `fn` once typing has paused for `ms` milliseconds. */
export function debounce(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: number | undefined;
  const run = () => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
  run.cancel = () => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = undefined;
  };
  return run;
}

/** A Google failure arrives as an Error or a string; either way the user sees its words. */
export function errorText(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const text = raw.replace(/^(Exception|Error|Lỗi):\s*/i, "").trim();
  return text || "Lỗi không rõ.";
}
