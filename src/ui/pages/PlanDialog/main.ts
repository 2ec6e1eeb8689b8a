/**
 * "Kế hoạch: nhập, xuất, soạn từ văn bản…" (the office): the plan the sheet is set up with as JSON; a
 * JSON plan or a plan document's text written into the "Kế hoạch" tab, for the office to check and
 * apply with setup. The server checks everything again; this page only carries text.
 */
import type { PlanWriteResult, ServerApi } from "../../../gas/api";
import { byId, errorText, markBusy } from "../../lib/dom";
import { loadPage, wireClose } from "../../lib/page";
import { serverCaller } from "../../lib/server";
import { setStatus } from "../../lib/status";

const call = serverCaller<ServerApi>();

function show(state: Awaited<ReturnType<ServerApi["getPlanDialogState"]>>): void {
  byId("export-help").textContent = `Kế hoạch đang áp dụng: ${state.title} (năm ${state.year}).`;
  byId<HTMLTextAreaElement>("export").value = state.json;
  byId("loading").hidden = true;
  byId("page").hidden = false;
}

function report(result: PlanWriteResult): void {
  setStatus(byId("result"), result.ok ? "ok" : "error", [result.message], result.problems);
}

function wire(buttonId: string, textId: string, send: (text: string) => Promise<PlanWriteResult>): void {
  const button = byId<HTMLButtonElement>(buttonId);
  button.addEventListener("click", async () => {
    const text = byId<HTMLTextAreaElement>(textId).value;
    if (text.trim() === "") {
      setStatus(byId("result"), "error", ["Chưa dán nội dung nào vào ô này."]);
      return;
    }
    button.disabled = true;
    markBusy(button, true);
    setStatus(byId("result"), "info", ["Đang ghi vào trang Kế hoạch…"]);
    try {
      report(await send(text));
    } catch (err) {
      setStatus(byId("result"), "error", ["Chưa ghi được: " + errorText(err)]);
    } finally {
      button.disabled = false;
      markBusy(button, false);
    }
  });
}

byId("select").addEventListener("click", () => {
  const area = byId<HTMLTextAreaElement>("export");
  area.focus();
  area.select();
});
wire("import-go", "import", (text) => call("importPlanJson", text));
wire("draft-go", "draft", (text) => call("draftPlanFromText", text));
wireClose();
void loadPage(() => call("getPlanDialogState"), show, {
  failed: "Không tải được kế hoạch: ",
  retrying: "Đang tải kế hoạch…",
});
