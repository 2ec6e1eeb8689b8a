/**
 * The workbench's web server (node:http, 127.0.0.1 only). It never trusts the page: every body is
 * validated, every action goes through the Workbench as the acting user, only the bundle's own public
 * functions can be called, the script's pages run in a sandboxed frame of their own origin, and mail
 * HTML is served only into a sandbox with no script and no network.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import * as z from "zod/mini";
import type { OpenResult } from "./protocol";
import {
  ClockRequestSchema,
  EditRequestSchema,
  MenuRequestSchema,
  PanelRequestSchema,
  PlanDocumentRequestSchema,
  RunRequestSchema,
  UserRequestSchema,
} from "./protocol";
import { REPO_ROOT } from "../repo-root";
import { pageAssets } from "./assets";
import { requireCode, Workbench, type WorkbenchOptions } from "./workbench";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const DEFAULT_BUILD_DIR = join(REPO_ROOT, "build");
export const DEFAULT_DATA_DIR = join(REPO_ROOT, ".data");
const MAX_BODY = 2 * 1024 * 1024;
/** The page's requests nest a few levels; zod's check of a deeper one would overflow the stack. */
const MAX_DEPTH = 64;

export interface ServerOptions extends Partial<WorkbenchOptions> {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /**
   * Told the address as soon as the server listens, before the workbook is opened: the browser then
   * connects while it opens, and its requests are answered once it is open.
   */
  listening?: (url: string) => void;
}

export interface RunningWorkbench {
  url: string;
  port: number;
  workbench: Workbench;
  close(): Promise<void>;
}

/**
 * The page with its styles and script in it: one response, no second round trip before the script
 * runs (on a loaded machine each took 20–40 ms). The script comes last, where the body it fills exists.
 */
function shell(assets: { appJs: string; appCss: string }): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bàn thử – ke-hoach-sheet</title>
<style>${assets.appCss.replace(/<\/(style)/gi, "<\\/$1")}</style>
</head>
<body>
<noscript>Bàn thử cần JavaScript.</noscript>
<script>${assets.appJs.replace(/<\/(script)/gi, "<\\/$1")}</script>
</body>
</html>
`;
}

/** The content policy allows exactly the page's own inline script and styles, by their hashes. */
function pagePolicy(page: string): string {
  const hash = (re: RegExp) => `'sha256-${createHash("sha256").update(re.exec(page)![1]!).digest("base64")}'`;
  return [
    "default-src 'self'",
    `script-src 'self' ${hash(/<script>([\s\S]*)<\/script>/)}`,
    `style-src 'self' ${hash(/<style>([\s\S]*?)<\/style>/)}`,
    "img-src 'self' data:",
    "frame-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The script's own page: its own opaque origin, inline code only, no network (as HtmlService pages need none). */
const PANEL_CSP = [
  "sandbox allow-scripts allow-forms allow-modals allow-popups",
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "font-src data:",
  "frame-ancestors 'self'",
].join("; ");

/** An email's HTML: shown, never run. */
const MAIL_CSP = [
  "sandbox",
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "frame-ancestors 'self'",
].join("; ");

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "Content-Type": type,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, "Cần gửi dữ liệu dạng JSON.");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, "Dữ liệu gửi lên quá lớn.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (nestedDeeperThan(text, MAX_DEPTH))
    throw new HttpError(400, `Dữ liệu gửi lên lồng nhau quá sâu (quá ${MAX_DEPTH} cấp).`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "Dữ liệu gửi lên không phải JSON hợp lệ.");
  }
}

/** Whether arrays and objects in JSON text nest deeper than `max`, in one pass (brackets in strings skipped). */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function parse<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const r = z.safeParse(schema, body);
  if (!r.success) {
    // The path says where; a check of our own also says what (zod's built-in messages are English).
    const where = r.error.issues
      .map((i) => (i.path.join(".") || "(gốc)") + (i.code === "custom" ? `: ${i.message}` : ""))
      .join(", ");
    throw new HttpError(400, `Yêu cầu không hợp lệ (${where}).`);
  }
  return r.data;
}

/** Inline JSON that cannot end the script element or the document. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The script's HTML with the google.script shim as the first thing that runs. */
export function withShim(html: string, shimJs: string, seq: number, endpoints: string[]): string {
  const tag = `<script>window.__ksPanel=${scriptJson({ seq, endpoints })};\n${shimJs.replace(/<\/(script)/gi, "<\\/$1")}</script>`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + tag + html.slice(doctype[0].length);
  return tag + html;
}

function attachmentName(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
  return ascii.replace(/[^A-Za-z0-9._ -]/g, "_") || "tep-dinh-kem";
}

export async function startWorkbench(opts: ServerOptions = {}): Promise<RunningWorkbench> {
  const host = opts.host ?? "127.0.0.1";
  // From the sources, esbuild bundles the page in its own process while this one opens the workbook.
  const building = pageAssets();
  // Handled here too, so that a failure to open the workbook below does not leave it unheard.
  building.catch(() => undefined);
  const buildDir = opts.buildDir ?? DEFAULT_BUILD_DIR;
  // Said before listening, as a failure to open the workbook below is said before anything listens.
  requireCode(buildDir);
  const openWorkbook = () =>
    new Workbench({
      buildDir,
      dataDir: opts.dataDir ?? DEFAULT_DATA_DIR,
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.compactAfterMs === undefined ? {} : { compactAfterMs: opts.compactAfterMs }),
      ...(opts.compactEvery === undefined ? {} : { compactEvery: opts.compactEvery }),
      ...(opts.demo ? { demo: opts.demo } : {}),
    });
  // Without a listener for the address, the workbook is opened first (a failure then leaves nothing listening).
  let workbench: Workbench | undefined = opts.listening ? undefined : openWorkbook();
  const assets = await building;
  const page = shell(assets);
  const pageCsp = pagePolicy(page);
  let port = opts.port ?? 8080;

  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Opened synchronously right after listening, before any request is read: never undefined here.
    if (!workbench) throw new HttpError(503, "Bảng tính đang mở, hãy thử lại.");
    // Only this machine's own address: a page elsewhere renamed to point here (DNS rebinding) is refused.
    if (!allowedHosts().includes(req.headers.host ?? ""))
      throw new HttpError(421, "Địa chỉ máy chủ không đúng.");
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const path = url.pathname;

    if (req.method === "GET" || req.method === "HEAD") {
      if (path === "/")
        return send(res, 200, "text/html; charset=utf-8", page, {
          "Content-Security-Policy": pageCsp,
          "X-Frame-Options": "DENY",
        });
      if (path === "/app.js") return send(res, 200, "text/javascript; charset=utf-8", assets.appJs);
      if (path === "/app.css") return send(res, 200, "text/css; charset=utf-8", assets.appCss);
      if (path === "/favicon.ico") return send(res, 204, "image/x-icon", "");
      if (path === "/api/state") return sendJson(res, 200, workbench.state());
      if (path === "/api/sheet") {
        const id = url.searchParams.get("ss") ?? "";
        const name = url.searchParams.get("name") ?? undefined;
        const view = workbench.sheet(id, name);
        if (!view) throw new HttpError(404, "Bạn không mở được bảng tính hoặc trang này.");
        return sendJson(res, 200, view);
      }
      if (path === "/api/outbox") return sendJson(res, 200, workbench.outbox());
      if (path === "/api/xlsx") {
        const file = workbench.download(url.searchParams.get("ss") ?? "");
        if (!file) throw new HttpError(404, "Bạn không mở được bảng tính này.");
        // exceljs takes a second or two to load: only when someone downloads.
        const { workbookBytes, workbookFromTabs } = await import("../xlsx/write");
        const book = workbookFromTabs(file.tabs);
        file.tabs.forEach((t, i) => {
          if (t.hidden) book.worksheets[i]!.state = "hidden";
        });
        const name = `${file.name}.xlsx`;
        return send(res, 200, XLSX_TYPE, await workbookBytes(book), {
          "Content-Disposition": `attachment; filename="${attachmentName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          "Content-Security-Policy": "sandbox; default-src 'none'",
        });
      }
      if (path === "/api/log") return sendJson(res, 200, workbench.executions());
      let m = /^\/panel\/(\d{1,9})$/.exec(path);
      if (m) {
        const panel = workbench.panelContent(Number(m[1]));
        if (!panel) throw new HttpError(404, "Trang này đã đóng.");
        const html = withShim(panel.content, assets.shimJs, Number(m[1]), panel.endpoints);
        return send(res, 200, "text/html; charset=utf-8", html, { "Content-Security-Policy": PANEL_CSP });
      }
      m = /^\/mail\/(\d{1,6})\/html$/.exec(path);
      if (m) {
        const mail = workbench.mail(Number(m[1]));
        if (!mail || mail.htmlBody === undefined) throw new HttpError(404, "Không có thư này.");
        return send(res, 200, "text/html; charset=utf-8", mail.htmlBody, {
          "Content-Security-Policy": MAIL_CSP,
        });
      }
      m = /^\/mail\/(\d{1,6})\/attachments\/(\d{1,3})$/.exec(path);
      if (m) {
        const a = workbench.mail(Number(m[1]))?.attachments[Number(m[2])];
        if (!a) throw new HttpError(404, "Không có tệp đính kèm này.");
        const name = a.name ?? `tep-dinh-kem-${Number(m[2]) + 1}`;
        const type =
          a.contentType && /^[\w.+-]+\/[\w.+-]+$/.test(a.contentType)
            ? a.contentType
            : "application/octet-stream";
        return send(res, 200, type, a.bytes, {
          "Content-Disposition": `attachment; filename="${attachmentName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          "Content-Security-Policy": "sandbox; default-src 'none'",
        });
      }
      throw new HttpError(404, "Không có trang này.");
    }

    if (req.method !== "POST") throw new HttpError(405, "Phương thức không được hỗ trợ.");
    // A request from another site (even one the browser lets through) is refused.
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin))
      throw new HttpError(403, "Yêu cầu từ trang khác bị từ chối.");
    const body = await readBody(req);
    switch (path) {
      case "/api/user":
        return sendJson(res, 200, workbench.setUser(parse(UserRequestSchema, body).email));
      case "/api/open": {
        const opened: OpenResult = { ...workbench.reopen(), state: workbench.state() };
        // The tab the page will show, as it would ask for it next: one round trip fewer before it is usable.
        const place = opened.state.place;
        const id = place?.spreadsheetId ?? opened.state.spreadsheets[0]?.id;
        const sheet =
          id === undefined
            ? undefined
            : workbench.sheet(id, place?.spreadsheetId === id ? place.sheet : undefined);
        if (sheet) opened.sheet = sheet;
        return sendJson(res, 200, opened);
      }
      case "/api/edit":
        return sendJson(res, 200, workbench.edit(parse(EditRequestSchema, body)));
      case "/api/activate": {
        const r = parse(
          z.object({
            spreadsheetId: z.string().check(z.maxLength(500)),
            sheet: z.string().check(z.maxLength(500)),
          }),
          body,
        );
        return sendJson(res, 200, workbench.activate(r.spreadsheetId, r.sheet));
      }
      case "/api/menu":
        return sendJson(res, 200, workbench.clickMenu(parse(MenuRequestSchema, body)));
      case "/api/run":
        return sendJson(res, 200, workbench.run(parse(RunRequestSchema, body)));
      case "/api/panel/close":
        workbench.closePanel(parse(PanelRequestSchema, body).panel);
        return sendJson(res, 200, { ok: true });
      case "/api/triggers":
        return sendJson(res, 200, workbench.runTimeTriggers(parse(ClockRequestSchema, body)));
      case "/api/clock":
        return sendJson(res, 200, workbench.setClock(parse(ClockRequestSchema, body)));
      case "/api/reset":
        return sendJson(res, 200, workbench.reset());
      case "/api/plan-document": {
        const r = parse(PlanDocumentRequestSchema, body);
        let text: string;
        try {
          // The command line's reader (plan-from-text): the same checks, the same .docx library.
          const { planDocumentText } = await import("../cli/plan-document");
          text = await planDocumentText(Buffer.from(r.base64, "base64"), r.name);
        } catch (e) {
          throw new HttpError(400, e instanceof Error ? e.message : String(e));
        }
        return sendJson(res, 200, workbench.draftPlanDocument(text));
      }
      default:
        throw new HttpError(404, "Không có chức năng này.");
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) console.error(e);
      const message = e instanceof Error ? e.message : String(e);
      if (!res.headersSent)
        sendJson(res, status, { ok: false, message: status === 500 ? `Lỗi máy chủ: ${message}` : message });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}/`;
  if (!workbench) {
    opts.listening?.(url);
    // In this same turn, before the server reads any request: they wait, accepted, until it is open.
    try {
      workbench = openWorkbook();
    } catch (e) {
      server.close();
      server.closeAllConnections();
      throw e;
    }
  }
  const opened = workbench;
  return {
    url,
    port,
    workbench: opened,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          // A clean stop leaves no journal to replay.
          opened.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
