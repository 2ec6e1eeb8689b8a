/**
 * "Gửi báo cáo tháng…": before anything goes out, the period, who receives it and the mail quota left
 * today, and every reason it cannot go now. A period already sent is sent again only after the user
 * ticks "Tôi muốn gửi lại báo cáo kỳ này" and presses "Gửi lại" (resend: true); the server refuses
 * a second plain send anyway, so a double click or a second person sends nothing twice.
 */
import { formatDateTimeVi } from "../../../core/periods";
import type { SendState, ServerApi } from "../../../gas/api";
import { byId, el, errorText, replaceChildren } from "../../lib/dom";
import { loadPage, wireClose } from "../../lib/page";
import { capitalise, periodLabel, periodLoader, showPeriods } from "../../lib/period";
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

function render(): void {
  showPeriods(periodSelect, state, (p) => capitalise(p.label));

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
  sentBox.hidden = state.sentAt === null;
  byId("confirm-label").hidden = state.sentAt === null || !state.canSend;
  confirmBox.checked = false;
  if (state.sentAt !== null) {
    byId("sent-text").textContent =
      "Báo cáo " + state.periodLabel + " đã được gửi lúc " + formatDateTimeVi(state.sentAt) + ".";
  }
  submitButton.hidden = !state.canSend;
  updateButton();
}

function updateButton(): void {
  const resend = state.sentAt !== null;
  const blocked = blockers(state).length > 0;
  submitButton.disabled = sending || periods.busy() || blocked || (resend && !confirmBox.checked);
  submitButton.textContent = sending ? "Đang gửi…" : resend ? "Gửi lại" : "Gửi";
  // A disabled button says why through what it points at.
  const why = [blocked ? "problems" : "", resend ? "sent" : ""].filter(Boolean).join(" ");
  if (why) submitButton.setAttribute("aria-describedby", why);
  else submitButton.removeAttribute("aria-describedby");
  confirmBox.disabled = sending;
}

/** Asks the server for a period's state; the one shown stays until the answer arrives. */
async function loadPeriod(key: string): Promise<boolean> {
  const answer = await periods.load(key);
  if (answer === null) return false;
  if (!answer.ok) {
    setStatus(statusRegion, "error", [
      "Không tải được thông tin " + periodLabel(state, key) + ": " + errorText(answer.error),
      "Đang hiển thị " + state.periodLabel + "; hãy chọn lại kỳ để thử lại.",
    ]);
    return false;
  }
  state = answer.state;
  render();
  return true;
}

async function send(): Promise<void> {
  if (sending || periods.busy() || !state.canSend || blockers(state).length > 0) return;
  const resend = state.sentAt !== null;
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
    // The report went but the new state did not arrive: still never offer a plain second "Gửi".
    state = {
      ...state,
      sentAt: new Date().toISOString(),
      remainingQuota: Math.max(0, state.remainingQuota - state.recipients.length),
    };
    render();
  }
  setStatus(statusRegion, kind, lines);
  updateButton();
  (submitButton.disabled ? byId("close") : submitButton).focus();
}

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
