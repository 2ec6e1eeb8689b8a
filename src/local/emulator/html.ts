// HtmlService and HtmlOutput.
// https://developers.google.com/apps-script/reference/html/html-service
// https://developers.google.com/apps-script/reference/html/html-output
// Files are the project's pages: createHtmlOutputFromFile("Sidebar") reads <htmlDir>/Sidebar.html, the
// directory the world's creator gives.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { blobOf, makeBlob } from "./blob";
import { expose, exposeEnum, unwrap } from "./expose";
import type { Runtime } from "./runtime";

export class HtmlOutputImpl {
  content: string;
  title = "";
  width: number | null = null;
  height: number | null = null;
  xFrameOptionsMode = "DEFAULT";
  sandboxMode = "IFRAME";
  metaTags: { name: string; content: string }[] = [];
  faviconUrl: string | null = null;

  constructor(
    content: string,
    private readonly rt: Runtime,
  ) {
    this.content = content;
  }

  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.content += String(addedContent)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
    return this;
  }
  clear(): this {
    this.content = "";
    return this;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  setWidth(width: number): this {
    this.width = Number(width);
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = Number(height);
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  setSandboxMode(mode: string): this {
    this.sandboxMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): { name: string; content: string }[] {
    return this.metaTags.map((t) => ({ ...t }));
  }
  setFaviconUrl(url: string): this {
    this.faviconUrl = String(url);
    return this;
  }
  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }
  getBlob() {
    return makeBlob(
      this.rt.count.bind(this.rt),
      new Uint8Array(Buffer.from(this.content, "utf8")),
      "text/html",
      null,
    );
  }
  getAs(contentType: string) {
    if (contentType !== "text/html")
      throw new Error(`Not implemented in the emulator: HtmlOutput.getAs("${contentType}")`);
    return this.getBlob();
  }
}

export function createHtmlService(rt: Runtime, htmlDir: string | undefined) {
  const count = rt.count.bind(rt);
  const output = (content: string) => expose("HtmlOutput", new HtmlOutputImpl(content, rt), count);
  const htmlService = {
    createHtmlOutput(html?: unknown) {
      if (html === undefined) return output("");
      const b = blobOf(html);
      if (b) return output(b.getDataAsString());
      return output(String(html));
    },
    createHtmlOutputFromFile(filename: string) {
      const name = String(filename).replace(/\.html$/, "");
      const path = htmlDir === undefined ? undefined : join(htmlDir, `${name}.html`);
      if (path === undefined || !existsSync(path)) throw new Error(`No HTML file named ${name} was found.`);
      return output(readFileSync(path, "utf8"));
    },
    XFrameOptionsMode: exposeEnum("HtmlService.XFrameOptionsMode", {
      ALLOWALL: "ALLOWALL",
      DEFAULT: "DEFAULT",
    }),
    SandboxMode: exposeEnum("HtmlService.SandboxMode", {
      EMULATED: "EMULATED",
      IFRAME: "IFRAME",
      NATIVE: "NATIVE",
    }),
  };
  return expose("HtmlService", htmlService, count);
}

/** The HtmlOutput behind what the script passes to showSidebar & co. */
export function htmlOutputOf(v: unknown): HtmlOutputImpl | undefined {
  const raw = unwrap(v);
  return raw instanceof HtmlOutputImpl ? raw : undefined;
}
