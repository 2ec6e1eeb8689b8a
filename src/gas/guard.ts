/**
 * The one wrapper every entry point runs in. It asks core/roles.ts whether the caller may do the
 * action before anything is touched, answers a refusal in Vietnamese, and turns every Apps Script
 * error that would reach a person into Vietnamese, keeping Google's own words in the execution log
 * (console.error). Trigger handlers act only when run by a trigger of the recorded installer.
 */
import type { Action } from "../core/roles";
import { may, refusal } from "../core/roles";
import type { SheetContext } from "./context";
import { recordedInstaller, recordInstaller, sheetContext } from "./context";

/** An error whose message is already meant for a person (Vietnamese, no Google text in it). */
export function userError(message: string): Error {
  const err = new Error(message);
  err.name = "UserMessage";
  return err;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Google's messages, by what they mean to the person who sees them. Order matters: first match wins. */
const GOOGLE_ERRORS: readonly [RegExp, string][] = [
  [
    /\block\b|lock timeout|lockservice/i,
    "Đang có người khác (hoặc một việc tự động) làm việc với bảng tính. Chưa có gì thay đổi; hãy thử lại sau ít giây.",
  ],
  [
    /protected (cell|range|sheet|object)|protection/i,
    "Ô hoặc trang này đang được bảo vệ: tài khoản của bạn không được sửa ở đây. Hãy nhờ văn phòng UBND xã nếu cần sửa.",
  ],
  [
    /permission|not authori[sz]ed|authorization|access denied|do not have access/i,
    "Google không cho tài khoản của bạn làm việc này trên bảng tính (thiếu quyền). Hãy nhờ văn phòng UBND xã kiểm tra việc chia sẻ.",
  ],
  [
    /too many times|quota|limit exceeded|rate limit|bandwidth/i,
    "Đã dùng hết hạn mức Google cho phép trong ngày (số lần chạy hoặc số thư). Hãy thử lại sau, hoặc ngày mai.",
  ],
  [
    /maximum execution time|timed? ?out|deadline/i,
    "Việc này chạy quá thời gian Google cho phép và đã dừng giữa chừng. Hãy thử lại; nếu vẫn vậy, hãy báo văn phòng UBND xã.",
  ],
  [
    /unavailable|service error|failed while accessing|server error|internal error|try again|backend|empty response/i,
    "Dịch vụ của Google đang tạm gián đoạn. Hãy thử lại sau ít phút.",
  ],
];

const UNKNOWN =
  "Google báo lỗi khi làm việc này (chi tiết đã ghi vào nhật ký thực thi). Hãy thử lại; nếu vẫn lỗi, hãy báo văn phòng UBND xã.";

/** What a person reads for an error: ours as it is, Google's translated. The original goes to the log. */
export function translateError(err: unknown): string {
  if (err instanceof Error && err.name === "UserMessage") return err.message;
  const text = messageOf(err);
  return GOOGLE_ERRORS.find(([re]) => re.test(text))?.[1] ?? UNKNOWN;
}

function logError(where: string, err: unknown): void {
  const stack = err instanceof Error && err.stack ? `\n${err.stack}` : "";
  console.error(`${where}: ${messageOf(err)}${stack}`);
}

function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/**
 * A menu item: the caller's role is checked first (null: anyone), then `run`; a string it returns is
 * shown to the person. Nothing but Vietnamese reaches the person.
 */
export function menuRun(
  title: string,
  action: Action | null,
  run: (c: SheetContext) => string | undefined,
): void {
  try {
    const c = sheetContext();
    if (action !== null && !may(c.person, action)) {
      alert(title, refusal(action, c.people, c.person));
      return;
    }
    const message = run(c);
    if (message) alert(title, message);
  } catch (err) {
    logError(title, err);
    try {
      alert(title, translateError(err));
    } catch (second) {
      logError(`${title} (thông báo lỗi)`, second);
    }
  }
}

/**
 * A google.script.run endpoint: refused or failed calls throw a Vietnamese Error, which the page's
 * failure handler shows as it is.
 */
export function clientRun<T>(endpoint: string, action: Action | null, run: (c: SheetContext) => T): T {
  let c: SheetContext;
  try {
    c = sheetContext();
  } catch (err) {
    logError(endpoint, err);
    throw userError(translateError(err));
  }
  if (action !== null && !may(c.person, action)) throw userError(refusal(action, c.people, c.person));
  try {
    return run(c);
  } catch (err) {
    logError(endpoint, err);
    throw userError(translateError(err));
  }
}

/**
 * Whether this execution is a trigger of the add-in run by the installing account: the event names a
 * trigger of this project that the effective user owns (getProjectTriggers lists only one's own), for
 * this handler, and that user is the recorded installer. A call through google.script.run with a made-up
 * event fails the first test. A trigger left by a former installer removes itself.
 */
export function authenticTrigger(handler: string, e: unknown): boolean {
  const uid = e !== null && typeof e === "object" ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  if (typeof uid !== "string" || uid === "") {
    console.warn(`${handler}: không phải trình kích hoạt gọi (không có triggerUid); bỏ qua.`);
    return false;
  }
  const mine = ScriptApp.getProjectTriggers().find(
    (t) => t.getUniqueId() === uid && t.getHandlerFunction() === handler,
  );
  if (!mine) {
    console.warn(`${handler}: triggerUid ${uid} không phải trình kích hoạt của tài khoản này; bỏ qua.`);
    return false;
  }
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const installer = recordedInstaller();
  if (installer === "") {
    // A sheet set up before the installer was recorded: whoever owns its triggers installed them.
    recordInstaller(me);
    return true;
  }
  if (installer !== me) {
    ScriptApp.deleteTrigger(mine);
    console.warn(
      `${handler}: trình kích hoạt cũ của ${me}; các việc tự động nay do ${installer} chạy. Đã xoá.`,
    );
    return false;
  }
  return true;
}

/** A trigger handler: does nothing unless authentic; errors are logged, never thrown at nobody. */
export function triggerRun(handler: string, e: unknown, run: () => void): void {
  let ok = false;
  try {
    ok = authenticTrigger(handler, e);
  } catch (err) {
    logError(handler, err);
    return;
  }
  if (!ok) return;
  run();
}
