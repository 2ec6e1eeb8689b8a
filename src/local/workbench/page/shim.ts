/**
 * `google.script` inside a page the script showed (sidebar or dialog), as Google provides it:
 * google.script.run with success/failure handlers and a user object, asynchronous; google.script.host
 * close/setHeight/setWidth. The page runs in a sandboxed frame with an origin of its own, so calls go
 * by postMessage to the workbench page, which posts them to the server (env.runFromClient, as the
 * acting user). Arguments are checked here with the emulator's own copy of Google's rules.
 */
import { serialiseArgs } from "../../emulator/bridge";

type Handler = ((value: unknown, userObject?: unknown) => void) | null;

interface PanelConfig {
  seq: number;
  endpoints: string[];
}

interface Pending {
  success: Handler;
  failure: Handler;
  userObject: unknown;
}

const w = window as unknown as Record<string, unknown>;
const config = (w["__ksPanel"] as PanelConfig | undefined) ?? { seq: 0, endpoints: [] };
const pending = new Map<number, Pending>();
let nextId = 1;

function post(message: Record<string, unknown>): void {
  window.parent.postMessage({ ...message, seq: config.seq }, "*");
}

function fail(p: Pending, message: string): void {
  if (p.failure) p.failure(new Error(message), p.userObject);
  // Google reports an unhandled server error in the browser console.
  else console.error(`google.script.run: ${message}`);
}

window.addEventListener("message", (ev: MessageEvent) => {
  if (ev.source !== window.parent) return;
  const d = ev.data as { ks?: unknown; id?: unknown; ok?: unknown; value?: unknown; error?: unknown } | null;
  if (!d || typeof d !== "object" || d.ks !== "result" || typeof d.id !== "number") return;
  const p = pending.get(d.id);
  if (!p) return;
  pending.delete(d.id);
  if (d.ok === true) p.success?.(d.value, p.userObject);
  else fail(p, typeof d.error === "string" ? d.error : "Lỗi không xác định");
});

function runner(success: Handler, failure: Handler, userObject: unknown): Record<string, unknown> {
  const r: Record<string, unknown> = {
    withSuccessHandler: (f: Handler) => runner(f, failure, userObject),
    withFailureHandler: (f: Handler) => runner(success, f, userObject),
    withUserObject: (o: unknown) => runner(success, failure, o),
  };
  for (const name of config.endpoints) {
    r[name] = (...args: unknown[]): void => {
      const p: Pending = { success, failure, userObject };
      let sent: unknown[];
      try {
        sent = serialiseArgs(args);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        Promise.resolve().then(() => fail(p, message));
        return;
      }
      const id = nextId++;
      pending.set(id, p);
      post({ ks: "run", id, name, args: sent });
    };
  }
  return r;
}

// Escape inside the script's page closes it, as Google's dialog and sidebar frames do; the page's own
// use of Escape (one that prevents the default on keydown) keeps it open. The frame goes when the key
// is released, not while it is still down, and a close is asked for only after the key or click that
// caused it has finished here: removing a frame of another origin while Chromium still owed that input
// its acknowledgement left the input waiting on the gone frame (the workbench's Escape test hung there).
const askAfterThisEvent = (message: Record<string, unknown>): void => {
  setTimeout(() => post(message), 0);
};
let escapeDown = false;
window.addEventListener("keydown", (ev: KeyboardEvent) => {
  if (ev.key === "Escape") escapeDown = !ev.defaultPrevented;
});
window.addEventListener("keyup", (ev: KeyboardEvent) => {
  if (ev.key === "Escape" && escapeDown) askAfterThisEvent({ ks: "escape" });
  if (ev.key === "Escape") escapeDown = false;
});

w["google"] = {
  script: {
    run: runner(null, null, undefined),
    host: {
      origin: "https://docs.google.com",
      close: () => askAfterThisEvent({ ks: "close" }),
      setHeight: (height: number) => post({ ks: "size", height: Number(height) }),
      setWidth: (width: number) => post({ ks: "size", width: Number(width) }),
      editor: { focus: () => post({ ks: "focus" }) },
    },
  },
};
