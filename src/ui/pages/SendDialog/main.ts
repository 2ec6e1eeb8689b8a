/**
 * "Gửi báo cáo tháng…": before anything goes out, the period, what goes (the draft to the chairman while
 * the period waits for his approval, the report to the upper level once approved or when the settings
 * send directly), who receives it and the mail quota left today, and every reason it cannot go now.
 * Something already sent is sent again only after the user ticks "Tôi muốn gửi lại" and presses "Gửi
 * lại" (resend: true); the server refuses a second plain send anyway. A send interrupted before it was
 * recorded is a doubt: the office checks the "Sent" folder and marks it sent, or sends again.
 */
import { formatDateTimeVi } from "../../../core/periods";
import type { SendState, ServerApi } from "../../../gas/api";
import { byId, el, errorText, replaceChildren } from "../../lib/dom";
import { loadPage, wireClose } from "../../lib/page";
import { capitalise, periodLoader, showPeriods, switchPeriod } from "../../lib/period";
import { serverCaller } from "../../lib/server";
import { clearStatus, setStatus } from "../../lib/status";

const call = serverCaller<ServerApi>();

const form = byId<HTMLFormElement>("send");
const body = byId("body");
const periodSelect = byId<HTMLSelectElement>("period");
const problemsBox = byId("problems");
const sentBox = byId("sent");
const confirmBox = byId<HTMLInputElement>("confirm");
const statusRegion = byId("status");
const submitButton = byId<HTMLButtonElement>("submit");

let state: SendState;
let sending = false;

const periods = periodLoader({
  select: periodSelect,
  region: body,
  fetch: (key) => call("getSendState", key),
  shown: () => state,
  busyChanged: () => updateButton(),
});

/** Why the report cannot go now, in the words the user sees; empty when it can. */
function blockers(s: SendState): string[] {
  const reasons = [...s.problems];
  if (reasons.length > 0 && !reasons.some((r) => r.includes("Cài đặt"))) {
    reasons.push("Hãy sửa trong Cài đặt… rồi mở lại hộp thoại này.");
  }
  if (s.recipients.length > 0 && s.remainingQuota < s.recipients.length) {
    reasons.push(
      "Hạn mức email hôm nay chỉ còn " +
        s.remainingQuota +
        " người nhận, báo cáo cần " +
        s.recipients.length +
        ". Google không cho gửi thêm hôm nay: hãy gửi lại vào ngày mai.",
    );
  }
  return reasons;
}

/** When what the button sends went already, else null. */
function sentAt(s: SendState): string | null {
  return s.action === "report" ? s.sentAt : s.draftSentAt;
}

function approvalText(s: SendState): string {
  if (s.mode === "direct") return "";
  const a = s.approval;
  if (a.status === "approved") {
    return (
      "Chủ tịch (" +
      (a.approvedBy ?? "") +
      ") đã duyệt lúc " +
      formatDateTimeVi(a.approvedAt ?? "") +
      ": báo cáo gửi cấp trên."
    );
  }
  const last = a.returns[a.returns.length - 1];
  if (a.status === "returned" && last) {
    return (
      "Chủ tịch trả lại dự thảo lúc " +
      formatDateTimeVi(last.at) +
      ": “" +
      last.comment +
      "”. Sau khi sửa số liệu, hãy gửi lại dự thảo để Chủ tịch duyệt."
    );
  }
  return "Báo cáo chỉ gửi cấp trên sau khi Chủ tịch duyệt. Nút dưới đây gửi dự thảo cho Chủ tịch và văn phòng.";
}

function render(): void {
  showPeriods(periodSelect, state, (p) => capitalise(p.label));
  const approval = byId("approval");
  approval.textContent = approvalText(state);
  approval.hidden = approval.textContent === "";
  const doubt = byId("doubt");
  doubt.hidden = state.doubtSince === null;
  byId("doubt-text").textContent =
    "Lần gửi " +
    (state.action === "report" ? "báo cáo" : "dự thảo") +
    (state.doubtSince && state.doubtSince !== "?" ? " lúc " + formatDateTimeVi(state.doubtSince) : "") +
    " bị gián đoạn trước khi ghi được là đã gửi: không rõ thư đã đi chưa. Hãy xem thư mục “Đã gửi” của tài khoản gửi, rồi chọn “Đã gửi rồi”, hoặc đánh dấu ô bên dưới và bấm “Gửi lại”.";

  byId("recipients-title").textContent = "Người nhận (" + state.recipients.length + ")";
  replaceChildren(
    byId("recipients"),
    ...(state.recipients.length > 0
      ? state.recipients.map((r) => el("li", {}, r))
      : [el("li", { class: "muted" }, "Chưa có người nhận nào.")]),
  );
  byId("quota").textContent =
    "Hạn mức email còn lại hôm nay: " +
    state.remainingQuota +
    " người nhận" +
    (state.recipients.length > 0 ? "; báo cáo này cần " + state.recipients.length + "." : ".");

  const reasons = blockers(state);
  problemsBox.hidden = reasons.length === 0;
  replaceChildren(
    problemsBox,
    el("p", { class: "lead" }, "Chưa gửi được báo cáo " + state.periodLabel + ":"),
    el("ul", {}, ...reasons.map((r) => el("li", {}, r))),
  );

  byId("owner-only").hidden = state.canSend;
  const sent = sentAt(state);
  const again = sent !== null || state.doubtSince !== null;
  sentBox.hidden = !again;
  byId("confirm-label").hidden = !again || !state.canSend;
  confirmBox.checked = false;
  const what = state.action === "report" ? "Báo cáo " : "Dự thảo báo cáo ";
  byId("sent-text").textContent =
    sent !== null ? what + state.periodLabel + " đã được gửi lúc " + formatDateTimeVi(sent) + "." : "";
  submitButton.hidden = !state.canSend;
  updateButton();
}

function updateButton(): void {
  const resend = sentAt(state) !== null || state.doubtSince !== null;
  const blocked = blockers(state).length > 0;
  submitButton.disabled = sending || periods.busy() || blocked || (resend && !confirmBox.checked);
  const plain = state.action === "draft" ? "Gửi dự thảo cho Chủ tịch" : "Gửi";
  submitButton.textContent = sending ? "Đang gửi…" : resend ? "Gửi lại" : plain;
  // A disabled button says why through what it points at.
  const why = [blocked ? "problems" : "", resend ? "sent" : ""].filter(Boolean).join(" ");
  if (why) submitButton.setAttribute("aria-describedby", why);
  else submitButton.removeAttribute("aria-describedby");
  confirmBox.disabled = sending;
}

/** Asks the server for a period's state; the one shown stays until the answer arrives. */
async function loadPeriod(key: string): Promise<boolean> {
  const next = await switchPeriod(periods, key, state, statusRegion, "thông tin gửi");
  if (next === null) return false;
  state = next;
  render();
  return true;
}

async function send(): Promise<void> {
  if (sending || periods.busy() || !state.canSend || blockers(state).length > 0) return;
  const resend = sentAt(state) !== null || state.doubtSince !== null;
  if (resend && !confirmBox.checked) {
    confirmBox.focus();
    return;
  }
  const periodKey = state.periodKey;
  sending = true;
  periodSelect.disabled = true;
  updateButton();
  setStatus(statusRegion, "info", [
    (resend ? "Đang gửi lại báo cáo " : "Đang gửi báo cáo ") + state.periodLabel + "…",
  ]);
  let lines: string[];
  let kind: "ok" | "error";
  try {
    const result = await call("sendReportNow", { periodKey, resend });
    kind = result.ok ? "ok" : "error";
    lines = [result.message];
  } catch (err) {
    kind = "error";
    lines = [
      "Không gửi được: " + errorText(err),
      "Hãy thử lại; một kỳ đã gửi sẽ không bị gửi lần nữa nếu bạn không chọn gửi lại.",
    ];
  }
  sending = false;
  periodSelect.disabled = false;
  // Whatever happened, show the period as the server now has it (sent time, quota left).
  const refreshed = await loadPeriod(periodKey);
  if (!refreshed && kind === "ok") {
    // It went but the new state did not arrive: still never offer a plain second "Gửi".
    const now = new Date().toISOString();
    state = {
      ...state,
      ...(state.action === "report" ? { sentAt: now } : { draftSentAt: now }),
      remainingQuota: Math.max(0, state.remainingQuota - state.recipients.length),
    };
    render();
  }
  setStatus(statusRegion, kind, lines);
  updateButton();
  (submitButton.disabled ? byId("close") : submitButton).focus();
}

/** The office looked in the "Sent" folder: the interrupted send did go. */
async function markSent(): Promise<void> {
  if (sending) return;
  sending = true;
  updateButton();
  let lines: string[];
  let kind: "ok" | "error";
  try {
    const result = await call("sendReportNow", { periodKey: state.periodKey, resend: false, markSent: true });
    kind = result.ok ? "ok" : "error";
    lines = [result.message];
  } catch (err) {
    kind = "error";
    lines = ["Chưa ghi nhận được: " + errorText(err)];
  }
  sending = false;
  await loadPeriod(state.periodKey);
  setStatus(statusRegion, kind, lines);
  updateButton();
}

byId("mark-sent").addEventListener("click", () => void markSent());
periodSelect.addEventListener("change", () => {
  clearStatus(statusRegion);
  void loadPeriod(periodSelect.value);
});
confirmBox.addEventListener("change", updateButton);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  void send();
});
wireClose();

void loadPage(
  () => call("getSendState", null),
  (loaded) => {
    state = loaded;
    render();
    byId("loading").hidden = true;
    form.hidden = false;
    periodSelect.focus();
  },
  { failed: "Không tải được thông tin gửi báo cáo: ", retrying: "Đang tải thông tin gửi báo cáo…" },
);
