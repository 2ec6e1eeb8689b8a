/**
 * A worked month for the 2023 plan, written as workbook tabs: "tháng 6/2023" under the cut-off rule
 * runs 15/05/2023 – 14/06/2023; year to date 15/03/2023 – 14/06/2023; 3 of the plan's 9 months
 * (4/2023 … 12/2023) have run. The expected figures are worked out by hand in rollup.test.ts.
 */
import type { TabValues } from "../../src/local/xlsx/write";
import { tabOf, task, vn } from "./helpers";

export const WORKED_NOW = new Date("2023-06-25T10:00:00+07:00");

export function workedMonthTabs(): TabValues[] {
  return [
    tabOf("congAnXa", [
      {
        date: vn("2023-03-20"),
        task: task("congAnXa"),
        coKeHoachLongGhep: "Có",
        coSoKinhDoanh: 6,
        laoDongCoSo: 80,
        laoDongCoSoTuyenTruyen: 12,
        tinTiepNhan: 1,
        tinXuLyKipThoi: 1,
      },
      {
        date: vn("2023-04-28"),
        task: task("congAnXa", 5),
        laoDongCoSoTuyenTruyen: 10,
        tinTiepNhan: 2,
        tinXuLyKipThoi: 1,
      },
      { date: vn("2023-05-20"), task: task("congAnXa", 2), laoDongCoSo: 90, laoDongCoSoTuyenTruyen: 8 },
      { date: vn("2023-06-10"), task: task("congAnXa", 5), tinTiepNhan: 2, tinXuLyKipThoi: 2 },
      // After the period's end (but before "today", 25/06): valid, and not counted in June's report.
      { date: vn("2023-06-20"), task: task("congAnXa", 2), laoDongCoSo: 10, laoDongCoSoTuyenTruyen: 50 },
    ]),
    tabOf("vhxhLdtbxh", [
      {
        date: vn("2023-04-10"),
        task: task("vhxhLdtbxh"),
        coKeHoachLongGhep: "Có",
        laoDongCongTy: 500,
        canBoLienQuan: 40,
      },
      { date: vn("2023-05-16"), task: task("vhxhLdtbxh"), laoDongCongTyTuyenTruyen: 60, canBoTapHuan: 2 },
      {
        date: vn("2023-06-02"),
        task: task("vhxhLdtbxh"),
        laoDongCongTyTuyenTruyen: 30,
        nguoiCanHoTro: 0,
        nguoiDuocHoTro: 0,
      },
    ]),
    tabOf("tramYTe", [
      { date: vn("2023-05-10"), task: task("tramYTe", 1), coKeHoachLongGhep: "Không", luotKhamSucKhoe: 15 },
    ]),
    tabOf("taiChinh", []),
    tabOf("vhxhVhtt", [
      { date: vn("2023-04-12"), task: task("vhxhVhtt", 2), tinBaiTrangDienTu: 1 },
      { date: vn("2023-05-02"), task: task("vhxhVhtt", 2), tinBaiTrangDienTu: 1 },
      { date: vn("2023-06-05"), task: task("vhxhVhtt", 2), tinBaiTrangDienTu: 1, tinBaiTruyenThanh: 1 },
    ]),
    tabOf("truongHoc", [
      {
        date: vn("2023-03-25"),
        task: task("truongHoc"),
        subUnit: "Trường Mầm non Quang Khải",
        hocSinh: 250,
        coKeHoachLongGhep: "Có",
      },
      {
        date: vn("2023-03-25"),
        task: task("truongHoc"),
        subUnit: "Trường Tiểu học Quang Khải",
        hocSinh: 420,
        coKeHoachLongGhep: "Có",
      },
      {
        date: vn("2023-03-25"),
        task: task("truongHoc"),
        subUnit: "Trường THCS Quang Khải",
        hocSinh: 380,
        coKeHoachLongGhep: "Không",
      },
      {
        date: vn("2023-05-05"),
        task: task("truongHoc"),
        subUnit: "Trường THCS Quang Khải",
        hocSinhTuyenTruyen: 120,
      },
      {
        date: vn("2023-05-25"),
        task: task("truongHoc"),
        subUnit: "Trường Tiểu học Quang Khải",
        hocSinhTuyenTruyen: 150,
      },
      {
        date: vn("2023-05-25"),
        task: task("truongHoc"),
        subUnit: "Trường THCS Quang Khải",
        coKeHoachLongGhep: "Có",
      },
      { date: vn("2023-06-01"), task: task("truongHoc"), subUnit: "Trường THCS Quang Khải", hocSinh: 375 },
    ]),
    tabOf("tuPhap", []),
    tabOf("daiTruyenThanh", [
      { date: vn("2023-04-03"), task: task("daiTruyenThanh"), tinBaiTruyenThanh: 2, coKeHoachLongGhep: "Có" },
      { date: vn("2023-05-18"), task: task("daiTruyenThanh"), tinBaiTruyenThanh: 1 },
    ]),
    tabOf("nganhKhac", []),
    tabOf("mttqDoanThe", []),
    tabOf("truongThon", []),
  ];
}
