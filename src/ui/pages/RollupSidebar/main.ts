/**
 * "Tổng hợp tháng…": the rollup of one period as the chairman's office reads it — each indicator with
 * its figure, target, status and pace, the units that have not reported, the data problems — and, for
 * the owner, "Ghi vào tab Tổng hợp". Everything shown comes from one getRollupState call; choosing
 * another period asks again, and a failed call leaves the period already shown on the page.
 */
import { formatDateVi, periodShortLabel } from "../../../core/periods";
import type { DataProblem, IndicatorResult, IndicatorStatus, Rollup } from "../../../core/rollup";
import { indicatorFigure } from "../../../core/rollup";
import { meaningLines, paceWords, statusWords } from "../../../core/wording";
import type { RollupState, ServerApi } from "../../../gas/api";
import { byId, el, errorText, replaceChildren } from "../../lib/dom";
import { loadPage, wireClose } from "../../lib/page";
import { capitalise, periodLabel, periodLoader, showPeriods, switchPeriod } from "../../lib/period";
import { serverCaller } from "../../lib/server";
import { clearStatus, setStatus } from "../../lib/status";

const call = serverCaller<ServerApi>();

const pageRoot = byId("page");
const periodSelect = byId<HTMLSelectElement>("period");
const summary = byId("summary");
const content = byId("content");
const statusRegion = byId("status");
const writeButton = byId<HTMLButtonElement>("write");
const WRITE_LABEL = "Ghi vào tab Tổng hợp";
/** Problems listed per unit before "và N vấn đề khác". */
const PROBLEMS_SHOWN = 3;

let state: RollupState;
let writing = false;

const periods = periodLoader({
  select: periodSelect,
  region: content,
  fetch: (key) => call("getRollupState", key),
  shown: () => state,
  busyChanged: () => updateButtons(),
});

/** Colour class and symbol of each status; the status's own words are always shown next to them. */
const STATUS_LOOK: Record<IndicatorStatus, { cls: string; icon: string }> = {
  Đạt: { cls: "met", icon: "✓" },
  "Chưa đạt": { cls: "unmet", icon: "✗" },
  "Không phát sinh": { cls: "none", icon: "–" },
  "Thiếu số liệu": { cls: "missing", icon: "?" },
};

function badge(ind: IndicatorResult): HTMLElement {
  const look = STATUS_LOOK[ind.status];
  return el(
    "span",
    { class: "badge " + look.cls },
    el("span", { class: "icon", "aria-hidden": "true" }, look.icon + " "),
    statusWords(ind),
  );
}

/** Progress towards the target; the figure says the same in words, so the bar is hidden from readers. */
function bar(ind: IndicatorResult): HTMLElement | null {
  if (ind.kind !== "percentage" || ind.percent === null) return null;
  const fill = Math.max(0, Math.min(100, ind.percent));
  const target = Math.max(0, Math.min(100, ind.target.value));
  return el(
    "div",
    { class: "bar", "aria-hidden": "true" },
    el("span", { class: "fill", style: "width:" + fill.toFixed(1) + "%" }),
    el("span", { class: "target", style: "left:calc(" + target.toFixed(1) + "% - 1px)" }),
  );
}

/** "4/2023 ✓" for each month so far, with "đạt"/"chưa đạt" for screen readers. */
function months(ind: IndicatorResult): HTMLElement | null {
  if (!ind.months || ind.months.length === 0) return null;
  return el(
    "div",
    { class: "months" },
    el("span", { class: "muted" }, "Từng tháng:"),
    el(
      "ul",
      {},
      ...ind.months.map((m) =>
        el(
          "li",
          { class: m.met ? "met" : "unmet", title: m.label + ": " + m.count + " lần" },
          m.label.replace(/^tháng\s+/, ""),
          el("span", { "aria-hidden": "true" }, m.met ? " ✓" : " ✗"),
          el("span", { class: "sr-only" }, m.met ? " đạt, " : " chưa đạt, ", m.count + " lần"),
        ),
      ),
    ),
  );
}

function pace(ind: IndicatorResult): HTMLElement | null {
  if (ind.pace === null) return null;
  return el("p", { class: ind.pace === "Chậm tiến độ" ? "pace late" : "pace" }, paceWords(ind));
}

function indicatorCard(ind: IndicatorResult): HTMLElement {
  return el(
    "li",
    { class: "card " + STATUS_LOOK[ind.status].cls, "data-indicator": ind.id },
    el("h3", { title: ind.label }, el("span", { class: "id" }, ind.id), " ", ind.shortLabel),
    el("div", { class: "row" }, el("span", { class: "figure" }, indicatorFigure(ind)), badge(ind)),
    bar(ind),
    el("p", { class: "meta" }, "Mục tiêu " + ind.targetText),
    pace(ind),
    months(ind),
  );
}

function renderUnits(rollup: Rollup): void {
  const missing = rollup.units.filter((u) => !u.reported);
  byId("units-title").textContent = "Đơn vị chưa báo cáo (" + missing.length + ")";
  if (missing.length === 0) {
    replaceChildren(byId("units"), el("p", { class: "muted" }, "Tất cả các đơn vị đã báo cáo trong kỳ."));
    return;
  }
  replaceChildren(
    byId("units"),
    el(
      "ul",
      { class: "units" },
      ...missing.map((u) =>
        el(
          "li",
          {},
          el("span", { class: "name" }, u.name),
          el(
            "span",
            { class: "help" },
            u.lastEntryDate
              ? "Lần nhập gần nhất: " + formatDateVi(u.lastEntryDate)
              : "Chưa nhập lần nào trong năm",
          ),
        ),
      ),
    ),
  );
}

function problemItem(p: DataProblem): HTMLElement {
  return el(
    "li",
    { class: p.severity === "error" ? "error" : "warning", tabindex: "-1" },
    el("span", { class: "sev" }, p.severity === "error" ? "Lỗi" : "Lưu ý"),
    " ",
    p.rowNumber !== null ? "Dòng " + p.rowNumber + ": " + p.message : p.message,
  );
}

/** One unit's problems: the first few, then a button that shows the rest. */
function problemGroup(title: string, list: DataProblem[]): HTMLElement {
  const items = el("ul", {}, ...list.slice(0, PROBLEMS_SHOWN).map(problemItem));
  const rest = list.slice(PROBLEMS_SHOWN);
  if (rest.length > 0) {
    const more = el("button", { type: "button", class: "link" }, "và " + rest.length + " vấn đề khác");
    const moreItem = el("li", { class: "more" }, more);
    more.addEventListener("click", () => {
      const shown = rest.map(problemItem);
      moreItem.replaceWith(...shown);
      // The list grew where the button was: keyboard users continue from the first new line.
      shown[0]?.focus();
    });
    items.appendChild(moreItem);
  }
  return el("div", { class: "group" }, el("h3", {}, title + " (" + list.length + ")"), items);
}

function renderProblems(rollup: Rollup): void {
  const problems = rollup.problems;
  byId("problems-title").textContent = "Vấn đề về số liệu (" + problems.length + ")";
  if (problems.length === 0) {
    replaceChildren(byId("problems"), el("p", { class: "muted" }, "Không có vấn đề nào."));
    return;
  }
  // Grouped in the order of the units' tabs, so the user fixes one tab at a time.
  const groups: HTMLElement[] = [];
  for (const u of rollup.units) {
    const list = problems.filter((p) => p.unitId === u.unitId);
    if (list.length > 0) groups.push(problemGroup("Trang “" + u.tabName + "”", list));
  }
  const known = new Set(rollup.units.map((u) => u.unitId));
  const general = problems.filter((p) => p.unitId === null || !known.has(p.unitId));
  if (general.length > 0) groups.push(problemGroup("Chung", general));
  replaceChildren(byId("problems"), ...groups);
}

function render(): void {
  const rollup = state.rollup;
  // At 300 px the full label ("tháng 4/2023 (15/03/2023 – 14/04/2023)") is cut off: the dates go below.
  showPeriods(periodSelect, state, (p) => capitalise(periodShortLabel(p.key)));
  byId("period-range").textContent =
    "Từ " +
    formatDateVi(rollup.period.start) +
    " đến " +
    formatDateVi(rollup.period.end) +
    "; tỉ lệ tính cộng dồn từ " +
    formatDateVi(rollup.yearToDate.start) +
    ".";
  const s = rollup.summary;
  summary.textContent =
    "Đạt " +
    s.indicatorsMet +
    "/" +
    s.indicatorsTotal +
    " chỉ tiêu · " +
    s.unitsReported +
    "/" +
    s.unitsTotal +
    " đơn vị đã báo cáo trong kỳ.";
  replaceChildren(byId("indicators"), ...rollup.indicators.map(indicatorCard));
  replaceChildren(byId("meaning"), ...meaningLines(rollup.indicators).map((line) => el("p", {}, line)));
  renderUnits(rollup);
  renderProblems(rollup);
  writeButton.hidden = !state.canWrite;
  byId("owner-only").hidden = state.canWrite;
  updateButtons();
}

function updateButtons(): void {
  writeButton.disabled = writing || periods.busy();
  writeButton.textContent = writing ? "Đang ghi…" : WRITE_LABEL;
}

/** Another period: asked of the server; the one on the page stays until the answer arrives. */
async function changePeriod(key: string): Promise<void> {
  setStatus(statusRegion, "info", ["Đang tính tổng hợp " + periodLabel(state, key) + "…"]);
  const next = await switchPeriod(periods, key, state, statusRegion, "tổng hợp");
  if (next === null) return;
  state = next;
  clearStatus(statusRegion);
  render();
}

async function writeTab(): Promise<void> {
  if (writing || periods.busy() || !state.canWrite) return;
  writing = true;
  updateButtons();
  setStatus(statusRegion, "info", ["Đang ghi " + periodLabel(state, state.periodKey) + " vào tab Tổng hợp…"]);
  try {
    const result = await call("writeRollupToTab", state.periodKey);
    setStatus(statusRegion, result.ok ? "ok" : "error", [result.message]);
  } catch (err) {
    setStatus(statusRegion, "error", ["Không ghi được vào tab Tổng hợp: " + errorText(err), "Hãy thử lại."]);
  } finally {
    writing = false;
    updateButtons();
    writeButton.focus();
  }
}

periodSelect.addEventListener("change", () => {
  void changePeriod(periodSelect.value);
});
writeButton.addEventListener("click", () => {
  void writeTab();
});
wireClose();

void loadPage(
  () => call("getRollupState", null),
  (loaded) => {
    state = loaded;
    render();
    byId("loading").hidden = true;
    pageRoot.hidden = false;
    periodSelect.focus();
  },
  { failed: "Không tải được tổng hợp: ", retrying: "Đang tính tổng hợp…" },
);
