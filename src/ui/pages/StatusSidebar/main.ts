/**
 * "Tình hình báo cáo của đơn vị…": what a unit's staff need to see of the open period at a glance, for
 * their own units only (the office sees every unit): entries so far, the last entry, rows with problems,
 * who enters for the unit, and which periods are approved and locked. Read-only.
 */
import { formatDateTimeVi } from "../../../core/periods";
import type { ServerApi, UnitStatusState } from "../../../gas/api";
import { byId, el, replaceChildren } from "../../lib/dom";
import { loadPage, wireClose } from "../../lib/page";
import { serverCaller } from "../../lib/server";

const call = serverCaller<ServerApi>();

function row(term: string, value: Node | string): Node[] {
  return [el("dt", {}, term), el("dd", {}, value)];
}

function show(state: UnitStatusState): void {
  byId("period").textContent =
    "Kỳ đang mở: " +
    state.periodLabel +
    " (" +
    state.start +
    " – " +
    state.end +
    "), hôm nay " +
    state.today +
    ".";
  replaceChildren(
    byId("units"),
    ...(state.units.length === 0
      ? [el("p", { class: "notice" }, "Tài khoản của bạn chưa được giao nhập liệu cho đơn vị nào.")]
      : state.units.map((u) =>
          el(
            "section",
            { class: "unit", "aria-label": u.name },
            el("h2", {}, u.name),
            el(
              "dl",
              {},
              ...row(
                "Trong kỳ",
                el(
                  "span",
                  { class: u.reported ? "badge ok" : "badge missing" },
                  u.reported ? u.entries + " dòng đã nhập" : "Chưa nhập dòng nào",
                ),
              ),
              ...row("Lần nhập gần nhất", u.lastEntryDate ?? "chưa có"),
              ...row(
                "Dòng cần sửa",
                u.errorRows + u.warningRows === 0
                  ? "không có"
                  : u.errorRows + " lỗi, " + u.warningRows + " cảnh báo (xem cột Trạng thái)",
              ),
              ...row("Trang", u.tabName),
              ...row("Người nhập", u.editors.length > 0 ? u.editors.join(", ") : "chưa giao"),
            ),
          ),
        )),
  );
  byId("locked-box").hidden = state.locked.length === 0;
  replaceChildren(
    byId("locked"),
    ...state.locked.map((l) => el("li", {}, l.label + " – duyệt lúc " + formatDateTimeVi(l.approvedAt))),
  );
  byId("loading").hidden = true;
  byId("page").hidden = false;
  byId("close").focus();
}

wireClose();
void loadPage(() => call("getUnitStatus"), show, {
  failed: "Không tải được tình hình báo cáo: ",
  retrying: "Đang tải tình hình báo cáo…",
});
