import { describe, expect, it } from "vitest";
import { environment, gas } from "./harness";

// https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
describe("Utilities.formatDate", () => {
  const instant = new Date("2023-04-14T17:05:09Z"); // 15/04/2023 00:05:09 in Vietnam

  it("formats in the given time zone with Java SimpleDateFormat letters", () => {
    const { Utilities } = gas(environment());
    expect(Utilities.formatDate(instant, "Asia/Ho_Chi_Minh", "dd/MM/yyyy HH:mm:ss")).toBe(
      "15/04/2023 00:05:09",
    );
    expect(Utilities.formatDate(instant, "UTC", "dd/MM/yyyy HH:mm")).toBe("14/04/2023 17:05");
    expect(Utilities.formatDate(instant, "GMT+7", "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      "2023-04-15T00:05:09+07:00",
    );
    expect(Utilities.formatDate(instant, "Etc/GMT-7", "d/M/yy")).toBe("15/4/23");
  });

  it("copies quoted text as it is, with '' for a quote", () => {
    const { Utilities } = gas(environment());
    expect(
      Utilities.formatDate(instant, "Asia/Ho_Chi_Minh", "'Quang Khải, ngày' dd 'tháng' MM 'năm' yyyy"),
    ).toBe("Quang Khải, ngày 15 tháng 04 năm 2023");
    expect(Utilities.formatDate(instant, "UTC", "HH'h''mm'")).toBe("17h'mm");
  });

  it("formats English month and day names and 12-hour clocks", () => {
    const { Utilities } = gas(environment());
    expect(Utilities.formatDate(instant, "UTC", "EEE, d MMM yyyy hh:mm a Z")).toBe(
      "Fri, 14 Apr 2023 05:05 PM +0000",
    );
    expect(Utilities.formatDate(instant, "UTC", "EEEE MMMM")).toBe("Friday April");
  });

  it("refuses a pattern letter Java does not know", () => {
    const { Utilities } = gas(environment());
    expect(() => Utilities.formatDate(instant, "UTC", "dd/MM/yyyy q")).toThrow();
  });
});

describe("Utilities", () => {
  // sleep(milliseconds): "Sleeps for specified number of milliseconds"; the maximum allowed is 300000 (5 minutes).
  it("sleep advances the emulated clock without waiting, and refuses more than 5 minutes", () => {
    const env = environment();
    const { Utilities } = gas(env);
    const before = env.now().getTime();
    const realStart = Date.now();
    Utilities.sleep(120_000);
    expect(env.now().getTime() - before).toBe(120_000);
    expect(Date.now() - realStart).toBeLessThan(1_000);
    expect(() => Utilities.sleep(300_001)).toThrow();
  });

  it("stops a run that sleeps past the 6-minute execution limit", () => {
    const env = environment(`function slow() { for (var i = 0; i < 10; i++) Utilities.sleep(60000); }`);
    const r = env.runFromClient("slow", []);
    expect(r).toEqual({ ok: false, error: "Exceeded maximum execution time" });
  });

  // Blob: getBytes gives Java's signed bytes.
  it("newBlob keeps bytes, name and content type; getBytes gives signed bytes", () => {
    const { Utilities } = gas(environment());
    const blob = Utilities.newBlob("Đạt", "text/plain", "trang-thai.txt");
    expect(blob.getName()).toBe("trang-thai.txt");
    expect(blob.getContentType()).toBe("text/plain");
    expect(blob.getDataAsString()).toBe("Đạt");
    expect(blob.getBytes()).toEqual(Array.from(Buffer.from("Đạt"), (b) => (b > 127 ? b - 256 : b)));
    expect(Utilities.newBlob(blob.getBytes()).getDataAsString()).toBe("Đạt");
  });

  it("getUuid gives distinct RFC 4122 identifiers", () => {
    const { Utilities } = gas(environment());
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });

  it("base64Encode and computeDigest work on UTF-8 strings", () => {
    const { Utilities } = gas(environment());
    expect(Utilities.base64Encode("Quang Khải")).toBe(Buffer.from("Quang Khải").toString("base64"));
    const md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, "abc");
    expect(md5.slice(0, 4)).toEqual([-112, 1, 80, -104]);
  });

  it("new Date() in the script reads the emulated clock, and its Dates are ordinary Dates", () => {
    const env = environment(`function today() { return new Date(); } function stamp() { return Date.now(); }
      function isDate(d) { return d instanceof Date; }`);
    const d = env.run("today") as Date;
    expect(d).toBeInstanceOf(Date);
    expect(d.getTime()).toBe(env.now().getTime());
    expect(env.run("stamp")).toBe(env.now().getTime());
    expect(env.run("isDate", new Date())).toBe(true);
  });
});

// https://developers.google.com/apps-script/reference/base/logger
describe("Logger", () => {
  it("log formats %s placeholders; getLog gives the current execution's lines; env.logs keeps them all", () => {
    const env = environment(
      `function work() { Logger.log("Đã gửi %s thư cho %s", 3, "huyện"); Logger.log("xong"); return Logger.getLog(); }`,
    );
    expect(env.run("work")).toBe("Đã gửi 3 thư cho huyện\nxong\n");
    expect(env.run("work")).toBe("Đã gửi 3 thư cho huyện\nxong\n");
    expect(env.logs.map((l) => [l.functionName, l.message])).toEqual([
      ["work", "Đã gửi 3 thư cho huyện"],
      ["work", "xong"],
      ["work", "Đã gửi 3 thư cho huyện"],
      ["work", "xong"],
    ]);
  });

  it("console.log in the script lands in the same log", () => {
    const env = environment(`function work() { console.log("kiểm tra", 2); }`);
    env.run("work");
    expect(env.logs.at(-1)?.message).toBe("kiểm tra 2");
  });
});
