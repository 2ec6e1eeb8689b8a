/**
 * "Duyệt báo cáo tháng…": the chairman reads the report exactly as it will go (the email's own HTML, in
 * a sandboxed frame: no script runs in it, no link leaves it) and either approves it — it then goes to
 * the upper level with "Đã duyệt" and his name — or returns it to the office with a comment. The
 * fingerprint of what he saw goes back with "Duyệt": if the figures changed meanwhile, the server
 * refuses and the page shows the new report. The office sees the same page without the buttons.
 */
import { formatDateTimeVi } from "../../../core/periods";
import type { ApprovalState, ServerApi } from "../../../gas/api";
import { byId, el, errorText, replaceChildren } from "../../lib/dom";
import { loadPage, wireClose } from "../../lib/page";
import { capitalise, periodLoader, showPeriods, switchPeriod } from "../../lib/period";
import { serverCaller } from "../../lib/server";
import { clearStatus, setStatus } from "../../lib/status";

const call = serverCaller<ServerApi>();

const form = byId<HTMLFormElement>("approval");
const body = byId("body");
const periodSelect = byId<HTMLSelectElement>("period");
const frame = byId<HTMLIFrameElement>("report");
const confirmBox = byId<HTMLInputElement>("confirm");
const comment = byId<HTMLTextAreaElement>("comment");
const approveButton = byId<HTMLButtonElement>("approve");
const returnButton = byId<HTMLButtonElement>("return");
const returnBox = byId("return-box");
const statusRegion = byId("status");

let state: ApprovalState;
let busy = false;
let returning = false;

const periods = periodLoader({
  select: periodSelect,
  region: body,
  fetch: (key) => call("getApprovalState", key),
  shown: () => state,
  busyChanged: () => updateButtons(),
});

function stateText(s: ApprovalState): { text: string; kind: string } {
  const a = s.approval;
  if (a.status === "approved") {
    const sent = s.reportSentAt
      ? "; đã gửi cấp trên lúc " + formatDateTimeVi(s.reportSentAt)
      : "; chưa gửi được cấp trên (sẽ tự thử lại)";
    return {
      text:
        "Đã duyệt lúc " + formatDateTimeVi(a.approvedAt ?? "") + " bởi " + (a.approvedBy ?? "") + sent + ".",
      kind: "approved",
    };
  }
  if (a.status === "returned") {
    const last = a.returns[a.returns.length - 1];
    return {
      text:
        "Đã trả lại văn phòng" +
        (last ? " lúc " + formatDateTimeVi(last.at) : "") +
        "; đang chờ văn phòng sửa.",
      kind: "returned",
    };
  }
  if (a.status === "draft") {
    return { text: "Chờ duyệt (dự thảo gửi lúc " + formatDateTimeVi(a.draftAt ?? "") + ").", kind: "" };
  }
  return { text: "Chưa gửi dự thảo; bạn vẫn xem và duyệt được báo cáo của kỳ đã kết thúc.", kind: "" };
}

function render(): void {
  showPeriods(periodSelect, state, (p) => capitalise(p.label));
  const st = stateText(state);
  const line = byId("state");
  line.textContent = st.text;
  line.className = "state" + (st.kind ? " " + st.kind : "");
  byId("direct").hidden = state.mode !== "direct";
  const viewOnly = byId("view-only");
  const decides = state.canApprove;
  viewOnly.hidden = decides || state.mode === "direct" || state.approval.status === "approved";
  viewOnly.textContent =
    "Chỉ Chủ tịch UBND xã" +
    (state.chairman ? " (" + state.chairman + ")" : "") +
    " duyệt được. Bạn đang xem báo cáo ở chế độ chỉ đọc.";
  frame.setAttribute("srcdoc", state.html);
  byId("returns-box").hidden = state.approval.returns.length === 0;
  replaceChildren(
    byId("returns"),
    ...state.approval.returns.map((r) =>
      el("li", {}, formatDateTimeVi(r.at) + " – " + r.by + ": " + r.comment),
    ),
  );
  byId("decide").hidden = !decides;
  byId("recipients").textContent =
    "Khi duyệt, báo cáo gửi " + state.upperLevelName + ": " + state.recipients.join(", ") + ".";
  approveButton.hidden = !decides;
  returnButton.hidden = !decides;
  confirmBox.checked = false;
  setReturning(false);
  updateButtons();
}

function setReturning(on: boolean): void {
  returning = on;
  returnBox.hidden = !on;
  returnButton.textContent = on ? "Gửi góp ý, trả lại" : "Trả lại văn phòng…";
}

function updateButtons(): void {
  const waiting = busy || periods.busy();
  approveButton.disabled = waiting || !confirmBox.checked || returning;
  approveButton.textContent = busy && !returning ? "Đang duyệt và gửi…" : "Duyệt và gửi";
  returnButton.disabled = waiting || (returning && comment.value.trim() === "");
  confirmBox.disabled = waiting || returning;
  comment.disabled = busy;
}

async function loadPeriod(key: string): Promise<boolean> {
  const next = await switchPeriod(periods, key, state, statusRegion, "báo cáo");
  if (next === null) return false;
  state = next;
  render();
  return true;
}

async function approve(): Promise<void> {
  if (busy || !state.canApprove || !confirmBox.checked) return;
  busy = true;
  updateButtons();
  setStatus(statusRegion, "info", ["Đang duyệt và gửi báo cáo " + state.periodLabel + "…"]);
  try {
    const result = await call("approveReport", {
      periodKey: state.periodKey,
      fingerprint: state.fingerprint,
    });
    busy = false;
    if (!result.ok && result.state) {
      state = result.state;
      render();
    } else {
      await loadPeriod(state.periodKey);
    }
    setStatus(statusRegion, result.ok ? "ok" : "error", [result.message]);
  } catch (err) {
    busy = false;
    setStatus(statusRegion, "error", ["Chưa duyệt được: " + errorText(err), "Hãy thử lại."]);
  }
  updateButtons();
  byId("close").focus();
}

async function sendBack(): Promise<void> {
  if (!returning) {
    setReturning(true);
    updateButtons();
    comment.focus();
    return;
  }
  const text = comment.value.trim();
  if (busy || text === "") {
    comment.focus();
    return;
  }
  busy = true;
  updateButtons();
  setStatus(statusRegion, "info", ["Đang trả lại dự thảo…"]);
  try {
    const result = await call("returnReport", { periodKey: state.periodKey, comment: text });
    busy = false;
    if (result.ok) {
      comment.value = "";
      await loadPeriod(state.periodKey);
    }
    setStatus(statusRegion, result.ok ? "ok" : "error", [result.message]);
  } catch (err) {
    busy = false;
    // What was typed stays in the box.
    setStatus(statusRegion, "error", ["Chưa trả lại được: " + errorText(err), "Góp ý vẫn còn; hãy thử lại."]);
  }
  updateButtons();
}

periodSelect.addEventListener("change", () => {
  clearStatus(statusRegion);
  void loadPeriod(periodSelect.value);
});
confirmBox.addEventListener("change", updateButtons);
comment.addEventListener("input", updateButtons);
returnButton.addEventListener("click", () => void sendBack());
form.addEventListener("submit", (event) => {
  event.preventDefault();
  void approve();
});
wireClose();

void loadPage(
  () => call("getApprovalState", null),
  (loaded) => {
    state = loaded;
    render();
    byId("loading").hidden = true;
    form.hidden = false;
    periodSelect.focus();
  },
  { failed: "Không tải được báo cáo chờ duyệt: ", retrying: "Đang tải báo cáo chờ duyệt…" },
);
