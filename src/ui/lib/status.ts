/**
 * The page's status line: what the last action did. It is an aria-live region, so a screen reader
 * announces each new result without moving the user's focus.
 */
import { el, replaceChildren } from "./dom";

export type StatusKind = "info" | "ok" | "error";

export function setStatus(
  region: HTMLElement,
  kind: StatusKind,
  lines: readonly string[],
  items: readonly string[] = [],
): void {
  region.className = kind === "info" ? "status" : `status ${kind}`;
  replaceChildren(
    region,
    ...lines.map((l) => el("p", {}, l)),
    items.length ? el("ul", {}, ...items.map((i) => el("li", {}, i))) : null,
  );
}

export function clearStatus(region: HTMLElement): void {
  region.className = "status";
  replaceChildren(region);
}
