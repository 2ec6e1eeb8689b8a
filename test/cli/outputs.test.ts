/**
 * The command line never writes over what it reads, nor over a file it did not make: outputs are
 * compared with inputs by identity (device and inode, links followed), an existing output is replaced
 * only when it is an HTML report (for --html) or with --force, and a link in the output's place is
 * replaced, never written through.
 */
import { linkSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, plan, sha256, type TempDir, tempDir, writeWorkbook } from "./helpers";
import { WORKED_NOW, workedMonthTabs } from "./worked-month";

let tmp: TempDir;
let before: string;
beforeAll(async () => {
  tmp = tempDir();
  await writeWorkbook(tmp.path("xa.xlsx"), workedMonthTabs());
  before = sha256(tmp.path("xa.xlsx"));
});
afterAll(() => tmp.remove());

const rollupTo = (out: string, ...more: string[]) =>
  cli(["rollup", "xa.xlsx", "--month", "2023-06", "--html", out, ...more], tmp.dir, WORKED_NOW);

describe("never over an input", () => {
  it("--html through a symbolic link to the input is refused, even with --force", async () => {
    symlinkSync(tmp.path("xa.xlsx"), tmp.path("link.html"));
    for (const extra of [[], ["--force"]]) {
      const r = await rollupTo("link.html", ...extra);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('chính là tệp vào "');
      expect(r.stdout).toBe("");
    }
    expect(sha256(tmp.path("xa.xlsx"))).toBe(before);
  });

  it("--html to a hard link of the input, or to the input by another path, is refused", async () => {
    linkSync(tmp.path("xa.xlsx"), tmp.path("hard.html"));
    expect((await rollupTo("hard.html", "--force")).stderr).toContain("chính là tệp vào");
    expect((await rollupTo("./sub/../xa.xlsx")).stderr).toContain("chính là tệp vào");
    expect(sha256(tmp.path("xa.xlsx"))).toBe(before);
  });

  it("template over the --plan file it reads is refused", async () => {
    // A plan file named .xlsx by mistake: the template would have been written over it.
    const text = JSON.stringify(plan);
    writeFileSync(tmp.path("plan.xlsx"), text);
    const r = await cli(["template", "plan.xlsx", "--plan", "plan.xlsx", "--force"], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("chính là tệp vào");
    expect(readFileSync(tmp.path("plan.xlsx"), "utf8")).toBe(text);
  });
});

describe("never over a file it did not make", () => {
  it("an existing file that is not an HTML report stays, unless --force", async () => {
    writeFileSync(tmp.path("notes.html"), "Ghi chú quan trọng của văn phòng\n");
    const r = await rollupTo("notes.html");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("đã có và không phải một báo cáo HTML; chương trình không ghi đè");
    expect(readFileSync(tmp.path("notes.html"), "utf8")).toBe("Ghi chú quan trọng của văn phòng\n");
    const forced = await rollupTo("notes.html", "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(tmp.path("notes.html"), "utf8")).toContain("BÁO CÁO");
  });

  it("last month's HTML report is replaced by this month's without --force", async () => {
    writeFileSync(tmp.path("bao-cao.html"), "<!DOCTYPE html><html><body>tháng 5</body></html>");
    const r = await rollupTo("bao-cao.html");
    expect(r.code).toBe(0);
    expect(readFileSync(tmp.path("bao-cao.html"), "utf8")).toContain("tháng 6/2023");
  });

  it("a link in the output's place is replaced by the report; the file it pointed to is untouched", async () => {
    writeFileSync(tmp.path("other.html"), "<html><body>báo cáo của xã khác</body></html>");
    symlinkSync(tmp.path("other.html"), tmp.path("via-link.html"));
    const r = await rollupTo("via-link.html");
    expect(r.code).toBe(0);
    expect(lstatSync(tmp.path("via-link.html")).isSymbolicLink()).toBe(false);
    expect(readFileSync(tmp.path("other.html"), "utf8")).toBe(
      "<html><body>báo cáo của xã khác</body></html>",
    );
  });

  it("a folder as output, or a folder that does not exist, is said in Vietnamese", async () => {
    const dir = await rollupTo(".");
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain("là một thư mục, không phải tệp");
    const missing = await rollupTo("khong-co/bao-cao.html");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("thư mục chứa tệp không tồn tại");
  });
});
