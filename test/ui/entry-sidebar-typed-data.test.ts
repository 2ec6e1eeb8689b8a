/**
 * The entry sidebar, as it is typed into, on what must not pass as data: a phone number in a count
 * field (refused with the column's maximum and the reason) and an ID number written with spaces in the
 * free text (a warning). The real build/EntrySidebar.html at 300 px, checking locally with the core.
 */
import { describe, expect, it } from "vitest";
import { field, messagesOf, POLICE, pageOpener, preparedEnvironment } from "./harness";

const RECEIVED = "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)";

const openSidebar = pageOpener({
  functionName: "showEntrySidebar",
  size: { width: 300, height: 760 },
  sheet: preparedEnvironment,
  ready: (page) => page.getByRole("button", { name: "Ghi báo cáo" }),
});

describe("entry sidebar, typed data", () => {
  it("refuses a phone number in a count, saying why, and warns about a CCCD with spaces", async () => {
    const { page, calls } = await openSidebar(POLICE);
    const received = field(page, RECEIVED);
    await received.fill("0912345678");
    await expect
      .poll(() => messagesOf(page, RECEIVED))
      .toContain("912.345.678 vượt mức tối đa 500 của cột này");
    expect(await messagesOf(page, RECEIVED)).toContain("Hãy nhập đúng số tin, không quá 500.");
    expect(await received.getAttribute("aria-invalid")).toBe("true");
    await received.fill("3");
    await expect.poll(() => received.getAttribute("aria-invalid")).toBe(null);

    await field(page, "Nội dung").fill("Người báo tin: CCCD 030 198 001 234");
    await expect.poll(() => messagesOf(page, "Nội dung")).toContain("có vẻ chứa số CMND/CCCD (030…)");
    expect(calls.map((c) => c.name)).toEqual(["getEntryFormState"]);
  });
});
