import { describe, expect, it } from "vitest";
import { unitColumns } from "../../src/core/columns";
import { ERROR_BACKGROUND, entryRow, markRows, NOTE_MARKER, STATUS_OK } from "../../src/core/marks";
import { readUnitTab } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

const unit = plan.units.find((u) => u.id === "congAnXa")!;
const header = unitColumns(plan, unit).map((c) => c.header);
const at = (h: string) => header.indexOf(h);
const RECEIVED = "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)";

function row(received: string): (string | Date)[] {
  const r: (string | Date)[] = header.map(() => "");
  r[at("Ngày")] = "05/04/2023";
  r[at("Nhiệm vụ")] = "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo";
  r[at(RECEIVED)] = received;
  return r;
}

describe("markRows", () => {
  it("notes and colours the offending cell, keeps the user's own note and colour elsewhere, and stamps", () => {
    const values = [row("ba"), row("3"), header.map(() => "")];
    const read = readUnitTab(plan, unit, [header, ...values], { today: "2023-04-10" });
    const notes = values.map(() => header.map(() => ""));
    const colours = values.map(() => header.map(() => "#ffffff"));
    notes[0]![at(RECEIVED)] = "Theo sổ trực ban";
    colours[1]![at("Nội dung")] = "#c9daf8";
    notes[1]![at(RECEIVED)] = `${NOTE_MARKER} cũ`;
    colours[1]![at(RECEIVED)] = ERROR_BACKGROUND;
    const at1 = new Date("2023-04-10T02:00:00Z");
    const marked = markRows(read, values, notes, colours, { user: "cong.an@quangkhai.example", at: at1 });

    expect(marked.notes[0]![at(RECEIVED)]).toMatch(
      new RegExp(`^Theo sổ trực ban\\n\\n\\${NOTE_MARKER} .*"ba"`),
    );
    expect(marked.backgrounds[0]![at(RECEIVED)]).toBe(ERROR_BACKGROUND);
    // Fixed since the last check: our note and colour go, the user's colour on another cell stays.
    expect(marked.notes[1]![at(RECEIVED)]).toBe("");
    expect(marked.backgrounds[1]![at(RECEIVED)]).toBeNull();
    expect(marked.backgrounds[1]![at("Nội dung")]).toBe("#c9daf8");

    const status = marked.scriptColumns.get(at("Trạng thái"))!;
    expect(status[0]).toMatch(/^✗ Lỗi: /);
    expect(status[1]).toBe(STATUS_OK);
    expect(status[2]).toBe("");
    expect(marked.scriptColumns.get(at("Người nhập"))).toEqual([
      "cong.an@quangkhai.example",
      "cong.an@quangkhai.example",
      "",
    ]);
    expect(marked.scriptColumns.get(at("Cập nhật lúc"))![0]).toBe(at1);
    expect([marked.checked, marked.errors, marked.entries.length]).toEqual([2, 1, 1]);
  });
});

describe("entryRow", () => {
  it("puts each value where the tab's header has it, as Sheets should hold it", () => {
    const school = plan.units.find((u) => u.id === "truongHoc")!;
    const columns = unitColumns(plan, school);
    // A tab whose columns were reordered by hand: the row follows the tab, not the plan's order.
    const order = [...columns].reverse();
    const indexByKey = Object.fromEntries(order.map((c, i) => [c.key, i]));
    const row = entryRow(
      {
        unitId: "truongHoc",
        date: "2023-04-06",
        task: school.tasks[0]!,
        form: null,
        subUnit: "thcs",
        values: { hocSinhTuyenTruyen: 300, coKeHoachLongGhep: true },
        content: "=1+1 buổi ngoại khoá",
        notes: "",
      },
      school,
      indexByKey,
      order.length,
    );
    const cell = (key: string) => row[indexByKey[key]!];
    expect(cell("date")).toEqual(new Date("2023-04-06T00:00:00+07:00"));
    expect(cell("subUnit")).toBe("Trường THCS Quang Khải");
    expect(cell("el:hocSinhTuyenTruyen")).toBe(300);
    expect(cell("el:coKeHoachLongGhep")).toBe("Có");
    // Text that could be read as a formula keeps its protective apostrophe.
    expect(cell("content")).toBe("'=1+1 buổi ngoại khoá");
    expect(cell("status")).toBe("");
  });
});
