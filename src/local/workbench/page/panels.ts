/**
 * The script's own pages: the sidebar (300 px, on the right) and dialogs (the size the script asked
 * for), each the real built HTML in a sandboxed frame. The frame's google.script.run reaches this page
 * by postMessage; this page posts the call to the server and answers the frame with the result.
 */
import type { ActionResult, PanelView, RunResponse, StateView } from "../protocol";
import { post } from "./api";
import { byId, h } from "./dom";

const SANDBOX = "allow-scripts allow-forms allow-modals allow-popups";

/**
 * A closed panel's frame is hidden at once and removed a moment later. Removing a frame of another
 * origin while Chromium still owed the key or click that closed it its acknowledgement left that input
 * waiting for ever (the workbench's Escape test hung at 60 s in CI); a hidden frame still answers.
 */
const RETIRED_FRAME_MS = 1_000;

function retire(el: HTMLElement, liveClass: string): void {
  el.classList.replace(liveClass, "panel-retired");
  el.style.display = "none";
  setTimeout(() => el.remove(), RETIRED_FRAME_MS);
}

/** Empties the sidebar of all but the frames retiring there. */
function clearSidebar(aside: HTMLElement): void {
  for (const child of [...aside.children]) if (!child.classList.contains("panel-retired")) child.remove();
}

interface OpenPanel {
  view: PanelView;
  frame: HTMLIFrameElement;
  container: HTMLElement;
}

export interface PanelHandlers {
  /** After a call from a page: the workbook may have changed. */
  changed(result: ActionResult | null): void;
}

export class Panels {
  private sidebar: OpenPanel | null = null;
  private dialog: OpenPanel | null = null;

  constructor(private readonly handlers: PanelHandlers) {
    window.addEventListener("message", (ev) => void this.onMessage(ev));
    // Escape on the sidebar's own bar (its title, its ✕) closes it; a modal dialog's is its cancel event.
    document.addEventListener("keydown", (ev) => {
      if (ev.key !== "Escape" || ev.defaultPrevented || !this.sidebar || this.dialog) return;
      if (this.sidebar.container.contains(document.activeElement)) void this.close(this.sidebar.view.seq);
    });
  }

  update(state: StateView): void {
    if (state.sidebar?.seq !== this.sidebar?.view.seq) {
      this.closeSidebarFrame();
      if (state.sidebar) this.openSidebar(state.sidebar);
    }
    if (state.dialog?.seq !== this.dialog?.view.seq) {
      this.closeDialogFrame();
      if (state.dialog) this.openDialog(state.dialog);
    }
  }

  private frame(view: PanelView): HTMLIFrameElement {
    return h("iframe", {
      src: `/panel/${view.seq}`,
      sandbox: SANDBOX,
      title: view.title || "Trang của tiện ích",
      name: `panel-${view.seq}`,
      class: "panel-frame",
    });
  }

  private openSidebar(view: PanelView): void {
    const aside = byId("sidebar");
    clearSidebar(aside);
    const frame = this.frame(view);
    aside.append(
      h(
        "div",
        { class: "panel-head" },
        h("h2", {}, view.title || "Thanh bên"),
        h(
          "button",
          {
            type: "button",
            class: "icon",
            "aria-label": "Đóng thanh bên",
            onclick: () => void this.close(view.seq),
          },
          "✕",
        ),
      ),
      frame,
    );
    aside.hidden = false;
    this.sidebar = { view, frame, container: aside };
  }

  private openDialog(view: PanelView): void {
    const frame = this.frame(view);
    frame.style.width = `${view.width}px`;
    frame.style.height = `${view.height}px`;
    const dialog = h(
      "dialog",
      { class: "panel-dialog", "aria-label": view.title || "Hộp thoại" },
      h(
        "div",
        { class: "panel-head" },
        h("h2", {}, view.title || "Hộp thoại"),
        h(
          "button",
          {
            type: "button",
            class: "icon",
            "aria-label": "Đóng hộp thoại",
            onclick: () => void this.close(view.seq),
          },
          "✕",
        ),
      ),
      frame,
    );
    dialog.addEventListener("cancel", (ev) => {
      ev.preventDefault();
      void this.close(view.seq);
    });
    document.body.append(dialog);
    if (view.kind === "modal") dialog.showModal();
    else dialog.show();
    this.dialog = { view, frame, container: dialog };
  }

  private closeSidebarFrame(): void {
    if (!this.sidebar) return;
    const aside = this.sidebar.container;
    retire(this.sidebar.frame, "panel-frame");
    clearSidebar(aside);
    aside.hidden = true;
    this.sidebar = null;
  }

  private closeDialogFrame(): void {
    if (!this.dialog) return;
    const d = this.dialog.container as HTMLDialogElement;
    if (d.open) d.close();
    retire(d, "panel-dialog");
    this.dialog = null;
  }

  /** google.script.host.close() or the ✕. */
  async close(seq: number): Promise<void> {
    if (this.sidebar?.view.seq === seq) this.closeSidebarFrame();
    if (this.dialog?.view.seq === seq) this.closeDialogFrame();
    await post("/api/panel/close", { panel: seq });
    this.handlers.changed(null);
  }

  private panelOf(source: MessageEventSource | null): OpenPanel | null {
    for (const p of [this.sidebar, this.dialog]) {
      if (p && source !== null && p.frame.contentWindow === source) return p;
    }
    return null;
  }

  private async onMessage(ev: MessageEvent): Promise<void> {
    // Only our own frames, and only the shapes the shim sends.
    const panel = this.panelOf(ev.source);
    if (!panel) return;
    const d = ev.data as Record<string, unknown> | null;
    if (!d || typeof d !== "object" || d["seq"] !== panel.view.seq) return;
    if (d["ks"] === "close" || d["ks"] === "escape") return this.close(panel.view.seq);
    if (d["ks"] === "size") {
      if (panel === this.dialog) {
        const width = Number(d["width"]);
        const height = Number(d["height"]);
        if (Number.isFinite(width) && width > 0) panel.frame.style.width = `${Math.min(width, 1600)}px`;
        if (Number.isFinite(height) && height > 0) panel.frame.style.height = `${Math.min(height, 1200)}px`;
      }
      return;
    }
    if (
      d["ks"] !== "run" ||
      typeof d["id"] !== "number" ||
      typeof d["name"] !== "string" ||
      !Array.isArray(d["args"])
    )
      return;
    const target = ev.source as Window;
    let reply: RunResponse;
    let result: ActionResult | null = null;
    try {
      const r = await post<RunResponse & { result: ActionResult }>("/api/run", {
        panel: panel.view.seq,
        name: d["name"],
        args: d["args"],
      });
      reply = r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error ?? "Lỗi không xác định" };
      result = r.result;
    } catch (e) {
      reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    target.postMessage({ ks: "result", id: d["id"], ...reply }, "*");
    this.handlers.changed(result);
  }
}
