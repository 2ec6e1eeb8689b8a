/**
 * What every page does around its own content: the "Đóng" button, and the first server call that
 * fills the page, with its reason and a "Thử lại" button in the #loading line when it fails.
 */
import { byId, el, errorText } from "./dom";
import { closeHost } from "./server";
import { setStatus } from "./status";

/** The page's "Đóng" button (id "close") closes the sidebar or dialog. */
export function wireClose(): void {
  byId("close").addEventListener("click", () => closeHost());
}

/**
 * Asks the server for the page's state and hands it to `show`. A failure is said in the #loading line
 * ("Không tải được …: " and Google's words) with "Thử lại", which says `retrying` and asks again;
 * the button takes the focus so a keyboard user can retry at once.
 */
export async function loadPage<T>(
  load: () => Promise<T>,
  show: (state: T) => void,
  texts: { failed: string; retrying: string },
): Promise<void> {
  const loading = byId("loading");
  let state: T;
  try {
    state = await load();
  } catch (err) {
    setStatus(loading, "error", [texts.failed + errorText(err)]);
    const retry = el("button", { type: "button" }, "Thử lại");
    retry.addEventListener("click", () => {
      setStatus(loading, "info", [texts.retrying]);
      void loadPage(load, show, texts);
    });
    loading.appendChild(retry);
    retry.focus();
    return;
  }
  show(state);
}
